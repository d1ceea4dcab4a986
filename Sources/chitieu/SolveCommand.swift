import ArgumentParser

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Inverse questions: hires, AARR or budget needed for a target.")

    func run() throws {
        try notYetImplemented("solve")
    }
}
