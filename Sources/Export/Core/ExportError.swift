import Foundation

/// An error from the Export module: what went wrong, on which path, what to do, and the sysexits(3) code
/// the CLI should exit with.
///
/// Codes follow `sysexits.h`: 64 `EX_USAGE` (an existing file without `--force`, a bad option value),
/// 65 `EX_DATAERR` (a table or mapping that cannot be exported), 73 `EX_CANTCREAT` (the output file cannot
/// be created), 74 `EX_IOERR` (a write, flush or rename failed part-way).
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; decides the exit code.
    public enum Kind: String, Sendable, Equatable {
        /// The output file exists and `overwrite` was false (exit 64).
        case fileExists
        /// The output file (or its temporary sibling) cannot be created (exit 73).
        case cannotCreate
        /// Writing, flushing or renaming failed after the file was created (exit 74).
        case ioError
        /// The table's shape or content does not fit the requested format (exit 65).
        case badTable
        /// A mapping (SDMX, DHIS2) is missing an entry the data needs (exit 65).
        case badMapping
        /// A chart was given data it cannot draw (exit 65).
        case badChartData
        /// An option value is out of range (exit 64).
        case badOption
    }

    public let kind: Kind
    /// The file path concerned, when there is one.
    public let path: String?
    /// A complete sentence (or two): what is wrong and what to do.
    public let message: String

    public init(_ kind: Kind, path: String? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// The sysexits(3) code for this error.
    public var exitCode: Int32 {
        switch kind {
        case .fileExists, .badOption: return 64
        case .badTable, .badMapping, .badChartData: return 65
        case .cannotCreate: return 73
        case .ioError: return 74
        }
    }

    public var description: String { message }
}
