import Foundation
import Testing
import TestSupport

/// Regions through the command line: `data aggregate` (districts into their province, the 2025 Kon Tum +
/// Quảng Ngãi merger), `--regions` on project/attain (a district borrows from its province), and the
/// conflicting 2023 immunisation figures flagged in the scorecard.
@Suite("CLI: regions, aggregation, mergers and conflicting sources")
struct RegionsCLITests {
    static let regions = datasetsDirectory().appendingPathComponent("regions.csv").path

    /// (indicator, region, year) → value from a tidy CSV's stdout.
    static func values(_ csv: String) throws -> [String: Double] {
        let rows = splitCSV(csv)
        let header = try #require(rows.first)
        let (i, r, y, v) = (try #require(header.firstIndex(of: "indicator")), try #require(header.firstIndex(of: "region")),
                            try #require(header.firstIndex(of: "year")), try #require(header.firstIndex(of: "value")))
        var out: [String: Double] = [:]
        for row in rows.dropFirst() where row.count == header.count { out["\(row[i])|\(row[r])|\(row[y])"] = Double(row[v]) }
        return out
    }

    @Test("districts → Kon Tum 2017: population sums to the yearbook's 520,048; 2022 left out (Đắk Hà has no row)")
    func districtsIntoProvince() throws {
        let file = datasetsDirectory().appendingPathComponent("kontum/kontum_province.csv").path
        let run = try runChitieu(args: ["data", "aggregate", "--regions", Self.regions, "--region", "VN-28",
                                        "--data", file, "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let v = try Self.values(run.stdout)
        // 520,048: Kon Tum Statistical Yearbook 2017 (Datasets/README.md B.4: "districts sum exactly to 520,048").
        #expect(v["population_avg|VN-28|2017"] == 520_048)
        #expect(v["population_avg|VN-28|2022"] == nil)
        #expect(run.stderr.contains("population_avg @ VN-28: years 2022 left out"), "\(run.stderr)")
        // Density: area-weighted mean of the districts' printed densities (whole numbers, so within 0.5 of
        // Σ persons / Σ km²), near the province's printed 54 per km².
        let density = try #require(v["population_density|VN-28|2017"])
        let area = try #require(v["area_km2|VN-28|2017"])
        #expect(abs(density - 520_048 / area) < 0.5 && abs(density - 54) < 1, "\(density)")
        #expect(run.stdout.contains(",area-weighted,") && run.stdout.contains(",aggregated,"))
    }

    @Test("the 2025 merger: VN-QNG = Kon Tum + old Quảng Ngãi, counts summed, every row labelled aggregated")
    func merger() throws {
        let run = try runChitieu(args: ["data", "aggregate", "--regions", Self.regions, "--region", "VN-QNG",
                                        "--indicator", "doctors_dpoh_count", "--indicator", "imr", "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("202/2025/QH15"), "the regions file's note names the resolution")
        let gso = try runChitieu(args: ["data", "aggregate", "--regions", Self.regions, "--region", "VN-QNG",
                                        "--indicator", "doctors_dpoh_count", "--format", "csv"])
        let v = try Self.values(run.stdout)
        #expect(try Self.values(gso.stdout)["doctors_dpoh_count|VN-QNG|2016"] == v["doctors_dpoh_count|VN-QNG|2016"])
        // GSO doctors 2016 (Datasets/provinces/vietnam_provinces_gso.csv): read the two members from the file.
        let text = try String(contentsOf: datasetsDirectory().appendingPathComponent("provinces/vietnam_provinces_gso.csv"),
                              encoding: .utf8)
        var members = 0.0
        for line in text.split(separator: "\n") where line.hasPrefix("doctors_dpoh_count,VN-28,2016,")
            || line.hasPrefix("doctors_dpoh_count,VN-29,2016,") {
            members += Double(line.split(separator: ",")[3]) ?? .nan
        }
        #expect(v["doctors_dpoh_count|VN-QNG|2016"] == members)
        let imrRows = splitCSV(run.stdout).filter { $0.contains("imr") }
        #expect(!imrRows.isEmpty && imrRows.allSatisfy { $0.contains("births-weighted") && $0.contains("aggregated") })
        let bad = try runChitieu(args: ["data", "aggregate", "--regions", Self.regions, "--region", "VN-99"])
        #expect(bad.status == 64 && bad.stderr.contains("VN-99 has no members"), "\(bad.stderr)")
    }

    @Test("--regions: a district borrows its province's slope; made a root by a regions file, it cannot")
    func districtBorrows() throws {
        let args = ["project", "--indicator", "population_density", "--region", "VN-28-DAK_HA", "--format", "csv"]
        let run = try runChitieu(args: args + ["--regions", Self.regions])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("method parent-slope-shift(VN-28)"), "\(run.stderr)")
        #expect(run.stderr.contains("1 regional point(s); projected with the slope of its parent region VN-28 ("),
                "not called the national slope: \(run.stderr)")
        let vi = try runChitieu(args: args + ["--regions", Self.regions, "--lang", "vi"])
        #expect(vi.stderr.contains("dự báo bằng độ dốc của vùng cấp trên VN-28"), "\(vi.stderr)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-regions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = dir.appendingPathComponent("root.csv"), cycle = dir.appendingPathComponent("cycle.csv")
        try "code,parent\nVN-28-DAK_HA,\n".write(to: root, atomically: true, encoding: .utf8)
        try "code,parent\nA,A\n".write(to: cycle, atomically: true, encoding: .utf8)
        let alone = try runChitieu(args: args + ["--regions", root.path])
        #expect(alone.status == 65 && alone.stderr.contains("VN-28-DAK_HA has no parent region to borrow from"),
                "\(alone.stderr)")
        let bad = try runChitieu(args: ["attain", "--regions", cycle.path])
        #expect(bad.status == 65 && bad.stderr.contains("cycle.csv:2:") && bad.stderr.contains("is its own parent"),
                "\(bad.stderr)")
    }

    @Test("2023 full immunisation: plan 52.5 vs March-2024 report 58.7 flagged on stderr and in the CSV, not resolved")
    func conflictingImmunisation() throws {
        let run = try runChitieu(args: ["attain", "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("note: fully_immunized_u1_pct: conflicting 2023 values: 52.5 ("), "\(run.stderr)")
        let rows = splitCSV(run.stdout)
        let header = try #require(rows.first)
        let (indicator, baseline, warnings) = (try #require(header.firstIndex(of: "indicator")),
                                               try #require(header.firstIndex(of: "baseline")),
                                               try #require(header.firstIndex(of: "warnings")))
        let epi = rows.filter { $0.count == header.count && $0[indicator] == "fully_immunized_u1_pct" }
        #expect(epi.count == 2)
        for row in epi {
            #expect(row[baseline] == "52.5", "the plan's baseline is kept")
            #expect(row[warnings].contains("vs 58.7 (") && row[warnings].contains("not resolved"), "\(row[warnings])")
        }
        let vi = try runChitieu(args: ["attain", "--lang", "vi"])
        #expect(vi.stderr.contains("hai giá trị năm 2023 mâu thuẫn nhau: 52.5"), "\(vi.stderr)")
        // The reason column in Vietnamese (codes, numbers and file names kept; catalogue notes are data).
        let viCSV = splitCSV(try runChitieu(args: ["attain", "--format", "csv", "--lang", "vi"]).stdout)
        let reason = try #require(header.firstIndex(of: "reason"))
        let hiv = try #require(viCSV.first { $0.count == header.count && $0[indicator] == "hiv_new_detections_per_100k" })
        #expect(hiv[reason].hasPrefix("1 điểm số liệu của địa phương, ít hơn 5 điểm cần cho xu hướng riêng, và độ dốc riêng "
            + "của hiv_new_cases_per_100k"), "\(hiv[reason])")
        for english in ["regional point", "fewer than", "no reference class", "is not backtested", ", and "] {
            #expect(!hiv[reason].contains(english), "\(english) left in \(hiv[reason])")
        }
    }
}
