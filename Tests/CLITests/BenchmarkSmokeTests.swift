import Foundation
import Testing
import TestSupport

/// The fast paths behind the benchmarks (issue 9) give exactly what the general paths give.
///
/// The batch path reads sorted files on a columnar fast path (two threads for quote-free files over 1 MiB)
/// and falls back to the full reader for anything else; it writes CSV straight to bytes, while the other
/// formats render a `Table`. These tests run the built binary on the same data laid out to take each
/// route and require identical output. No timing here: Benchmarks/run.sh measures speed.
@Suite("Benchmark paths: fast and general routes agree")
struct BenchmarkSmokeTests {
    /// Deterministic synthetic series: `count` regions × 2009–2023, log-linear decline with a fixed
    /// wobble (no randomness, so the test cannot flake).
    static func seriesRows(count: Int) -> [String] {
        var rows: [String] = []
        rows.reserveCapacity(count * 15)
        for r in 0..<count {
            let level = 10 + Double(r % 50)
            for (i, year) in (2009...2023).enumerated() {
                let wobble = 1 + 0.02 * Double((i * 7 + r) % 5 - 2)
                let v = level * pow(0.97, Double(i - 14)) * wobble
                rows.append("u5mr,R\(String(format: "%06d", r)),\(year),\(String(format: "%.6g", v))")
            }
        }
        return rows
    }

    static func targetRows(count: Int) -> [String] {
        (0..<count).flatMap { r -> [String] in
            let level = 10 + Double(r % 50)
            let region = "R\(String(format: "%06d", r))"
            return ["u5mr,\(region),2025,\(String(format: "%.6g", level * 0.94)),<=",
                    "u5mr,\(region),2030,\(String(format: "%.6g", level * 0.8)),<="]
        }
    }

    static func write(_ header: String, _ rows: [String], to url: URL) throws {
        try Data((header + "\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// CSV text (no quoted commas) split into lines and fields.
    static func fields(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").map { (line: Substring) -> [Substring] in
            line.split(separator: ",", omittingEmptySubsequences: false)
        }
    }

    static let seriesHeader = "indicator_code,region,year,value"
    static let targetsHeader = "indicator_code,region,year,value,comparator"

    @Test("batch CSV: sorted (two-thread fast path), quoted (one thread), unsorted (full reader) give identical bytes")
    func readerRoutesAgree() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = 3_000  // 45,000 rows ≈ 1.2 MiB: over the two-thread threshold
        let rows = Self.seriesRows(count: count)
        let targets = Self.targetRows(count: count)
        let sorted = dir.appendingPathComponent("sorted.csv")
        let quoted = dir.appendingPathComponent("quoted.csv")
        let unsorted = dir.appendingPathComponent("unsorted.csv")
        let t = dir.appendingPathComponent("targets.csv")
        let tReversed = dir.appendingPathComponent("targets_reversed.csv")
        try Self.write(Self.seriesHeader, rows, to: sorted)
        try Self.write(Self.seriesHeader, rows.map { $0.replacingOccurrences(of: "u5mr,", with: "\"u5mr\",") }, to: quoted)
        try Self.write(Self.seriesHeader, rows.reversed(), to: unsorted)
        try Self.write(Self.targetsHeader, targets, to: t)
        try Self.write(Self.targetsHeader, targets.reversed(), to: tReversed)
        var outputs: [String: String] = [:]
        for (name, data, targetsFile) in [("sorted", sorted, t), ("quoted", quoted, t), ("unsorted", unsorted, t),
                                          ("reversed targets", sorted, tReversed)] {
            let run = try runChitieu(args: ["attain", "--data", data.path, "--targets", targetsFile.path,
                                            "--intervals", "ols", "--format", "csv", "--quiet"])
            #expect(run.status == 0, "\(name): stderr \(run.stderr)")
            outputs[name] = run.stdout
        }
        let reference = try #require(outputs["sorted"])
        #expect(reference.split(separator: "\n").count == 1 + 2 * count)
        for (name, text) in outputs where name != "sorted" {
            #expect(text == reference, "\(name) differs from the sorted file's output")
        }
    }

    @Test("batch: streamed CSV equals the Table route (excel --locale en without BOM and CRLF)")
    func streamedCSVEqualsTableRoute() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("s.csv"), t = dir.appendingPathComponent("t.csv")
        try Self.write(Self.seriesHeader, Self.seriesRows(count: 40), to: s)
        try Self.write(Self.targetsHeader, Self.targetRows(count: 40), to: t)
        let csv = try runChitieu(args: ["attain", "--data", s.path, "--targets", t.path, "--intervals", "ols",
                                        "--format", "csv", "--quiet"])
        let excel = try runChitieu(args: ["attain", "--data", s.path, "--targets", t.path, "--intervals", "ols",
                                          "--format", "excel", "--locale", "en", "--quiet"])
        #expect(csv.status == 0 && excel.status == 0, "stderr: \(csv.stderr) \(excel.stderr)")
        let table = excel.stdout.replacingOccurrences(of: "\u{FEFF}", with: "")
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(table == csv.stdout)
    }

