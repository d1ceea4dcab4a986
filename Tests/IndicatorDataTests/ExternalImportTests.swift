import Foundation
import IndicatorData
import Testing

@Suite("DHIS2 and WHO GHO imports")
struct ExternalImportTests {
    private func mapping(_ name: String) throws -> SourceMapping {
        try SourceMapping.read(contentsOf: fixtureURL("import/" + name))
    }

    @Test("DHIS2 yearly dataValueSets: mapped, deleted rows dropped, empty value missing, unmapped counted")
    func dhis2Yearly() throws {
        let s = try ExternalImport.readDHIS2(contentsOf: fixtureURL("import/dhis2_yearly.csv"),
                                             mapping: mapping("dhis2_mapping.csv"), displayName: "dhis2_yearly.csv")
        let province = try #require(s["health_insurance_coverage_pct", "VN-28"])
        #expect(province.years == [2022, 2023])
        #expect(province.values == [88.5, 90.1])
        #expect(province.observations.first?.provenance.source == "DHIS2 fbfJHSPpUQD/Ktum0000001/HllvX50cXC0")
        #expect(s.missing == [MissingCell(file: "dhis2_yearly.csv", line: 5, indicator: "health_insurance_coverage_pct",
                                          region: "VN-28-DAK_GLEI", year: 2023)])
        #expect(s.warnings.map(\.message).contains("1 row(s) not in the mapping were skipped (first: line 6: cYeuwXTCPkU / Ktum0000001)"))
        #expect(s.warnings.map(\.message).contains("1 row(s) skipped (deleted, or not both sexes)"))
    }

    @Test("DHIS2 monthly periods without an aggregation rule are an error that says how to state one")
    func dhis2Monthly() throws {
        let error = try #require(throws: DataError.self) {
            try ExternalImport.readDHIS2(contentsOf: fixtureURL("import/dhis2_monthly.csv"),
                                         mapping: mapping("dhis2_mapping.csv"), displayName: "dhis2_monthly.csv")
        }
        #expect(error.description.hasPrefix("dhis2_monthly.csv:2: health_insurance_coverage_pct @ VN-28 has monthly periods "
            + "(202301) and no rule to make years of them. Add a column aggregation (sum for counts, mean for rates)"))
        #expect(error.exitCode == 65)
    }

    @Test("GHO OData layout: sex-disaggregated and unmapped rows dropped, years sorted")
    func ghoOData() throws {
        let s = try ExternalImport.readGHO(contentsOf: fixtureURL("import/gho_odata.csv"), mapping: mapping("gho_mapping.csv"))
        #expect(s.count == 1)
        let dtp3 = try #require(s["dtp3_pct", "VN"])
        // WHO GHO 2018 snapshot values (shared/data/vietnam_national_alt.csv).
        #expect(dtp3.years == [2011, 2012, 2013])
        #expect(dtp3.values == [95, 97, 59])
        #expect(s.missing.map(\.year) == [2014])
        #expect(dtp3.observations.first?.provenance.source == "WHO GHO WHS4_100/VNM")
    }

    @Test("GHO verbose download layout reads the same series")
    func ghoVerbose() throws {
        let s = try ExternalImport.readGHO(contentsOf: fixtureURL("import/gho_verbose.csv"), mapping: mapping("gho_mapping.csv"))
        #expect(s["dtp3_pct", "VN"]?.values == [95, 97])
    }

    @Test("a mapping with an empty source region keeps the source's region code")
    func wildcardRegion() {
        let m = SourceMapping(elements: [SourceMapping.ElementKey("WHS4_100"): SourceMapping.Element(indicator: "dtp3_pct")])
        #expect(m.lookup(indicator: "WHS4_100", region: "THA") == SeriesKey(indicator: "dtp3_pct", region: "THA"))
        #expect(m.lookup(indicator: "MDG_0000000001", region: "THA") == nil)
    }

    @Test("a mapping that maps a data element to two indicators is an error naming both lines")
    func duplicateMapping() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-map-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("dataelement,orgunit,indicator_code,region\nA,B,x,VN\nA,B,y,VN\n".utf8).write(to: dir)
        let error = try #require(throws: DataError.self) { try SourceMapping.read(contentsOf: dir, displayName: "map.csv") }
        #expect(error.description.hasPrefix("map.csv:3:1: data element A is mapped to x (line 2) and to y here. "
            + "A mapping names each data element once"))
    }
}
