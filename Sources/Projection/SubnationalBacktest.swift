import Foundation
import IndicatorData

// MARK: - Options

/// What the subnational (borrowing) backtest runs: rolling origins, the regional points kept, lead times.
public struct SubnationalBacktestOptions: Sendable, Hashable {
    /// Forecast origins: the national series is used complete up to the origin.
    public var origins: [Int]
    /// Lead times scored (year − origin).
    public var horizons: ClosedRange<Int>
    /// k: each region keeps only its last k points up to the origin (one run per k).
    public var pointsKept: [Int]
    /// The region whose series is borrowed from; every other region is scored.
    public var nationalRegion: String
    /// Weighting of the national trend fit (the projection default).
    public var weighting: Weighting
    /// First year of the national fit (nil: all).
    public var firstYear: Int?

    /// Defaults: origins 2004–2015 (the GSO counts start in 2002, so the national fit has ≥ 3 points),
    /// lead times 1–10, k = 1, 2, 3, borrowing from `VN`, the projection's weighting.
    public init(origins: [Int] = Array(2004...2015), horizons: ClosedRange<Int> = 1...10, pointsKept: [Int] = [1, 2, 3],
                nationalRegion: String = "VN", weighting: Weighting = TrendOptions.defaultWeighting,
                firstYear: Int? = nil) {
        self.origins = origins
        self.horizons = horizons
        self.pointsKept = pointsKept
        self.nationalRegion = nationalRegion
        self.weighting = weighting
        self.firstYear = firstYear
    }
}

// MARK: - Running

/// Rolling-origin backtest of the borrowing path on regions: at each origin a region keeps only its last k
/// points, the national series is complete to the origin, the region is projected by
/// `TrendFitter.fitBorrowingNational` (and by the level held, `TrendFitter.levelHeld`) and scored on its
/// later values (coverage, interval score: `Backtest.scores`).
public enum SubnationalBacktest {
    /// Runs the borrowing and level-held forecasts for every region, origin and k.
    ///
    /// Each point carries `.shift` (the variance before the regional dispersion) and `.levelHeld` (τ²·h^γ,
    /// family ν) as final forecasts, and `.shiftDispersion` / `.levelHeldDispersion` **without** the
    /// dispersion (a = b = 0): `applying(_:to:)` adds a fitted one. The national trend uses the family's
    /// national calibration (`Calibration.intervalCalibration(forIndicator:)`), as the plan projection does.
    /// - Complexity: two national trend fits per region, origin and k.
    public static func run(_ series: [Series], calibration: Calibration?, catalogue: IndicatorCatalogue?,
                           options: SubnationalBacktestOptions) -> (points: [BacktestPoint], skipped: [String]) {
        var points: [BacktestPoint] = []
        var skipped: [String] = []
        let byIndicator = Dictionary(grouping: series, by: \.indicator)
        for indicator in byIndicator.keys.sorted() {
            let members = byIndicator[indicator] ?? []
            guard let national = members.first(where: { $0.region == options.nationalRegion }) else {
                skipped.append("\(indicator): no \(options.nationalRegion) series to borrow from")
                continue
            }
            guard let transform = try? Backtest.transform(for: national, catalogue: catalogue) else {
                skipped.append("\(indicator): no model scale")
                continue
            }
            let interval = calibration?.intervalCalibration(forIndicator: indicator) ?? .none
            let regions = members.filter { $0.region != options.nationalRegion }.sorted { $0.key < $1.key }
            for origin in options.origins {
                let first = options.firstYear ?? national.firstYear ?? origin
                let nationalFitted = first <= origin ? national.window(first...origin) : national.window(origin...origin)
                guard first <= origin, nationalFitted.count >= 3 else {
                    skipped.append("\(indicator) origin \(origin): \(nationalFitted.count) national points < 3")
                    continue
                }
                for region in regions {
                    points += project(region, national: nationalFitted, origin: origin, transform: transform,
                                      interval: interval, options: options, skipped: &skipped)
                }
            }
        }
        return (points, skipped)
    }

