import Foundation

// MARK: - DHIS2, WHO GHO and SDMX imports

/// Reads exports of other systems into the same `SeriesCollection` as the tidy reader, through a
/// `SourceMapping`, with the same rules (strict numbers, years 1900–2100, missing cells reported,
/// duplicates errors unless source priority settles them, catalogue bounds). Months, quarters and
/// half-years become years by `PeriodAggregation`'s rule; weeks and financial years are refused.
///
/// Rows whose codes the mapping does not list are skipped and counted in one warning (an export usually
/// holds more than the plan needs). These readers decode rows to strings (`CSVTable`): exports are
/// thousands of rows, not millions; the byte-level path is `SeriesReader`. `InputReader` is the entry point
/// that picks the reader from the header; these functions read one layout directly.
public enum ExternalImport {
    /// DHIS2 `dataValueSets` CSV (`dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,
    /// storedby,lastupdated,comment,followup[,deleted]`), as written by `GET /api/dataValueSets.csv`
    /// (DHIS2 developer docs, "Data values"). Rows with `deleted` = true are skipped. The source of each
    /// observation is `DHIS2 <dataelement>/<orgunit>[/<coc>]`.
    /// - Throws: `DataError` with line and column.
    public static func readDHIS2(contentsOf url: URL, mapping: SourceMapping, displayName: String? = nil,
                                 options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
        try read(url, kind: .dhis2, mapping: mapping, displayName: displayName, options: options)
    }

    /// WHO GHO exports, in either layout:
    /// - OData API rows flattened to CSV: `IndicatorCode,SpatialDim,TimeDim,NumericValue[,Dim1,…]`;
    /// - the GHO "verbose" CSV download: `GHO (CODE),COUNTRY (CODE),YEAR (DISPLAY),Numeric[,SEX (CODE),…]`.
    ///
    /// When a sex dimension is present (`Dim1` or `SEX (CODE)`), only both-sexes rows (`BTSX`,
    /// `SEX_BTSX`) and rows with it empty are kept; the others are skipped and counted in a warning.
    /// The source of each observation is `WHO GHO <code>/<country>`.
    public static func readGHO(contentsOf url: URL, mapping: SourceMapping, displayName: String? = nil,
                               options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
        try read(url, kind: .gho, mapping: mapping, displayName: displayName, options: options)
    }

    private static func read(_ url: URL, kind: DataFileKind, mapping: SourceMapping, displayName: String?,
                             options: ReadOptions) throws -> SeriesCollection {
        let spec = FileSpec(url: url, displayName: displayName,
                            options: FileReadOptions(decimal: options.numberFormat.decimalMark, delimiter: options.delimiter,
                                                     grouping: options.numberFormat.grouping, layout: kind))
        return try InputReader.read([spec], catalogue: options.catalogue, sourcePriority: options.sourcePriority,
                                    mapping: mapping)
    }

    // MARK: Records of each CSV layout

    /// The records of a CSV export of `kind`, and the `SourceImport` settings for it.
    static func records(_ t: CSVTable, kind: DataFileKind, format: NumberFormat,
                        importer: inout SourceImport) throws -> [SourceRecord] {
        let h = t.header
        let expected: String
        let c: (element: Int, orgUnit: Int, period: Int, value: Int, combo: Int?)
        var keep: ((CSVTable.Row) -> Bool)?
        switch kind {
        case .dhis2:
            expected = "dataelement, period, orgunit and value"
            c = (try h.require("dataelement", expected: expected), try h.require("orgunit", expected: expected),
                 try h.require("period", expected: expected), try h.require("value", expected: expected),
                 h.index(of: "categoryoptioncombo"))
            keep = h.index(of: "deleted").map { col in { row in t.field(row, col).lowercased() != "true" } }
        case .dhis2Analytics:
            expected = "dx, pe, ou and value (or Data, Period, Organisation unit and Value)"
            c = (try h.require("dx", aliases: ["Data"], expected: expected),
                 try h.require("ou", aliases: ["Organisation unit", "Organization unit"], expected: expected),
                 try h.require("pe", aliases: ["Period"], expected: expected), try h.require("value", expected: expected),
                 h.index(ofAny: ["co", "Category option combo"]))
        case .sdmx:
            expected = "INDICATOR (or SERIES), REF_AREA, TIME_PERIOD and OBS_VALUE"
            c = (try h.require("INDICATOR", aliases: ["SERIES"], expected: expected),
                 try h.require("REF_AREA", expected: expected), try h.require("TIME_PERIOD", expected: expected),
                 try h.require("OBS_VALUE", expected: expected), nil)
            keep = sdmxFilter(t)
            importer.readerSkipReason = "ACTION D, OBS_KIND other than observed, or SEX other than _T"
        default:  // .gho
            expected = "IndicatorCode, SpatialDim, TimeDim and NumericValue (or GHO (CODE), COUNTRY (CODE), "
                + "YEAR (DISPLAY) and Numeric)"
            c = (try h.require("IndicatorCode", aliases: ["GHO (CODE)"], expected: expected),
                 try h.require("SpatialDim", aliases: ["COUNTRY (CODE)"], expected: expected),
                 try h.require("TimeDim", aliases: ["YEAR (DISPLAY)", "YEAR (CODE)"], expected: expected),
                 try h.require("NumericValue", aliases: ["Numeric"], expected: expected), nil)
            let bothSexes: Set<String> = ["", "BTSX", "SEX_BTSX"]
            keep = h.index(ofAny: ["Dim1", "SEX (CODE)"]).map { col in { row in bothSexes.contains(t.field(row, col).uppercased()) } }
        }
        var out: [SourceRecord] = []
        out.reserveCapacity(t.rows.count)
        for row in t.rows {
            if let keep, !keep(row) { importer.readerSkipped += 1; continue }
            let element = try t.requiredCode(row, c.element, name: t.columnName(c.element))
            let orgUnit = try t.requiredCode(row, c.orgUnit, name: t.columnName(c.orgUnit))
            let period = try Self.period(t, row, c.period, kind: kind)
            out.append(SourceRecord(element: element, orgUnit: orgUnit, combo: t.field(row, c.combo), period: period,
                                    value: try t.number(row, c.value, format: format), line: row.line,
                                    column: c.value + 1, text: t.field(row, c.value)))
        }
        return out
    }

    /// SDMX rows to keep: not ACTION=D, OBS_KIND observed (what chitieu writes for data), SEX total.
    private static func sdmxFilter(_ t: CSVTable) -> ((CSVTable.Row) -> Bool)? {
        let action = t.header.index(of: "ACTION"), kind = t.header.index(of: "OBS_KIND"), sex = t.header.index(of: "SEX")
        guard action != nil || kind != nil || sex != nil else { return nil }
        return { row in
            if t.field(row, action).uppercased() == "D" { return false }
            if kind != nil, !["", "observed"].contains(t.field(row, kind).lowercased()) { return false }
            if sex != nil, !["", "_T", "T", "BTSX"].contains(t.field(row, sex).uppercased()) { return false }
            return true
        }
    }

    /// A period cell, or an error at its position naming the layout.
    static func period(_ t: CSVTable, _ row: CSVTable.Row, _ column: Int, kind: DataFileKind) throws -> Period {
        let text = t.field(row, column)
        switch Period.parse(text) {
        case .success(let p): return p
        case .failure(let refusal):
            let (message, hint) = Period.describe(refusal, text: text)
            throw t.error(row, column, message, hint + " (file read as \(kind.displayName))")
        }
    }
}
