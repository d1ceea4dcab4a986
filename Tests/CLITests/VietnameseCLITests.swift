import Foundation
import Testing
import TestSupport

/// `--lang vi` leaves no English verdict, header or note: each command people read (`attain`, `project`,
/// `scenario run`, `scenario compare`, `report`) is run in Vietnamese and its stdout and stderr are searched
/// for the English words chitieu writes in English runs. Codes (indicator codes, method names such as
/// `national-slope-shift(VN)`, CSV column names) are identifiers and stay; text from the data files (a
/// catalogue's comparability note, a scenario's name) is data and stays too, so the words below are ones
/// that only chitieu's own English would contain.
@Suite("CLI: --lang vi is Vietnamese throughout")
struct VietnameseCLITests {
    /// Whole words (a regular-expression word boundary on each side), case-sensitive.
    static let english = [
        "Likely", "Unlikely", "Uncertain", "On track", "Off track", "Met", "Assessment not possible",
        "Qualitative", "qualitative", "hold", "cond", "No data", "No target",
        "projection", "projected", "Projected", "Verdict", "verdict", "Target", "target", "Baseline",
        "Indicator", "Method", "Scenario", "scenario", "note", "warning", "draws", "seed", "not projected",
        "fewer than", "national slope", "reference-class forecast", "provincial point", "the interval",
        "total cost", "start stock", "attrition", "per point gained", "population model", "wrote",
        "own slope", "national-slope-shift", "own-trend", "reference-class level-held", "GSO DoH basis",
    ]

    /// The English words of `english` found in `text`, each with a little context.
    static func englishIn(_ text: String) -> [String] {
        english.compactMap { word -> String? in
            let pattern = "\\b" + NSRegularExpression.escapedPattern(for: word) + "\\b"
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range, in: text) else { return nil }
            let from = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
            let to = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
            return "\(word): …\(text[from..<to])…"
        }
    }

    /// The text people read in an HTML page: the style sheet and the tags (with their attribute values,
    /// which hold CSV identifiers such as `data-column="verdict"`) removed, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return ReportPage.unescape(text)
    }

    static let scenarios = datasetsDirectory().appendingPathComponent("kontum/scenarios")

    @Test("no English in Vietnamese output", arguments: [
        ["attain"],
        ["project", "--indicator", "u5mr", "--region", "VN-28"],
        ["project", "--indicator", "physicians_per_10k", "--region", "VN-28"],
        ["scenario", "run", scenarios.appendingPathComponent("workforce_expansion.yaml").path],
        ["scenario", "compare", scenarios.appendingPathComponent("business_as_usual.yaml").path,
         scenarios.appendingPathComponent("workforce_expansion.yaml").path],
        ["report", "--scenario", scenarios.appendingPathComponent("business_as_usual.yaml").path,
         "--scenario", scenarios.appendingPathComponent("workforce_expansion.yaml").path],
    ])
    func noEnglish(_ args: [String]) throws {
        let run = try runChitieu(args: args + ["--lang", "vi"])
        #expect(run.status == 0, "\(run.stderr)")
        let stdout = args.first == "report" ? Self.visibleText(run.stdout) : run.stdout
        // The scenarios' names are data (the files' `name:`), not chitieu's words.
        let data = ["Business as usual", "Workforce expansion"]
        // Command names (`chitieu scenario run`, the command line in the report's provenance) are identifiers.
        func withoutData(_ text: String) -> String {
            data.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
                .replacingOccurrences(of: "chitieu (report|scenario|attain|project|plot)\\b[^\n`]*", with: "",
                                      options: .regularExpression)
        }
        let found = Self.englishIn(withoutData(stdout)).map { "stdout \($0)" }
            + Self.englishIn(withoutData(run.stderr)).map { "stderr \($0)" }
        let listing = found.joined(separator: "\n")
        #expect(found.isEmpty, "\(args.joined(separator: " ")) --lang vi:\n\(listing)")
    }

    @Test("the English run says the words the list looks for (the check can fail)")
    func englishRunHasThem() throws {
        let run = try runChitieu(args: ["attain"])
        let found = Self.englishIn(run.stdout + run.stderr)
        #expect(found.count >= 8, "\(found)")
    }

    @Test("compact tables localise the numbers, never the text: (cond.) stays a word")
    func conditionalTargetIsNotRepunctuated() throws {
        let vi = try runChitieu(args: ["attain", "--lang", "vi", "--quiet"])
        #expect(!vi.stdout.contains("(cond,)"))
        #expect(vi.stdout.contains("≥ 95,0 (có điều kiện)"), "\(vi.stdout)")
        #expect(vi.stdout.contains("= 2,10 (duy trì)"))
        let en = try runChitieu(args: ["attain", "--quiet"])
        #expect(en.stdout.contains("≥ 95.0 (cond.)") && en.stdout.contains("= 2.10 (hold)"))
        let scenario = try runChitieu(args: ["scenario", "run", Self.scenarios.appendingPathComponent("workforce_expansion.yaml").path,
                                             "--lang", "vi", "--quiet"])
        #expect(scenario.stdout.contains("≥ 95,0 (có điều kiện)") && !scenario.stdout.contains("(cond"))
    }
}
