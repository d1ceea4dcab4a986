// FixtureTable: reads the scipy reference CSVs written by Fixtures/make_fixtures.py.
import Foundation
import Testing

// MARK: - FixtureTable

/// A numeric CSV fixture: `#` comment lines (provenance), one header line, then rows of doubles.
struct FixtureTable {
    let columns: [String]
    let rows: [[Double]]

    /// Loads `Fixtures/<name>` from the test bundle; every cell must parse as a Double.
    static func load(_ name: String) throws -> FixtureTable {
        let base = try #require(Bundle.module.resourceURL)
        let url = base.appendingPathComponent("Fixtures").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let header = try #require(lines.first, "\(name) has no header line")
        lines.removeFirst()
        let columns = header.split(separator: ",").map(String.init)
        var rows: [[Double]] = []
        for line in lines {
            let cells = line.split(separator: ",").map { Double(String($0)) }
            let values = cells.compactMap { $0 }
            try #require(values.count == columns.count, "bad row in \(name): \(line)")
            rows.append(values)
        }
        return FixtureTable(columns: columns, rows: rows)
    }

    /// The index of a named column.
    func column(_ name: String) throws -> Int {
        try #require(columns.firstIndex(of: name), "column \(name) missing from \(columns)")
    }
}

// MARK: - Relative error

/// |seen − expected| / |expected|, or |seen − expected| when expected is 0; 0 when both are equal
/// (including equal infinities).
func relativeError(_ seen: Double, _ expected: Double) -> Double {
    if seen == expected { return 0 }
    if expected == 0 { return abs(seen) }
    return abs(seen - expected) / abs(expected)
}

/// Tracks the worst relative error of a family of checks, for a one-line summary.
struct WorstError: CustomStringConvertible {
    var value = 0.0
    var at = ""

    mutating func record(_ error: Double, _ label: String) {
        if error > value || error.isNaN {
            value = error
            at = label
        }
    }

    var description: String { "worst relative error \(value) at \(at)" }
}
