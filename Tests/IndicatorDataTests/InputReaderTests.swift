import Foundation
import IndicatorData
import Testing

/// One reading path: every layout detected from its header, read to the same series, and named when it
/// cannot be used. Fixture provenance: `Fixtures/import/README.md`.
@Suite("InputReader: every layout, one path")
struct InputReaderTests {
    private func spec(_ name: String, _ declaration: String = "") throws -> FileSpec {
        let url = try fixtureURL("import/" + name)
        var s = try FileSpec.parse(url.path + (declaration.isEmpty ? "" : ":" + declaration))
        s.displayName = name
        return s
    }

    private func mappingDeclaration(_ name: String) throws -> String { "mapping=" + (try fixtureURL("import/" + name).path) }

    /// Kon Tum health insurance coverage 2017, 2018, 2023 (kontum_province.csv: Kon Tum TV, VNA).
    private let coverage: [Double] = [88.2, 88.46, 93.46]

    @Test("each layout is detected from its header", arguments: [
        ("dhis2_yearly.csv", DataFileKind.dhis2), ("dhis2_datavalues.json", .dhis2JSON),
        ("dhis2_analytics_ids.csv", .dhis2Analytics), ("dhis2_analytics_names.csv", .dhis2Analytics),
        ("gho_odata.csv", .gho), ("gho_verbose.csv", .gho), ("sdmx_projection.csv", .sdmx), ("wide_vi.csv", .wide),
    ])
    func detection(_ file: String, _ kind: DataFileKind) throws {
        #expect(try DataFileKind.detect(contentsOf: fixtureURL("import/" + file)) == kind)
    }

    @Test("DHIS2 analytics (IDs and names), dataValueSets JSON: the same series", arguments: [
        ("dhis2_analytics_ids.csv", "kontum_mapping.csv"), ("dhis2_analytics_names.csv", "analytics_names_mapping.csv"),
        ("dhis2_datavalues.json", "kontum_mapping.csv"),
    ])
    func dhis2Layouts(_ file: String, _ mapping: String) throws {
        let s = try InputReader.read([spec(file, mappingDeclaration(mapping))])
        let series = try #require(s["health_insurance_coverage_pct", "VN-28"])
        #expect(series.years == [2017, 2018, 2023])
        #expect(series.values == coverage)
        #expect(series.observations.first?.provenance.source.hasPrefix("DHIS2 ") == true)
    }

    @Test("the JSON reader skips deleted values and counts them")
    func jsonDeleted() throws {
        let s = try InputReader.read([spec("dhis2_datavalues.json", mappingDeclaration("kontum_mapping.csv"))])
        #expect(s.warnings.map(\.message) == ["1 row(s) skipped (deleted, or not both sexes)"])
    }

    @Test("SDMX-CSV 2.0: observed rows kept with their codes (no mapping needed), other kinds skipped")
    func sdmx() throws {
        let s = try InputReader.read([spec("sdmx_projection.csv")])
        // World Bank WDI SH.DYN.MORT, Viet Nam 1990–1992 (vietnam_national.csv).
        #expect(s["u5mr", "VN"]?.values == [51.5, 49, 46.4])
        #expect(s["u5mr", "VN"]?.years == [1990, 1991, 1992])
        #expect(s.warnings.map(\.message).contains { $0.hasPrefix("1 row(s) skipped (ACTION D, OBS_KIND other than observed") })
    }

    @Test("a wide sheet with Vietnamese headers, ';' and thousands points, through a mapping")
    func wide() throws {
        let s = try InputReader.read([spec("wide_vi.csv", "delimiter=semicolon,decimal=comma,grouping=point,"
                                              + mappingDeclaration("wide_mapping.csv"))])
        // Kon Tum Statistical Yearbooks 2017 and 2022 (kontum_province.csv).
        #expect(s["population_avg", "VN-28-DAK_GLEI"]?.values == [45290, 51259])
        #expect(s["population_density", "VN-28-DAK_TO"]?.values == [90, 101])
        // Unmapped pairs (Đắk Tô population, Đắk Glei density) are not in the mapping's org units per element:
        // the mapping maps elements and org units independently, so both indicators exist for both districts.
        #expect(s["population_avg", "VN-28-DAK_TO"]?.values == [45828, 51436])
    }

