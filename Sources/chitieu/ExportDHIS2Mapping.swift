import Export
import Foundation
import IndicatorData

/// The DHIS2 mapping file of `chitieu export --to dhis2`: the same file the import readers use
/// (`IndicatorData.SourceMapping`: each data element and org unit once, header
/// `indicator,dataelement` and/or `region,orgunit`, optional `categoryoptioncombo`), read in reverse:
/// indicator → data element, region → org unit.
///
/// An indicator mapped from two different data elements, or a region from two org units, is an error here:
/// DHIS2 stores one value per (data element, period, org unit, combo), so the export must know which one.
///
/// The category option combo of the projected value comes from `categoryoptioncombo` when given, else it is
/// left empty, which DHIS2's data value set import reads as the default combo (DHIS2 Web API guide, "Data
/// values": "if not specified the default category option combo will be used").
struct DHIS2MappingFile {
    var mapping: DHIS2Mapping
    var path: String

    /// - Throws: `DataError` 66 if the file is missing, 65 for a bad file; `CLIError` 65 for an ambiguous reverse.
    static func read(path: String) throws -> DHIS2MappingFile {
        let source = try SourceMapping.read(contentsOf: URL(fileURLWithPath: path), displayName: path)
        var dataElements: [String: (element: String, line: Int)] = [:], orgUnits: [String: (unit: String, line: Int)] = [:]
        var combos = Set<String>()
        for (key, entry) in source.elements.sorted(by: { $0.key < $1.key }) {
            if let previous = dataElements[entry.indicator], previous.element != key.code {
                throw CLIError(message: "\(path):\(entry.line): indicator \(entry.indicator) is mapped to data element "
                    + "\(key.code) here and to \(previous.element) on line \(previous.line); the export needs one, keep one",
                    code: ExitStatus.dataError)
            }
            dataElements[entry.indicator] = (key.code, entry.line)
            if !key.combo.isEmpty { combos.insert(key.combo) }
        }
        for (unit, region) in source.orgUnits.sorted(by: { $0.key < $1.key }) {
            let line = source.orgUnitLines[unit] ?? 0
            if let previous = orgUnits[region], previous.unit != unit {
                throw CLIError(message: "\(path):\(line): region \(region) is mapped to org unit \(unit) here and to "
                    + "\(previous.unit) on line \(previous.line); keep one", code: ExitStatus.dataError)
            }
            orgUnits[region] = (unit, line)
        }
        guard !dataElements.isEmpty, !orgUnits.isEmpty else {
            throw CLIError(message: "\(path): the DHIS2 mapping needs at least one indicator,dataelement pair and "
                + "one region,orgunit pair", code: ExitStatus.dataError)
        }
        // DHIS2Mapping holds one combo per value kind, not per indicator, so all rows must agree.
        if combos.count > 1 {
            throw CLIError(message: "\(path): the categoryoptioncombo column has different values "
                + "(\(combos.sorted().joined(separator: ", "))); chitieu writes one combo for every "
                + "projected value, so give the same combo on every row or leave the column empty",
                code: ExitStatus.dataError)
        }
        return DHIS2MappingFile(mapping: DHIS2Mapping(dataElements: dataElements.mapValues(\.element),
                                                      orgUnits: orgUnits.mapValues(\.unit),
                                                      defaultCategoryOptionCombo: combos.first ?? ""),
                                path: path)
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
