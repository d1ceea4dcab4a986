import Foundation

// MARK: - Calibration constants on another scale (delta method)

/// Carries calibration constants fitted on one model scale to the scale a fit actually uses.
///
/// The shipped constants (τ², γ, ν, κ per family, `Datasets/calibration/calibration.json`) were fitted by
/// backtests of each indicator on its catalogue scale g₀ (log for mortality, logit for coverage, …). A fit on
/// another scale g₁ (`--model linear|log|logit`, or `--model auto`) needs the trend-drift variance in g₁
/// units. By the delta method, a variance V₀ of g₀(Y) near the level ŷ is a variance of Y of V₀/g₀'(ŷ)², so
/// of g₁(Y) of
///
///     τ₁²·h^γ ≈ τ₀²·h^γ · (g₁'(ŷ) / g₀'(ŷ))²,      ŷ = g₁⁻¹(a + κ·b·h), the projection's level at horizon h
///
/// (Casella & Berger 2002, *Statistical Inference*, §5.5.4). ν and κ carry over unchanged (a tail shape and
/// a factor on the slope). For logit constants the ratio is taken at ŷ moved at least 0.5 % of the range
/// inside the bounds (at a bound g₀' is infinite and the drift would vanish); for log constants and ŷ ≤ 0 (a
/// linear projection through zero) at the anchor level. The indicator's bounds then hold the interval
/// (`PredictiveDistribution`). Worked example: logit[0,100] constants on a linear fit at ŷ = 97.6 %:
/// g₁'/g₀' = (97.6·2.4)/100 = 2.3424, so τ₁ = 2.3424·τ₀ percentage points per logit unit.
public struct ScaleConversion: Sendable, Hashable {
    /// The scale the constants were fitted on (the catalogue default of the indicator).
    public let native: Transform
    /// The scale of the fit they are applied to.
    public let fitted: Transform
    /// Coefficients of the fit on `fitted` (level at the anchor, slope per year) and the slope factor κ.
    public let intercept: Double
    public let slope: Double
    public let slopeAttenuation: Double

    public init(native: Transform, fitted: Transform, intercept: Double, slope: Double, slopeAttenuation: Double) {
        self.native = native
        self.fitted = fitted
        self.intercept = intercept
        self.slope = slope
        self.slopeAttenuation = slopeAttenuation
    }

    /// g₁'(ŷ)/g₀'(ŷ) at horizon h (1 when the two scales are the same).
    public func ratio(horizon h: Int) -> Double {
        guard native != fitted else { return 1 }
        let kappa = h >= 1 ? slopeAttenuation : 1
        let level = fitted.inverse(intercept + kappa * slope * Double(h))
        let y = native.nearestInterior(level, fallback: fitted.inverse(intercept))
        let r = fitted.derivative(at: y) / native.derivative(at: y)
        return r.isFinite && r >= 0 ? r : 1
    }
}

extension Transform {
    /// g'(y): 1 (linear), 1/y (log), (U − L)/((y − L)(U − y)) (logit); +∞ outside the domain.
    public func derivative(at y: Double) -> Double {
        switch self {
        case .identity: return 1
        case .log: return y > 0 ? 1 / y : .infinity
        case .logit(let l, let u): return y > l && y < u ? (u - l) / ((y - l) * (u - y)) : .infinity
        }
    }

    /// `y` if inside the domain; else for logit the point 0.5 % of the range inside the nearer bound, for log
    /// `fallback` (or 1 when that is not positive either).
    func nearestInterior(_ y: Double, fallback: Double) -> Double {
        switch self {
        case .identity: return y
        case .log: return y > 0 ? y : (fallback > 0 ? fallback : 1)
        case .logit(let l, let u):
            let margin = 0.005 * (u - l)
            return Swift.min(Swift.max(y, l + margin), u - margin)
        }
    }
}
