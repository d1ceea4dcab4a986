import Foundation
import IndicatorData
import Projection
import Statistics

// MARK: - Result

/// Monte Carlo estimate of meeting two milestones (e.g. 2025 and 2030) of the same indicator.
public struct JointAttainmentResult: Sendable, Hashable, Codable {
    public let firstYear: Int
    public let secondYear: Int
    /// Frequencies of draws meeting the first milestone, the second, and both.
    public let pFirst: Double
    public let pSecond: Double
    public let pJoint: Double
    /// Monte Carlo standard errors √(p(1 − p)/N) of the three frequencies.
    public let seFirst: Double
    public let seSecond: Double
    public let seJoint: Double
    public let draws: Int
    public let seed: UInt64

    public init(firstYear: Int, secondYear: Int, hitsFirst: Int, hitsSecond: Int, hitsJoint: Int, draws: Int,
                seed: UInt64) {
        self.firstYear = firstYear
        self.secondYear = secondYear
        let n = Double(draws)
        pFirst = Double(hitsFirst) / n
        pSecond = Double(hitsSecond) / n
        pJoint = Double(hitsJoint) / n
        func se(_ p: Double) -> Double { (p * (1 - p) / n).squareRoot() }
        seFirst = se(pFirst)
        seSecond = se(pSecond)
        seJoint = se(pJoint)
        self.draws = draws
        self.seed = seed
    }
}

/// One milestone to judge by simulation: a year and the model-scale region that meets the target.
public struct JointMilestone: Sendable, Hashable {
    public let year: Int
    let region: ModelScaleRegion

    /// A numeric target judged with `comparator` (a `hold` target passes `.equal` and its tolerance).
    public init(year: Int, value: Double, comparator: IndicatorData.Comparator, tolerance: Double = 0, transform: Transform) {
        self.year = year
        region = ModelScaleRegion(value: value, comparator: comparator, tolerance: tolerance, transform: transform)
    }

    /// From a plan target; `nil` when the target has no number or comparator.
    public init?(target: Target, direction: Direction, transform: Transform) {
        guard let value = target.value, let comparator = target.resolvedComparator(direction: direction) else {
            return nil
        }
        self.init(year: target.year, value: value, comparator: comparator, tolerance: target.holdTolerance,
                  transform: transform)
    }
}

// MARK: - Simulation

/// Joint probability of meeting two milestones, by seeded Monte Carlo from the exact posterior predictive
/// of the trend under a flat prior (the distribution that makes the Student t prediction interval exact;
/// Gelman et al., *Bayesian Data Analysis*, 3rd ed., §14.2; the same algorithm as
/// `shared/bench/peer_numpy_mc.py`):
///
///     σ*² = s² · df / χ²_df                         (scaled inverse χ²)
///     β*  = β̂ + (σ*/s) · L · z,   L Lᵀ = s² (XᵀWX)⁻¹, z ~ N(0, I₂)
///     z*_h = x_hᵀ β* + σ* · e_h,   e_h ~ N(0, 1) independent per milestone
///
/// so that z*_h − x_hᵀβ̂ = u · s · (x_hᵀ C z + e_h) with u = σ*/s = √(df/χ²) and C = chol((XᵀWX)⁻¹):
/// marginally s·√(1 + x_hᵀ(XᵀWX)⁻¹x_h) · t_df, the classical predictive.
///
/// **Calibration and extra variance.** `TrendFit.predictive(year:)` widens the scale to
/// √(k(h)²·(s²(1 + lev_h) + extra) + τ²·h^γ) with min(ν, df) degrees of freedom (the simulation uses the
/// same df). Each milestone's deviation from its location is multiplied by
/// m_h = scale_h / (s·√(1 + lev_h)), i.e. d_h = (scale_h / √(1 + lev_h)) · u · (x_hᵀ C z + e_h), so the
/// simulated **marginal of every milestone equals `predictive(year:)` exactly** (location–scale t_df),
/// while the dependence between milestones (shared slope and shared σ*) is that of the trend model.
/// (Scaling the deviations rather than adding independent extra noise keeps the marginal exact; it slightly
/// overstates the correlation the extra variance carries, the conservative side for a joint probability.)
///
/// **Comparison on the model scale.** y meets the target iff g(y) lies in the target's model-scale region
/// (g strictly increasing), so no back-transform is evaluated per draw.
///
/// Reproducible: the same fit, milestones, draws and seed give bit-identical counts (xoshiro256** seeded
/// by SplitMix64 from `seed`; draws made in fixed-size chunks, independent of the machine).
public enum JointAttainment {
    /// Draws per chunk: buffers of 5 × 4096 doubles (160 KiB) stay in L2; the inner loop allocates nothing.
    static let chunk = 4096

