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
        var out = CSVQuoting.line(table.columns, separator: ",", lineEnd: "\n")
        for row in table.rows {
            out += CSVQuoting.line(row.map { $0.plainText ?? "" }, separator: ",", lineEnd: "\n")
        }
        return Data(out.utf8)
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
