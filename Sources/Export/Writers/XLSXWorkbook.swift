import CXLSXWriter
import Foundation

// MARK: - Errors

/// A failure reported by libxlsxwriter: the C function and its `lxw_error` code, with the library's own
/// description (`lxw_strerror`). Only `XLSXWorkbook` creates one; `XLSXWriter` wraps it into an
/// `ExportError` worded for the user.
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The libxlsxwriter function that failed, e.g. `worksheet_write_string`.
    public let function: String
    /// The raw `lxw_error` value (0 is `LXW_NO_ERROR` and never thrown).
    public let code: UInt32
    /// `lxw_strerror(code)`, or a sentence of ours when the function returns a null pointer.
    public let reason: String

    init(function: String, code: lxw_error) {
        self.function = function
        self.code = code.rawValue
        self.reason = lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
    }

    init(function: String, reason: String) {
        self.function = function
        self.code = LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue
        self.reason = reason
    }

    /// True when the error is about the content (a name or a text too long), not the file system.
    public var isContentError: Bool {
        [LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
         LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, LXW_ERROR_SHEETNAME_ALREADY_USED,
         LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE,
         LXW_ERROR_PARAMETER_VALIDATION].map(\.rawValue).contains(code)
    }

    public var description: String { "\(function): \(reason) (lxw_error \(code))" }
}

// MARK: - Workbook

/// The one Swift wrapper around libxlsxwriter (Sources/CXLSXWriter): a workbook being written to a file,
/// its worksheets and cell formats. Every C call's `lxw_error` becomes an `XLSXError`; callers never see
/// pointers or raw codes. Not thread-safe; one workbook per call of `XLSXWriter.render`.
///
/// libxlsxwriter writes nothing until `close()`, which assembles the zip container. A workbook that is
/// never closed (an error thrown half-way) is closed by `deinit` so the library frees its memory; the
/// half-written file is the caller's to delete.
final class XLSXWorkbook {
    /// Excel's limits (Microsoft, "Excel specifications and limits"): 1,048,576 rows, 16,384 columns,
    /// 32,767 characters in a cell, 31 in a sheet name.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384
    static let maximumCellCharacters = 32_767
    static let maximumSheetNameLength = 31

    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [FormatKey: UnsafeMutablePointer<lxw_format>] = [:]

    /// - Throws: `XLSXError` if the library cannot allocate the workbook.
    init(path: String) throws {
        guard let workbook = workbook_new(path) else {
            throw XLSXError(function: "workbook_new", reason: "cannot start a workbook at \(path)")
        }
        self.workbook = workbook
    }

    deinit {
        if let workbook { _ = workbook_close(workbook) }
    }

    /// Writes the file and frees the library's memory. Call once.
    /// - Throws: `XLSXError` (e.g. `LXW_ERROR_CREATING_XLSX_FILE` when the directory is not writable).
    func close() throws {
        guard let workbook else { return }
        self.workbook = nil
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw XLSXError(function: "workbook_close", code: status) }
    }

    /// Sets the document's title and author (File ▸ Properties).
    func setProperties(title: String, author: String) throws {
        guard let workbook else { return }
        try title.withCString { t in
            try author.withCString { a in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: t)
                properties.author = UnsafeMutablePointer(mutating: a)
                try check(workbook_set_properties(workbook, &properties), "workbook_set_properties")
            }
        }
    }

    /// Adds a worksheet named `name` (at most 31 characters, none of `[]:*?/\`).
    /// - Throws: `XLSXError` if the name is invalid or already used.
    func addSheet(_ name: String) throws -> Sheet {
        guard let workbook else { throw XLSXError(function: "workbook_add_worksheet", reason: "workbook closed") }
        let status = workbook_validate_sheet_name(workbook, name)
        try check(status, "workbook_validate_sheet_name")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXError(function: "workbook_add_worksheet", reason: "cannot add the worksheet \"\(name)\"")
        }
        return Sheet(pointer: sheet, workbook: self)
    }

    /// The cell format for `key`, created once per workbook (libxlsxwriter keeps formats until close).
    fileprivate func format(_ key: FormatKey) throws -> UnsafeMutablePointer<lxw_format>? {
        if key == .plain { return nil }
        if let existing = formats[key] { return existing }
        guard let workbook, let format = workbook_add_format(workbook) else {
            throw XLSXError(function: "workbook_add_format", reason: "cannot allocate a cell format")
        }
        if let numberFormat = key.numberFormat { format_set_num_format(format, numberFormat) }
        if key.bold { format_set_bold(format) }
        if key.wrap { format_set_text_wrap(format); format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if let fill = key.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
        if let font = key.font { format_set_font_color(format, font) }
        if key.bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        formats[key] = format
        return format
    }

    // MARK: - Sheet

    /// A worksheet of this workbook. Rows and columns are zero-based.
    struct Sheet {
        fileprivate let pointer: UnsafeMutablePointer<lxw_worksheet>
        fileprivate unowned let workbook: XLSXWorkbook

        func write(_ number: Double, row: Int, column: Int, format: FormatKey = .plain) throws {
            let (r, c) = try position(row, column)
            try check(worksheet_write_number(pointer, r, c, number, workbook.format(format)), "worksheet_write_number")
        }

        func write(_ text: String, row: Int, column: Int, format: FormatKey = .plain) throws {
            let (r, c) = try position(row, column)
            try check(worksheet_write_string(pointer, r, c, text, workbook.format(format)), "worksheet_write_string")
        }

        /// An empty cell that still carries a format (e.g. the header fill).
        func writeBlank(row: Int, column: Int, format: FormatKey) throws {
            let (r, c) = try position(row, column)
            try check(worksheet_write_blank(pointer, r, c, workbook.format(format)), "worksheet_write_blank")
        }

        /// Freezes the rows above `row` and the columns left of `column` (`row: 1` keeps the header visible).
        func freeze(row: Int, column: Int) throws {
            let (r, c) = try position(row, column)
            worksheet_freeze_panes(pointer, r, c)
        }

        /// Column width in characters of the default font.
        func setWidth(_ width: Double, column: Int) throws {
            let (_, c) = try position(0, column)
            try check(worksheet_set_column(pointer, c, c, width, nil), "worksheet_set_column")
        }

        /// An autofilter (drop-down arrows) over the header row and `lastRow` data rows.
        func autofilter(lastRow: Int, lastColumn: Int) throws {
            let (r, c) = try position(lastRow, lastColumn)
            try check(worksheet_autofilter(pointer, 0, 0, r, c), "worksheet_autofilter")
        }

        private func position(_ row: Int, _ column: Int) throws -> (lxw_row_t, lxw_col_t) {
            guard row >= 0, row < XLSXWorkbook.maximumRows, column >= 0, column < XLSXWorkbook.maximumColumns,
                  let r = lxw_row_t(exactly: row), let c = lxw_col_t(exactly: column) else {
                throw XLSXError(function: "worksheet", code: LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
            }
            return (r, c)
        }
    }
}

/// What makes two cell formats the same: the number format code, weight, wrapping, colours, border.
/// Colours are 0xRRGGBB.
struct FormatKey: Hashable {
    var numberFormat: String?
    var bold = false
    var wrap = false
    var fill: UInt32?
    var font: UInt32?
    var bottomBorder = false

    static let plain = FormatKey()
}

private func check(_ status: lxw_error, _ function: String) throws {
    guard status == LXW_NO_ERROR else { throw XLSXError(function: function, code: status) }
}
