import Attainment
import Export
import IndicatorData
import Planning

/// Turns scorecard rows into tables: a full tidy table (one row per indicator and milestone, every number
/// and its provenance: for CSV/JSON/Excel) and a compact one for people (`--format table`).
enum ScorecardTable {
    static let columns = [
        "plan_row", "indicator", "name", "unit", "region", "baseline_year", "baseline", "baseline_flag",
        "year", "target_text", "target", "comparator", "kind", "status", "reason", "projection",
        "pi80_lower", "pi80_upper", "pi95_lower", "pi95_upper", "p_attain", "p_attain_se", "p_method", "met_at_baseline",
        "observed_rate", "rate_kind", "required_rate", "acceleration", "years_left",
        "verdict", "verdict_jme", "verdict_unsd", "unsd_ratio", "verdict_opensdg",
        "p_joint", "p_joint_se", "draws", "seed", "model", "window", "method", "source", "warnings",
    ]

    /// The columns of the workbook's first sheet: what a planner reads, as numbers.
    static let summaryColumns = [
        "plan_row", "indicator", "name", "year", "comparator", "target", "baseline", "projection", "pi95_lower",
        "pi95_upper", "p_attain", "verdict", "p_joint", "method",
    ]

    /// The workbook: the summary sheet, then every number behind it (the tidy table).
    static func sheets(_ full: Table, lang: Language) throws -> [XLSXSheet] {
        [XLSXSheet(name: lang == .vi ? "Bảng đánh giá" : "Scorecard", table: try full.selecting(summaryColumns)),
         XLSXSheet(name: lang == .vi ? "Toàn bộ số liệu" : "All numbers", table: full)]
    }

    static func number(_ x: Double?, _ style: NumberStyle = .shortest) -> Cell {
        guard let x, x.isFinite else { return .missing }
        return .number(x, style)
    }

    static func text(_ s: String?) -> Cell {
        guard let s, !s.isEmpty else { return .missing }
        return .text(s)
    }

    /// The full table: the milestone columns read from the plan's `MilestoneAssessment`s (`MilestoneTable`,
    /// the renderer `scenario run` and batch `attain` share), the others from the scorecard row.
    static func full(_ plan: PlanAssessment, lang: Language) throws -> Table {
        var cells: [[Cell]] = []
        for indicator in plan.indicators {
            let row = indicator.row
            for (m, assessed) in zip(row.milestones, indicator.milestones) {
                let view = MilestoneTable.Row(assessed, lang: lang)
                cells.append(columns.map { column in
                    MilestoneTable.has(column) ? view.cell(column)
                        : rowCell(column, row: row, milestone: m, lang: lang)
                })
            }
        }
        return try Table(columns: columns, rows: cells)
    }

    /// A scorecard column that is not a milestone column.
    private static func rowCell(_ column: String, row: ScorecardRow, milestone m: ScorecardMilestone,
                                lang: Language) -> Cell {
        switch column {
        case "name": return .text(lang == .vi ? row.nameVi : row.nameEn)
        case "unit": return .text(row.unit)
        case "baseline_year": return row.baselineYear.map(Cell.integer) ?? .missing
        case "baseline": return number(row.baselineValue)
        case "baseline_flag": return text(row.baselineFlag)
        case "reason": return text(m.status.reason.map { NoteText.localized($0, lang) })
        case "observed_rate": return number(m.rates?.observed ?? row.observedRate)
        case "rate_kind": return .text(row.rateConvention.rawValue)
        case "required_rate": return number(m.rates?.required)
        case "acceleration": return number(m.rates?.acceleration)
        case "years_left": return m.rates.map { .integer($0.yearsLeft) } ?? .missing
        case "verdict_jme": return .text(m.jme.rawValue)
        case "verdict_unsd": return .text(m.unsd.rawValue)
        case "unsd_ratio": return number(m.unsdRatio)
        case "verdict_opensdg": return .text(m.openSDG.category.rawValue)
        case "p_joint": return number(row.joint?.pJoint)
        case "p_joint_se": return number(row.joint?.seJoint)
        case "draws": return row.joint.map { .integer($0.draws) } ?? .missing
        case "seed": return row.joint.map { .text(String($0.seed)) } ?? .missing
        case "source": return text(row.dataSource)
        case "warnings": return text((row.warnings + m.warnings).joined(separator: " | "))
        default: return .missing
        }
    }

