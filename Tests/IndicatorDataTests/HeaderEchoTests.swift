import Foundation
import Testing
@testable import IndicatorData

/// Column names echoed in messages go through `MessageEcho` (issue 13): escaped, each cut to 40 characters,
/// a header cut after 200 characters with its column count, and no `DataError` description over 1,000
/// characters. The first two cases are the shapes the fuzz smoke found (`chitieu-fuzz --seed 1`, mutants 891
/// and 1062: a header of many spaced words, and one name padded with 600 spaces), whose messages ran to
/// 1,045 and 1,305 characters.
@Suite("Column names in messages")
struct HeaderEchoTests {
    func message(_ text: String, file: String = "h.csv", _ read: ([UInt8], String) throws -> Void) -> String? {
        do {
            try read(Array(text.utf8), file)
            Issue.record("read without an error")
        } catch let error as DataError {
            #expect(error.description.count <= DataError.maxDescription, "\(error.description.count) characters")
            #expect(!MessageEcho.hasControlCharacters(error.description))
            return error.description
        } catch {
            Issue.record("not a DataError: \(error)")
        }
        return nil
    }

    @Test func headerOfManySpacedWordsIsCutWithItsColumnCount() throws {
        let names = (0..<500).map { "cột số \($0) của bảng" }
        let text = names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ",") + "\n"
        let shown = try #require(message(text) { bytes, file in _ = try SeriesReader.read(bytes: bytes, file: file) })
        #expect(shown.contains("missing required column \"indicator_code\" (header: cột số 0 của bảng,cột số 1"), "\(shown)")
        #expect(shown.contains("… (500 columns)"), "\(shown)")
    }

    @Test func paddedColumnNameIsCutTo40Characters() throws {
        let name = "indic" + String(repeating: " ", count: 600) + "x"
        let shown = try #require(message("\(name),b\n1,2\n") { bytes, file in _ = try Target.read(bytes: bytes, file: file) })
        #expect(shown.contains("(header: indic" + String(repeating: " ", count: 35) + "… (606 characters),b)"), "\(shown)")
    }

    @Test func controlCharactersInColumnNamesAreEscaped() throws {
        let shown = try #require(message("a\u{1B}[2J,a\u{1B}[2j\n1,2\n") { bytes, file in
            _ = try SeriesReader.read(bytes: bytes, file: file)
        })
        #expect(shown.contains("column \"a\\u{1B}[2j\" appears twice in the header"), "\(shown)")
    }

    @Test func headerEchoKeepsShortHeadersWhole() {
        #expect(MessageEcho.header(["indicator_code", "region", "year"]) == "indicator_code,region,year")
        #expect(MessageEcho.header(["a\u{0}b"], separator: ";") == "a\\0b")
        let long = MessageEcho.header(Array(repeating: String(repeating: "x", count: 30), count: 100))
        #expect(long.count < 240 && long.hasSuffix("… (100 columns)"), "\(long)")
    }

    @Test func descriptionIsCappedWhateverTheMessage() {
        let words = Array(repeating: "word", count: 1000).joined(separator: " ")
        let error = DataError(file: "f.csv", line: 2, column: 1, message: words, hint: words)
        #expect(error.description.count == DataError.maxDescription)
        #expect(error.description.hasPrefix("f.csv:2:1: word word") && error.description.hasSuffix("…"))
    }
}

/// A header wider than a spreadsheet (16,384 columns) is refused before its names are decoded, by every
/// reader (the fuzz smoke's million-column header took 2.4 s in a debug build; now 0.1 s).
@Suite("Header width")
struct HeaderWidthTests {
    static let wide = "indicator_code,region,year,value" + String(repeating: ",", count: 20_000) + "\nu5mr,VN,2020,12\n"

    @Test(arguments: ["series", "targets", "catalogue"])
    func headerOverTheSpreadsheetLimitIsRefused(reader: String) {
        do {
            let bytes = Array(Self.wide.utf8)
            switch reader {
            case "series": _ = try SeriesReader.read(bytes: bytes, file: "w.csv")
            case "targets": _ = try Target.read(bytes: bytes, file: "w.csv")
            default: _ = try IndicatorCatalogue.read(bytes: bytes, file: "w.csv")
            }
            Issue.record("read without an error")
        } catch let error as DataError {
            #expect(error.line == 1 && error.column == CSVHeader.maxColumns + 1)
            #expect(error.description.contains("w.csv:1:16385: the header has 20004 columns, more than the 16384"), "\(error)")
        } catch {
            Issue.record("not a DataError: \(error)")
        }
    }

    @Test func headerAtTheLimitIsRead() throws {
        let names = ["indicator_code", "region", "year", "value"] + (4..<CSVHeader.maxColumns).map { "extra\($0)" }
        let row = ["u5mr", "VN", "2020", "12"] + Array(repeating: "", count: CSVHeader.maxColumns - 4)
        let text = names.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
        let collection = try SeriesReader.read(bytes: Array(text.utf8), file: "edge.csv")
        #expect(collection.series.first?.observations.first?.value == 12)
    }
}

/// Layout detection does not search a huge header cell for region words (fuzz smoke, seed 1 mutant 1944: a
/// 1 MiB cell of `[` took 1.8 s to classify in a debug build; now 0.3 s for the whole read).
@Suite("Region column detection")
struct RegionColumnTests {
    @Test func regionWordsAreFoundInHeaderCellsOfUsualLength() {
        #expect(WideSheet.regionColumn(["năm", "huyện/thành phố (tên theo quyết định)", "u5mr"]) == 1)
        #expect(WideSheet.regionColumn(["year", "region"]) == 1)
    }

    @Test func cellsLongerThan256BytesAreNotRegionColumns() {
        let long = "huyện " + String(repeating: "[", count: 1 << 20)
        #expect(WideSheet.regionColumn(["năm", long, "u5mr"]) == nil)
        #expect(WideSheet.regionColumn(["năm", long, "region"]) == 2)
    }
}
