import Foundation
import Testing
import TestSupport
@testable import Export

/// The workbook read back by an independent reader (Python openpyxl, `Tests/Scripts/read_xlsx.py`).
@Suite("Excel workbook (read back with openpyxl)",
       .enabled(if: pythonHasModule("openpyxl"), "needs python3 with openpyxl (scripts/setup installs it)"))
struct XLSXWriterTests {
    static func scorecard() throws -> Table {
        try Table(columns: ["indicator", "year", "projection", "pi95_lower", "p_attain", "verdict", "total_cost",
                            "draws", "note"], rows: [
            [.text("imr"), .integer(2025), .number(24.0812345), .number(19.7), .number(0.6789), .text("Uncertain"),
             .number(1_601_662_673_504), .integer(100_000), .text("ước")],
            [.text("tfr"), .integer(2030), .number(2.4213), .number(1.91), .number(0.0012), .text("Off track"),
             .number(12_345_678), .integer(100_000), .missing],
        ])
    }

    func writeAndRead(_ writer: XLSXWriter, _ sheets: [XLSXSheet]) throws -> WorkbookDump {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("book.xlsx")
        try AtomicFile.write(try writer.render(sheets), to: url, overwrite: false)
        return try WorkbookDump.read(url)
    }

    @Test func numbersStayNumbersWithFormats() throws {
        let metadata = RunMetadata(version: "0.1.0", generated: Date(timeIntervalSince1970: 1_700_000_000),
                                   command: "chitieu attain --format xlsx",
                                   dataFiles: [DataFileDigest(path: "Datasets/x.csv", sha256: String(repeating: "a", count: 64))],
                                   model: "log-linear", seed: 42)
        let writer = XLSXWriter(language: .en, title: "Plan targets", metadata: metadata,
                                methods: ["Prediction intervals are calibrated."],
                                verdictCuts: VerdictCuts(likely: 0.8, uncertain: 0.5, unlikely: 0.2))
        let book = try writeAndRead(writer, [XLSXSheet(name: "Scorecard", table: try Self.scorecard())])
        #expect(book.title == "Plan targets")
        #expect(book.sheets.map(\.name) == ["Scorecard", "Methods and sources"])
        let sheet = try #require(book.sheet("Scorecard"))
        #expect(sheet.freeze == "A2")
        #expect(sheet.autofilter == "A1:I3")
        #expect(sheet.rows[0].map { $0.v?.string } == ["Indicator", "Year", "Projected (median)",
                                                         "95 % interval, lower", "P(attain)", "Verdict", "Total cost",
                                                         "Monte Carlo draws", "Note"])
        #expect(sheet.rows[0].allSatisfy { $0.bold })
        let first = sheet.rows[1]
        // Full precision kept; shown with three significant digits, money in billions.
        #expect(first[2].v == .number(24.0812345))
        #expect(first[2].fmt == "#,##0.0")
        #expect(sheet.rows[2][2].fmt == "#,##0.00")
        #expect(first[1].fmt == "0")
        #expect(first[4].fmt == "0.00")
        #expect(first[6].v == .number(1_601_662_673_504))
        #expect(first[6].fmt == "\"VND \"#,##0.0,,,\" bn\"")
        #expect(sheet.rows[2][6].fmt == "\"VND \"#,##0.0,,\" million\"")
        #expect(first[7].fmt == "#,##0")
        #expect(sheet.rows[2][8].v == nil)
        // Verdict cells in the charts' colours (SmallMultiples' VerdictCategory), white bold text.
        #expect(first[5].fill == "FFD98E04")
        #expect(sheet.rows[2][5].fill == "FFB2182B")
        #expect(first[5].font == "FFFFFFFF")
        #expect((sheet.widths["A"] ?? 0) >= 6)
        let methods = try #require(book.sheet("Methods and sources"))
        let texts = methods.rows.flatMap { $0.compactMap { $0.v?.string } }
        #expect(texts.contains("chitieu attain --format xlsx"))
        #expect(texts.contains("Datasets/x.csv"))
        #expect(texts.contains("Prediction intervals are calibrated."))
        #expect(texts.contains { $0.hasPrefix("P(attain) ≥ 0.8") })
    }

    @Test func vietnameseLabelsAndFormats() throws {
        let writer = XLSXWriter(language: .vi, verdictCuts: VerdictCuts(likely: 0.8, uncertain: 0.5, unlikely: 0.2))
        let table = try Table(columns: ["kind", "total_cost", "verdict"], rows: [
            [.text("projected"), .number(1_601_662_673_504), .text("Chệch hướng")],
        ])
        let book = try writeAndRead(writer, [XLSXSheet(name: "Bảng đánh giá", table: table)])
        #expect(book.sheets.map(\.name) == ["Bảng đánh giá", "Phương pháp và nguồn"])
        let sheet = try #require(book.sheet("Bảng đánh giá"))
        #expect(sheet.rows[0].map { $0.v?.string } == ["Loại", "Tổng chi phí", "Đánh giá"])
        #expect(sheet.rows[1][0].v == .string("Dự báo"))
        #expect(sheet.rows[1][1].fmt == "#,##0.0,,,\" tỷ đồng\"")
        #expect(sheet.rows[1][2].fill == "FFB2182B")
        let legend = try #require(book.sheet("Phương pháp và nguồn")).rows.flatMap { $0.compactMap { $0.v?.string } }
        #expect(legend.contains("Có khả năng đạt"))
        #expect(!legend.contains("Likely"))
    }

    @Test func sheetNamesAreMadeValidAndUnique() throws {
        var used = Set<String>()
        #expect(XLSXWriter.uniqueName("a/b:c", used: &used) == "a-b-c")
        #expect(XLSXWriter.uniqueName("A/B:C", used: &used) == "A-B-C (2)")
        let long = String(repeating: "x", count: 40)
        #expect(XLSXWriter.uniqueName(long, used: &used).count == 31)
        #expect(XLSXWriter.uniqueName(long, used: &used) == String(repeating: "x", count: 27) + " (2)")
        let table = try Self.scorecard()
        let book = try writeAndRead(XLSXWriter(), [XLSXSheet(name: "Data", table: table),
                                                   XLSXSheet(name: "data", table: table)])
        #expect(book.sheets.map(\.name) == ["Data", "data (2)", "Methods and sources"])
    }

    /// A table Excel cannot hold is refused with an instruction, before anything is written.
    @Test func tooManyColumnsIsABadTable() throws {
        let columns = (0...XLSXWorkbook.maximumColumns).map { "c\($0)" }
        let table = try Table(columns: columns)
        let error = expectExportError { _ = try XLSXWriter().render(table) }
        #expect(error?.kind == .badTable)
        #expect(error?.message.contains("--format csv") == true)
    }
}

/// LibreOffice opens the workbook (an independent consumer) where it is installed; skipped otherwise
/// (it is not installed by scripts/setup: it is a large download for one check).
@Suite("Excel workbook (LibreOffice conversion)",
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice"),
                "needs LibreOffice (/usr/bin/soffice), not installed by scripts/setup"))
struct XLSXLibreOfficeTests {
    @Test func convertsToCSV() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("book.xlsx")
        try XLSXWriter().write(try XLSXWriterTests.scorecard(), to: url, overwrite: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
        process.arguments = ["--headless", "--convert-to", "csv", "--outdir", directory.path, url.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let csv = try String(contentsOf: directory.appendingPathComponent("book.csv"), encoding: .utf8)
        #expect(csv.contains("imr"))
        #expect(csv.contains("24.1"))
    }
}