    /// One line per indicator: baseline, then for each milestone target, projection [95 % PI], P, verdict.
    static func compact(_ rows: [ScorecardRow], lang: Language) throws -> Table {
        let years = Array(Set(rows.flatMap { $0.milestones.map(\.year) })).sorted()
        var columns = ["#", Label.indicator.text(lang), Label.baseline.text(lang)]
        for y in years {
            columns += ["\(Label.target.text(lang)) \(y)", "\(Label.projected.text(lang)) \(y) [95%]",
                        "P \(y)", "\(Label.verdict.text(lang)) \(y)"]
        }
        columns += ["P(\(years.map(String.init).joined(separator: "&")))", Label.method.text(lang)]
        // People read this table: numbers take the language's decimal mark (CSV/JSON keep points).
        func number(_ text: String) -> Cell { .text(lang.localizedNumber(text)) }
        var cells: [[Cell]] = []
        for row in rows {
            var line: [Cell] = [.text(row.planRow), .text(row.indicator),
                                row.baselineValue.map { number(short($0) + (row.baselineFlag == nil ? "" : "*")) }
                                    ?? .missing]
            for y in years {
                guard let m = row.milestones.first(where: { $0.year == y }) else {
                    line += [.missing, .missing, .missing, .missing]
                    continue
                }
                line.append(.text(targetShort(m, lang)))
                if let median = m.projectedMedian, let pi = m.pi95 {
                    line.append(number("\(short(median)) [\(short(pi.lower))–\(short(pi.upper))]"))
                } else {
                    line.append(.missing)
                }
                line.append(m.probability.map { number(String(format: "%.2f", $0)) } ?? .missing)
                line.append(.text(milestoneVerdict(m, lang)))
            }
            line.append(row.joint.map { number(String(format: "%.2f", $0.pJoint)) } ?? .missing)
            line.append(text(row.method ?? statusWord(row.status, lang)))
            cells.append(line)
        }
        return try Table(columns: columns, rows: cells)
    }

    /// Three significant digits, trimmed ("28.7", "0.34", "1.95e+03" never: plain decimals).
    static func short(_ x: Double) -> String {
        let magnitude = abs(x)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", x)
    }

    /// The target as a short cell: "≥ 11.5", "< 25", "= 2.1 (hold)"; qualitative and no-target rows by kind.
    /// Only the number takes the language's decimal mark ("≥ 95,0 (có điều kiện)"); the words are translated.
    static func targetShort(_ m: ScorecardMilestone, _ lang: Language) -> String {
        targetShort(kind: m.kind, value: m.targetValue, comparator: m.comparator, text: m.targetText, lang)
    }

    /// The same for any target (scorecard and scenario tables share it).
    static func targetShort(kind: TargetKind, value: Double?, comparator: IndicatorData.Comparator?,
                            text: String, _ lang: Language) -> String {
        switch kind {
        case .qualitative: return "(" + Label.qualitative.text(lang).lowercased() + ")"
        case .none: return "–"
        default:
            guard let value, let comparator else { return text }
            let symbol: String
            switch comparator {
            case .lessThan: symbol = "<"
            case .lessOrEqual: symbol = "≤"
            case .greaterThan: symbol = ">"
            case .greaterOrEqual: symbol = "≥"
            case .equal: symbol = "="
            }
            let suffix: String
            switch (kind, lang) {
            case (.conditional, .en): suffix = " (cond.)"
            case (.conditional, .vi): suffix = " (có điều kiện)"
            case (.hold, .en): suffix = " (hold)"
            case (.hold, .vi): suffix = " (duy trì)"
            default: suffix = ""
            }
            return "\(symbol) \(lang.localizedNumber(short(value)))" + suffix
        }
    }

    static func verdictText(_ v: ChitieuVerdict, _ lang: Language) -> String {
        switch v {
        case .likely: return Label.likely.text(lang)
        case .uncertain: return Label.uncertain.text(lang)
        case .unlikely: return Label.unlikely.text(lang)
        case .offTrack: return Label.offTrack.text(lang)
        case .notAssessed: return Label.assessmentNotPossible.text(lang)
        }
    }

    static func statusWord(_ status: AttainmentStatus, _ lang: Language) -> String {
        switch status {
        case .assessed: return ""
        case .conditional: return Label.conditional.text(lang)
        case .qualitative: return Label.qualitative.text(lang)
        case .noTarget: return Label.noTarget.text(lang)
        case .assessmentNotPossible: return Label.assessmentNotPossible.text(lang)
        }
    }

    /// The verdict cell: chitieu's verdict (from P only); "· met 2024" is added beside a favourable verdict
    /// (P ≥ 0.5) when the latest observation already meets the target, never beside an unfavourable one.
    static func milestoneVerdict(_ m: ScorecardMilestone, _ lang: Language) -> String {
        var met = ""
        if let latest = m.latest, latest.met, m.chitieu.isFavourable {
            met = " · " + Label.met.text(lang).lowercased() + " \(latest.year)"
        }
        switch m.status {
        case .assessed: return verdictText(m.chitieu, lang) + met
        case .conditional: return verdictText(m.chitieu, lang) + " (" + Label.conditional.text(lang) + ")" + met
        default: return statusWord(m.status, lang)
        }
    }
}
