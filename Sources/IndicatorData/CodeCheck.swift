// MARK: - Codes without control characters

/// Indicator codes, region codes and catalogue codes and units are keys: they are joined on, printed in
/// tables, written to CSV, Excel and DHIS2 files. A control character inside one (a NUL, a tab or line break
/// in a quoted field, an ESC) is never meant: it makes two codes that print the same but do not match, and
/// it can corrupt a terminal or a downstream file. Such a code is refused where it is read, with the file,
/// line and column and the value escaped (`MessageEcho`), exit 65 (issue 13).
///
/// Refused: C0 controls U+0000–U+001F and DEL U+007F. (Blanks at either end are trimmed before this check,
/// as for every field, so a stray trailing tab is not an error.)
enum CodeCheck {
    /// Whether a Unicode scalar is a C0 control or DEL.
    @inline(__always)
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// The first control character of `text` and its 1-based position (in characters), or nil.
    static func firstControl(_ text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        // Fast exit for the common case: no byte below 0x20 and no 0x7F in the UTF-8 (a multi-byte scalar
        // never contains such a byte, so this is exact).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        for (i, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) {
            return (scalar, i + 1)
        }
        return nil
    }

    /// Whether `text` holds a control character (for the fast paths, which then leave the file to the full
    /// reader and its message).
    static func hasControl(_ text: String) -> Bool { firstControl(text) != nil }

    /// The error for a code holding a control character, or nil for a clean code.
    /// - Parameters:
    ///   - name: what the field is, as the user knows it (`indicator_code`, `region`, `unit`).
    ///   - column: 1-based field number (0 when unknown).
    static func problem(_ text: String, name: String, file: String, line: Int, column: Int) -> DataError? {
        guard let (scalar, position) = firstControl(text) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return DataError(file: file, line: line, column: column, text: text,
                         message: "\(name) \(MessageEcho.quoted(text)) contains the control character \(code) "
                            + "(\(MessageEcho.escaped(String(scalar)))) at character \(position)",
                         hint: "Remove the control character from the code (codes are printable text such as "
                            + "u5mr or VN-28); if the file came from a spreadsheet, re-export it as CSV UTF-8")
    }

    /// Throws `problem(…)` when there is one.
    /// - Throws: `DataError` (`.badData`, exit 65).
    static func check(_ text: String, name: String, file: String, line: Int, column: Int) throws {
        if let error = problem(text, name: name, file: file, line: line, column: column) { throw error }
    }
}

extension CSVTable {
    /// Throws when the field at `column` (trimmed) holds a control character; `name` defaults to the
    /// header's name for that column.
    /// - Throws: `DataError` at the cell.
    func checkCode(_ row: Row, _ column: Int?, name: String? = nil) throws {
        guard let c = column else { return }
        let shown = name ?? columnName(c)
        try CodeCheck.check(field(row, c), name: shown, file: file, line: row.line, column: c + 1)
    }

    /// A non-empty code without control characters.
    /// - Throws: `DataError` at the cell for an empty code or a control character.
    func requiredCode(_ row: Row, _ column: Int, name: String) throws -> String {
        let text = try required(row, column, name: name)
        try CodeCheck.check(text, name: name, file: file, line: row.line, column: column + 1)
        return text
    }
}
