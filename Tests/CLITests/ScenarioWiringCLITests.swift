import Foundation
import TestSupport
import Testing

/// `scenario run|compare` wired to the scorecard's fits and definitions, and `solve hires` by bisection.
@Suite("scenario wiring")
struct ScenarioWiringCLITests {
    static let folder = "Datasets/kontum/scenarios/"

    func json(_ args: [String]) throws -> [String: Any] {
        let r = try runChitieu(args: args)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    /// P(attain) by (indicator, year) from `scenario run --format json`: (p, Monte Carlo SE or 0).
    func scenarioP(_ file: String, extra: [String] = []) throws -> [String: (Double, Double)] {
        let doc = try json(["scenario", "run", file, "--format", "json", "--quiet"] + extra)
        var out: [String: (Double, Double)] = [:]
        for entry in try #require(doc["scorecard"] as? [[String: Any]]) {
            guard let p = entry["p_attain"] as? Double, let code = entry["indicator"] as? String,
                  let year = entry["year"] as? Int else { continue }
            out["\(code) \(year)"] = (p, entry["p_attain_se"] as? Double ?? 0)
        }
        return out
    }

    /// The business-as-usual file gives `chitieu attain`'s P(attain) for every assessed outcome target: within
    /// 4 Monte Carlo SE where the scenario uses draws, and here exactly (analytic for trend levers).
    @Test func bauMatchesScorecard() throws {
        let scenario = try scenarioP(Self.folder + "business_as_usual.yaml")
        let scorecard = try json(["attain", "--format", "json", "--quiet"])
        var compared = 0
        for row in try #require(scorecard["rows"] as? [[String: Any]]) {
            guard let code = row["indicator"] as? String, ["stunting_u5_pct", "u5mr", "life_expectancy", "imr", "mmr"].contains(code),
                  let year = row["year"] as? Int, let p = row["p_attain"] as? Double else { continue }
            let (seen, se) = try #require(scenario["\(code) \(year)"], "\(code) \(year) missing from the scenario")
            #expect(abs(seen - p) <= 4 * se + 1e-12, "\(code) \(year): scorecard \(p), scenario \(seen) ± \(se)")
            compared += 1
        }
        #expect(compared == 10)
    }

    /// Trend fits are wired: nutrition acceleration lowers projected stunting and raises P(attain) over bau;
    /// `accelerate: 1` gives bau's numbers.
    @Test func nutritionAccelerationHasEffect() throws {
        let bau = try scenarioP(Self.folder + "business_as_usual.yaml")
        let fast = try scenarioP(Self.folder + "nutrition_acceleration.yaml")
        let b = try #require(bau["stunting_u5_pct 2030"]?.0), f = try #require(fast["stunting_u5_pct 2030"]?.0)
        #expect(f > b + 0.05, "bau \(b), accelerated \(f)")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("one.yaml")
        try "name: One\nhorizon: 2030\npopulation: {series: population_avg}\ntrends:\n  stunting_u5_pct: {accelerate: 1, start_year: 2024}\n  u5mr: {accelerate: 1}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let one = try scenarioP(file.path)
        for key in ["stunting_u5_pct 2025", "stunting_u5_pct 2030", "u5mr 2025", "u5mr 2030"] {
            #expect(one[key]?.0 == bau[key]?.0, "\(key): accelerate 1 \(String(describing: one[key])), bau \(String(describing: bau[key]))")
        }
    }

    /// Population model, start-stock derivation and fixed attrition are stated on stderr and in the metadata.
    @Test func statementsInMetadata() throws {
        let r = try runChitieu(args: ["scenario", "run", Self.folder + "business_as_usual.yaml", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: doctors: business as usual is the physicians_per_10k trend"), "\(r.stderr)")
        #expect(r.stderr.contains("it stands for a net intake h̄ = ΔS + a·S = 35.2 a year at attrition 3.00 %"), "\(r.stderr)")
        #expect(r.stderr.contains("the data's physicians_count is 539 in 2024 = 8.69 per 10,000"), "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let meta = try #require(doc["metadata"] as? [String: Any])
        let population = try #require(meta["population"] as? [String: Any])
        #expect(population["window"] as? String == "2001–2022" && population["points"] as? Int == 11)
        let growth = try #require(population["growth"] as? Double), se = try #require(population["growth_se"] as? Double)
        #expect(abs(growth - 0.0255) < 0.0005 && se > 0 && se < 0.002, "growth \(growth) SE \(se)")
        let resources = try #require(meta["resources"] as? [[String: Any]])
        let doctors = try #require(resources.first { $0["resource"] as? String == "doctors" })
        #expect(doctors["attrition_uncertain"] as? Bool == false)
        #expect((doctors["start_stock_derivation"] as? String)?.hasPrefix("634.9 = observed density 10.5 per 10,000 × fitted 2023 population 604663") == true)
        let workforce = try json(["scenario", "run", Self.folder + "workforce_expansion.yaml", "--format", "json", "--quiet"])
        let wr = try #require((workforce["metadata"] as? [String: Any])?["resources"] as? [[String: Any]])
        #expect(wr.first { $0["resource"] as? String == "doctors" }?["attrition_uncertain"] as? Bool == true)
    }

    @Test func compareTableAndCSV() throws {
        let files = ["business_as_usual.yaml", "workforce_expansion.yaml", "nutrition_acceleration.yaml", "mixed_budget.yaml"]
            .map { Self.folder + $0 }
        let table = try runChitieu(args: ["scenario", "compare"] + files + ["--quiet"])
        #expect(table.status == 0, "\(table.stderr)")
        for text in ["Business as usual: Projected [95%]", "Mixed budget: Projected [95%]", "total cost",
                     "cost per point gained", "stunting_u5_pct", "27.4 [23.3–32.0]"] {
            #expect(table.stdout.contains(text), "missing \(text)")
        }
        let vi = try runChitieu(args: ["scenario", "compare"] + files.prefix(2) + ["--lang", "vi", "--quiet"])
        #expect(vi.status == 0 && vi.stdout.contains("Business as usual: Dự báo [95%]") && vi.stdout.contains("Chỉ tiêu"),
                "\(vi.stdout)")
        let one = try runChitieu(args: ["scenario", "compare"] + files + ["--indicator", "stunting_u5_pct", "--format", "csv", "--quiet"])
        #expect(one.status == 0, "\(one.stderr)")
        // The long table: the milestone columns of `attain --format csv` per scenario, then the costs.
        let lines = one.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 2 * files.count, "\(lines)")   // header + (2025, 2030) per scenario
        #expect(lines.first?.hasPrefix("scenario,indicator,region,year,plan_row,target_text,target,comparator,") == true)
        let header = lines[0].split(separator: ",").map(String.init)
        let pColumn = try #require(header.firstIndex(of: "p_attain"))
        let bau2030 = try #require(lines.first { $0.hasPrefix("Business as usual,stunting_u5_pct,VN-28,2030,") })
        // Fields after the quoted target text ("<25,0") split cleanly: p_attain counts from the end.
        let cells = bau2030.split(separator: ",", omittingEmptySubsequences: false)
        let fromEnd = header.count - pColumn
        #expect(Double(cells[cells.count - fromEnd]).map { abs($0 - 0.5899) < 1e-3 } == true, "\(bau2030)")   // bau P 2030 (calibration v2, recency λ = 0.8, slope attenuation κ = 0.7; national series + GNS 2020, Datasets/national/alt_sources.csv)
        let json = try runChitieu(args: ["scenario", "compare"] + files + ["--indicator", "stunting_u5_pct", "--format", "json", "--quiet"])
        #expect(json.status == 0 && json.stdout.contains("\"p_attain\": 0.58"), "\(json.stderr)")
    }

    @Test func compareBadInputs() throws {
        let bau = Self.folder + "business_as_usual.yaml"
        let unknown = try runChitieu(args: ["scenario", "compare", bau, bau, "--indicator", "stunting", "--quiet"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no target for indicator stunting in these scenarios; use --indicator with one of: "),
                "\(unknown.stderr)")
        let single = try runChitieu(args: ["scenario", "compare", bau])
        #expect(single.status == 64 && single.stderr.contains("Give at least two scenario files to compare."), "\(single.stderr)")
    }

    @Test func solveByBisection() throws {
        let base = ["solve", "hires", "--start-density", "10.5", "--target-density", "12", "--target-year", "2030",
                    "--attrition", "0.03"]
        let numeric = try runChitieu(args: base + ["--population", "1000000", "--growth", "0.01", "--numeric"])
        #expect(numeric.status == 0, "\(numeric.stderr)")
        #expect(numeric.stdout.contains("hires per year H      68.459576 (bisection, tolerance 1e-06 hires: |H − H*| ≤ 5e-07)"),
                "\(numeric.stdout)")
        let growing = try runChitieu(args: base + ["--population-from-data", "--hires-growth", "0.05"])
        #expect(growing.status == 0, "\(growing.stderr)")
        #expect(growing.stdout.contains("first-year hires H    47.07"), "\(growing.stdout)")
        #expect(growing.stdout.contains("(bisection, tolerance 1e-06 hires"), "\(growing.stdout)")
        #expect(growing.stdout.contains("hires by year         2024 47.08, 2025 49.43"), "\(growing.stdout)")
        #expect(growing.stdout.contains("window 2001–2022 (n=11): growth 2.55 % a year"), "\(growing.stdout)")
        let closed = try runChitieu(args: base + ["--population-from-data"])
        #expect(closed.stdout.contains("hires per year H      55.084857 (closed form)"), "\(closed.stdout)")
    }

    @Test(arguments: [
        (["--population-from-data", "--hires-growth", "2"], "Use --hires-growth as a yearly fraction between -1 and 1"),
        (["--population-from-data", "--growth", "0.01"], "--population-from-data takes the growth from the fit; drop --growth"),
        ([], "Give exactly one of --population (persons in the base year) or --population-from-data."),
        (["--population", "1000000", "--tolerance", "0"], "Use --tolerance between 0 and 1 (hires), e.g. 1e-6."),
        (["--population-from-data", "--region", "VN-99"], "no population_avg series for region VN-99 in the bundled data"),
    ])
    func solveBadInputs(_ extra: [String], _ message: String) throws {
        let r = try runChitieu(args: ["solve", "hires", "--start-density", "10.5", "--target-density", "12",
                                      "--target-year", "2030", "--attrition", "0.03"] + extra)
        #expect(r.status == 64 || r.status == 65)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    /// A `data:` file that does not exist is the scenario file's error, at its line, with the fix; a region
    /// without targets is said.
    @Test func scenarioDataBadInputs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.yaml")
        try "name: x\nhorizon: 2030\ndata: nope.csv\n".write(to: missing, atomically: true, encoding: .utf8)
        let r = try runChitieu(args: ["scenario", "run", missing.path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("missing.yaml:3:1: data file nope.csv not found (looked for "), "\(r.stderr)")
        #expect(r.stderr.contains("paths are relative to the scenario file's folder). Fix the path, or drop `data:`"),
                "\(r.stderr)")
        let region = dir.appendingPathComponent("region.yaml")
        try "name: x\nhorizon: 2030\nregion: VN-99\npopulation: {growth: 0.01, base: 100000}\n"
            .write(to: region, atomically: true, encoding: .utf8)
        let q = try runChitieu(args: ["scenario", "run", region.path])
        #expect(q.status == 0, "\(q.stderr)")
        #expect(q.stderr.contains("note: the targets file has no targets for region VN-99 (it has: VN-28): the scorecard is empty"),
                "\(q.stderr)")
    }
}
