import Foundation
import Testing
import TestSupport

/// The import fixtures (provenance: Tests/IndicatorDataTests/Fixtures/import/README.md), shared, not copied.
private func importFixtures() -> URL {
    packageRoot().appendingPathComponent("Tests/IndicatorDataTests/Fixtures/import", isDirectory: true)
}

private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-inputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Rows of a CSV without quoted commas (the files compared here have none in the compared columns).
private func rows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

@Suite("CLI: one reading path for every command")
struct InputsCLITests {
    /// Kon Tum under-5 mortality as a Vietnamese-locale sheet would hold it (`;`, decimal comma): the plan's 2023
    /// value 42,0 (plan_baseline_2023.csv) and two earlier made-up points for the test.
    private func decimalCommaFile(in dir: URL) throws -> String {
        try Data("indicator_code;region;year;value;unit;source\nu5mr;VN-28;2019;45,1;per 1000;test\nu5mr;VN-28;2021;43,2;per 1000;test\nu5mr;VN-28;2023;42,0;per 1000;plan\n".utf8)
            .write(to: dir.appendingPathComponent("kontum_vi.csv"))
        return "kontum_vi.csv"
    }

    @Test("a decimal-comma file and the bundled national series in ONE project run (per-file and run-wide syntax)")
    func decimalCommaWithNational() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try decimalCommaFile(in: dir)
        let national = datasetsDirectory().appendingPathComponent("national/vietnam_national.csv").path
        for args in [["--data", file + ":decimal=comma,delimiter=semicolon", "--data", national],
                     ["--decimal", "comma", "--data", file, "--data", national]] {
            let r = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", "VN-28", "--format", "csv"] + args,
                                   currentDirectory: dir)
            #expect(r.status == 0, "stderr: \(r.stderr)")
            let observed = rows(r.stdout).filter { $0.count > 4 && $0[3] == "observed" }.map { $0[4] }
            #expect(observed == ["45.1", "43.2", "42"], "\(args)")
            // The provincial series borrows the national slope: the national file was read with its own format.
            #expect(r.stderr.contains("national-slope-shift(VN)"), "stderr: \(r.stderr)")
        }
    }

    @Test("a bad per-file declaration is a usage error (64) that says how to write one")
    func badDeclaration() throws {
        let r = try runChitieu(args: ["project", "--indicator", "u5mr", "--data", "x.csv:decimal=coma"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("decimal=coma is not one of point, comma"), "stderr: \(r.stderr)")
    }

    @Test("DHIS2 in → project → DHIS2 out keeps the values and periods")
    func dhis2RoundTrip() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let m = importFixtures().appendingPathComponent("kontum_mapping.csv").path
        let input = importFixtures().appendingPathComponent("dhis2_analytics_ids.csv").path
        let p = try runChitieu(args: ["project", "--indicator", "health_insurance_coverage_pct", "--region", "VN-28",
                                      "--data", input + ":mapping=" + m, "--format", "csv", "--out", "p.csv"],
                               currentDirectory: dir)
        #expect(p.status == 0, "stderr: \(p.stderr)")
        let e = try runChitieu(args: ["export", "--input", "p.csv", "--to", "dhis2", "--dhis2-mapping", m,
                                      "--dhis2-kinds", "observed"], currentDirectory: dir)
        #expect(e.status == 0, "stderr: \(e.stderr)")
        let out = rows(e.stdout).dropFirst().map { [$0[0], $0[1], $0[2], $0[5]] }
        let original = rows(try String(contentsOfFile: input, encoding: .utf8)).dropFirst().map { [$0[0], $0[1], $0[2], $0[3]] }
        #expect(out == original)
    }

    @Test("SDMX out → SDMX in: project reads its own SDMX-CSV and gets the same observations")
    func sdmxRoundTrip() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", "VN", "--format", "sdmx", "--out", "vn.sdmx.csv"],
                               currentDirectory: dir)
        #expect(a.status == 0, "stderr: \(a.stderr)")
        let direct = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", "VN", "--format", "csv"], currentDirectory: dir)
        let again = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", "VN", "--format", "csv",
                                          "--data", "vn.sdmx.csv"], currentDirectory: dir)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        func observed(_ text: String) -> [[String]] { rows(text).filter { $0.count > 4 && $0[3] == "observed" }.map { [$0[2], $0[4]] } }
        #expect(!observed(direct.stdout).isEmpty)
        #expect(observed(again.stdout) == observed(direct.stdout))
    }

    @Test("every command reads a DHIS2 file (none says 'missing required column indicator_code')", arguments: [
        ["attain", "--format", "csv"], ["project", "--indicator", "health_insurance_coverage_pct", "--region", "VN-28"],
        ["plot", "--indicator", "health_insurance_coverage_pct", "--region", "VN-28", "--out", "-"],
        ["backtest", "--method", "ols"],
    ])
    func everyCommand(_ args: [String]) throws {
        let m = importFixtures().appendingPathComponent("kontum_mapping.csv").path
        let input = importFixtures().appendingPathComponent("dhis2_datavalues.json").path
        let r = try runChitieu(args: args + ["--data", input + ":mapping=" + m])
        #expect(!r.stderr.contains("missing required column"), "stderr: \(r.stderr)")
        // backtest needs ≥ 5 points before an origin; three points give its "no held-out points" (65), not a read error.
        #expect(r.status == 0 || args[0] == "backtest" && r.stderr.contains("no held-out points"), "stderr: \(r.stderr)")
    }

    @Test("data check sets the year-to-date figure against its annual target")
    func yearToDate() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // An annual ceiling of 60 cases for Đắk Tô (made up for the comparison); 15 cases to 31 March 2024.
        try Data("indicator_code,region,year,value,comparator\nvaricella_cases,VN-28-DAK_TO,2024,60,<=\n".utf8)
            .write(to: dir.appendingPathComponent("t.csv"))
        let m = importFixtures().appendingPathComponent("kontum_mapping.csv").path
        let input = importFixtures().appendingPathComponent("dhis2_subannual.csv").path
        let r = try runChitieu(args: ["data", "check", input + ":mapping=" + m, "--targets", "t.csv"], currentDirectory: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        // 91/366 = 24.9 % elapsed; 15/60 = 25.0 % reached; pace 0.25·366/91 = 1.01.
        #expect(r.stdout.contains("year to date: varicella_cases @ VN-28-DAK_TO 2024 to 2024-03-31: 15; 24.9 % of the year elapsed, "
            + "25.0 % of the annual target <= 60 reached (pace 1.01"), "stdout: \(r.stdout)")
    }
}
