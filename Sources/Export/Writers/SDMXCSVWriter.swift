import Foundation

/// Which table column feeds which SDMX component, and optional code translations.
public struct SDMXColumn: Sendable, Equatable {
    /// The SDMX component ID written in the header (`REF_AREA`, `INDICATOR`, `LOWER_BOUND`, …).
    public var component: String
    /// The table column it is read from.
    public var column: String
    /// Optional code list translation (table value → SDMX code); values not listed pass through.
    public var codes: [String: String]
    /// Written when the cell is missing; `nil` makes a missing dimension value an error. SDMX's
    /// cross-domain convention is `_Z` ("not applicable"), e.g. the confidence level of an observed value.
    public var missingCode: String?

    public init(_ component: String, from column: String, codes: [String: String] = [:], missingCode: String? = nil) {
        self.component = component
        self.column = column
        self.codes = codes
        self.missingCode = missingCode
    }
}

/// How a tidy table maps onto an SDMX dataflow.
public struct SDMXMapping: Sendable, Equatable {
    /// Maintenance agency of the dataflow (e.g. `VN_KONTUM_DOH`).
    public var agency: String
    /// Dataflow ID (e.g. `DF_HEALTH_TARGETS`).
    public var dataflow: String
    /// Dataflow version (e.g. `1.0`).
    public var version: String
    /// The ACTION column value: `I` (information), `A`, `R` or `D`.
    public var action: String
    /// Dimension columns in DSD order, excluding `TIME_PERIOD`.
    public var dimensions: [SDMXColumn]
    /// The table column holding the period (written as `TIME_PERIOD`, the last dimension).
    public var timePeriodColumn: String
    /// The table column holding the observation value (written as `OBS_VALUE`, the measure).
    public var valueColumn: String
    /// Attribute columns (after the measure), e.g. `LOWER_BOUND` and `UPPER_BOUND`.
    public var attributes: [SDMXColumn]

    public init(agency: String, dataflow: String, version: String, action: String = "I",
                dimensions: [SDMXColumn], timePeriodColumn: String = "year", valueColumn: String = "value",
                attributes: [SDMXColumn] = []) {
        self.agency = agency
        self.dataflow = dataflow
        self.version = version
        self.action = action
        self.dimensions = dimensions
        self.timePeriodColumn = timePeriodColumn
        self.valueColumn = valueColumn
        self.attributes = attributes
    }

    /// The mapping for chitieu's tidy projection rows (`area, indicator, year, kind, value, level, lower,
    /// upper, …`): dimensions `REF_AREA, INDICATOR, OBS_KIND, CONF_LEVEL`, then `TIME_PERIOD`, measure
    /// `OBS_VALUE`, attributes `LOWER_BOUND, UPPER_BOUND`. `OBS_KIND` and `CONF_LEVEL` are dimensions
    /// because an observed, a projected and a target value (and the 80 % and 95 % bounds) exist for the
    /// same area, indicator and year, and SDMX requires the dimensions to identify each observation.
    /// Rows without a level (observed values, targets) get `CONF_LEVEL` = `_Z` (not applicable).
    public static func chitieuProjection(agency: String, dataflow: String, version: String) -> SDMXMapping {
        SDMXMapping(agency: agency, dataflow: dataflow, version: version,
                    dimensions: [SDMXColumn("REF_AREA", from: "area"), SDMXColumn("INDICATOR", from: "indicator"),
                                 SDMXColumn("OBS_KIND", from: "kind"),
                                 SDMXColumn("CONF_LEVEL", from: "level", missingCode: "_Z")],
                    attributes: [SDMXColumn("LOWER_BOUND", from: "lower"), SDMXColumn("UPPER_BOUND", from: "upper")])
    }

    /// The mapping for chitieu's milestone rows (the scorecard of `attain`, plan and batch: `indicator,
    /// region, year, …, projection, pi95_lower, pi95_upper, p_attain, …`): dimensions `REF_AREA` (from
    /// `region`) and `INDICATOR`, then `TIME_PERIOD` (the milestone year); measure `OBS_VALUE` = the projected
    /// median (empty when the milestone has no projection); attributes `LOWER_BOUND`/`UPPER_BOUND` = the
    /// 95 % prediction interval, `TARGET` and `TARGET_COMPARATOR` (`<`, `<=`, `>`, `>=`, `=`), `P_ATTAIN`.
    /// One milestone is one observation: (region, indicator, year) identifies it.
    public static func chitieuMilestones(agency: String, dataflow: String, version: String) -> SDMXMapping {
        SDMXMapping(agency: agency, dataflow: dataflow, version: version,
                    dimensions: [SDMXColumn("REF_AREA", from: "region"), SDMXColumn("INDICATOR", from: "indicator")],
                    valueColumn: "projection",
                    attributes: [SDMXColumn("LOWER_BOUND", from: "pi95_lower"), SDMXColumn("UPPER_BOUND", from: "pi95_upper"),
                                 SDMXColumn("TARGET", from: "target"), SDMXColumn("TARGET_COMPARATOR", from: "comparator"),
                                 SDMXColumn("P_ATTAIN", from: "p_attain")])
    }

