import Attainment
import Foundation
import IndicatorData
import Planning
import Projection
import Scenarios

/// The plan report (`chitieu report`): a `ReportDocument` assembled from a region's `PlanAssessment`,
/// the scenarios run on it, and the tables the commands print, so that every number on the page is one
/// the CSV outputs hold.
///
/// Nothing is computed here: the scorecard is the table `attain --format csv` writes (the same renderer,
/// handed in by the command), the charts are `PlanFanChart`s of the assessment's own projections (the
/// same builder as `plot --indicator`), the scenario comparison is the long table of
/// `scenario compare --format csv`, and the counts of the summary are counts of the assessment's verdicts.
public struct PlanReport: Sendable {
    public var plan: PlanAssessment
    /// The scorecard as `attain --format csv` writes it (tidy column names, full precision).
    public var scorecard: Table
    /// Scenario runs on the plan (business as usual = the assessment), in the order given.
    public var scenarios: [ScenarioAssessment]
    /// The long comparison of `scenario compare --format csv`; nil without scenarios.
    public var comparison: Table?
    /// Version, time, command, data files with SHA-256 (file names, never this machine's paths), model, seed.
    public var metadata: RunMetadata
    /// Whether the intervals carry the shipped backtest calibration (said in the methods and the footnotes).
    public var calibrated: Bool
    public var language: Language
    public var regionNames: RegionNames
    /// The last year of the fan charts.
    public var lastYear: Int

    public init(plan: PlanAssessment, scorecard: Table, scenarios: [ScenarioAssessment] = [], comparison: Table? = nil,
                metadata: RunMetadata, calibrated: Bool = true, language: Language,
                regionNames: RegionNames = .known, lastYear: Int = 2030) {
        self.plan = plan
        self.scorecard = scorecard
        self.scenarios = scenarios
        self.comparison = comparison
        self.metadata = metadata
        self.calibrated = calibrated
        self.language = language
        self.regionNames = regionNames
        self.lastYear = lastYear
    }

    /// The scorecard columns the report shows (every column of the CSV is a `chitieu attain --format csv`
    /// away; the page says so).
    public static let scorecardColumns = [
        "plan_row", "name", "year", "target", "baseline", "projection", "pi95_lower", "pi95_upper", "p_attain",
        "verdict", "p_joint",
    ]

    /// The columns of the scenario comparison shown (from the long comparison table).
    public static let comparisonColumns = [
        "scenario", "indicator", "year", "target", "projection", "pi95_lower", "pi95_upper", "p_attain", "verdict",
    ]

    /// The document: summary, scorecard, fan charts, scenarios (when given), verdicts, methods and caveats,
    /// data provenance.
    /// - Throws: `ExportError` when a table lacks a column the report shows, or a chart's numbers are not
    ///   finite.
    public func document() throws -> ReportDocument {
        let text = ReportText(language: language)
        var sections = [try summarySection(text), try scorecardSection(text), try chartSection(text)]
        if !scenarios.isEmpty { sections.append(try scenarioSection(text)) }
        sections += [verdictSection(text), methodsSection(text), try provenanceSection(text)]
        return ReportDocument(language: language, title: text.title(regionTitle),
                              subtitle: text.subtitle(years: milestoneYears, generated: metadata.generatedISO8601,
                                                      version: metadata.version),
                              sections: sections)
    }

    var regionTitle: String { regionNames.title(plan.region, language) }

    /// The milestone years of the plan, ascending.
    var milestoneYears: [Int] { Array(Set(plan.milestones.map(\.key.year))).sorted() }

    /// The verdict category of a milestone (the scorecard's colours).
    static func category(_ m: MilestoneAssessment) -> VerdictCategory { PlanChartData.category(m.verdict) }

    // MARK: - Summary

