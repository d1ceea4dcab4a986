import Foundation
import IndicatorData
import Statistics

// MARK: - Options and methods

/// Interval methods compared by a backtest.
public enum BacktestMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Classical prediction interval of the trend fit (Student t, n − 2 df): OLS, or WLS with the
    /// options' recency weights (`BacktestOptions.weighting`).
    case ols
    /// Random walk with drift (Hyndman & Athanasopoulos, FPP3 §5.2 and §5.5): location z_T + h·d̄,
    /// variance h·s²·(1 + h/(n − 1)), normal quantiles; d̄ and s² are the mean and variance of the
    /// year-on-year changes (per year when observations have gaps).
    case drift
    /// The trend's location with the calibrated scale √(k(h)²·v₀ + τ²·h^γ) and t with min(ν, n − 2) df
    /// (`IntervalCalibration.predictiveScale`).
    case calibrated
    /// Subnational: the national-slope shift with the variance it had before the regional dispersion,
    /// σ_N²·(2 + h²·c_bb) + δ² + τ²·h^γ (δ² only with ≥ 3 regional points), t with min(ν, n_N − 2) df.
    case shift
    /// Subnational: the national-slope shift with the regional dispersion a + b·h and its ν
    /// (`TrendFitter.fitBorrowingNational` with `BorrowingDispersion`, the default).
    case shiftDispersion = "shift-dispersion"
    /// Subnational: the last regional level held with the family's trend-drift variance τ²·h^γ and t ν
    /// (the reference-class forecast as first proposed).
    case levelHeld = "level-held"
    /// Subnational: the level held with τ²·h^γ plus the regional dispersion around held levels
    /// (`TrendFitter.levelHeld`).
    case levelHeldDispersion = "level-held-dispersion"
    /// Subnational, other basis: the region's own long-series slope shifted to a later anchor on another
    /// basis (`TrendFitter.fitOwnSlopeShift` without a dispersion): σ_O²·(2 + h²·c_bb) + τ²·h^γ, κ = 1.
    case ownSlope = "own-slope"
    /// The own slope with the regional dispersion around it, a + b·h and ν, instead of 2σ_O² (the default).
    case ownSlopeDispersion = "own-slope-dispersion"

    /// Methods of the national (own-trend) backtest.
    public static let national: [BacktestMethod] = [.ols, .drift, .calibrated]
    /// Methods of the subnational (borrowing) backtest.
    public static let subnational: [BacktestMethod] = [.shift, .shiftDispersion, .levelHeld, .levelHeldDispersion]
    /// Methods of the own-slope (other basis) backtest, with the two borrowing defaults on the same points.
    public static let ownSlopeBacktest: [BacktestMethod] = [.ownSlope, .ownSlopeDispersion, .shiftDispersion,
                                                            .levelHeldDispersion]
}

/// What to backtest.
public struct BacktestOptions: Sendable, Hashable {
    /// Forecast origins: fit on years ≤ origin (and ≥ `firstYear`).
    public var origins: [Int]
    /// Lead times scored, in years after the origin (year − origin).
    public var horizons: ClosedRange<Int>
    /// Series with fewer points up to the origin are skipped.
    public var minimumPoints: Int
    /// First year used in fits (nil: all).
    public var firstYear: Int?
    /// Only score years up to this one (nil: all).
    public var lastScoredYear: Int?
    /// Indicators to leave out.
    public var excludedIndicators: Set<String>
    /// Weighting of the trend fits: the projection default (`TrendOptions.defaultWeighting`), so the
    /// backtest scores what chitieu reports; `.none` for the classical OLS baseline.
    public var weighting: Weighting

    /// Defaults: origins 2008, 2012, 2016, lead times 1–10, at least 5 points (the fitter's warning
    /// threshold), fits from 1990, the projection's default weighting.
    public init(origins: [Int] = [2008, 2012, 2016], horizons: ClosedRange<Int> = 1...10, minimumPoints: Int = 5,
                firstYear: Int? = 1990, lastScoredYear: Int? = nil, excludedIndicators: Set<String> = [],
                weighting: Weighting = TrendOptions.defaultWeighting) {
        self.origins = origins
        self.horizons = horizons
        self.minimumPoints = minimumPoints
        self.firstYear = firstYear
        self.lastScoredYear = lastScoredYear
        self.excludedIndicators = excludedIndicators
        self.weighting = weighting
    }

    /// README §8 of the shared data: origin 2012, score 2013–2022, OLS fits (no weights) from 1990 with ≥ 5
    /// points, and the ten indicators the published baseline covers (underweight_u5_pct is not in it: with it
    /// the same protocol gives 2,067 points, 38.6 % / 54.9 %). Reproduces 2,005 points, 37.3 % / 53.6 %.
    public static let readmeBaseline = BacktestOptions(
        origins: [2012], horizons: 1...10, minimumPoints: 5, firstYear: 1990, lastScoredYear: 2022,
        excludedIndicators: ["underweight_u5_pct"], weighting: .none)
}

