import ArgumentParser

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Validate and summarise data files.")

    func run() throws {
        try notYetImplemented("data")
    }
}
