import Attainment
import Export
import Foundation
import IndicatorData
import Planning
import Scenarios

// MARK: - scenario run output

/// Text renderings of scenario results (table, CSV, JSON).
enum ScenarioFormatter {
    /// "12.3 [10.1–14.9]" (three significant digits, as the scorecard's compact table).
    static func projection(_ a: ScenarioAttainment) -> String {
        guard let median = a.median else { return "" }
        guard let pi = a.pi95 else { return ScorecardTable.short(median) }
        return "\(ScorecardTable.short(median)) [\(ScorecardTable.short(pi.lower))–\(ScorecardTable.short(pi.upper))]"
    }

    /// "0.44" (analytic) or "0.43±0.016" (Monte Carlo, with its standard error); the status word otherwise.
    static func probability(_ a: ScenarioAttainment) -> String {
        guard let p = a.probability else { return "" }
        let text = String(format: "%.2f", p)
        return a.probabilitySE.map { text + String(format: "±%.3f", $0) } ?? text
    }

    /// The verdict, or the status word (reasons are in the notes and in CSV/JSON).
    static func verdict(_ a: ScenarioAttainment, _ lang: Language = .en) -> String {
        switch a.status {
        case .assessed: return ScorecardTable.verdictText(a.verdict, lang)
        case .conditional:
            return ScorecardTable.verdictText(a.verdict, lang) + " (" + Label.conditional.text(lang) + ")"
        default: return ScorecardTable.statusWord(a.status, lang)
        }
    }

    /// "≥ 11.5", "< 25", "= 2.1 (hold)"; "(qualitative)", "–" for no target (as the scorecard's compact table).
    static func target(_ a: ScenarioAttainment, _ lang: Language) -> String {
        ScorecardTable.targetShort(kind: a.kind, value: a.target, comparator: a.comparator, text: a.targetText, lang)
    }

    /// `scenario run` output. CSV: the milestone columns (`MilestoneTable`, as `attain --format csv`, with
    /// `scenario` first); with `paths` the tidy yearly rows instead. JSON: metadata, yearly rows and scorecard.
    /// xlsx: a milestone sheet and a yearly-path sheet.
    static func render(_ run: ScenarioAssessment, format: OutputFormat, lang: Language = .en, paths: Bool = false,
                       toStdout: Bool) throws -> Data {
        let r = run.result
        switch format {
        case .csv:
            return try TidyCSVWriter().render(paths ? pathsTable(r) : milestoneTable(run, lang: lang))
        case .json: return Data(try jsonText(ScenarioJSON(r)).utf8)
        case .table: return Data(table(r, lang: lang).utf8)
        case .xlsx:
            let sheets = [XLSXSheet(name: lang == .vi ? "Mốc" : "Milestones",
                                    table: try milestoneTable(run, lang: lang)),
                          XLSXSheet(name: lang == .vi ? "Lộ trình" : "Paths", table: try pathsTable(r))]
            return try workbook(sheets, lang: lang, title: r.name, metadata: scenarioMetadata([run]),
                                methods: r.notes, toStdout: toStdout)
        }
    }

    /// The milestone rows of one run: `scenario`, the milestone columns (`MilestoneTable`), then the run's
    /// `draws` and `seed` (the columns `attain --format csv` ends its milestones with), so a CSV names the seed
    /// it is reproduced from even when `--quiet` left it off stderr.
    static func milestoneTable(_ run: ScenarioAssessment, lang: Language) throws -> Table {
        let names = ["scenario"] + MilestoneTable.columns
        let rows = run.milestones.map { MilestoneTable.Row($0, lang: lang).cells(names) + runCells(run.result) }
        return try Table(columns: names + runColumns, rows: rows)
    }

    /// The columns that say which run a milestone row comes from (values from `runCells`).
    static let runColumns = ["draws", "seed"]

    /// A run's draws and seed (the seed as text: a UInt64 above 2^53 has no exact Double).
    static func runCells(_ r: ScenarioResult) -> [Cell] { [.integer(r.draws), .text(String(r.seed))] }

