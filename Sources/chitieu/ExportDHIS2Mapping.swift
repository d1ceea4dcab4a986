import Export
import Foundation
import IndicatorData

/// The DHIS2 mapping file of `chitieu export --to dhis2`: a CSV with the header
/// `indicator,region,dataelement,orgunit` and an optional `categoryoptioncombo` column.
///
/// Each row maps a chitieu indicator code to a DHIS2 data element and a region code to an organisation
/// unit. A row may map only a region (indicator and dataelement empty) or only an indicator (region and
/// orgunit empty). An indicator mapped to two different data elements, or a region to two org units, is an
/// error: DHIS2 stores one value per (data element, period, org unit, combo).
///
/// The category option combo of the projected value comes from `categoryoptioncombo` when given, else it is
/// left empty, which DHIS2's data value set import reads as the default combo (DHIS2 Web API guide, "Data
/// values": "if not specified the default category option combo will be used").
struct DHIS2MappingFile {
    var mapping: DHIS2Mapping
    var path: String
    /// Line of each indicator's and region's mapping, for messages.
    var indicatorLines: [String: Int] = [:]
    var regionLines: [String: Int] = [:]

    static let requiredColumns = ["indicator", "region", "dataelement", "orgunit"]

    /// - Throws: `CLIError` 66 if the file is missing, 65 for a bad header, empty file or conflicting rows.
    static func read(path: String) throws -> DHIS2MappingFile {
        let table = try ExportCSVReader().read(path: path)
        let missing = requiredColumns.filter { table.columnIndex($0) == nil }
        guard missing.isEmpty else {
            throw CLIError(message: "\(path): the DHIS2 mapping lacks the column\(missing.count == 1 ? "" : "s") "
                + "\(missing.joined(separator: ", ")); its header must be indicator,region,dataelement,orgunit "
                + "(optionally ,categoryoptioncombo)", code: ExitStatus.dataError)
        }
        var dataElements: [String: String] = [:], orgUnits: [String: String] = [:], combos: [String: String] = [:]
        var result = DHIS2MappingFile(mapping: DHIS2Mapping(dataElements: [:], orgUnits: [:]), path: path)
        for index in table.rows.indices {
            let line = index + 2
            func text(_ column: String) -> String { table[index, column]?.plainText ?? "" }
            let indicator = text("indicator"), region = text("region")
            let element = text("dataelement"), unit = text("orgunit"), combo = text("categoryoptioncombo")
            if indicator.isEmpty != element.isEmpty || region.isEmpty != unit.isEmpty {
                throw CLIError(message: "\(path):\(line): give indicator with dataelement and region with orgunit "
                    + "(a row may leave one pair empty, not half of a pair)", code: ExitStatus.dataError)
            }
            if indicator.isEmpty && region.isEmpty {
                throw CLIError(message: "\(path):\(line): the row maps nothing; fill in indicator,dataelement "
                    + "and/or region,orgunit, or delete the row", code: ExitStatus.dataError)
            }
            if !indicator.isEmpty {
                if let previous = dataElements[indicator], previous != element {
                    throw CLIError(message: "\(path):\(line): indicator \(indicator) is mapped to data element "
                        + "\(element) here and to \(previous) on line \(result.indicatorLines[indicator] ?? 0); "
                        + "keep one", code: ExitStatus.dataError)
                }
                dataElements[indicator] = element
                result.indicatorLines[indicator] = result.indicatorLines[indicator] ?? line
                if !combo.isEmpty { combos[indicator] = combo }
            }
            if !region.isEmpty {
                if let previous = orgUnits[region], previous != unit {
                    throw CLIError(message: "\(path):\(line): region \(region) is mapped to org unit \(unit) here "
                        + "and to \(previous) on line \(result.regionLines[region] ?? 0); keep one",
                        code: ExitStatus.dataError)
                }
                orgUnits[region] = unit
                result.regionLines[region] = result.regionLines[region] ?? line
            }
        }
        guard !dataElements.isEmpty, !orgUnits.isEmpty else {
            throw CLIError(message: "\(path): the DHIS2 mapping needs at least one indicator,dataelement pair and "
                + "one region,orgunit pair", code: ExitStatus.dataError)
        }
        // DHIS2Mapping holds one combo per value kind, not per indicator, so all rows must agree.
        let distinctCombos = Set(combos.values)
        if distinctCombos.count > 1 {
            throw CLIError(message: "\(path): the categoryoptioncombo column has different values "
                + "(\(distinctCombos.sorted().joined(separator: ", "))); chitieu writes one combo for every "
                + "projected value, so give the same combo on every row or leave the column empty",
                code: ExitStatus.dataError)
        }
        result.mapping = DHIS2Mapping(dataElements: dataElements, orgUnits: orgUnits,
                                      defaultCategoryOptionCombo: distinctCombos.first ?? "")
        return result
    }

    /// Checks that every projected row's indicator and region are mapped, naming the first gap and the
    /// mapping file, before anything is written.
    func checkCovers(_ table: Table) throws {
        for index in table.rows.indices {
            guard table[index, "kind"]?.plainText.map(mapping.kinds.contains) == true else { continue }
            let indicator = table[index, "indicator"]?.plainText ?? ""
            if mapping.dataElements[indicator] == nil {
                throw CLIError(message: "\(path) has no data element for indicator \"\(indicator)\" (input row "
                    + "\(index + 1)); add a line \(indicator),,DATAELEMENT_UID, to the mapping",
                    code: ExitStatus.dataError)
            }
            let region = table[index, "area"]?.plainText ?? ""
            if mapping.orgUnits[region] == nil {
                throw CLIError(message: "\(path) has no org unit for region \"\(region)\" (input row \(index + 1)); "
                    + "add a line ,\(region),,ORGUNIT_UID to the mapping", code: ExitStatus.dataError)
            }
        }
    }
}
