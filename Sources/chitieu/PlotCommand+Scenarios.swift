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

/// A fan chart with one fan per scenario, for `chitieu plot --scenario …` and `scenario compare --plot`.
///
/// Each fan is the runner's own yearly rows (`ScenarioResult.bands(indicator:)`: central value, 80 % and
/// 95 % intervals, analytic for trend levers and Monte Carlo quantiles for resources), so the chart shows
/// exactly the numbers `scenario run --format csv` prints; nothing is projected a second time. The observed
/// history and the plan's targets come from the first scenario's inputs and are drawn once.
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
        let region = first.result.region
        var fans: [FanSeries] = []
        var notes: [String] = []
        for run in runs {
            let points = fanPoints(run.result.bands(indicator: code))
            guard !points.isEmpty else {
                warn("scenario \"\(run.result.name)\" (\(run.path)) has no projection of \(code): \(reason(run, code)); "
                    + "its fan is left out")
                continue
            }
            fans.append(FanSeries(name: run.result.name, points: points))
            let method = run.result.rows.first { $0.indicator == code && $0.kind == "central" }?.method ?? ""
            notes.append("\(run.result.name): \(method); seed \(run.result.seed), \(run.result.draws) draws.")
        }
        guard !fans.isEmpty else {
            let projected = Set(runs.flatMap { run in
                run.result.rows.filter { $0.kind == "central" && run.inputs.catalogue[$0.indicator] != nil }.map(\.indicator)
            }).sorted()
            throw CLIError(message: "no scenario projects \(code), nothing to draw; use --indicator with one of: "
                + projected.joined(separator: ", "), code: ExitStatus.dataError)
        }
        let observed = (first.inputs.series[code]?.observations ?? []).map {
            ChartPoint(year: Double($0.year), value: $0.value)
        }
        let markers = PlanChartData.targets(first.inputs.targets, indicator: entry, region: region)
        notes.append(intervalNote(language))
        notes.append(sourceNote(runs.map(\.path), language))
        var title = "\(language == .vi ? entry.nameVi : entry.nameEn) — \(region)"
        // One fan has no scenario legend entry (FanChart labels it "Projected"): name it in the title.
        if fans.count == 1, let only = fans.first { title += " — \(only.name)" }
        let chart = FanChart(title: title, yLabel: PlanChartData.unitLabel(entry.unit, language), observed: observed,
                             fans: fans, targets: markers, language: language, width: width, height: height)
        return PlotFootnote.append(notes, to: try chart.render(), width: width, height: height)
    }

    /// Chart points from the runner's bands. A year without intervals (a resource's base year, whose value
    /// the file gives) is drawn with a zero-width band so the fan starts from the known value; a year whose
    /// numbers are not finite or not nested is dropped (as `PlanChartData.fan` does).
    static func fanPoints(_ bands: [ScenarioYearBand]) -> [FanPoint] {
        bands.compactMap { band -> FanPoint? in
            let i80 = band.pi80 ?? ClosedInterval(lower: band.central, upper: band.central)
            let i95 = band.pi95 ?? i80
            let point = FanPoint(year: Double(band.year), mean: band.central, lower80: i80.lower, upper80: i80.upper,
                                 lower95: i95.lower, upper95: i95.upper)
            let values = [point.mean, point.lower80, point.upper80, point.lower95, point.upper95]
            guard values.allSatisfy(\.isFinite), point.lower95 <= point.lower80, point.lower80 <= point.upper80,
                  point.upper80 <= point.upper95 else { return nil }
            return point
        }
    }

    /// The runner's note, else the fit's failure, else "no target or lever".
    static func reason(_ run: PlottedScenario, _ code: String) -> String {
        if let note = run.result.unprojectedReason(indicator: code) {
            return String(note.dropFirst("\(code): not projected: ".count))
        }
        return run.inputs.unassessable[code] ?? "the scenario has no target or lever for it"
    }

    static func intervalNote(_ language: Language) -> String {
        switch language {
        case .en:
            return "Lines: each scenario's central path; bands: its 80/95 % intervals as `chitieu scenario run` "
                + "computes them (analytic t intervals for trend levers, Monte Carlo quantiles for resources)."
        case .vi:
            return "Đường: giá trị trung tâm của từng kịch bản; dải màu: khoảng 80/95 % như `chitieu scenario run` "
                + "tính (khoảng t giải tích cho đòn bẩy xu hướng, phân vị Monte Carlo cho nguồn lực)."
        }
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
