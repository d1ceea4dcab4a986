import Foundation
import Testing
@testable import Export

@Suite("HTML report writer")
struct HTMLReportWriterTests {
    static func document(_ lang: Language) throws -> ReportDocument {
        let table = try Table(columns: ["indicator", "year", "projection", "p_attain", "verdict"], rows: [
            [.text("imr"), .integer(2030), .number(19.951234), .number(0.7412), .text(Label.uncertain.text(lang))],
            [.text("tfr <&>"), .integer(2030), .missing, .missing, .text(Label.assessmentNotPossible.text(lang))],
        ])
        let svg = try FanChart(title: "u5mr", yLabel: "‰", observed: [ChartPoint(year: 2020, value: 21), ChartPoint(year: 2023, value: 20)],
                               fans: [FanSeries(name: "x", points: [FanPoint(year: 2024, mean: 19, lower80: 18, upper80: 20,
                                                                               lower95: 17, upper95: 21)])],
                               language: lang).render()
        return ReportDocument(language: lang, title: "Kế hoạch <Kon Tum>", subtitle: "2025–2030", sections: [
            ReportSection(id: "scorecard", heading: Label.scorecardTitle.text(lang), blocks: [
                .paragraph("P & verdicts"), .table(table, caption: "t", styles: [:]),
            ]),
            ReportSection(id: "charts", heading: "Charts", blocks: [.figure(svg: svg, caption: "fan")]),
            ReportSection(id: "verdicts", heading: "Verdicts", blocks: [
                .definitions([ReportDefinition(term: "Likely", meaning: "P ≥ 0.8", colour: VerdictCategory.likely.colour)]),
                .facts([("Seed", "42")]), .list(["a", "b"]),
            ]),
        ])
    }

    @Test func selfContainedAndEscaped() throws {
        let html = try HTMLReportWriter().renderString(try Self.document(.en))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("default-src 'none'"))
        // No resource from anywhere: no script, no link, no remote URL, no external image.
        for forbidden in ["<script", "<link", "src=\"http", "href=\"http", "url(", "@import"] {
            #expect(!html.contains(forbidden), "\(forbidden) in the report")
        }
        #expect(html.contains("<title>Kế hoạch &lt;Kon Tum&gt;</title>"))
        #expect(html.contains("tfr &lt;&amp;&gt;"))
        #expect(!html.contains("<?xml"), "the SVG prolog must be dropped when inlined")
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("<a href=\"#charts\">Charts</a>"))
    }

    @Test func numbersRoundedWithTheirExactValue() throws {
        let html = try HTMLReportWriter().renderString(try Self.document(.vi))
        #expect(html.contains("<td class=\"num\" data-value=\"19.951234\">20,0</td>"))
        #expect(html.contains("<td class=\"num\" data-value=\"0.7412\">0,74</td>"))
        #expect(html.contains("<td class=\"num\" data-value=\"2030\">2030</td>"))
        #expect(html.contains("<td class=\"verdict\" style=\"background:#D98E04\">Chưa chắc chắn</td>"))
        #expect(html.contains("<th data-column=\"p_attain\">P(đạt)</th>"))
        #expect(html.contains("<td class=\"num\">–</td>"))
    }

    @Test func writesAtomically() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("report.html")
        try HTMLReportWriter().write(try Self.document(.en), to: url, overwrite: false)
        let error = expectExportError { try HTMLReportWriter().write(try Self.document(.en), to: url, overwrite: false) }
        #expect(error?.kind == .fileExists)
    }

    @Test func regionNames() {
        #expect(RegionNames.known.name("VN-28", .vi) == "Kon Tum")
        #expect(RegionNames.known.title("VN-30", .en) == "Gia Lai (VN-30)")
        #expect(RegionNames.known.title("VN-99", .en) == "VN-99")
        let merged = RegionNames.known.merging(RegionNames(["VN-99": .init(vi: "Tỉnh X", en: "")]))
        #expect(merged.name("VN-99", .vi) == "Tỉnh X")
        #expect(merged.name("VN-99", .en) == "VN-99")
    }
}
