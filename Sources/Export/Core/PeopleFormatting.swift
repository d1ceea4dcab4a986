import Foundation

// MARK: - Column styles

/// How a column is shown to people (the text table, the workbook, the HTML report). Machine formats (CSV,
/// JSON, SDMX, DHIS2) ignore styles and keep full precision.
public enum ColumnStyle: Sendable, Equatable, Hashable {
    /// Free text, left-aligned.
    case text
    /// A verdict: text whose cell is coloured with its `VerdictCategory` colour (as the charts colour it).
    case verdict
    /// Integers without a thousands separator (2025, not 2,025).
    case year
    /// Integers with a thousands separator (12,345).
    case count
    /// A real number rounded to three significant digits (`PeopleNumber.significantDigits`).
    case number
    /// A probability in [0, 1], two decimals (0.16), as the verdict ladders speak of P ≥ 0.9.
    case probability
    /// A share in [0, 1] written as a percentage (an interval level 0.8 → 80 %).
    case percent
    /// An amount of money in `currency`, in millions or billions (`VND 1,601.7 bn`, `1.601,7 tỷ đồng`).
    case money(currency: String)

    /// The style of a tidy column from its stable English name (the names every chitieu command writes),
    /// and whether its cells are numeric. `verdict*` → verdict, `*year` (not `years_*`) → year,
    /// `level` → percent, `p_*` except `*_se` → probability, `*cost*` → money in VND, other numeric columns →
    /// number (or count when every value is an integer), the rest text.
    public static func infer(column: String, cells: [Cell]) -> ColumnStyle {
        let name = column.lowercased()
        if name.hasPrefix("verdict") { return .verdict }
        let present = cells.filter { $0 != .missing }
        let numeric = !present.isEmpty && present.allSatisfy(\.isNumeric)
        guard numeric else { return .text }
        if name == "year" || name.hasSuffix("_year") || name == "cohort_year" { return .year }
        if name == "level" { return .percent }
        if name.hasPrefix("p_") && !name.hasSuffix("_se") { return .probability }
        if name.contains("cost") { return .money(currency: "VND") }
        if present.allSatisfy({ if case .integer = $0 { return true } else { return false } }) { return .count }
        return .number
    }

    /// True for styles whose cells are right-aligned in a text table.
    public var isNumeric: Bool {
        switch self {
        case .text, .verdict: return false
        default: return true
        }
    }
}

// MARK: - Numbers for people

/// Numbers as people read them: three significant digits, the language's decimal mark and thousands
/// separator (en `1,234.5`; vi `1.234,5`, the Vietnamese convention, TCVN and the Ministry's reports),
/// money in millions or billions. One place, used by the text table, the workbook and the report, so a
/// number reads the same everywhere.
public enum PeopleNumber {
    /// Digits kept by `format` and the workbook's number formats.
    public static let significantDigits = 3

    /// Decimals that show `x` with three significant digits: 2 − ⌊log10 |x|⌋, clamped to 0…6
    /// (12.97 → 1, 0.3456 → 3, 1234 → 0; 0 → 0).
    public static func decimals(for x: Double) -> Int {
        guard x.isFinite, x != 0 else { return 0 }
        let magnitude = Int(floor(log10(abs(x))))
        return min(max(significantDigits - 1 - magnitude, 0), 6)
    }

    /// `x` with three significant digits (12.969161981965659 → `13.0`, 1601662 → `1,600,000`), grouped,
    /// in `language`'s notation; `nil` for NaN and ±infinity.
    public static func format(_ x: Double, _ language: Language) -> String? {
        guard let plain = NumberFormatting.format(x, style: .significant(significantDigits)) else { return nil }
        return localize(plain, language)
    }

    /// `x` with exactly `decimals` decimals, grouped, in `language`'s notation.
    public static func format(_ x: Double, decimals: Int, _ language: Language) -> String? {
        guard let plain = NumberFormatting.format(x, style: .decimals(decimals)) else { return nil }
        return localize(plain, language)
    }

    /// An integer with grouping (12,345 / 12.345).
    public static func format(_ i: Int, _ language: Language) -> String { localize(String(i), language) }

    /// A probability with two decimals (0.16 / 0,16).
    public static func probability(_ p: Double, _ language: Language) -> String? {
        format(p, decimals: 2, language)
    }

