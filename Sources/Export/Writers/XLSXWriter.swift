import Foundation

/// One table of a workbook: a sheet name and the tidy table it shows.
public struct XLSXSheet: Sendable, Equatable {
    /// Shown on the sheet's tab; shortened to Excel's 31 characters and stripped of `[]:*?/\`.
    public var name: String
    public var table: Table
    /// Styles by tidy column name, overriding `ColumnStyle.infer`.
    public var styles: [String: ColumnStyle]

    public init(name: String, table: Table, styles: [String: ColumnStyle] = [:]) {
        self.name = name
        self.table = table
        self.styles = styles
    }
}

/// An Excel workbook (Office Open XML, .xlsx) written through libxlsxwriter: one sheet per table and a
/// last sheet "Methods and sources" with the run's metadata, data files (SHA-256), methods and caveats.
///
/// Each table sheet: headers for people in `language` (bold, shaded, wrapped), frozen under the header row,
/// an autofilter, column widths from the widest shown value; numbers are stored as numbers at full
/// precision and shown through number formats chosen by `ColumnStyle` with `PeopleNumber`'s rules
/// (three significant digits with thousands separators, probabilities with two decimals, shares as
/// percentages, money in millions or billions through Excel's scaling commas, e.g. `#,##0.0,,," bn"`);
/// verdict cells are filled with the colour the charts give that verdict (`VerdictCategory.colour`).
/// Excel number format codes are locale-neutral: a Vietnamese Excel shows `1.601,7` from the same code.
///
/// `render` writes the workbook to a private temporary file (libxlsxwriter 1.1.4 writes only to files),
/// reads it back and deletes it; `write(_:to:overwrite:)` then goes through `AtomicFile` like every writer.
public struct XLSXWriter: TableWriter {
    public var language: Language
    /// The sheet name `render(_ table:)` uses.
    public var sheetName: String
    /// The document title (File ▸ Properties) and the first line of the methods sheet.
    public var title: String
    public var metadata: RunMetadata?
    /// Sentences on methods and caveats, one per row of the methods sheet.
    public var methods: [String]
    /// The verdict ladder's cut-offs, for the colour legend on the methods sheet (no legend when `nil`).
    public var verdictCuts: VerdictCuts?

    public init(language: Language = .en, sheetName: String = "chitieu", title: String = "chitieu",
                metadata: RunMetadata? = nil, methods: [String] = [], verdictCuts: VerdictCuts? = nil) {
        self.language = language
        self.sheetName = sheetName
        self.title = title
        self.metadata = metadata
        self.methods = methods
        self.verdictCuts = verdictCuts
    }

    public func render(_ table: Table) throws -> Data {
        try render([XLSXSheet(name: sheetName, table: table)])
    }

    /// The workbook with one sheet per table, then the methods sheet.
    /// - Throws: `ExportError.badTable` if a table has more rows or columns than Excel allows, or a text
    ///   longer than a cell holds; `.ioError` if the temporary file cannot be written or read.
    public func render(_ sheets: [XLSXSheet]) throws -> Data {
        for sheet in sheets { try Self.checkLimits(sheet) }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("chitieu-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let workbook = try XLSXWorkbook(path: path)
            try workbook.setProperties(title: title, author: "chitieu")
            var used = Set<String>()
            for sheet in sheets {
                try XLSXSheetLayout(sheet: sheet, language: language)
                    .write(to: workbook.addSheet(Self.uniqueName(sheet.name, used: &used)))
            }
            try XLSXMethodsSheet(title: title, metadata: metadata, methods: methods, cuts: verdictCuts,
                             language: language)
                .write(to: workbook.addSheet(Self.uniqueName(Label.methodsAndSources.text(language), used: &used)))
            try workbook.close()
        } catch let error as XLSXError {
            if error.isContentError {
                throw ExportError(.badTable, message: "The workbook cannot hold this table (\(error)); "
                                  + "use --format csv for it.")
            }
            throw ExportError(.ioError, message: "Cannot write the workbook in \(FileManager.default.temporaryDirectory.path) "
                              + "(\(error)); free some disk space or set TMPDIR to a writable folder.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError(.ioError, message: "Cannot read back the workbook written to \(path); check TMPDIR.")
        }
        return data
    }

    // MARK: - Limits and names

    static func checkLimits(_ sheet: XLSXSheet) throws {
        let rows = sheet.table.rows.count + 1
        guard rows <= XLSXWorkbook.maximumRows, sheet.table.columns.count <= XLSXWorkbook.maximumColumns else {
            throw ExportError(.badTable, message: "The table has \(rows) rows and \(sheet.table.columns.count) "
                              + "columns; an Excel sheet holds at most \(XLSXWorkbook.maximumRows) rows and "
                              + "\(XLSXWorkbook.maximumColumns) columns. Use --format csv, or fewer series.")
        }
    }

    /// A valid, unused sheet name: forbidden characters replaced, cut to 31 characters, numbered if taken.
    static func uniqueName(_ name: String, used: inout Set<String>) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(name.map { forbidden.contains($0) ? "-" : $0 })
            .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Sheet" }
        var candidate = String(base.prefix(XLSXWorkbook.maximumSheetNameLength))
        var number = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(XLSXWorkbook.maximumSheetNameLength - suffix.count)) + suffix
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}

