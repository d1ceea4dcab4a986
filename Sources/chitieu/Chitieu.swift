import ArgumentParser

/// `chitieu`: will the province reach its health targets, how sure are we, what would it take?
/// With no arguments it runs `attain` on the bundled Kon Tum plan.
@main
struct Chitieu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chitieu",
        abstract: "Project health indicators to their 2025/2030 targets, with honest uncertainty.",
        discussion: """
            With no subcommand, runs `attain` on the bundled Kon Tum plan (Datasets/kontum): every \
            indicator of the plan's appendix, projected to 2025 and 2030 with calibrated 80 % and 95 % \
            prediction intervals, the probability of meeting each target, and verdicts.

            Data goes to stdout, messages to stderr; --format table|csv|json on every command that \
            prints rows; no colour unless stdout is a terminal and NO_COLOR is unset. Set \
            CHITIEU_DATASETS to use a Datasets/ directory outside the checkout.

            Exit codes (sysexits): 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, \
            73 cannot create output, 74 I/O error, 78 bad configuration (scenario or calibration file).
            """,
        version: ChitieuVersion.string,
        subcommands: [
            AttainCommand.self, ProjectCommand.self, IndicatorsCommand.self, DataCommand.self,
            ScenarioCommand.self, SolveCommand.self, ExportCommand.self, PlotCommand.self,
            BacktestCommand.self, ReportCommand.self, ScenarioFileHelp.self,
        ],
        defaultSubcommand: AttainCommand.self)
}
