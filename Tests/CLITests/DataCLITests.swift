import Foundation
import Testing
import TestSupport

/// The CLI fixtures directory (files are passed by relative name so messages are stable).
private func fixtures() throws -> URL {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures", isDirectory: true)
}

/// A fresh temporary directory, removed by the caller.
private func scratchDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite("CLI: indicators and data check")
struct DataCLITests {
    // MARK: indicators

    @Test("indicators --format csv prints the catalogue's columns, RFC 4180 quoted")
    func indicatorsCSV() throws {
        let r = try runChitieu(args: ["indicators", "--format", "csv", "--catalogue", "catalogue_one.csv"],
                               currentDirectory: try fixtures())
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == """
            code,plan_row,group,name_vi,name_en,unit,unit_printed,direction,lower_bound,upper_bound,scale,national_series,national_comparable,provincial_series,note
            imr,19,impact,Tỷ suất chết trẻ em dưới 1 tuổi,Infant mortality rate,per 1000 live births,,lower,0,,log,imr,true,imr,"test catalogue, one row"

            """)
        #expect(r.stderr.isEmpty)
    }

    @Test("indicators --format json uses snake_case keys")
    func indicatorsJSON() throws {
        let r = try runChitieu(args: ["indicators", "--format", "json", "--catalogue", "catalogue_one.csv"],
                               currentDirectory: try fixtures())
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        let first = try #require(json?.first)
        #expect(first["code"] as? String == "imr")
        #expect(first["plan_row"] as? String == "19")
        #expect(first["lower_bound"] as? Double == 0)
        #expect(first["direction"] as? String == "lower")
    }

    @Test("indicators finds the catalogue through CHITIEU_DATASETS and prints a table")
    func indicatorsBundled() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: try fixtures().appendingPathComponent("catalogue_one.csv"),
                                         to: dir.appendingPathComponent("indicators.csv"))
        let r = try runChitieu(args: ["indicators"], environment: ["CHITIEU_DATASETS": dir.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.hasPrefix("Plan row  Code  Group   Better when  Bounds"))
        #expect(r.stdout.contains("19        imr   impact  lower        [0,]    log"))
        let vi = try runChitieu(args: ["indicators", "--lang", "vi"], environment: ["CHITIEU_DATASETS": dir.path])
        #expect(vi.stdout.hasPrefix("Dòng kế hoạch  Mã   Nhóm      Tốt hơn khi  Giới hạn"), "\(vi.stdout)")
        #expect(vi.stdout.contains("tác động  thấp hơn"))
    }

    @Test("indicators exits 66 with a hint when CHITIEU_DATASETS is wrong")
    func indicatorsNoDatasets() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runChitieu(args: ["indicators"], environment: ["CHITIEU_DATASETS": dir.path])
        #expect(r.status == 66)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("CHITIEU_DATASETS does not point at a Datasets directory"))
        #expect(r.stderr.contains("Set CHITIEU_DATASETS to the Datasets/ directory"))
    }

    // MARK: data check

    @Test("data check on a good file exits 0 and reports series, gaps and missing cells")
    func checkGood() throws {
        let r = try runChitieu(args: ["data", "check", "--no-catalogue", "good_series.csv"],
                               currentDirectory: try fixtures())
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.hasPrefix("good_series.csv: series, 5 rows, 1 series, years 2015–2020, 1 missing, "
            + "0 duplicates resolved, 0 outlying changes\n"))
        #expect(r.stdout.contains("u5mr       VN      2015–2020       4  2017, 2019"))
        #expect(r.stdout.contains("missing: good_series.csv:5: u5mr @ VN 2019: value missing"))
    }

    @Test("data check --format csv gives one tidy row per series")
    func checkCSV() throws {
        let r = try runChitieu(args: ["data", "check", "--no-catalogue", "--format", "csv", "good_series.csv"],
                               currentDirectory: try fixtures())
        #expect(r.status == 0)
        #expect(r.stdout == """
            file,kind,indicator,region,first_year,last_year,observations,gaps,outliers,missing
            good_series.csv,series,u5mr,VN,2015,2020,4,2017 2019,,2019

            """)
    }

    @Test("data check on a bad file exits 65 with file:line:column and the hint on stderr")
    func checkBad() throws {
        let r = try runChitieu(args: ["data", "check", "--no-catalogue", "bad_value.csv"],
                               currentDirectory: try fixtures())
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "chitieu: bad_value.csv:2:4: value \"1O.5\" is not a number (decimal mark: point). "
            + "Fix the cell or pass --decimal comma if the file uses decimal commas.\n")
    }

    @Test("data check keeps going after a bad file, and a missing file makes the exit 66")
    func checkMixed() throws {
        let r = try runChitieu(args: ["data", "check", "--no-catalogue", "bad_value.csv", "good_series.csv"],
                               currentDirectory: try fixtures())
        #expect(r.status == 65)
        #expect(r.stdout.hasPrefix("good_series.csv: series"))
        let missing = try runChitieu(args: ["data", "check", "--no-catalogue", "bad_value.csv", "nope.csv"],
                                     currentDirectory: try fixtures())
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("chitieu: nope.csv: no such file. Check the path"))
    }

    @Test("data check --decimal comma reads a semicolon file; bad option values are usage errors (64)")
    func checkOptions() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("indicator_code;region;year;value\nstunting_u5_pct;VN-28;2023;28,7\n".utf8)
            .write(to: dir.appendingPathComponent("vn.csv"))
        let ok = try runChitieu(args: ["data", "check", "--no-catalogue", "--decimal", "comma", "vn.csv"],
                                currentDirectory: dir)
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        let bad = try runChitieu(args: ["data", "check", "--decimal", "dot", "vn.csv"], currentDirectory: dir)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--decimal"))
    }

    @Test("data check reads a GHO export with --mapping, and without it says to pass one (65)")
    func checkGHO() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // WHO GHO WHS4_100 (DTP3) Viet Nam values as in shared/data/vietnam_national_alt.csv.
        try Data("IndicatorCode,SpatialDim,TimeDim,NumericValue\nWHS4_100,VNM,2012,97\nWHS4_100,VNM,2013,59\n".utf8)
            .write(to: dir.appendingPathComponent("gho.csv"))
        try Data("IndicatorCode,SpatialDim,indicator_code,region\nWHS4_100,VNM,dtp3_pct,VN\n".utf8)
            .write(to: dir.appendingPathComponent("map.csv"))
        let ok = try runChitieu(args: ["data", "check", "--no-catalogue", "--format", "csv", "--mapping", "map.csv",
                                       "gho.csv"], currentDirectory: dir)
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(ok.stdout.hasSuffix("gho.csv,gho,dtp3_pct,VN,2012,2013,2,,,\n"))
        let unmapped = try runChitieu(args: ["data", "check", "--no-catalogue", "gho.csv"], currentDirectory: dir)
        #expect(unmapped.status == 65)
        #expect(unmapped.stderr.contains("gho.csv:1: this is a WHO GHO export, which needs a mapping to indicator codes. Pass --mapping FILE"))
    }

    @Test("help texts describe the commands")
    func help() throws {
        let check = try runChitieu(args: ["data", "check", "--help"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("Iglewicz & Hoaglin"))
        #expect(check.stdout.contains("--source-priority"))
        let indicators = try runChitieu(args: ["indicators", "--help"])
        #expect(indicators.status == 0)
        #expect(indicators.stdout.contains("--catalogue"))
    }
}
