import Foundation

// MARK: - A resource lever as a change to business as usual

/// What a resource lever changes relative to business as usual, and the stock it adds or removes.
///
/// Business as usual (BAU) for a resource is its density trend D_t (the scorecard's predictive distribution)
/// and so a stock S_t = D_t·P_t/10⁴ with P_t the population. Read through the stock-and-flow identity of
/// workforce projection models (WHO, "Models and tools for health workforce planning and projections",
/// Human Resources for Health Observer 3, 2010; the supply side of iHRIS Plan and of the OneHealth Tool),
///
///     S_t = (1 − a)·S_{t−1} + h_t,
///
/// BAU keeps hiring the net intake h_t = S_t − (1 − a)·S_{t−1} that the trend implies. A lever keeps that
/// intake and changes it: extra entrants ΔA_t (extra hires or added beds, after a pipeline delay d:
/// ΔA_t = E_{t−d} for t > d, and the change of `pipeline_arrivals` for t ≤ d) and an attrition rate
/// a′ = a + δa. The scenario stock S′_t = (1 − a′)·S′_{t−1} + h_t + ΔA_t then differs from BAU by
///
///     Δ_0 = 0,   Δ_t = max(−S_t, (1 − a′)·Δ_{t−1} − (a′ − a)·S_{t−1} + ΔA_t),
///
/// (the max keeps S′_t = S_t + Δ_t ≥ 0), and the scenario density is D′_t = D_t + 10⁴·Δ_t/P_t. Properties,
/// draw by draw: Δ is non-decreasing in every ΔA_t and non-increasing in δa (∂Δ_t/∂a′ = −S′_{t−1} +
/// (1 − a′)·∂Δ_{t−1}/∂a′ ≤ 0 because S′ ≥ 0), and a change with ΔA ≡ 0, δa = 0 gives Δ ≡ 0 exactly.
public struct ResourceChange: Sendable, Hashable {
    /// Extra intake E_t relative to BAU for t = 1 … T (negative: fewer than BAU).
    public var extraIntake: [Double]
    /// δa: a′ = clamp(a + δa, 0, 0.999).
    public var attritionChange: Double
    /// d: the extra intake of year t enters service in year t + d.
    public var pipelineDelay: Int
    /// Entrants in years 1 … d relative to BAU (`pipeline_arrivals − h̄`; 0 = as BAU).
    public var arrivalsChange: Double

    public init(extraIntake: [Double], attritionChange: Double = 0, pipelineDelay: Int = 0, arrivalsChange: Double = 0) {
        self.extraIntake = extraIntake
        self.attritionChange = attritionChange
        self.pipelineDelay = pipelineDelay
        self.arrivalsChange = arrivalsChange
    }

    /// No change at all (Δ ≡ 0).
    public var isNull: Bool {
        attritionChange == 0 && (pipelineDelay == 0 || arrivalsChange == 0) && extraIntake.allSatisfy { $0 == 0 }
    }

    /// ΔA_t: E_{t−d} for t > d, `arrivalsChange` for 1 ≤ t ≤ d.
    public func entrantsChange(year t: Int) -> Double {
        guard t > pipelineDelay else { return arrivalsChange }
        let k = t - pipelineDelay - 1
        return k < extraIntake.count ? extraIntake[k] : (extraIntake.last ?? 0)
    }

    /// The lever's attrition a′ for a BAU attrition a, clamped to [0, 0.999].
    public func leverAttrition(_ a: Double) -> Double {
        Swift.min(0.999, Swift.max(0, a + attritionChange))
    }

    /// Δ_0 … Δ_T for the BAU stocks S_0 … S_T and the BAU attrition a (see the type's formula).
    /// - Complexity: O(T).
    public func stockChange(bauStock: [Double], attrition a: Double) -> [Double] {
        var delta = [Double](repeating: 0, count: bauStock.count)
        guard !isNull, bauStock.count > 1 else { return delta }
        let aLever = leverAttrition(a)
        for t in 1..<bauStock.count {
            let next = (1 - aLever) * delta[t - 1] - (aLever - a) * bauStock[t - 1] + entrantsChange(year: t)
            delta[t] = Swift.max(-bauStock[t], next)
        }
        return delta
    }
}

// MARK: - Net hiring implied by history

public enum NetHires {
    /// The constant yearly net intake h that takes stock S₁ in year y₁ to S₂ in year y₂ under attrition a:
    ///
    ///     S₂ = (1 − a)^k·S₁ + h·Σ_{j=0}^{k−1} (1 − a)^j,  k = y₂ − y₁,
    ///     h = (S₂ − (1 − a)^k·S₁) / Σ_{j=0}^{k−1} (1 − a)^j
    ///
    /// (for k = 1 this is h = ΔS + a·S₁, the net hiring of one year; for a = 0, the mean yearly change).
    /// - Returns: `nil` unless y₂ > y₁ and both stocks are finite.
    public static func implied(from first: (year: Int, stock: Double), to last: (year: Int, stock: Double),
                               attrition a: Double) -> Double? {
        let k = last.year - first.year
        guard k >= 1, first.stock.isFinite, last.stock.isFinite else { return nil }
        let keep = 1 - a
        var annuity = 0.0
        var factor = 1.0
        for _ in 0..<k {
            annuity += factor
            factor *= keep
        }
        return (last.stock - factor * first.stock) / annuity
    }
}
