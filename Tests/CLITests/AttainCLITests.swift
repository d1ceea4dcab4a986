import Foundation
import Testing
import TestSupport

/// `chitieu` / `chitieu attain` / `chitieu project`, run as a user would: stdout, stderr, exit code.
@Suite("CLI: attain and project")
struct AttainCLITests {
    static let goldenURL = packageRoot().appendingPathComponent("Tests/CLITests/Fixtures/golden/scorecard_default.csv")

    /// The default scorecard in CSV is the product's main output: any change to it must be deliberate.
    /// Re-record with `CHITIEU_RECORD_GOLDEN=1 swift test --filter AttainCLITests` and review the diff.
    @Test("golden: the default Kon Tum scorecard (CSV) is unchanged")
    func goldenScorecard() throws {
        let run = try runChitieu(args: ["attain", "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        if ProcessInfo.processInfo.environment["CHITIEU_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenURL.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(run.stdout.utf8).write(to: Self.goldenURL)
        }
        let golden = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        let seen = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(seen.count == expected.count, "line count \(seen.count) vs golden \(expected.count)")
        for (i, (a, b)) in zip(seen, expected).enumerated() where a != b {
            Issue.record("line \(i + 1) differs:\n  seen:     \(a)\n  expected: \(b)")
            break
        }
    }

    @Test("no arguments runs the scorecard: every plan row, seed on stderr, data on stdout")
    func noArguments() throws {
        let run = try runChitieu(args: [])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        for code in ["physicians_per_10k", "stunting_u5_pct", "tfr", "u5mr", "malaria_new_cases_per_100k",
                     "height_18_male_cm"] {
            #expect(run.stdout.contains(code), "\(code) missing from the scorecard")
        }
        #expect(run.stderr.contains("seed 20251231"))
        #expect(!run.stdout.contains("seed 20251231 ("), "messages must go to stderr")
    }

    @Test("CSV: 2025 and 2030 rows per indicator with intervals, P(attain), verdicts and provenance")
    func csvColumns() throws {
        let run = try runChitieu(args: ["attain", "--format", "csv", "--quiet"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "--quiet prints nothing on success: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
        for column in ["plan_row", "projection", "pi80_lower", "pi95_upper", "p_attain", "verdict", "verdict_jme",
                       "verdict_unsd", "verdict_opensdg", "p_joint", "seed", "model", "window", "method", "source"] {
            #expect(header.contains(column), "missing column \(column)")
        }
        let stunting = lines.filter { $0.hasPrefix("21,stunting_u5_pct,") }
        #expect(stunting.count == 2, "stunting has a 2025 and a 2030 row")
        #expect(stunting.allSatisfy { $0.contains("national-slope-shift(VN)") },
                "a 1-point provincial series is labelled as borrowing the national slope")
    }

    @Test("the same seed gives byte-identical output; another seed changes only Monte Carlo columns")
    func seeded() throws {
        let a = try runChitieu(args: ["attain", "--format", "csv", "--quiet", "--seed", "7", "--draws", "2000"])
        let b = try runChitieu(args: ["attain", "--format", "csv", "--quiet", "--seed", "7", "--draws", "2000"])
        let c = try runChitieu(args: ["attain", "--format", "csv", "--quiet", "--seed", "8", "--draws", "2000"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        // The analytic columns (projection, intervals, P(attain)) do not depend on the seed.
        func analytic(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).prefix(20).joined(separator: ",")
            }
        }
        #expect(analytic(a.stdout) == analytic(c.stdout))
    }

    // MARK: - Bad input

    @Test("an existing --out file is refused without --force (64) and replaced with it")
    func outputExists() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-attain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("s.csv").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: out))
        let refused = try runChitieu(args: ["attain", "--format", "csv", "--out", out, "--quiet"])
        #expect(refused.status == 64, "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep")
        let forced = try runChitieu(args: ["attain", "--format", "csv", "--out", out, "--force", "--quiet"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("plan_row,"))
        let missingDir = try runChitieu(args: ["attain", "--out", dir.appendingPathComponent("no/such.csv").path])
        #expect(missingDir.status == 73, "stderr: \(missingDir.stderr)")
    }

