import Foundation
import Testing
@testable import Export

@Suite("Table and number formatting")
struct TableTests {
    @Test func columnLookup() throws {
        let table = try sampleProjectionTable()
        #expect(table.columnIndex("year") == 2)
        #expect(table.columnIndex("nope") == nil)
        #expect(try table.column("kind") == [.text("observed"), .text("projected"), .text("projected")])
        #expect(table[1, "level"] == .integer(80))
        #expect(table[7, "level"] == nil)
    }

    @Test func rejectsDuplicateAndEmptyColumnNames() {
        let duplicate = expectExportError { _ = try Table(columns: ["a", "b", "a"]) }
        #expect(duplicate?.message == "The table has two columns named \"a\"; column names must be unique.")
        #expect(duplicate?.exitCode == 65)
        let empty = expectExportError { _ = try Table(columns: ["a", ""]) }
        #expect(empty?.message.contains("empty name") == true)
    }

    @Test func rejectsRowOfWrongWidth() throws {
        var table = try Table(columns: ["a", "b"])
        let error = expectExportError { try table.append([.integer(1)]) }
        #expect(error?.message == "Row 1 has 1 cells but the table has 2 columns (a, b).")
    }

    @Test func missingColumnMessageListsAvailableColumns() throws {
        let table = try Table(columns: ["a", "b"])
        let error = expectExportError { _ = try table.column("year") }
        #expect(error?.message == "The table has no column \"year\" needed for this export; available columns: a, b.")
    }

    @Test func literalsAndLocalizedHeaders() throws {
        let table = try Table(columns: ["area", "year", "value", "custom"], rows: [["kontum", 2025, 27.85, .missing]])
        #expect(table.rows[0] == [.text("kontum"), .integer(2025), .number(27.85), .missing])
        #expect(try table.localizingHeaders(.vi).columns == ["Địa bàn", "Năm", "Giá trị", "custom"])
        #expect(try table.localizingHeaders(.en).columns == ["Area", "Year", "Value", "custom"])
        let clash = try Table(columns: ["year", "Năm"])
        let error = expectExportError { _ = try clash.localizingHeaders(.vi) }
        #expect(error?.message == "The table has two columns named \"Năm\"; column names must be unique.")
    }

    // MARK: - Numbers

    @Test func shortestIsPlainAndRoundTrips() {
        #expect(NumberFormatting.format(25.0) == "25")
        #expect(NumberFormatting.format(0.1) == "0.1")
        #expect(NumberFormatting.format(-0.0) == "0")
        #expect(NumberFormatting.format(1e-5) == "0.00001")
        #expect(NumberFormatting.format(-1.25e-7) == "-0.000000125")
        #expect(NumberFormatting.format(1e16) == "10000000000000000")
        #expect(NumberFormatting.format(1.5e25) == "1.5e+25")
        #expect(NumberFormatting.format(.nan) == nil)
        #expect(NumberFormatting.format(-.infinity) == nil)
    }

    /// Every written number must read back as the identical Double (the tidy CSV round-trip promise).
    /// Values from a fixed SplitMix64 stream spread over many magnitudes.
    @Test func shortestRoundTripsOverManyMagnitudes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for _ in 0..<5000 {
            let mantissa = Double(next() >> 11) / Double(1 << 53)
            let exponent = Int(next() % 50) - 25
            let x = (next() & 1 == 0 ? 1 : -1) * mantissa * pow(10, Double(exponent))
            let text = NumberFormatting.format(x) ?? "nil"
            #expect(Double(text) == x, "\(x) was written as \(text)")
        }
    }

    @Test func decimalsAndSignificantDigits() {
        #expect(NumberFormatting.format(23.456, style: .decimals(1)) == "23.5")
        #expect(NumberFormatting.format(-0.04, style: .decimals(1)) == "0.0")
        #expect(NumberFormatting.format(2, style: .decimals(2)) == "2.00")
        #expect(NumberFormatting.format(0.012345, style: .significant(3)) == "0.0123")
        #expect(NumberFormatting.format(12345, style: .significant(3)) == "12300")
        #expect(NumberFormatting.format(0, style: .significant(3)) == "0.00")
        #expect(NumberFormatting.format(1.5, style: .decimals(-3)) == "2")
    }
}
