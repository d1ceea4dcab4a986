// StatisticsError: the one error type of the Statistics module.

// MARK: - StatisticsError

/// A bad argument given to a distribution or sampler in the Statistics module.
///
/// Each case carries a message that says which argument was wrong, what value it had,
/// and what to use instead, so the CLI can print it as is.
public enum StatisticsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A distribution parameter (degrees of freedom, shape, …) outside its domain.
    /// The associated string is the full human-readable message.
    case invalidParameter(String)

    /// The human-readable message.
    public var description: String {
        switch self {
        case .invalidParameter(let message):
            return message
        }
    }
}

// MARK: - Parameter checks

extension StatisticsError {
    /// Checks a degrees-of-freedom parameter: it must be finite and strictly positive.
    ///
    /// - Parameters:
    ///   - value: the degrees of freedom given by the caller.
    ///   - distribution: the distribution's name for the message ("Student t", "chi-square").
    /// - Throws: `StatisticsError.invalidParameter` naming the value and the valid range.
    static func checkDegreesOfFreedom(_ value: Double, distribution: String) throws {
        guard value.isFinite, value > 0 else {
            throw StatisticsError.invalidParameter(
                "\(distribution) degrees of freedom must be a finite number greater than 0, got \(value). "
                    + "For a regression with n observations and k coefficients use n - k.")
        }
    }
}
