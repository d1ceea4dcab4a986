import Foundation

/// A format a `Table` can be rendered to. `render` is pure (bytes in memory, testable);
/// `write(_:to:overwrite:)` renders and writes the bytes atomically with `AtomicFile`.
public protocol TableWriter: Sendable {
    /// The bytes of `table` in this format.
    /// - Throws: `ExportError` (`.badTable`, `.badMapping`) if the table cannot be written in this format.
    func render(_ table: Table) throws -> Data
}

extension TableWriter {
    /// Renders `table` and writes it atomically to `url` (temporary file in the same directory, fsync,
    /// rename). An existing file is replaced only if `overwrite` is true.
    /// - Throws: `ExportError` from `render` or from `AtomicFile.write`.
    public func write(_ table: Table, to url: URL, overwrite: Bool) throws {
        let data = try render(table)
        try AtomicFile.write(data, to: url, overwrite: overwrite)
    }
}

// MARK: - CSV field quoting (RFC 4180)

enum CSVQuoting {
    /// RFC 4180 §2.6–2.7: a field containing the separator, a double quote, CR or LF is enclosed in
    /// double quotes, and a double quote inside it is doubled.
    static func quote(_ field: String, separator: Character) -> String {
        let needsQuotes = field.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func line(_ fields: [String], separator: Character, lineEnd: String) -> String {
        fields.map { quote($0, separator: separator) }.joined(separator: String(separator)) + lineEnd
    }
}
