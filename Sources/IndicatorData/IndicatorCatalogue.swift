import Foundation

// MARK: - Catalogue

/// The indicator catalogue (`Datasets/indicators.csv`): what each indicator is, which way is better, its
/// natural bounds and default model scale, and which series measure it.
///
/// Bounds apply to the catalogue code and to the series codes it names (`national_series`,
/// `provincial_series`), so a tidy file keyed by series code is range-checked too.
public struct IndicatorCatalogue: Sendable, Hashable {
    public let indicators: [Indicator]
    private let byCode: [String: Int]
    private let bySeries: [String: Int]

    public init(_ indicators: [Indicator]) {
        self.indicators = indicators
        var byCode: [String: Int] = [:]
        var bySeries: [String: Int] = [:]
        for (i, indicator) in indicators.enumerated() {
            if byCode[indicator.code] == nil { byCode[indicator.code] = i }
        }
        for (i, indicator) in indicators.enumerated() {
            for series in [indicator.nationalSeries, indicator.provincialSeries].compactMap({ $0 })
            where byCode[series] == nil && bySeries[series] == nil {
                bySeries[series] = i
            }
        }
        self.byCode = byCode
        self.bySeries = bySeries
    }

    /// The entry with this catalogue code.
    public subscript(code: String) -> Indicator? {
        byCode[code].flatMap { indicators.indices.contains($0) ? indicators[$0] : nil }
    }

    /// The entry whose code, national series or provincial series is `code` (code first).
    public func entry(forSeries code: String) -> Indicator? {
        if let found = self[code] { return found }
        return bySeries[code].flatMap { indicators.indices.contains($0) ? indicators[$0] : nil }
    }

    // MARK: Reading

    static let expectedColumns = "code, plan_row, group, name_vi, name_en, unit, unit_printed, direction, "
        + "lower_bound, upper_bound, scale, national_series, national_comparable, provincial_series, note"

    /// Reads a catalogue CSV (header `code,plan_row,group,name_vi,name_en,unit,unit_printed,direction,
    /// lower_bound,upper_bound,scale,national_series,national_comparable,provincial_series,note`).
    /// `code`, `direction` and `scale` are required; the others may be absent (empty).
    /// Bounds use the strict number grammar with a decimal point.
    /// - Throws: `DataError` naming the line and column of the first bad cell; duplicate codes name both lines.
    public static func read(contentsOf url: URL, displayName: String? = nil,
                            delimiter: CSVDelimiter = .auto) throws -> IndicatorCatalogue {
        let table = try CSVTable(url: url, displayName: displayName, delimiter: delimiter,
                                 emptyHint: "The first line must be the header: \(expectedColumns)")
        return try read(table)
    }

    /// Reads a catalogue from bytes (`file` names it in errors).
    public static func read(bytes: [UInt8], file: String, delimiter: CSVDelimiter = .auto) throws -> IndicatorCatalogue {
        let table = try bytes.withUnsafeBufferPointer {
            try CSVTable(bytes: $0, file: file, delimiter: delimiter,
                         emptyHint: "The first line must be the header: \(expectedColumns)")
        }
        return try read(table)
    }

    private static func read(_ t: CSVTable) throws -> IndicatorCatalogue {
        let h = t.header
        let code = try h.require("code", expected: expectedColumns)
        let direction = try h.require("direction", expected: expectedColumns)
        let scale = try h.require("scale", expected: expectedColumns)
        let col = { (name: String) in h.index(of: name) }
        let format = NumberFormat()
        var out: [Indicator] = []
        var lines: [String: Int] = [:]
        for row in t.rows {
            let c = try t.requiredCode(row, code, name: "code")
            for name in ["unit", "unit_printed", "national_series", "provincial_series"] {
                try t.checkCode(row, col(name), name: name)
            }
            if let first = lines[c] {
                throw t.error(row, code, "indicator code \"\(c)\" is listed twice (lines \(first) and \(row.line))",
                              "Keep one row per indicator code")
            }
            lines[c] = row.line
            let groupText = t.field(row, col("group"))
            var group: IndicatorGroup?
            if !groupText.isEmpty {
                guard let g = IndicatorGroup(rawValue: groupText.lowercased()) else {
                    throw t.error(row, col("group") ?? 0, "group \"\(groupText)\" is not one of input, activity, outcome, impact",
                                  "Use one of input, activity, outcome, impact, or leave it empty")
                }
                group = g
            }
            guard let dir = Direction(rawValue: t.field(row, direction).lowercased()) else {
                throw t.error(row, direction, "direction \"\(t.field(row, direction))\" is not higher or lower",
                              "Write higher (higher is better) or lower (lower is better)")
            }
            guard let sc = ModelScale(rawValue: t.field(row, scale).lowercased()) else {
                throw t.error(row, scale, "scale \"\(t.field(row, scale))\" is not linear, log or logit",
                              "Write linear, log or logit")
            }
            let lower = try t.number(row, col("lower_bound"), format: format)
            let upper = try t.number(row, col("upper_bound"), format: format)
            if let l = lower, let u = upper, l >= u {
                throw t.error(row, col("upper_bound") ?? 0, "upper bound \(formatValue(u)) is not above lower bound \(formatValue(l))",
                              "Fix the bounds (e.g. 0 and 100 for a percentage)")
            }
            if sc == .logit, lower == nil || upper == nil {
                throw t.error(row, scale, "scale logit needs both lower_bound and upper_bound",
                              "Give the bounds (0 and 100 for a percentage) or use scale log/linear")
            }
            let comparableText = t.field(row, col("national_comparable")).lowercased()
            guard ["", "true", "false"].contains(comparableText) else {
                throw t.error(row, col("national_comparable") ?? 0,
                              "national_comparable \"\(comparableText)\" is not true or false",
                              "Write true or false (empty means false)")
            }
            let nonEmpty = { (s: String) -> String? in s.isEmpty ? nil : s }
            out.append(Indicator(
                code: c, planRow: t.field(row, col("plan_row")), group: group,
                nameVi: t.field(row, col("name_vi")), nameEn: t.field(row, col("name_en")),
                unit: t.field(row, col("unit")), direction: dir, lowerBound: lower, upperBound: upper,
                scale: sc, nationalSeries: nonEmpty(t.field(row, col("national_series"))),
                nationalComparable: comparableText == "true",
                provincialSeries: nonEmpty(t.field(row, col("provincial_series"))),
                note: t.field(row, col("note")), unitPrinted: t.field(row, col("unit_printed"))))
        }
        guard !out.isEmpty else {
            throw DataError(file: t.file, line: 1, message: "the catalogue has a header but no rows",
                            hint: "Add one row per indicator")
        }
        return IndicatorCatalogue(out)
    }
}
