import Foundation
import IndicatorData
import Projection

// MARK: - The pace the projection uses

/// The annual pace of a projection, for the pace ladders (JME, UNSD, open-sdg): they must judge the pace the
/// projection itself uses — its series, its borrowed or own slope, its calibrated slope attenuation κ — not a
/// slope the projection discarded (issue 14: the ladders said "on track" for Kon Tum's doctors from the
/// national 2001–2016 slope at full strength while the projection was flat, κ = 0 for the workforce family).
///
/// With ŷ(Y) = g⁻¹(location(Y)) the projected median (`TrendFit.predictive`) and A the fit's anchor year,
///
///     pace(Y) = (ln ŷ(Y) − ln ŷ(A)) / (Y − A)          (annual growth on the log scale)
///
/// For a log-scale fit this is exactly κ·b (location a + κ·b·h); for linear and logit fits it is the
/// log-linear equivalent of the projected path over the same horizon. The observed AARR/AARI is then
/// `AnnualRate.observed(slope: pace)` and the open-sdg CAGR_o is e^pace − 1.
public struct ProjectionPace: Sendable, Hashable, Codable {
    /// Annual growth on the log scale, anchor → `toYear`.
    public let logGrowth: Double
    public let fromYear: Int
    public let toYear: Int

    public init(logGrowth: Double, fromYear: Int, toYear: Int) {
        self.logGrowth = logGrowth
        self.fromYear = fromYear
        self.toYear = toYear
    }

    /// The pace of `fit` to `year`; `nil` when `year` is not after the anchor or a median is not positive.
    public init?(fit: TrendFit, year: Int) {
        let anchor = fit.anchorYear
        guard year > anchor else { return nil }
        let start = fit.predictive(year: anchor).median
        let end = fit.predictive(year: year).median
        guard start > 0, end > 0, start.isFinite, end.isFinite else { return nil }
        self.init(logGrowth: (Foundation.log(end) - Foundation.log(start)) / Double(year - anchor),
                  fromYear: anchor, toYear: year)
    }

    /// The open-sdg compound annual growth rate e^pace − 1.
    public var compoundGrowth: Double { Foundation.expm1(logGrowth) }

    /// Says which pace the ladders used, e.g. "pace ladders (JME, UNSD, open-sdg) use the projection's pace:
    /// national-slope-shift(VN) on the log scale, slope × κ = 0 (calibrated slope attenuation), 0.00 %/yr".
    public static func note(fit: TrendFit, pace: ProjectionPace?, convention: RateConvention) -> String {
        let kappa = fit.calibration.slopeAttenuation
        let strength = kappa == 1 ? "the fitted slope at full strength"
            : String(format: "slope × κ = %g (calibrated slope attenuation)", kappa)
        let rate = pace.map {
            String(format: ", %@ %.2f %%/yr %d→%d", convention.rawValue,
                   AnnualRate.observed(slope: $0.logGrowth, convention: convention), $0.fromYear, $0.toYear)
        } ?? ""
        return "pace ladders (JME, UNSD, open-sdg) use the projection's pace: \(fit.method) on the "
            + "\(fit.transform) scale, \(strength)\(rate)"
    }
}
