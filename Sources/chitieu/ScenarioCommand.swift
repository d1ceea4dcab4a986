import ArgumentParser

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Run and compare scenarios.")

    func run() throws {
        try notYetImplemented("scenario")
    }
}
