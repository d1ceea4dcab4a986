import Foundation

// MARK: - Alternative national sources, used where they measure the same thing

/// One line of `Datasets/national/alt_sources.csv`: whether the rows of an alternative source (matched by a
/// substring of their `source`) for one national series may extend it, and why. The decision is the
/// maintainer's, from the data README's quirks (a different basis, a different estimation round); the data
/// check it: an `extend` source must agree with the national series on every common year.
public struct AlternativeSourceRule: Sendable, Hashable {
    public enum Use: String, Sendable, Hashable { case extend, refuse }
    public var key: SeriesKey
    public var sourceContains: String
    public var use: Use
    public var reason: String
    /// 1-based line in the rules file.
    public var line: Int

    public init(key: SeriesKey, sourceContains: String, use: Use, reason: String, line: Int) {
        self.key = key
        self.sourceContains = sourceContains
        self.use = use
        self.reason = reason
        self.line = line
    }
}

/// The years an alternative source added to a national series.
public struct AlternativeExtension: Sendable, Hashable, CustomStringConvertible {
    public var key: SeriesKey
    public var source: String
    public var observations: [Observation]
    public var reason: String

    /// "stunting_u5_pct @ VN: 2020 = 19.6 added from General Nutrition Survey …: reason".
    public var description: String {
        let years = observations.map { "\($0.year) = \(formatValue($0.value))" }.joined(separator: ", ")
        return "\(key): \(years) added from an alternative source (\(source)): \(reason)"
    }
}

public enum NationalAlternatives {
    static let ruleColumns = "indicator_code, region, source_contains, use, reason"
    /// An `extend` source may differ from the national series by at most this relative amount on a common
    /// year: the alternative files' copies of the same upstream series agree to rounding (WDI doctors vs WHO
    /// NHWA: within 3.6 % in 2001–2016, the per-1,000 figure rounded to 2 decimals before × 10).
    public static let agreementTolerance = 0.05

    /// Reads the rules file (header `indicator_code,region,source_contains,use,reason`).
    /// - Throws: `DataError` at the cell for a bad `use` or an empty field.
    public static func readRules(contentsOf url: URL, displayName: String? = nil) throws -> [AlternativeSourceRule] {
        let t = try CSVTable(url: url, displayName: displayName, delimiter: .auto,
                             emptyHint: "The first line must be the header: \(ruleColumns)")
        let h = t.header
        let (code, region, source, use, reason) = (
            try h.require("indicator_code", expected: ruleColumns), try h.require("region", expected: ruleColumns),
            try h.require("source_contains", expected: ruleColumns), try h.require("use", expected: ruleColumns),
            try h.require("reason", expected: ruleColumns))
        return try t.rows.map { row in
            guard let u = AlternativeSourceRule.Use(rawValue: t.field(row, use)) else {
                throw t.error(row, use, "use must be extend or refuse", "Write extend or refuse")
            }
            return AlternativeSourceRule(
                key: SeriesKey(indicator: try t.required(row, code, name: "indicator_code"),
                               region: try t.required(row, region, name: "region")),
                sourceContains: try t.required(row, source, name: "source_contains"), use: u,
                reason: try t.required(row, reason, name: "reason"), line: row.line)
        }
    }

    /// Every row of an alternative-sources file (several rows per key by design), by key, in file order.
    /// - Throws: `DataError` for a bad year or value.
    public static func readRows(contentsOf url: URL, displayName: String? = nil) throws -> [SeriesKey: [Observation]] {
        let columns = "indicator_code, region, year, value, unit, source"
        let t = try CSVTable(url: url, displayName: displayName, delimiter: .auto,
                             emptyHint: "The first line must be the header: \(columns)")
        let h = t.header
        let (code, region, year, value, source) = (
            try h.require("indicator_code", expected: columns), try h.require("region", expected: columns),
            try h.require("year", expected: columns), try h.require("value", expected: columns),
            try h.require("source", expected: columns))
        var out: [SeriesKey: [Observation]] = [:]
        let format = NumberFormat()
        for row in t.rows {
            guard let v = try t.number(row, value, format: format) else { continue }
            let key = SeriesKey(indicator: t.field(row, code), region: t.field(row, region))
            out[key, default: []].append(Observation(
                year: try t.year(row, year), value: v,
                provenance: Provenance(file: t.file, line: row.line, source: t.field(row, source), flag: "alt")))
        }
        return out
    }
}

// MARK: - Extending

extension NationalAlternatives {
    /// Applies the rules: each `extend` rule appends to its national series the matching alternative rows of
    /// the years after the series' last year (never replacing a value, never interpolating); `refuse` rules
    /// are checked to match rows and add nothing. The added observations keep their own source and line and
    /// carry the flag `alt`, so every fit that uses them can say so.
    ///
    /// One source per series: a later rule for an already extended series is checked against the years the
    /// earlier one added, so two sources that disagree on a year cannot both extend it.
    /// - Parameters: rulesFile names the rules file in errors.
    /// - Throws: `DataError` at the rule's line when it matches no row, names a national series that is not
    ///   in the data, or disagrees with the series on a common year by more than `agreementTolerance`
    ///   (then the source does not measure the same thing: write `refuse`).
    public static func extend(_ series: [Series], rules: [AlternativeSourceRule], rows: [SeriesKey: [Observation]],
                              rulesFile: String) throws -> (series: [Series], extensions: [AlternativeExtension]) {
        var byKey = Dictionary(series.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var extensions: [AlternativeExtension] = []
        for rule in rules {
            func error(_ column: Int, _ text: String, _ message: String, _ hint: String) -> DataError {
                DataError(file: rulesFile, line: rule.line, column: column, text: text, message: message, hint: hint)
            }
            let matched = (rows[rule.key] ?? []).filter { $0.provenance.source.contains(rule.sourceContains) }
            guard !matched.isEmpty else {
                throw error(3, rule.sourceContains, "no row of \(rule.key) in the alternative file has a source "
                    + "containing this text", "Fix source_contains or remove the line")
            }
            guard rule.use == .extend else { continue }
            guard let primary = byKey[rule.key], let last = primary.lastYear else {
                throw error(1, rule.key.indicator, "no national series \(rule.key) to extend",
                            "Read the national file with the alternatives, or write refuse")
            }
            for o in matched {
                guard let p = primary.value(in: o.year), p != 0 else { continue }
                let relative = abs(o.value - p) / abs(p)
                guard relative <= agreementTolerance else {
                    throw error(4, "extend", String(
                        format: "%@ %d: %@ from this source vs %@ in the national series (%.1f %% apart, more than "
                            + "%.0f %%): not the same measure", rule.key.description, o.year, formatValue(o.value),
                        formatValue(p), 100 * relative, 100 * agreementTolerance),
                        "Write refuse for this source, with the reason")
                }
            }
            var seen: Set<Int> = []
            let added = matched.filter { $0.year > last && seen.insert($0.year).inserted }
            guard !added.isEmpty else { continue }
            byKey[rule.key] = Series(indicator: primary.indicator, region: primary.region, unit: primary.unit,
                                     observations: primary.observations + added)
            extensions.append(AlternativeExtension(key: rule.key, source: added[0].provenance.source,
                                                   observations: added, reason: rule.reason))
        }
        return (byKey.values.sorted { $0.key < $1.key }, extensions)
    }
}
