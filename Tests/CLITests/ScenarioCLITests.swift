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
        #expect(r.stderr.contains("bad.yaml:4:56: resources.doctors.attrition: must be from 0 to below 1 (a fraction: "
            + "0.03 = 3 %) (got \"1.2\"). Write it as a fraction: 0.03 for 3 % (or \"3%\")"), "\(r.stderr)")
    }

    /// Issue 13: `solve hires --population 1e300` / `--target-density 1e300` trapped converting ⌈H⌉ to Int;
    /// out-of-range options are usage errors (64) that name the range.
    @Test(arguments: [
        (["--population", "1e300"], "Use --population from 1.0 to 2000000000.0"),
        (["--population", "1e6", "--target-density", "1e300"], "Use --target-density from 0.0 to 10000.0"),
        (["--population", "nan"], "Use --population from 1.0"),
        (["--population", "1e6", "--target-year", "99999"], "Use --target-year from 1900 to 2100"),
        (["--population", "1e6", "--base-year=-9223372036854775808"], "Use --base-year from 1900 to 2100"),
        (["--population", "1e6", "--pipeline-delay", "9223372036854775807"], "Use --pipeline-delay from 0 to 50"),
    ])
    func solveRefusesAbsurdValues(_ extra: [String], _ message: String) throws {
        var args = ["solve", "hires", "--start-density", "10.5", "--target-year", "2030", "--attrition", "0.03"] + extra
        if !extra.contains("--target-density") { args += ["--target-density", "12"] }
        let r = try runChitieu(args: args)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    /// Growth compounding over 177 years to an absurd population is refused by the solver (65), not trapped.
    @Test func solveRefusesAnAbsurdAnswer() throws {
        let r = try runChitieu(args: ["solve", "hires", "--start-density", "10.5", "--target-density", "12", "--base-year",
                                      "1901", "--target-year", "2100", "--attrition", "0.03", "--population", "2e9",
                                      "--growth", "0.49"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("is beyond any workforce"), "\(r.stderr)")
    }

    /// One percent convention: `--attrition 3%` is 0.03, as `attrition: 3%` in a scenario file.
    @Test func solvePercentStrings() throws {
        let base = ["solve", "hires", "--start-density", "10.5", "--target-density", "12", "--target-year", "2030",
                    "--population", "1000000"]
        let fraction = try runChitieu(args: base + ["--attrition", "0.03", "--growth", "0.01"])
        let percent = try runChitieu(args: base + ["--attrition", "3%", "--growth", "1%"])
        #expect(percent.status == 0, "\(percent.stderr)")
        #expect(percent.stdout.contains("hires per year H      68.459576 (closed form)"), "\(percent.stdout)")
        #expect(fraction.stdout.split(separator: "\n").dropFirst(2) == percent.stdout.split(separator: "\n").dropFirst(2))
        let aarr = try runChitieu(args: ["solve", "aarr", "--current", "20", "--target", "15", "--from-year", "2023",
                                         "--to-year", "2030"])
        #expect(aarr.stdout.contains("required AARR 0.040264 a year (4.0264 %;"), "\(aarr.stdout)")
        #expect(aarr.stdout.contains("in a scenario file: aarr: 0.040264"), "\(aarr.stdout)")
    }

    /// `--quiet` means what it means elsewhere: nothing on stderr but errors. The seed line goes, the seed stays
    /// in the output's metadata (JSON here), and without --quiet the line is printed.
    @Test(arguments: [
        ["scenario", "run", "Datasets/kontum/scenarios/business_as_usual.yaml"],
        ["scenario", "compare", "Datasets/kontum/scenarios/business_as_usual.yaml",
         "Datasets/kontum/scenarios/nutrition_acceleration.yaml"],
    ])
    func quietScenarioPrintsNoSeedLine(_ command: [String]) throws {
        let args = command + ["--draws", "100", "--seed", "11", "--format", "json"]
        let quiet = try runChitieu(args: args + ["--quiet"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty, "--quiet: \(quiet.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(quiet.stdout.utf8)) as? [String: Any])
        let metadata = try #require(json["metadata"] as? [String: Any], "keys: \(json.keys.sorted())")
        #expect("\(metadata)".contains("11"), "no seed in the metadata: \(metadata)")
        let loud = try runChitieu(args: args)
        #expect(loud.stderr.contains("seed 11, 100 draws"), "\(loud.stderr)")
        // CSV has no metadata block: every milestone row carries draws and seed, as `attain --format csv`'s do.
        let csv = try runChitieu(args: command + ["--draws", "100", "--seed", "11", "--format", "csv", "--quiet"])
        #expect(csv.status == 0 && csv.stderr.isEmpty, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.first?.suffix(2) == ["draws", "seed"], "header: \(lines.first ?? [])")
        #expect(lines.count > 2 && lines.dropFirst().allSatisfy { $0.suffix(2) == ["100", "11"] }, "\(csv.stdout.prefix(600))")
    }

    /// `solve budget` prints its summary on stderr; `--quiet` leaves the CSV alone and stderr empty.
    @Test func solveBudgetQuiet() throws {
        let args = ["solve", "budget", "--start-density", "10.5", "--target-density", "12", "--target-year", "2030",
                    "--attrition", "0.03", "--population", "1000000", "--growth", "0.01", "--salary", "100"]
        let loud = try runChitieu(args: args), quiet = try runChitieu(args: args + ["--quiet"])
        #expect(loud.status == 0 && quiet.status == 0, "\(loud.stderr) \(quiet.stderr)")
        #expect(loud.stderr.contains("hires 69 a year"), "\(loud.stderr)")
        #expect(quiet.stderr.isEmpty, "--quiet: \(quiet.stderr)")
        #expect(quiet.stdout == loud.stdout)
    }

    @Test func sameSeedSameBytes() throws {
        let args = ["scenario", "run", "Datasets/kontum/scenarios/workforce_expansion.yaml", "--draws", "200",
                    "--format", "csv", "--seed", "5"]
        let a = try runChitieu(args: args), b = try runChitieu(args: args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stderr.contains("seed 5"))
        let c = try runChitieu(args: Array(args.dropLast()) + ["6"])
        // Each row ends with the run's seed (",5" / ",6"); the rest of the row is compared.
        let withoutSeed = { (text: String) in text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false)
            .dropLast().joined(separator: ",") } }
        let linesA = withoutSeed(a.stdout), linesC = withoutSeed(c.stdout)
        #expect(a.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",5") })
        #expect(c.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",6") })
        #expect(linesA.count == linesC.count)
        for (x, y) in zip(linesA, linesC) where x != y {
            // Only Monte Carlo milestones (stock-flow resources, capped targets) may change with the seed.
            #expect(x.contains(",Monte Carlo,") || x.contains(",control variate,"),
                    "a milestone that does not come from draws changed: \(x) vs \(y)")
            #expect(!x.contains(",analytic,"), "an analytic row changed with the seed: \(x) vs \(y)")
        }
        #expect(linesA != linesC)
    }
}

