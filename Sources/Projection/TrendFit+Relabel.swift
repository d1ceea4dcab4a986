import Foundation

// MARK: - Copies with another label or more warnings

extension TrendFit {
    /// The same fit with every number unchanged and another method label (a parent's slope borrowed by
    /// `fitBorrowingNational` is labelled `parent-slope-shift(VN-28)` when the parent is not a nation).
    public func relabelled(method: ProjectionMethod) -> TrendFit {
        copy(method: method, warnings: warnings)
    }

    /// The same fit with another method label and its warnings reworded (a province's slope borrowed by a
    /// district is not "the national slope").
    public func relabelled(method: ProjectionMethod, rewording: (String) -> String) -> TrendFit {
        copy(method: method, warnings: warnings.map(rewording))
    }

    /// The same fit with `more` warnings after its own (outlier flags found after fitting).
    public func appending(warnings more: [String]) -> TrendFit {
        more.isEmpty ? self : copy(method: method, warnings: warnings + more)
    }

    private func copy(method: ProjectionMethod, warnings: [String]) -> TrendFit {
        var fit = TrendFit(key: key, transform: transform, window: window, anchorYear: anchorYear, points: points,
                 coefficients: coefficients, unscaledCovariance: unscaledCovariance, sigma: sigma,
                 degreesOfFreedom: degreesOfFreedom, method: method, weighting: weighting,
                 extraVariance: extraVariance, calibration: calibration, dispersion: dispersion, warnings: warnings,
                 lowerBound: lowerBound, upperBound: upperBound)
        fit.alternativeYears = alternativeYears
        return fit
    }
}
