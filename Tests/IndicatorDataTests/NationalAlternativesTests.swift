import Foundation
import IndicatorData
import Testing
import TestSupport

/// `Datasets/national/alt_sources.csv` applied to the bundled national series: alternative sources extend a
/// national series only where the rules say they measure the same thing, and the data check the rules.
@Suite("National alternatives: extend where the same thing is measured")
struct NationalAlternativesTests {
    static func bundled() throws -> (series: [Series], rules: [AlternativeSourceRule], rows: [SeriesKey: [Observation]]) {
        let national = try SeriesReader.read(contentsOf: datasetsDirectory().appendingPathComponent("national/vietnam_national.csv"))
        let rules = try NationalAlternatives.readRules(
            contentsOf: datasetsDirectory().appendingPathComponent("national/alt_sources.csv"))
        let rows = try NationalAlternatives.readRows(
            contentsOf: datasetsDirectory().appendingPathComponent("national/vietnam_national_alt.csv"))
        return (national.series, rules, rows)
    }

    @Test("stunting + GNS 2020, doctors + WDI 2018–2021; MoH pharmacists, IMR, U5MR, LE, MMR refused")
    func bundledRules() throws {
        let (series, rules, rows) = try Self.bundled()
        let (extended, extensions) = try NationalAlternatives.extend(series, rules: rules, rows: rows, rulesFile: "r")
        func s(_ code: String) -> Series? { extended.first { $0.key == SeriesKey(indicator: code, region: "VN") } }
        func before(_ code: String) -> Series? { series.first { $0.key == SeriesKey(indicator: code, region: "VN") } }
        // Values typed from Datasets/national/vietnam_national_alt.csv.
        let stunting = try #require(s("stunting_u5_pct"))
        #expect(stunting.lastYear == 2020 && stunting.value(in: 2020) == 19.6)
        #expect(stunting.observations.last?.provenance.flag == "alt")
        #expect(stunting.observations.last?.provenance.source.contains("General Nutrition Survey") == true)
        let doctors = try #require(s("physicians_per_10k"))
        #expect(doctors.years.suffix(4) == [2018, 2019, 2020, 2021])
        #expect([2018, 2019, 2020, 2021].map { doctors.value(in: $0) } == [8.81, 9.9, 8.56, 11.07])
        #expect(doctors.value(in: 2016) == before("physicians_per_10k")?.value(in: 2016), "no value replaced")
        for code in ["pharmacists_per_10k", "imr", "u5mr", "life_expectancy", "mmr", "dtp3_pct"] {
            #expect(s(code) == before(code), "\(code) unchanged")
        }
        #expect(Set(extensions.map(\.key.indicator)) == ["physicians_per_10k", "stunting_u5_pct"])
        #expect(extensions.first { $0.key.indicator == "stunting_u5_pct" }?.description.contains("2020 = 19.6") == true)
    }

    @Test("an extend rule whose source disagrees with the series on a common year is an error at its line")
    func disagreeingSourceIsRefused() throws {
        let (series, rules, rows) = try Self.bundled()
        // MoH doctors 2019 = 9.06 against WDI's 9.90 once WDI has extended the series: 8.5 % apart.
        var bad = rules
        let moh = try #require(bad.firstIndex { $0.key.indicator == "physicians_per_10k" && $0.use == .refuse })
        bad[moh].use = .extend
        #expect {
            _ = try NationalAlternatives.extend(series, rules: bad, rows: rows, rulesFile: "alt_sources.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("alt_sources.csv:\(bad[moh].line)") && text.contains("not the same measure")
                && text.contains("9.06") && text.contains("Write refuse")
        }
    }

    @Test("a rule matching no row of the alternative file is an error")
    func ruleWithoutRows() throws {
        let (series, _, rows) = try Self.bundled()
        let rule = AlternativeSourceRule(key: SeriesKey(indicator: "tfr", region: "VN"), sourceContains: "nowhere",
                                         use: .extend, reason: "test", line: 2)
        #expect {
            _ = try NationalAlternatives.extend(series, rules: [rule], rows: rows, rulesFile: "alt_sources.csv")
        } throws: { error in "\(error)".contains("no row of tfr @ VN") && "\(error)".contains("source_contains") }
    }
}