    @Test("unknown region is a data error that lists the regions (65)")
    func unknownRegion() throws {
        let run = try runChitieu(args: ["attain", "--region", "VN-99"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("no targets for region VN-99") && run.stderr.contains("VN-28"))
    }

    @Test("usage errors exit 64 with an instruction")
    func usageErrors() throws {
        let draws = try runChitieu(args: ["attain", "--draws", "10"])
        #expect(draws.status == 64 && draws.stderr.contains("--draws 100 or more"))
        let model = try runChitieu(args: ["attain", "--model", "cubic"])
        #expect(model.status == 64 && model.stderr.contains("--model auto, linear, log or logit"))
        let window = try runChitieu(args: ["project", "--indicator", "u5mr", "--window", "2020-2010"])
        #expect(window.status == 64 && window.stderr.contains("FIRST:LAST"))
        let weights = try runChitieu(args: ["project", "--indicator", "u5mr", "--weights", "recency:2"])
        #expect(weights.status == 64 && weights.stderr.contains("recency:λ"))
    }

    // MARK: - project

    @Test("project: observed, fitted and projected rows with 80/95 % intervals, model and window named")
    func project() throws {
        let run = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", "VN", "--format", "csv",
                                        "--window", "2000:2023", "--intervals", "ols", "--weights", "none"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "area,indicator,year,kind,value,level,lower,upper,model,window,method")
        let projected = lines.filter { $0.contains(",projected,") }
        #expect(projected.count == 7 * 2, "2024–2030 at two levels")
        #expect(projected.allSatisfy { $0.contains("log-linear ols 2000–2023 (n=24)") && $0.contains("2000:2023") })
        #expect(lines.filter { $0.contains(",observed,") }.count == 34)
        #expect(run.stderr.contains("log-linear"))
    }

