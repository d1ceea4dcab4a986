import Attainment
import Export
import Planning

/// The one renderer of the result schema: the milestone columns every command that prints milestones shares
/// (`attain` plan and batch, `scenario run`, `scenario compare`), each cell read from a
/// `MilestoneAssessment`, so any tool can join the outputs on (scenario, indicator, region, year).
enum MilestoneTable {
    /// The milestone columns, in order (`scenario` first where it applies).
    static let columns = [
        "indicator", "region", "year", "plan_row", "target_text", "target", "comparator", "kind", "status",
        "projection", "pi80_lower", "pi80_upper", "pi95_lower", "pi95_upper", "p_attain", "p_attain_se",
        "p_method", "verdict", "met_at_baseline", "method", "model", "window",
    ]

    /// The milestone columns (and `scenario`) as a set, for `has`.
    private static let columnSet: Set<String> = Set(columns + ["scenario"])

    /// Whether `column` is one of the milestone columns (or `scenario`).
    static func has(_ column: String) -> Bool { columnSet.contains(column) }

    /// One milestone's cells (CSV/JSON/xlsx keep full precision; verdict words in `lang`): the 80 % and
    /// 95 % intervals are read from its distribution once, not once per bound.
    struct Row {
        let m: MilestoneAssessment
        let lang: Language
        let pi80: ClosedInterval?
        let pi95: ClosedInterval?

        init(_ m: MilestoneAssessment, lang: Language) {
            self.m = m
            self.lang = lang
            pi80 = m.interval(level: 0.8)
            pi95 = m.interval(level: 0.95)
        }

        /// The cells of `columns`, in order.
        func cells(_ columns: [String]) -> [Cell] { columns.map(cell) }

        /// The cell of one milestone column (`.missing` for a column that is not one).
        func cell(_ column: String) -> Cell {
            switch column {
            case "scenario": return ScorecardTable.text(m.key.scenario)
            case "indicator": return .text(m.key.indicator)
            case "region": return .text(m.key.region)
            case "year": return .integer(m.key.year)
            case "plan_row": return ScorecardTable.text(m.planRow)
            case "target_text": return ScorecardTable.text(m.targetText)
            case "target": return ScorecardTable.number(m.target)
            case "comparator": return ScorecardTable.text(m.comparator?.rawValue)
            case "kind": return .text(m.kind.rawValue)
            case "status": return .text(m.status.description)
            case "projection": return ScorecardTable.number(m.projection)
            case "pi80_lower": return ScorecardTable.number(pi80?.lower)
            case "pi80_upper": return ScorecardTable.number(pi80?.upper)
            case "pi95_lower": return ScorecardTable.number(pi95?.lower)
            case "pi95_upper": return ScorecardTable.number(pi95?.upper)
            default: return laterCell(column)
            }
        }

        /// The probability, verdict and method columns.
        private func laterCell(_ column: String) -> Cell {
            switch column {
            case "p_attain": return ScorecardTable.number(m.probability)
            case "p_attain_se": return ScorecardTable.number(m.probabilitySE)
            case "p_method": return ScorecardTable.text(m.probabilityMethod)
            case "verdict": return .text(ScorecardTable.verdictText(m.verdict, lang))
            case "met_at_baseline": return m.metAtBaseline.map { .text($0 ? "yes" : "no") } ?? .missing
            case "method": return ScorecardTable.text(m.method)
            case "model": return ScorecardTable.text(m.model)
            case "window": return ScorecardTable.text(m.window)
            default: return .missing
            }
        }
    }

    /// The milestones as a table: the milestone columns (with `scenario` first when `scenario`).
    static func table(_ milestones: [MilestoneAssessment], scenario: Bool, lang: Language) throws -> Table {
        let names = (scenario ? ["scenario"] : []) + columns
        return try Table(columns: names, rows: milestones.map { Row($0, lang: lang).cells(names) })
    }
}
