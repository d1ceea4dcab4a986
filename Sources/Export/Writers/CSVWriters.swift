import Foundation

// MARK: - Tidy CSV

/// Tidy CSV for programs (R, pandas, chitieu's own reader): RFC 4180 quoting, comma separator,
/// point decimal, LF line ends, UTF-8 without BOM, a header row, missing and non-finite values as empty
/// fields. Numbers use each cell's `NumberStyle` (default: shortest round-trip, so a file read back
/// gives the same doubles).
///
/// LF rather than RFC 4180's CRLF: every CSV reader accepts both, and LF keeps the files diffable and
/// byte-identical across platforms (readr's `write_csv` makes the same choice).
public struct TidyCSVWriter: TableWriter {
    public init() {}

    public func render(_ table: Table) throws -> Data {
        var out = CSVByteWriter(columns: table.columns)
        out.bytes.reserveCapacity(table.rows.count * 16 * max(table.columns.count, 1))
        for row in table.rows {
            for cell in row { out.append(cell) }
            out.endRow()
        }
        return Data(out.bytes)
    }
}

// MARK: - Streaming tidy CSV

/// Tidy CSV built row by row into a byte buffer, with exactly `TidyCSVWriter`'s output (which uses it):
/// for producers of millions of rows (the batch path) that would otherwise hold a `Table` of `Cell`s
/// (≈ 400 bytes a row) only to render it.
///
/// Fields: text is quoted by RFC 4180 when it contains `,`, `"`, CR or LF (`CSVQuoting.quote`; non-ASCII
/// text goes through that function itself so grapheme rules are identical); numbers use
/// `NumberFormatting` (shortest round-trip written as bytes, no intermediate strings); missing and
/// non-finite values are empty fields.
/// - Complexity: O(output bytes).
public struct CSVByteWriter: Sendable {
    /// The CSV so far (UTF-8, LF line ends).
    public var bytes: [UInt8] = []
    private var fieldsInRow = 0

    /// Starts a file with the header row.
    public init(columns: [String]) {
        for name in columns { appendText(name) }
        endRow()
    }

    /// Starts a headerless run of rows (a part of a file whose header was written elsewhere).
    public init() {}

    @inline(__always) private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    /// A field already encoded by `encodedField` (for texts repeated on every row of a big file).
    public mutating func appendEncoded(_ field: [UInt8]) {
        separate()
        bytes.append(contentsOf: field)
    }

    /// The bytes `appendText(text)` writes for `text` (quoted when needed), to reuse with `appendEncoded`.
    public static func encodedField(_ text: String) -> [UInt8] {
        var w = CSVByteWriter()
        w.appendText(text)
        return w.bytes
    }

    /// A text field, quoted when needed.
    public mutating func appendText(_ text: String) {
        separate()
        var ascii = true
        var needsQuotes = false
        for b in text.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D { needsQuotes = true }
        }
        if !ascii {
            bytes.append(contentsOf: CSVQuoting.quote(text, separator: ",").utf8)
        } else if needsQuotes {
            bytes.append(UInt8(ascii: "\""))
            for b in text.utf8 {
                bytes.append(b)
                if b == UInt8(ascii: "\"") { bytes.append(b) }
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// A number in `style` (shortest round-trip by default); NaN and ±infinity are written as missing.
    public mutating func appendNumber(_ x: Double, style: NumberStyle = .shortest) {
        separate()
        guard x.isFinite else { return }
        if style == .shortest {
            NumberFormatting.appendShortest(x, to: &bytes)
        } else if let text = NumberFormatting.format(x, style: style) {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// An integer field.
    public mutating func appendInteger(_ i: Int) {
        separate()
        if i == 0 { bytes.append(UInt8(ascii: "0")); return }
        var magnitude = i.magnitude
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, stored below
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            while count > 0 { count -= 1; bytes.append(buffer[count]) }
        }
    }

    /// An empty field.
    public mutating func appendMissing() { separate() }

    /// Any cell, as `Cell.plainText` writes it.
    public mutating func append(_ cell: Cell) {
        switch cell {
        case .text(let s): appendText(s)
        case .number(let x, let style): appendNumber(x, style: style)
        case .integer(let i): appendInteger(i)
        case .missing: appendMissing()
        }
    }

    /// Ends the current row (LF).
    public mutating func endRow() {
        bytes.append(0x0A)
        fieldsInRow = 0
    }
}

// MARK: - Excel CSV

/// The locale conventions of an Excel-targeted CSV.
public enum ExcelLocale: String, Sendable, CaseIterable {
    /// Vietnamese Excel: `;` separator and decimal comma (readr `write_excel_csv2` convention, used
    /// wherever the decimal separator is a comma, since a comma then cannot separate fields).
    case vi
    /// English Excel: `,` separator and decimal point (readr `write_excel_csv`).
    case en

    var separator: Character { self == .vi ? ";" : "," }
    var decimalMark: String { self == .vi ? "," : "." }
}

/// CSV that Excel opens correctly by double-click: a UTF-8 byte-order mark (without it Excel decodes
/// UTF-8 as the ANSI code page and Vietnamese diacritics are garbled), the locale's separator and
/// decimal mark, RFC 4180 quoting, and CRLF line ends (the Windows/Excel convention, which Excel itself
/// writes). Follows readr's `write_excel_csv` / `write_excel_csv2`.
public struct ExcelCSVWriter: TableWriter {
    /// The UTF-8 encoding of U+FEFF.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public var locale: ExcelLocale

    public init(locale: ExcelLocale) { self.locale = locale }

    public func render(_ table: Table) throws -> Data {
        let separator = locale.separator
        var out = CSVQuoting.line(table.columns, separator: separator, lineEnd: "\r\n")
        for row in table.rows {
            let fields = row.map { cell -> String in
                switch cell {
                case .number:
                    let text = cell.plainText ?? ""
                    return locale == .vi ? text.replacingOccurrences(of: ".", with: locale.decimalMark) : text
                default:
                    return cell.plainText ?? ""
                }
            }
            out += CSVQuoting.line(fields, separator: separator, lineEnd: "\r\n")
        }
        var data = Data(Self.byteOrderMark)
        data.append(Data(out.utf8))
        return data
    }
}
