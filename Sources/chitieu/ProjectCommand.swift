import ArgumentParser

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project one series with prediction intervals (tidy rows).")

    func run() throws {
        try notYetImplemented("project")
    }
}
