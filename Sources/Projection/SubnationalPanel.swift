import Foundation
import IndicatorData

/// The province panel the subnational backtest scores: indicators that vary genuinely between provinces,
/// derived from the GSO province file (`Datasets/provinces/vietnam_provinces_gso.csv`, shared/data README §9).
public enum SubnationalPanel {
    /// Densities per 10,000 population derived from Department-of-Health counts: (plan code, count code).
    /// Beds: hospital beds (no commune stations, polyclinics or sanatoria), the plan's "excluding commune
    /// health station beds" without the two small categories.
    public static let gsoDensities: [(code: String, count: String)] = [
        ("physicians_per_10k", "doctors_dpoh_count"),
        ("nurses_per_10k", "nurses_dpoh_count"),
        ("midwives_per_10k", "midwives_dpoh_count"),
        ("hospital_beds_per_10k", "patient_beds_dpoh_hospital_count"),
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
    /// The population series (thousand persons) of the GSO file.
    public static let gsoPopulation = "population_avg"

    /// count / (population_thousands × 1000) × 10,000 for every year both series have.
    /// Provenance says which count and population rows the value came from.
    public static func density(count: Series, populationThousands population: Series, code: String) -> Series {
        var observations: [Observation] = []
        for observation in count.observations {
            guard let thousands = population.value(in: observation.year), thousands > 0,
                  observation.value.isFinite, observation.value >= 0 else { continue }
            let value = observation.value / (thousands * 1000) * 10_000
            let source = "derived: \(count.indicator) / (\(population.indicator) × 1000) × 10,000 (\(observation.provenance.source))"
            observations.append(Observation(year: observation.year, value: value,
                                            provenance: Provenance(file: observation.provenance.file,
                                                                   line: observation.provenance.line, source: source)))
        }
        return Series(indicator: code, region: count.region, unit: "per 10,000 population", observations: observations)
    }

    /// The backtest panel from GSO-coded series: densities, renamed rates, years capped (`gsoLastYears`).
    /// Regions whose code contains `-REG-` (the file's socio-economic regions, not ISO subdivisions) are
    /// left out.
    public static func gso(_ series: [Series]) -> [Series] {
        var byKey: [SeriesKey: Series] = [:]
        for s in series where !s.region.contains("-REG-") { byKey[s.key] = s }
        let regions = Set(byKey.keys.map(\.region)).sorted()
        var out: [Series] = []
        for region in regions {
            let population = byKey[SeriesKey(indicator: gsoPopulation, region: region)]
            for (code, countCode) in gsoDensities {
                if let count = byKey[SeriesKey(indicator: countCode, region: region)], let population {
                    out.append(density(count: count, populationThousands: population, code: code))
                }
            }
            for (code, source) in gsoRates {
                guard let s = byKey[SeriesKey(indicator: source, region: region)] else { continue }
                out.append(Series(indicator: code, region: region, unit: s.unit, observations: s.observations))
            }
        }
        return out.compactMap { s in
            guard let cap = gsoLastYears[s.indicator] else { return s.count > 0 ? s : nil }
            guard let first = s.firstYear, first <= cap else { return nil }
            return s.window(first...cap)
        }
    }
}
