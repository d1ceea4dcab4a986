import Foundation

// MARK: - DHIS2 and WHO GHO imports

/// Reads exports of other systems into the same `SeriesCollection` as the tidy reader, through a
/// `SourceMapping`, with the same rules (strict numbers, years 1900–2100, missing cells reported,
/// duplicates errors unless source priority settles them, catalogue bounds).
///
/// Rows whose codes the mapping does not list are skipped and counted in one warning (an export usually
/// holds more than the plan needs). These readers decode rows to strings (`CSVTable`): exports are
/// thousands of rows, not millions; the byte-level path is `SeriesReader`.
public enum ExternalImport {
    /// DHIS2 `dataValueSets` CSV (`dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,
    /// storedby,lastupdated,comment,followup[,deleted]`), as written by `GET /api/dataValueSets.csv`
    /// (DHIS2 developer docs, "Data values"). Only yearly periods (`2023`) are accepted; rows with
    /// `deleted` = true are skipped. The source of each observation is `DHIS2 <dataelement>/<orgunit>[/<coc>]`.
    /// - Throws: `DataError` with line and column; a monthly/quarterly period is an error with a hint.
    public static func readDHIS2(contentsOf url: URL, mapping: SourceMapping, displayName: String? = nil,
                                 options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
        let t = try CSVTable(url: url, displayName: displayName, delimiter: options.delimiter,
                             emptyHint: "The first line must be the dataValueSets header "
                                + "(dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,…)")
        let expected = "dataelement, period, orgunit and value"
        let h = t.header
        let spec = Spec(indicator: try h.require("dataelement", expected: expected),
                        region: try h.require("orgunit", expected: expected),
                        year: try h.require("period", expected: expected),
                        value: try h.require("value", expected: expected),
                        combo: h.index(of: "categoryoptioncombo"),
                        skip: h.index(of: "deleted").map { c in { row in t.field(row, c).lowercased() == "true" } },
                        sourceLabel: "DHIS2",
                        periodHint: "Export yearly data (period type Yearly, e.g. 2023), or aggregate to years first")
        return try run(t, spec: spec, mapping: mapping, options: options)
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
        let t = try CSVTable(url: url, displayName: displayName, delimiter: options.delimiter,
                             emptyHint: "The first line must be a GHO header (IndicatorCode,SpatialDim,TimeDim,"
                                + "NumericValue or GHO (CODE),COUNTRY (CODE),YEAR (DISPLAY),Numeric)")
        let expected = "IndicatorCode, SpatialDim, TimeDim and NumericValue (or GHO (CODE), COUNTRY (CODE), "
            + "YEAR (DISPLAY) and Numeric)"
        let h = t.header
        let sex = h.index(ofAny: ["Dim1", "SEX (CODE)"])
        let bothSexes: Set<String> = ["", "BTSX", "SEX_BTSX"]
        let spec = Spec(indicator: try h.require("IndicatorCode", aliases: ["GHO (CODE)"], expected: expected),
                        region: try h.require("SpatialDim", aliases: ["COUNTRY (CODE)"], expected: expected),
                        year: try h.require("TimeDim", aliases: ["YEAR (DISPLAY)", "YEAR (CODE)"], expected: expected),
                        value: try h.require("NumericValue", aliases: ["Numeric"], expected: expected),
                        combo: nil,
                        skip: sex.map { c in { row in !bothSexes.contains(t.field(row, c).uppercased()) } },
                        sourceLabel: "WHO GHO",
                        periodHint: "GHO ranges such as 2013-2015 are not annual values; keep single years")
        return try run(t, spec: spec, mapping: mapping, options: options)
    }

    // MARK: Shared loop

    struct Spec {
        var indicator: Int
        var region: Int
        var year: Int
        var value: Int
        var combo: Int?
        /// Rows to drop before mapping (deleted, other sex).
        var skip: ((CSVTable.Row) -> Bool)?
        var sourceLabel: String
        var periodHint: String
    }

    private static func run(_ t: CSVTable, spec: Spec, mapping: SourceMapping,
                            options: ReadOptions) throws -> SeriesCollection {
        var builder = SeriesBuilder(options: options)
        var unmapped = 0
        var firstUnmapped = ""
        var skipped = 0
        for row in t.rows {
            if let skip = spec.skip, skip(row) { skipped += 1; continue }
            let sourceIndicator = try t.required(row, spec.indicator, name: t.header.names[spec.indicator])
            let sourceRegion = try t.required(row, spec.region, name: t.header.names[spec.region])
            let combo = t.field(row, spec.combo)
            guard let key = mapping.lookup(indicator: sourceIndicator, region: sourceRegion, combo: combo) else {
                if unmapped == 0 { firstUnmapped = "line \(row.line): \(sourceIndicator) / \(sourceRegion)" }
                unmapped += 1
                continue
            }
            builder.rowCount += 1
            let year: Int
            do {
                year = try t.year(row, spec.year)
            } catch var error as DataError {
                error.hint = spec.periodHint
                throw error
            }
            let series = builder.seriesIndex(indicator: key.indicator, region: key.region)
            guard let value = try t.number(row, spec.value, format: options.numberFormat) else {
                builder.missing.append(MissingCell(file: t.file, line: row.line, indicator: key.indicator,
                                                   region: key.region, year: year))
                continue
            }
            if let (message, hint) = builder.boundsViolation(series, value) {
                throw t.error(row, spec.value, message, hint)
            }
            let source = "\(spec.sourceLabel) \(sourceIndicator)/\(sourceRegion)" + (combo.isEmpty ? "" : "/\(combo)")
            builder.append(series, Observation(year: year, value: value,
                                               provenance: Provenance(file: t.file, line: row.line, source: source)))
        }
        if unmapped > 0 {
            builder.warnings.append(DataWarning(file: t.file, line: 0,
                message: "\(unmapped) row(s) not in the mapping were skipped (first: \(firstUnmapped))"))
        }
        if skipped > 0 {
            builder.warnings.append(DataWarning(file: t.file, line: 0,
                message: "\(skipped) row(s) skipped (deleted, or not both sexes)"))
        }
        guard builder.rowCount > 0 else {
            throw DataError(file: t.file, line: 1, message: "no row of the file matches the mapping",
                            hint: "Check the mapping's codes against the file (first unmapped: \(firstUnmapped.isEmpty ? "none" : firstUnmapped))")
        }
        return try builder.finish(yearColumn: spec.year + 1)
    }
}
