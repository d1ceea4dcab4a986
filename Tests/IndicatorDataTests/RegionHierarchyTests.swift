import Foundation
import Testing
import TestSupport
@testable import IndicatorData

// The region hierarchy (ISO 3166-2 rule + Datasets/regions.csv) and the aggregation of member regions.
// Aggregation references are computed by hand from Datasets/provinces/vietnam_provinces_gso.csv (GSO,
// population in thousands), shown in each comment.

@Suite("Region hierarchy and aggregation")
struct RegionHierarchyTests {
    static func bundled() throws -> RegionHierarchy {
        try RegionHierarchy.read(contentsOf: datasetsDirectory().appendingPathComponent("regions.csv"),
                                 displayName: "Datasets/regions.csv")
    }

    static func gso() throws -> [SeriesKey: Series] {
        let url = datasetsDirectory().appendingPathComponent("provinces/vietnam_provinces_gso.csv")
        var data: [SeriesKey: Series] = [:]
        for s in try SeriesReader.read(contentsOf: url).series { data[s.key] = s }
        return data
    }

    @Test("ISO rule without a file: XX-YYY → XX, district → province → nation")
    func isoRule() {
        let h = RegionHierarchy()
        #expect(h.parent(of: "VN-28") == "VN")
        #expect(h.parent(of: "IN-KA") == "IN")
        #expect(h.parent(of: "VN") == nil)
        #expect(h.ancestors(of: "VN-28-DAK_HA") == ["VN-28", "VN"])
    }

    @Test("the bundled regions file: names, the 2025 merger, districts, GSO regions")
    func bundledFile() throws {
        let h = try Self.bundled()
        #expect(h.regions["VN-28"]?.nameVi == "Kon Tum")
        #expect(h.regions["VN-29"]?.nameVi == "Quảng Ngãi")
        #expect(h.predecessors(of: "VN-QNG") == ["VN-28", "VN-29"])
        #expect(h.members(of: "VN-QNG") == ["VN-28", "VN-29"])
        #expect(h.regions["VN-QNG"]?.validFrom == "2025-07-01" && h.regions["VN-28"]?.validTo == "2025-06-30")
        #expect(h.parent(of: "VN-REG-CH") == "VN", "the file overrides the ISO rule (VN-REG is not a region)")
        #expect(h.children(of: "VN-28").count == 10)
        #expect(h.ancestors(of: "VN-28-DAK_HA") == ["VN-28", "VN"])
        #expect(h.displayName("VN-28") == "Kon Tum (VN-28)")
        // Every region code of the bundled data files is named.
        for region in Set(try Self.gso().keys.map(\.region)) {
            #expect(h.regions[region] != nil, "\(region) is not in regions.csv")
            #expect(h.regions[region]?.nameEn.isEmpty == false)
        }
    }

