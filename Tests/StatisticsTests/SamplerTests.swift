// Tests of the ziggurat normal sampler and the gamma/chi-square sampler: moments, Kolmogorov–Smirnov,
// reproducibility. All seeds are fixed, so each test is deterministic; tolerances are 5 standard errors
// of the statistic at the sample size, so a correct sampler passes with near certainty for any seed.
import Foundation
import Statistics
import Testing

@Suite("Random samplers")
struct SamplerTests {
    /// Sample mean, variance, skewness and excess kurtosis.
    static func moments(_ x: [Double]) -> (mean: Double, variance: Double, skewness: Double, kurtosis: Double) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var (m2, m3, m4) = (0.0, 0.0, 0.0)
        for value in x {
            let d = value - mean
            let d2 = d * d
            m2 += d2
            m3 += d2 * d
            m4 += d2 * d2
        }
        m2 /= n
        m3 /= n
        m4 /= n
        return (mean, m2, m3 / pow(m2, 1.5), m4 / (m2 * m2) - 3)
    }

    /// The Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)|.
    static func kolmogorovSmirnov(_ x: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = x.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, value) in sorted.enumerated() {
            let F = cdf(value)
            d = max(d, Double(i + 1) / n - F, F - Double(i) / n)
        }
        return d
    }

    /// Asymptotic KS critical value at level 0.001: √(−½ log(0.0005)) / √n ≈ 1.9495/√n.
    static func ksCritical(_ n: Int) -> Double {
        (-0.5 * log(0.0005)).squareRoot() / Double(n).squareRoot()
    }

    @Test("1e6 normal draws: moments within 5 standard errors, KS below the 0.001 critical value, tail frequency")
    func normalDistribution() throws {
        var generator = Xoshiro256StarStar(seed: 20_250_101)
        let n = 1_000_000
        let x = try StandardNormal.draws(count: n, using: &generator)
        let m = Self.moments(x)
        // Standard errors for N(0,1): mean 1/√n, variance √(2/n), skewness √(6/n), excess kurtosis √(24/n).
        let root = Double(n).squareRoot()
        #expect(abs(m.mean) < 5 / root, "mean \(m.mean)")
        #expect(abs(m.variance - 1) < 5 * 2.0.squareRoot() / root, "variance \(m.variance)")
        #expect(abs(m.skewness) < 5 * 6.0.squareRoot() / root, "skewness \(m.skewness)")
        #expect(abs(m.kurtosis) < 5 * 24.0.squareRoot() / root, "excess kurtosis \(m.kurtosis)")
        let d = Self.kolmogorovSmirnov(x, cdf: Normal.cdf)
        #expect(d < Self.ksCritical(n), "KS D = \(d), critical \(Self.ksCritical(n))")
        // The tail beyond the ziggurat's r = 3.6541528853610088 uses its own algorithm: its frequency is
        // binomial(n, 2·Φ(−r)), mean ≈ 258, sd ≈ 16; allow 5 sd.
        let r = 3.654_152_885_361_008_8
        let expected = Double(n) * 2 * Normal.cdf(-r)
        let seen = Double(x.filter { abs($0) > r }.count)
        #expect(abs(seen - expected) < 5 * expected.squareRoot(), "tail count \(seen), expected \(expected)")
        #expect(x.allSatisfy { $0.isFinite })
    }

    @Test("normal: same seed gives identical draws, another seed different; fill equals next", arguments: [1, 7])
    func normalReproducibility(seed: UInt64) throws {
        var a = Xoshiro256StarStar(seed: seed)
        var b = Xoshiro256StarStar(seed: seed)
        var c = Xoshiro256StarStar(seed: seed + 100)
        let first = try StandardNormal.draws(count: 10_000, using: &a)
        #expect(first == (0..<10_000).map { _ in StandardNormal.next(using: &b) })
        #expect(a == b)
        #expect(first != (try StandardNormal.draws(count: 10_000, using: &c)))
    }

    @Test("chi-square draws: mean k and variance 2k within 5 standard errors; KS against ChiSquared.cdf",
          arguments: [1.0, 2.5, 5, 30])
    func chiSquaredDistribution(k: Double) throws {
        var generator = Xoshiro256StarStar(seed: 42)
        let n = 400_000
        let distribution = try ChiSquared(degreesOfFreedom: k)
        let x = try distribution.draws(count: n, using: &generator)
        let m = Self.moments(x)
        // SE of the mean √(2k/n); SE of the sample variance √((μ₄ − σ⁴)/n) with μ₄ = 12k² + 48k, σ⁴ = 4k².
        let root = Double(n).squareRoot()
        #expect(abs(m.mean - k) < 5 * (2 * k).squareRoot() / root, "k=\(k): mean \(m.mean)")
        #expect(abs(m.variance - 2 * k) < 5 * (8 * k * k + 48 * k).squareRoot() / root,
                "k=\(k): variance \(m.variance)")
        let d = Self.kolmogorovSmirnov(Array(x.prefix(100_000)), cdf: distribution.cdf)
        #expect(d < Self.ksCritical(100_000), "k=\(k): KS D = \(d), critical \(Self.ksCritical(100_000))")
        #expect(x.allSatisfy { $0 >= 0 && $0.isFinite })
    }

    @Test("gamma draws with a scale: mean αθ, variance αθ²; same seed reproduces")
    func gammaScale() throws {
        let gamma = try GammaDistribution(shape: 0.3, scale: 4)
        var a = Xoshiro256StarStar(seed: 5)
        var b = Xoshiro256StarStar(seed: 5)
        let n = 400_000
        let x = try gamma.draws(count: n, using: &a)
        #expect(x == (try gamma.draws(count: n, using: &b)))
        let m = Self.moments(x)
        // Gamma(α, θ): mean αθ = 1.2, variance αθ² = 4.8. Standard errors: √(αθ²/n) for the mean and
        // √((μ₄ − σ⁴)/n) for the variance, with the central 4th moment μ₄ = 3α(α + 2)θ⁴ (excess kurtosis 6/α).
        // Shape 0.3 < 1 exercises the U^(1/α) boost.
        let (alpha, theta) = (0.3, 4.0)
        let root = Double(n).squareRoot()
        #expect(abs(m.mean - alpha * theta) < 5 * (alpha * theta * theta).squareRoot() / root, "mean \(m.mean)")
        let mu4 = 3 * alpha * (alpha + 2) * pow(theta, 4)
        let sigma4 = pow(alpha * theta * theta, 2)
        #expect(abs(m.variance - alpha * theta * theta) < 5 * (mu4 - sigma4).squareRoot() / root,
                "variance \(m.variance)")
    }

    @Test("bad sampler arguments throw messages that name the value")
    func badArguments() {
        var generator = Xoshiro256StarStar(seed: 1)
        #expect(throws: StatisticsError.invalidParameter("the number of normal draws must be 0 or more, got -1.")) {
            _ = try StandardNormal.draws(count: -1, using: &generator)
        }
        #expect(throws: StatisticsError.invalidParameter("gamma shape must be a finite number greater than 0, got 0.0.")) {
            _ = try GammaDistribution(shape: 0)
        }
        #expect(throws: StatisticsError.invalidParameter("gamma scale must be a finite number greater than 0, got -2.0.")) {
            _ = try GammaDistribution(shape: 1, scale: -2)
        }
        #expect(throws: StatisticsError.invalidParameter("the number of gamma draws must be 0 or more, got -5.")) {
            _ = try GammaDistribution(shape: 1).draws(count: -5, using: &generator)
        }
        #expect(throws: StatisticsError.invalidParameter(
            "the number of chi-square draws must be 0 or more, got -3.")) {
            _ = try ChiSquared(degreesOfFreedom: 3).draws(count: -3, using: &generator)
        }
        #expect((try? StandardNormal.draws(count: 0, using: &generator)) == [])
    }
}
