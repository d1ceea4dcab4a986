import Foundation

// MARK: - Small-file table

/// A whole CSV file decoded to strings: for catalogues, targets and mappings (hundreds of rows), where
/// clarity beats the byte-level path that `SeriesReader` uses for large series files.
struct CSVTable {
    struct Row {
        /// 1-based line where the record starts.
        var line: Int
        var fields: [String]
    }

    let file: String
    let header: CSVHeader
    let rows: [Row]

    /// Parses bytes: UTF-8 check, BOM, delimiter, RFC 4180 records; every row must have as many fields
    /// as the header.
    /// - Throws: `DataError` for invalid UTF-8, an empty file, quoting errors and ragged rows.
    init(bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: CSVDelimiter,
         emptyHint: String) throws {
        try CSVInput.validateUTF8(bytes, file: file)
        let start = CSVInput.bomLength(bytes)
        let delim = CSVInput.detectDelimiter(bytes, start: start, declared: delimiter)
        var tokenizer = CSVTokenizer(buffer: bytes, file: file, delimiter: delim, start: start)
        var fields: [CSVField] = []
        guard try tokenizer.next(into: &fields) else {
            throw DataError(file: file, message: "the file is empty", hint: emptyHint)
        }
        try CSVHeader.checkColumnCount(fields.count, file: file)
        let header = try CSVHeader(names: fields.map { tokenizer.string($0) }, file: file, delimiter: delim)
        var rows: [Row] = []
        while try tokenizer.next(into: &fields) {
            try Self.checkWidth(fields.count, header.names.count, file: file, line: tokenizer.recordLine)
            rows.append(Row(line: tokenizer.recordLine, fields: fields.map { tokenizer.string($0) }))
        }
        self.file = file
        self.header = header
        self.rows = rows
    }

    /// Reads and parses a file.
    init(url: URL, displayName: String? = nil, delimiter: CSVDelimiter, emptyHint: String) throws {
        let data = try CSVInput.load(url, displayName: displayName)
        let name = displayName ?? url.path
        self = try data.withUnsafeBytes { raw in
            try CSVTable(bytes: raw.bindMemory(to: UInt8.self), file: name, delimiter: delimiter,
                         emptyHint: emptyHint)
        }
    }

    /// Ragged-row check shared with the series reader.
    static func checkWidth(_ count: Int, _ expected: Int, file: String, line: Int) throws {
        guard count != expected else { return }
        throw DataError(file: file, line: line, column: min(count, expected) + 1,
                        text: "\(count) fields",
                        message: "row has \(count) field\(count == 1 ? "" : "s") but the header has \(expected)",
                        hint: count > expected
                            ? "Quote fields that contain the delimiter, or remove the extra cells"
                            : "Add the missing cells (leave them empty if unknown), or check for a line break inside an unquoted field")
    }

    // MARK: Typed access with positioned errors

    func error(_ row: Row, _ column: Int, _ message: String, _ hint: String) -> DataError {
        DataError(file: file, line: row.line, column: column + 1,
                  text: row.fields.indices.contains(column) ? row.fields[column] : "",
                  message: message, hint: hint)
    }

    /// The header's name of a column as echoed in a message (`MessageEcho`: escaped, cut to 80 characters).
    func columnName(_ column: Int, quoted: Bool = false) -> String {
        guard header.names.indices.contains(column) else { return "column \(column + 1)" }
        return quoted ? MessageEcho.quoted(header.names[column]) : MessageEcho.escaped(header.names[column])
    }

    func field(_ row: Row, _ column: Int?) -> String {
        guard let c = column, row.fields.indices.contains(c) else { return "" }
        return row.fields[c].trimmingWhitespace()
    }

    /// Parses a number with the strict grammar; nil when the cell is empty.
    func number(_ row: Row, _ column: Int?, format: NumberFormat) throws -> Double? {
        guard let c = column else { return nil }
        let text = field(row, c)
        let utf8 = Array(text.utf8)
        let parsed = utf8.withUnsafeBufferPointer { NumberGrammar.parse($0, 0, $0.count, format: format) }
        switch parsed {
        case .empty: return nil
        case .value(let v): return v
        case .failure(let reason):
            let (message, hint) = reason.describe(text, format: format)
            throw error(row, c, message, hint)
        }
    }

    /// Parses a year (1900–2100).
    func year(_ row: Row, _ column: Int) throws -> Int {
        let text = field(row, column)
        let utf8 = Array(text.utf8)
        let parsed = utf8.withUnsafeBufferPointer { YearGrammar.parse($0, 0, $0.count) }
        if case .year(let y) = parsed { return y }
        let (message, hint) = YearGrammar.describe(parsed, text: text)
        throw error(row, column, message, hint)
    }

    /// A non-empty text field.
    func required(_ row: Row, _ column: Int, name: String) throws -> String {
        let text = field(row, column)
        guard !text.isEmpty else {
            throw error(row, column, "\(name) is empty", "Fill in the \(name) column on every row")
        }
        return text
    }
}
