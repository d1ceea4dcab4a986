import ArgumentParser
import Attainment
import Export
import Foundation
import Planning
import IndicatorData
import Scenarios

// MARK: - Scenario fan charts

/// One scenario file after its run: what `ScenarioRunner` produced and the inputs it ran on.
struct PlottedScenario {
    let path: String
    let run: ScenarioAssessment
    var result: ScenarioResult { run.result }
    var inputs: ScenarioInputs { run.inputs }
}

/// A fan chart with one fan per scenario, for `chitieu plot --scenario …` and `scenario compare --plot`:
/// Export's `ScenarioFanChart` (the builder the report uses too) with a footnote naming each scenario's
/// method, seed and draws, the warnings and the errors of this command.
enum ScenarioPlot {
    /// The SVG document, with a footnote naming each scenario's method, seed and draws.
    /// - Parameter warn: receives one line per scenario left out (no projection of `code`).
    /// - Throws: `CLIError` 64 when the indicator is not in the catalogue or the scenarios are for different
    ///   regions; 65 when no scenario projects the indicator; `ExportError` from the chart.
    static func render(_ runs: [PlottedScenario], indicator code: String, language: Language, width: Double,
                       height: Double, warn: (String) -> Void) throws -> String {
        guard let first = runs.first, let entry = runs.lazy.compactMap({ $0.inputs.catalogue[code] }).first else {
            throw CLIError(message: "indicator \(code) is not in the catalogue; see `chitieu indicators`",
                           code: ExitStatus.usage)
        }
        let regions = Array(Set(runs.map(\.result.region))).sorted()
        if regions.count > 1 {
            throw CLIError(message: "the scenarios are for different regions (\(regions.joined(separator: ", "))); "
                + "plot scenarios of one region together", code: ExitStatus.usage)
        }
        let fan = ScenarioFanChart.make(runs.map(\.run), indicator: entry,
                                        regionTitle: RegionNames.known.title(first.result.region, language),
                                        language: language, width: width, height: height)
        var notes: [String] = []
        for (position, run) in runs.enumerated() {
            guard fan?.drawn.contains(position) == true else {
                warn("scenario \"\(run.result.name)\" (\(run.path)) has no projection of \(code): \(reason(run, code)); "
                    + "its fan is left out")
                continue
            }
            let method = run.result.rows.first { $0.indicator == code && $0.kind == "central" }?.method ?? ""
            notes.append("\(run.result.name): \(method); seed \(run.result.seed), \(run.result.draws) draws.")
        }
        guard let fan else {
            let projected = Set(runs.flatMap { run in
                run.result.rows.filter { $0.kind == "central" && run.inputs.catalogue[$0.indicator] != nil }.map(\.indicator)
            }).sorted()
            throw CLIError(message: "no scenario projects \(code), nothing to draw; use --indicator with one of: "
                + projected.joined(separator: ", "), code: ExitStatus.dataError)
        }
        notes.append(ScenarioFanChart.intervalNote(language))
        notes.append(sourceNote(runs.map(\.path), language))
        return PlotFootnote.append(notes, to: try fan.chart.render(), width: width, height: height)
    }

    /// The runner's note, else the fit's failure, else "no target or lever".
    static func reason(_ run: PlottedScenario, _ code: String) -> String {
        if let note = run.result.unprojectedReason(indicator: code) {
            return String(note.dropFirst("\(code): not projected: ".count))
        }
        return run.inputs.unassessable[code] ?? "the scenario has no target or lever for it"
    }

    static func sourceNote(_ paths: [String], _ language: Language) -> String {
        let files = paths.map { displayPath(URL(fileURLWithPath: $0)) }.joined(separator: ", ")
        switch language {
        case .en: return "Scenario files: \(files). chitieu \(ChitieuVersion.string)."
        case .vi: return "Tệp kịch bản: \(files). chitieu \(ChitieuVersion.string)."
        }
    }

    /// Runs each file as `scenario run` does (`runScenarioFile`), with the model and data-reading options given.
    static func run(_ paths: [String], options: ScenarioRunOptions) throws -> [PlottedScenario] {
        try paths.map { PlottedScenario(path: $0, run: try runScenarioFile($0, options: options)) }
    }

    /// Writes the SVG atomically; an existing file is replaced only with `force` (`-` is stdout).
    static func write(_ svg: String, to out: String, force: Bool, quiet: Bool) throws {
        let data = Data(svg.utf8)
        if out == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        try AtomicFile.write(data, to: URL(fileURLWithPath: out), overwrite: force)
        if !quiet { printError("chitieu: wrote \(out) (SVG, \(data.count) bytes)") }
    }
}

// MARK: - scenario compare --plot

/// The chart options of `scenario compare`.
struct ScenarioPlotOptions: ParsableArguments {
    @Option(help: ArgumentHelp("With --indicator: also draw one fan per scenario for that indicator to this SVG file.",
                               valueName: "chart.svg"))
    var plot: String?

    /// Checks the combination with `--indicator`; `force` is the command's `--force` (it covers --out and --plot).
    func validate(indicator: String?, force: Bool) throws {
        guard let plot else { return }
        if indicator == nil { throw ValidationError("Use --plot together with --indicator CODE (one chart per indicator).") }
        if plot.isEmpty || plot == "-" { throw ValidationError("Give --plot a file name ending in .svg.") }
        // Checked before the scenarios run, so the table is not printed for a chart that cannot be written.
        if !force, FileManager.default.fileExists(atPath: plot) {
            throw ValidationError("\(plot) exists; add --force to replace it, or choose another --plot file.")
        }
    }

    /// Draws and writes the chart when `--plot` was given.
    /// `lang` is the command's `--lang` (tables and chart share it).
    func draw(_ runs: [PlottedScenario], indicator: String?, lang: Language, quiet: Bool, force: Bool) throws {
        guard let plot, let indicator else { return }
        let svg = try ScenarioPlot.render(runs, indicator: indicator, language: lang, width: 720, height: 420) {
            if !quiet { printError("warning: \($0)") }
        }
        try ScenarioPlot.write(svg, to: plot, force: force, quiet: quiet)
    }
}
