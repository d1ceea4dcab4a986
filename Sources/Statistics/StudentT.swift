// StudentT: Student's t distribution (CDF, survival, quantile, density) for any df > 0.
import Foundation

// MARK: - StudentT

/// Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer).
///
/// Distribution functions go through the regularized incomplete beta function:
/// for t < 0, F(t) = ½·I_x(ν/2, ½) with x = ν/(ν + t²) (A&S 26.7.1), and the probability between 0 and
/// |t| is ½·I_y(½, ν/2) with y = t²/(ν + t²). Whichever of the two is small is computed directly, so
/// tail probabilities keep about 1e-14 relative accuracy down to the smallest doubles and `survival`
/// never forms 1 − `cdf`. I is the continued fraction, or for ν ≥ 1000 near the centre DiDonato & Morris's
/// asymptotic expansion BGRAT, where the fraction would lose digits (see `directIncompleteBeta`).
public struct StudentT: Sendable, Equatable {
    /// The degrees of freedom ν.
    public let degreesOfFreedom: Double

    /// log(√ν · B(ν/2, ½)), the log of the density's normalizing constant.
    let logNormalizer: Double

    // MARK: - Creating

    /// Creates the t distribution with ν degrees of freedom.
    ///
    /// - Parameter degreesOfFreedom: ν, a finite number > 0 (regression intervals use ν = n − k).
    /// - Throws: `StatisticsError.invalidParameter` when ν ≤ 0, NaN or infinite (for ν = ∞ use `Normal`).
    public init(degreesOfFreedom: Double) throws {
        try StatisticsError.checkDegreesOfFreedom(degreesOfFreedom, distribution: "Student t")
        self.degreesOfFreedom = degreesOfFreedom
        self.logNormalizer = 0.5 * log(degreesOfFreedom) + logBeta(0.5 * degreesOfFreedom, 0.5)
    }

    // MARK: - Distribution functions

    /// The density f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν · B(ν/2, ½)).
    ///
    /// - Parameter t: any real; NaN gives NaN.
    /// - Returns: f(t).
    /// - Reference: Abramowitz & Stegun (1964) 26.7.1.
    public func density(_ t: Double) -> Double {
        guard !t.isNaN else { return .nan }
        let logs = Self.logArguments(t, degreesOfFreedom)
        return exp(0.5 * (degreesOfFreedom + 1) * logs.logX - logNormalizer)
    }

    /// The cumulative distribution function F(t) = P(T ≤ t).
    ///
    /// F(t) = ½·I_x(ν/2, ½) for t < 0 and 1 − ½·I_x(ν/2, ½) for t > 0, x = ν/(ν + t²); I by the
    /// continued fraction (`regularizedIncompleteBeta`). Lower-tail values are relatively accurate
    /// (≈1e-14, checked against scipy to 1e-12 for p ≥ 1e-10).
    ///
    /// - Parameter t: any real; ±∞ give 0 and 1, NaN gives NaN.
    /// - Returns: F(t) in [0, 1].
    /// - Reference: Abramowitz & Stegun (1964) 26.7.1 and 26.5.27; Numerical Recipes (3rd ed.) §6.14.
    public func cdf(_ t: Double) -> Double {
        guard !t.isNaN else { return .nan }
        let parts = tails(t)
        return t < 0 ? parts.tail : 0.5 + parts.centre
    }

    /// The survival function 1 − F(t) = P(T > t) = F(−t), computed without cancellation.
    ///
    /// - Parameter t: any real; NaN gives NaN.
    /// - Returns: P(T > t) in [0, 1].
    /// - Reference: as `cdf(_:)`; the t distribution is symmetric about 0.
    public func survival(_ t: Double) -> Double {
        cdf(-t)
    }

    /// The tail P(T < −|t|) and the centre P(0 < T < |t|); tail + centre = ½, and the smaller of the two
    /// is computed directly.
    func tails(_ t: Double) -> (tail: Double, centre: Double) {
        let u = abs(t)
        if u == 0 { return (0.5, 0) }
        if u == .infinity { return (0, 0.5) }
        let logs = Self.logArguments(u, degreesOfFreedom)
        let beta = incompleteBeta(a: 0.5 * degreesOfFreedom, b: 0.5, x: logs.x, y: logs.y,
                                  logX: logs.logX, logY: logs.logY)
        return (0.5 * beta.lower, 0.5 * beta.upper)
    }

    /// x = ν/(ν+t²), y = t²/(ν+t²) and their logs, formed from r = t²/ν without 1 − x and without
    /// overflow of t² (for |t|/√ν > 1e150, log x = −log r to double precision).
    static func logArguments(_ t: Double, _ nu: Double) -> (x: Double, y: Double, logX: Double, logY: Double) {
        let u = abs(t)
        let z = u / nu.squareRoot()
        if z > 1e150 {
            let logX = -2 * log(z)
            return (exp(logX), 1, logX, 0)
        }
        let r = u * u / nu
        let logX = -log1p(r)
        let logY = r <= 1 ? log(r) + logX : -log1p(1 / r)
        return (1 / (1 + r), r / (1 + r), logX, logY)
    }