/// A location–scale forecast on the model scale.
public struct ScaledForecast: Sendable, Hashable {
    public var location: Double
    public var scale: Double
    public var degreesOfFreedom: Double

    public func distribution(year: Int, transform: Transform) -> PredictiveDistribution {
        PredictiveDistribution(year: year, location: location, scale: scale, meanScale: 0,
                               degreesOfFreedom: degreesOfFreedom >= 1000 ? .infinity : degreesOfFreedom,
                               transform: transform)
    }
}

/// One held-out observation with every method's forecast.
public struct BacktestPoint: Sendable, Hashable {
    public var key: SeriesKey
    public var origin: Int
    /// Last fitted year (≤ origin); model horizon = year − anchor.
    public var anchor: Int
    public var year: Int
    public var points: Int
    public var transform: Transform
    /// Observed value, natural and model scale.
    public var observed: Double
    public var observedModel: Double
    /// Last value up to the origin (natural scale), for synthetic targets.
    public var originValue: Double
    /// In-sample mean |Δz| (naive) and mean |Δz − d̄| (drift): MASE denominators (Hyndman & Koehler 2006).
    public var naiveScale: Double
    public var driftScale: Double
    public var forecasts: [BacktestMethod: ScaledForecast]
    /// The trend fit's slope per year on the model scale (the calibration's slope attenuation moves the
    /// `.ols` location by (κ − 1)·slope·h).
    public var trendSlope: Double = 0
    /// Own-slope backtest: years between the last point of the region's long series and the anchor
    /// (`SubnationalBacktest.runOwnSlope`); nil for every other backtest.
    public var basisGap: Int? = nil

    /// year − origin.
    public var leadTime: Int { year - origin }
    /// year − anchor, the horizon the calibration factor uses.
    public var modelHorizon: Int { year - anchor }
    public var family: String { IndicatorFamily.of(key.indicator)?.rawValue ?? "other" }
}

// MARK: - Running

public enum Backtest {
    /// The transform for a code: catalogue scale and bounds when known; otherwise logit 0–100 for codes
    /// ending in `_pct`, linear for `life_expectancy`, log for other rates (README §8's scales).
    public static func transform(for series: Series, catalogue: IndicatorCatalogue?) throws -> Transform {
        let indicator = catalogue?.entry(forSeries: series.indicator)
        if indicator != nil {
            return try TrendFitter.transform(for: indicator, options: TrendOptions(), series: series)
        }
        if series.indicator.hasSuffix("_pct") { return .logit(lower: 0, upper: 100) }
        return series.indicator == "life_expectancy" ? .identity : .log
    }

    /// Fits every series at every origin with data up to the origin only, and forecasts the held-out years.
    ///
    /// - Returns: the points (OLS and drift forecasts; add calibrated ones with `applying(_:)`) and the
    ///   series/origin pairs skipped, with the reason.
    /// - Parameter progress: called with (series done, series count) after each series (for a progress bar).
    /// - Complexity: one 2-parameter least-squares fit per series and origin.
    public static func run(_ series: [Series], catalogue: IndicatorCatalogue?, options: BacktestOptions,
                           progress: ((Int, Int) -> Void)? = nil)
        -> (points: [BacktestPoint], skipped: [String]) {
        var points: [BacktestPoint] = []
        var skipped: [String] = []
        let sorted = series.sorted(by: { $0.key < $1.key })
        for (position, s) in sorted.enumerated() {
            defer { progress?(position + 1, sorted.count) }
            if options.excludedIndicators.contains(s.indicator) { continue }
            guard let transform = try? transform(for: s, catalogue: catalogue) else {
                skipped.append("\(s.key): no model scale")
                continue
            }
            for origin in options.origins {
                let first = options.firstYear ?? (s.firstYear ?? origin)
                guard first <= origin else { continue }
                let fitted = s.window(first...origin)
                let held = s.observations.filter {
                    let lead = $0.year - origin
                    return options.horizons.contains(lead) && $0.year <= (options.lastScoredYear ?? Int.max)
                }
                guard !held.isEmpty else { continue }
                guard fitted.count >= options.minimumPoints else {
                    skipped.append("\(s.key) origin \(origin): \(fitted.count) points < \(options.minimumPoints)")
                    continue
                }
                do {
                    let fit = try TrendFitter.fit(fitted, indicator: nil,
                                                  options: TrendOptions(scale: transform.scale, weighting: options.weighting,
                                                                         minimumPoints: 3))
                    let fitTransform = transform
                    let z = try fitted.values.map { try fitTransform.forward($0) }
                    let drift = DriftModel(years: fitted.years, z: z)
                    for observation in held {
                        guard let observedZ = try? fitTransform.forward(observation.value) else { continue }
                        let p = fit.predictive(year: observation.year)
                        var forecasts: [BacktestMethod: ScaledForecast] = [
                            .ols: ScaledForecast(location: p.location, scale: p.scale, degreesOfFreedom: p.degreesOfFreedom),
                        ]
                        if let d = drift.forecast(horizon: observation.year - fit.anchorYear) { forecasts[.drift] = d }
                        points.append(BacktestPoint(
                            key: s.key, origin: origin, anchor: fit.anchorYear, year: observation.year,
                            points: fit.points, transform: fitTransform, observed: observation.value,
                            observedModel: observedZ, originValue: fitted.values.last ?? .nan,
                            naiveScale: drift.naiveScale, driftScale: drift.driftScale, forecasts: forecasts,
                            trendSlope: fit.slope))
                    }
                } catch {
                    skipped.append("\(s.key) origin \(origin): \(error)")
                }
            }
        }
        return (points, skipped)
    }

