import Foundation

// MARK: - Python helpers (reading outputs back with independent libraries)

/// Runs `python3` (from `PATH`) with `arguments` and returns stdout, stderr and the exit status, or `nil`
/// when there is no `python3` to run.
public func runPython(_ arguments: [String]) -> (stdout: Data, stderr: String, status: Int32)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { return nil }
    // Read both pipes before waiting, so a large dump cannot fill a pipe and block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (stdout, String(decoding: stderr, as: UTF8.self), process.terminationStatus)
}

/// True when `python3 -c "import MODULE"` succeeds (tests that read files back with e.g. openpyxl are
/// skipped, with the reason in their name, when it is missing; `scripts/setup` installs it).
public func pythonHasModule(_ module: String) -> Bool {
    guard let result = runPython(["-c", "import \(module)"]) else { return false }
    return result.status == 0
}

/// An .xlsx workbook as openpyxl reads it (`Tests/Scripts/read_xlsx.py`).
public struct WorkbookDump: Decodable {
    public struct CellDump: Decodable {
        public let v: JSONValue?
        public let t: String
        public let fmt: String
        public let fill: String?
        public let font: String?
        public let bold: Bool
    }
    public struct SheetDump: Decodable {
        public let name: String
        public let freeze: String?
        public let autofilter: String?
        public let widths: [String: Double]
        public let rows: [[CellDump]]
    }
    public let title: String?
    public let sheets: [SheetDump]

    /// Reads `url` with openpyxl.
    /// - Throws: `RunChitieuError` with Python's message if the file cannot be read.
    public static func read(_ url: URL) throws -> WorkbookDump {
        let script = packageRoot().appendingPathComponent("Tests/Scripts/read_xlsx.py").path
        guard let result = runPython([script, url.path]) else {
            throw RunChitieuError(description: "python3 not found")
        }
        guard result.status == 0 else {
            throw RunChitieuError(description: "openpyxl could not read \(url.lastPathComponent): \(result.stderr)")
        }
        return try JSONDecoder().decode(WorkbookDump.self, from: result.stdout)
    }

    public func sheet(_ name: String) -> SheetDump? { sheets.first { $0.name == name } }
}

/// A JSON scalar (a workbook cell's value).
public enum JSONValue: Decodable, Equatable {
    case number(Double), string(String), bool(Bool)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) { self = .bool(b); return }
        if let x = try? container.decode(Double.self) { self = .number(x); return }
        self = .string(try container.decode(String.self))
    }

    public var number: Double? { if case .number(let x) = self { return x } else { return nil } }
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
}