    /// - Parameters:
    ///   - fit: the trend; its `predictive(year:)` gives each milestone's marginal.
    ///   - first, second: the two milestones (years may be in any order, but must differ).
    ///   - draws: number of Monte Carlo draws (≥ 1); standard errors shrink as 1/√draws.
    ///   - seed: generator seed, echoed in the result.
    /// - Throws: `AttainmentError.invalidDraws`, `.invalidMilestones`, `.invalidFit` (non-finite
    ///   coefficients, negative scale, degrees of freedom ≤ 0).
    /// - Complexity: O(draws), about 5 normal and 1 χ² variates per draw.
    public static func estimate(fit: TrendFit, first: JointMilestone, second: JointMilestone, draws: Int,
                                seed: UInt64) throws -> JointAttainmentResult {
        guard draws >= 1 else { throw AttainmentError.invalidDraws(draws) }
        guard first.year != second.year else {
            throw AttainmentError.invalidMilestones(
                "the two milestones are both in \(first.year); give two different target years")
        }
        // The predictive's df: min(ν, n − 2) with a calibration that fits ν tails, so the marginals match.
        let df = fit.predictiveDegreesOfFreedom
        guard df > 0 || df.isInfinite, !df.isNaN else {
            throw AttainmentError.invalidFit(
                "the trend has \(df) residual degrees of freedom; a joint probability needs at least 3 data points")
        }
        guard fit.coefficients.allSatisfy(\.isFinite), fit.unscaledCovariance.isFinite else {
            throw AttainmentError.invalidFit("the trend's coefficients or covariance are not finite; refit the series")
        }
        let chol = try choleskyRows(fit: fit)
        var plans: [MilestonePlan] = []
        for m in [first, second] {
            let p = fit.predictive(year: m.year)
            guard p.scale.isFinite, p.scale >= 0 else {
                throw AttainmentError.invalidFit("the predictive scale for \(m.year) is \(p.scale); refit the series")
            }
            let t = Double(m.year - fit.anchorYear)
            // A_h = x_hᵀ C with x_h = [1, t] and C lower-triangular rows (c00, 0; c10, c11).
            let a0 = chol.c00 + t * chol.c10
            let a1 = t * chol.c11
            let k = p.scale / (1 + a0 * a0 + a1 * a1).squareRoot()
            plans.append(MilestonePlan(a0: a0, a1: a1, k: k, lower: m.region.lower - p.location,
                                       upper: m.region.upper - p.location))
        }
        let counts = simulate(plans[0], plans[1], degreesOfFreedom: df, draws: draws, seed: seed)
        return JointAttainmentResult(firstYear: first.year, secondYear: second.year, hitsFirst: counts.0,
                                     hitsSecond: counts.1, hitsJoint: counts.2, draws: draws, seed: seed)
    }

    struct MilestonePlan {
        var a0: Double, a1: Double, k: Double, lower: Double, upper: Double
    }

    /// Lower Cholesky factor C of the unscaled covariance (XᵀWX)⁻¹ (2 × 2, or 1 × 1 for a level-only fit).
    /// Tiny negative pivots from rounding are clamped to 0 (a rank-deficient covariance is still sampled
    /// exactly along its range).
    static func choleskyRows(fit: TrendFit) throws -> (c00: Double, c10: Double, c11: Double) {
        let v = fit.unscaledCovariance
        if v.rows == 1, v.columns == 1 {
            return (max(v[0, 0], 0).squareRoot(), 0, 0)
        }
        guard v.rows == 2, v.columns == 2 else {
            throw AttainmentError.invalidFit(
                "the trend's covariance is \(v.rows)×\(v.columns); a linear trend needs 2×2")
        }
        guard v[0, 0] >= 0, v[1, 1] >= 0 else {
            throw AttainmentError.invalidFit("the trend's covariance has a negative variance; refit the series")
        }
        let c00 = v[0, 0].squareRoot()
        let c10 = c00 > 0 ? v[1, 0] / c00 : 0
        let c11 = max(v[1, 1] - c10 * c10, 0).squareRoot()
        return (c00, c10, c11)
    }

    /// The hot loop: chunked, allocation-free after the buffers are made.
    static func simulate(_ p: MilestonePlan, _ q: MilestonePlan, degreesOfFreedom df: Double, draws: Int,
                         seed: UInt64) -> (Int, Int, Int) {
        var rng = Xoshiro256StarStar(seed: seed)
        let chi = df.isInfinite ? nil : try? ChiSquared(degreesOfFreedom: df)
        let normals = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * chunk)
        let chis = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunk)
        defer {
            normals.deallocate()
            chis.deallocate()
        }
        let dfOrOne = df.isInfinite ? 1 : df
        var hitP = 0, hitQ = 0, hitBoth = 0
        var done = 0
        while done < draws {
            let m = min(chunk, draws - done)
            let nb = UnsafeMutableBufferPointer(rebasing: normals[0..<(4 * m)])
            fillStandardNormals(nb, using: &rng)
            let cb = UnsafeMutableBufferPointer(rebasing: chis[0..<m])
            if let chi {
                fillChiSquare(cb, sampler: chi, using: &rng)
            } else {
                cb.initialize(repeating: 1)  // df = ∞: u = √(df/χ²) → 1 (known σ)
            }
            guard let n = nb.baseAddress, let c = cb.baseAddress else { break }
            for i in 0..<m {
                let u = (dfOrOne / c[i]).squareRoot()  // = 1 when df = ∞ (c[i] = 1)
                let z0 = n[4 * i], z1 = n[4 * i + 1], e0 = n[4 * i + 2], e1 = n[4 * i + 3]
                let d0 = p.k * u * (p.a0 * z0 + p.a1 * z1 + e0)
                let d1 = q.k * u * (q.a0 * z0 + q.a1 * z1 + e1)
                // Branch-free counting: the outcomes are unpredictable (p ≈ 0.2–0.8), so `&&` and
                // `if` would mispredict about every other draw (perf showed them dominating the loop).
                let ok0 = (d0 >= p.lower ? 1 : 0) & (d0 <= p.upper ? 1 : 0)
                let ok1 = (d1 >= q.lower ? 1 : 0) & (d1 <= q.upper ? 1 : 0)
                hitP &+= ok0
                hitQ &+= ok1
                hitBoth &+= ok0 & ok1
            }
            done += m
        }
        return (hitP, hitQ, hitBoth)
    }
}