    // MARK: - Quantile

    /// The quantile (inverse CDF) F⁻¹(p).
    ///
    /// Start: ν = 1 and ν = 2 in closed form (t = cot(πq), t = (1 − 2q)/√(2q(1 − q)) for the upper-tail
    /// probability q), other ν by Hill's algorithm 396 (relative error ≤ 1e-4). Then Newton's method in
    /// s = log t on log G(t) − log G*, where G is the upper tail (q ≤ ¼) or the centre ½ − q (q > ¼), both
    /// computed directly: ds = −(log G − log G*) / (d log G / ds), with d log G / ds = ∓ t f(t)/G. In
    /// log-log coordinates the t tail is nearly a straight line of slope −ν, so 3–6 steps reach full
    /// precision; the answer is as accurate as the CDF (relative error ≈ CDF error / (t f(t)/G)).
    ///
    /// - Parameter p: a probability. p = 0 gives −∞, p = 1 gives +∞, p = ½ gives 0; outside [0, 1] or NaN
    ///   gives NaN.
    /// - Returns: t with F(t) = p.
    /// - Reference: G. W. Hill (1970), "Algorithm 396: Student's t-quantiles", Comm. ACM 13(10) 619–620;
    ///   Abramowitz & Stegun (1964) 26.7.
    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let q = p < 0.5 ? p : 1 - p  // exact for p ≥ ½ (Sterbenz)
        let t = upperQuantile(q)
        return p < 0.5 ? -t : t
    }

    /// The t > 0 with P(T > t) = q, for 0 < q < ½.
    func upperQuantile(_ q: Double) -> Double {
        let useCentre = q > 0.25
        let target = useCentre ? 0.5 - q : q  // exact for q in (¼, ½)
        let logTarget = log(target)
        var t = startingQuantile(q)
        for _ in 0..<100 {
            guard t > 0, t.isFinite else { break }
            let parts = tails(t)
            let g = useCentre ? parts.centre : parts.tail
            var step: Double
            if g > 0 {
                // t·f(t)/G in logs: f(t) alone underflows for t ≳ 1e80 while G is still a normal number.
                let logs = Self.logArguments(t, degreesOfFreedom)
                let logDensity = 0.5 * (degreesOfFreedom + 1) * logs.logX - logNormalizer
                let slope = (useCentre ? 1.0 : -1.0) * exp(log(t) + logDensity - log(g))
                step = -(log(g) - logTarget) / slope
            } else {
                step = useCentre ? 1 : -1  // g underflowed: t far too small (centre) or large (tail)
            }
            if !step.isFinite { break }
            step = min(max(step, -1), 1)
            t *= exp(step)
            if abs(step) < 1e-13 { break }
        }
        return t
    }

    /// A starting value for `upperQuantile`: closed forms for ν = 1, 2; Hill (1970) for ν > 1;
    /// the power-law tail t ≈ (q·B(ν/2,½)·ν^(1−ν/2))^(−1/ν) or the linear centre t ≈ (½ − q)/f(0) otherwise.
    func startingQuantile(_ q: Double) -> Double {
        let n = degreesOfFreedom
        if n == 1 {
            return q < 0.25 ? 1 / tan(Double.pi * q) : tan(Double.pi * (0.5 - q))
        }
        if n == 2 {
            return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()
        }
        if n > 1 {
            let hill = Self.hillQuantile(twoSided: 2 * q, n)
            if hill.isFinite, hill > 0 { return hill }
        }
        if q < 0.25 {
            return exp(-(log(q) + logBeta(0.5 * n, 0.5) + (1 - 0.5 * n) * log(n)) / n)
        }
        return (0.5 - q) * exp(logNormalizer)
    }

    /// Hill's approximation to the upper t quantile for a two-sided probability P = 2q, ν > 1.
    /// - Reference: G. W. Hill (1970), Comm. ACM 13(10) 619–620, Algorithm 396.
    static func hillQuantile(twoSided p: Double, _ n: Double) -> Double {
        let a = 1 / (n - 0.5)
        let b = 48 / (a * a)
        var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
        let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * n
        var y = pow(d * p, 2 / n)
        if y > 0.05 + a {
            // Asymptotic inverse expansion about the normal.
            let x = Normal.quantile(0.5 * p)
            y = x * x
            if n < 5 { c += 0.3 * (n - 4.5) * (x + 0.6) }
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
            y = expm1(a * y * y)
        } else {
            y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1)
                * (n + 1) / (n + 2) + 1 / y
        }
        return (n * y).squareRoot()
    }
}
