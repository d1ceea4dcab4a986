import Foundation

/// How chitieu's tidy rows map onto DHIS2 identifiers (read from the user's mapping file by the CLI).
public struct DHIS2Mapping: Sendable, Equatable {
    /// indicator code → data element UID (or code, if the import uses `dataElementIdScheme=CODE`).
    public var dataElements: [String: String]
    /// region code → organisation unit UID.
    public var orgUnits: [String: String]
    /// Category option combo per value kind. Keys: the kind alone (`projected`) for the central value,
    /// and `kind/lower/level`, `kind/upper/level` (e.g. `projected/lower/80`) for interval bounds. A bound
    /// whose key is not mapped is not exported; a central value whose kind is not mapped uses
    /// `defaultCategoryOptionCombo`, or is an error if that is `nil`.
    public var categoryOptionCombos: [String: String]
    /// Used when a kind has no entry in `categoryOptionCombos` (DHIS2's "default" combo UID of the instance).
    public var defaultCategoryOptionCombo: String?
    /// Attribute option combo; empty means DHIS2 uses its default.
    public var attributeOptionCombo: String
    /// The `storedby` field.
    public var storedBy: String
    /// Which kinds of rows are exported (default: projected values only).
    public var kinds: Set<String>

    // Table column names (chitieu's tidy schema by default).
    public var indicatorColumn = "indicator"
    public var regionColumn = "area"
    public var periodColumn = "year"
    public var kindColumn = "kind"
    public var valueColumn = "value"
    public var levelColumn = "level"
    public var lowerColumn = "lower"
    public var upperColumn = "upper"

    public init(dataElements: [String: String], orgUnits: [String: String],
                categoryOptionCombos: [String: String] = [:], defaultCategoryOptionCombo: String? = nil,
                attributeOptionCombo: String = "", storedBy: String = "chitieu", kinds: Set<String> = ["projected"]) {
        self.dataElements = dataElements
        self.orgUnits = orgUnits
        self.categoryOptionCombos = categoryOptionCombos
        self.defaultCategoryOptionCombo = defaultCategoryOptionCombo
        self.attributeOptionCombo = attributeOptionCombo
        self.storedBy = storedBy
        self.kinds = kinds
    }
}

/// DHIS2 `dataValueSets` CSV for importing projected values (`POST /api/dataValueSets` with
/// `Content-Type: application/csv`, or Import/Export app → Data import → CSV).
///
/// Header and column order as DHIS2 writes them itself (dhis2-core `StreamingCsvDataValue.getHeaders()`):
/// `dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,
/// comment,followup,deleted`. DHIS2's importer reads the columns by position (the Web API guide's
/// "CSV format of DHIS2" table: data element, period, org unit, category option combo, attribute option
/// combo, value, stored by, last updated, comment, follow up, deleted), so the order is what matters.
///
/// One data value per (data element, period, org unit, category option combo): the central value of each
/// row, plus its lower/upper bounds when their combos are mapped. Rows at several interval levels repeat
/// the same central value; it is written once, and two different values for the same key are an error.
/// Periods are yearly ISO periods (`2025`). Comma separator, RFC 4180 quoting, point decimal, LF.
public struct DHIS2CSVWriter: TableWriter {
    public static let header = ["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo",
                                "value", "storedby", "lastupdated", "comment", "followup", "deleted"]

    public var mapping: DHIS2Mapping
    /// Written in `lastupdated` (ISO 8601 UTC); `nil` leaves it empty so DHIS2 stamps the import time.
    public var lastUpdated: Date?

    public init(mapping: DHIS2Mapping, lastUpdated: Date? = nil) {
        self.mapping = mapping
        self.lastUpdated = lastUpdated
    }

    public func render(_ table: Table) throws -> Data {
        let purpose = "DHIS2 export"
        let m = mapping
        let indicatorIndex = try table.requireColumn(m.indicatorColumn, for: purpose)
        let regionIndex = try table.requireColumn(m.regionColumn, for: purpose)
        let periodIndex = try table.requireColumn(m.periodColumn, for: purpose)
        let kindIndex = try table.requireColumn(m.kindColumn, for: purpose)
        let valueIndex = try table.requireColumn(m.valueColumn, for: purpose)
        let levelIndex = table.columnIndex(m.levelColumn)
        let lowerIndex = table.columnIndex(m.lowerColumn)
        let upperIndex = table.columnIndex(m.upperColumn)
        let stamp = lastUpdated.map { date -> String in
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.string(from: date)
        } ?? ""

        var out = CSVQuoting.line(Self.header, separator: ",", lineEnd: "\n")
        var written: [String: String] = [:]  // key → value, to drop repeats and catch conflicts

        func emit(dataElement: String, period: String, orgUnit: String, combo: String, value: String, row: Int) throws {
            let key = [dataElement, period, orgUnit, combo].joined(separator: "\u{1F}")
            if let previous = written[key] {
                if previous != value {
                    throw ExportError(.badTable, message: "Row \(row) gives \(value) for data element \(dataElement), "
                                      + "period \(period), org unit \(orgUnit), combo \(combo), but an earlier row "
                                      + "gave \(previous); DHIS2 holds one value per key. Export one scenario at a time.")
                }
                return
            }
            written[key] = value
            let fields = [dataElement, period, orgUnit, combo, m.attributeOptionCombo,
                          value, m.storedBy, stamp, "", "false", "false"]
            out += CSVQuoting.line(fields, separator: ",", lineEnd: "\n")
        }

        for (offset, row) in table.rows.enumerated() {
            let rowNumber = offset + 1
            guard let kind = row[kindIndex].plainText, m.kinds.contains(kind) else { continue }
            guard let value = row[valueIndex].plainText else { continue }  // missing value: nothing to send
            let indicator = row[indicatorIndex].plainText ?? ""
            guard let dataElement = m.dataElements[indicator] else {
                throw ExportError(.badMapping, message: "The DHIS2 mapping has no data element for indicator "
                                  + "\"\(indicator)\" (row \(rowNumber)); add it under data_elements in the mapping file.")
            }
            let region = row[regionIndex].plainText ?? ""
            guard let orgUnit = m.orgUnits[region] else {
                throw ExportError(.badMapping, message: "The DHIS2 mapping has no org unit for region \"\(region)\" "
                                  + "(row \(rowNumber)); add it under org_units in the mapping file.")
            }
            guard let period = row[periodIndex].plainText, !period.isEmpty else {
                throw ExportError(.badTable, message: "Row \(rowNumber) has no period in column \"\(m.periodColumn)\".")
            }
            guard let combo = m.categoryOptionCombos[kind] ?? m.defaultCategoryOptionCombo else {
                throw ExportError(.badMapping, message: "The DHIS2 mapping has no category option combo for kind "
                                  + "\"\(kind)\" and no default; add \(kind) under category_option_combos or set a default.")
            }
            try emit(dataElement: dataElement, period: period, orgUnit: orgUnit, combo: combo, value: value, row: rowNumber)

            guard let levelIndex, let level = row[levelIndex].plainText, !level.isEmpty else { continue }
            for (bound, index) in [("lower", lowerIndex), ("upper", upperIndex)] {
                guard let index, let boundValue = row[index].plainText,
                      let boundCombo = m.categoryOptionCombos["\(kind)/\(bound)/\(level)"] else { continue }
                try emit(dataElement: dataElement, period: period, orgUnit: orgUnit, combo: boundCombo,
                         value: boundValue, row: rowNumber)
            }
        }
        return Data(out.utf8)
    }
}
