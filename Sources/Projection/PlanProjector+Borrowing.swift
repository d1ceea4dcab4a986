import IndicatorData

// MARK: - Borrowing: own slope on another basis, then the nearest ancestor's

extension PlanProjector {
    enum OwnSlope {
        case fit(TrendFit)
        /// Why not (nil: the indicator has no other-basis series at all; nothing worth saying).
        case unavailable(String?)
    }

    enum Borrowed {
        case fit(TrendFit, reason: String?)
        case unavailable(String)
    }

    /// The region's own long series on another basis (`policy.otherBasis`), when it has at least
    /// `ownTrendMinimum` points: its slope shifted to the plan's level (`TrendFitter.fitOwnSlopeShift`).
    static func ownSlopeOnOtherBasis(indicator: Indicator, plan: Series, data: [SeriesKey: Series],
                                     policy: ProjectionPolicy) -> OwnSlope {
        let sources = policy.otherBasis[indicator.code] ?? []
        guard !sources.isEmpty else { return .unavailable(nil) }
        // Calibrated run (the indicator has its family's constants) without a backtested own-slope dispersion:
        // the interval would rest on the long series' noise alone, which no backtest supports.
        if policy.calibrations[indicator.code] != nil, policy.options.calibration.ownSlope == nil {
            let names = sources.map { "\($0.code) (\($0.basis))" }.joined(separator: ", ")
            return .unavailable("the own slope of \(names) is not backtested for "
                + "\(BorrowingCalibration.groupDescription(forIndicator: indicator.code)) (no ownSlope entry in "
                + "Datasets/calibration/borrowing.json)")
        }
        var why: [String] = []
        for source in sources {
            guard let long = data[SeriesKey(indicator: source.code, region: plan.region)] else {
                why.append("no \(source.code) series for \(plan.region)")
                continue
            }
            guard long.count >= policy.ownTrendMinimum else {
                why.append("\(source.code) (\(source.basis)) has \(long.count) point(s) for \(plan.region), "
                    + "fewer than \(policy.ownTrendMinimum) for its own slope")
                continue
            }
            do {
                return .fit(try TrendFitter.fitOwnSlopeShift(plan: plan, otherBasis: long, basis: source.basis,
                                                             indicator: indicator, options: policy.options))
            } catch {
                why.append("the slope of \(source.code) cannot be used: \(error)")
            }
        }
        return .unavailable(why.joined(separator: "; "))
    }

    /// The nearest ancestor (hierarchy parent, grandparent, …) with a comparable series: a national root
    /// uses the catalogue's `national_series` (refused when it measures something different, unless
    /// `allowProxy`); a subnational parent uses the same code as the region, read from the data or
    /// aggregated from the parent's members (`RegionAggregation`).
    static func borrowFromAncestor(indicator: Indicator, region: String, regional: Series?,
                                   data: [SeriesKey: Series], policy: ProjectionPolicy) -> Borrowed {
        guard policy.borrowNational else { return .unavailable("borrowing the parent region's trend is switched off") }
        let ancestors = policy.hierarchy.ancestors(of: region)
        guard !ancestors.isEmpty else { return .unavailable("\(region) has no parent region to borrow from") }
        var why: [String] = []
        for ancestor in ancestors {
            let isRoot = policy.hierarchy.parent(of: ancestor) == nil
            let code = isRoot ? indicator.nationalSeries : (indicator.provincialSeries ?? indicator.code)
            guard let code else {
                why.append("no national series for \(indicator.code)")
                continue
            }
            guard let parent = parentSeries(code: code, indicator: indicator, region: ancestor, data: data,
                                            hierarchy: policy.hierarchy) else {
                why.append("no \(code) series for \(ancestor)")
                continue
            }
            if isRoot, !(indicator.nationalComparable || policy.allowProxy) {
                why.append("the national series \(code) measures something different (\(indicator.note)); "
                    + "pass --allow-proxy to borrow its slope anyway")
                continue
            }
            let what = isRoot ? "the national trend" : "the trend of \(ancestor)"
            guard let regional, regional.count >= 1 else {
                return .unavailable("no regional data point to anchor \(what)")
            }
            do {
                var fit = try TrendFitter.fitBorrowingNational(provincial: regional, national: parent,
                                                                indicator: indicator, options: policy.options)
                if !isRoot {
                    fit = fit.relabelled(method: .parentSlopeShift(parent: parent.key)) {
                        $0.replacingOccurrences(of: "provincial point(s); projected with the national slope from",
                                                with: "regional point(s); projected with the slope of its parent region")
                            .replacingOccurrences(of: "shifted to the provincial level", with: "shifted to its level")
                    }
                }
                let proxy = isRoot && !indicator.nationalComparable
                return .fit(fit, reason: proxy ? "proxy: slope of \(code), which measures something different" : nil)
            } catch {
                why.append("\(what) cannot be used: \(error)")
            }
        }
        return .unavailable(why.joined(separator: "; "))
    }

