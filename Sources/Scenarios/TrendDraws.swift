import Foundation
import Projection

/// Monte Carlo deviations of a trend's predictive distribution, correlated across years.
///
/// For draw j and year t (horizon h = t − anchor):
///
///     m_j = √(ν/χ²_ν),  (Δa, Δb)ᵀ = σ̂·L·(z₁, z₂)ᵀ with LLᵀ = (XᵀWX)⁻¹,
///     dev_j(t) = m_j·( k(h)·(Δa + Δb·h + √(noise(h))·ε_t) + √(τ²·h^γ)·ζ )
///
/// with noise(h) = `TrendFit.noiseVariance(horizon:)` (σ̂² + extra, or a borrowed fit's regional dispersion),
/// ν the predictive's degrees of freedom (`TrendFit.predictiveDegreesOfFreedom`), k(h) the
/// calibration factor, τ²·h^γ its additive drift variance (one ζ per draw: a drift is persistent) and
/// ε_t, z₁, z₂, ζ independent standard normals. Given m_j the deviation is normal with variance
/// m_j²·(k²·(σ̂²(1 + x₀ᵀ(XᵀWX)⁻¹x₀) + extra) + τ²h^γ) = m_j²·scale², so its marginal is exactly the Student-t
/// predictive of `TrendFit.predictive` (a normal scale mixture with inverse-χ² mixing; Gelman et al.,
/// "Bayesian Data Analysis", 3rd ed., §14.2), and years share the coefficient draw.
///
/// Every quantity draws from its own stream (`MonteCarloStreams`, label `trend:<code>`), so business as usual
/// and a lever on the same indicator see the same deviations (common random numbers).
struct TrendDraws {
    let years: [Int]
    let count: Int
    /// Draw j of year `years[i]` at `storage[i * count + j]`, on the model scale (year-major, so that one
    /// year's draws are contiguous).
    let storage: [Double]

    /// The draws of year `years[i]`.
    func deviations(year i: Int) -> ArraySlice<Double> { storage[(i * count)..<((i + 1) * count)] }

    /// - Complexity: O(draws × years).
    init(fit: TrendFit, years: [Int], draws: Int, seed: UInt64, label: String) {
        self.years = years
        // Cholesky of the 2×2 unscaled covariance, read back from the leverage x₀ᵀCx₀ at t = 0, ±1.
        let c00 = max(0, fit.leverage(year: fit.anchorYear))
        let lPlus = fit.leverage(year: fit.anchorYear + 1), lMinus = fit.leverage(year: fit.anchorYear - 1)
        let c11 = max(0, (lPlus + lMinus) / 2 - c00), c01 = (lPlus - lMinus) / 4
        let l00 = c00.squareRoot()
        let l10 = l00 > 0 ? c01 / l00 : 0
        let l11 = max(0, c11 - l10 * l10).squareRoot()
        let df = fit.predictiveDegreesOfFreedom
        let horizons = years.map { $0 - fit.anchorYear }
        let noise = horizons.map { fit.noiseVariance(horizon: $0).squareRoot() }
        let factors = horizons.map { fit.calibration.factor(horizon: $0) }
        let drifts = horizons.map { fit.calibration.driftVariance(horizon: $0).squareRoot() }
        let hasDrift = drifts.contains { $0 > 0 }
        var rng = MonteCarloStreams.generator(seed: seed, label: label)
        count = draws
        var out = [Double](repeating: 0, count: draws * years.count)
        for j in 0..<draws {
            let z1 = MonteCarloStreams.normal(&rng), z2 = MonteCarloStreams.normal(&rng)
            var mix = 1.0
            if let chi = MonteCarloStreams.chiSquare(degreesOfFreedom: df, &rng), chi > 0 {
                mix = (df / chi).squareRoot()
            }
            // Drawn only for a calibration with drift, so uncalibrated runs keep their streams.
            let zeta = hasDrift ? MonteCarloStreams.normal(&rng) : 0
            let da = fit.sigma * l00 * z1
            let db = fit.sigma * (l10 * z1 + l11 * z2)
            for i in years.indices {
                let eps = MonteCarloStreams.normal(&rng)
                out[i * draws + j] = mix * (factors[i] * (da + db * Double(horizons[i]) + noise[i] * eps) + drifts[i] * zeta)
            }
        }
        storage = out
    }
}
