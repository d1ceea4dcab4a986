import IndicatorData

/// How much a projection moves when the fit window's start moves.
///
/// AARR-based verdicts are known to depend on the window (UNICEF/WHO JME tracking notes use fixed
/// windows for this reason); chitieu reports the spread instead of hiding it.
public struct WindowSensitivity: Sendable {
    public let year: Int
    /// Central projection with the chosen window.
    public let base: Double
    /// (window start, projection) for each shifted window that could be fitted.
    public let alternatives: [(start: Int, value: Double)]

    /// max − min over the base and the alternatives.
    public var range: Double {
        let all = alternatives.map(\.value) + [base]
        return (all.max() ?? base) - (all.min() ?? base)
    }

    /// Refits with the window start shifted by −shift…+shift years (keeping the end) and reports the
    /// projection for `year` under each. Windows that leave fewer than the minimum points are skipped.
    public static func compute(series: Series, indicator: Indicator?, options: TrendOptions, year: Int,
                               shift: Int = 3) throws -> WindowSensitivity {
        let baseFit = try TrendFitter.fit(series, indicator: indicator, options: options)
        let start = baseFit.window.lowerBound
        let end = options.window?.upperBound ?? baseFit.window.upperBound
        var alternatives: [(start: Int, value: Double)] = []
        for delta in -shift...shift where delta != 0 {
            let s = start + delta
            guard s < end else { continue }
            var shifted = options
            shifted.window = s...end
            if let fit = try? TrendFitter.fit(series, indicator: indicator, options: shifted),
               fit.window.lowerBound != baseFit.window.lowerBound || fit.points != baseFit.points {
                alternatives.append((s, fit.predictive(year: year).median))
            }
        }
        return WindowSensitivity(year: year, base: baseFit.predictive(year: year).median, alternatives: alternatives)
    }
}