// MARK: - A table sheet

/// How one table is laid out on its sheet (see `XLSXWriter`).
struct XLSXSheetLayout {
    let sheet: XLSXSheet
    let language: Language

    static let header = FormatKey(bold: true, wrap: true, fill: 0xE3E3E3, bottomBorder: true)
    static let minimumWidth = 6.0
    static let maximumWidth = 48.0

    func write(to target: XLSXWorkbook.Sheet) throws {
        let table = sheet.table
        let people = try PeopleTable(table, language: language, styles: sheet.styles)
        for (column, name) in people.table.columns.enumerated() {
            try target.write(name, row: 0, column: column, format: Self.header)
        }
        for (rowIndex, row) in table.rows.enumerated() {
            for (column, cell) in row.enumerated() {
                // Text as people read it (codes translated), numbers at full precision.
                let shown = cell.isNumeric ? cell : people.table.rows[rowIndex][column]
                try write(shown, style: people.styles[column], row: rowIndex + 1, column: column, to: target)
            }
        }
        for column in table.columns.indices {
            try target.setWidth(width(column, people), column: column)
        }
        try target.freeze(row: 1, column: 0)
        if !table.columns.isEmpty { try target.autofilter(lastRow: table.rows.count, lastColumn: table.columns.count - 1) }
    }

    private func write(_ cell: Cell, style: ColumnStyle, row: Int, column: Int, to target: XLSXWorkbook.Sheet) throws {
        switch cell {
        case .missing:
            return
        case .text(let text):
            var format = FormatKey.plain
            if style == .verdict, let category = VerdictCategory(verdictText: text) {
                format = FormatKey(bold: true, fill: category.rgb, font: 0xFFFFFF)
            }
            try target.write(String(text.prefix(XLSXWorkbook.maximumCellCharacters)), row: row, column: column,
                             format: format)
        case .integer(let i):
            try target.write(Double(i), row: row, column: column, format: FormatKey(numberFormat: numberFormat(Double(i), style)))
        case .number(let x, _):
            guard x.isFinite else { return }
            try target.write(x, row: row, column: column, format: FormatKey(numberFormat: numberFormat(x, style)))
        }
    }

    /// The Excel number format code that shows `x` as `PeopleNumber` would.
    func numberFormat(_ x: Double, _ style: ColumnStyle) -> String {
        func fixed(_ decimals: Int) -> String { decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals) }
        switch style {
        case .year, .text, .verdict: return "0"
        case .count: return "#,##0"
        case .probability: return "0.00"
        case .percent:
            let tenths = (x * 1000).rounded()
            return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "0%" : "0.0%"
        case .number: return fixed(PeopleNumber.decimals(for: x))
        case .money(let currency): return Self.moneyFormat(x, currency: currency, language)
        }
    }

    /// Money in billions or millions by Excel's scaling commas (each trailing comma divides by 1,000).
    static func moneyFormat(_ x: Double, currency: String, _ language: Language) -> String {
        let magnitude = abs(x)
        let (code, en, vi) = magnitude >= 1e9 ? ("#,##0.0,,,", " bn", " tỷ") : magnitude >= 1e6 ? ("#,##0.0,,", " million", " triệu")
            : ("#,##0", "", "")
        switch language {
        case .en: return "\"\(currency) \"\(code)\"\(en)\""
        case .vi: return "\(code)\"\(vi) \(currency == "VND" ? "đồng" : currency)\""
        }
    }

    /// Characters of the widest shown value (the header counts up to 24, it wraps), within 6…48.
    private func width(_ column: Int, _ people: PeopleTable) -> Double {
        var widest = min(Double(people.table.columns[column].count), 24)
        for row in people.table.rows {
            if case .text(let text) = row[column] { widest = max(widest, Double(text.count)) }
        }
        return min(max(widest + 2, Self.minimumWidth), Self.maximumWidth)
    }
}
