import Foundation
import Testing
@testable import IndicatorData

/// Control characters (U+0000–U+001F, U+007F) inside codes are refused at the cell, with the value escaped
/// (issue 13): indicator and region codes of series and targets (full and columnar readers), catalogue codes,
/// units and series codes, region files and mapping files. Clean codes, Vietnamese text and blanks trimmed
/// at either end still read.
@Suite("Control characters in codes")
struct CodeControlCharacterTests {
    static let seriesHeader = "indicator_code,region,year,value,unit\n"
    static let targetHeader = "indicator_code,region,year,value,comparator\n"
    static let catalogueHeader = "code,direction,scale,lower_bound,upper_bound,unit,unit_printed,national_series\n"

    /// The error `body` throws; records an issue when it throws none or another type.
    func dataError(_ body: () throws -> Void) -> DataError? {
        do {
            try body()
            Issue.record("read without an error")
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("not a DataError: \(error)")
        }
        return nil
    }

    func expect(_ error: DataError?, line: Int, column: Int, fragment: String) {
        guard let error else { return }
        #expect(error.exitCode == 65)
        #expect(error.line == line && error.column == column, "position \(error.line):\(error.column) in \(error)")
        #expect(error.description.contains(fragment), "\(error.description)")
        #expect(!MessageEcho.hasControlCharacters(error.description), "\(error.description.debugDescription)")
    }

    func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codes-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func firstControlFindsEveryC0AndDELButNotPrintableText() {
        for value in UInt32(0)..<0x20 {
            let text = "ab" + String(Character(Unicode.Scalar(value)!)) + "c"
            #expect(CodeCheck.firstControl(text)?.position == 3, "U+\(value)")
        }
        #expect(CodeCheck.firstControl("x\u{7F}")?.position == 2)
        #expect(CodeCheck.firstControl("Đắk Glei") == nil)
        #expect(CodeCheck.firstControl("VN-28") == nil)
        #expect(CodeCheck.firstControl("\u{A0}\u{85}") == nil)  // C1 and NBSP: printable per the brief's set
    }

    @Test func seriesIndicatorNULIsRefusedAtTheCell() {
        let bytes = Array((Self.seriesHeader + "u5mr,VN,2020,12,deaths\n").utf8) + Array("u5\u{0}mr,VN,2021,12,deaths\n".utf8)
        let error = dataError { _ = try SeriesReader.read(bytes: bytes, file: "s.csv") }
        expect(error, line: 3, column: 1, fragment: "s.csv:3:1: indicator_code \"u5\\0mr\" contains the control character U+0000")
    }

    @Test func seriesRegionAndUnitAreChecked() {
        let region = dataError { _ = try SeriesReader.read(bytes: Array((Self.seriesHeader + "u5mr,\"VN\u{1B}28\",2020,12,x\n").utf8), file: "r.csv") }
        expect(region, line: 2, column: 2, fragment: "region \"VN\\u{1B}28\" contains the control character U+001B")
        let unit = dataError { _ = try SeriesReader.read(bytes: Array((Self.seriesHeader + "u5mr,VN,2020,12,\"per\n1000\"\n").utf8), file: "u.csv") }
        expect(unit, line: 2, column: 5, fragment: "unit \"per\\n1000\" contains the control character U+000A")
    }

    @Test func columnarFastPathLeavesTheFileToTheFullReader() throws {
        let url = try temporaryFile(Array((Self.seriesHeader + "u5mr,VN,2020,12,x\nu5mr\u{7F},VN,2020,12,x\n").utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let error = dataError { _ = try SeriesReader.readColumns(contentsOf: [url], displayNames: ["c.csv"]) }
        expect(error, line: 3, column: 1, fragment: "U+007F")
    }

    @Test func targetsFullAndColumnarReadersRefuseControlCodes() throws {
        let text = Self.targetHeader + "u5mr,VN-\u{9}28,2030,20,<=\n"
        let full = dataError { _ = try Target.read(bytes: Array(text.utf8), file: "t.csv") }
        expect(full, line: 2, column: 2, fragment: "t.csv:2:2: region \"VN-\\t28\"")
        let url = try temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let columns = dataError { _ = try Target.readColumns(contentsOf: url, displayName: "t.csv") }
        expect(columns, line: 2, column: 2, fragment: "region \"VN-\\t28\"")
    }

    @Test func catalogueCodesUnitsAndSeriesCodesAreChecked() {
        let cases: [(String, Int, String)] = [
            ("u5\u{0}mr,lower,log,0,,deaths,,\n", 1, "code \"u5\\0mr\""),
            ("u5mr,lower,log,0,,dea\u{7}ths,,\n", 6, "unit \"dea\\u{7}ths\""),
            ("u5mr,lower,log,0,,deaths,\"‰\u{1F}\",\n", 7, "unit_printed"),
            ("u5mr,lower,log,0,,deaths,,u5\u{0}\n", 8, "national_series \"u5\\0\""),
        ]
        for (row, column, fragment) in cases {
            let error = dataError { _ = try IndicatorCatalogue.read(bytes: Array((Self.catalogueHeader + row).utf8), file: "c.csv") }
            expect(error, line: 2, column: column, fragment: fragment)
        }
    }

    @Test func regionFilesAndMappingsAreChecked() throws {
        let regions = "code,parent\nVN,\nVN-\u{0}28,VN\n"
        let error = dataError { _ = try RegionHierarchy.read(bytes: Array(regions.utf8), file: "regions.csv") }
        expect(error, line: 3, column: 1, fragment: "code \"VN-\\0")
        let url = try temporaryFile(Array("dataelement,indicator\nabc,u5\u{1}mr\n".utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let mapping = dataError { _ = try SourceMapping.read(contentsOf: url, displayName: "map.csv") }
        expect(mapping, line: 2, column: 2, fragment: "indicator \"u5\\u{1}mr\"")
    }

    @Test func cleanCodesStillRead() throws {
        let text = Self.seriesHeader + "u5mr,Đắk Glei,2020,12,‰\nu5mr,\" VN-28\t\",2020,11,x\n"
        let collection = try SeriesReader.read(bytes: Array(text.utf8), file: "ok.csv")
        #expect(collection.series.map(\.region).sorted() == ["VN-28", "Đắk Glei"])
    }
}
