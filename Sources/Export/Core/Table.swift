import Foundation

// MARK: - Cell

/// One value in a `Table`.
public enum Cell: Sendable, Equatable {
    /// Free text (codes, names, verdicts). Written as is, quoted where the format needs it.
    case text(String)
    /// A real number with its formatting policy. Non-finite values are written as missing
    /// (empty in CSV, `null` in JSON).
    case number(Double, NumberStyle = .shortest)
    /// An integer (years, counts, seeds).
    case integer(Int)
    /// No value.
    case missing

    /// The numeric value of a `.number` or `.integer` cell, `nil` otherwise.
    public var doubleValue: Double? {
        switch self {
        case .number(let x, _): return x
        case .integer(let i): return Double(i)
        case .text, .missing: return nil
        }
    }

    /// True for `.number` and `.integer` (used to right-align columns in the text table).
    public var isNumeric: Bool { doubleValue != nil }

    /// The cell as it appears in a point-decimal text format (CSV, SDMX, DHIS2, text table):
    /// `nil` for missing and non-finite numbers.
    public var plainText: String? {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let x, let style): return NumberFormatting.format(x, style: style)
        case .missing: return nil
        }
    }
}

// MARK: - Table

/// A generic table: ordered, unique column names and rows of `Cell`s of the same width.
///
/// The Export module knows nothing of models: every command turns its results into a `Table`
/// (tidy: one row per area, indicator, year, scenario, kind, level) and hands it to a writer.
public struct Table: Sendable, Equatable {
    public let columns: [String]
    public private(set) var rows: [[Cell]]

    /// - Throws: `ExportError.badTable` if a column name is empty or repeated, or a row's width differs
    ///   from the number of columns.
    public init(columns: [String], rows: [[Cell]] = []) throws {
        var seen = Set<String>()
        for name in columns {
            if name.isEmpty {
                throw ExportError(.badTable, message: "A table column has an empty name; give every column a name.")
            }
            if !seen.insert(name).inserted {
                throw ExportError(.badTable,
                                  message: "The table has two columns named \"\(name)\"; column names must be unique.")
            }
        }
        self.columns = columns
        self.rows = []
        self.rows.reserveCapacity(rows.count)
        for row in rows { try append(row) }
    }

    /// Appends a row.
    /// - Throws: `ExportError.badTable` if the row's width differs from the number of columns.
    public mutating func append(_ row: [Cell]) throws {
        guard row.count == columns.count else {
            throw ExportError(.badTable, message: "Row \(rows.count + 1) has \(row.count) cells but the table has "
                              + "\(columns.count) columns (\(columns.joined(separator: ", "))).")
        }
        rows.append(row)
    }

    /// The position of a column, or `nil` if there is no column with that name.
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// The position of a column.
    /// - Throws: `ExportError.badTable` naming the missing column and the available ones.
    public func requireColumn(_ name: String, for purpose: String = "this export") throws -> Int {
        guard let index = columnIndex(name) else {
            throw ExportError(.badTable, message: "The table has no column \"\(name)\" needed for \(purpose); "
                              + "available columns: \(columns.joined(separator: ", ")).")
        }
        return index
    }

    /// All cells of a named column, top to bottom.
    /// - Throws: `ExportError.badTable` if there is no such column.
    public func column(_ name: String) throws -> [Cell] {
        let index = try requireColumn(name)
        return rows.map { $0.indices.contains(index) ? $0[index] : .missing }
    }

    /// The cell at `row` in the named column, or `nil` if either is out of range.
    public subscript(row: Int, column: String) -> Cell? {
        guard rows.indices.contains(row), let index = columnIndex(column),
              rows[row].indices.contains(index) else { return nil }
        return rows[row][index]
    }
}
