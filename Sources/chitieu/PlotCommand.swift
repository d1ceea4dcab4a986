import ArgumentParser
import Attainment
import Export
import Foundation
import Planning
import IndicatorData
import Projection

/// `chitieu plot`: a fan chart for one indicator, or the scorecard overview (small multiples), as SVG.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw fan charts and the scorecard overview as SVG.",
        discussion: """
            chitieu plot --indicator stunting_u5_pct --out stunting.svg
              Fan chart: observed history, the projected median, nested 80 % and 95 % prediction bands \
            (the same projection and calibrated intervals `attain` judges), the plan's 2025/2030 targets as \
            diamonds labelled with their comparator, and the model and method in a footnote.

            chitieu plot --indicator physicians_per_10k --scenario business_as_usual.yaml \
            --scenario workforce_expansion.yaml --out doctors.svg
              One fan per scenario file (Okabe–Ito colours, the scenario names in the legend): each scenario's \
            central path and 80/95 % intervals exactly as `chitieu scenario run` computes them, over the file's \
            base_year…horizon; the observed history and the targets are drawn once. A scenario that does not \
            project the indicator is named on stderr and left out (exit 65 if none does). The files name their \
            region and data, so --region, --data, --targets and --catalogue do not apply; the same chart comes \
            from `chitieu scenario compare A.yaml B.yaml --indicator CODE --plot chart.svg`.

            chitieu plot --scorecard --out overview.svg
              One small panel per plan indicator, coloured by chitieu's verdict for --verdict-year (2030): \
            met, likely, uncertain, unlikely, off track, or no data.

            Default data: the bundled Kon Tum and Viet Nam files; --data reads any layout (docs/inputs.md). \
            Text in --lang vi or en. The SVG goes to stdout, or to --out written atomically; an existing file \
            is replaced only with --force (`--out -` is stdout too).
            """)

    @Option(help: "Indicator code for a fan chart, e.g. stunting_u5_pct (see `chitieu indicators`).",
            completion: IndicatorCompletion.kind)
    var indicator: String?

    @Option(name: .customLong("scenario"), parsing: .singleValue,
            help: ArgumentHelp("With --indicator: a scenario YAML file to draw as one fan (repeatable).",
                               valueName: "file.yaml"))
    var scenarios: [String] = []

    @Flag(help: "Draw the scorecard overview (one panel per plan indicator) instead of one fan chart.")
    var scorecard = false

    @Option(help: "Region code (default: the plan's region, VN-28 for the bundled Kon Tum plan).")
    var region: String?

    @Option(help: "Last year of the projection.")
    var to: Int = 2030

    @Option(name: .customLong("verdict-year"), help: "With --scorecard: the milestone whose verdict colours each panel.")
    var verdictYear: Int = 2030

    @OptionGroup var dataOption: DataFilesOption
    @OptionGroup var targetsOption: TargetsOption
    @OptionGroup var catalogueOption: CatalogueOption
    var dataFiles: [String] { dataOption.files }
    var targets: String? { targetsOption.targets }
    var catalogue: String? { catalogueOption.catalogue }

    @OptionGroup var file: OutputFileOptions
    @OptionGroup var language: LanguageOption
    /// The SVG's destination: `--out`, or stdout (`-`) without it.
    var out: String { file.out ?? "-" }
    var force: Bool { file.force }
    var lang: Language { language.lang }

    @Option(help: "Fan chart width in pixels (panel width with --scorecard: 260).")
    var width: Int?

    @Option(help: "Fan chart height in pixels (panel height with --scorecard: 180).")
    var height: Int?

    @Option(help: "With --scorecard: panels per row.")
    var columns: Int = 4

    @Option(help: "With --scorecard: Monte Carlo draws of the scorecard's joint probability (not drawn).")
    var draws: Int = 1_000

    @Option(help: "With --scorecard: seed of the scorecard's random draws.")
    var seed: UInt64 = Scorecard.defaultSeed

    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    @OptionGroup var model: ModelOptions
    @OptionGroup var read: DataReadOptions

    func validate() throws {
        if scorecard == (indicator != nil) {
            throw ValidationError("Use either --indicator CODE (a fan chart) or --scorecard (the overview).")
        }
        guard (1901...2100).contains(to) else { throw ValidationError("Use --to with a year between 1901 and 2100.") }
        if let width, !(320...10_000).contains(width) {
            throw ValidationError("Use --width between 320 and 10000 pixels (got \(width)).")
        }
        if let height, !(240...10_000).contains(height) {
            throw ValidationError("Use --height between 240 and 10000 pixels (got \(height)).")
        }
        guard (1...12).contains(columns) else { throw ValidationError("Use --columns between 1 and 12.") }
        guard draws >= 100 else { throw ValidationError("Use --draws 100 or more (got \(draws)).") }
        if file.out?.isEmpty == true { throw ValidationError("Give --out a file name ending in .svg (or leave it out: the SVG goes to stdout).") }
        if !scenarios.isEmpty {
            if scorecard { throw ValidationError("Use --scenario with --indicator CODE, not with --scorecard.") }
            if region != nil || targets != nil || catalogue != nil || !dataFiles.isEmpty {
                throw ValidationError("Drop --region, --data, --targets and --catalogue with --scenario: each scenario "
                    + "file names its region and data.")
            }
        }
    }

    func run() throws {
        try runReportingErrors {
            if !scenarios.isEmpty { return try write(try scenarioChart(indicator ?? "")) }
            let inputs = try PlanInputs.load(dataFiles: dataFiles, targetsFile: targets, catalogueFile: catalogue,
                                               read: read)
            let chosenRegion = try resolveRegion(inputs)
            let svg: String
            if scorecard {
                svg = try scorecardChart(inputs, region: chosenRegion)
            } else {
                svg = try fanChart(inputs, code: indicator ?? "", region: chosenRegion)
            }
            try write(svg)
        }
    }

    // MARK: - Region and output

    /// `--region`, else the targets file's only region, else VN-28.
    func resolveRegion(_ inputs: PlanInputs) throws -> String {
        if let region { return region }
        let regions = Set(inputs.targets.map(\.region)).sorted()
        if regions.count > 1 {
            throw CLIError(message: "the targets file has several regions (\(regions.joined(separator: ", "))); "
                + "choose one with --region", code: ExitStatus.usage)
        }
        return regions.first ?? "VN-28"
    }

    func write(_ svg: String) throws {
        try ScenarioPlot.write(svg, to: out, force: force, quiet: quiet)
    }

    func warn(_ message: String) {
        if !quiet { printError(NoteText.warningPrefix(lang) + NoteText.localized(message, lang)) }
    }

    // MARK: - Fan chart

    func fanChart(_ inputs: PlanInputs, code: String, region: String) throws -> String {
        guard let entry = inputs.catalogue[code] ?? inputs.catalogue.entry(forSeries: code) else {
            throw CLIError(message: "indicator \(code) is not in the catalogue; see `chitieu indicators`, "
                + "or pass --catalogue", code: ExitStatus.usage)
        }
        var data: [SeriesKey: Series] = [:]
        for s in inputs.collection.series { data[s.key] = s }
        let projection = PlanProjector.project(indicator: entry, region: region, data: data,
                                               policy: try model.policy(catalogue: inputs.catalogue), sensitivityYear: to)
        if let fit = projection.fit {
            if to <= fit.anchorYear {
                throw CLIError(message: "Use --to with a year after the last observed year (\(fit.anchorYear)).",
                               code: ExitStatus.usage)
            }
            if !quiet { printError("chitieu: \(entry.code) @ \(region): \(fit.modelLabel), method \(fit.method)") }
        } else {
            warn("no projection for \(entry.code) in \(region): \(projection.reason ?? "no usable series"); drawing the data only")
        }
        let chartWidth = Double(width ?? 720), chartHeight = Double(height ?? 420)
        guard let fan = PlanFanChart.make(indicator: entry, projection: projection,
                                          targets: PlanChartData.targets(inputs.targets, indicator: entry, region: region),
                                          regionTitle: RegionNames.known.title(region, lang),
                                          calibrated: model.intervals == .calibrated, lastYear: to, language: lang,
                                          width: chartWidth, height: chartHeight) else {
            throw CLIError(message: "no data for \(entry.code) in region \(region); nothing to draw. Use --region "
                + "or --data", code: ExitStatus.dataError)
        }
        let notes = fan.notes + [sourceNote(inputs)]
        let chart = fan.chart
        return PlotFootnote.append(notes, to: try chart.render(), width: chartWidth, height: chartHeight)
    }

    func sourceNote(_ inputs: PlanInputs) -> String {
        let files = inputs.files.map(displayPath).joined(separator: ", ")
        switch lang {
        case .en: return "Data: \(files). chitieu \(ChitieuVersion.string)."
        case .vi: return "Số liệu: \(files). chitieu \(ChitieuVersion.string)."
        }
    }

    // MARK: - Scenario fans

    /// One fan per `--scenario` file (see `ScenarioPlot`), the files run as `scenario run` runs them with
    /// this command's model and data-reading options.
    func scenarioChart(_ code: String) throws -> String {
        var options = try ScenarioRunOptions.parse([])
        options.model = model
        options.read = read
        options.language = language
        // The runs' notes cover every indicator of the plan; the chart's own warnings name what concerns it.
        options.quietOption.quiet = true
        let runs = try ScenarioPlot.run(scenarios, options: options)
        return try ScenarioPlot.render(runs, indicator: code, language: lang, width: Double(width ?? 720),
                                       height: Double(height ?? 420), warn: warn)
    }

    // MARK: - Scorecard overview

    func scorecardChart(_ inputs: PlanInputs, region: String) throws -> String {
        let card = try PlanAssessor.assess(inputs, region: region, policy: try model.policy(catalogue: inputs.catalogue),
                                           draws: draws, seed: seed)
        var panels: [ScorecardPanel] = []
        for (row, projection) in zip(card.rows, card.projections) {
            let milestone = PlanChartData.milestone(row, year: verdictYear)
            let verdict = milestone.map { PlanChartData.category($0.chitieu) } ?? .noData
            var subtitle: String?
            if let m = milestone, let p = m.probability, p.isFinite {
                let pText = lang.localizedNumber(String(format: "%.2f", p))
                subtitle = "P(\(lang == .vi ? "đạt" : "attain") \(m.year)) = \(pText)"
                if case .nationalSlopeShift = projection.fit?.method {
                    subtitle? += lang == .vi ? " · độ dốc quốc gia" : " · national slope"
                }
            } else if let m = milestone {
                subtitle = ScorecardTable.statusWord(m.status, lang)
            }
            // Panels show the 80 % band only: the calibrated 95 % bands of sparse series reach 10× the level
            // (IMR 2030: 2–238) and would flatten every other line in a small panel.
            let fan = (projection.fit.map { PlanChartData.fan($0, to: to) } ?? []).map(PlanChartData.only80)
            let targets = PlanChartData.targets(row.milestones)
            var observed = PlanChartData.observed(projection)
            // One observed year with nothing else has no time axis to draw on: state the value instead.
            if fan.isEmpty, targets.isEmpty, Set(observed.map(\.year)).count == 1, let only = observed.last {
                let value = lang.localizedNumber(ScorecardTable.short(only.value))
                subtitle = [subtitle ?? "", "\(Int(only.year)): \(value)"].filter { !$0.isEmpty }.joined(separator: " · ")
                observed = []
            }
            let name = lang == .vi ? row.nameVi : row.nameEn
            panels.append(ScorecardPanel(title: row.planRow.isEmpty ? name : "\(row.planRow). \(name)",
                                         subtitle: subtitle.flatMap { $0.isEmpty ? nil : $0 }, verdict: verdict,
                                         observed: observed, fan: fan, targets: targets))
        }
        let title = Label.scorecardTitle.text(lang) + " — \(RegionNames.known.title(region, lang)), \(verdictYear)"
        let chart = SmallMultiples(title: title, panels: panels, columns: columns,
                                   panelWidth: Double(width ?? 260), panelHeight: Double(height ?? 180), language: lang)
        let size = chart.size
        let note: String
        switch lang {
        case .en:
            note = "Verdict from P(attain) in \(verdictYear): likely ≥ 0.8, uncertain ≥ 0.5, unlikely ≥ 0.2, "
                + "off track < 0.2; met = the baseline already meets the target. Bands: 80 % prediction "
                + "intervals (\(model.intervals.rawValue)); `chitieu plot --indicator CODE` draws the full 80/95 % fan. "
                + "Diamonds: plan targets."
        case .vi:
            note = "Đánh giá theo P(đạt) năm \(verdictYear): có khả năng đạt ≥ 0,8, chưa chắc chắn ≥ 0,5, khó đạt "
                + "≥ 0,2, chệch hướng < 0,2; đã đạt = giá trị cơ sở đã đạt chỉ tiêu. Dải màu: khoảng dự báo 80 % "
                + "(\(model.intervals == .calibrated ? "đã hiệu chuẩn" : "OLS")); `chitieu plot --indicator MÃ` vẽ đủ "
                + "khoảng 80/95 %. Hình thoi: chỉ tiêu kế hoạch."
        }
        if !quiet { printError("chitieu: \(panels.count) panels for \(region)") }
        return PlotFootnote.append([note, sourceNote(inputs)], to: try chart.render(), width: size.width,
                                   height: size.height)
    }
}
