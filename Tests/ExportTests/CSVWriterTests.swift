import Foundation
import Testing
@testable import Export

@Suite("Tidy and Excel CSV")
struct CSVWriterTests {
    @Test func tidyBytes() throws {
        let data = try TidyCSVWriter().render(sampleProjectionTable())
        let expected = """
            area,indicator,year,kind,value,level,lower,upper
            kontum,u5mr,2022,observed,31.2,,,
            kontum,u5mr,2025,projected,27.85,80,25.1,30.6
            kontum,u5mr,2025,projected,27.85,95,23.7,32

            """
        #expect(String(decoding: data, as: UTF8.self) == expected)
        #expect(!data.starts(with: ExcelCSVWriter.byteOrderMark))
    }

    @Test func rfc4180Quoting() throws {
        let table = try Table(columns: ["name", "note"], rows: [
            [.text("Kon Tum, tỉnh"), .text("say \"hi\"")],
            [.text("line\nbreak"), .text("plain")],
        ])
        let text = String(decoding: try TidyCSVWriter().render(table), as: UTF8.self)
        #expect(text == "name,note\n\"Kon Tum, tỉnh\",\"say \"\"hi\"\"\"\n\"line\nbreak\",plain\n")
        #expect(parseCSV(text) == [["name", "note"], ["Kon Tum, tỉnh", "say \"hi\""], ["line\nbreak", "plain"]])
    }

    @Test func nonFiniteNumbersAreEmpty() throws {
        let table = try Table(columns: ["x"], rows: [[.number(.nan)], [.number(.infinity)]])
        #expect(String(decoding: try TidyCSVWriter().render(table), as: UTF8.self) == "x\n\n\n")
    }

    /// Written numbers read back identical to the last digit (the round-trip test; the end-to-end
    /// version through chitieu's own reader belongs in CLITests once the reader lands).
    @Test func tidyRoundTrip() throws {
        let values: [Double] = [0.1, 1.0 / 3.0, 27.849999999999998, 1e-7, 123456789.125, -4.5, 2.0 / 7.0 * 1e5]
        let table = try Table(columns: ["i", "value"], rows: values.enumerated().map { [.integer($0), .number($1)] })
        let rows = parseCSV(String(decoding: try TidyCSVWriter().render(table), as: UTF8.self))
        #expect(rows.count == values.count + 1)
        for (index, value) in values.enumerated() {
            #expect(Double(rows[index + 1][1]) == value)
        }
    }

    @Test func excelVietnameseLocale() throws {
        let table = try Table(columns: ["Chỉ số", "Giá trị", "Năm"], rows: [
            [.text("Tỷ suất tử vong trẻ em dưới 5 tuổi"), .number(27.85), .integer(2025)],
            [.text("Suy dinh dưỡng; thấp còi"), .number(-0.5, .decimals(2)), .missing],
        ])
        let data = try ExcelCSVWriter(locale: .vi).render(table)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "Chỉ số;Giá trị;Năm\r\nTỷ suất tử vong trẻ em dưới 5 tuổi;27,85;2025\r\n"
                + "\"Suy dinh dưỡng; thấp còi\";-0,50;\r\n")
        // Parses back with `;` and decimal comma.
        let rows = parseCSV(text, separator: ";")
        #expect(rows[1][1] == "27,85")
        #expect(Double(rows[1][1].replacingOccurrences(of: ",", with: ".")) == 27.85)
    }

    @Test func excelEnglishLocale() throws {
        let table = try Table(columns: ["Indicator", "Value"], rows: [[.text("Thấp còi, %"), .number(21.5)]])
        let data = try ExcelCSVWriter(locale: .en).render(table)
        #expect(Array(data.prefix(3)) == ExcelCSVWriter.byteOrderMark)
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "Indicator,Value\r\n\"Thấp còi, %\",21.5\r\n")
    }
}
