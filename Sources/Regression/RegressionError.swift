import Foundation
import LinearAlgebra

/// What went wrong when building, fitting or predicting from a regression model, worded so that the
/// person reading it knows what to change.
///
/// Every bad-input path of the module ends here; nothing in `Regression` traps on data.
public enum RegressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The design matrix, the response or the new points have no rows or no columns.
    case empty(String)
    /// A value is NaN or ±Inf; `what` names the value and its position.
    case nonFinite(what: String)
    /// Fewer observations than parameters + 1: the residual variance cannot be estimated.
    case tooFewObservations(rows: Int, parameters: Int)
    /// Lengths or shapes that must agree do not.
    case shapeMismatch(String)
    /// A weight that is zero, negative or not finite (WLS needs 0 < wᵢ < ∞).
    case invalidWeight(row: Int, value: Double)
    /// `hasIntercept` is true but no column of the design is a non-zero constant.
    case missingInterceptColumn
    /// The (weighted, optionally column-scaled) design is numerically rank deficient for the driver used.
    case rankDeficient(rank: Int, columns: Int, conditionNumber: Double, driver: LeastSquaresDriver,
                       advice: String)
    /// A confidence level outside (0, 1).
    case invalidLevel(Double)
    /// A failure inside LAPACK or the linear-algebra layer that validation could not foresee.
    case linearAlgebra(LinearAlgebraError)
    /// The t distribution for the intervals could not be built.
    case distribution(String)

    public var description: String {
        switch self {
        case .empty(let what):
            return "empty input: \(what); give at least one observation and one column"
        case .nonFinite(let what):
            return "\(what) is not a finite number; remove or impute NaN/Inf values before fitting"
        case .tooFewObservations(let rows, let parameters):
            return "\(rows) observations for \(parameters) parameters: need at least \(parameters + 1) so that "
                + "the residual variance (and hence standard errors and intervals) can be estimated; "
                + "use a simpler model or a longer series"
        case .shapeMismatch(let what):
            return "shape mismatch: \(what)"
        case .invalidWeight(let row, let value):
            return "weight \(value) at row \(row) is not allowed: WLS weights must be finite and > 0; "
                + "drop the observation instead of giving it weight 0"
        case .missingInterceptColumn:
            return "hasIntercept is true but no column of the design is a non-zero constant; "
                + "add a column of ones or pass hasIntercept: false"
        case .rankDeficient(let rank, let columns, let condition, let driver, let advice):
            return "rank deficient design: numerical rank \(rank) of \(columns) columns with \(driver) "
                + "(condition number \(formatted(condition))). \(advice)"
        case .invalidLevel(let level):
            return "confidence level \(level) is not in (0, 1); give levels such as 0.8 or 0.95"
        case .linearAlgebra(let error):
            return error.description
        case .distribution(let what):
            return "t distribution: \(what)"
        }
    }
}

/// Three significant digits in scientific notation, for messages.
func formatted(_ x: Double) -> String {
    String(format: "%.3g", x)
}