    /// Standardised OLS errors u = (z − location)/scale at model horizons 1…maximumHorizon.
    public static func standardizedErrors(_ points: [BacktestPoint], maximumHorizon: Int = 10) -> [StandardizedError] {
        points.compactMap { p in
            guard let f = p.forecasts[.ols], f.scale > 0, (1...maximumHorizon).contains(p.modelHorizon) else { return nil }
            return StandardizedError(indicator: p.key.indicator, region: p.key.region, horizon: p.modelHorizon,
                                     u: (p.observedModel - f.location) / f.scale)
        }
    }

    /// Errors of the trend forecast with their classical predictive variance v₀ = s², model horizons
    /// 1…maximumHorizon: the input of `Calibration.fitAdditive`.
    public static func forecastErrors(_ points: [BacktestPoint], maximumHorizon: Int = 10) -> [ForecastError] {
        points.compactMap { p in
            guard let f = p.forecasts[.ols], f.scale.isFinite, (1...maximumHorizon).contains(p.modelHorizon) else {
                return nil
            }
            return ForecastError(indicator: p.key.indicator, region: p.key.region, horizon: p.modelHorizon,
                                 error: p.observedModel - f.location, baseVariance: f.scale * f.scale,
                                 residualDegreesOfFreedom: f.degreesOfFreedom,
                                 slopeTerm: p.trendSlope * Double(p.modelHorizon))
        }
    }

    /// Adds the calibrated forecast to each point: the trend's location with the slope attenuated
    /// (a + κ·b·h = OLS location + (κ − 1)·b·h, as `TrendFit.predictive`), scale √(k(h)²·s² + τ²·h^γ)
    /// (`IntervalCalibration.predictiveScale`, as `TrendFit.predictive`), df min(ν, n − 2).
    public static func applying(_ calibration: Calibration, to points: [BacktestPoint]) -> [BacktestPoint] {
        points.map { p in
            var q = p
            guard let ols = p.forecasts[.ols] else { return q }
            let interval = calibration.intervalCalibration(forIndicator: p.key.indicator)
            q.forecasts[.calibrated] = ScaledForecast(
                location: ols.location + (interval.slopeFactor(horizon: p.modelHorizon) - 1) * p.trendSlope
                    * Double(p.modelHorizon),
                scale: interval.predictiveScale(baseVariance: ols.scale * ols.scale, horizon: p.modelHorizon),
                degreesOfFreedom: interval.degreesOfFreedom(residual: ols.degreesOfFreedom))
            return q
        }
    }
}

// MARK: - Drift baseline

/// Random walk with drift fitted to the (possibly gappy) model-scale series.
struct DriftModel {
    var last: Double
    var drift: Double
    var variance: Double
    var count: Int
    var naiveScale: Double
    var driftScale: Double

    init(years: [Int], z: [Double]) {
        count = z.count
        last = z.last ?? .nan
        let span = Double((years.last ?? 0) - (years.first ?? 0))
        drift = span > 0 ? ((z.last ?? 0) - (z.first ?? 0)) / span : 0
        var ss = 0.0, absNaive = 0.0, absDrift = 0.0
        var steps = 0
        for i in 1..<max(1, z.count) {
            let dt = Double(years[i] - years[i - 1])
            let dz = z[i] - z[i - 1]
            let r = dz - drift * dt
            ss += r * r / dt
            absNaive += abs(dz) / dt
            absDrift += abs(r) / dt
            steps += 1
        }
        variance = steps >= 2 ? ss / Double(steps - 1) : .nan
        naiveScale = steps >= 1 ? absNaive / Double(steps) : .nan
        driftScale = steps >= 1 ? absDrift / Double(steps) : .nan
    }

    func forecast(horizon h: Int) -> ScaledForecast? {
        guard variance.isFinite, count >= 3, h >= 1 else { return nil }
        let hh = Double(h)
        let scale = (variance * hh * (1 + hh / Double(count - 1))).squareRoot()
        return ScaledForecast(location: last + drift * hh, scale: scale, degreesOfFreedom: .infinity)
    }
}
