import Foundation

// MARK: - Literals

extension Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// `"kontum"` → `.text("kontum")`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// `2025` → `.integer(2025)`.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// `27.85` → `.number(27.85)` with the shortest round-trip style.
    public init(floatLiteral value: Double) { self = .number(value) }
}

// MARK: - Human-readable headers

extension Table {
    /// The same table with each column whose name is a `Label` raw value (`area`, `indicator`, `year`,
    /// `value`, `pAttain`, …) renamed to that label's text in `language`, for `--format table` and the
    /// Excel CSV. Other columns keep their names. Machine formats keep the tidy names.
    /// - Throws: `ExportError.badTable` if two columns end up with the same name.
    public func localizingHeaders(_ language: Language) throws -> Table {
        let names = columns.map { name in Label(rawValue: name)?.text(language) ?? name }
        return try Table(columns: names, rows: rows)
    }
}

// MARK: - Views

extension Table {
    /// The named columns, in the order given (a view for people: the workbook's first sheet, the report).
    /// - Throws: `ExportError.badTable` naming a column the table does not have.
    public func selecting(_ names: [String]) throws -> Table {
        let indices = try names.map { try requireColumn($0, for: "this view") }
        return try Table(columns: names, rows: rows.map { row in indices.map { row[$0] } })
    }
}
