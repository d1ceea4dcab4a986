import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import Testing
import TestSupport

@Suite("Sparse regional series: national-slope shift, window sensitivity, auto model choice")
struct NationalBorrowingTests {
    static let provenance = Provenance(file: "test", line: 0, source: "test value")

    static func regional(_ points: [(Int, Double)]) -> Series {
        Series(indicator: "u5mr", region: "VN-28", unit: "‰",
               observations: points.map { Observation(year: $0.0, value: $0.1, provenance: provenance) })
    }

    @Test("shift method: starts at the regional value, follows the national slope, says so")
    func shift() throws {
        let national = try NationalData.series("u5mr")
        let options = TrendOptions(scale: .log)
        let nationalFit = try TrendFitter.fit(national, indicator: nil, options: options)
        let fit = try TrendFitter.fitBorrowingNational(provincial: Self.regional([(2023, 42)]), national: national,
                                                        indicator: nil, options: options)
        #expect(fit.method == .nationalSlopeShift(national: national.key))
        #expect(fit.anchorYear == 2023)
        #expect(abs(fit.predictive(year: 2023).median - 42) < 1e-12)
        #expect(fit.slope == nationalFit.slope)
        // 2030 median = 42 · e^(7·b_N)
        expectRelative(fit.predictive(year: 2030).median, 42 * Foundation.exp(7 * nationalFit.slope), 1e-12, "2030")
        #expect(fit.warnings.contains { $0.contains("national slope from VN") })
        #expect(fit.warnings.contains { $0.contains("cannot include the provincial-vs-national dispersion") })
        // Wider than the national own-trend interval: the anchor observation's noise counts too.
        #expect(fit.predictive(year: 2030).scale > nationalFit.predictive(year: 2030).scale)
    }

    @Test("shift method with ≥ 3 regional points adds their dispersion around the national line")
    func dispersion() throws {
        let national = try NationalData.series("u5mr")
        let options = TrendOptions(scale: .log)
        let sparse = try TrendFitter.fitBorrowingNational(
            provincial: Self.regional([(2015, 50), (2019, 41), (2023, 44)]), national: national, indicator: nil,
            options: options)
        #expect(sparse.extraVariance > 0)
        #expect(!sparse.warnings.contains { $0.contains("cannot include") })
        let two = try TrendFitter.fitBorrowingNational(
            provincial: Self.regional([(2019, 41), (2023, 44)]), national: national, indicator: nil, options: options)
        #expect(two.extraVariance == 0)
        #expect(sparse.predictive(year: 2030).scale > two.predictive(year: 2030).scale)
    }

    static func indicator(code: String, national: String?, comparable: Bool) -> Indicator {
        Indicator(code: code, planRow: "1", group: .impact, nameVi: code, nameEn: code, unit: "", direction: .lowerIsBetter,
                  lowerBound: 0, upperBound: nil, scale: .log, nationalSeries: national, nationalComparable: comparable,
                  provincialSeries: code, note: "measures something else")
    }

    @Test("PlanProjector: own trend with enough points, shift with few, refusal for a non-comparable national series")
    func planProjector() throws {
        let national = try NationalData.series("u5mr")
        var data: [SeriesKey: Series] = [national.key: national]
        let few = Self.regional([(2023, 42)])
        data[few.key] = few
        let comparable = Self.indicator(code: "u5mr", national: "u5mr", comparable: true)
        let shifted = PlanProjector.project(indicator: comparable, region: "VN-28", data: data, policy: ProjectionPolicy())
        #expect(shifted.fit?.method == .nationalSlopeShift(national: national.key))
        let proxy = Self.indicator(code: "u5mr", national: "u5mr", comparable: false)
        let refused = PlanProjector.project(indicator: proxy, region: "VN-28", data: data, policy: ProjectionPolicy())
        #expect(refused.fit == nil)
        #expect(refused.reason?.contains("--allow-proxy") == true)
        let allowed = PlanProjector.project(indicator: proxy, region: "VN-28", data: data,
                                            policy: ProjectionPolicy(allowProxy: true))
        #expect(allowed.fit != nil && allowed.reason?.contains("proxy") == true)
        let own = PlanProjector.project(indicator: comparable, region: "VN", data: data, policy: ProjectionPolicy())
        #expect(own.fit?.method == .trend)
        #expect(own.sensitivity.map { !$0.alternatives.isEmpty } == true)
        let none = PlanProjector.project(indicator: comparable, region: "VN-99", data: data,
                                         policy: ProjectionPolicy())
        #expect(none.fit == nil && none.reason?.contains("no regional data point") == true)
    }

    @Test("3–4 regional points and no usable national series: own trend, labelled as resting on few points")
    func fewPointsFallBackToOwnTrend() throws {
        let four = Self.regional([(2013, 80), (2017, 88.2), (2018, 88.5), (2023, 93.5)])
        let indicator = Self.indicator(code: "u5mr", national: nil, comparable: false)
        let projection = PlanProjector.project(indicator: indicator, region: "VN-28", data: [four.key: four],
                                               policy: ProjectionPolicy())
        #expect(projection.fit?.method == .trend)
        #expect(projection.fit?.points == 4)
        #expect(projection.reason?.contains("own trend on only 4 regional points") == true)
        #expect(projection.reason?.contains("no national series") == true)
        let two = Self.regional([(2018, 88.5), (2023, 93.5)])
        let none = PlanProjector.project(indicator: indicator, region: "VN-28", data: [two.key: two],
                                         policy: ProjectionPolicy())
        #expect(none.fit == nil)
        #expect(none.reason?.hasPrefix("2 regional point(s), fewer than 5 for an own trend, and no national series "
            + "for u5mr; no reference class for the mortality family in this run's calibration") == true)
    }

    @Test("window sensitivity reports the projection under shifted window starts")
    func windowSensitivity() throws {
        let series = try NationalData.series("tfr")
        let s = try WindowSensitivity.compute(series: series, indicator: nil,
                                              options: TrendOptions(scale: .log, window: 2005...2023), year: 2030)
        #expect(s.alternatives.map(\.start) == [2002, 2003, 2004, 2006, 2007, 2008])
        #expect(s.range > 0)
        let base = try TrendFitter.fit(series, indicator: nil, options: TrendOptions(scale: .log, window: 2005...2023))
        #expect(s.base == base.predictive(year: 2030).median)
    }

    @Test("auto: a log-linear series chooses a scale by backtest and says why; a short one keeps the default")
    func autoSelection() throws {
        let series = Series(indicator: "x", region: "R", unit: "", observations: (2000...2020).map {
            Observation(year: $0, value: 80 * Foundation.pow(0.9, Double($0 - 2000)) * (1 + 0.002 * Double($0 % 3)),
                        provenance: Self.provenance)
        })
        let choice = ModelSelection.choose(series: series, indicator: nil, base: TrendOptions(scale: .linear))
        #expect(choice.options.scale == .log)
        #expect(choice.reason.contains("leave-last-3-out backtest") && choice.reason.contains("MASE"))
        #expect(!choice.candidates.isEmpty)
        let short = ModelSelection.choose(series: series.window(2015...2018), indicator: nil, base: TrendOptions())
        #expect(short.candidates.isEmpty && short.reason.contains("too short for a backtest"))
    }
}
