import Foundation
import IndicatorData
import Testing

/// The aggregation rules with hand-computed numbers (fixture: `Fixtures/import/dhis2_subannual.csv`).
@Suite("Periods and their aggregation to years")
struct PeriodAggregationTests {
    @Test("DHIS2 and SDMX period forms", arguments: [
        ("2024", Period.year(2024)), ("202401", .month(2024, 1)), ("2024-01", .month(2024, 1)),
        ("2024-M12", .month(2024, 12)), ("2024Q1", .quarter(2024, 1)), ("2024-Q4", .quarter(2024, 4)),
        ("2024S2", .half(2024, 2)), ("2024-A1", .year(2024)), ("January 2024", .month(2024, 1)),
    ])
    func parse(_ text: String, _ expected: Period) throws {
        #expect(try Period.parse(text).get() == expected)
    }

    @Test("weeks, financial years, dates and nonsense are refused with a reason", arguments: [
        ("2024W05", Period.Refusal.weekly), ("2024-W05", .weekly), ("2024April", .financialYear),
        ("2024-03-31", .dated), ("202413", .notAPeriod), ("2024Q5", .notAPeriod), ("FY24", .notAPeriod),
        ("1850", .yearOutOfRange(1850)),
    ])
    func refuse(_ text: String, _ refusal: Period.Refusal) {
        guard case .failure(let r) = Period.parse(text) else { Issue.record("\(text) was accepted"); return }
        #expect(r == refusal)
    }

    @Test("completeness threshold: 10 of 12 months, 4 of 4 quarters, 2 of 2 halves")
    func threshold() {
        #expect(PeriodAggregation.required(perYear: 12) == 10)
        #expect(PeriodAggregation.required(perYear: 4) == 4)
        #expect(PeriodAggregation.required(perYear: 2) == 2)
    }

    private func months(_ year: Int, _ values: [Double]) -> [PeriodAggregation.Part] {
        values.enumerated().map { PeriodAggregation.Part(period: .month(year, $0.offset + 1), value: $0.element) }
    }

