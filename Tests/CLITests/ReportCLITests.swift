import Foundation
import Testing
import TestSupport

/// `chitieu report` through the binary: the page's numbers are `attain --format csv`'s, the file is
/// self-contained, replaced only with --force, and names no path of this machine.
@Suite("chitieu report")
struct ReportCLITests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes the report with `args` into a fresh folder and returns the page (and the folder, to remove).
    static func report(_ args: [String] = []) throws -> (page: ReportPage, dir: URL, stderr: String) {
        let dir = try scratch()
        let out = dir.appendingPathComponent("report.html")
        let run = try runChitieu(args: ["report", "--out", out.path] + args)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "the report goes to --out, nothing to stdout")
        return (ReportPage(html: try String(contentsOf: out, encoding: .utf8)), dir, run.stderr)
    }

    @Test func scorecardDataValuesAreTheCSVNumbers() throws {
        let (page, dir, _) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try runChitieu(args: ["attain", "--format", "csv", "--quiet"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = parseTidyCSV(csv.stdout)
        let header = try #require(rows.first)
        let table = try #require(page.tables(in: "scorecard").first)
        #expect(table.rows.count == rows.count - 1, "one page row per CSV row")
        #expect(table.columns.contains("p_attain") && table.columns.contains("projection"))
        var compared = 0
        for (pageRow, csvRow) in zip(table.rows, rows.dropFirst()) {
            for (column, cell) in zip(table.columns, pageRow) {
                let index = try #require(header.firstIndex(of: column), "\(column) is not a CSV column")
                let expected = csvRow[index]
                guard let value = cell.value else {
                    // A cell without a data-value is the CSV's text (English run), or "–" where the CSV is empty.
                    let shown = ReportPage.unescape(cell.text)
                    #expect(shown == expected || (expected.isEmpty && shown == "–"), "\(column): CSV \(expected), page \(shown)")
                    continue
                }
                // Both are the shortest round-trip digits of the same Double: equal as numbers, exactly.
                #expect(Double(value) == Double(expected), "\(column): CSV \(expected), page data-value \(value)")
                compared += 1
            }
        }
        #expect(compared > 100, "only \(compared) numbers compared")
    }

    @Test func selfContainedAndNoMachinePaths() throws {
        let (page, dir, _) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = page.html
        for forbidden in ["<script", "<link", "src=\"http", "url(", "@import", packageRoot().path, dir.path,
                          FileManager.default.temporaryDirectory.path] {
            #expect(!html.contains(forbidden), "\(forbidden) in the report")
        }
        for id in ["summary", "scorecard", "charts", "verdicts", "methods", "provenance"] {
            #expect(page.section(id) != nil, "no \(id) section")
        }
        #expect(page.section("scenarios") == nil, "no scenario section without --scenario")
        #expect(html.contains("Datasets/kontum/plan_targets.csv"))
        #expect(html.contains("@page { size: A4;"))
        // One fan chart per projected indicator; the bundled plan projects a dozen.
        let figures = html.components(separatedBy: "<figure>").count - 1
        #expect(figures >= 10, "\(figures) fan charts")
    }

    @Test func replacesOnlyWithForce() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html")
        try Data("old".utf8).write(to: out)
        let refused = try runChitieu(args: ["report", "--out", out.path, "--quiet"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("already exists; use --force"), "\(refused.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "old")
        let forced = try runChitieu(args: ["report", "--out", out.path, "--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.isEmpty, "--quiet: \(forced.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func scenariosAddTheComparison() throws {
        let folder = datasetsDirectory().appendingPathComponent("kontum/scenarios")
        let (page, dir, _) = try Self.report(["--quiet", "--scenario", folder.appendingPathComponent("business_as_usual.yaml").path,
                                              "--scenario", folder.appendingPathComponent("workforce_expansion.yaml").path])
        defer { try? FileManager.default.removeItem(at: dir) }
        let tables = page.tables(in: "scenarios")
        #expect(tables.count == 2, "comparison and costs")
        let comparison = try #require(tables.first)
        let scenarioColumn = try #require(comparison.columns.firstIndex(of: "scenario"))
        let names = Set(comparison.rows.map { $0[scenarioColumn].text })
        #expect(names == ["Business as usual", "Workforce expansion"])
        // A fan chart per indicator whose milestones differ between the scenarios: the workforce levers move
        // doctors, nurses, pharmacists and beds (and the file's budget lever the preventive share).
        let section = try #require(page.section("scenarios"))
        let figures = Array(section.components(separatedBy: "<figure>").dropFirst())
        #expect(figures.count >= 4, "\(figures.count) scenario charts")
        for name in ["Physicians per 10,000 population", "Nurses per 10,000 population"] {
            let figure = figures.first { $0.contains(name) }
            #expect(figure?.contains("Business as usual") == true && figure?.contains("Workforce expansion") == true, "\(name)")
        }
        #expect(!figures.contains { $0.contains("Under-five mortality") }, "no lever moves u5mr: no chart")
        // The comparison's numbers are `scenario compare --format csv`'s.
        let csv = try runChitieu(args: ["scenario", "compare", folder.appendingPathComponent("business_as_usual.yaml").path,
                                        folder.appendingPathComponent("workforce_expansion.yaml").path, "--format", "csv",
                                        "--quiet"])
        let rows = parseTidyCSV(csv.stdout)
        let header = try #require(rows.first)
        let key = { (r: [String]) in "\(r[0])|\(r[1])|\(r[2])" }
        var byKey: [String: [String]] = [:]
        for r in rows.dropFirst() { byKey[key([r[0], r[header.firstIndex(of: "indicator")!], r[header.firstIndex(of: "year")!]])] = r }
        let p = try #require(comparison.columns.firstIndex(of: "p_attain"))
        let indicator = try #require(comparison.columns.firstIndex(of: "indicator"))
        let year = try #require(comparison.columns.firstIndex(of: "year"))
        var compared = 0
        for row in comparison.rows {
            let csvRow = try #require(byKey[key([row[scenarioColumn].text, row[indicator].text, row[year].value ?? ""])])
            if let value = row[p].value {
                #expect(Double(value) == Double(csvRow[header.firstIndex(of: "p_attain")!]))
                compared += 1
            }
        }
        #expect(compared >= 10)
    }

    @Test func scenarioOfAnotherRegionIsRefused() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("other.yaml")
        try "name: Other\nregion: VN-30\nbase_year: 2023\nhorizon: 2030\npopulation: {growth: 0.012, base: 1000000}\n"
            .write(to: other, atomically: true, encoding: .utf8)
        let run = try runChitieu(args: ["report", "--out", dir.appendingPathComponent("r.html").path, "--quiet",
                                        "--scenario", other.path])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("is for region VN-30, the report is for VN-28"), "\(run.stderr)")
    }
}
