import Foundation
import IndicatorData

// MARK: - The own slope on another basis, backtested on regions

extension SubnationalBacktest {
    /// Default gaps g between the last year of a region's long series and its anchor: Kon Tum's GSO
    /// densities end in 2016 and the plan's baseline is 2023 (g = 7).
    public static let defaultBasisGaps = [1, 2, 3, 5, 7]

    /// Rolling-origin backtest of `TrendFitter.fitOwnSlopeShift` on regions: at each origin t₀ (the anchor)
    /// and gap g, a region's long series is its values up to t₀ − g (at least `minimumLongPoints`, the
    /// plan's own-trend minimum), the anchor is its value in t₀, and the slope of the long series shifted to
    /// the anchor is scored on the region's values in t₀ + h. A plan value on another basis differs from
    /// the long series by a level break; the shift removes a constant break exactly, so the region's own
    /// values stand in for the plan's (a break that itself drifts is not measured here).
    ///
    /// Each point carries `.ownSlope` (the variance before the regional dispersion: σ_O²·(2 + h²·c_bb) +
    /// τ²·h^γ) and `.ownSlopeDispersion` without the dispersion (σ_O²·h²·c_bb + τ²·h^γ; `applying` adds a
    /// fitted a + b·h and ν), and, on the same anchor, the two defaults it competes with: the national
    /// shift (`.shiftDispersion`, national series complete to t₀) and the level held (`.levelHeldDispersion`),
    /// both before their dispersion. `basisGap` = g.
    /// - Complexity: one long-series fit, one national fit per region, origin and gap.
    public static func runOwnSlope(_ series: [Series], calibration: Calibration?, catalogue: IndicatorCatalogue?,
                                   options: SubnationalBacktestOptions, gaps: [Int] = defaultBasisGaps,
                                   minimumLongPoints: Int = 5) -> (points: [BacktestPoint], skipped: [String]) {
        var points: [BacktestPoint] = []
        var skipped: [String] = []
        for (indicator, members) in Dictionary(grouping: series, by: \.indicator).sorted(by: { $0.key < $1.key }) {
            guard let national = members.first(where: { $0.region == options.nationalRegion }),
                  let transform = try? Backtest.transform(for: national, catalogue: catalogue) else {
                skipped.append("\(indicator): no \(options.nationalRegion) series or no model scale")
                continue
            }
            let interval = calibration?.intervalCalibration(forIndicator: indicator) ?? .none
            let regions = members.filter { $0.region != options.nationalRegion }.sorted { $0.key < $1.key }
            for origin in options.origins {
                let first = options.firstYear ?? national.firstYear ?? origin
                let nationalFitted = national.window(Swift.min(first, origin)...origin)
                for region in regions {
                    for gap in gaps where gap >= 1 {
                        let long = region.observations.filter { $0.year <= origin - gap && $0.year >= first }
                        guard long.count >= minimumLongPoints else { continue }
                        points += projectOwnSlope(
                            region, long: long, national: nationalFitted, origin: origin, gap: gap,
                            transform: transform, interval: interval, options: options, skipped: &skipped)
                    }
                }
            }
        }
        return (points, skipped)
    }

    /// One region, origin and gap: the own slope and the two comparators, scored on the later values.
    static func projectOwnSlope(_ region: Series, long: [Observation], national: Series, origin: Int, gap: Int,
                                transform: Transform, interval: IntervalCalibration,
                                options: SubnationalBacktestOptions, skipped: inout [String]) -> [BacktestPoint] {
        guard let anchor = region.observations.first(where: { $0.year == origin }) else { return [] }
        let held = region.observations.filter { options.horizons.contains($0.year - origin) }
        guard !held.isEmpty else { return [] }
        let zero = BorrowingDispersion(group: "none", levelVariance: 0, variancePerYear: 0, degreesOfFreedom: 1000)
        let heldZero = BorrowingDispersion(group: "none", levelVariance: 0, variancePerYear: 0,
                                           degreesOfFreedom: interval.degreesOfFreedom ?? 1000)
        let plain = TrendOptions(scale: transform.scale, weighting: options.weighting, minimumPoints: 3,
                                 calibration: interval.with(borrowing: nil, referenceClass: nil))
        var based = plain
        based.calibration = interval.with(borrowing: zero, referenceClass: heldZero, ownSlope: zero)
        let plan = Series(indicator: region.indicator, region: region.region, unit: region.unit, observations: [anchor])
        let longSeries = Series(indicator: region.indicator, region: region.region, unit: region.unit,
                                observations: long)
        do {
            var fits: [(BacktestMethod, TrendFit)] = [
                (.ownSlope, try TrendFitter.fitOwnSlopeShift(plan: plan, otherBasis: longSeries, basis: "backtest",
                                                            indicator: nil, options: plain)),
                (.ownSlopeDispersion, try TrendFitter.fitOwnSlopeShift(plan: plan, otherBasis: longSeries,
                                                                      basis: "backtest", indicator: nil,
                                                                      options: based)),
                (.levelHeldDispersion, try TrendFitter.levelHeld(plan, indicator: nil, options: based)),
            ]
            if national.count >= 3 {
                fits.append((.shiftDispersion, try TrendFitter.fitBorrowingNational(
                    provincial: plan, national: national, indicator: nil, options: based)))
            }
            return held.compactMap { observation in
                guard let z = try? transform.forward(observation.value) else { return nil }
                var forecasts: [BacktestMethod: ScaledForecast] = [:]
                for (method, fit) in fits {
                    let p = fit.predictive(year: observation.year)
                    forecasts[method] = ScaledForecast(location: p.location, scale: p.scale,
                                                       degreesOfFreedom: p.degreesOfFreedom)
                }
                var point = BacktestPoint(
                    key: region.key, origin: origin, anchor: origin, year: observation.year, points: 1,
                    transform: transform, observed: observation.value, observedModel: z, originValue: anchor.value,
                    naiveScale: .nan, driftScale: .nan, forecasts: forecasts, trendSlope: fits[0].1.slope)
                point.basisGap = gap
                return point
            }
        } catch {
            skipped.append("\(region.key) origin \(origin) gap \(gap): \(error)")
            return []
        }
    }
}
