import ArgumentParser

/// `chitieu`: will the province reach its health targets, how sure are we, what would it take?
/// With no arguments it runs `attain` on the bundled Kon Tum plan.
@main
struct Chitieu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chitieu",
        abstract: "Project health indicators to their 2025/2030 targets, with honest uncertainty.",
        discussion: """
            With no subcommand, runs `attain` on the bundled Kon Tum plan (Datasets/kontum).
            Data goes to stdout, messages to stderr. Exit codes follow sysexits: 64 usage, 65 data,
            66 no input, 70 internal, 73 cannot create output, 78 configuration.
            """,
        version: ChitieuVersion.string,
        subcommands: [
            AttainCommand.self, ProjectCommand.self, IndicatorsCommand.self, DataCommand.self,
            ScenarioCommand.self, SolveCommand.self, ExportCommand.self, PlotCommand.self,
            BacktestCommand.self,
        ],
        defaultSubcommand: AttainCommand.self)
}
