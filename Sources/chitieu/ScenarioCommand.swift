import ArgumentParser
import Export
import Foundation
import Planning
import IndicatorData
import Projection
import Scenarios

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Run and compare scenarios.",
        discussion: """
            Outcome indicators are fitted exactly as `chitieu attain` fits them (same data files and source \
            priority, same catalogue scales, calibrated intervals from Datasets/calibration/calibration.json; \
            the --model, --window, --intervals … options below change both alike), then each indicator's lever \
            moves the projected centre. P(attain) uses the scorecard's definitions: for trend levers it is \
            analytic (the business-as-usual file gives the scorecard's P exactly); for resources (stock-flow) \
            and targets at a cap it is the share of seeded Monte Carlo draws, printed with its standard error.
            """,
        subcommands: [ScenarioRun.self, ScenarioCompare.self])
}

/// Options shared by `scenario run` and `scenario compare`.
struct ScenarioRunOptions: ParsableArguments {
    @Option(help: "Monte Carlo draws (overrides the file).") var draws: Int?
    @Option(help: "Random seed (overrides the file).") var seed: UInt64?
    @OptionGroup var file: OutputFileOptions
    @Option(help: "Output format: table, csv (scenario, the milestone columns of `attain --format csv`, draws and seed), json or xlsx (needs --out unless stdout is a pipe).") var format: OutputFormat = .table
    @OptionGroup var language: LanguageOption
    @OptionGroup var quietOption: QuietOption
    var out: String? { file.out }
    var force: Bool { file.force }
    var lang: Language { language.lang }
    var quiet: Bool { quietOption.quiet }
    @OptionGroup var model: ModelOptions
    @OptionGroup var read: DataReadOptions

    func validate() throws {
        if let draws, !(1...1_000_000).contains(draws) { throw ValidationError("Use --draws from 1 to 1000000.") }
    }
}

// MARK: - Loading

/// Loads a scenario and its data, runs it on the plan's business as usual (`ScenarioPlan.run`), prints the
/// seed and the notes on stderr unless `--quiet` (errors are thrown, so they are printed either way).
func runScenarioFile(_ path: String, options: ScenarioRunOptions) throws -> ScenarioAssessment {
    let (scenario, inputs, notes) = try ScenarioPlan.load(path, draws: options.draws, seed: options.seed,
                                                         defaults: try options.read.readDefaults(),
                                                         settings: try options.model.settings())
    let lang = options.lang
    func note(_ text: String) { printError(NoteText.notePrefix(lang) + NoteText.localized(text, lang)) }
    if !options.quiet {
        notes.forEach(note)
        // The seed is always in the CSV/JSON/xlsx metadata; here it is a note like the others.
        printError(lang == .vi ? "kịch bản \(scenario.name): hạt giống \(scenario.seed), \(scenario.draws) lần mô phỏng"
            : "scenario \(scenario.name): seed \(scenario.seed), \(scenario.draws) draws")
    }
    let bar = ProgressBar(lang == .vi ? "kịch bản: chỉ số và nguồn lực" : "scenario: indicators and resources",
                          total: 0, quiet: options.quiet)
    defer { bar.finish() }
    let progress: (@Sendable (Int, Int) -> Void)? = bar.isDrawn ? { @Sendable in bar.update($0, of: $1) } : nil
    let run = try ScenarioPlan.run(scenario, inputs: inputs, notes: notes, progress: progress)
    bar.finish()
    if !options.quiet { run.result.notes.forEach(note) }
    return run
}

/// Writes `data` to `out` atomically (replacing it only with `force`), or to stdout.
func emit(_ data: Data, out: String?, force: Bool) throws {
    guard let out else { return FileHandle.standardOutput.write(data) }
    do {
        try AtomicFile.write(data, to: URL(fileURLWithPath: out), overwrite: force)
    } catch let error as ExportError {
        throw error  // exists without --force (64), or a named write failure
    } catch {
        throw CLIError(message: "cannot write \(out): \(error). Check the folder exists and is writable.",
                       code: ExitStatus.cannotCreate)
    }
}

// MARK: - Commands

struct ScenarioRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one scenario file: tidy rows per year, indicator and kind, and a scorecard.",
        discussion: """
            Table: the scorecard (target, status, projected median [95 % interval], P(attain), verdict as in \
            `chitieu attain`), the population model and each resource's start stock and costs. CSV: tidy rows \
            (scenario, region, indicator, year, kind, level, value, method) with kind p_attain/p_attain_se for the \
            scorecard. JSON: metadata (seed, draws, population model, resources' start-stock derivation and \
            attrition uncertainty, notes), rows and scorecard.
            """)
    @Argument(help: "Scenario YAML file.") var file: String
    @Flag(help: "With --format csv: the tidy yearly rows (scenario, region, indicator, year, kind, level, value, method) instead of the milestone rows.")
    var paths = false
    @OptionGroup var options: ScenarioRunOptions

    func run() throws {
        try runReportingErrors {
            let run = try runScenarioFile(file, options: options)
            try emit(try ScenarioFormatter.render(run, format: options.format, lang: options.lang, paths: paths,
                                                  toStdout: options.out == nil),
                     out: options.out, force: options.force)
        }
    }
}

struct ScenarioCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios side by side: projections with intervals, P(attain), costs.",
        discussion: """
            One row per target and milestone; per scenario the projected median with its 95 % interval and \
            P(attain) (± Monte Carlo SE where it comes from draws), then each scenario's total cost and cost per \
            point of density gained per resource. --indicator keeps one indicator; --format csv, json and xlsx \
            give the long table: the milestone columns of `attain --format csv` for every scenario (joinable on \
            scenario, indicator, region, year) and the scenario's costs over business as usual. --indicator CODE --plot chart.svg also draws the \
            scenarios' fans for CODE on one chart (as `chitieu plot --indicator CODE --scenario A.yaml \
            --scenario B.yaml`).
            """)
    @Argument(help: "Two or more scenario YAML files.") var files: [String]
    @Option(help: "Only this indicator code (e.g. stunting_u5_pct).") var indicator: String?
    @OptionGroup var options: ScenarioRunOptions
    @OptionGroup(title: "Chart") var chart: ScenarioPlotOptions

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("Give at least two scenario files to compare.") }
        try chart.validate(indicator: indicator, force: options.force)
    }

    func run() throws {
        try runReportingErrors {
            let runs = try ScenarioPlot.run(files, options: options)
            try emit(try ScenarioFormatter.compare(runs.map(\.run), indicator: indicator, format: options.format,
                                                    lang: options.lang, toStdout: options.out == nil),
                     out: options.out, force: options.force)
            try chart.draw(runs, indicator: indicator, lang: options.lang, quiet: options.quiet, force: options.force)
        }
    }
}

