import Foundation
import Testing
import TestSupport
@testable import IndicatorData

// Derived densities from the GSO provincial counts (Datasets/provinces/vietnam_provinces_gso.csv, copied from
// shared/data; population in thousands). Expected values are computed by hand from the published numbers,
// shown in each comment.

/// Relative agreement to `tolerance` (values are a few arithmetic operations on published decimals).
private func expectClose(_ seen: Double?, _ expected: Double, _ tolerance: Double, _ what: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let error = abs((seen ?? .nan) - expected) / max(abs(expected), 1e-300)
    #expect(error <= tolerance, "\(what): expected \(expected), seen \(String(describing: seen))",
            sourceLocation: sourceLocation)
}

@Suite("Derived indicators: count / population densities")
struct DerivationTests {
    static func gso() throws -> [SeriesKey: Series] {
        let url = datasetsDirectory().appendingPathComponent("provinces/vietnam_provinces_gso.csv")
        let collection = try SeriesReader.read(contentsOf: url, displayName: "Datasets/provinces/vietnam_provinces_gso.csv")
        var data: [SeriesKey: Series] = [:]
        for s in collection.series { data[s.key] = s }
        return data
    }

    static func derivations() throws -> [Derivation] {
        try Derivation.read(contentsOf: datasetsDirectory().appendingPathComponent("derived_indicators.csv"),
                            displayName: "Datasets/derived_indicators.csv")
    }

    @Test("the bundled derivations: which counts feed which plan indicator, and the formula as provenance")
    func bundled() throws {
        let d = try Self.derivations()
        let feeds = Dictionary(uniqueKeysWithValues: d.map { ($0.code, $0.feeds ?? "-") })
        #expect(feeds == ["doctors_dpoh_per_10k": "physicians_per_10k", "nurses_dpoh_per_10k": "nurses_per_10k",
                          "midwives_dpoh_per_10k": "-", "hospital_beds_dpoh_per_10k": "hospital_beds_per_10k",
                          "hiv_new_cases_per_100k": "hiv_new_detections_per_100k"])
        let doctors = try #require(d.first { $0.code == "doctors_dpoh_per_10k" })
        #expect(doctors.formula == "doctors_dpoh_count / (population_avg × 1000) × 10000")
        let beds = try #require(d.first { $0.code == "hospital_beds_dpoh_per_10k" })
        #expect(beds.formula == "(patient_beds_dpoh_total_count − patient_beds_dpoh_commune_station_count) / "
            + "(population_avg × 1000) × 10000")
        // Every derived code and every input is in the catalogue.
        let catalogue = try IndicatorCatalogue.read(contentsOf: datasetsDirectory().appendingPathComponent("indicators.csv"))
        for derivation in d {
            #expect(catalogue[derivation.code] != nil, "\(derivation.code) is not catalogued")
            for input in derivation.inputs { #expect(catalogue[input] != nil, "\(input) is not catalogued") }
            if let feeds = derivation.feeds { #expect(catalogue[feeds]?.planRow.isEmpty == false) }
        }
    }

    @Test("Kon Tum densities by hand: doctors 2016, beds without commune stations 2016, HIV 2011")
    func kontum() throws {
        let derived = try Derivation.deriveAll(try Self.derivations(), from: try Self.gso())
        let doctors = try #require(derived[SeriesKey(indicator: "doctors_dpoh_per_10k", region: "VN-28")])
        #expect(doctors.count == 15 && doctors.firstYear == 2002 && doctors.lastYear == 2016)
        // 462 / (507.8 × 1000) × 10000 = 9.098070106…
        expectClose(doctors.value(in: 2016), 462 / 507_800 * 10_000, 1e-12, "doctors 2016")
        let o = try #require(doctors.observations.last)
        #expect(o.provenance.flag == "derived")
        #expect(o.provenance.source.hasPrefix("derived: doctors_dpoh_count / (population_avg × 1000) × 10000 from GSO"))
        // (2147 − 510) / 507,800 × 10000 = 32.2371…
        let beds = try #require(derived[SeriesKey(indicator: "hospital_beds_dpoh_per_10k", region: "VN-28")])
        expectClose(beds.value(in: 2016), 1637 / 507_800 * 10_000, 1e-12, "beds 2016")
        // 28 / 451,600 × 100000 = 6.2002
        let hiv = try #require(derived[SeriesKey(indicator: "hiv_new_cases_per_100k", region: "VN-28")])
        expectClose(hiv.value(in: 2011), 28 / 451_600 * 100_000, 1e-12, "HIV 2011")
        #expect(hiv.count == 6)
    }

    @Test("a denominator in persons where thousands are expected is an error that says what to do")
    func unitMismatch() throws {
        let p = Provenance(file: "pop.csv", line: 7, source: "s")
        let count = Series(indicator: "doctors_dpoh_count", region: "VN-28", unit: "persons",
                           observations: [Observation(year: 2016, value: 462, provenance: p)])
        let pop = Series(indicator: "population_avg", region: "VN-28", unit: "persons",
                         observations: [Observation(year: 2016, value: 507_818, provenance: p)])
        let doctors = try #require(try Self.derivations().first { $0.code == "doctors_dpoh_per_10k" })
        let error = try #require(throws: DataError.self) {
            try doctors.derive(region: "VN-28", from: [count.key: count, pop.key: pop])
        }
        #expect(error.message.contains("\"thousand persons\"") && error.message.contains("\"persons\""))
        #expect(error.file == "pop.csv" && error.line == 7)
        #expect(error.hint.contains("denominator_multiplier"))
    }

    @Test("bad derivations files: line and column, and what to write")
    func badFiles() throws {
        let header = "code,numerator,denominator,denominator_multiplier,denominator_unit,per,feeds,basis,unit,note\n"
        func read(_ row: String) throws -> DataError {
            try #require(throws: DataError.self) {
                try Derivation.read(bytes: Array((header + row).utf8), file: "d.csv")
            }
        }
        let sign = try read("x,a * b,p,1,,10000,,,,\n")
        #expect(sign.line == 2 && sign.message.contains("expected + or -"))
        let per = try read("x,a,p,1,,0,,,,\n")
        #expect(per.message.contains("per must be a positive number"))
        let dangling = try read("x,a -,p,1,,100,,,,\n")
        #expect(dangling.message.contains("ends with a sign"))
        let twice = try read("x,a,p,1,,100,,,,\nx,b,p,1,,100,,,,\n")
        #expect(twice.message.contains("listed twice (lines 2 and 3)"))
    }
}
