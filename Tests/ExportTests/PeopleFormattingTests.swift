import Foundation
import Testing
@testable import Export

/// Numbers for people: reference strings written by hand from the rules (three significant digits, the
/// language's decimal mark and thousands separator, money in millions or billions).
@Suite("Numbers for people")
struct PeopleFormattingTests {
    /// The issue's examples: `12.969161981965659` in a table, `1601662673504 VND` as a cost.
    @Test func issueExamples() {
        #expect(PeopleNumber.format(12.969161981965659, .en) == "13.0")
        #expect(PeopleNumber.format(12.969161981965659, .vi) == "13,0")
        #expect(PeopleNumber.money(1_601_662_673_504, currency: "VND", .en) == "VND 1,601.7 bn")
        #expect(PeopleNumber.money(1_601_662_673_504, currency: "VND", .vi) == "1.601,7 tỷ đồng")
    }

    @Test(arguments: [
        (0.34567, "0.346", "0,346"), (1.0, "1.00", "1,00"), (28.66, "28.7", "28,7"), (100.4, "100", "100"),
        (1234.5, "1,230", "1.230"), (-0.00123456, "-0.00123", "-0,00123"), (1_601_662.0, "1,600,000", "1.600.000"),
        (0.0, "0.00", "0,00"),
    ])
    func threeSignificantDigits(x: Double, en: String, vi: String) {
        #expect(PeopleNumber.format(x, .en) == en)
        #expect(PeopleNumber.format(x, .vi) == vi)
    }

    @Test func moneyUnits() {
        #expect(PeopleNumber.money(12_345_678, currency: "VND", .en) == "VND 12.3 million")
        #expect(PeopleNumber.money(12_345_678, currency: "VND", .vi) == "12,3 triệu đồng")
        #expect(PeopleNumber.money(950_000, currency: "VND", .en) == "VND 950,000")
        #expect(PeopleNumber.money(950_000, currency: "VND", .vi) == "950.000 đồng")
        #expect(PeopleNumber.money(-2.5e9, currency: "USD", .vi) == "-2,5 tỷ USD")
        #expect(PeopleNumber.money(.nan, currency: "VND", .en) == nil)
    }

    @Test func percentsAndProbabilities() {
        #expect(PeopleNumber.percent(0.8, .en) == "80%")
        #expect(PeopleNumber.percent(0.975, .vi) == "97,5%")
        #expect(PeopleNumber.probability(0.1623, .vi) == "0,16")
    }

    /// A value is never printed with more significant digits than three, and reads back within half a
    /// unit of its last shown digit (the rounding is to nearest).
    @Test func roundingIsToNearestAtThreeDigits() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let x = Double.random(in: -1e7...1e7, using: &generator) / pow(10, Double(Int.random(in: 0...8)))
            guard x != 0, let text = PeopleNumber.format(x, .en) else { continue }
            let back = Double(text.replacingOccurrences(of: ",", with: ""))!
            let unit = pow(10, floor(log10(abs(x))) - 2)
            #expect(abs(back - x) <= unit / 2 * (1 + 1e-9), "\(x) shown as \(text)")
        }
    }

    @Test func styleInferenceFromTidyNames() {
        let numbers: [Cell] = [.number(0.5), .missing]
        #expect(ColumnStyle.infer(column: "p_attain", cells: numbers) == .probability)
        #expect(ColumnStyle.infer(column: "p_attain_se", cells: numbers) == .number)
        #expect(ColumnStyle.infer(column: "year", cells: [.integer(2025)]) == .year)
        #expect(ColumnStyle.infer(column: "draws", cells: [.integer(100_000)]) == .count)
        #expect(ColumnStyle.infer(column: "level", cells: numbers) == .percent)
        #expect(ColumnStyle.infer(column: "total_cost", cells: numbers) == .money(currency: "VND"))
        #expect(ColumnStyle.infer(column: "verdict", cells: [.text("Likely")]) == .verdict)
        #expect(ColumnStyle.infer(column: "value", cells: [.text("a")]) == .text)
    }

    /// The table for people: numbers rounded and localized, codes and headers translated, missing kept.
    @Test func peopleTableInVietnamese() throws {
        let table = try Table(columns: ["area", "year", "kind", "value", "level"], rows: [
            [.text("VN"), .integer(2030), .text("projected"), .number(12.969161981965659), .number(0.95)],
            [.text("VN"), .integer(2023), .text("observed"), .number(1234.5), .missing],
        ])
        let people = try PeopleTable(table, language: .vi)
        #expect(people.table.columns == ["Địa bàn", "Năm", "Loại", "Giá trị", "Mức tin cậy"])
        #expect(people.table.rows[0] == [.text("VN"), .text("2030"), .text("Dự báo"), .text("13,0"), .text("95%")])
        #expect(people.table.rows[1] == [.text("VN"), .text("2023"), .text("Số liệu thực tế"), .text("1.230"), .missing])
        #expect(people.styles.map(\.isNumeric) == [false, true, false, true, true])
    }

    @Test func columnHeadersByParts() {
        #expect(ColumnHeader.text("p_2025", .vi) == "P(đạt 2025)")
        #expect(ColumnHeader.text("se_2030", .en) == "SE of P(attain 2030)")
        #expect(ColumnHeader.text("BAU median", .vi) == "BAU: Trung vị")
        #expect(ColumnHeader.text("Chỉ số", .vi) == "Chỉ số")
    }

    @Test func verdictTextsMapToTheChartCategories() {
        #expect(VerdictCategory(verdictText: "Likely") == .likely)
        #expect(VerdictCategory(verdictText: "Met (at baseline)") == .met)
        #expect(VerdictCategory(verdictText: "Chưa chắc chắn (Có điều kiện)") == .uncertain)
        #expect(VerdictCategory(verdictText: "Không thể đánh giá") == .noData)
        #expect(VerdictCategory(verdictText: "on_track") == nil)
        #expect(VerdictCategory.offTrack.rgb == 0xB2182B)
    }
}
