import Foundation
import IndicatorData

/// The province panel the subnational backtest scores: indicators that vary genuinely between provinces,
/// from the GSO province file (`Datasets/provinces/vietnam_provinces_gso.csv`, shared/data README §9).
public enum SubnationalPanel {
    /// Densities per 10,000 derived from Department-of-Health counts by `Datasets/derived_indicators.csv`
    /// (`Derivation`, the one place they are computed); each is scored under the plan code it feeds
    /// (`feeds`), or its own code when it feeds none (midwives).
    public static let gsoDerived: Set<String> = [
        "doctors_dpoh_per_10k", "nurses_dpoh_per_10k", "midwives_dpoh_per_10k", "hospital_beds_dpoh_per_10k",
    ]
    /// The plan codes the derived densities are scored under: the panel of the own-slope backtest
    /// (`SubnationalBacktest.runOwnSlope`), the indicators whose plan values sit on another basis.
    public static let ownSlopeCodes: Set<String> = [
        "physicians_per_10k", "nurses_per_10k", "midwives_dpoh_per_10k", "hospital_beds_per_10k",
    ]
    /// Series used as published, renamed to the catalogue code: (plan code, GSO code).
    public static let gsoRates: [(code: String, source: String)] = [
        ("tfr", "tfr"),
        ("imr", "imr"),
        ("fully_immunized_u1_pct", "immunization_full_u1_pct"),
    ]
    /// Last year used per code: provincial IMR and U5MR after 2011 were modelled from the national trend
    /// (README §9) and would flatter a method that borrows it.
    public static let gsoLastYears: [String: Int] = ["imr": 2011]

    /// The backtest panel from GSO-coded series: the derived densities (renamed to the plan code they feed),
    /// the renamed rates, years capped (`gsoLastYears`). Regions whose code contains `-REG-` (the file's
    /// socio-economic regions, not ISO subdivisions) are left out.
    /// - Throws: the derivation's `DataError` (a denominator in the wrong unit, a zero population).
    public static func gso(_ series: [Series], derivations: [Derivation]) throws -> [Series] {
        var byKey: [SeriesKey: Series] = [:]
        for s in series where !s.region.contains("-REG-") { byKey[s.key] = s }
        let used = derivations.filter { gsoDerived.contains($0.code) }
        let feeds = Dictionary(used.map { ($0.code, $0.feeds ?? $0.code) }, uniquingKeysWith: { a, _ in a })
        var out: [Series] = []
        for derived in try Derivation.deriveAll(used, from: byKey).values {
            let code = feeds[derived.indicator] ?? derived.indicator
            out.append(Series(indicator: code, region: derived.region, unit: derived.unit,
                              observations: derived.observations))
        }
        for (code, source) in gsoRates {
            for s in byKey.values where s.indicator == source {
                out.append(Series(indicator: code, region: s.region, unit: s.unit, observations: s.observations))
            }
        }
        return out.sorted { $0.key < $1.key }.compactMap { s in
            guard let cap = gsoLastYears[s.indicator] else { return s.count > 0 ? s : nil }
            guard let first = s.firstYear, first <= cap else { return nil }
            return s.window(first...cap)
        }
    }
}
