import ArgumentParser
import Foundation

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
    } catch let error as CLIError {
        printError("chitieu: \(error.message)")
        throw ExitCode(error.code)
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("chitieu: internal error: \(error)")
        throw ExitCode(ExitStatus.software)
    }
}

/// Output formats shared by every command that prints rows.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json
}

/// Placeholder for a subcommand whose issue has not landed yet: says so and exits 70.
func notYetImplemented(_ name: String) throws {
    try runReportingErrors {
        throw CLIError(message: "`\(name)` is not implemented yet", code: ExitStatus.software)
    }
}
