// ChiSquared: the chi-square distribution (CDF, survival, quantile, density).
import Foundation

// MARK: - ChiSquared

/// The chi-square distribution with k > 0 degrees of freedom (k need not be an integer).
///
/// F(x) = P(k/2, x/2), the regularized lower incomplete gamma function (A&S 26.4.19); the survival
/// Q(k/2, x/2) is computed directly in the upper tail, so both tails keep their relative accuracy.
public struct ChiSquared: Sendable, Equatable {
    /// The degrees of freedom k.
    public let degreesOfFreedom: Double

    /// Creates the chi-square distribution with k degrees of freedom.
    ///
    /// - Parameter degreesOfFreedom: k, a finite number > 0.
    /// - Throws: `StatisticsError.invalidParameter` when k ≤ 0, NaN or infinite.
    public init(degreesOfFreedom: Double) throws {
        try StatisticsError.checkDegreesOfFreedom(degreesOfFreedom, distribution: "chi-square")
        self.degreesOfFreedom = degreesOfFreedom
    }

    // MARK: - Distribution functions

    /// The density f(x) = x^(k/2−1) e^(−x/2) / (2^(k/2) Γ(k/2)) for x > 0, 0 for x < 0.
    ///
    /// - Parameter x: any real; NaN gives NaN. At x = 0: +∞ for k < 2, ½ for k = 2, 0 for k > 2.
    /// - Returns: f(x).
    /// - Reference: Abramowitz & Stegun (1964) 26.4.1.
    public func density(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        if x < 0 { return 0 }
        let a = 0.5 * degreesOfFreedom
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? 0.5 : 0) }
        return exp(logGammaPrefactor(a: a, x: 0.5 * x)) / x
    }

    /// The cumulative distribution function F(x) = P(k/2, x/2).
    ///
    /// - Parameter x: any real; x ≤ 0 gives 0, +∞ gives 1, NaN gives NaN.
    /// - Returns: F(x) in [0, 1].
    /// - Reference: Abramowitz & Stegun (1964) 26.4.19; `regularizedIncompleteGamma(a:x:)`.
    public func cdf(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        return regularizedIncompleteGamma(a: 0.5 * degreesOfFreedom, x: 0.5 * x).lower
    }

    /// The survival function 1 − F(x) = Q(k/2, x/2), computed without cancellation.
    ///
    /// - Parameter x: any real; x ≤ 0 gives 1, NaN gives NaN.
    /// - Returns: P(X > x) in [0, 1].
    /// - Reference: as `cdf(_:)`.
    public func survival(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return regularizedIncompleteGamma(a: 0.5 * degreesOfFreedom, x: 0.5 * x).upper
    }

    // MARK: - Quantile

    /// The quantile F⁻¹(p).
    ///
    /// Start: the Wilson–Hilferty cube x ≈ k(1 − 2/(9k) + z√(2/(9k)))³ with z = Φ⁻¹(p), raised in the lower
    /// tail to the lower bound 2(p·Γ(k/2 + 1))^(2/k) (from P(a, x) ≤ x^a/Γ(a+1)). Then Newton's method in
    /// s = log x on log G − log G*, with G = P (p < ½) or Q (p ≥ ½) and d log G/ds = ± x f(x)/G.
    ///
    /// - Parameter p: a probability; 0 gives 0, 1 gives +∞, outside [0, 1] or NaN gives NaN. A quantile
    ///   below the smallest positive double (tiny p with small k) is returned as 0.
    /// - Returns: x with F(x) = p.
    /// - Reference: Wilson & Hilferty (1931), PNAS 17, 684–688; Abramowitz & Stegun (1964) 26.4.17.
    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let k = degreesOfFreedom
        let a = 0.5 * k
        let lowerSide = p < 0.5
        let logTarget = log(lowerSide ? p : 1 - p)
        let z = Normal.quantile(p)
        let h = 2 / (9 * k)
        let cube = 1 - h + z * h.squareRoot()
        var x = cube > 0 ? k * cube * cube * cube : 0
        if lowerSide {
            let logLowerBound = log(2.0) + (log(p) + logGamma(a + 1)) / a
            // The quantile is below the smallest double (e.g. k = 1, p = 1e-300 gives ≈ 1.6e-600).
            if logLowerBound < log(Double.leastNonzeroMagnitude) { return 0 }
            x = max(x, exp(logLowerBound))
        }
        if !(x > 0) || !x.isFinite { x = k }
        for _ in 0..<200 {
            let pq = regularizedIncompleteGamma(a: a, x: 0.5 * x)
            let g = lowerSide ? pq.lower : pq.upper
            var step: Double
            if g > 0 {
                // x·f(x)/G in logs, so that neither factor underflows on its own.
                let slope = (lowerSide ? 1.0 : -1.0) * exp(logGammaPrefactor(a: a, x: 0.5 * x) - log(g))
                step = -(log(g) - logTarget) / slope
            } else {
                step = lowerSide ? 1 : -1
            }
            if !step.isFinite { break }
            step = min(max(step, -1), 1)
            x *= exp(step)
            if abs(step) < 1e-13 { break }
        }
        return x
    }
}
