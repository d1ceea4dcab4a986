import ArgumentParser

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "List the indicator catalogue.")

    func run() throws {
        try notYetImplemented("indicators")
    }
}
