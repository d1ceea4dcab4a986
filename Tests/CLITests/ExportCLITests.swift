import Foundation
import Testing
import TestSupport

@Suite("CLI: export formats, refusals and failures that leave no file")
struct ExportCLITests {
    // MARK: SDMX

    /// Header per the SDMX-CSV 2.0 field guide (sdmx-twg/sdmx-csv `docs/data_message_field_guide.md`):
    /// STRUCTURE, STRUCTURE_ID, ACTION, then the dimensions in DSD order ending with TIME_PERIOD, then the
    /// measure OBS_VALUE, then the attributes.
    @Test("SDMX-CSV 2.0 header and column order; observed rows get CONF_LEVEL _Z")
    func sdmxHeader() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try writeProjection(in: dir)
        let r = try runChitieu(args: ["export", "--input", input.path, "--to", "sdmx", "--sdmx-agency", "VN_KONTUM_DOH"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = splitCSV(r.stdout)
        #expect(rows.first == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "INDICATOR", "OBS_KIND", "CONF_LEVEL",
                               "TIME_PERIOD", "OBS_VALUE", "LOWER_BOUND", "UPPER_BOUND"])
        let tidyRows = splitCSV(try String(contentsOf: input, encoding: .utf8))
        #expect(rows.count == tidyRows.count)
        let first = try #require(rows.dropFirst().first)
        #expect(first[0] == "dataflow")
        #expect(first[1] == "VN_KONTUM_DOH:PROJECTION(1.0)")
        #expect(first[2] == "I")
        #expect(first[5] == "observed" && first[6] == "_Z")
        let projected = try #require(rows.first { $0.count == 11 && $0[5] == "projected" })
        let tidyProjected = try #require(tidyRows.first { $0.count == 11 && $0[3] == "projected" })
        #expect(projected[8] == tidyProjected[4] && projected[9] == tidyProjected[6] && projected[10] == tidyProjected[7])
    }

    @Test("--to sdmx on a file without the projection columns: exit 65, the missing columns named, no file")
    func sdmxMissingColumns() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("scorecard.csv")
        try Data("indicator,region,year,projection\nu5mr,VN-28,2030,34.8\n".utf8).write(to: input)
        let out = dir.appendingPathComponent("out.csv")
        let r = try runChitieu(args: ["export", "--input", input.path, "--to", "sdmx", "--out", out.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("lacks the columns area, kind, value, level, lower, upper that SDMX-CSV needs"),
                "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try directoryListing(dir) == ["scorecard.csv"])
    }

    // MARK: Files

    @Test("--out into a missing directory: exit 73, nothing created")
    func missingDirectory() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try writeProjection(in: dir)
        let out = dir.appendingPathComponent("no/such/dir/out.csv")
        let r = try runChitieu(args: ["export", "--input", input.path, "--to", "tidy", "--out", out.path])
        #expect(r.status == 73)
        #expect(r.stderr.contains("does not exist"), "stderr: \(r.stderr)")
        #expect(try directoryListing(dir) == ["u5mr.csv"])
    }

    @Test("An existing --out is kept without --force (exit 64) and replaced with it")
    func existingFile() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try writeProjection(in: dir)
        let out = dir.appendingPathComponent("out.json")
        try Data("keep me\n".utf8).write(to: out)
        let refused = try runChitieu(args: ["export", "--input", input.path, "--to", "json", "--out", out.path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("already exists; use --force"), "stderr: \(refused.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me\n")
        let forced = try runChitieu(args: ["export", "--input", input.path, "--to", "json", "--out", out.path, "--force"])
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("{"))
        #expect(try directoryListing(dir) == ["out.json", "u5mr.csv"])
    }

    @Test("A DHIS2 mapping that misses the region fails before writing: exit 65, message names the gap, no file")
    func dhis2MissingRegion() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try writeProjection(in: dir)
        let mapping = dir.appendingPathComponent("map.csv")
        try Data("indicator,region,dataelement,orgunit\nu5mr,VN-28,deU5MR0001,ouKONTUM01\n".utf8).write(to: mapping)
        let out = dir.appendingPathComponent("dhis2.csv")
        let r = try runChitieu(args: ["export", "--input", input.path, "--to", "dhis2", "--dhis2-mapping", mapping.path,
                                      "--out", out.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("has no org unit for region \"VN\""), "stderr: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("DHIS2 dataValueSets CSV: header in DHIS2's order, one value per projected year (levels merged)")
    func dhis2Export() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try writeProjection(in: dir)
        let mapping = dir.appendingPathComponent("map.csv")
        try Data("indicator,region,dataelement,orgunit\nu5mr,VN,deU5MR0001,ouVIETNAM1\n".utf8).write(to: mapping)
        let r = try runChitieu(args: ["export", "--input", input.path, "--to", "dhis2", "--dhis2-mapping", mapping.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = splitCSV(r.stdout)
        #expect(rows.first == ["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo",
                               "value", "storedby", "lastupdated", "comment", "followup", "deleted"])
        let periods = rows.dropFirst().map { $0[1] }
        #expect(periods == (2024...2030).map(String.init), "one row per projected year: \(periods)")
        #expect(rows.dropFirst().allSatisfy { $0[0] == "deU5MR0001" && $0[2] == "ouVIETNAM1" && $0[3].isEmpty })
    }

    @Test("--to dhis2 without a mapping is a usage error that says what to add")
    func dhis2NeedsMapping() throws {
        let r = try runChitieu(args: ["export", "--input", "x.csv", "--to", "dhis2"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Use --dhis2-mapping FILE with --to dhis2"), "stderr: \(r.stderr)")
    }

    // MARK: Bad input

    @Test("A ragged row is a data error naming file and line")
    func raggedRow() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("bad.csv")
        try Data("area,indicator,year\nVN,u5mr,2020\nVN,u5mr\n".utf8).write(to: input)
        let r = try runChitieu(args: ["export", "--input", input.path, "--to", "tidy"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.csv:3:") && r.stderr.contains("row has 2 fields but the header has 3"),
                "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("A stray quote is a data error")
    func strayQuote() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("quote.csv")
        try Data("area,value\nV\"N,1\n".utf8).write(to: input)
        let r = try runChitieu(args: ["export", "--input", input.path, "--to", "json"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("quote.csv:2:") && r.stderr.contains("stray quote"), "stderr: \(r.stderr)")
    }

    @Test("A missing input file exits 66")
    func missingInput() throws {
        let r = try runChitieu(args: ["export", "--input", "/nonexistent/chitieu.csv", "--to", "tidy"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/nonexistent/chitieu.csv: no such file"), "stderr: \(r.stderr)")
    }
}
