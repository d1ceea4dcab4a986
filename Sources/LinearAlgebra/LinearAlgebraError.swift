import Foundation

/// A LAPACK routine reported a non-zero `info`, turned into something a person can act on.
///
/// Callers never see raw `info` codes: each wrapper maps them here with the routine's name.
public struct LAPACKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The LAPACK routine, e.g. `"dgelsd"`.
    public let routine: String
    /// The routine's `info` value (negative: argument `-info` was illegal; positive: routine-specific).
    public let info: Int32

    public init(routine: String, info: Int32) {
        self.routine = routine
        self.info = info
    }

    public var description: String {
        if info < 0 {
            return "\(routine): argument \(-info) had an illegal value (a bug in chitieu: please report it)"
        }
        switch routine {
        case "dgelsd", "dgesdd":
            return "\(routine): the SVD did not converge (\(info) off-diagonal elements of an intermediate "
                + "bidiagonal form did not converge to zero); check the data for extreme values"
        case "dtrtrs":
            return "\(routine): the triangular factor R is exactly singular at diagonal element \(info); "
                + "the design matrix is rank deficient"
        case "dpotrf", "dpotri":
            return "\(routine): the matrix is not positive definite (leading minor \(info)); "
                + "the design matrix is rank deficient"
        default:
            return "\(routine) failed with info = \(info)"
        }
    }
}

/// Errors of the linear-algebra layer: bad shapes and values are caught before LAPACK sees them.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Operand shapes do not fit together.
    case shapeMismatch(String)
    /// The input holds NaN or ±Inf.
    case nonFinite(String)
    /// An operand is empty.
    case empty(String)
    /// Fewer rows (observations) than columns (parameters).
    case underdetermined(rows: Int, columns: Int)
    /// The design matrix has numerical rank below its column count at the tolerance used.
    case rankDeficient(rank: Int, columns: Int, conditionNumber: Double, tolerance: Double, advice: String)
    /// LAPACK reported a failure.
    case lapack(LAPACKError)

    public var description: String {
        switch self {
        case .shapeMismatch(let what): return "shape mismatch: \(what)"
        case .nonFinite(let what): return "non-finite value: \(what); remove or impute NaN/Inf values first"
        case .empty(let what): return "empty input: \(what)"
        case .underdetermined(let rows, let columns):
            return "\(rows) observations for \(columns) parameters: need at least as many observations "
                + "as parameters (use a simpler model or a longer series)"
        case .rankDeficient(let rank, let columns, let cond, let tolerance, let advice):
            return "rank deficient design: numerical rank \(rank) of \(columns) columns "
                + "(condition number \(formatScientific(cond)), tolerance \(formatScientific(tolerance))). "
                + advice
        case .lapack(let error): return error.description
        }
    }
}

/// Formats a number in scientific notation with 3 significant digits.
func formatScientific(_ x: Double) -> String {
    String(format: "%.3g", x)
}
