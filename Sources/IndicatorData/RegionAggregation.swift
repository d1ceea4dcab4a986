import Foundation

// MARK: - Aggregating child regions into a parent

/// How the values of member regions combine into their parent's (or a merged unit's) value for one year.
///
/// - `sum`: counts (persons, beds, cases): x = Σ xᵢ.
/// - `populationWeighted`: densities and shares of the population (per 10,000, %, life expectancy, TFR):
///   x = Σ Pᵢ·xᵢ / Σ Pᵢ with Pᵢ the average population. For a density this equals Σ countᵢ / Σ Pᵢ.
/// - `areaWeighted`: densities per km² (population density): x = Σ Aᵢ·xᵢ / Σ Aᵢ with Aᵢ the area, which is
///   Σ personsᵢ / Σ km².
/// - `birthsWeighted`: rates per live birth (IMR, U5MR, MMR): x = Σ Bᵢ·xᵢ / Σ Bᵢ, births
///   Bᵢ = CBRᵢ/1000 × Pᵢ from the crude birth rate; where a member lacks the CBR that year, population
///   weights are used for that year and a note says so.
///
/// TFR and life expectancy are population-weighted here (women 15–49 and the life table would be exact);
/// the difference is small when members have similar age structures, and it is said in `docs/regions.md`.
public enum AggregationRule: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case sum
    case populationWeighted = "population-weighted"
    case birthsWeighted = "births-weighted"
    case areaWeighted = "area-weighted"

    public var description: String { rawValue }

    /// The rule for a catalogue entry, from its unit: "… live births" → births; persons, beds or cases
    /// (counts; also a population) → sum; anything else → population.
    public static func rule(for indicator: Indicator) -> AggregationRule {
        rule(unit: indicator.unit, code: indicator.code)
    }

    /// The rule from a unit text and a code alone (a series that is not catalogued): "… live births" →
    /// births; "… per km2" → area; persons, beds, cases, outbreak foci, km2 (counts and areas) → sum;
    /// anything else → population.
    public static func rule(unit text: String, code: String) -> AggregationRule {
        let unit = text.lowercased()
        if unit.contains("live birth") { return .birthsWeighted }
        if unit.contains(" per km") { return .areaWeighted }
        let counts = ["persons", "beds", "cases", "thousand persons", "outbreak foci", "km2", "km²"]
        if counts.contains(where: { unit == $0 || unit.hasPrefix($0 + " (") }) || code.hasSuffix("_count") {
            return .sum
        }
        return .populationWeighted
    }
}

/// A parent's series computed from its members, with what was left out.
public struct AggregatedSeries: Sendable, Hashable {
    public var series: Series
    public var rule: AggregationRule
    public var members: [String]
    /// Years some member has but not every member (no value is given for them: a partial sum is wrong).
    public var skippedYears: [Int]
    public var notes: [String]
}

public enum RegionAggregation {
    /// Aggregates `code` over `members` into `parent`, year by year, for the years every member has a value
    /// (and, for weighted rules, a population).
    ///
    /// - Parameters:
    ///   - population: series code of the weights (average population; same unit in every member).
    ///   - birthRate: crude birth rate per 1,000 for `birthsWeighted`.
    /// - Returns: nil when a member has no series for `code` or no year is complete.
    /// - Throws: `DataError` when members state `code` (or the population) in different units.
    public static func aggregate(code: String, rule: AggregationRule, members: [String], into parent: String,
                                 data: [SeriesKey: Series], population: String = "population_avg",
                                 birthRate: String = "crude_birth_rate",
                                 area: String = "area_km2") throws -> AggregatedSeries? {
        let weightCode = rule == .areaWeighted ? area : population
        let parts = members.map { data[SeriesKey(indicator: code, region: $0)] }
        let present = parts.compactMap { $0 }
        guard !members.isEmpty, present.count == members.count else { return nil }
        try sameUnit(present, code: code)
        let weights = rule == .sum ? [] : members.compactMap { data[SeriesKey(indicator: weightCode, region: $0)] }
        if rule != .sum {
            guard weights.count == members.count else { return nil }
            try sameUnit(weights, code: weightCode)
        }
        let births = rule == .birthsWeighted
            ? members.compactMap { data[SeriesKey(indicator: birthRate, region: $0)] } : []
        let allYears = Set(present.flatMap(\.years))
        var observations: [Observation] = []
        var skipped: [Int] = []
        var populationYears: [Int] = []
        for year in allYears.sorted() {
            let values = present.compactMap { $0.value(in: year) }
            var w = rule == .sum ? Array(repeating: 1.0, count: values.count) : weights.compactMap { $0.value(in: year) }
            guard values.count == members.count, w.count == members.count else { skipped.append(year); continue }
            var used = rule
            if rule == .birthsWeighted {
                let cbr = births.count == members.count ? births.compactMap { $0.value(in: year) } : []
                if cbr.count == members.count {
                    w = zip(cbr, w).map { $0 / 1000 * $1 }
                } else {
                    used = .populationWeighted
                    populationYears.append(year)
                }
            }
            let total = w.reduce(0, +)
            guard total > 0 else { skipped.append(year); continue }
            let value = rule == .sum ? values.reduce(0, +) : zip(values, w).map { $0 * $1 }.reduce(0, +) / total
            let weightNote = used == .sum ? ""
                : " (weights: \(used == .birthsWeighted ? "births = \(birthRate)/1000 × \(population)" : weightCode))"
            let provenance = Provenance(file: "", line: 0,
                                        source: "aggregated: \(used) of \(members.joined(separator: " + "))\(weightNote)",
                                        flag: "aggregated")
            observations.append(Observation(year: year, value: value, provenance: provenance))
        }
        guard !observations.isEmpty else { return nil }
        var notes: [String] = []
        if !skipped.isEmpty {
            notes.append("\(code) @ \(parent): years \(skipped.map(String.init).joined(separator: ", ")) left out "
                + "(not every member of \(members.joined(separator: ", ")) has them)")
        }
        if !populationYears.isEmpty {
            notes.append("\(code) @ \(parent): population weights instead of births in "
                + "\(populationYears.map(String.init).joined(separator: ", ")) (no \(birthRate) for every member)")
        }
        return AggregatedSeries(series: Series(indicator: code, region: parent, unit: present[0].unit,
                                               observations: observations),
                                rule: rule, members: members, skippedYears: skipped, notes: notes)
    }

    private static func sameUnit(_ series: [Series], code: String) throws {
        guard let first = series.first else { return }
        if let other = series.first(where: { $0.unit != first.unit }) {
            let at = other.observations.first?.provenance
            throw DataError(file: at?.file ?? "", line: at?.line ?? 0, text: other.unit,
                            message: "\(code) is in \"\(first.unit)\" for \(first.region) but in \"\(other.unit)\" "
                                + "for \(other.region): members must share a unit to be aggregated",
                            hint: "Convert \(code) to one unit in every member region before aggregating")
        }
    }
}
