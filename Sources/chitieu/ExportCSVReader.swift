import Export
import Foundation
import IndicatorData

/// Reads a CSV that chitieu wrote (tidy, Excel or any `--format csv` output) back into an Export `Table`
/// for `chitieu export`, keeping every number exactly as printed.
///
/// Parsing is IndicatorData's strict reader (`CSVDocument`): an optional UTF-8 byte-order mark, `,` or `;`
/// fields detected from the header, RFC 4180 quoting, LF or CRLF line ends. A stray quote, an unclosed
/// quote, text after a closing quote, a ragged row, invalid UTF-8 or an empty file is a data error (exit 65)
/// naming the line and column.
///
/// Numbers use a strict grammar (the IndicatorData grammar without grouping): point mode
/// `-?digits(.digits)?([eE][+-]?digits)?`, comma mode `-?digits(,digits)?`. A column becomes numeric only
/// when every non-empty cell matches the grammar *and* a chitieu number style reproduces the cell's text
/// exactly (`.decimals(n)` with n = the printed fraction digits, or the shortest round-trip form), so
/// writing it again gives the same characters: "27.850" stays "27.850", "0.30000000000000004" stays as is.
/// Anything else stays text (written back unchanged), and so do identifier columns (`plan_row`, `seed`, …)
/// whose values only look like numbers.
struct ExportCSVReader {
    var decimal: DecimalMark = .point
    var delimiter: CSVDelimiter = .auto

    /// Columns kept as text even when every value parses as a number: codes and labels.
    static let identifierColumns: Set<String> = ["plan_row", "seed", "area", "region", "indicator", "code",
                                                 "window", "scenario", "orgunit", "dataelement", "period"]

    /// Reads the file at `path` (`-` reads stdin).
    /// - Throws: `CLIError` 66 when the file cannot be read, 65 for malformed CSV.
    func read(path: String) throws -> Table {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw CLIError(message: "\(path): no such file; check the --input path", code: ExitStatus.noInput)
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIError(message: "\(path): cannot read the file; check its permissions", code: ExitStatus.noInput)
            }
            data = contents
        }
        return try parse(Array(data), file: path == "-" ? "stdin" : path)
    }

    /// Parses CSV bytes into a table with IndicatorData's strict reader (see the type's documentation).
    /// - Throws: `DataError` (65) naming the line for malformed CSV, `CLIError` 65 for an unusable table.
    func parse(_ bytes: [UInt8], file: String) throws -> Table {
        let document = try CSVDocument(bytes: bytes, file: file, delimiter: delimiter)
        let names = document.header
        let rows = document.records.map(\.fields)
        var columns: [[Cell]] = []
        for (index, name) in names.enumerated() {
            let texts = rows.map { $0.indices.contains(index) ? $0[index] : "" }
            columns.append(Self.identifierColumns.contains(name) ? texts.map(Self.textCell) : typedColumn(texts))
        }
        do {
            let cells = rows.indices.map { r in columns.map { $0[r] } }
            return try Table(columns: names, rows: cells)
        } catch let error as ExportError {
            throw CLIError(message: "\(file): \(error.message)", code: ExitStatus.dataError)
        }
    }

    // MARK: - Numbers

    /// The cells of one column: all numeric (when every non-empty text reproduces exactly) or all text.
    func typedColumn(_ texts: [String]) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(texts.count)
        for text in texts {
            if text.isEmpty { cells.append(.missing); continue }
            guard let cell = numberCell(text) else { return texts.map(Self.textCell) }
            cells.append(cell)
        }
        return cells
    }

    static func textCell(_ text: String) -> Cell { text.isEmpty ? .missing : .text(text) }

    /// The number `text` stands for, with a style that writes it back identically; nil if `text` is not a
    /// strict number or no style reproduces it.
    func numberCell(_ text: String) -> Cell? {
        guard let canonical = Self.strictPointForm(text, decimal: decimal) else { return nil }
        let isInteger = canonical.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
        if isInteger, let integer = Int(canonical), String(integer) == canonical { return .integer(integer) }
        guard let value = Double(canonical), value.isFinite else { return nil }
        var styles: [NumberStyle] = [.shortest]
        if !canonical.contains(where: { $0 == "e" || $0 == "E" }) {
            let fraction = canonical.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
            styles.insert(.decimals(fraction), at: 0)
        }
        for style in styles where NumberFormatting.format(value, style: style) == canonical {
            return .number(value, style)
        }
        return nil
    }

    /// `text` rewritten with a decimal point if it matches the strict grammar, else nil.
    /// Point: `-?d+(\.d+)?([eE][+-]?d+)?`; comma: `-?d+(,d+)?`.
    static func strictPointForm(_ text: String, decimal: DecimalMark) -> String? {
        let chars = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1 }
            return i - start
        }
        if i < chars.count, chars[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { return nil }
        let mark = decimal == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        if i < chars.count, chars[i] == mark {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if decimal == .point, i < chars.count, chars[i] == UInt8(ascii: "e") || chars[i] == UInt8(ascii: "E") {
            i += 1
            if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == chars.count else { return nil }
        return decimal == .point ? text : text.replacingOccurrences(of: ",", with: ".")
    }
}
