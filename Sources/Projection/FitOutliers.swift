import Foundation
import IndicatorData

// MARK: - Outlying points a fit uses

/// A point of a fitted series whose residual is outlying by the modified z-score.
public struct OutlyingPoint: Sendable, Hashable, CustomStringConvertible {
    public var key: SeriesKey
    public var year: Int
    public var value: Double
    /// Residual on the model scale, z − ẑ.
    public var residual: Double
    /// Modified z-score of the residual.
    public var score: Double

    public var description: String {
        "\(key): the \(year) value \(String(format: "%g", value)) is an outlier for this fit (modified z-score of its "
            + String(format: "residual %.1f, |M| > %.1f); kept in the fit, check the source", score,
                     ModifiedZScore.threshold)
    }
}

/// Flags the points a trend fit uses whose residuals are outlying (Iglewicz & Hoaglin 1993, |M| > 3.5).
///
/// Residuals rᵢ = g(yᵢ) − (a + b·(tᵢ − anchor)) on the model scale g, for the observations inside the fit
/// window, scored by `ModifiedZScore.scores` (MAD, with the mean-absolute-deviation fallback when the MAD
/// is 0 or rounding noise). Points are flagged, never dropped: a reporting error (Kon Tum doctors 2010 =
/// 156 between 249 and 354) and a real break look alike to a test; the planner decides.
/// Needs 5 points (fewer residuals say nothing about a distribution).
public enum FitOutliers {
    public static let minimumPoints = 5

    /// The outlying points of `series` under `fit` (whose coefficients describe that series: an own-trend
    /// fit of it).
    public static func flag(_ series: Series, fit: TrendFit) -> [OutlyingPoint] {
        let used = series.window(fit.window)
        guard used.count >= minimumPoints else { return [] }
        var residuals: [Double] = []
        var kept: [Observation] = []
        for o in used.observations {
            guard let z = try? fit.transform.forward(o.value) else { continue }
            residuals.append(z - (fit.intercept + fit.slope * Double(o.year - fit.anchorYear)))
            kept.append(o)
        }
        let scale = kept.compactMap { try? fit.transform.forward($0.value) }.map(abs).max()
        guard let scores = ModifiedZScore.scores(residuals, scale: scale) else { return [] }
        return zip(kept, zip(residuals, scores)).compactMap { o, rs in
            abs(rs.1) > ModifiedZScore.threshold
                ? OutlyingPoint(key: series.key, year: o.year, value: o.value, residual: rs.0, score: rs.1) : nil
        }
    }
}