    @Test("data check --validate-only: silent on a good file; on a bad one the same error and exit status as without it")
    func dataCheckQuiet() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.csv"), bad = dir.appendingPathComponent("bad.csv")
        var rows = Self.seriesRows(count: 5)
        try Self.write(Self.seriesHeader, rows, to: good)
        rows[7] = "u5mr,R000000,2016,10,5"
        try Self.write(Self.seriesHeader, rows, to: bad)
        let quiet = try runChitieu(args: ["data", "check", good.path, "--validate-only", "--no-catalogue"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty,
                "status \(quiet.status), stdout \(quiet.stdout), stderr \(quiet.stderr)")
        let loud = try runChitieu(args: ["data", "check", bad.path, "--no-catalogue"])
        let silent = try runChitieu(args: ["data", "check", bad.path, "--validate-only", "--no-catalogue"])
        #expect(loud.status == 65 && silent.status == 65)
        #expect(silent.stderr == loud.stderr && silent.stderr.contains("bad.csv:9:"), "stderr: \(silent.stderr)")
        #expect(silent.stdout.isEmpty)
    }

    @Test("batch (one multi-RHS fit per year set) equals `project` (one TrendFitter fit) with default weights and intervals")
    func batchEqualsSingleSeriesFit() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("s.csv"), t = dir.appendingPathComponent("t.csv")
        try Self.write(Self.seriesHeader, Self.seriesRows(count: 12), to: s)
        try Self.write(Self.targetsHeader, Self.targetRows(count: 12), to: t)
        let batch = try runChitieu(args: ["attain", "--data", s.path, "--targets", t.path, "--format", "csv", "--quiet"])
        #expect(batch.status == 0, "stderr: \(batch.stderr)")
        // indicator,region,year,target,comparator,kind,projection,pi80_lower,pi80_upper,pi95_lower,pi95_upper,…
        let rows: [[Substring]] = Self.fields(batch.stdout)
        let region = "R000007"
        let single = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", region, "--data", s.path,
                                           "--to", "2030", "--format", "csv", "--quiet"])
        #expect(single.status == 0, "stderr: \(single.stderr)")
        // area,indicator,year,kind,value,level,lower,upper,…
        let projected: [[Substring]] = Self.fields(single.stdout).filter { (row: [Substring]) -> Bool in
            row.count > 7 && row[0] == Substring(region) && row[3] == "projected"
        }
        var compared = 0
        for year in ["2025", "2030"] {
            let batchRow: [Substring]? = rows.first { $0.count > 10 && $0[1] == Substring(region) && $0[2] == Substring(year) }
            let b = try #require(batchRow)
            for (level, lower, upper) in [("0.8", 7, 8), ("0.95", 9, 10)] {
                let projectRow: [Substring]? = projected.first { $0[2] == Substring(year) && $0[5] == Substring(level) }
                let p = try #require(projectRow)
                // Same model, two LAPACK paths (multi-RHS dgelsd vs single fit with refinement): 1e-12 relative.
                for (x, y) in [(b[6], p[4]), (b[lower], p[6]), (b[upper], p[7])] {
                    let u: Double = try #require(Double(String(x)))
                    let v: Double = try #require(Double(String(y)))
                    let error: Double = Swift.abs(u - v)
                    #expect(error <= 1e-12 * Swift.abs(v), "\(year) \(level): batch \(u), project \(v)")
                    compared += 1
                }
            }
        }
        #expect(compared == 12)
        #expect(batch.stdout.contains("log wls-recency(λ=0.8), calibrated intervals"))
    }
}