    @Test("a wide sheet without a mapping needs catalogue codes as headers, and says which column is not one")
    func wideWithoutMapping() throws {
        let catalogue = try smallCatalogue()
        let error = try #require(throws: DataError.self) {
            try InputReader.read([spec("wide_vi.csv", "delimiter=semicolon,grouping=point,decimal=comma")], catalogue: catalogue)
        }
        #expect(error.description.contains("column \"Dân số trung bình (người)\" of this wide sheet is not an indicator code"))
        #expect(error.line == 1 && error.column == 3)
    }

    @Test("a header that matches no layout is named, with the layouts chitieu reads")
    func unknownLayout() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-unknown-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("foo,bar,baz\n1,2,3\n".utf8).write(to: url)
        let error = try #require(throws: DataError.self) { try InputReader.read([FileSpec(url: url, displayName: "x.csv")]) }
        #expect(error.description.hasPrefix("x.csv:1: the header (foo,bar,baz) matches no layout chitieu reads. chitieu reads tidy (indicator_code,region,year,value), DHIS2 dataValueSets"))
    }

    @Test("a detected layout that cannot be used names the layout", arguments: [
        ("dx,pe,ou\nA,2023,B\n", "read as DHIS2 analytics CSV: missing required column \"value\""),
        ("dataelement,period,orgunit,value\nA,2023,B,1\n", "this is a DHIS2 dataValueSets CSV, which needs a mapping to indicator codes"),
        ("STRUCTURE,STRUCTURE_ID,REF_AREA,TIME_PERIOD,OBS_VALUE\ndataflow,X,VN,2023,1\n", "read as SDMX-CSV: missing required column \"INDICATOR\""),
    ])
    func unusable(_ text: String, _ fragment: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-layout-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        let error = try #require(throws: DataError.self) { try InputReader.read([FileSpec(url: url, displayName: "f.csv")]) }
        #expect(error.description.contains(fragment), "message was: \(error.description)")
        #expect(error.exitCode == 65)
    }

    @Test("per-file options: a decimal-comma file and a point file in one read; bundled files ignore run defaults")
    func perFileOptions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-perfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("indicator_code;region;year;value\nimr;VN-28;2023;25,5\n".utf8).write(to: dir.appendingPathComponent("vi.csv"))
        try Data("indicator_code,region,year,value\nimr,VN,2023,11.5\n".utf8).write(to: dir.appendingPathComponent("en.csv"))
        let vi = try FileSpec.parse(dir.appendingPathComponent("vi.csv").path + ":decimal=comma,delimiter=;")
        var en = FileSpec(url: dir.appendingPathComponent("en.csv"))
        en.bundled = true
        // Run default decimal=comma: the bundled-like file keeps its own point decimal.
        let s = try InputReader.read([vi, en], defaults: FileReadOptions(decimal: .comma))
        #expect(s["imr", "VN-28"]?.values == [25.5])
        #expect(s["imr", "VN"]?.values == [11.5])
    }
}

@Suite("FileSpec: FILE[:key=value,…]")
struct FileSpecTests {
    @Test("options parse, `;` and `,` are delimiter values, a path with ':' stays a path")
    func parsing() throws {
        let a = try FileSpec.parse("district.csv:decimal=comma,delimiter=;,grouping=point,layout=wide,aggregate=sum")
        #expect(a.displayName == "district.csv")
        #expect(a.options == FileReadOptions(decimal: .comma, delimiter: .semicolon, grouping: .point, layout: .wide,
                                             aggregation: .sum))
        #expect(try FileSpec.parse("x.csv:delimiter=,").options.delimiter == .comma)
        #expect(try FileSpec.parse("reports:2024/march.csv").displayName == "reports:2024/march.csv")
        #expect(try FileSpec.parse("plain.csv").options == FileReadOptions())
    }

    @Test("bad declarations are errors that name the key and the choices", arguments: [
        ("a.csv:decimal=coma", "decimal=coma is not one of point, comma"),
        ("a.csv:decimal=comma,decimal=point", "decimal is given twice"),
        ("a.csv:decimal=comma,grouping=comma", "grouping=comma is the same mark as the decimal"),
        ("a.csv:layout=excel", "layout=excel is not one of series, targets, catalogue, dhis2, dhis2-json"),
        (":decimal=comma", "the file name before \":\" is empty"),
    ])
    func errors(_ text: String, _ fragment: String) {
        #expect(throws: FileSpecError.self) { try FileSpec.parse(text) }
        do { _ = try FileSpec.parse(text) } catch { #expect("\(error)".contains(fragment), "\(error)") }
    }
}
