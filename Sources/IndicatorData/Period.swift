// MARK: - Period

/// A reporting period of an external system, as written by DHIS2 (`2024`, `202401`, `2024Q1`, `2024S1`,
/// `2024W05`; DHIS2 Web API guide, "Date and period format") or SDMX (`2024`, `2024-A1`, `2024-01`,
/// `2024-M01`, `2024-Q1`, `2024-S1`, `2024-W05`; SDMX 3.0 Technical Notes, "Time period" reporting formats),
/// and DHIS2 analytics with period names (`January 2024`).
///
/// chitieu works in calendar years: months, quarters and half-years aggregate to years by the rules of
/// `PeriodAggregation`; weeks are refused (an ISO week can straddle two calendar years: 2025W01 starts on
/// 30 December 2024), and so are financial years (`2024April`, `2024July`), which do not match the plan's
/// calendar-year targets.
public enum Period: Sendable, Hashable, CustomStringConvertible {
    case year(Int)
    /// Month 1…12.
    case month(Int, Int)
    /// Quarter 1…4.
    case quarter(Int, Int)
    /// Half-year 1…2.
    case half(Int, Int)

    public var year: Int {
        switch self {
        case .year(let y), .month(let y, _), .quarter(let y, _), .half(let y, _): return y
        }
    }

    /// Sub-periods in a year (1 for a year).
    public var perYear: Int {
        switch self {
        case .year: return 1
        case .month: return 12
        case .quarter: return 4
        case .half: return 2
        }
    }

    /// 1-based index within the year.
    public var index: Int {
        switch self {
        case .year: return 1
        case .month(_, let i), .quarter(_, let i), .half(_, let i): return i
        }
    }

    /// The kind's name for messages ("month", "quarter", …).
    public var kindName: String {
        switch self {
        case .year: return "year"
        case .month: return "month"
        case .quarter: return "quarter"
        case .half: return "half-year"
        }
    }

    /// Last month covered (12 for a year, 3 for Q1, …).
    public var lastMonth: Int { index * (12 / perYear) }

    /// DHIS2 ISO form (`2024`, `202401`, `2024Q1`, `2024S1`).
    public var description: String {
        switch self {
        case .year(let y): return "\(y)"
        case .month(let y, let m): return "\(y)" + (m < 10 ? "0\(m)" : "\(m)")
        case .quarter(let y, let q): return "\(y)Q\(q)"
        case .half(let y, let h): return "\(y)S\(h)"
        }
    }

    // MARK: Parsing

    /// Why a period text was not accepted.
    public enum Refusal: Error, Sendable, Hashable {
        case weekly
        case financialYear
        case dated
        case notAPeriod
        case yearOutOfRange(Int)
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    /// Parses a period, or says why not.
    public static func parse(_ raw: String) -> Result<Period, Refusal> {
        let text = raw.trimmingWhitespace()
        let lower = text.lowercased()
        // "January 2024" (DHIS2 analytics with period names).
        let words = lower.split(separator: " ")
        if words.count == 2, let m = months.firstIndex(of: String(words[0])), let y = Int(words[1]) {
            return checked(.month(y, m + 1))
        }
        let chars = Array(lower)
        guard chars.count >= 4, chars.prefix(4).allSatisfy(\.isNumber), let y = Int(String(chars.prefix(4))) else {
            return .failure(.notAPeriod)
        }
        var rest = String(chars.dropFirst(4))
        if rest.isEmpty { return checked(.year(y)) }
        if rest.contains("/") || rest.filter({ $0 == "-" }).count >= 2 { return .failure(.dated) }
        if rest.hasPrefix("-") { rest.removeFirst() }
        if let first = rest.first, first.isLetter, Int(rest.dropFirst()) == nil,
           ["april", "july", "october", "november", "sep", "oct", "nov", "bimonth"].contains(where: rest.hasPrefix) {
            return .failure(.financialYear)
        }
        func number(_ s: Substring) -> Int? { s.isEmpty || !s.allSatisfy(\.isNumber) ? nil : Int(s) }
        switch rest.first {
        case "w": return number(rest.dropFirst()) == nil ? .failure(.notAPeriod) : .failure(.weekly)
        case "q": return number(rest.dropFirst()).map { checked(.quarter(y, $0)) } ?? .failure(.notAPeriod)
        case "s": return number(rest.dropFirst()).map { checked(.half(y, $0)) } ?? .failure(.notAPeriod)
        case "m": return number(rest.dropFirst()).map { checked(.month(y, $0)) } ?? .failure(.notAPeriod)
        case "a": return rest == "a1" ? checked(.year(y)) : .failure(.notAPeriod)
        default:
            guard rest.count == 2, let m = number(Substring(rest)) else { return .failure(.notAPeriod) }
            return checked(.month(y, m))
        }
    }

    private static func checked(_ p: Period) -> Result<Period, Refusal> {
        guard YearGrammar.accepted.contains(p.year) else { return .failure(.yearOutOfRange(p.year)) }
        guard (1...p.perYear).contains(p.index) else { return .failure(.notAPeriod) }
        return .success(p)
    }

    /// Message and hint for a refused period.
    public static func describe(_ refusal: Refusal, text: String) -> (message: String, hint: String) {
        switch refusal {
        case .weekly:
            return ("weekly period \"\(text)\" cannot be aggregated to a calendar year",
                    "A week can straddle two years (2025W01 starts on 30 December 2024); export monthly, quarterly or yearly periods")
        case .financialYear:
            return ("financial-year period \"\(text)\" does not match the plan's calendar years",
                    "Export calendar periods (yearly 2023, monthly 202301 or quarterly 2023Q1)")
        case .dated:
            return ("period \"\(text)\" is a date or a date range, not a reporting period",
                    "Use yearly (2023), monthly (202301 or 2023-01) or quarterly (2023Q1) periods")
        case .yearOutOfRange(let y):
            return ("period \"\(text)\" is in year \(y), outside \(YearGrammar.accepted.lowerBound)–\(YearGrammar.accepted.upperBound)",
                    "Check the cell")
        case .notAPeriod:
            return ("period \"\(text)\" is not a period chitieu reads",
                    "Use yearly (2023), monthly (202301, 2023-01, 2023-M01, January 2023), quarterly (2023Q1, 2023-Q1) or half-yearly (2023S1) periods")
        }
    }
}
