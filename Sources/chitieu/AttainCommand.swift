import ArgumentParser

struct AttainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attain",
        abstract: "Project every plan indicator and judge each 2025/2030 target.")

    func run() throws {
        try notYetImplemented("attain")
    }
}