    /// The `--paths` table: the yearly rows (central and interval bounds of every indicator and resource),
    /// then each milestone's P(attain) and its Monte Carlo standard error as `kind` `p_attain`/`p_attain_se`
    /// rows. CSV and the xlsx "Paths" sheet both render this table (full precision; missing values empty).
    static func pathsTable(_ r: ScenarioResult) throws -> Table {
        var rows: [[Cell]] = r.rows.map { row in
            [.text(row.scenario), .text(row.region), .text(row.indicator), .integer(row.year), .text(row.kind),
             row.level.map(Cell.integer) ?? .missing, row.value.isFinite ? .number(row.value) : .missing,
             .text(row.method)]
        }
        for a in r.attainment {
            let method = a.probability == nil ? a.status.description : "\(a.probabilityMethod); target \(a.targetText)"
            let start: [Cell] = [.text(r.name), .text(r.region), .text(a.indicator), .integer(a.year)]
            rows.append(start + [.text("p_attain"), .missing, ScorecardTable.number(a.probability), .text(method)])
            if let se = a.probabilitySE {
                rows.append(start + [.text("p_attain_se"), .missing, .number(se), .text(method)])
            }
        }
        return try Table(columns: ["scenario", "region", "indicator", "year", "kind", "level", "value", "method"],
                         rows: rows)
    }

    /// Run metadata of scenario runs: the seed of each, the files they read.
    static func scenarioMetadata(_ runs: [ScenarioAssessment]) -> RunMetadata {
        let seeds = runs.map { "\($0.result.name): \($0.result.seed)" }.joined(separator: "; ")
        return runMetadata(files: [], model: nil, seed: runs.count == 1 ? runs.first?.result.seed : nil,
                           options: ["seeds": seeds, "draws": runs.map { String($0.result.draws) }.joined(separator: ",")])
    }

    static func table(_ r: ScenarioResult, lang: Language = .en) -> String {
        let vi = lang == .vi
        var out = vi ? "Kịch bản: \(r.name) (\(r.region), \(r.baseYear)–\(r.horizon), hạt giống \(r.seed), \(r.draws) lần mô phỏng)\n"
            : "Scenario: \(r.name) (\(r.region), \(r.baseYear)–\(r.horizon), seed \(r.seed), \(r.draws) draws)\n"
        out += NoteText.localized(r.population.label, lang) + "\n\n"
        // Numbers take the language's decimal mark; words are translated, never re-punctuated.
        let rows = r.attainment.map { a in
            [a.planRow, a.indicator, String(a.year), target(a, lang), lang.localizedNumber(projection(a)),
             lang.localizedNumber(probability(a)), verdict(a, lang), NoteText.method(a.method, lang)]
        }
        out += renderTable(["#", Label.indicator.text(lang), Label.year.text(lang), Label.target.text(lang),
                            Label.projected.text(lang) + " [95%]", Label.pAttain.text(lang), Label.verdict.text(lang),
                            Label.method.text(lang)], rows)
        if !r.resources.isEmpty { out += "\n" }
        for s in r.resources {
            let densities = lang.localizedNumber(String(format: "%.2f → %.2f", s.startDensity, s.endDensity))
            let attrition = lang.localizedNumber(fmt(s.attrition)), sd = lang.localizedNumber(fmt(s.attritionSD))
            let cost = PeopleNumber.money(s.totalCost, currency: r.currency, lang) ?? fmt(s.totalCost)
            let perPoint = s.costPerDensityPoint.flatMap { PeopleNumber.money($0, currency: r.currency, lang) }
            if vi {
                out += "\(s.resource.rawValue): số lượng ban đầu \(NoteText.localized(s.startStockDerivation, lang)); mật độ \(densities)"
                    + "; tỷ lệ nghỉ việc \(attrition)" + (s.attritionSD > 0 ? " (độ lệch chuẩn \(sd))" : " (cố định)")
                    + "; tổng chi phí \(cost)" + (perPoint.map { ", \($0) cho mỗi điểm tăng thêm" } ?? "")
                    + (s.costSource.isEmpty ? "" : " [chi phí: \(s.costSource)]") + "\n"
            } else {
                out += "\(s.resource.rawValue): start stock \(s.startStockDerivation); density \(densities)"
                    + "; attrition \(attrition)" + (s.attritionSD > 0 ? " (SD \(sd))" : " (fixed)")
                    + "; total cost \(cost)" + (perPoint.map { ", \($0) per point gained" } ?? "")
                    + (s.costSource.isEmpty ? "" : " [costs: \(s.costSource)]") + "\n"
            }
        }
        return out
    }

}

