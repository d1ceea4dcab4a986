import Foundation
import Testing
import TestSupport

@Suite("chitieu backtest")
struct BacktestCLITests {
    /// OLS-only backtest (no recency weights) at origin 2012 on the bundled intl_series.csv: CSV with the
    /// "all" row first.
    @Test func olsCSVOnBundledData() throws {
        let r = try runChitieu(args: ["backtest", "--method", "ols", "--weights", "none", "--origins", "2012",
                                      "--format", "csv"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "method,group,lead_time,n,coverage_80,coverage_95,width_80_model,width_80_natural,winkler_80,winkler_95,mase_naive,mase_drift")
        // 11 indicators, ≥ 5 points, lead 1–10: 2,067 points, 38.6 % / 54.9 % (README §8 protocol with underweight).
        #expect(lines.dropFirst().first?.hasPrefix("ols,all,all,2067,0.386,0.549,") == true, "first row: \(lines.dropFirst().first ?? "")")
    }

    @Test func fitCalibrationNeedsOut() throws {
        let r = try runChitieu(args: ["backtest", "--fit-calibration"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Use --out FILE with --fit-calibration"))
    }

    @Test func badOriginsAndMethod() throws {
        let a = try runChitieu(args: ["backtest", "--origins", "20x2"])
        #expect(a.status == 64)
        #expect(a.stderr.contains("Use --origins with years separated by commas"))
        let b = try runChitieu(args: ["backtest", "--method", "arima"])
        #expect(b.status == 64)
        #expect(b.stderr.contains("Use --method ols, drift, calibrated or all"))
        let w = try runChitieu(args: ["backtest", "--weights", "recent"])
        #expect(w.status == 64)
        #expect(w.stderr.contains("use none or recency:λ with 0 < λ ≤ 1"), "stderr: \(w.stderr)")
        let c = try runChitieu(args: ["backtest", "--cv-folds", "1"])
        #expect(c.status == 64)
        #expect(c.stderr.contains("Use --cv-folds 2 or more"))
    }

    @Test func missingDataFile() throws {
        let r = try runChitieu(args: ["backtest", "--method", "ols", "--data", "/nonexistent/x.csv"])
        #expect(r.status == 66, "status \(r.status), stderr: \(r.stderr)")
    }

    /// The shipped constants load and cover every family (none fell back on the shipped data).
    @Test func fitCalibrationWritesLoadableJSON() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("calib-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try runChitieu(args: ["backtest", "--fit-calibration", "--out", out.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let families = try #require(json?["families"] as? [[String: Any]])
        #expect(families.count == 7)
        let provenance = try #require(json?["provenance"] as? [String: Any])
        #expect((provenance["dataFiles"] as? [Any])?.count == 2)
    }
}

@Suite("chitieu backtest --subnational")
struct SubnationalBacktestCLITests {
    /// The borrowing path as it was (no regional dispersion) on the bundled GSO province file, origins 2010 and
    /// 2014 (immunisation has national points 2010, 2013–2016, so only 2014 has ≥ 3 to borrow from),
    /// one provincial point kept: every family is scored and the CSV has the documented columns.
    @Test func shiftOnBundledProvinces() throws {
        let r = try runChitieu(args: ["backtest", "--subnational", "--method", "shift", "--origins", "2010,2014",
                                      "--points-kept", "1", "--format", "csv"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "method,group,points_kept,n,coverage_80,coverage_95,width_80_model,width_80_natural,winkler_80,winkler_95")
        for group in ["all", "coverage", "fertility", "hospital_beds_per_10k", "mortality", "workforce"] {
            #expect(lines.contains { $0.hasPrefix("shift,\(group),all,") }, "no row for \(group): \(lines)")
        }
        #expect(!lines.contains { $0.hasPrefix("shift-dispersion") })
        #expect(r.stderr.contains("subnational backtest:"))
        let quiet = try runChitieu(args: ["backtest", "--subnational", "--method", "shift", "--origins", "2010,2014",
                                          "--points-kept", "1", "--format", "csv", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "--quiet: \(quiet.stderr)")
        #expect(quiet.stdout == r.stdout)
    }

    @Test func badPointsKeptAndMethod() throws {
        let a = try runChitieu(args: ["backtest", "--subnational", "--points-kept", "0"])
        #expect(a.status == 64)
        #expect(a.stderr.contains("Use --points-kept with counts from 1 to 20"), "stderr: \(a.stderr)")
        let b = try runChitieu(args: ["backtest", "--subnational", "--method", "ols"])
        #expect(b.status == 64)
        #expect(b.stderr.contains("Use --method shift, shift-dispersion, level-held, level-held-dispersion or all"),
                "stderr: \(b.stderr)")
    }

    @Test func ownSlopeOptions() throws {
        let a = try runChitieu(args: ["backtest", "--own-slope"])
        #expect(a.status == 64 && a.stderr.contains("Use --own-slope together with --subnational"), "\(a.stderr)")
        let b = try runChitieu(args: ["backtest", "--subnational", "--own-slope", "--gaps", "0"])
        #expect(b.status == 64 && b.stderr.contains("Use --gaps with years from 1 to 20"), "\(b.stderr)")
        // The own slope without the dispersion needs no fit: the older variance on one origin, one gap.
        let c = try runChitieu(args: ["backtest", "--subnational", "--own-slope", "--method", "own-slope",
                                      "--origins", "2012", "--gaps", "3", "--format", "csv"])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("\nown-slope,workforce,all,") && c.stdout.contains("\nown-slope,hospital_beds_per_10k,all,"),
                "\(c.stdout)")
        #expect(!c.stdout.contains("fertility"), "the own-slope panel is the derived densities only")
    }
}
