import Foundation
import Testing
import TestSupport

/// Issue 15: the bare scorecard leaves no plan row with a baseline and a numeric target unanswered.
@Suite("CLI: every plan row with a baseline and a target is answered")
struct ScorecardAnswersCLITests {
    @Test("bare attain CSV: required_rate and years_left everywhere, and a projection or a reason")
    func noEmptyAnswerRows() throws {
        let run = try runChitieu(args: ["attain", "--format", "csv"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rows = splitCSV(run.stdout)
        let header = try #require(rows.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
        let (indicator, baseline, target, projection, reason, required, years, method) = (
            try column("indicator"), try column("baseline"), try column("target"), try column("projection"),
            try column("reason"), try column("required_rate"), try column("years_left"), try column("method"))
        var answered = 0, projected = 0, explained = 0
        for row in rows.dropFirst() where row.count == header.count && !row[baseline].isEmpty && !row[target].isEmpty {
            answered += 1
            #expect(Double(row[required]) != nil, "\(row[indicator]): no required_rate")
            #expect(Int(row[years]) != nil, "\(row[indicator]): no years_left")
            if row[projection].isEmpty {
                explained += 1
                #expect(!row[reason].isEmpty, "\(row[indicator]): neither a projection nor a reason")
                #expect(run.stderr.contains("note: \(row[indicator]): not projected: "), "\(row[indicator]) on stderr")
            } else {
                projected += 1
                #expect(!row[method].isEmpty && row[reason].isEmpty, "\(row[indicator])")
            }
        }
        // 21 plan indicators with a baseline and a numeric target, 2 milestones each (malaria is qualitative).
        #expect(answered == 42, "rows with baseline and target: \(answered)")
        #expect(projected == 24 && explained == 18, "projected \(projected), explained \(explained)")
        func methods(_ code: String) -> [String] {
            rows.filter { $0.count == header.count && $0[indicator] == code }.map { $0[method] }
        }
        #expect(methods("fully_immunized_u1_pct").count == 2
                && methods("fully_immunized_u1_pct").allSatisfy { $0.hasPrefix("reference-class level-held(") },
                "immunisation is projected by its family's reference class")
        // Doctors, nurses and beds: Kon Tum's own GSO slope (2002–2016), shifted to the plan's level.
        for code in ["physicians_per_10k", "nurses_per_10k", "hospital_beds_per_10k"] {
            #expect(methods(code) == Array(repeating: "own slope, shifted to plan baseline (GSO DoH basis)", count: 2),
                    "\(code): \(methods(code))")
        }
    }
}