/// Issue 13: every shipped scenario (one per lever) runs, and the reference documents every key.
@Suite("shipped scenarios and the scenario-file reference")
struct ShippedScenarioTests {
    static let files: [String] = {
        let dir = datasetsDirectory().appendingPathComponent("kontum/scenarios")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test(arguments: files)
    func shippedScenarioRuns(file: String) throws {
        let r = try runChitieu(args: ["scenario", "run", "Datasets/kontum/scenarios/\(file)", "--draws", "100", "--format", "csv"])
        #expect(r.status == 0, "\(file): \(r.stderr)")
        #expect(r.stdout.hasPrefix("scenario,"), "\(file): \(r.stdout.prefix(200))")
    }

    @Test func everyLeverHasAShippedExample() throws {
        let text = try Self.files.map {
            try String(contentsOf: datasetsDirectory().appendingPathComponent("kontum/scenarios/\($0)"), encoding: .utf8)
        }.joined()
        for lever in ["halt", "target_path", "values:", "cap:", "pipeline_delay:", "budget:", "aarr:", "accelerate:"] {
            #expect(text.contains(lever), "no shipped example uses \(lever)")
        }
    }

    @Test func helpTopicAndReadmeDocumentEveryKey() throws {
        let help = try runChitieu(args: ["help", "scenario-file"])
        #expect(help.status == 0, "\(help.stderr)")
        let readme = try String(contentsOf: datasetsDirectory().appendingPathComponent("kontum/scenarios/README.md"),
                                encoding: .utf8)
        let keys = ["name", "description", "region", "data", "targets", "base_year", "horizon", "draws", "seed",
                    "population.series", "population.growth", "population.growth_sd", "population.base", "aarr",
                    "accelerate", "values", "start_year", "cap", "start_stock", "start_density", "hires", "extra_hires",
                    "additions", "attrition", "attrition_sd", "attrition_change", "pipeline_delay", "pipeline_arrivals",
                    "salary", "training_cost", "cost_per_bed", "running_cost", "cost_source", "budget.currency",
                    "budget.annual", "budget.preventive_share", "budget.source", "discount_rate"]
        for key in keys {
            #expect(help.stdout.contains(key), "help scenario-file lacks \(key)")
            #expect(readme.contains(key), "README lacks \(key)")
        }
        // The README's reference is `chitieu scenario-file`'s, line for line.
        let reference = try runChitieu(args: ["scenario-file"])
        for line in reference.stdout.split(separator: "\n") where line.hasPrefix("    ") {
            #expect(readme.contains(line.trimmingCharacters(in: .whitespaces)), "README lacks: \(line)")
        }
    }
}
