import ArgumentParser
import Attainment
import Export
import Foundation
import Planning

/// `chitieu report`: the plan report as one self-contained HTML file. This command parses, calls
/// Planning (the assessment, the scenario runs) and the renderers `attain` and `scenario compare` use,
/// and hands them to Export's `PlanReport`, which assembles the document.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the plan report: one self-contained HTML file (scorecard, fan charts, scenarios, methods).",
        discussion: """
            chitieu report --out report.html
              On the bundled Kon Tum plan: a summary, the scorecard (the numbers of `chitieu attain --format \
            csv`, each also in a data-value attribute at full precision), a fan chart per projected indicator \
            (as `chitieu plot --indicator`), what each verdict means, methods and caveats, and the data files \
            with their SHA-256. Inline CSS and SVG, no script and no network: it opens offline, can be mailed \
            as one file, and prints on A4.

            chitieu report --scenario business_as_usual.yaml --scenario workforce_expansion.yaml --out report.html
              Adds the scenario comparison (as `chitieu scenario compare --format csv`) and the scenarios' costs. \
            The scenarios must be for the report's region.

            --lang vi writes the whole report in Vietnamese. An existing --out is replaced only with --force; \
            without --out the HTML goes to stdout.
            """)

    @Option(help: "Region code to report on (default: the only region in the targets file, VN-28 for the bundled plan).")
    var region: String?

    @Option(name: .customLong("scenario"), parsing: .singleValue,
            help: ArgumentHelp("A scenario YAML file to compare (repeatable).", valueName: "file.yaml"),
            completion: .file(extensions: ["yaml", "yml"]))
    var scenarios: [String] = []

    @OptionGroup var dataOption: DataFilesOption
    @OptionGroup var targetsOption: TargetsOption
    @OptionGroup var catalogueOption: CatalogueOption
    @OptionGroup var file: OutputFileOptions
    @OptionGroup var language: LanguageOption
    @OptionGroup var quietOption: QuietOption

    @Option(help: "Monte Carlo draws for the joint probability (as `attain`).")
    var draws: Int = Scorecard.defaultDraws

    @Option(help: "Seed of every random draw of the scorecard (as `attain`).")
    var seed: UInt64 = Scorecard.defaultSeed

    @OptionGroup var model: ModelOptions
    @OptionGroup var read: DataReadOptions

    var lang: Language { language.lang }
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        guard draws >= 100 else { throw ValidationError("Use --draws 100 or more (got \(draws)).") }
        if let out = file.out {
            if out.isEmpty { throw ValidationError("Give --out a file name ending in .html (or leave it out: the HTML goes to stdout).") }
            // Checked before the assessment runs, so minutes are not spent on a file that cannot be written.
            if !file.force, out != "-", FileManager.default.fileExists(atPath: out) {
                throw ValidationError("\(out) already exists; use --force to replace it, or choose another --out file.")
            }
        }
    }

    func run() throws {
        try runReportingErrors {
            let inputs = try PlanInputs.load(dataFiles: dataOption.files, targetsFile: targetsOption.targets,
                                             catalogueFile: catalogueOption.catalogue, read: read)
            let chosen = try resolveRegion(inputs)
            let settings = try model.settings()
            let bar = ProgressBar(lang == .vi ? "báo cáo: chỉ số" : "report: indicators", total: 0, quiet: quiet)
            defer { bar.finish() }
            let progress: ((Int, Int) -> Void)? = bar.isDrawn ? { bar.update($0, of: $1) } : nil
            let plan = try PlanAssessor.assess(inputs, region: chosen, policy: try settings.policy(catalogue: inputs.catalogue),
                                               draws: draws, seed: seed, progress: progress)
            bar.finish()
            if !quiet {
                printError(lang == .vi ? "chitieu: \(plan.indicators.count) chỉ số của \(chosen); hạt giống \(seed), \(draws) lần mô phỏng"
                    : "chitieu: \(plan.indicators.count) indicators for \(chosen); seed \(seed), \(draws) draws")
            }
            let runs = try runScenarios(region: chosen)
            let files = inputs.files + scenarios.map { URL(fileURLWithPath: $0) }
            let metadata = runMetadata(files: files, model: settings.modelLabel, seed: seed,
                                       options: ["region": chosen, "draws": String(draws),
                                                 "intervals": model.intervals.rawValue, "window": model.window ?? "all",
                                                 "weights": model.weights])
            let report = PlanReport(plan: plan, scorecard: try ScorecardTable.full(plan, lang: lang), scenarios: runs,
                                    comparison: runs.isEmpty ? nil
                                        : try ScenarioFormatter.compareTable(runs: runs, indicator: nil, lang: lang),
                                    metadata: metadata, calibrated: model.intervals == .calibrated, language: lang)
            try write(try HTMLReportWriter().render(try report.document()))
        }
    }

    /// `--region`, else the targets file's only region.
    func resolveRegion(_ inputs: PlanInputs) throws -> String {
        if let region { return region }
        let regions = inputs.targetRegions
        guard regions.count == 1, let only = regions.first else {
            throw CLIError(message: regions.isEmpty ? "the targets file has no rows; give a targets file with at least one target"
                : "the targets file has several regions (\(regions.joined(separator: ", "))); choose one with --region",
                code: regions.isEmpty ? ExitStatus.dataError : ExitStatus.usage)
        }
        return only
    }

    /// Each `--scenario` file run as `scenario run` runs it, with this command's model and read options.
    /// - Throws: `CLIError` (64) when a scenario is for another region than the report's.
    func runScenarios(region: String) throws -> [ScenarioAssessment] {
        guard !scenarios.isEmpty else { return [] }
        var options = try ScenarioRunOptions.parse([])
        options.model = model
        options.read = read
        options.quietOption.quiet = quiet
        options.language = language
        let runs = try scenarios.map { try runScenarioFile($0, options: options) }
        for (path, run) in zip(scenarios, runs) where run.result.region != region {
            throw CLIError(message: "scenario \(path) is for region \(run.result.region), the report is for \(region); "
                + "give scenarios of \(region), or choose the region with --region", code: ExitStatus.usage)
        }
        return runs
    }

    func write(_ data: Data) throws {
        guard let out = file.out, out != "-" else { return FileHandle.standardOutput.write(data) }
        try AtomicFile.write(data, to: URL(fileURLWithPath: out), overwrite: file.force)
        if !quiet { printError("chitieu: " + (lang == .vi ? "đã ghi" : "wrote") + " \(out) (HTML, \(data.count) bytes)") }
    }
}
