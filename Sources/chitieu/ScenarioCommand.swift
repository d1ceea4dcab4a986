import ArgumentParser
import Export
import Foundation
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
    @Option(help: "Output format: table, csv or json (xlsx is not available for scenarios yet).") var format: OutputFormat = .table
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
        if format == .xlsx { throw ValidationError("Use --format table, csv or json for scenarios (no workbook yet).") }
    }
}

// MARK: - Loading

/// Reads a scenario file and fits every indicator it needs the way the scorecard does
/// (`AttainInputs.load`, `ModelOptions.policy`, `PlanProjector.project`, `PlanScorecard.baselineObservation`).
func loadScenario(_ path: String, options: ScenarioRunOptions) throws -> (Scenario, ScenarioInputs) {
    let bundled = try BundledData.catalogue()
    var byCode: [String: Indicator] = [:]
    for entry in bundled.indicators { byCode[entry.code] = entry }
    let url = URL(fileURLWithPath: path)
    var scenario = try ScenarioParser.read(contentsOf: url, displayName: path, catalogue: byCode)
    if let draws = options.draws { scenario.draws = draws }
    if let seed = options.seed { scenario.seed = seed }
    let folder = url.deletingLastPathComponent()
    // `data:` and `targets:` are relative to the scenario file; a missing one is the file's error (exit 78).
    for (key, name) in [("data", scenario.dataFile), ("targets", scenario.targetsFile)] {
        guard let name else { continue }
        let resolved = URL(fileURLWithPath: name, relativeTo: folder).standardizedFileURL
        guard FileManager.default.fileExists(atPath: resolved.path) else {
            let mark = scenario.marks[key] ?? SourceMark(file: path, line: 0, column: 0)
            throw mark.error("\(key) file \(name) not found (looked for \(resolved.path); paths are relative to the "
                + "scenario file's folder). Fix the path, or drop `\(key):` to use the bundled Kon Tum files.")
        }
    }
    let inputs = try AttainInputs.load(
        dataFiles: scenario.dataFile.map { [URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL.path] } ?? [],
        targetsFile: scenario.targetsFile.map { URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL.path },
        catalogueFile: nil, read: options.read)
    let regions = Set(inputs.targets.map(\.region))
    if !regions.contains(scenario.region), !options.quiet {
        printError("note: the targets file has no targets for region \(scenario.region) (it has: "
            + "\(regions.sorted().joined(separator: ", "))): the scorecard is empty; check `region:`")
    }
    let policy = try options.model.policy(catalogue: inputs.catalogue)
    let data = inputs.seriesByKey
    var series: [String: Series] = [:]
    for s in inputs.collection.series where s.region == scenario.region { series[s.indicator] = s }

    let targeted = Set(inputs.targets.filter { $0.region == scenario.region }.map(\.indicator))
    // Resources are fitted too: their business as usual is the scorecard's trend; only the budget lever
    // determines its indicator without one.
    var determined = Set<String>()
    if scenario.budget != nil { determined.insert("preventive_budget_share_pct") }
    var fits: [String: TrendFit] = [:]
    var unassessable: [String: String] = [:]
    var baselines: [String: Observation] = [:]
    for code in targeted.union(scenario.trends.keys).union(scenario.resources.keys.map(\.indicator)).sorted() {
        guard let indicator = inputs.catalogue[code] else {
            unassessable[code] = "indicator \(code) is not in the catalogue"
            continue
        }
        if determined.contains(code) {
            if let b = PlanScorecard.baselineObservation(series[code], year: scenario.baseYear) { baselines[code] = b }
            continue
        }
        let projection = PlanProjector.project(indicator: indicator, region: scenario.region, data: data, policy: policy)
        if let fit = projection.fit {
            fits[code] = fit
        } else {
            unassessable[code] = projection.reason ?? "no usable series for this indicator"
        }
        if let regional = projection.series { series[code] = regional }
        if let b = PlanScorecard.baselineObservation(projection.series, year: scenario.baseYear) { baselines[code] = b }
    }
    var catalogue: [String: Indicator] = [:]
    for entry in inputs.catalogue.indicators { catalogue[entry.code] = entry }
    return (scenario, ScenarioInputs(catalogue: catalogue, series: series, fits: fits, unassessable: unassessable,
                                     targets: inputs.targets, baselines: baselines))
}

/// Loads a scenario and its data, runs it, prints the seed and the notes on stderr.
func runScenarioFile(_ path: String, options: ScenarioRunOptions) throws -> ScenarioResult {
    try runScenarioFileWithInputs(path, options: options).result
}

/// `runScenarioFile`, also returning the inputs it ran on (observed series and targets, for charts).
func runScenarioFileWithInputs(_ path: String, options: ScenarioRunOptions)
    throws -> (result: ScenarioResult, inputs: ScenarioInputs) {
    let (scenario, inputs) = try loadScenario(path, options: options)
    let showProgress = !options.quiet && isatty(STDERR_FILENO) == 1
    printError("scenario \(scenario.name): seed \(scenario.seed), \(scenario.draws) draws")
    let progress: (@Sendable (Int, Int) -> Void)? = showProgress ? reportProgress : nil
    let result = try ScenarioRunner(scenario: scenario, inputs: inputs).run(progress: progress)
    if !options.quiet { for note in result.notes { printError("note: \(note)") } }
    return (result, inputs)
}

/// Writes `text` to `out` atomically (replacing it), or to stdout.
func emit(_ text: String, out: String?, force: Bool) throws {
    guard let out else { return writeStdout(text) }
    do {
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out), overwrite: force)
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
    @OptionGroup var options: ScenarioRunOptions

    func run() throws {
        try runReportingErrors {
            let result = try runScenarioFile(file, options: options)
            try emit(try ScenarioFormatter.render(result, format: options.format, lang: options.lang), out: options.out,
                     force: options.force)
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
            point of density gained per resource. --indicator keeps one indicator; --format csv gives one \
            numeric column per quantity for spreadsheets. --indicator CODE --plot chart.svg also draws the \
            scenarios' fans for CODE on one chart (as `chitieu plot --indicator CODE --scenario A.yaml \
            --scenario B.yaml`).
            """)
    @Argument(help: "Two or more scenario YAML files.") var files: [String]
    @Option(help: "Only this indicator code (e.g. stunting_u5_pct).") var indicator: String?
    @OptionGroup var options: ScenarioRunOptions
    @OptionGroup(title: "Chart") var chart: ScenarioPlotOptions

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("Give at least two scenario files to compare.") }
        if options.format == .json { throw ValidationError("Use --format table or csv for compare (json: run each file).") }
        try chart.validate(indicator: indicator, force: options.force)
    }

    func run() throws {
        try runReportingErrors {
            let runs = try ScenarioPlot.run(files, options: options)
            try emit(try ScenarioFormatter.compare(runs.map(\.result), indicator: indicator, format: options.format,
                                                    lang: options.lang),
                     out: options.out, force: options.force)
            try chart.draw(runs, indicator: indicator, lang: options.lang, quiet: options.quiet, force: options.force)
        }
    }
}

/// Progress line on stderr (only called when stderr is a terminal).
@Sendable func reportProgress(_ done: Int, _ total: Int) {
    FileHandle.standardError.write(Data("\r\(done)/\(total) indicators and resources".utf8))
    if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
}