    /// A share as a percentage: 0.8 → `80%`, 0.975 → `97.5%` (three significant digits at most).
    public static func percent(_ share: Double, _ language: Language) -> String? {
        guard share.isFinite else { return nil }
        let value = share * 100
        let decimals = min(decimals(for: value), 1)
        guard let text = format((value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals)),
                                decimals: decimals, language) else { return nil }
        return trimZeros(text, language) + "%"
    }

    /// Money in the unit that keeps it readable: billions (≥ 10⁹), millions (≥ 10⁶) with one decimal, or
    /// whole units: `VND 1,601.7 bn`, `VND 12.3 million`, `VND 950,000` in English; `1.601,7 tỷ đồng`,
    /// `12,3 triệu đồng`, `950.000 đồng` in Vietnamese (another currency keeps its code: `1,6 tỷ USD`).
    public static func money(_ amount: Double, currency: String, _ language: Language) -> String? {
        guard amount.isFinite else { return nil }
        let magnitude = abs(amount)
        let (scaled, unit): (Double, MoneyUnit) = magnitude >= 1e9 ? (amount / 1e9, .billion)
            : magnitude >= 1e6 ? (amount / 1e6, .million) : (amount, .one)
        guard let number = format(scaled, decimals: unit == .one ? 0 : 1, language) else { return nil }
        switch language {
        case .en:
            let suffix = unit == .billion ? " bn" : unit == .million ? " million" : ""
            return "\(currency) \(number)\(suffix)"
        case .vi:
            let word = unit == .billion ? " tỷ" : unit == .million ? " triệu" : ""
            return "\(number)\(word) \(currency == "VND" ? "đồng" : currency)"
        }
    }

    enum MoneyUnit { case one, million, billion }

    /// A point-decimal, ungrouped number (`-1234567.5`) grouped by thousands and written with the
    /// language's marks.
    static func localize(_ plain: String, _ language: Language) -> String {
        var sign = ""
        var body = Substring(plain)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = String(parts.first ?? "")
        let fraction = parts.count > 1 ? String(parts[1]) : nil
        let group = language == .vi ? "." : ","
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { grouped += group }
            grouped.append(digit)
        }
        return sign + grouped + (fraction.map { language.decimalMark + $0 } ?? "")
    }

    private static func trimZeros(_ text: String, _ language: Language) -> String {
        guard text.contains(language.decimalMark) else { return text }
        var out = text
        while out.hasSuffix("0") { out.removeLast() }
        if out.hasSuffix(language.decimalMark) { out.removeLast() }
        return out
    }
}

// MARK: - Cells for people

extension ColumnStyle {
    /// The cell as people read it in `language`; `nil` for a missing or non-finite value.
    public func text(_ cell: Cell, _ language: Language) -> String? {
        switch cell {
        case .missing: return nil
        case .text(let s): return s
        case .integer(let i):
            switch self {
            case .year, .text, .verdict: return String(i)
            case .money(let currency): return PeopleNumber.money(Double(i), currency: currency, language)
            default: return PeopleNumber.format(i, language)
            }
        case .number(let x, _):
            switch self {
            case .probability: return PeopleNumber.probability(x, language)
            case .percent: return PeopleNumber.percent(x, language)
            case .money(let currency): return PeopleNumber.money(x, currency: currency, language)
            case .year: return NumberFormatting.format(x.rounded(), style: .decimals(0))
            case .count where x == x.rounded() && abs(x) < 1e15: return PeopleNumber.format(Int(x), language)
            default: return PeopleNumber.format(x, language)
            }
        }
    }
}

/// A table prepared for people: the same rows as text in a language, headers translated, and the style
/// of each column (for alignment and colour).
public struct PeopleTable: Sendable, Equatable {
    /// Headers in the language, cells as text (missing stays missing).
    public let table: Table
    /// One style per column, inferred from the tidy names unless given.
    public let styles: [ColumnStyle]

    /// - Parameters:
    ///   - table: a tidy table (stable English column names) or an already human one (text cells pass
    ///     through unchanged).
    ///   - styles: styles by tidy column name, overriding `ColumnStyle.infer`.
    /// - Throws: `ExportError.badTable` if two translated headers collide.
    public init(_ table: Table, language: Language, styles: [String: ColumnStyle] = [:]) throws {
        let styles = Self.styles(of: table, overrides: styles)
        let columns = table.columns
        let rows = table.rows.map { row in
            row.indices.map { index -> Cell in
                if case .text(let code) = row[index],
                   let label = CodeLabel.text(code, column: columns[index], language) { return .text(label) }
                return styles[index].text(row[index], language).map(Cell.text) ?? .missing
            }
        }
        self.table = try Table(columns: table.columns.map { ColumnHeader.text($0, language) }, rows: rows)
        self.styles = styles
    }

    /// The style of each column of `table`.
    public static func styles(of table: Table, overrides: [String: ColumnStyle] = [:]) -> [ColumnStyle] {
        table.columns.indices.map { index in
            let name = table.columns[index]
            return overrides[name] ?? ColumnStyle.infer(column: name, cells: table.rows.map { $0[index] })
        }
    }
}