    func summarySection(_ text: ReportText) throws -> ReportSection {
        let years = milestoneYears
        let order: [VerdictCategory] = [.likely, .uncertain, .unlikely, .offTrack, .noData]
        var rows: [[Cell]] = []
        for category in order {
            var row: [Cell] = [.text(category.label.text(language))]
            for year in years {
                let n = plan.milestones.filter { $0.key.year == year && Self.category($0) == category }.count
                row.append(.integer(n))
            }
            rows.append(row)
        }
        let counts = try Table(columns: ["verdict"] + years.map(String.init), rows: rows)
        var styles: [String: ColumnStyle] = ["verdict": .verdict]
        for year in years { styles[String(year)] = .count }
        var blocks: [ReportBlock] = [
            .paragraph(text.summary(region: regionTitle, indicators: plan.indicators.count, years: years,
                                    projected: plan.indicators.filter { $0.projection.fit != nil }.count)),
            .table(counts, caption: text.countsCaption, styles: styles),
        ]
        if let last = years.last {
            let attention = plan.milestones.filter {
                $0.key.year == last && [.unlikely, .offTrack].contains(Self.category($0))
            }
            let names = attention.compactMap { m in plan.indicator(m.key.indicator).map { name($0.row) } }
            if !names.isEmpty { blocks += [.paragraph(text.attention(year: last)), .list(names)] }
        }
        return ReportSection(id: "summary", heading: text.heading(.summary), blocks: blocks)
    }

    func name(_ row: ScorecardRow) -> String { language == .vi ? row.nameVi : row.nameEn }

    // MARK: - Scorecard

    func scorecardSection(_ text: ReportText) throws -> ReportSection {
        let shown = try scorecard.selecting(Self.scorecardColumns)
        return ReportSection(id: "scorecard", heading: text.heading(.scorecard), blocks: [
            .paragraph(text.scorecardIntro),
            .table(shown, caption: nil, styles: [:]),
        ])
    }

    // MARK: - Charts