// MARK: - JSON

/// The JSON document of `scenario run` (keys snake_case via `jsonText`).
struct ScenarioJSON: Encodable {
    struct Population: Encodable {
        var model: String
        var window: String?
        var points: Int?
        var baseYear: Int
        var base: Double
        var growth: Double
        var growthSE: Double
        var label: String
    }
    struct ResourceMeta: Encodable {
        var resource: String
        var startStock: Double
        var startStockSource: String
        var startStockDerivation: String
        var attrition: Double
        var attritionSD: Double
        /// false when the attrition is held fixed in the Monte Carlo (no attrition_sd in the file).
        var attritionUncertain: Bool
        var totalCost: Double
        var costPerDensityPoint: Double?
        var costSource: String
    }
    struct Metadata: Encodable {
        var scenario: String
        var description: String
        var region: String
        var seed: UInt64
        var draws: Int
        var baseYear: Int
        var horizon: Int
        var currency: String
        var population: Population
        var resources: [ResourceMeta]
        var notes: [String]
    }
    struct Row: Encodable {
        var indicator: String
        var year: Int
        var kind: String
        var level: Int?
        var value: Double?
        var method: String
        var monteCarlo: Bool
    }
    struct Entry: Encodable {
        var planRow: String
        var indicator: String
        var year: Int
        var target: String
        var status: String
        var central: Double?
        var median: Double?
        var pi80Lower: Double?
        var pi80Upper: Double?
        var pi95Lower: Double?
        var pi95Upper: Double?
        var pAttain: Double?
        var pAttainSE: Double?
        var pMethod: String
        var metAtBaseline: Bool?
        var verdict: String
        var method: String
        var warnings: [String]
    }
    var metadata: Metadata
    var rows: [Row]
    var scorecard: [Entry]

    init(_ r: ScenarioResult) {
        func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
        let p = r.population
        metadata = Metadata(
            scenario: r.name, description: r.description, region: r.region, seed: r.seed, draws: r.draws,
            baseYear: r.baseYear, horizon: r.horizon, currency: r.currency,
            population: Population(model: p.model, window: p.fitWindow?.yearsText,
                                   points: p.points, baseYear: p.baseYear, base: p.base, growth: p.growth,
                                   growthSE: p.growthSD, label: p.label),
            resources: r.resources.map { s in
                ResourceMeta(resource: s.resource.rawValue, startStock: s.startStock, startStockSource: s.startStockSource,
                             startStockDerivation: s.startStockDerivation, attrition: s.attrition,
                             attritionSD: s.attritionSD, attritionUncertain: s.attritionSD > 0, totalCost: s.totalCost,
                             costPerDensityPoint: finite(s.costPerDensityPoint), costSource: s.costSource)
            },
            notes: r.notes)
        rows = r.rows.map { Row(indicator: $0.indicator, year: $0.year, kind: $0.kind, level: $0.level,
                                value: finite($0.value), method: $0.method, monteCarlo: $0.isMonteCarlo) }
        scorecard = r.attainment.map { a in
            Entry(planRow: a.planRow, indicator: a.indicator, year: a.year, target: a.targetText,
                  status: a.status.description, central: finite(a.central), median: finite(a.median),
                  pi80Lower: finite(a.pi80?.lower), pi80Upper: finite(a.pi80?.upper), pi95Lower: finite(a.pi95?.lower),
                  pi95Upper: finite(a.pi95?.upper), pAttain: finite(a.probability), pAttainSE: finite(a.probabilitySE),
                  pMethod: a.probabilityMethod, metAtBaseline: a.metAtBaseline, verdict: a.verdict.rawValue,
                  method: a.method, warnings: a.warnings)
        }
    }
}
