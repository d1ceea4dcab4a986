import Attainment
import Foundation
import IndicatorData
import Planning
import Scenarios

/// A fan chart with one fan per scenario run, built once for `chitieu plot --scenario …`, `scenario compare
/// --plot` and the report's scenario section.
///
/// Each fan is the runner's own yearly rows (`ScenarioResult.bands(indicator:)`: central value, 80 % and
/// 95 % intervals, analytic for trend levers and Monte Carlo quantiles for resources), so the chart shows
/// exactly the numbers `scenario run --format csv --paths` prints; nothing is projected a second time. The
/// observed history and the plan's targets come from the first run's inputs and are drawn once.
public struct ScenarioFanChart: Sendable {
    public var chart: FanChart
    /// The positions (in the runs given) of the runs drawn: those that project the indicator.
    public var drawn: [Int]

    /// The chart of `indicator` over `runs`; nil when no run projects it.
    /// - Parameter regionTitle: the region in the title ("Kon Tum (VN-28)"); nil: the indicator's name only.
    public static func make(_ runs: [ScenarioAssessment], indicator: Indicator, regionTitle: String?,
                            language: Language, width: Double = 720, height: Double = 420) -> ScenarioFanChart? {
        guard let first = runs.first else { return nil }
        var fans: [FanSeries] = [], drawn: [Int] = []
        for (position, run) in runs.enumerated() {
            let points = fanPoints(run.result.bands(indicator: indicator.code))
            guard !points.isEmpty else { continue }
            fans.append(FanSeries(name: run.result.name, points: points))
            drawn.append(position)
        }
        guard !fans.isEmpty else { return nil }
        let observed = (first.inputs.series[indicator.code]?.observations ?? []).map {
            ChartPoint(year: Double($0.year), value: $0.value)
        }
        let markers = PlanChartData.targets(first.inputs.targets, indicator: indicator, region: first.result.region)
        var title = language == .vi ? indicator.nameVi : indicator.nameEn
        if let regionTitle { title += " — \(regionTitle)" }
        // One fan has no scenario legend entry (FanChart labels it "Projected"): name it in the title.
        if fans.count == 1, let only = fans.first { title += " — \(only.name)" }
        let chart = FanChart(title: title, yLabel: PlanChartData.unitLabel(indicator.unit, language), observed: observed,
                             fans: fans, targets: markers, language: language, width: width, height: height)
        return ScenarioFanChart(chart: chart, drawn: drawn)
    }

    /// Chart points from the runner's bands. A year without intervals (a resource's base year, whose value
    /// the file gives) is drawn with a zero-width band so the fan starts from the known value; a year whose
    /// numbers are not finite or not nested is dropped (as `PlanChartData.fan` does).
    public static func fanPoints(_ bands: [ScenarioYearBand]) -> [FanPoint] {
        bands.compactMap { band -> FanPoint? in
            let i80 = band.pi80 ?? ClosedInterval(lower: band.central, upper: band.central)
            let i95 = band.pi95 ?? i80
            let point = FanPoint(year: Double(band.year), mean: band.central, lower80: i80.lower, upper80: i80.upper,
                                 lower95: i95.lower, upper95: i95.upper)
            let values = [point.mean, point.lower80, point.upper80, point.lower95, point.upper95]
            guard values.allSatisfy(\.isFinite), point.lower95 <= point.lower80, point.lower80 <= point.upper80,
                  point.upper80 <= point.upper95 else { return nil }
            return point
        }
    }

    /// What the lines and bands are.
    public static func intervalNote(_ language: Language) -> String {
        switch language {
        case .en:
            return "Lines: each scenario's central path; bands: its 80/95 % intervals as `chitieu scenario run` "
                + "computes them (analytic t intervals for trend levers, Monte Carlo quantiles for resources)."
        case .vi:
            return "Đường: giá trị trung tâm của từng kịch bản; dải màu: khoảng 80/95 % như `chitieu scenario run` "
                + "tính (khoảng t giải tích cho đòn bẩy xu hướng, phân vị Monte Carlo cho nguồn lực)."
        }
    }
}