    /// `AGENCY:ID(VERSION)`, the STRUCTURE_ID of a dataflow.
    public var structureID: String { "\(agency):\(dataflow)(\(version))" }
}

/// SDMX-CSV 2.0 data message (SDMX 3.0), the flavour for data exchange (IDs, not names).
///
/// Columns, per the SDMX-CSV 2.0 field guide (sdmx-twg/sdmx-csv, `docs/data_message_field_guide.md`,
/// "Columns", "Column headers" and "Column content"):
/// 1. `STRUCTURE`: the structure type, here always `dataflow`;
/// 2. `STRUCTURE_ID`: the artefact as `AGENCY:ARTEFACT_ID(VERSION)`;
/// 3. `ACTION`: one character, `I` (information), `A` (append), `R` (replace) or `D` (delete);
/// 4. the dimensions in DSD order (here the mapping's dimensions, then `TIME_PERIOD`), then the measures
///    (`OBS_VALUE`), then the attributes (`LOWER_BOUND`, `UPPER_BOUND`), "grouped by type of component".
///
/// Comma separator, RFC 4180 quoting, point decimal, LF line ends, UTF-8. A missing or non-finite value
/// is an empty field (the guide allows empty measure and attribute values).
public struct SDMXCSVWriter: TableWriter {
    public var mapping: SDMXMapping

    public init(mapping: SDMXMapping) { self.mapping = mapping }

    /// The header row fields in order.
    public var header: [String] {
        ["STRUCTURE", "STRUCTURE_ID", "ACTION"] + mapping.dimensions.map(\.component)
            + ["TIME_PERIOD", "OBS_VALUE"] + mapping.attributes.map(\.component)
    }

    public func render(_ table: Table) throws -> Data {
        guard ["I", "A", "R", "D"].contains(mapping.action) else {
            throw ExportError(.badOption, message: "SDMX ACTION \"\(mapping.action)\" is not one of I, A, R, D; "
                              + "use I (information) for projections.")
        }
        for (name, value) in [("agency", mapping.agency), ("dataflow", mapping.dataflow), ("version", mapping.version)]
        where value.isEmpty {
            throw ExportError(.badMapping, message: "The SDMX mapping has an empty \(name); "
                              + "set it so STRUCTURE_ID reads AGENCY:DATAFLOW(VERSION).")
        }
        let components = header
        if let duplicate = Dictionary(grouping: components, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw ExportError(.badMapping, message: "The SDMX mapping uses the component \(duplicate) twice; "
                              + "each component must appear once.")
        }
        let purpose = "SDMX-CSV"
        let dimensionIndices = try mapping.dimensions.map { try table.requireColumn($0.column, for: purpose) }
        let timeIndex = try table.requireColumn(mapping.timePeriodColumn, for: purpose)
        let valueIndex = try table.requireColumn(mapping.valueColumn, for: purpose)
        let attributeIndices = try mapping.attributes.map { try table.requireColumn($0.column, for: purpose) }

        var out = CSVQuoting.line(components, separator: ",", lineEnd: "\n")
        let prefix = ["dataflow", mapping.structureID, mapping.action]
        for (rowNumber, row) in table.rows.enumerated() {
            var fields = prefix
            for (spec, index) in zip(mapping.dimensions, dimensionIndices) {
                let raw = row[index].plainText ?? spec.missingCode ?? ""
                if raw.isEmpty {
                    throw ExportError(.badTable, message: "Row \(rowNumber + 1) has no value in column \"\(spec.column)\" "
                                      + "for the SDMX dimension \(spec.component); every dimension needs a value.")
                }
                fields.append(spec.codes[raw] ?? raw)
            }
            guard let period = row[timeIndex].plainText, !period.isEmpty else {
                throw ExportError(.badTable, message: "Row \(rowNumber + 1) has no value in column "
                                  + "\"\(mapping.timePeriodColumn)\" for TIME_PERIOD.")
            }
            fields.append(period)
            fields.append(row[valueIndex].plainText ?? "")
            for (spec, index) in zip(mapping.attributes, attributeIndices) {
                let raw = row[index].plainText ?? ""
                fields.append(spec.codes[raw] ?? raw)
            }
            out += CSVQuoting.line(fields, separator: ",", lineEnd: "\n")
        }
        return Data(out.utf8)
    }
}
