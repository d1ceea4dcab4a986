// GammaDistribution: seeded gamma draws (Marsaglia–Tsang), and chi-square draws built on them.
import Foundation

// MARK: - GammaDistribution

/// The gamma distribution with shape α > 0 and scale θ > 0 (mean αθ, variance αθ²), for random draws.
///
/// Draws use Marsaglia & Tsang's (2000) squeeze-rejection method for α ≥ 1: with d = α − ⅓, c = 1/√(9d),
/// z ~ N(0, 1) (ziggurat) and v = (1 + cz)³ > 0, accept d·v if U < 1 − 0.0331 z⁴ or
/// log U < z²/2 + d(1 − v + log v); the acceptance rate is above 95 % for every α ≥ 1.
/// For α < 1 the boost Gamma(α) = Gamma(α + 1) · U^(1/α) is used (Marsaglia & Tsang 2000, §7), except
/// α = ½ (χ²₁, one degree of freedom), drawn exactly and faster as Z²/2.
/// - Reference: G. Marsaglia & W. W. Tsang (2000), "A simple method for generating gamma variables",
///   ACM TOMS 26(3) 363–372.
public struct GammaDistribution: Sendable, Equatable {
    /// The shape α.
    public let shape: Double
    /// The scale θ.
    public let scale: Double

    /// Creates the gamma distribution with shape α and scale θ.
    ///
    /// - Parameters:
    ///   - shape: α, finite and > 0.
    ///   - scale: θ, finite and > 0 (default 1).
    /// - Throws: `StatisticsError.invalidParameter` naming the bad parameter.
    public init(shape: Double, scale: Double = 1) throws {
        guard shape.isFinite, shape > 0 else {
            throw StatisticsError.invalidParameter(
                "gamma shape must be a finite number greater than 0, got \(shape).")
        }
        guard scale.isFinite, scale > 0 else {
            throw StatisticsError.invalidParameter(
                "gamma scale must be a finite number greater than 0, got \(scale).")
        }
        self.shape = shape
        self.scale = scale
    }

    // MARK: - Drawing

    /// Fills `buffer` with independent draws; no allocation.
    ///
    /// - Parameters:
    ///   - buffer: the destination; every element is overwritten.
    ///   - generator: the seeded generator.
    /// - Complexity: O(buffer.count); about 1.05 normal and 1 uniform draw per value for α ≥ 1.
    @inlinable
    public func fill(_ buffer: UnsafeMutableBufferPointer<Double>, using generator: inout Xoshiro256StarStar) {
        guard let base = buffer.baseAddress else { return }
        let tables = ZigguratTables.shared
        let (k, w, f) = (tables.k, tables.w, tables.f)
        if shape == 0.5 {
            // Gamma(½, θ) = θ·Z²/2 exactly (χ²₁ = Z²): one normal draw instead of a rejection loop and a pow.
            var local = generator
            let halfTheta = 0.5 * scale
            for index in 0..<buffer.count {
                let z = StandardNormal.sample(&local, k, w, f)
                base[index] = halfTheta * z * z
            }
            generator = local
            return
        }
        let boosted = shape < 1
        let d = (boosted ? shape + 1 : shape) - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        let inverseShape = 1 / shape
        let theta = scale
        // Two passes: first the candidates' normals at the ziggurat's full speed, then the squeeze test
        // on each; a rejected candidate (< 5 %) is replaced by a fresh, complete Marsaglia–Tsang draw,
        // which is what the rejection loop would have done, so the distribution is unchanged.
        StandardNormal.fill(buffer, using: &generator)
        var local = generator
        for index in 0..<buffer.count {
            let z = base[index]
            var value: Double
            let v = 1 + c * z
            let v3 = v * v * v
            let u = local.nextDouble()
            let z2 = z * z
            if v > 0, u < 1 - 0.0331 * z2 * z2 || log(u) < 0.5 * z2 + d * (1 - v3 + log(v3)) {
                value = d * v3
            } else {
                value = Self.marsagliaTsang(d: d, c: c, &local, k, w, f)
            }
            if boosted {
                value *= pow(local.nextOpenDouble(), inverseShape)
            }
            base[index] = value * theta
        }
        generator = local
    }

    /// `count` independent draws.
    ///
    /// - Throws: `StatisticsError.invalidParameter` when `count` is negative.
    public func draws(count: Int, using generator: inout Xoshiro256StarStar) throws -> [Double] {
        guard count >= 0 else {
            throw StatisticsError.invalidParameter("the number of gamma draws must be 0 or more, got \(count).")
        }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer, using: &generator)
            initialized = count
        }
    }

    /// One Gamma(d + ⅓, 1) draw by Marsaglia–Tsang, for d ≥ ⅔.
    @inlinable @inline(__always)
    static func marsagliaTsang(d: Double, c: Double, _ generator: inout Xoshiro256StarStar,
                               _ k: UnsafePointer<UInt64>, _ w: UnsafePointer<Double>,
                               _ f: UnsafePointer<Double>) -> Double {
        while true {
            var z: Double
            var v: Double
            repeat {
                z = StandardNormal.sample(&generator, k, w, f)
                v = 1 + c * z
            } while v <= 0
            v = v * v * v
            let u = generator.nextDouble()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 { return d * v }
            if log(u) < 0.5 * z2 + d * (1 - v + log(v)) { return d * v }
        }
    }
}

// MARK: - Chi-square draws

extension ChiSquared {
    /// Fills `buffer` with independent chi-square draws: χ²ₖ = 2·Gamma(k/2) (= Gamma(k/2, scale 2)).
    ///
    /// - Parameters:
    ///   - buffer: the destination; every element is overwritten.
    ///   - generator: the seeded generator.
    /// - Reference: Abramowitz & Stegun (1964) 26.4.1; `GammaDistribution` for the method.
    @inlinable
    public func fill(_ buffer: UnsafeMutableBufferPointer<Double>, using generator: inout Xoshiro256StarStar) {
        gamma.fill(buffer, using: &generator)
    }

    /// `count` independent chi-square draws.
    ///
    /// - Throws: `StatisticsError.invalidParameter` when `count` is negative.
    public func draws(count: Int, using generator: inout Xoshiro256StarStar) throws -> [Double] {
        guard count >= 0 else {
            throw StatisticsError.invalidParameter(
                "the number of chi-square draws must be 0 or more, got \(count).")
        }
        return try gamma.draws(count: count, using: &generator)
    }

    /// Gamma(k/2, scale 2), valid because k > 0 was checked by `init`.
    @inlinable
    var gamma: GammaDistribution {
        GammaDistribution(uncheckedShape: 0.5 * degreesOfFreedom, scale: 2)
    }
}

extension GammaDistribution {
    /// Creates the distribution without checks, for parameters already validated by another initializer.
    @usableFromInline
    init(uncheckedShape shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
    }
}