    @Test("project: the plan's targets for the series are tidy rows of kind target")
    func projectTargets() throws {
        let run = try runChitieu(args: ["project", "--indicator", "stunting_u5_pct", "--region", "VN-28",
                                        "--format", "csv", "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let targets = run.stdout.split(separator: "\n").filter { $0.contains(",target,") }
        #expect(targets.count == 2)
        #expect(targets.first?.hasPrefix("VN-28,stunting_u5_pct,2025,target,28,") == true)
        #expect(targets.allSatisfy { $0.contains("strict target") && $0.contains("plan_targets.csv") })
        let missing = try runChitieu(args: ["project", "--indicator", "u5mr", "--targets", "/no/such/targets.csv"])
        #expect(missing.status == 66, "stderr: \(missing.stderr)")
    }

    @Test("project: bad requests are explained")
    func projectErrors() throws {
        let past = try runChitieu(args: ["project", "--indicator", "u5mr", "--to", "2020"])
        #expect(past.status == 64 && past.stderr.contains("after the last observed year (2023)"))
        let unknown = try runChitieu(args: ["project", "--indicator", "nosuch"])
        #expect(unknown.status == 64 && unknown.stderr.contains("not in the catalogue"))
        let noData = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", "VN-99"])
        #expect(noData.status == 65 && noData.stderr.contains("no data for u5mr in region VN-99"))
        // One point, no national series and no calibrated family (nurses now get their family's reference class).
        let tooShort = try runChitieu(args: ["project", "--indicator", "patient_satisfaction_pct", "--region", "VN-28"])
        #expect(tooShort.status == 65 && tooShort.stderr.contains("cannot project"))
        #expect(tooShort.stderr.contains("no reference class for patient_satisfaction_pct (no indicator family)"))
    }

    // MARK: - batch

    @Test("batch mode: targets for several regions → one row per series and milestone, OLS matches numpy peer form")
    func batch() throws {
        let fixture = try BatchFixture(regions: [("A", 40.0), ("B", 20.0), ("C", 10.0)],
                                       targets: "indicator_code,region,year,value,comparator\nu5mr,A,2025,25,<=\n"
                                           + "u5mr,A,2030,20,<=\nu5mr,B,2025,13,<=\nu5mr,B,2030,11,<=\nu5mr,C,2025,7,<=\n"
                                           + "u5mr,C,2030,6,<=\n")
        defer { fixture.remove() }
        let s = fixture.series, t = fixture.targets
        let run = try runChitieu(args: ["attain", "--data", s.path, "--targets", t.path, "--format", "csv",
                                        "--intervals", "ols", "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 6)
        #expect(lines.first?.hasPrefix("indicator,region,year,target,comparator,kind,projection,pi80_lower,") == true)
        let joint = try runChitieu(args: ["attain", "--data", s.path, "--targets", t.path, "--joint",
                                          "--draws", "5000", "--seed", "3", "--format", "csv", "--quiet"])
        #expect(joint.status == 0, "stderr: \(joint.stderr)")
        #expect(joint.stdout.split(separator: "\n").count == 1 + 3)
    }
    /// The streamed batch CSV (bytes written row by row, repeated texts encoded once) equals the table path's
    /// cells (the JSON rendering of `batchCells`) field by field (numbers to 1e-12); a target with comparator `=` and no `kind`
    /// column is a hold target (2.1 within ±0.05) on both the batch and the plan path, with the same P.
    @Test("batch CSV stream = batch JSON cells; '=' targets are hold targets on both paths")
    func batchStreamEqualsCellsAndHold() throws {
        let fixture = try BatchFixture(regions: [("A", 40.0), ("B", 20.0), ("C", 10.0)], tfr: true,
                                       targets: "indicator_code,region,year,value,comparator\nu5mr,A,2025,25,<=\n"
                                           + "u5mr,B,2030,11,<\nu5mr,C,2025,7,<=\ntfr,A,2030,2.1,=\ntfr,B,2025,2.1,=\n")
        defer { fixture.remove() }
        let dir = fixture.dir, s = fixture.series, t = fixture.targets
        let csv = try runChitieu(args: ["attain", "--data", s.path, "--targets", t.path, "--format", "csv", "--quiet"])
        let json = try runChitieu(args: ["attain", "--data", s.path, "--targets", t.path, "--format", "json", "--quiet"])
        #expect(csv.status == 0 && json.status == 0, "stderr: \(csv.stderr) \(json.stderr)")
        let table = Self.tidy(csv.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == table.rows.count && table.rows.count == 5)
        for (row, cells) in zip(rows, table.rows) {
            for (column, text) in zip(table.header, cells) {
                let value = row[column]
                if let number = value as? NSNumber, !(value is String) {
                    // 1e-12 relative: the stream writes BatchResult's bounds, the cells re-read them from the
                    // predictive (the same formula; the last bit can differ).
                    let x = try #require(Double(text)), y = number.doubleValue
                    #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(column): csv \(text), json \(number)")
                } else {
                    #expect(text == (value as? String ?? ""), "\(column): csv \(text), json \(String(describing: value))")
                }
            }
        }
        let kinds = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0] + $0[1] + $0[2], $0[5]) })
        #expect(kinds["tfrA2030"] == "hold" && kinds["u5mrB2030"] == "strict" && kinds["u5mrA2025"] == "level")
        // The plan path (one region) gives the hold target the same P as the batch path.
        let planTargets = dir.appendingPathComponent("tA.csv")
        try Data("indicator_code,region,year,value,comparator\ntfr,A,2030,2.1,=\n".utf8).write(to: planTargets)
        let plan = Self.tidy(try runChitieu(args: ["attain", "--data", s.path, "--targets", planTargets.path,
                                                   "--format", "csv", "--quiet"]).stdout)
        let planRow = try #require(plan.rows.first)
        let p = try #require(plan.header.firstIndex(of: "p_attain")), k = try #require(plan.header.firstIndex(of: "kind"))
        let batchRow = try #require(table.rows.first { $0[0] == "tfr" && $0[1] == "A" })
        let bp = try #require(Double(batchRow[table.header.firstIndex(of: "p_attain") ?? 0]))
        let pp = try #require(Double(planRow[p]))
        #expect(planRow[k] == "hold" && pp > 0.05 && abs(pp - bp) < 1e-12, "plan \(pp), batch \(bp)")
    }

    /// A tidy CSV as its header and rows.
    static func tidy(_ text: String) -> (header: [String], rows: [[String]]) {
        let lines = parseTidyCSV(text)
        return (lines.first ?? [], Array(lines.dropFirst()))
    }
}
