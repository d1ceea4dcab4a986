// MARK: - Options

/// Field delimiter of a CSV file.
public enum CSVDelimiter: String, Sendable, Hashable, CaseIterable, Codable {
    /// Detect from the header line: whichever of `,` and `;` occurs more often outside quotes (`,` on a tie).
    case auto
    case comma
    case semicolon

    var byte: UInt8? {
        switch self {
        case .auto: return nil
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        }
    }
}

// MARK: - Field

/// Byte range of one field in the file buffer. `start..<end` excludes the surrounding quotes.
struct CSVField: Sendable {
    var start: Int
    var end: Int
    /// The field was enclosed in double quotes.
    var quoted: Bool
    /// The field contains doubled quotes (`""`) that decode to one `"`.
    var escapedQuotes: Bool

    var isEmpty: Bool { start == end }
}

// MARK: - Tokenizer

/// An RFC 4180 record tokenizer over a byte buffer: no per-field allocation, fields are byte ranges.
///
/// Accepted: fields quoted with `"` (may contain the delimiter, CR/LF and doubled quotes `""`), LF, CRLF or
/// lone-CR line ends, an optional UTF-8 byte-order mark (skipped by the caller), blank lines (skipped, as
/// pandas `skip_blank_lines=True`). Rejected with a `DataError`: a quote left open at end of file, text
/// after a closing quote, and a `"` inside an unquoted field (RFC 4180 §2.5: a field containing quotes must
/// be quoted).
///
/// The buffer must outlive the tokenizer; it is only used inside `withUnsafeBytes` scopes.
///
/// - Complexity: O(n) in the number of bytes, one pass, three byte comparisons per unquoted byte.
struct CSVTokenizer {
    let buffer: UnsafeBufferPointer<UInt8>
    let file: String
    let delimiter: UInt8
    private(set) var position: Int
    /// 1-based line where the next byte sits.
    private(set) var line: Int = 1
    /// 1-based line where the record returned last started.
    private(set) var recordLine: Int = 1

    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8, start: Int) {
        self.buffer = buffer
        self.file = file
        self.delimiter = delimiter
        self.position = start
    }

    /// Reads the next non-blank record into `fields` (cleared first). Returns false at end of input.
    mutating func next(into fields: inout [CSVField]) throws -> Bool {
        fields.removeAll(keepingCapacity: true)
        let n = buffer.count
        // Skip blank lines.
        while position < n, buffer[position] == Self.lf || buffer[position] == Self.cr {
            consumeLineEnd()
        }
        guard position < n else { return false }
        recordLine = line
        while true {
            if buffer[position] == Self.quote {
                let done = try readQuoted(into: &fields)
                if done { return true }
            } else {
                let start = position
                while position < n {
                    let b = buffer[position]
                    if b == delimiter || b == Self.lf || b == Self.cr { break }
                    if b == Self.quote {
                        throw DataError(file: file, line: recordLine, column: fields.count + 1,
                                        text: text(start, min(n, position + 1)),
                                        message: "stray quote in an unquoted field",
                                        hint: "Enclose the whole field in double quotes and double the quote "
                                            + "inside it (\"\" for \"), as RFC 4180 requires")
                    }
                    position += 1
                }
                fields.append(CSVField(start: start, end: position, quoted: false, escapedQuotes: false))
                if position >= n { return true }
                if buffer[position] == delimiter {
                    position += 1
                    if position >= n {
                        fields.append(CSVField(start: n, end: n, quoted: false, escapedQuotes: false))
                        return true
                    }
                    continue
                }
                consumeLineEnd()
                return true
            }
        }
    }

    /// Reads a quoted field starting at `position` (on the opening quote). Returns true when the record ended.
    private mutating func readQuoted(into fields: inout [CSVField]) throws -> Bool {
        let n = buffer.count
        let openLine = line
        position += 1
        let start = position
        var escaped = false
        while true {
            guard position < n else {
                throw DataError(file: file, line: openLine, column: fields.count + 1,
                                text: text(start, min(n, start + 40)),
                                message: "quoted field is not closed before the end of the file",
                                hint: "Add the closing double quote (the file may be truncated)")
            }
            let b = buffer[position]
            if b == Self.quote {
                if position + 1 < n, buffer[position + 1] == Self.quote {
                    escaped = true
                    position += 2
                    continue
                }
                break
            }
            if b == Self.lf {
                line += 1
            } else if b == Self.cr, !(position + 1 < n && buffer[position + 1] == Self.lf) {
                line += 1
            }
            position += 1
        }
        fields.append(CSVField(start: start, end: position, quoted: true, escapedQuotes: escaped))
        position += 1  // closing quote
        guard position < n else { return true }
        let b = buffer[position]
        if b == delimiter {
            position += 1
            if position >= n {
                fields.append(CSVField(start: n, end: n, quoted: false, escapedQuotes: false))
                return true
            }
            return false
        }
        if b == Self.lf || b == Self.cr {
            consumeLineEnd()
            return true
        }
        throw DataError(file: file, line: recordLine, column: fields.count,
                        text: text(start - 1, min(n, position + 10)),
                        message: "unexpected text after a closing quote",
                        hint: "Put the delimiter right after the closing quote, or double the quote "
                            + "(\"\") if it is part of the text")
    }

    private mutating func consumeLineEnd() {
        let n = buffer.count
        if buffer[position] == Self.cr {
            position += 1
            if position < n, buffer[position] == Self.lf { position += 1 }
        } else {
            position += 1
        }
        line += 1
    }

    // MARK: Field access

    /// Decodes a byte range as UTF-8 text (the buffer was validated beforehand).
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end, end <= buffer.count else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// The field's text with doubled quotes decoded.
    func string(_ field: CSVField) -> String {
        let raw = text(field.start, field.end)
        return field.escapedQuotes ? raw.replacingDoubledQuotes() : raw
    }

    /// Whether two fields hold the same bytes (no allocation).
    func sameBytes(_ a: CSVField, _ b: CSVField) -> Bool {
        let length = a.end - a.start
        guard length == b.end - b.start else { return false }
        var i = 0
        while i < length {
            if buffer[a.start + i] != buffer[b.start + i] { return false }
            i += 1
        }
        return true
    }
}

extension String {
    /// `""` → `"` (RFC 4180 escaping inside a quoted field).
    func replacingDoubledQuotes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousQuote = false
        for scalar in unicodeScalars {
            if scalar == "\"" {
                if previousQuote { previousQuote = false; continue }
                previousQuote = true
            } else {
                previousQuote = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