    /// `code` for `region` from the data, or aggregated from the region's members in the hierarchy.
    static func parentSeries(code: String, indicator: Indicator, region: String, data: [SeriesKey: Series],
                             hierarchy: RegionHierarchy) -> Series? {
        if let direct = data[SeriesKey(indicator: code, region: region)] { return direct }
        let members = hierarchy.members(of: region)
        guard !members.isEmpty else { return nil }
        return (try? RegionAggregation.aggregate(code: code, rule: AggregationRule.rule(for: indicator),
                                                 members: members, into: region, data: data))??.series
    }
}

// MARK: - Last fallback: the reference class of the indicator's family

extension PlanProjector {
    /// The reference-class level-held predictive (`TrendFitter.levelHeld`) for a region with 1 or a few
    /// points and no usable comparator: the last level held, with the spread Viet Nam provinces of the same
    /// family showed around their held level h years later (`levelHeld` in Datasets/calibration/borrowing.json,
    /// σ²(h) = τ²·h^γ + a′ + b′·h, Student t ν′). Backtested on held-out provinces (6 folds, each keeping
    /// its last 1–3 points; Datasets/calibration/README.md): 80 %/95 % intervals covered 80.2/95.1 % overall
    /// (coverage 80.4/93.5, fertility 80.2/94.7, beds 79.3/95.2, mortality 81.7/93.7, workforce 80.5/95.1).
    /// Unavailable (with the reason) when the region has no point or the family has no calibrated reference
    /// class (then the backtest does not support a level held: it covered 67/88 % without the dispersion).
    static func referenceClass(indicator: Indicator, regional: Series?, policy: ProjectionPolicy) -> Borrowed {
        guard let regional, regional.count >= 1 else {
            return .unavailable("no regional data point to hold for a reference-class forecast")
        }
        let group = BorrowingCalibration.groupDescription(forIndicator: indicator.code)
        guard let dispersion = policy.options.calibration.referenceClass else {
            return .unavailable("no reference class for \(group) in this run's calibration (Datasets/"
                + "calibration/borrowing.json has none for it, or --intervals ols): a level held without the "
                + "provinces' spread covered 67/88 % of 80/95 % intervals on held-out provinces, too little to use")
        }
        do {
            let fit = try TrendFitter.levelHeld(regional, indicator: indicator, options: policy.options)
            let note = String(
                format: "%@: method reference-class level-held (%@%@): not a trend; the interval is the "
                    + "spread of Viet Nam provinces around their held level, in-sample 80/95 %% coverage "
                    + "%.1f/%.1f %%, 80.2/95.1 %% on held-out provinces (Datasets/calibration/README.md)",
                regional.key.description,
                IndicatorFamily.of(indicator.code) == nil ? "own group, no indicator family: " : "family ",
                dispersion.group, 100 * dispersion.coverage80,
                100 * dispersion.coverage95)
            return .fit(fit.appending(warnings: [note]), reason: nil)
        } catch {
            return .unavailable("a reference-class forecast cannot be made: \(error)")
        }
    }
}
