import Attainment
import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import Regression
import Scenarios

// MARK: - Error categories

/// What kind of failure an error is, independent of how a front-end reports it (GRDB's `ResultCode` is the
/// model: a typed category every error of every layer maps to). The command line turns a category into a
/// sysexits(3) code; a notebook or a report shows the message. Lower layers keep their own structured
/// errors (`DataError`, `ScenarioError`, `ProjectionError`, …) and know nothing of categories or exit codes:
/// `ErrorCategory(classifying:)` is the one mapping.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable {
    /// The request itself is wrong (an unknown region or indicator asked for, an inconsistent option).
    case usage
    /// The content of an input file is wrong or cannot be modelled (bad value, too few points).
    case badData
    /// An input file is missing or unreadable.
    case noInput
    /// A configuration file (scenario, calibration, mapping) is wrong.
    case config
    /// An output file cannot be created (or exists and replacing it was not allowed).
    case cannotCreate
    /// Reading or writing failed part-way.
    case ioError
    /// A bug: a state the code should never reach.
    case internalError

    /// The category of any error the planning pipeline can throw.
    public init(classifying error: Error) {
        switch error {
        case let error as PlanningError: self = error.category
        case let error as DataError: self = error.kind == .noInput ? .noInput : .badData
        case let error as ScenarioError:
            if case .invalidFile = error { self = .config } else { self = .badData }
        case is CalibrationError, is BorrowingCalibrationError: self = .config
        case is ProjectionError, is RegressionError, is LinearAlgebraError, is AttainmentError: self = .badData
        default: self = .internalError
        }
    }
}

/// An error raised by the planning layer itself: a category and a complete sentence saying what is wrong
/// and what to do (e.g. "no targets for region VN-99 in the targets file (it has: VN-28); ask for one of
/// those").
public struct PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    public let category: ErrorCategory
    public let message: String

    public init(_ category: ErrorCategory, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { message }
}
