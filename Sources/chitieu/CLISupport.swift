import ArgumentParser
import Attainment
import Export
import Foundation
import IndicatorData
import LinearAlgebra
import Planning
import Projection
import Regression
import Scenarios

enum ChitieuVersion {
    static let string = "0.1.0"
}

/// sysexits(3) codes used by every subcommand.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let config: Int32 = 78
}

/// An error a command reports to the user: the message goes to stderr, the process exits with `code`.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let code: Int32
    var description: String { message }
}

/// Writes a line to stderr (messages, warnings, progress), never stdout.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs a command body, mapping thrown errors to a message on stderr and a sysexits code.
/// Every subcommand's `run()` goes through this, so no error escapes as a crash or as exit 1.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let (message, code) = describe(error)
        printError("chitieu: \(message)")
        throw ExitCode(code)
    }
}

/// The message and sysexits code for any error a command can meet. The layers' errors carry a category
/// (`Planning.ErrorCategory`); the command line alone turns categories into sysexits codes.
func describe(_ error: Error) -> (message: String, code: Int32) {
    switch error {
    case let error as CLIError: return (error.message, error.code)
    case let error as ExportError: return (error.message, exitCode(error.kind))
    case let error as RegressionError: return ("cannot fit: \(error)", ExitStatus.dataError)
    case let error as LinearAlgebraError: return ("cannot fit: \(error)", ExitStatus.dataError)
    case is CalibrationError, is BorrowingCalibrationError:
        return ("calibration \(error) (or use --intervals ols)", ExitStatus.config)
    default:
        let category = ErrorCategory(classifying: error)
        let text = category == .internalError ? "internal error: \(error)" : "\(error)"
        return (text, exitCode(category))
    }
}

/// sysexits(3) code of an error category.
func exitCode(_ category: ErrorCategory) -> Int32 {
    switch category {
    case .usage: return ExitStatus.usage
    case .badData: return ExitStatus.dataError
    case .noInput: return ExitStatus.noInput
    case .config: return ExitStatus.config
    case .cannotCreate: return ExitStatus.cannotCreate
    case .ioError: return ExitStatus.ioError
    case .internalError: return ExitStatus.software
    }
}

/// sysexits(3) code of an output failure.
func exitCode(_ kind: ExportError.Kind) -> Int32 {
    switch kind {
    case .fileExists, .badOption: return ExitStatus.usage
    case .badTable, .badMapping, .badChartData: return ExitStatus.dataError
    case .cannotCreate: return ExitStatus.cannotCreate
    case .ioError: return ExitStatus.ioError
    }
}

/// Output formats shared by every command that prints rows.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json, xlsx
}

// MARK: - Writing rows

/// Writes text to stdout (data only; messages go to stderr via `printError`).
func writeStdout(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// One RFC 4180 field: quoted when it contains a comma, quote, CR or LF; quotes doubled.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// One CSV line (LF-terminated).
func csvLine(_ fields: [String]) -> String {
    fields.map(csvField).joined(separator: ",") + "\n"
}

/// A plain-text table: columns padded to their widest cell (counted in characters), two spaces apart.
func renderTable(_ header: [String], _ rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows {
        for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
        var parts: [String] = []
        for (i, cell) in cells.enumerated() {
            let width = i < widths.count ? widths[i] : cell.count
            parts.append(i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, width - cell.count)))
        }
        return parts.joined(separator: "  ") + "\n"
    }
    return line(header) + rows.map(line).joined()
}

/// Shortest text for a number in output ("120", "10.5").
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}

/// JSON text of an encodable value: sorted keys, snake_case, pretty-printed.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}

// MARK: - Shared data-reading options

extension DecimalMark: ExpressibleByArgument {}
extension CSVDelimiter: ExpressibleByArgument {}
extension GroupingSeparator: ExpressibleByArgument {}

/// Options every command that reads data files shares (`--decimal`, `--delimiter`, `--grouping`,
/// `--source-priority`, `--mapping`). The first three are defaults for the files given on the command line
/// that do not declare their own (`FILE:decimal=comma,…`, see `FileSpec`); bundled files always keep their
/// own format.
struct DataReadOptions: ParsableArguments {
    @Option(help: "Decimal mark of numbers in the given files: point or comma (never taken from the locale). Per file: FILE:decimal=comma. Bundled files keep their own.")
    var decimal: DecimalMark = .point

    @Option(help: "Field delimiter of the given files: auto (from the header), comma or semicolon. Per file: FILE:delimiter=semicolon.")
    var delimiter: CSVDelimiter = .auto

    @Option(help: "Thousands separator allowed in numbers: none (default, rejected), point, comma or space. Per file: FILE:grouping=point.")
    var grouping: GroupingSeparator = .none

    @Option(name: .customLong("source-priority"),
            help: "Comma-separated substrings of the source column; on duplicate keys the row whose source contains the earliest one wins.")
    var sourcePriority: String?

    @Option(help: ArgumentHelp("Mapping CSV from DHIS2/GHO/SDMX codes or wide-sheet headers to indicator and region codes (indicator,dataelement and region,orgunit rows); per file: FILE:mapping=MAP.",
                               valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var mapping: String?

    func validate() throws {
        if decimal == .point && grouping == .point || decimal == .comma && grouping == .comma {
            throw ValidationError("Use a --grouping separator different from the --decimal mark.")
        }
    }

    /// The given source priority (empty: the bundled one when reading the bundled files, `ReadDefaults`).
    var priorityList: [String] {
        (sourcePriority ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The run's read defaults for the planning layer (`--mapping` read once here).
    func readDefaults() throws -> ReadDefaults {
        ReadDefaults(file: fileDefaults, sourcePriority: priorityList, mapping: try sourceMapping())
    }

    /// Options for the given files that declare none (`--mapping` is read separately, once).
    var fileDefaults: FileReadOptions {
        FileReadOptions(decimal: decimal, delimiter: delimiter, grouping: grouping)
    }

    /// The `--mapping` file, read once.
    func sourceMapping() throws -> SourceMapping? {
        try mapping.map { try SourceMapping.read(contentsOf: URL(fileURLWithPath: $0), displayName: $0) }
    }

    func readOptions(catalogue: IndicatorCatalogue?, bundled: Bool = false) -> ReadOptions {
        ReadOptions(decimal: decimal, grouping: grouping, delimiter: delimiter,
                    sourcePriority: priorityList.isEmpty && bundled ? ReadDefaults.bundledSourcePriority : priorityList,
                    catalogue: catalogue)
    }
}

/// Parses `--data`/`--targets` arguments (`FILE[:key=value,…]`) in `validate()`, as a usage error.
func parseFileSpecs(_ arguments: [String]) throws -> [FileSpec] {
    do {
        return try arguments.map(FileSpec.parse)
    } catch let error as FileSpecError {
        throw ValidationError(error.description)
    }
}

