import Foundation
import Testing
import TestSupport

// MARK: - Helpers shared by the export and plot CLI tests

/// A fresh temporary directory, removed by the caller.
func exportScratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-viz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Names in a directory (including hidden temporary files), sorted.
func directoryListing(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
}

/// `chitieu project --indicator u5mr --region VN --format csv --out DIR/u5mr.csv`: the tidy projection file
/// the round-trip tests start from (observed, fitted and projected rows with 17-digit numbers).
func writeProjection(in dir: URL, name: String = "u5mr.csv") throws -> URL {
    let url = dir.appendingPathComponent(name)
    let r = try runChitieu(args: ["project", "--indicator", "u5mr", "--region", "VN", "--format", "csv",
                                  "--out", url.path, "--quiet"])
    #expect(r.status == 0, "project failed: \(r.stderr)")
    return url
}

/// Minimal RFC 4180 split for test assertions: `separator`, quotes with doubled quotes, LF or CRLF.
func splitCSV(_ text: String, separator: Character = ",") -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
    for c in text.unicodeScalars.map(Character.init) {
        if quoted {
            if c == "\"" { quoted = false; afterQuote = true } else { field.append(c) }
            continue
        }
        if c == "\"" {
            if afterQuote { field.append("\"") }
            quoted = true
            afterQuote = false
        } else if c == separator {
            row.append(field); field = ""; afterQuote = false
        } else if c == "\n" {
            row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
        } else if c != "\r" {
            field.append(c); afterQuote = false
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

// MARK: - Round trips

@Suite("CLI: export round trips keep every printed digit")
struct RoundTripTests {
    @Test("project → CSV → export --to tidy gives the same bytes, so the same numbers to the last digit")
    func tidyRoundTrip() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try writeProjection(in: dir)
        let copy = dir.appendingPathComponent("copy.csv")
        let r = try runChitieu(args: ["export", "--input", original.path, "--to", "tidy", "--out", copy.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let before = try Data(contentsOf: original), after = try Data(contentsOf: copy)
        #expect(before == after)
        // The file is worth the test: it holds full-precision doubles (e.g. 17.155623095002213).
        let rows = splitCSV(String(decoding: before, as: UTF8.self))
        let header = try #require(rows.first)
        #expect(header == ["area", "indicator", "year", "kind", "value", "level", "lower", "upper", "model",
                           "window", "method"])
        let valueIndex = try #require(header.firstIndex(of: "value"))
        let longest = rows.dropFirst().map { $0[valueIndex].filter(\.isNumber).count }.max() ?? 0
        #expect(longest >= 15, "expected full-precision numbers in the projection, longest has \(longest) digits")
        #expect(rows.dropFirst().contains { $0[3] == "projected" })
    }

    @Test("Excel vi starts with the BOM, uses ';' and decimal commas, and reads back with --decimal comma")
    func excelVietnameseRoundTrip() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try writeProjection(in: dir)
        let excel = dir.appendingPathComponent("u5mr_vi.csv")
        let r = try runChitieu(args: ["export", "--input", original.path, "--to", "excel", "--locale", "vi",
                                      "--out", excel.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let bytes = [UInt8](try Data(contentsOf: excel))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("area;indicator;year;kind;value;level;lower;upper;model;window;method\r\n"))
        let rows = splitCSV(text, separator: ";")
        let projected = try #require(rows.first { $0.count > 5 && $0[3] == "projected" })
        #expect(projected[4].contains(",") && !projected[4].contains("."), "value \(projected[4]) should use a decimal comma")
        #expect(projected[2] == "2024", "years are integers, no decimal mark: \(projected[2])")

        let back = dir.appendingPathComponent("back.csv")
        let r2 = try runChitieu(args: ["export", "--input", excel.path, "--decimal", "comma", "--to", "tidy",
                                       "--out", back.path])
        #expect(r2.status == 0, "stderr: \(r2.stderr)")
        #expect(try Data(contentsOf: back) == Data(contentsOf: original))
    }

    @Test("Excel en keeps ',' and points, with BOM and CRLF; reading it back gives the tidy file")
    func excelEnglishRoundTrip() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try writeProjection(in: dir)
        let r = try runChitieu(args: ["export", "--input", original.path, "--to", "excel", "--locale", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("\u{FEFF}area,indicator,year"))
        #expect(r.stdout.contains("\r\n"))
        let excel = dir.appendingPathComponent("en.csv")
        try Data(r.stdout.utf8).write(to: excel)
        let r2 = try runChitieu(args: ["export", "--input", excel.path, "--to", "tidy"])
        #expect(r2.status == 0, "stderr: \(r2.stderr)")
        #expect(Data(r2.stdout.utf8) == (try Data(contentsOf: original)))
    }

    @Test("JSON export: same numbers as the CSV, metadata names the input with its SHA-256")
    func jsonNumbers() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try writeProjection(in: dir)
        let r = try runChitieu(args: ["export", "--input", original.path, "--to", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "chitieu/1")
        let metadata = try #require(object["metadata"] as? [String: Any])
        let files = try #require(metadata["data_files"] as? [[String: Any]])
        #expect((files.first?["sha256"] as? String)?.count == 64)
        let jsonRows = try #require(object["rows"] as? [[String: Any]])
        let csvRows = splitCSV(try String(contentsOf: original, encoding: .utf8))
        #expect(jsonRows.count == csvRows.count - 1)
        // Compare the printed digits: swift-corelibs JSONSerialization does not round every literal
        // correctly (it read 17.155623095002213 as 17.15562309500221), so parsed doubles would compare
        // the parser, not chitieu. One row per line in the JSON text, in CSV order.
        let jsonLines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("    {") }
        #expect(jsonLines.count == csvRows.count - 1)
        for (line, csv) in zip(jsonLines, csvRows.dropFirst()) {
            #expect(line.contains("\"value\": \(csv[4]),"), "JSON row \(line) lacks value \(csv[4])")
            #expect(line.contains("\"year\": \(csv[2]),"))
            let level = csv[5].isEmpty ? "null" : csv[5]
            #expect(line.contains("\"level\": \(level),"), "JSON row \(line) lacks level \(level)")
        }
    }

    @Test("Digits as printed survive: 27.850 stays 27.850, a 20-digit seed stays text")
    func printedDigits() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv")
        let text = "area,indicator,year,kind,value,seed,plan_row\nVN-28,tfr,2030,projected,27.850,12345678901234567890,15.1\n"
            + "VN-28,tfr,2031,projected,0.30000000000000004,1,2\n"
        try Data(text.utf8).write(to: input)
        let tidy = try runChitieu(args: ["export", "--input", input.path, "--to", "tidy"])
        #expect(tidy.status == 0)
        #expect(tidy.stdout == text)
        let excel = try runChitieu(args: ["export", "--input", input.path, "--to", "excel", "--locale", "vi"])
        #expect(excel.stdout.contains("2030;projected;27,850;12345678901234567890;15.1\r\n"),
                "plan_row and seed are identifiers, not numbers: \(excel.stdout)")
        let json = try runChitieu(args: ["export", "--input", input.path, "--to", "json"])
        #expect(json.stdout.contains("\"value\": 27.850"))
        #expect(json.stdout.contains("\"seed\": \"12345678901234567890\""))
    }
}
