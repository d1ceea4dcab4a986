import Foundation
import IndicatorData
import Testing

private func read(_ text: String, file: String = "t.csv", options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
    try SeriesReader.read(bytes: Array(text.utf8), file: file, options: options)
}

@Suite("Tidy series reader")
struct SeriesReaderTests {
    @Test("groups rows by (indicator, region), sorts years, keeps provenance and extra columns")
    func groupsAndSorts() throws {
        let s = try read("""
            indicator_code,region,year,value,unit,source,flag,text_vi,plan_row
            u5mr,VN,2021,20.6,per 1000,WDI,,,
            u5mr,VN,2020,21.0,per 1000,WDI,,,
            imr,VN-28,2023,33.5,per 1000,plan,estimate,"33,5",19

            """)
        #expect(s.count == 2)
        #expect(s.keys == [SeriesKey(indicator: "imr", region: "VN-28"), SeriesKey(indicator: "u5mr", region: "VN")])
        let u5 = try #require(s["u5mr", "VN"])
        #expect(u5.years == [2020, 2021])
        #expect(u5.values == [21.0, 20.6])
        #expect(u5.observations.first?.provenance.line == 3)
        let imr = try #require(s["imr", "VN-28"])
        let p = try #require(imr.observations.first?.provenance)
        #expect(p.flag == "estimate")
        #expect(p.extra == ["text_vi": "33,5", "plan_row": "19"])
        #expect(p.source == "plan")
        #expect(s.rowCount == 3)
    }

    @Test("an empty value is reported as missing with file and line, never read as zero")
    func missingCells() throws {
        let s = try read("indicator_code,region,year,value\nu5mr,VN,2019,21.6\nu5mr,VN,2020,\nu5mr,VN,2021,20.6\n")
        #expect(s["u5mr", "VN"]?.years == [2019, 2021])
        #expect(s.missing == [MissingCell(file: "t.csv", line: 3, indicator: "u5mr", region: "VN", year: 2020)])
        #expect(s.missing.first?.description == "t.csv:3: u5mr @ VN 2020: value missing")
    }

    @Test("semicolon delimiter and decimal comma (a Vietnamese Excel export)")
    func semicolonComma() throws {
        let s = try read("indicator_code;region;year;value\nstunting_u5_pct;VN-28;2023;28,7\n",
                         options: ReadOptions(decimal: .comma))
        #expect(s["stunting_u5_pct", "VN-28"]?.values == [28.7])
    }

    @Test("source priority settles duplicates; the first matching entry wins and the drop is recorded")
    func sourcePriority() throws {
        let text = """
            indicator_code,region,year,value,source
            physicians_per_10k,VN,2019,8.3,WHO NHWA via SDG
            physicians_per_10k,VN,2019,9.06,MoH Health Statistics
            physicians_per_10k,VN,2020,9.81,MoH Health Statistics

            """
        let s = try read(text, options: ReadOptions(sourcePriority: ["MoH", "SDG"]))
        #expect(s["physicians_per_10k", "VN"]?.values == [9.06, 9.81])
        #expect(s.resolvedDuplicates.count == 1)
        #expect(s.resolvedDuplicates.first?.dropped.line == 2)
        let reversed = try read(text, options: ReadOptions(sourcePriority: ["SDG"]))
        #expect(reversed["physicians_per_10k", "VN"]?.values == [8.3, 9.81])
        // Without the option, the duplicate is an error naming both lines.
        let error = try #require(throws: DataError.self) { try read(text) }
        #expect(error.line == 3)
        #expect(error.message.contains("also at line 2"))
    }

    @Test("duplicates across files name the other file")
    func duplicateAcrossFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.csv")
        let b = dir.appendingPathComponent("b.csv")
        try Data("indicator_code,region,year,value\nu5mr,VN,2020,21\n".utf8).write(to: a)
        try Data("indicator_code,region,year,value\nu5mr,VN,2020,22\n".utf8).write(to: b)
        let error = try #require(throws: DataError.self) {
            try SeriesReader.read(contentsOf: [a, b], displayNames: ["a.csv", "b.csv"])
        }
        #expect(error.description.hasPrefix("b.csv:2:3: duplicate key (u5mr, VN, 2020): also at a.csv:2"))
    }

    @Test("catalogue bounds apply to series codes named by the catalogue")
    func boundsBySeriesCode() throws {
        let catalogue = IndicatorCatalogue([
            Indicator(code: "fully_immunized_u1_pct", planRow: "7", group: .outcome, nameVi: "", nameEn: "",
                      unit: "%", direction: .higherIsBetter, lowerBound: 0, upperBound: 100, scale: .logit,
                      nationalSeries: "dtp3_pct", nationalComparable: false, provincialSeries: nil, note: ""),
        ])
        let ok = try read("indicator_code,region,year,value\ndtp3_pct,VN,2013,59\n",
                          options: ReadOptions(catalogue: catalogue))
        #expect(ok["dtp3_pct", "VN"]?.values == [59])
        let error = try #require(throws: DataError.self) {
            try read("indicator_code,region,year,value\ndtp3_pct,VN,2013,100.5\n", options: ReadOptions(catalogue: catalogue))
        }
        #expect(error.message == "value 100.5 is above the upper bound 100 of \"fully_immunized_u1_pct\" (catalogue)")
    }
}
