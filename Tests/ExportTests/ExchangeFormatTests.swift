import Foundation
import Testing
@testable import Export

@Suite("SDMX-CSV 2.0 and DHIS2 dataValueSets CSV")
struct ExchangeFormatTests {
    // MARK: - SDMX

    /// Header per the SDMX-CSV 2.0 field guide (sdmx-twg/sdmx-csv `docs/data_message_field_guide.md`):
    /// STRUCTURE, STRUCTURE_ID, ACTION first; then dimensions in DSD order; then measures; then attributes.
    @Test func sdmxHeaderAndRows() throws {
        let mapping = SDMXMapping.chitieuProjection(agency: "VN_KT", dataflow: "DF_TARGETS", version: "1.0")
        var withCodes = mapping
        withCodes.dimensions[0].codes = ["kontum": "VN-28"]
        let writer = SDMXCSVWriter(mapping: withCodes)
        #expect(writer.header == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "INDICATOR", "OBS_KIND",
                                  "CONF_LEVEL", "TIME_PERIOD", "OBS_VALUE", "LOWER_BOUND", "UPPER_BOUND"])
        let text = String(decoding: try writer.render(try sampleProjectionTable()), as: UTF8.self)
        #expect(text == """
            STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,OBS_KIND,CONF_LEVEL,TIME_PERIOD,OBS_VALUE,LOWER_BOUND,UPPER_BOUND
            dataflow,VN_KT:DF_TARGETS(1.0),I,VN-28,u5mr,observed,_Z,2022,31.2,,
            dataflow,VN_KT:DF_TARGETS(1.0),I,VN-28,u5mr,projected,80,2025,27.85,25.1,30.6
            dataflow,VN_KT:DF_TARGETS(1.0),I,VN-28,u5mr,projected,95,2025,27.85,23.7,32

            """)
    }

    @Test func sdmxMissingDimensionValueIsAnError() throws {
        var mapping = SDMXMapping.chitieuProjection(agency: "A", dataflow: "D", version: "1.0")
        mapping.dimensions[3].missingCode = nil
        let writer = SDMXCSVWriter(mapping: mapping)
        // The observed row has no level, CONF_LEVEL is a dimension, and no missing code is set.
        let error = expectExportError { _ = try writer.render(try sampleProjectionTable()) }
        #expect(error?.message == "Row 1 has no value in column \"level\" for the SDMX dimension CONF_LEVEL; "
                + "every dimension needs a value.")
    }

    @Test func sdmxBadMappingMessages() throws {
        var mapping = SDMXMapping.chitieuProjection(agency: "A", dataflow: "D", version: "1.0")
        mapping.action = "X"
        let action = expectExportError { _ = try SDMXCSVWriter(mapping: mapping).render(try sampleProjectionTable()) }
        #expect(action?.message == "SDMX ACTION \"X\" is not one of I, A, R, D; use I (information) for projections.")
        mapping.action = "I"
        mapping.attributes.append(SDMXColumn("LOWER_BOUND", from: "lower"))
        let duplicate = expectExportError { _ = try SDMXCSVWriter(mapping: mapping).render(try sampleProjectionTable()) }
        #expect(duplicate?.message == "The SDMX mapping uses the component LOWER_BOUND twice; each component must appear once.")
        let agency = expectExportError {
            _ = try SDMXCSVWriter(mapping: .chitieuProjection(agency: "", dataflow: "D", version: "1"))
                .render(try sampleProjectionTable())
        }
        #expect(agency?.message.hasPrefix("The SDMX mapping has an empty agency") == true)
        let column = expectExportError {
            _ = try SDMXCSVWriter(mapping: .chitieuProjection(agency: "A", dataflow: "D", version: "1"))
                .render(try Table(columns: ["area"]))
        }
        #expect(column?.message == "The table has no column \"indicator\" needed for SDMX-CSV; available columns: area.")
    }

    // MARK: - DHIS2

    static let mapping = DHIS2Mapping(
        dataElements: ["u5mr": "DeU5MR00001"], orgUnits: ["kontum": "OuKonTum001"],
        categoryOptionCombos: ["projected": "CocMean0001", "projected/lower/80": "CocLo800001",
                               "projected/upper/80": "CocUp800001"])

    @Test func dhis2HeaderRowsAndDeduplication() throws {
        let writer = DHIS2CSVWriter(mapping: Self.mapping, lastUpdated: Date(timeIntervalSince1970: 1_795_513_800))
        let text = String(decoding: try writer.render(try sampleProjectionTable()), as: UTF8.self)
        #expect(text == """
            dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted
            DeU5MR00001,2025,OuKonTum001,CocMean0001,,27.85,chitieu,2026-11-24T09:50:00Z,,false,false
            DeU5MR00001,2025,OuKonTum001,CocLo800001,,25.1,chitieu,2026-11-24T09:50:00Z,,false,false
            DeU5MR00001,2025,OuKonTum001,CocUp800001,,30.6,chitieu,2026-11-24T09:50:00Z,,false,false

            """)
    }

    @Test func dhis2UnmappedCodesSayWhatToAdd() throws {
        var mapping = Self.mapping
        mapping.orgUnits = [:]
        let orgUnit = expectExportError { _ = try DHIS2CSVWriter(mapping: mapping).render(try sampleProjectionTable()) }
        #expect(orgUnit?.message == "The DHIS2 mapping has no org unit for region \"kontum\" (row 2); "
                + "add it under org_units in the mapping file.")
        #expect(orgUnit?.exitCode == 65)
        mapping = Self.mapping
        mapping.dataElements = [:]
        let element = expectExportError { _ = try DHIS2CSVWriter(mapping: mapping).render(try sampleProjectionTable()) }
        #expect(element?.message.hasPrefix("The DHIS2 mapping has no data element for indicator \"u5mr\" (row 2)") == true)
        mapping = Self.mapping
        mapping.categoryOptionCombos = [:]
        let combo = expectExportError { _ = try DHIS2CSVWriter(mapping: mapping).render(try sampleProjectionTable()) }
        #expect(combo?.message == "The DHIS2 mapping has no category option combo for kind \"projected\" and no default; "
                + "add projected under category_option_combos or set a default.")
    }

    @Test func dhis2ConflictingValuesAreAnError() throws {
        var table = try sampleProjectionTable()
        try table.append([.text("kontum"), .text("u5mr"), .integer(2025), .text("projected"), .number(26.0),
                          .integer(80), .missing, .missing])
        let error = expectExportError { _ = try DHIS2CSVWriter(mapping: Self.mapping).render(table) }
        #expect(error?.message.hasPrefix("Row 4 gives 26 for data element DeU5MR00001, period 2025") == true)
    }
}
