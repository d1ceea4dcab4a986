import IndicatorData

/// Rules for choosing how each plan indicator is projected for a region.
public struct ProjectionPolicy: Sendable {
    /// Base fit options (window, weights, driver, calibration); `scale` nil = catalogue default.
    public var options: TrendOptions
    /// A regional series with at least this many points is projected on its own trend.
    public var ownTrendMinimum: Int
    /// Borrow the national slope (shift method) when the region has fewer points.
    public var borrowNational: Bool
    /// Also borrow from a national series the catalogue marks as measuring something different (labelled
    /// "proxy"). Off by default: chitieu never mixes different measures silently.
    public var allowProxy: Bool
    /// Choose scale and window by backtest (`--model auto`).
    public var auto: Bool
    /// The national region code.
    public var nationalRegion: String
    /// Interval calibration per indicator code (from the shipped backtest calibration); an indicator not
    /// listed uses `options.calibration`.
    public var calibrations: [String: IntervalCalibration] = [:]

    public init(options: TrendOptions = TrendOptions(), ownTrendMinimum: Int = 5, borrowNational: Bool = true,
                allowProxy: Bool = false, auto: Bool = false, nationalRegion: String = "VN") {
        self.options = options
        self.ownTrendMinimum = ownTrendMinimum
        self.borrowNational = borrowNational
        self.allowProxy = allowProxy
        self.auto = auto
        self.nationalRegion = nationalRegion
    }
}

/// How one indicator of a plan was projected for a region, or why it could not be.
public struct IndicatorProjection: Sendable {
    public let indicator: Indicator
    public let region: String
    /// The regional series used (possibly empty).
    public let series: Series?
    /// The fit; nil when no projection is possible (`reason` says why).
    public let fit: TrendFit?
    public let reason: String?
    /// Why this scale/window (auto selection), if chosen automatically.
    public let choice: String?
    /// How the 2030 projection moves with the window start (±3 years), own-trend fits only.
    public let sensitivity: WindowSensitivity?
}

/// Projects every indicator of a plan for a region from whatever data exists, choosing per indicator
/// between its own trend, the national slope (shift method) and "assessment not possible".
public enum PlanProjector {
    public static func project(indicator: Indicator, region: String, data: [SeriesKey: Series],
                               policy: ProjectionPolicy, sensitivityYear: Int = 2030) -> IndicatorProjection {
        var policy = policy
        if let calibration = policy.calibrations[indicator.code] { policy.options.calibration = calibration }
        let code = indicator.provincialSeries ?? indicator.code
        let regional = data[SeriesKey(indicator: code, region: region)]
            ?? data[SeriesKey(indicator: indicator.code, region: region)]
        let count = regional?.count ?? 0
        func result(_ fit: TrendFit?, _ reason: String?, choice: String? = nil,
                    sensitivity: WindowSensitivity? = nil) -> IndicatorProjection {
            IndicatorProjection(indicator: indicator, region: region, series: regional, fit: fit, reason: reason,
                                choice: choice, sensitivity: sensitivity)
        }
        if let regional, count >= policy.ownTrendMinimum {
            var options = policy.options
            var choice: String?
            if policy.auto {
                let chosen = ModelSelection.choose(series: regional, indicator: indicator, base: options)
                options = chosen.options
                choice = chosen.reason
            }
            do {
                let fit = try TrendFitter.fit(regional, indicator: indicator, options: options)
                let sensitivity = try? WindowSensitivity.compute(series: regional, indicator: indicator,
                                                                 options: options, year: sensitivityYear)
                return result(fit, nil, choice: choice, sensitivity: sensitivity)
            } catch {
                return result(nil, "\(error)")
            }
        }
        // Fewer points than an own trend needs: borrow the national slope if a comparable national series
        // exists; otherwise (or if that fails) fall back to the region's own trend when it has at least the
        // fit minimum, labelled as resting on very few points.
        let unavailable: String
        if !policy.borrowNational {
            unavailable = "borrowing the national trend is switched off"
        } else if let nationalCode = indicator.nationalSeries,
                  let national = data[SeriesKey(indicator: nationalCode, region: policy.nationalRegion)] {
            if !(indicator.nationalComparable || policy.allowProxy) {
                unavailable = "the national series \(nationalCode) measures something different (\(indicator.note)); "
                    + "pass --allow-proxy to borrow its slope anyway"
            } else if let regional, count >= 1 {
                do {
                    let fit = try TrendFitter.fitBorrowingNational(provincial: regional, national: national,
                                                                    indicator: indicator, options: policy.options)
                    let reason = indicator.nationalComparable
                        ? nil : "proxy: slope of \(nationalCode), which measures something different"
                    return result(fit, reason)
                } catch {
                    unavailable = "the national trend cannot be used: \(error)"
                }
            } else {
                unavailable = "no regional data point to anchor the national trend"
            }
        } else {
            unavailable = "no national series for \(indicator.code)"
        }
        if let regional, count >= policy.options.minimumPoints,
           let fit = try? TrendFitter.fit(regional, indicator: indicator, options: policy.options) {
            return result(fit, "own trend on only \(count) regional points (fewer than \(policy.ownTrendMinimum)); "
                + unavailable)
        }
        return result(nil, "\(count) regional point(s), fewer than \(policy.ownTrendMinimum) for an own trend, and "
            + unavailable)
    }
}
