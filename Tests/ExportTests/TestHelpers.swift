import Foundation
import Testing
@testable import Export

/// A fresh empty directory under the system temporary directory.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("chitieu-export-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `body` and returns the `ExportError` it throws, or records a failure if it throws nothing or
/// something else.
func expectExportError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> ExportError? {
    do {
        try body()
        Issue.record("expected an ExportError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as ExportError {
        return error
    } catch {
        Issue.record("expected an ExportError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A small tidy projection table like the one `chitieu project` produces.
func sampleProjectionTable() throws -> Table {
    try Table(columns: ["area", "indicator", "year", "kind", "value", "level", "lower", "upper"], rows: [
        [.text("kontum"), .text("u5mr"), .integer(2022), .text("observed"), .number(31.2), .missing, .missing, .missing],
        [.text("kontum"), .text("u5mr"), .integer(2025), .text("projected"), .number(27.85), .integer(80),
         .number(25.1), .number(30.6)],
        [.text("kontum"), .text("u5mr"), .integer(2025), .text("projected"), .number(27.85), .integer(95),
         .number(23.7), .number(32.0)],
    ])
}

/// Minimal RFC 4180 parser for round-trip tests (quoted fields, doubled quotes, given separator).
func parseCSV(_ text: String, separator: Character = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? iterator.next() {
        pending = nil
        if inQuotes {
            if c == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else { inQuotes = false }
            } else { field.append(c) }
        } else if c == "\"" {
            inQuotes = true
        } else if c == separator {
            row.append(field); field = ""
        } else if c == "\n" || c == "\r\n" {
            row.append(field); field = ""; rows.append(row); row = []
        } else {
            field.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