    @Test("sum: complete year; 11 months annualised ×12/11; 9 months is a partial year")
    func sums() throws {
        // 3+4+6+2+1+0+1+2+3+5+4+2 = 33.
        #expect(try PeriodAggregation.aggregate(months(2023, [3, 4, 6, 2, 1, 0, 1, 2, 3, 5, 4, 2]), rule: .sum)
            == .annual(value: 33, flag: nil))
        // 2+3+5+1+1+0+1+2+2+4+3 = 24 over 11 months → 24·12/11 = 26.18181818…
        guard case .annual(let v, let flag) = try PeriodAggregation.aggregate(months(2022, [2, 3, 5, 1, 1, 0, 1, 2, 2, 4, 3]),
                                                                             rule: .sum) else { Issue.record("not annual"); return }
        #expect(abs(v - 288.0 / 11.0) < 1e-12)
        #expect(flag == "annualised from 11 of 12 months")
        guard case .partial(let f) = try PeriodAggregation.aggregate(months(2024, [5, 3, 7]), rule: .sum) else {
            Issue.record("not partial"); return
        }
        #expect(f.value == 15 && f.present == 3 && f.throughMonth == 3 && f.contiguous)
    }

    @Test("mean: denominator-weighted Σwx/Σw, equal weights without denominators")
    func means() throws {
        let rates: [Double] = [80, 90, 85, 95], births: [Double] = [100, 120, 110, 130]
        let weighted = (0..<4).map { PeriodAggregation.Part(period: .quarter(2023, $0 + 1), value: rates[$0], weight: births[$0]) }
        // (80·100 + 90·120 + 85·110 + 95·130) / 460 = 40500 / 460 = 88.04347826…
        guard case .annual(let v, nil) = try PeriodAggregation.aggregate(weighted, rule: .mean) else { Issue.record("not annual"); return }
        #expect(abs(v - 40500.0 / 460.0) < 1e-12)
        let equal = (0..<4).map { PeriodAggregation.Part(period: .quarter(2023, $0 + 1), value: rates[$0]) }
        #expect(try PeriodAggregation.aggregate(equal, rule: .mean) == .annual(value: 87.5, flag: nil))
    }

    @Test("a period given twice and mixed period kinds are errors")
    func failures() {
        #expect(throws: PeriodAggregation.Failure.duplicate(.month(2023, 2))) {
            try PeriodAggregation.aggregate(self.months(2023, [1, 2]) + self.months(2023, [1, 2]).suffix(1), rule: .sum)
        }
        #expect(throws: PeriodAggregation.Failure.self) {
            try PeriodAggregation.aggregate([.init(period: .month(2023, 1), value: 1), .init(period: .quarter(2023, 2), value: 1)],
                                            rule: .sum)
        }
    }

    @Test("a DHIS2 file with months and quarters: years by the mapping's rules, the partial year kept apart")
    func dhis2Subannual() throws {
        let url = try fixtureURL("import/dhis2_subannual.csv")
        let mapping = try fixtureURL("import/kontum_mapping.csv").path
        let s = try InputReader.read([FileSpec.parse(url.path + ":mapping=" + mapping)])
        let cases = try #require(s["varicella_cases", "VN-28-DAK_TO"])
        #expect(cases.years == [2022, 2023])
        #expect(abs(cases.values[0] - 288.0 / 11.0) < 1e-12)
        #expect(cases.values[1] == 33)
        #expect(cases.observations[0].provenance.flag == "annualised from 11 of 12 months")
        #expect(cases.observations[1].provenance.source == "DHIS2 VrcNewCas01/DakTo000001/HllvX50cXC0: sum of 12 months 202301–202312")
        let rate = try #require(s["fully_immunized_u1_pct", "VN-28-DAK_GLEI"])
        #expect(abs((rate.value(in: 2023) ?? 0) - 40500.0 / 460.0) < 1e-12)
        #expect(s.partialYears.map(\.year) == [2024])
        #expect(s.partialYears.first?.figure.value == 15)
        #expect(s.warnings.map(\.message).contains {
            $0.hasPrefix("varicella_cases @ VN-28-DAK_TO 2024: 3 of 12 months, below the completeness threshold of 10")
        })
    }
}

@Suite("Year to date against the annual target")
struct YearToDateTests {
    @Test("share of the year elapsed by days, share of the target reached, pace")
    func shares() throws {
        // 1 January–31 March 2024 = 31 + 29 + 31 = 91 days of 366 (leap year).
        let y = YearToDate(key: SeriesKey(indicator: "varicella_cases", region: "VN-28-DAK_TO"), year: 2024, value: 15,
                           throughMonth: 3, target: 60)
        #expect(y.dayOfYear == 91)
        #expect(abs(y.shareElapsed - 91.0 / 366.0) < 1e-15)
        #expect(y.shareReached == 0.25)
        #expect(abs((y.pace ?? 0) - 0.25 * 366.0 / 91.0) < 1e-12)
        #expect(abs(y.evenRateAnnual - 15.0 * 366.0 / 91.0) < 1e-12)
        #expect(YearToDate(key: y.key, year: 2023, value: 1, throughMonth: 3, target: 1).dayOfYear == 90)
    }

    @Test("the March 2024 report's cumulative rows are year-to-date figures compared with their target")
    func marchReport() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("Datasets/kontum/report_2024_03_district_cases.csv")
        let s = try InputReader.read([FileSpec.bundled(url, relativePath: "kontum/report_2024_03_district_cases.csv")])
        // An annual ceiling of 150 varicella cases for the province (a made-up target for the comparison).
        let target = Target(indicator: "varicella_cases_ytd", region: "VN-28", year: 2024, value: 150, comparator: .lessOrEqual,
                            kind: .level, text: "150", provenance: Provenance(file: "test", line: 0, source: "test"))
        let found = YearToDate.compare(s, targets: [target])
        #expect(found.count == 1)
        // Report: 42 cases to 31/3/2024 (varicella_cases_ytd, VN-28).
        #expect(found.first?.value == 42)
        #expect(found.first?.endDate == "2024-03-31")
        #expect(found.first?.shareReached == 0.28)
    }
}
