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

/// One backtest error on the model scale with the classical predictive variance it had:
/// error = z_observed − location, v₀ = σ̂²(1 + x₀ᵀ(XᵀWX)⁻¹x₀), h = year − last fitted year.
public struct ForecastError: Sendable, Hashable {
    public var indicator: String
    public var region: String
    public var horizon: Int
    public var error: Double
    public var baseVariance: Double
    /// The fit's residual degrees of freedom n − 2 (the predictive uses min(ν, n − 2)).
    public var residualDegreesOfFreedom: Double
    /// b·h, the slope's share of the location: with slope attenuation κ the error becomes
    /// error + (1 − κ)·b·h.
    public var slopeTerm: Double

    public init(indicator: String, region: String, horizon: Int, error: Double, baseVariance: Double,
                residualDegreesOfFreedom: Double, slopeTerm: Double = 0) {
        self.slopeTerm = slopeTerm
        self.indicator = indicator
        self.region = region
        self.horizon = horizon
        self.error = error
        self.baseVariance = baseVariance
        self.residualDegreesOfFreedom = residualDegreesOfFreedom
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
    /// Fits the pooled group and every indicator family with at least `minimumSeries` distinct series; a
    /// family with fewer series, or whose fit fails, falls back to the pooled calibration (recorded with the
    /// reason). Shared by the multiplicative and the additive fits.
    static func fitByFamily<E>(_ usable: [E], key: (E) -> (indicator: String, region: String), minimumSeries: Int,
                               fitGroup: (String, [E]) throws -> FamilyCalibration) throws
        -> (pooled: FamilyCalibration, families: [FamilyCalibration], fallbacks: [String: String]) {
        let pooled = try fitGroup("pooled", usable)
        var families: [FamilyCalibration] = []
        var fallbacks: [String: String] = [:]
        for family in IndicatorFamily.allCases {
            let members = usable.filter { IndicatorFamily.of(key($0).indicator) == family }
            let seriesCount = Set(members.map { "\(key($0).indicator)|\(key($0).region)" }).count
            if seriesCount < minimumSeries {
                fallbacks[family.rawValue] = "\(seriesCount) series < \(minimumSeries), uses pooled"
                continue
            }
            do {
                families.append(try fitGroup(family.rawValue, members))
            } catch {
                fallbacks[family.rawValue] = "\(error), uses pooled"
            }
        }
        return (pooled, families, fallbacks)
    }

    /// - Parameters:
    ///   - errors: standardised errors from rolling origins (`Backtest.standardizedErrors`).
    ///   - maximumHorizon: horizons 1…this are fitted; longer ones use the last factor.
    ///   - minimumSeries: a family with fewer distinct series falls back to the pooled calibration.
    /// - Throws: `CalibrationError.notEnoughErrors` when even the pooled errors leave a horizon empty.
    public static func fit(errors: [StandardizedError], maximumHorizon: Int = 10, minimumSeries: Int = 10,
                           provenance: CalibrationProvenance? = nil) throws -> Calibration {
        let usable = errors.filter { $0.u.isFinite && $0.horizon >= 1 && $0.horizon <= maximumHorizon }
        let (pooled, families, fallbacks) = try fitByFamily(
            usable, key: { ($0.indicator, $0.region) }, minimumSeries: minimumSeries,
            fitGroup: { try fitGroup($0, $1, maximumHorizon: maximumHorizon) })
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

// MARK: - Additive fit

extension Calibration {
    /// Candidate exponents γ of τ²·h^γ: 0 (a constant extra variance) to 4, step 0.25. A random-walk level
    /// gives γ = 1, a random-walk slope γ = 3 (Harvey 1989, §2.3.2).
    public static let driftExponentGrid: [Double] = stride(from: 0.0, through: 4.0, by: 0.25).map { $0 }

    /// Fits the additive trend-drift calibration per family and a pooled one from backtest errors.
    ///
    /// For every (ν, γ) on the grids: each error needs τ²ᵢ = max(0, ((eᵢ/qᵢ)² − v₀ᵢ)/hᵢ^γ) to fall inside
    /// the interval, qᵢ = the t quantile with min(ν, nᵢ − 2) df; so the τ² that makes the 80 % (95 %)
    /// interval cover exactly 80 % (95 %) of the errors is the 80 % (95 %) quantile of those needs
    /// (closed form, no search). τ² = their geometric mean. The (ν, γ) kept is the one whose coverage is
    /// closest to 80 % and 95 % at every horizon: min Σ_h n_h[(c₈₀(h) − 0.80)² + (c₉₅(h) − 0.95)²].
    /// Quantile matching on backtest errors as in Williams & Goodman (1971); the variance form is that of a
    /// local linear trend (Harvey 1989).
    ///
    /// - Parameters:
    /// The slope attenuation κ (location a + κ·b·h) is chosen per group from `slopeAttenuationGrid`: for each
    /// κ the errors become eᵢ + (1 − κ)·bᵢhᵢ, (ν, γ, τ²) are re-fitted as above (so the variance sees the
    /// attenuated location's errors), and the κ kept minimises the mean interval score
    /// ½(W₈₀ + W₉₅) of the training errors (Gneiting & Raftery 2007, eq. 43). Chosen by country
    /// cross-validation in `Benchmarks/calibration/slope.py`: held-out worst P(attain) decile gap 0.16 → 0.08.
    ///
    /// - Parameters:
    ///   - errors: backtest errors from rolling origins (`Backtest.forecastErrors`).
    ///   - maximumHorizon: horizons 1…this are fitted; the formula extends beyond.
    ///   - minimumSeries: a family with fewer distinct series falls back to the pooled calibration.
    /// - Throws: `CalibrationError.notEnoughErrors` when the pooled group has fewer than 50 usable errors.
    /// - Complexity: O(|ν grid|·|γ grid|·N log N) for N errors.
    public static func fitAdditive(errors: [ForecastError], maximumHorizon: Int = 10, minimumSeries: Int = 10,
                                   provenance: CalibrationProvenance? = nil) throws -> Calibration {
        let usable = errors.filter {
            $0.error.isFinite && $0.baseVariance.isFinite && $0.baseVariance >= 0 && $0.residualDegreesOfFreedom > 0
                && $0.horizon >= 1 && $0.horizon <= maximumHorizon
        }
        let (pooled, families, fallbacks) = try fitByFamily(
            usable, key: { ($0.indicator, $0.region) }, minimumSeries: minimumSeries,
            fitGroup: { try fitAttenuatedGroup($0, $1, maximumHorizon: maximumHorizon) })
        return Calibration(
            method: "additive trend-drift variance: classical (W)LS variance + τ²·h^γ, Student t ν, slope "
                + "attenuation κ, per family (rolling origins)",
            families: families, pooled: pooled, fallbacks: fallbacks, provenance: provenance)
    }

    /// Candidate slope attenuations κ: 0 (hold the level) to 1 (the fitted slope), step 0.1.
    public static let slopeAttenuationGrid: [Double] = (0...10).map { Double($0) / 10 }

    static func fitAttenuatedGroup(_ group: String, _ errors: [ForecastError], maximumHorizon: Int) throws
        -> FamilyCalibration {
        var best: (score: Double, fit: FamilyCalibration)?
        // From κ = 1 down, so a tie (errors without slope terms) keeps the fitted slope.
        for kappa in slopeAttenuationGrid.reversed() {
            let shifted = errors.map { e -> ForecastError in
                var s = e
                s.error = e.error + (1 - kappa) * e.slopeTerm
                return s
            }
            var fit = try fitAdditiveGroup(group, shifted, maximumHorizon: maximumHorizon)
            fit.slopeAttenuation = kappa
            let score = meanIntervalScore(shifted, fit)
            if best == nil || score < (best?.score ?? .infinity) { best = (score, fit) }
        }
        guard let chosen = best?.fit else {
            throw CalibrationError.notEnoughErrors("\(group): no slope attenuation fitted")
        }
        return chosen
    }

    /// ½(W₈₀ + W₉₅), W_α = width + (2/α)·distance outside, averaged over the errors (model scale).
    static func meanIntervalScore(_ errors: [ForecastError], _ fit: FamilyCalibration) -> Double {
        var total = 0.0
        var cache: [Double: (Double, Double)] = [:]
        for e in errors {
            let df = Swift.min(fit.degreesOfFreedom, e.residualDegreesOfFreedom)
            let q: (Double, Double)
            if let cached = cache[df] { q = cached } else {
                q = (tQuantile(0.9, df), tQuantile(0.975, df))
                cache[df] = q
            }
            let scale = (Swift.max(e.baseVariance, 0)
                + fit.driftVariance * Foundation.pow(Double(e.horizon), fit.driftExponent)).squareRoot()
            for (quantile, alpha) in [(q.0, 0.2), (q.1, 0.05)] {
                let half = quantile * scale
                total += 2 * half + 2 / alpha * Swift.max(0, abs(e.error) - half)
            }
        }
        return errors.isEmpty ? .infinity : total / Double(2 * errors.count)
    }

    static func fitAdditiveGroup(_ group: String, _ errors: [ForecastError], maximumHorizon: Int) throws
        -> FamilyCalibration {
        guard errors.count >= 50 else {
            throw CalibrationError.notEnoughErrors(
                "\(group): \(errors.count) backtest errors, fewer than 50; add longer series or earlier origins")
        }
        let horizonCount = max(1, maximumHorizon)
        var perHorizon = Array(repeating: 0.0, count: horizonCount)
        for e in errors { perHorizon[e.horizon - 1] += 1 }
        // Plain arrays: the grid loop touches only doubles (fast also in debug builds).
        let count = errors.count
        let e = errors.map(\.error), v0 = errors.map(\.baseVariance)
        let hIndex = errors.map { $0.horizon - 1 }, residualDF = errors.map(\.residualDegreesOfFreedom)
        var quantileCache: [Double: (Double, Double)] = [:]
        var need80 = [Double](repeating: 0, count: count), need95 = need80, q80 = need80, q95 = need80
        var best: (loss: Double, nu: Double, gamma: Double, tau2: Double, c80: [Double], c95: [Double])?
        for nu in degreesOfFreedomGrid {
            for i in 0..<count {
                let df = Swift.min(nu, residualDF[i])
                let q: (Double, Double)
                if let cached = quantileCache[df] { q = cached } else {
                    q = (tQuantile(0.9, df), tQuantile(0.975, df))
                    quantileCache[df] = q
                }
                q80[i] = q.0
                q95[i] = q.1
            }
            for gamma in driftExponentGrid {
                let hPow = (1...horizonCount).map { Foundation.pow(Double($0), gamma) }
                for i in 0..<count {
                    let r80 = e[i] / q80[i], r95 = e[i] / q95[i], hg = hPow[hIndex[i]]
                    need80[i] = Swift.max(0, (r80 * r80 - v0[i]) / hg)
                    need95[i] = Swift.max(0, (r95 * r95 - v0[i]) / hg)
                }
                let t80 = selectQuantile(&need80, 0.8), t95 = selectQuantile(&need95, 0.95)
                let tau2 = t80 > 0 && t95 > 0 ? (t80 * t95).squareRoot() : Swift.max(t80, t95)
                var in80 = [Double](repeating: 0, count: horizonCount), in95 = in80
                for i in 0..<count {
                    let scale = (v0[i] + tau2 * hPow[hIndex[i]]).squareRoot(), a = abs(e[i])
                    if a <= q80[i] * scale { in80[hIndex[i]] += 1 }
                    if a <= q95[i] * scale { in95[hIndex[i]] += 1 }
                }
                var loss = 0.0
                var c80: [Double] = [], c95: [Double] = []
                for h in 0..<horizonCount {
                    let n = perHorizon[h]
                    let a = n > 0 ? in80[h] / n : .nan, b = n > 0 ? in95[h] / n : .nan
                    c80.append(a)
                    c95.append(b)
                    if n > 0 { loss += n * ((a - 0.8) * (a - 0.8) + (b - 0.95) * (b - 0.95)) }
                }
                if best == nil || loss < (best?.loss ?? .infinity) { best = (loss, nu, gamma, tau2, c80, c95) }
            }
        }
        guard let chosen = best else {
            throw CalibrationError.notEnoughErrors("\(group): no degrees of freedom fitted")
        }
        let seriesCount = Set(errors.map { "\($0.indicator)|\($0.region)" }).count
        return FamilyCalibration(group: group, degreesOfFreedom: chosen.nu, factors: [], rawFactors: [],
                                 series: seriesCount, errors: errors.count, driftVariance: chosen.tau2,
                                 driftExponent: chosen.gamma, coverage80: chosen.c80, coverage95: chosen.c95)
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

/// The same quantile as `sortedQuantile(values.sorted(), p)` (type 7), by selection instead of a full sort:
/// O(n) on average (Hoare's FIND, 1961). Reorders `values`.
func selectQuantile(_ values: inout [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let position = p * Double(values.count - 1)
    let lower = Int(position.rounded(.down))
    let fraction = position - Double(lower)
    return values.withUnsafeMutableBufferPointer { buffer -> Double in
        let a = select(buffer, lower)
        guard fraction > 0, lower + 1 < buffer.count else { return a }
        // The next order statistic is the minimum of the part above `lower`.
        var b = Double.infinity
        for i in (lower + 1)..<buffer.count where buffer[i] < b { b = buffer[i] }
        return a + fraction * (b - a)
    }
}

/// k-th smallest element (0-based) of `buffer`, partially reordering it so that buffer[k] holds it,
/// everything before is ≤ and everything after is ≥.
private func select(_ buffer: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
    var lo = 0, hi = buffer.count - 1
    while lo < hi {
        let pivot = buffer[lo + (hi - lo) / 2]
        var i = lo, j = hi
        while i <= j {
            while buffer[i] < pivot { i += 1 }
            while buffer[j] > pivot { j -= 1 }
            if i <= j {
                buffer.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
        if k <= j { hi = j } else if k >= i { lo = i } else { break }
    }
    return buffer[k]
}

/// Student t quantile; ν ≥ 1000 (or ∞) uses the normal.
func tQuantile(_ p: Double, _ nu: Double) -> Double {
    if !nu.isFinite || nu >= 1000 { return Normal.quantile(p) }
    return (try? StudentT(degreesOfFreedom: nu))?.quantile(p) ?? Normal.quantile(p)
}
