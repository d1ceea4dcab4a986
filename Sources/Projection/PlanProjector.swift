import IndicatorData

/// Rules for choosing how each plan indicator is projected for a region.
public struct ProjectionPolicy: Sendable {
    /// Base fit options (window, weights, driver, calibration); `scale` nil = catalogue default.
    public var options: TrendOptions
    /// A regional series with at least this many points is projected on its own trend.
    public var ownTrendMinimum: Int
    /// Borrow the parent region's slope (shift method) when the region has fewer points.
    public var borrowNational: Bool
    /// Also borrow from a national series the catalogue marks as measuring something different (labelled
    /// "proxy"). Off by default: chitieu never mixes different measures silently.
    public var allowProxy: Bool
    /// Choose scale and window by backtest (`--model auto`).
    public var auto: Bool
    /// Which region borrows from which: ISO 3166-2 (`VN-28` → `VN`, `VN-28-DAK_HA` → `VN-28`) unless a
    /// regions file says otherwise. A region borrows from its nearest ancestor with a usable series.
    public var hierarchy: RegionHierarchy
    /// Series of the same region on another basis whose slope a plan indicator may use, by plan indicator
    /// code (from the catalogue's derivations: doctors_dpoh_per_10k for physicians_per_10k, …).
    public var otherBasis: [String: [OtherBasisSource]] = [:]
    /// Interval calibration per indicator code (from the shipped backtest calibration); an indicator not
    /// listed uses `options.calibration`.
    public var calibrations: [String: IntervalCalibration] = [:]

    public init(options: TrendOptions = TrendOptions(), ownTrendMinimum: Int = 5, borrowNational: Bool = true,
                allowProxy: Bool = false, auto: Bool = false, hierarchy: RegionHierarchy = RegionHierarchy()) {
        self.options = options
        self.ownTrendMinimum = ownTrendMinimum
        self.borrowNational = borrowNational
        self.allowProxy = allowProxy
        self.auto = auto
        self.hierarchy = hierarchy
    }

    /// The other-basis sources of every derivation that feeds a plan indicator.
    public static func otherBasis(from derivations: [Derivation]) -> [String: [OtherBasisSource]] {
        var out: [String: [OtherBasisSource]] = [:]
        for d in derivations {
            guard let feeds = d.feeds else { continue }
            out[feeds, default: []].append(OtherBasisSource(code: d.code, basis: d.basis.isEmpty ? d.code : d.basis))
        }
        return out
    }
}

/// A series that measures a plan indicator for the same region on another basis (its slope may be used,
/// never its level).
public struct OtherBasisSource: Sendable, Hashable {
    public var code: String
    public var basis: String
    public init(code: String, basis: String) {
        self.code = code
        self.basis = basis
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
/// between its own trend, its own slope on another basis, the parent region's slope (shift method), the
/// reference-class level-held predictive of its family (last fallback, `referenceClass`) and "assessment
/// not possible" (with the reason in words).
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
                let flagged = fit.appending(warnings: FitOutliers.flag(regional, fit: fit).map(\.description))
                return result(flagged, nil, choice: choice, sensitivity: sensitivity)
            } catch {
                return result(nil, "\(error)")
            }
        }
        // Fewer points than an own trend needs: the region's own long series on another basis, then the
        // nearest ancestor's comparable series; otherwise (or if that fails) the region's own trend when it
        // has at least the fit minimum, labelled as resting on very few points.
        var unavailable: [String] = []
        if let regional, count >= 1 {
            switch ownSlopeOnOtherBasis(indicator: indicator, plan: regional, data: data, policy: policy) {
            case .fit(let fit): return result(fit, nil)
            case .unavailable(let why): if let why { unavailable.append(why) }
            }
        }
        switch borrowFromAncestor(indicator: indicator, region: region, regional: regional, data: data,
                                  policy: policy) {
        case .fit(let fit, let reason): return result(fit, reason)
        case .unavailable(let why): unavailable.append(why)
        }
        let why = unavailable.joined(separator: "; ")
        if let regional, count >= policy.options.minimumPoints,
           let fit = try? TrendFitter.fit(regional, indicator: indicator, options: policy.options) {
            return result(fit, "own trend on only \(count) regional points (fewer than \(policy.ownTrendMinimum)); "
                + why)
        }
        let reason = "\(count) regional point(s), fewer than \(policy.ownTrendMinimum) for an own trend, and " + why
        switch referenceClass(indicator: indicator, regional: regional, policy: policy) {
        case .fit(let fit, _): return result(fit, "reference-class forecast, no trend: " + reason)
        case .unavailable(let whyNot): return result(nil, reason + "; " + whyNot)
        }
    }
}
