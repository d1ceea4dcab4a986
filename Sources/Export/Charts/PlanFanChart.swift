import Foundation
import IndicatorData
import Projection

/// A plan indicator's fan chart and its footnote lines, built once for `chitieu plot --indicator` and for
/// each assessed indicator of the HTML report, so both draw the same numbers from the same projection.
///
/// The fan is the projection's predictive distribution year by year (`PlanChartData.fan`: median, 80 % and
/// 95 % prediction intervals, the calibration included), the observed points are the regional series the
/// projection used, and the targets are the plan's, with the comparator the scorecard resolved.
public struct PlanFanChart: Sendable {
    public var chart: FanChart
    /// Model, method and, without a projection, why there is none (the caller adds the data files).
    public var notes: [String]
    /// Whether the chart has a projected fan (false: the observed data only).
    public var isProjected: Bool

    /// The chart of `projection` up to `lastYear`; nil when there is nothing to draw (no observed value and
    /// no fan).
    /// - Parameters:
    ///   - regionTitle: the region as the title names it ("Kon Tum (VN-28)", `RegionNames.title`); nil: the
    ///     indicator's name only (the report names the region once, in its title).
    ///   - calibrated: whether the intervals carry the backtest calibration (said in the footnote).
    public static func make(indicator: Indicator, projection: IndicatorProjection, targets: [TargetMarker],
                            regionTitle: String?, calibrated: Bool, lastYear: Int, language: Language,
                            width: Double = 720, height: Double = 420) -> PlanFanChart? {
        let observed = PlanChartData.observed(projection)
        var fans: [FanSeries] = []
        var notes: [String] = []
        if let fit = projection.fit {
            let points = PlanChartData.fan(fit, to: lastYear)
            if !points.isEmpty { fans = [FanSeries(name: Label.projected.text(language), points: points)] }
            notes.append(PlanChartData.modelNote(fit, calibrated: calibrated, language))
            if let note = PlanChartData.methodNote(fit, language) { notes.append(note) }
            if let reason = projection.reason { notes.append(NoteText.localized(reason, language)) }
        } else {
            let reason = NoteText.localized(projection.reason ?? "no usable series", language)
            notes.append((language == .vi ? "Không dự báo được: " : "No projection: ") + reason)
        }
        guard !observed.isEmpty || !fans.isEmpty else { return nil }
        let name = language == .vi ? indicator.nameVi : indicator.nameEn
        let chart = FanChart(title: regionTitle.map { "\(name) — \($0)" } ?? name,
                             yLabel: PlanChartData.unitLabel(indicator.unit, language), observed: observed,
                             fans: fans, targets: targets, language: language, width: width, height: height)
        return PlanFanChart(chart: chart, notes: notes, isProjected: !fans.isEmpty)
    }
}
