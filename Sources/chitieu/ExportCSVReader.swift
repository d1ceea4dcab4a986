import Export
import Foundation
import IndicatorData

/// Reads a CSV that chitieu wrote (tidy, Excel or any `--format csv` output) back into an Export `Table`
/// for `chitieu export`, keeping every number exactly as printed.
///
/// Parsing is strict RFC 4180: an optional UTF-8 byte-order mark, `,` or `;` fields (detected from the
/// header: whichever occurs more often outside quotes, `,` on a tie — the same rule as IndicatorData's
/// reader), `"`-quoted fields with doubled quotes, LF or CRLF line ends, blank lines skipped. A stray
/// quote, an unclosed quote, text after a closing quote, a ragged row, invalid UTF-8 or an empty file is a
/// data error (exit 65) naming the line.
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

    /// Parses CSV bytes into a table (see the type's documentation for the rules).
    func parse(_ bytes: [UInt8], file: String) throws -> Table {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIError(message: "\(file): the file is not valid UTF-8; save it as UTF-8 (Excel: \"CSV UTF-8\")",
                           code: ExitStatus.dataError)
        }
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let separator = resolveSeparator(body)
        let records = try Self.records(body, separator: separator, file: file)
        guard let header = records.first else {
            throw CLIError(message: "\(file): the file is empty; export a file written by a chitieu command "
                + "(e.g. `chitieu project … --format csv --out FILE`)", code: ExitStatus.dataError)
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for record in records.dropFirst() where record.fields.count != names.count {
            throw CLIError(message: "\(file):\(record.line): the row has \(record.fields.count) fields but the header "
                + "has \(names.count); quote fields that contain the separator, or fill in missing cells",
                code: ExitStatus.dataError)
        }
        let rows = records.dropFirst().map(\.fields)
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

    // MARK: - Records

    struct Record {
        var line: Int
        var fields: [String]
    }

    func resolveSeparator(_ text: Substring) -> Character {
        switch delimiter {
        case .comma: return ","
        case .semicolon: return ";"
        case .auto:
            var commas = 0, semicolons = 0, quoted = false
            for c in text {
                if c == "\"" { quoted.toggle(); continue }
                if quoted { continue }
                if c == "\n" || c == "\r\n" || c == "\r" { break }
                if c == "," { commas += 1 } else if c == ";" { semicolons += 1 }
            }
            return semicolons > commas ? ";" : ","
        }
    }

    /// RFC 4180 records with the line each starts on. Works on Unicode scalars so that CRLF (one
    /// `Character`) and quotes are seen individually.
    static func records(_ text: Substring, separator: Character, file: String) throws -> [Record] {
        let sep = separator.unicodeScalars.first ?? ","
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false, afterQuote = false, recordHasContent = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
            afterQuote = false
        }
        func endRecord() {
            endField()
            if recordHasContent { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            recordHasContent = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            if c == sep {
                recordHasContent = true
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else if c == "\"" {
                guard field.isEmpty, !wasQuoted else {
                    throw CLIError(message: "\(file):\(line): stray quote in an unquoted field; enclose the whole "
                        + "field in double quotes and double the quote inside it (RFC 4180)", code: ExitStatus.dataError)
                }
                if !recordHasContent { recordLine = line }
                inQuotes = true
                wasQuoted = true
                recordHasContent = true
            } else {
                if afterQuote {
                    throw CLIError(message: "\(file):\(line): unexpected text after a closing quote; put the "
                        + "separator right after the quote", code: ExitStatus.dataError)
                }
                if !recordHasContent { recordLine = line }
                field.append(c)
                recordHasContent = true
            }
            i += 1
        }
        if inQuotes {
            throw CLIError(message: "\(file):\(recordLine): a quoted field is not closed before the end of the file "
                + "(the file may be truncated)", code: ExitStatus.dataError)
        }
        endRecord()
        return records
    }
}
