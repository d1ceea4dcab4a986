import Foundation
import Testing
import TestSupport

/// The printed verdicts agree with the printed probabilities (issue 14, item 4), in both languages.
@Suite("CLI: verdicts agree with P(attain)")
struct VerdictCLITests {
    /// Favourable verdict words (P ≥ 0.5 only) and the old "met" verdict, which must never appear as a verdict.
    static let favourable = ["Likely", "Uncertain", "Có khả năng đạt", "Chưa chắc chắn"]
    static let metWords = ["Met", "met", "Đã đạt", "đã đạt"]

    @Test("attain CSV: no favourable or 'met' verdict beside P < 0.5", arguments: ["en", "vi"])
    func csvVerdictsFollowP(lang: String) throws {
        let run = try runChitieu(args: ["attain", "--format", "csv", "--quiet", "--lang", lang])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rows = splitCSV(run.stdout)
        let header = try #require(rows.first)
        let p = try #require(header.firstIndex(of: "p_attain")), verdict = try #require(header.firstIndex(of: "verdict"))
        var checked = 0
        for row in rows.dropFirst() where row.count == header.count {
            guard let probability = Double(row[p]) else { continue }
            checked += 1
            if probability < 0.5 {
                #expect(!Self.favourable.contains { row[verdict].hasPrefix($0) }, "P \(probability): \(row[verdict])")
                #expect(!Self.metWords.contains { row[verdict].contains($0) }, "P \(probability): \(row[verdict])")
            } else {
                #expect(Self.favourable.contains { row[verdict].hasPrefix($0) }, "P \(probability): \(row[verdict])")
            }
        }
        #expect(checked >= 10, "the default scorecard has at least 10 assessed milestones")
    }

    @Test("attain table: the met status is shown only beside a favourable verdict")
    func tableMetStatus() throws {
        let run = try runChitieu(args: ["attain", "--format", "table", "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // Pharmacists 2025: ≥ 1.00 with 1.00 observed in 2023 and a flat projection, P = 0.50.
        let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("pharmacists_per_10k") })
        #expect(line.contains("Uncertain · met 2023"), "\(line)")
        #expect(!run.stdout.contains("(at baseline)"))
    }
}