    /// One region at one origin, every k.
    static func project(_ region: Series, national: Series, origin: Int, transform: Transform,
                        interval: IntervalCalibration, options: SubnationalBacktestOptions,
                        skipped: inout [String]) -> [BacktestPoint] {
        let before = region.observations.filter { $0.year <= origin }
        let held = region.observations.filter { options.horizons.contains($0.year - origin) }
        guard !before.isEmpty, !held.isEmpty else { return [] }
        var out: [BacktestPoint] = []
        // Zero dispersions: the shift and level-held bases that `applying` adds a fitted dispersion to.
        let zero = BorrowingDispersion(group: "none", levelVariance: 0, variancePerYear: 0, degreesOfFreedom: 1000)
        let heldZero = BorrowingDispersion(group: "none", levelVariance: 0, variancePerYear: 0,
                                           degreesOfFreedom: interval.degreesOfFreedom ?? 1000)
        let plain = TrendOptions(scale: transform.scale, weighting: options.weighting, minimumPoints: 3,
                                 calibration: interval.with(borrowing: nil, referenceClass: nil))
        var based = plain
        based.calibration = interval.with(borrowing: zero, referenceClass: heldZero)
        for k in options.pointsKept where before.count >= k {
            let kept = Series(indicator: region.indicator, region: region.region, unit: region.unit,
                              observations: Array(before.suffix(k)))
            do {
                let current = try TrendFitter.fitBorrowingNational(provincial: kept, national: national,
                                                                    indicator: nil, options: plain)
                let base = try TrendFitter.fitBorrowingNational(provincial: kept, national: national,
                                                                 indicator: nil, options: based)
                let hold = try TrendFitter.levelHeld(kept, indicator: nil, options: based)
                for observation in held {
                    guard let z = try? transform.forward(observation.value) else { continue }
                    var forecasts: [BacktestMethod: ScaledForecast] = [:]
                    for (method, fit) in [(BacktestMethod.shift, current), (.shiftDispersion, base), (.levelHeld, hold),
                                          (.levelHeldDispersion, hold)] {
                        let p = fit.predictive(year: observation.year)
                        forecasts[method] = ScaledForecast(location: p.location, scale: p.scale,
                                                           degreesOfFreedom: p.degreesOfFreedom)
                    }
                    out.append(BacktestPoint(
                        key: region.key, origin: origin, anchor: base.anchorYear, year: observation.year, points: k,
                        transform: transform, observed: observation.value, observedModel: z,
                        originValue: kept.values.last ?? .nan, naiveScale: .nan, driftScale: .nan,
                        forecasts: forecasts, trendSlope: base.slope))
                }
            } catch {
                skipped.append("\(region.key) origin \(origin) k=\(k): \(error)")
            }
        }
        return out
    }

    /// Adds the fitted regional dispersion to the `.shiftDispersion` and `.levelHeldDispersion` bases of
    /// `run`: scale √(base² + a + b·h), t with ν (as `TrendFit.predictive` with the dispersion). A point
    /// whose group has no dispersion loses those forecasts.
    public static func applying(_ borrowing: BorrowingCalibration, to points: [BacktestPoint]) -> [BacktestPoint] {
        points.map { p in
            var q = p
            let pairs: [(BacktestMethod, BorrowingDispersion?)] = [
                (.shiftDispersion, borrowing.shiftDispersion(forIndicator: p.key.indicator)),
                (.levelHeldDispersion, borrowing.levelHeldDispersion(forIndicator: p.key.indicator)),
                (.ownSlopeDispersion, borrowing.ownSlopeDispersion(forIndicator: p.key.indicator)),
            ]
            for (method, dispersion) in pairs {
                guard let dispersion, let base = p.forecasts[method] else {
                    q.forecasts[method] = nil
                    continue
                }
                q.forecasts[method] = ScaledForecast(
                    location: base.location,
                    scale: (base.scale * base.scale + dispersion.variance(horizon: p.modelHorizon)).squareRoot(),
                    degreesOfFreedom: dispersion.degreesOfFreedom)
            }
            return q
        }
    }

    /// The errors the dispersion is fitted on: for the given base method (`.shiftDispersion` or
    /// `.levelHeldDispersion` before `applying`), e = z − location and the known variance base², one per
    /// (region, origin, year) — the forecast depends on the last point only, so k = 1, 2, 3 repeat it.
    public static func dispersionErrors(_ points: [BacktestPoint], method: BacktestMethod) -> [DispersionError] {
        var seen: Set<String> = []
        var out: [DispersionError] = []
        for p in points {
            guard let f = p.forecasts[method], f.scale.isFinite, p.observedModel.isFinite else { continue }
            // The own slope also depends on the gap between the long series and the anchor.
            let gap = method == .ownSlopeDispersion ? "|\(p.basisGap ?? 0)" : ""
            guard seen.insert("\(p.key.indicator)|\(p.key.region)|\(p.origin)|\(p.year)\(gap)").inserted else { continue }
            out.append(DispersionError(indicator: p.key.indicator, region: p.key.region, horizon: p.modelHorizon,
                                       error: p.observedModel - f.location, knownVariance: f.scale * f.scale))
        }
        return out
    }
}
