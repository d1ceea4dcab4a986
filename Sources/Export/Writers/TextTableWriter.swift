import Foundation

/// A plain-text table for `--format table` on a terminal: a header, a rule, aligned columns (text left,
/// numbers right), two spaces between columns, missing values shown as `–`, LF line ends.
///
/// Widths count grapheme clusters (Swift `Character`s), so Vietnamese written with combining diacritics
/// (NFD, e.g. "e" + U+0302 + U+0301) has the same width as the precomposed form (NFC "ế"). East Asian
/// wide characters would count as one column; chitieu's output does not contain them.
///
/// Colour (ANSI SGR: bold header, dim missing values) only when `colour` is true; the caller decides with
/// `shouldUseColour(environment:isTTY:)`.
public struct TextTableWriter: TableWriter {
    public var colour: Bool
    /// Shown for missing and non-finite values.
    public var missingMarker: String

    public init(colour: Bool = false, missingMarker: String = "–") {
        self.colour = colour
        self.missingMarker = missingMarker
    }

    /// Whether to colour terminal output: never when `NO_COLOR` is present in the environment (with any
    /// value, including empty — stricter than no-color.org, which asks only non-empty values to count),
    /// never when `TERM` is `dumb`, and never when stdout is not a terminal (a pipe or a file).
    public static func shouldUseColour(environment: [String: String], isTTY: Bool) -> Bool {
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTTY
    }

    /// The on-screen width of `text`: its number of grapheme clusters.
    public static func displayWidth(_ text: String) -> Int { text.count }

    public func render(_ table: Table) throws -> Data {
        Data(renderString(table).utf8)
    }

    /// A table prepared for people (`PeopleTable`: rounded, translated), numeric styles right-aligned.
    public func render(_ people: PeopleTable) throws -> Data {
        Data(renderString(people.table, rightAligned: people.styles.map(\.isNumeric)).utf8)
    }

    /// The table as a string (what `render` encodes as UTF-8). `rightAligned` overrides, per column, the
    /// default (right-aligned when every present cell is a number).
    public func renderString(_ table: Table, rightAligned: [Bool]? = nil) -> String {
        let cells: [[String]] = table.rows.map { row in row.map { $0.plainText ?? missingMarker } }
        var widths = table.columns.map(Self.displayWidth)
        var numeric = [Bool](repeating: false, count: table.columns.count)
        for index in table.columns.indices {
            let column = table.rows.map { $0[index] }
            let present = column.filter { $0 != .missing }
            numeric[index] = rightAligned?[index] ?? (!present.isEmpty && present.allSatisfy(\.isNumeric))
            for text in cells.map({ $0[index] }) { widths[index] = max(widths[index], Self.displayWidth(text)) }
        }
        func pad(_ text: String, _ index: Int) -> String {
            let fill = String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(text)))
            return numeric[index] ? fill + text : text + fill
        }
        func joinLine(_ parts: [String]) -> String {
            var line = parts.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }
        let bold = colour ? "\u{1B}[1m" : "", dim = colour ? "\u{1B}[2m" : "", reset = colour ? "\u{1B}[0m" : ""
        var out = ""
        let headerParts = table.columns.indices.map { pad(table.columns[$0], $0) }
        out += colour ? bold + joinLine(headerParts).dropLast() + reset + "\n" : joinLine(headerParts)
        out += joinLine(widths.map { String(repeating: "-", count: $0) })
        for (rowIndex, row) in cells.enumerated() {
            var parts: [String] = []
            for index in row.indices {
                let padded = pad(row[index], index)
                let isMissing = table.rows[rowIndex][index] == .missing
                    || (table.rows[rowIndex][index].plainText == nil)
                parts.append(colour && isMissing ? dim + padded + reset : padded)
            }
            out += joinLine(parts)
        }
        return out
    }
}
