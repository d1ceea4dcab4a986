import Foundation

// MARK: - Derived indicators

/// A series computed from others, as stated in `Datasets/derived_indicators.csv`:
///
///     value(t) = (Σ ± numerator_i(t)) / (denominator(t) × denominator_multiplier) × per
///
/// e.g. doctors per 10,000 = doctors_dpoh_count / (population_avg × 1000) × 10000 when the population is
/// published in thousands. Without a denominator, value(t) = (Σ ± numerator_i(t)) × per (a series taken on
/// another basis, or a count already per unit). A year gets a value only when every input has one; no input
/// is interpolated. `feeds` names the plan indicator the derived series measures on its own `basis`
/// (e.g. "GSO DoH basis": Department-of-Health staff only, below the plan's all-sector figures), so a
/// projection may use its slope but never its level for that indicator.
public struct Derivation: Sendable, Hashable, Codable {
    /// One term of the numerator: a series code with its sign.
    public struct Term: Sendable, Hashable, Codable {
        public var code: String
        public var sign: Double
        public init(code: String, sign: Double = 1) {
            self.code = code
            self.sign = sign
        }
    }

    /// Code of the derived series (catalogued in `indicators.csv`).
    public var code: String
    public var numerator: [Term]
    public var denominator: String?
    /// Multiplier turning the denominator's published unit into units (1000 for "thousand persons").
    public var denominatorMultiplier: Double
    /// The denominator's unit as it must appear in the data (checked); empty = not checked.
    public var denominatorUnit: String
    /// 10000 for a density per 10,000, 100000 per 100,000, 100 for a percentage.
    public var per: Double
    /// The plan indicator this series measures on its own basis; nil when it feeds none (midwives).
    public var feeds: String?
    /// Short label of the basis, shown in the method ("own-slope-shift(GSO DoH basis)").
    public var basis: String
    public var unit: String

    public init(code: String, numerator: [Term], denominator: String?, denominatorMultiplier: Double = 1,
                denominatorUnit: String = "", per: Double, feeds: String?, basis: String, unit: String) {
        self.code = code
        self.numerator = numerator
        self.denominator = denominator
        self.denominatorMultiplier = denominatorMultiplier
        self.denominatorUnit = denominatorUnit
        self.per = per
        self.feeds = feeds
        self.basis = basis
        self.unit = unit
    }

    /// "doctors_dpoh_count / (population_avg × 1000) × 10000": the formula, for provenance.
    public var formula: String {
        var top = ""
        for (i, term) in numerator.enumerated() {
            if i == 0 { top = (term.sign < 0 ? "−" : "") + term.code } else {
                top += (term.sign < 0 ? " − " : " + ") + term.code
            }
        }
        if numerator.count > 1 { top = "(" + top + ")" }
        guard let denominator else { return per == 1 ? top : "\(top) × \(formatValue(per))" }
        let bottom = denominatorMultiplier == 1 ? denominator : "(\(denominator) × \(formatValue(denominatorMultiplier)))"
        return "\(top) / \(bottom) × \(formatValue(per))"
    }

    /// The input series codes (numerator terms, then the denominator).
    public var inputs: [String] { numerator.map(\.code) + (denominator.map { [$0] } ?? []) }
}

// MARK: - Computing

extension Derivation {
    /// The derived series for `region`, or nil when an input series is missing or no year has every input.
    ///
    /// Each observation's provenance says `derived: <formula> from <input sources>` with flag "derived",
    /// file and line of the numerator's first term.
    /// - Throws: `DataError` when the denominator's unit differs from `denominatorUnit` (e.g. persons where
    ///   thousands are expected: the density would be off by 1000), or a denominator value is 0.
    public func derive(region: String, from data: [SeriesKey: Series]) throws -> Series? {
        let inputs = inputs.map { data[SeriesKey(indicator: $0, region: region)] }
        let present = inputs.compactMap { $0 }
        guard present.count == inputs.count else { return nil }
        let denominatorSeries = denominator == nil ? nil : present.last
        if let d = denominatorSeries, !denominatorUnit.isEmpty, d.unit != denominatorUnit {
            let where_ = d.observations.first?.provenance
            throw DataError(file: where_?.file ?? "", line: where_?.line ?? 0, text: d.unit,
                            message: "\(code) divides by \(d.indicator) @ \(region) in \"\(denominatorUnit)\", "
                                + "but the series' unit is \"\(d.unit)\"",
                            hint: "Give \(d.indicator) in \(denominatorUnit), or change denominator_multiplier "
                                + "and denominator_unit of \(code) in derived_indicators.csv")
        }
        let numerators = Array(present.prefix(numerator.count))
        var years = Set(numerators[0].years)
        for s in present.dropFirst() { years.formIntersection(s.years) }
        var observations: [Observation] = []
        for year in years.sorted() {
            var top = 0.0
            for (term, s) in zip(numerator, numerators) { top += term.sign * (s.value(in: year) ?? .nan) }
            var value = top * per
            if let d = denominatorSeries, let raw = d.value(in: year) {
                guard raw != 0 else {
                    throw DataError(file: "", line: 0, text: "0",
                                    message: "\(code) @ \(region) \(year): the denominator \(d.indicator) is 0",
                                    hint: "Fix \(d.indicator) for \(year) or drop that year")
                }
                value = top / (raw * denominatorMultiplier) * per
            }
            guard value.isFinite else { continue }
            let first = numerators[0].observations.first { $0.year == year }?.provenance
            let sources = present.compactMap { s in s.observations.first { $0.year == year }?.provenance.source }
            let unique = sources.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let provenance = Provenance(file: first?.file ?? "", line: first?.line ?? 0,
                                        source: "derived: \(formula) from " + unique.joined(separator: "; "),
                                        flag: "derived")
            observations.append(Observation(year: year, value: value, provenance: provenance))
        }
        guard !observations.isEmpty else { return nil }
        return Series(indicator: code, region: region, unit: unit, observations: observations)
    }

    /// Every derived series of `derivations` for every region that has all inputs, keyed by (code, region).
    public static func deriveAll(_ derivations: [Derivation],
                                 from data: [SeriesKey: Series]) throws -> [SeriesKey: Series] {
        var regions: [String: Set<String>] = [:]
        for key in data.keys { regions[key.indicator, default: []].insert(key.region) }
        var out: [SeriesKey: Series] = [:]
        for derivation in derivations {
            guard let first = derivation.inputs.first else { continue }
            for region in (regions[first] ?? []).sorted() {
                if let series = try derivation.derive(region: region, from: data) { out[series.key] = series }
            }
        }
        return out
    }
}
