import Foundation
import TestSupport
import Testing

@Suite("scenario and solve commands")
struct ScenarioCLITests {
    /// The hand case through the CLI: 68.459576 hires a year, 69 whole.
    @Test func solveHiresHandCase() throws {
        let r = try runChitieu(args: ["solve", "hires", "--start-density", "10.5", "--target-density", "12",
                                      "--target-year", "2030", "--attrition", "0.03", "--population", "1000000",
                                      "--growth", "0.01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("hires per year H      68.459576 (closed form)"), "\(r.stdout)")
        #expect(r.stdout.contains("whole hires needed    69 a year"), "\(r.stdout)")
    }

    @Test func badScenarioExits78WithPosition() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try "name: x\nhorizon: 2030\nresources:\n  doctors: {start_density: 10.5, hires: 60, attrition: 1.2}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try runChitieu(args: ["scenario", "run", file.path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("bad.yaml:4:56: attrition must be in [0, 1) (got 1.2). Write it as a fraction: 0.03 for 3 %."),
                "\(r.stderr)")
    }

    @Test func sameSeedSameBytes() throws {
        let args = ["scenario", "run", "Datasets/kontum/scenarios/workforce_expansion.yaml", "--draws", "200",
                    "--format", "csv", "--seed", "5"]
        let a = try runChitieu(args: args), b = try runChitieu(args: args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stderr.contains("seed 5"))
        let c = try runChitieu(args: Array(args.dropLast()) + ["6"])
        let linesA = a.stdout.split(separator: "\n"), linesC = c.stdout.split(separator: "\n")
        #expect(linesA.count == linesC.count)
        for (x, y) in zip(linesA, linesC) where x != y {
            // Monte Carlo columns: resources' interval ends and their draw-based P(attain) and its SE.
            #expect(x.contains(",lower,") || x.contains(",upper,") || x.contains(",p_attain,") || x.contains(",p_attain_se,"),
                    "non-Monte-Carlo row changed: \(x) vs \(y)")
            #expect(!x.contains("analytic"), "an analytic row changed with the seed: \(x) vs \(y)")
        }
        #expect(linesA != linesC)
    }
}
