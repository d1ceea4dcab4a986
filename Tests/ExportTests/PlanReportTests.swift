import Attainment
import Foundation
import IndicatorData
import Planning
import Testing
@testable import Export

/// The plan report's document, assembled in process from the bundled Kon Tum assessment: what each
/// section holds, that its numbers are the assessment's, and that the Vietnamese report is Vietnamese.
@Suite("Plan report document")
struct PlanReportTests {
    /// The bundled plan's assessment (2,000 joint draws: the document does not depend on their number).
    static let plan: PlanAssessment = {
        let inputs = try! PlanInputs.bundled()
        return try! PlanAssessor.assess(inputs, region: "VN-28", policy: try! ModelSettings().policy(catalogue: inputs.catalogue),
                                        draws: 2_000)
    }()

    /// The report's scorecard columns read from the milestones (the CLI hands in `attain`'s own table).
    static func scorecard(_ plan: PlanAssessment, _ lang: Language) throws -> Table {
        var rows: [[Cell]] = []
        func number(_ x: Double?) -> Cell { x.map { .number($0, .shortest) } ?? .missing }
        for indicator in plan.indicators {
            for m in indicator.milestones {
                rows.append([.text(m.planRow), .text(lang == .vi ? indicator.row.nameVi : indicator.row.nameEn),
                             .integer(m.key.year), number(m.target), number(indicator.row.baselineValue),
                             number(m.projection), number(m.interval(level: 0.95)?.lower),
                             number(m.interval(level: 0.95)?.upper), number(m.probability),
                             .text(PlanChartData.category(m.verdict).label.text(lang)),
                             number(indicator.row.joint?.pJoint)])
            }
        }
        return try Table(columns: PlanReport.scorecardColumns, rows: rows)
    }

    static func metadata() -> RunMetadata {
        RunMetadata(version: "0.0-test", generated: Date(timeIntervalSince1970: 1_764_000_000), command: "chitieu report",
                    dataFiles: [DataFileDigest(path: "Datasets/kontum/plan_targets.csv", sha256: "ab12")],
                    model: "catalogue default per indicator", seed: 7, options: ["region": "VN-28"])
    }

    static func document(_ lang: Language) throws -> ReportDocument {
        try PlanReport(plan: plan, scorecard: try scorecard(plan, lang), metadata: metadata(), language: lang).document()
    }

    @Test func sectionsInOrder() throws {
        let doc = try Self.document(.en)
        #expect(doc.sections.map(\.id) == ["summary", "scorecard", "charts", "verdicts", "methods", "provenance"])
        #expect(doc.title.contains("Kon Tum (VN-28)"))
        #expect(doc.subtitle?.contains("2025 and 2030") == true)
    }

    @Test func summaryCountsAreTheAssessmentsVerdicts() throws {
        let doc = try Self.document(.en)
        let summary = try #require(doc.sections.first)
        let counts = try #require(summary.blocks.lazy.compactMap { block -> Table? in
            if case .table(let t, _, _) = block { return t } else { return nil }
        }.first)
        #expect(counts.columns == ["verdict", "2025", "2030"])
        for (column, year) in [(1, 2025), (2, 2030)] {
            let total = counts.rows.reduce(0) { $0 + ($1[column].doubleValue.map { Int($0) } ?? 0) }
            #expect(total == Self.plan.milestones.filter { $0.key.year == year }.count, "every \(year) milestone counted once")
        }
        let likely = counts.rows.first { $0[0] == .text("Likely") }
        let expected = Self.plan.milestones.filter { $0.key.year == 2030 && $0.verdict == .likely }.count
        #expect(likely?[2] == .integer(expected))
    }

    @Test func oneFanChartPerProjectedIndicator() throws {
        let doc = try Self.document(.en)
        let charts = try #require(doc.sections.first { $0.id == "charts" })
        let figures = charts.blocks.compactMap { block -> (String, String)? in
            if case .figure(let svg, let caption) = block { return (svg, caption) } else { return nil }
        }
        let projected = Self.plan.indicators.filter { $0.projection.fit != nil }
        #expect(figures.count == projected.count)
        for ((svg, caption), indicator) in zip(figures, projected) {
            #expect(svg.contains(MarkupEscaping.escape(indicator.row.nameEn, apostrophe: "&apos;")), "\(indicator.row.indicator)")
            #expect(!svg.contains("— Kon Tum"), "the report names the region once, in its title")
            #expect(caption.hasPrefix("2025: "), "\(caption)")
        }
    }

    @Test func vietnameseReportHasNoEnglishHeadings() throws {
        let en = try Self.document(.en), vi = try Self.document(.vi)
        #expect(vi.language == .vi)
        for (a, b) in zip(en.sections, vi.sections) { #expect(a.heading != b.heading, "\(a.id) not translated") }
        let html = try HTMLReportWriter().renderString(vi)
        for english in ["Summary", "What each verdict means", "Data provenance", "Caveats", "Likely", "Off track",
                        "Needs attention", "Projected (median)", "Targets by verdict"] {
            #expect(!html.contains(english), "\(english) in the Vietnamese report")
        }
        #expect(html.contains("Có khả năng đạt") && html.contains("Nguồn gốc số liệu"))
    }

    @Test func missingScorecardColumnIsAnError() throws {
        let table = try Table(columns: ["indicator"], rows: [[.text("imr")]])
        #expect(throws: ExportError.self) {
            _ = try PlanReport(plan: Self.plan, scorecard: table, metadata: Self.metadata(), language: .en).document()
        }
    }

    @Test func provenanceNamesTheFilesAndTheRun() throws {
        let doc = try Self.document(.en)
        let provenance = try #require(doc.sections.last)
        let facts = provenance.blocks.compactMap { block -> [(String, String)]? in
            if case .facts(let f) = block { return f } else { return nil }
        }.first ?? []
        #expect(facts.contains { $0.0 == Label.seed.text(.en) && $0.1 == "7" })
        #expect(facts.contains { $0.1 == "0.0-test" })
        let files = provenance.blocks.compactMap { block -> Table? in
            if case .table(let t, _, _) = block { return t } else { return nil }
        }.first
        #expect(files?.rows == [[.text("Datasets/kontum/plan_targets.csv"), .text("ab12")]])
    }
}
