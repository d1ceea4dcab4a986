import Foundation
import Statistics

// MARK: - Standardised errors

/// One backtest error on the model scale, standardised by the OLS predictive scale:
/// u = (z_observed − location_OLS) / s_OLS(h), h = year − last fitted year.
public struct StandardizedError: Sendable, Hashable {
    public var indicator: String
    public var region: String
    public var horizon: Int
    public var u: Double

    public init(indicator: String, region: String, horizon: Int, u: Double) {
        self.indicator = indicator
        self.region = region
        self.horizon = horizon
        self.u = u
    }
}

// MARK: - Fitting

extension Calibration {
    /// Candidate t degrees of freedom; 1000 stands for "normal".
    public static let degreesOfFreedomGrid: [Double] = [1.5, 2, 2.5, 3, 4, 5, 7, 10, 20, 1000]

    /// Fits a scaled-t calibration per family and a pooled one from standardised backtest errors.
    ///
    /// For each group and horizon h: q₈₀(h), q₉₅(h) = empirical 80 % and 95 % quantiles of |u| (linear
    /// interpolation, numpy's default). For each ν in the grid, k₈₀ = q₈₀/t_ν(0.90) and k₉₅ = q₉₅/t_ν(0.975)
    /// are the factors that make the 80 % and 95 % intervals cover exactly; ν is chosen to minimise
    /// Σ_h n_h (ln k₈₀ − ln k₉₅)² (both levels right at once), k(h) = √(k₈₀·k₉₅), then smoothed by weighted
    /// least squares ln k(h) = α + β·ln h with β ≥ 0 so k never shrinks with the horizon. This is the
    /// empirical-error-quantile idea of Williams & Goodman (1971) and of Hyndman & Athanasopoulos, FPP3 §5.5,
    /// with a parametric t so P(attain) has a continuous distribution.
    ///
    /// - Parameters:
    ///   - errors: standardised errors from rolling origins (`Backtest.standardizedErrors`).
    ///   - maximumHorizon: horizons 1…this are fitted; longer ones use the last factor.
    ///   - minimumSeries: a family with fewer distinct series falls back to the pooled calibration.
    /// - Throws: `CalibrationError.notEnoughErrors` when even the pooled errors leave a horizon empty.
    public static func fit(errors: [StandardizedError], maximumHorizon: Int = 10, minimumSeries: Int = 10,
                           provenance: CalibrationProvenance? = nil) throws -> Calibration {
        let usable = errors.filter { $0.u.isFinite && $0.horizon >= 1 && $0.horizon <= maximumHorizon }
        let pooled = try fitGroup("pooled", usable, maximumHorizon: maximumHorizon)
        var families: [FamilyCalibration] = []
        var fallbacks: [String: String] = [:]
        for family in IndicatorFamily.allCases {
            let members = usable.filter { IndicatorFamily.of($0.indicator) == family }
            let seriesCount = Set(members.map { "\($0.indicator)|\($0.region)" }).count
            if seriesCount < minimumSeries {
                fallbacks[family.rawValue] = "\(seriesCount) series < \(minimumSeries), uses pooled"
                continue
            }
            do {
                families.append(try fitGroup(family.rawValue, members, maximumHorizon: maximumHorizon))
            } catch {
                fallbacks[family.rawValue] = "\(error), uses pooled"
            }
        }
        return Calibration(method: "scaled-t on OLS predictive scale, per family and horizon (rolling origins)",
                           families: families, pooled: pooled, fallbacks: fallbacks, provenance: provenance)
    }

    static func fitGroup(_ group: String, _ errors: [StandardizedError], maximumHorizon: Int) throws
        -> FamilyCalibration {
        var q80: [Double] = [], q95: [Double] = [], counts: [Double] = [], horizons: [Double] = []
        for h in 1...max(1, maximumHorizon) {
            let magnitudes = errors.filter { $0.horizon == h }.map { abs($0.u) }.sorted()
            // Below 10 errors a 95 % quantile is the sample maximum: skip the horizon.
            guard magnitudes.count >= 10 else { continue }
            q80.append(sortedQuantile(magnitudes, 0.8))
            q95.append(sortedQuantile(magnitudes, 0.95))
            counts.append(Double(magnitudes.count))
            horizons.append(Double(h))
        }
        guard !horizons.isEmpty else {
            throw CalibrationError.notEnoughErrors(
                "\(group): fewer than 10 backtest errors at every horizon; add longer series or earlier origins")
        }
        var best: (loss: Double, nu: Double, k: [Double])?
        for nu in degreesOfFreedomGrid {
            let t90 = tQuantile(0.9, nu), t975 = tQuantile(0.975, nu)
            var loss = 0.0
            var k: [Double] = []
            for i in horizons.indices {
                let k80 = q80[i] / t90, k95 = q95[i] / t975
                let d = Foundation.log(k80) - Foundation.log(k95)
                loss += counts[i] * d * d
                k.append((k80 * k95).squareRoot())
            }
            if best == nil || loss < (best?.loss ?? .infinity) { best = (loss, nu, k) }
        }
        guard let chosen = best else {
            throw CalibrationError.notEnoughErrors("\(group): no degrees of freedom fitted")
        }
        // Weighted least squares of ln k on ln h, slope ≥ 0.
        let x = horizons.map { Foundation.log($0) }, y = chosen.k.map { Foundation.log($0) }
        let sw = counts.reduce(0, +)
        let mx = zip(counts, x).map { $0 * $1 }.reduce(0, +) / sw
        let my = zip(counts, y).map { $0 * $1 }.reduce(0, +) / sw
        var sxy = 0.0, sxx = 0.0
        for i in x.indices {
            sxy += counts[i] * (x[i] - mx) * (y[i] - my)
            sxx += counts[i] * (x[i] - mx) * (x[i] - mx)
        }
        let beta = sxx > 0 ? max(0, sxy / sxx) : 0
        let alpha = my - beta * mx
        let smooth = (1...max(1, maximumHorizon)).map { Foundation.exp(alpha + beta * Foundation.log(Double($0))) }
        let seriesCount = Set(errors.map { "\($0.indicator)|\($0.region)" }).count
        return FamilyCalibration(group: group, degreesOfFreedom: chosen.nu, factors: smooth, rawFactors: chosen.k,
                                 series: seriesCount, errors: errors.count)
    }
}

// MARK: - Helpers

/// Quantile of sorted data, linear interpolation between order statistics (Hyndman & Fan 1996 type 7).
func sortedQuantile(_ sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    let position = p * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    guard lower + 1 < sorted.count else { return sorted.last ?? first }
    let fraction = position - Double(lower)
    return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
}

/// Student t quantile; ν ≥ 1000 (or ∞) uses the normal.
func tQuantile(_ p: Double, _ nu: Double) -> Double {
    if !nu.isFinite || nu >= 1000 { return Normal.quantile(p) }
    return (try? StudentT(degreesOfFreedom: nu))?.quantile(p) ?? Normal.quantile(p)
}
