/// Errors of the attainment layer, worded as what is wrong and what to do next.
public enum AttainmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A rate needs positive values (it is a ratio of logs).
    case nonPositiveValue(what: String, value: Double)
    /// The target year must lie after the baseline year.
    case targetYearNotAfterBaseline(baselineYear: Int, targetYear: Int)
    /// A Monte Carlo run needs at least one draw.
    case invalidDraws(Int)
    /// The trend fit cannot be sampled (bad coefficients, covariance or degrees of freedom).
    case invalidFit(String)
    /// The milestone years must differ and be valid.
    case invalidMilestones(String)

    public var description: String {
        switch self {
        case .nonPositiveValue(let what, let value):
            return "\(what) is \(value), but an annual rate of change needs a positive value; "
                + "check the data, or judge this indicator on an absolute (linear) scale"
        case .targetYearNotAfterBaseline(let b, let t):
            return "target year \(t) is not after the baseline year \(b); "
                + "a required rate needs at least one year between baseline and target"
        case .invalidDraws(let n):
            return "--draws must be a positive number of Monte Carlo draws (got \(n)); try --draws 100000"
        case .invalidFit(let message): return message
        case .invalidMilestones(let message): return message
        }
    }
}