    func chartSection(_ text: ReportText) throws -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph(text.chartsIntro)]
        for assessed in plan.indicators where assessed.projection.fit != nil {
            guard let fan = PlanFanChart.make(indicator: assessed.projection.indicator, projection: assessed.projection,
                                              targets: PlanChartData.targets(assessed.row.milestones),
                                              regionTitle: nil, calibrated: calibrated, lastYear: lastYear,
                                              language: language, width: 720, height: 380) else { continue }
            let verdicts = assessed.milestones.map { m in
                "\(m.key.year): \(Self.category(m).label.text(language))"
                    + (m.probability.flatMap { PeopleNumber.probability($0, language) }.map { " (P = \($0))" } ?? "")
            }
            let caption = ([verdicts.joined(separator: "; ") + "."] + fan.notes).joined(separator: " ")
            blocks.append(.figure(svg: try fan.chart.render(), caption: caption))
        }
        return ReportSection(id: "charts", heading: text.heading(.charts), blocks: blocks)
    }

    // MARK: - Scenarios

    func scenarioSection(_ text: ReportText) throws -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph(text.scenariosIntro)]
        if let comparison {
            let shown = try comparison.selecting(Self.comparisonColumns)
            let projectionIndex = shown.columns.firstIndex(of: "projection")
            let pIndex = shown.columns.firstIndex(of: "p_attain")
            let rows = shown.rows.filter { row in
                [projectionIndex, pIndex].contains { $0.map { row[$0] != .missing } ?? false }
            }
            blocks.append(.table(try Table(columns: shown.columns, rows: rows), caption: nil, styles: [:]))
        }
        blocks += try scenarioCharts(text)
        var costs: [[Cell]] = []
        for run in scenarios {
            let r = run.result
            costs.append([.text(r.name), .number(r.totalCost, .shortest),
                          r.incrementalCost.map { .number($0.presentValue, .shortest) } ?? .missing,
                          .text(String(r.seed)), .integer(r.draws)])
        }
        let costTable = try Table(columns: ["scenario", "total_cost", "cost_increment_pv", "seed", "draws"], rows: costs)
        let currency = scenarios.first?.result.currency ?? "VND"
        blocks.append(.table(costTable, caption: text.costsCaption,
                             styles: ["total_cost": .money(currency: currency),
                                      "cost_increment_pv": .money(currency: currency)]))
        return ReportSection(id: "scenarios", heading: text.heading(.scenarios), blocks: blocks)
    }

    /// One fan chart per indicator whose milestones differ between the scenarios (the indicators a lever
    /// moves) and that at least two scenarios project, in plan order, with the scenarios' fans as
    /// `plot --scenario` draws them.
    func scenarioCharts(_ text: ReportText) throws -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        for assessed in plan.indicators {
            let code = assessed.row.indicator
            let paths = scenarios.map { run in
                run.milestones.filter { $0.key.indicator == code }.map { [$0.projection, $0.probability] }
            }
            guard Set(paths).count > 1,
                  let fan = ScenarioFanChart.make(scenarios, indicator: assessed.projection.indicator, regionTitle: nil,
                                                  language: language, width: 720, height: 380),
                  fan.drawn.count >= 2 else { continue }  // one fan alone compares nothing
            blocks.append(.figure(svg: try fan.chart.render(), caption: ScenarioFanChart.intervalNote(language)))
        }
        if !blocks.isEmpty { blocks.insert(.paragraph(text.scenarioChartsIntro), at: 0) }
        return blocks
    }

    // MARK: - Verdicts, methods, provenance

    func verdictSection(_ text: ReportText) -> ReportSection {
        let definitions = VerdictCategory.allCases.map {
            ReportDefinition(term: $0.label.text(language), meaning: $0.meaning(language, cuts: .chitieu), colour: $0.colour)
        }
        return ReportSection(id: "verdicts", heading: text.heading(.verdicts), blocks: [
            .paragraph(text.verdictsIntro), .definitions(definitions), .paragraph(text.otherLadders),
        ])
    }

    func methodsSection(_ text: ReportText) -> ReportSection {
        var blocks: [ReportBlock] = text.methods(calibrated: calibrated, draws: plan.draws, seed: plan.seed)
            .map { .paragraph($0) }
        blocks += [.paragraph(text.caveatsIntro), .list(text.caveats)]
        if !plan.notes.isEmpty {
            blocks += [.paragraph(text.notesIntro), .list(plan.notes.map { ReportText.localizedNote($0, language) })]
        }
        return ReportSection(id: "methods", heading: text.heading(.methods), blocks: blocks)
    }

    func provenanceSection(_ text: ReportText) throws -> ReportSection {
        var facts: [(String, String)] = [
            (Label.version.text(language), metadata.version),
            (Label.generated.text(language), metadata.generatedISO8601),
            (Label.command.text(language), metadata.command),
        ]
        if let model = metadata.model { facts.append((Label.model.text(language), text.setting(model))) }
        if let seed = metadata.seed { facts.append((Label.seed.text(language), String(seed))) }
        for (key, value) in metadata.options.sorted(by: { $0.key < $1.key }) {
            facts.append((ColumnHeader.text(key, language), text.setting(value)))
        }
        let files = try Table(columns: ["file", "checksum"],
                              rows: metadata.dataFiles.map { [.text($0.path), .text($0.sha256)] })
        return ReportSection(id: "provenance", heading: text.heading(.provenance), blocks: [
            .facts(facts), .paragraph(text.filesIntro), .table(files, caption: nil, styles: [:]),
            .paragraph(text.scenarioFiles(scenarios.map(\.scenario.name))),
        ].filter { if case .paragraph(let p) = $0 { return !p.isEmpty } else { return true } })
    }
}

extension VerdictCuts {
    /// The cut-offs of chitieu's verdict ladder (defined in Attainment's `ChitieuVerdict`).
    public static let chitieu = VerdictCuts(likely: ChitieuVerdict.likelyCut, uncertain: ChitieuVerdict.uncertainCut,
                                            unlikely: ChitieuVerdict.unlikelyCut)
}