    @Test("bad regions files: duplicate, own parent, unknown successor, cycle, bad date")
    func badFiles() throws {
        let header = "code,name_vi,name_en,parent,valid_from,valid_to,successor,note\n"
        func read(_ rows: String) throws -> DataError {
            try #require(throws: DataError.self) {
                try RegionHierarchy.read(bytes: Array((header + rows).utf8), file: "r.csv")
            }
        }
        #expect(try read("A,,,,,,,\nA,,,,,,,\n").message.contains("listed twice (lines 2 and 3)"))
        #expect(try read("A,,,A,,,,\n").message.contains("its own parent"))
        let successor = try read("A,,,,,,B,\n")
        #expect(successor.message.contains("successor \"B\" of A is not listed") && successor.line == 2)
        let cycle = try read("A,,,B,,,,\nB,,,A,,,,\n")
        #expect(cycle.message.contains("form a cycle"))
        let date = try read("A,,,,2025-13-01,,,\n")
        #expect(date.message.contains("is not a date") && date.column == 5)
    }

    @Test("aggregation rules come from the unit: births for IMR, population for densities, sum for counts")
    func rules() throws {
        let catalogue = try IndicatorCatalogue.read(contentsOf: datasetsDirectory().appendingPathComponent("indicators.csv"))
        func rule(_ code: String) throws -> AggregationRule { AggregationRule.rule(for: try #require(catalogue[code])) }
        #expect(try rule("imr") == .birthsWeighted && rule("u5mr") == .birthsWeighted && rule("mmr") == .birthsWeighted)
        #expect(try rule("doctors_dpoh_count") == .sum && rule("population_avg") == .sum && rule("hiv_new_cases") == .sum)
        #expect(try rule("physicians_per_10k") == .populationWeighted && rule("tfr") == .populationWeighted)
        #expect(try rule("doctors_dpoh_per_10k") == .populationWeighted)
    }

    @Test("merged Quảng Ngãi 2011 by hand: IMR weighted by births, doctors summed, density = Σcount/Σpop")
    func merger() throws {
        let data = try Self.gso()
        let members = try Self.bundled().members(of: "VN-QNG")
        // IMR 2011: births = CBR/1000 × population: Kon Tum 25.8/1000 × 451.6 = 11.65128, Quảng Ngãi
        // 17.3/1000 × 1225.2 = 21.19596; IMR = (40.7·11.65128 + 19.9·21.19596)/32.84724 = 27.27799048
        // (population weights would give 25.5019: the births weighting matters).
        let imr = try #require(try RegionAggregation.aggregate(code: "imr", rule: .birthsWeighted, members: members,
                                                              into: "VN-QNG", data: data))
        #expect(abs((imr.series.value(in: 2011) ?? 0) - 27.277990479565403) < 1e-9)
        #expect(imr.series.observations.first?.provenance.flag == "aggregated")
        #expect(imr.series.observations.first?.provenance.source.hasPrefix("aggregated: births-weighted of VN-28 + VN-29") == true)
        // Doctors 2011: 354 + 581 = 935.
        let doctors = try #require(try RegionAggregation.aggregate(code: "doctors_dpoh_count", rule: .sum,
                                                                  members: members, into: "VN-QNG", data: data))
        #expect(doctors.series.value(in: 2011) == 935)
        // The population-weighted mean of the members' densities equals Σ doctors / Σ population:
        // 935 / (1676.8 × 1000) × 10000 = 5.576097328.
        let derived = try Derivation.deriveAll(
            try Derivation.read(contentsOf: datasetsDirectory().appendingPathComponent("derived_indicators.csv")),
            from: data)
        var withDensity = data
        for (k, v) in derived { withDensity[k] = v }
        let density = try #require(try RegionAggregation.aggregate(code: "doctors_dpoh_per_10k", rule: .populationWeighted,
                                                                  members: members, into: "VN-QNG", data: withDensity))
        #expect(abs((density.series.value(in: 2011) ?? 0) - 935 / 1_676_800 * 10_000) < 1e-12)
    }

    @Test("Kon Tum's districts sum to the province's 2017 population (kontum_province.csv)")
    func districtsSum() throws {
        let url = datasetsDirectory().appendingPathComponent("kontum/kontum_province.csv")
        var data: [SeriesKey: Series] = [:]
        for s in try SeriesReader.read(contentsOf: url).series { data[s.key] = s }
        let h = try Self.bundled()
        let total = try #require(try RegionAggregation.aggregate(code: "population_avg", rule: .sum,
                                                                members: h.children(of: "VN-28"), into: "VN-28",
                                                                data: data))
        // 2017: 45290 + 71091 + 45828 + 7125 + 25168 + 25610 + 168904 + 55387 + 50176 + 25469 = 520048, the
        // province's own 2017 value in the same file. 2022 is left out: Đắk Hà has population_avg_derived then.
        #expect(total.series.value(in: 2017) == 520_048)
        #expect(data[SeriesKey(indicator: "population_avg", region: "VN-28")]?.value(in: 2017) == 520_048)
        #expect(total.skippedYears == [2022] && total.notes.first?.contains("2022") == true)
    }

    @Test("members in different units are refused, not mixed")
    func unitsDiffer() throws {
        let p = Provenance(file: "f.csv", line: 3, source: "s")
        let a = Series(indicator: "population_avg", region: "A", unit: "persons",
                       observations: [Observation(year: 2020, value: 1000, provenance: p)])
        let b = Series(indicator: "population_avg", region: "B", unit: "thousand persons",
                       observations: [Observation(year: 2020, value: 1, provenance: p)])
        let error = try #require(throws: DataError.self) {
            try RegionAggregation.aggregate(code: "population_avg", rule: .sum, members: ["A", "B"], into: "P",
                                            data: [a.key: a, b.key: b])
        }
        #expect(error.message.contains("members must share a unit"))
    }
}
