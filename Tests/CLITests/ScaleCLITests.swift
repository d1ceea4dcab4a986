import Foundation
import Testing
import TestSupport

/// `--model` cannot break calibration or bounds (issue 14, item 5), as a user runs it.
@Suite("CLI: every --model keeps bounds and calibrated widths")
struct ScaleCLITests {
    /// (lower, upper) of the projected rows of `year` at `level`, from `project --format csv`.
    static func interval(_ args: [String], year: String, level: String) throws -> (Double, Double) {
        let run = try runChitieu(args: ["project", "--format", "csv"] + args)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rows = splitCSV(run.stdout)
        let header = try #require(rows.first)
        let col = { (name: String) in try #require(header.firstIndex(of: name)) }
        let (y, kind, l, lo, up) = (try col("year"), try col("kind"), try col("level"), try col("lower"), try col("upper"))
        let row = try #require(rows.first { $0.count == header.count && $0[y] == year && $0[kind] == "projected"
                && Double($0[l]) == Double(level) })
        return (try #require(Double(row[lo])), try #require(Double(row[up])))
    }

    @Test("health insurance (logit [0,100] in the catalogue) stays within 0–100 % on every scale",
          arguments: ["linear", "log", "logit", "auto"])
    func percentageStaysInBounds(model: String) throws {
        for level in ["0.8", "0.95"] {
            let (lower, upper) = try Self.interval(["--indicator", "health_insurance_coverage_pct", "--region", "VN-28",
                                                    "--model", model], year: "2030", level: level)
            #expect(lower >= 0 && upper <= 100 && lower < upper, "\(model) \(level): [\(lower), \(upper)]")
        }
    }

    @Test("u5mr, --model auto: the calibrated 80 % interval is wider than the classical one")
    func autoCalibratedIsWider() throws {
        let args = ["--indicator", "u5mr", "--region", "VN", "--model", "auto"]
        let calibrated = try Self.interval(args, year: "2030", level: "0.8")
        let classical = try Self.interval(args + ["--intervals", "ols"], year: "2030", level: "0.8")
        #expect(calibrated.1 - calibrated.0 > classical.1 - classical.0,
                "calibrated \(calibrated), classical \(classical)")
    }
}
