import Foundation
import Testing
import TestSupport

/// `--format xlsx` through the binary, read back with openpyxl: the workbook holds the same numbers as the
/// CSV (one question, one answer), headers and verdicts in the chosen language.
@Suite("chitieu --format xlsx",
       .enabled(if: pythonHasModule("openpyxl"), "needs python3 with openpyxl (scripts/setup installs it)"))
struct WorkbookCLITests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Parses the tidy CSV (no quoted newlines in chitieu's output).
    static func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { line in
            var fields: [String] = [], field = "", quoted = false
            var iterator = line.makeIterator()
            while let c = iterator.next() {
                if c == "\"" { quoted.toggle() } else if c == ",", !quoted { fields.append(field); field = "" } else { field.append(c) }
            }
            fields.append(field)
            return fields
        }
    }

    @Test func scorecardWorkbookHasTheCSVNumbers() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("scorecard.xlsx")
        let run = try runChitieu(args: ["attain", "--format", "xlsx", "--out", book.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let csv = try runChitieu(args: ["attain", "--format", "csv", "--quiet"])
        let rows = Self.csvRows(csv.stdout)
        let header = try #require(rows.first)
        let dump = try WorkbookDump.read(book)
        #expect(dump.sheets.map(\.name) == ["Scorecard", "All numbers", "Methods and sources"])
        let all = try #require(dump.sheet("All numbers"))
        #expect(all.rows.count == rows.count)
        // Every numeric CSV cell is the same number in the workbook (full precision, not the shown rounding).
        // Tolerance: libxlsxwriter 1.1.4 writes doubles with printf "%.16G" (16 significant digits, one
        // short of a round trip), so a cell can differ from the CSV's shortest round-trip digits in the
        // 17th digit: relative error ≤ 5e-16 (Excel itself keeps 15 digits).
        var compared = 0
        let textColumns: Set<String> = ["seed", "plan_row", "target_text", "baseline_flag"]
        for (r, row) in rows.enumerated().dropFirst() {
            for (c, text) in row.enumerated() {
                guard let x = Double(text), !textColumns.contains(header[c]) else { continue }
                let seen = all.rows[r][c].v?.number
                let error = seen.map { abs($0 - x) / max(abs(x), .leastNormalMagnitude) }
                #expect(error.map { $0 <= 5e-16 } == true,
                        "row \(r) \(header[c]): csv \(text), xlsx \(String(describing: seen)), relative error \(String(describing: error))")
                compared += 1
            }
        }
        #expect(compared > 200)
        let summary = try #require(dump.sheet("Scorecard"))
        #expect(summary.freeze == "A2")
        let verdictColumn = try #require(summary.rows[0].firstIndex { $0.v?.string == "Verdict" })
        let offTrack = summary.rows.first { $0[verdictColumn].v?.string == "Off track" }
        #expect(offTrack?[verdictColumn].fill == "FFB2182B")
        let methods = try #require(dump.sheet("Methods and sources")).rows.flatMap { $0.compactMap { $0.v?.string } }
        #expect(methods.contains("Datasets/kontum/plan_targets.csv"))
        #expect(!methods.contains { $0.contains(packageRoot().path) }, "a machine path in the workbook")
    }

    @Test func vietnameseWorkbookHasNoEnglishHeaderOrVerdict() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("vi.xlsx")
        let run = try runChitieu(args: ["attain", "--format", "xlsx", "--lang", "vi", "--out", book.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let dump = try WorkbookDump.read(book)
        #expect(dump.sheets.map(\.name) == ["Bảng đánh giá", "Toàn bộ số liệu", "Phương pháp và nguồn"])
        let english = ["Likely", "Uncertain", "Unlikely", "Off track", "Met", "Assessment not possible", "Verdict",
                       "Indicator", "Year", "Target", "on track", "target_achieved", "not assessable", "observed"]
        for sheet in dump.sheets.prefix(2) {
            let texts = sheet.rows.flatMap { $0.compactMap { $0.v?.string } }
            for word in english {
                #expect(!texts.contains { $0 == word || $0.hasPrefix(word + " (") }, "\(sheet.name) has \"\(word)\"")
            }
        }
    }

    @Test func workbookIsNotWrittenToATerminalOrOverAFile() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("p.xlsx")
        try Data("keep".utf8).write(to: book)
        let run = try runChitieu(args: ["project", "--indicator", "u5mr", "--format", "xlsx", "--out", book.path])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--force"))
        #expect(try String(contentsOf: book, encoding: .utf8) == "keep")
    }
}
