import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export results as tidy CSV, Excel CSV, JSON, SDMX-CSV or DHIS2.")

    func run() throws {
        try notYetImplemented("export")
    }
}
