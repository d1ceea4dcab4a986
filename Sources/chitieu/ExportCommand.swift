import ArgumentParser
import Export
import Foundation
import IndicatorData

/// `chitieu export`: converts a tidy CSV written by any chitieu command into the format its reader needs.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export results as tidy CSV, Excel CSV, JSON, SDMX-CSV or DHIS2.",
        discussion: """
            Reads a CSV written by a chitieu command (e.g. `chitieu project --indicator u5mr --format csv \
            --out u5mr.csv`) and writes it again as:
              tidy   RFC 4180 CSV, comma, point decimal, LF (byte-identical for a chitieu tidy file);
              excel  UTF-8 with BOM, CRLF; --locale vi: ';' and decimal comma, --locale en: ',' and point;
              json   schema chitieu/1 with a metadata block (version, date, command, input file SHA-256);
              sdmx   SDMX-CSV 2.0 (STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,OBS_KIND,CONF_LEVEL,\
            TIME_PERIOD,OBS_VALUE,LOWER_BOUND,UPPER_BOUND); needs the projection columns area, indicator, \
            year, kind, value, level, lower, upper;
              dhis2  DHIS2 dataValueSets CSV of the projected values; needs --dhis2-mapping.
            Numbers are written with exactly the digits they were read with.

            DHIS2 mapping file: the same file the readers import DHIS2 data with (docs/inputs.md): header \
            indicator,region,dataelement,orgunit, each data element and org unit named once, e.g. \
            `u5mr,VN-28,fTLH5Ve2Gyw,Vy4BU1xz6CX`. A row may leave indicator and dataelement \
            empty (maps a region only) or region and orgunit empty (maps an indicator only). An optional \
            column categoryoptioncombo gives the combo of the indicator's projected value (empty: DHIS2's \
            default combo).

            Output goes to stdout, or to --out atomically (temporary file, then rename); an existing file is \
            replaced only with --force, and a failed export leaves no file.
            """)

    @Option(help: "CSV written by a chitieu command (`-` reads stdin).")
    var input: String

    @Option(help: "Output format: tidy, excel, json, sdmx or dhis2.")
    var to: ExportTarget

    @Option(help: "For --to excel: vi writes ';' and decimal commas, en writes ',' and decimal points.")
    var locale: ExcelLocale = .en

    @Option(name: .customLong("dhis2-mapping"),
            help: "For --to dhis2: CSV indicator,region,dataelement,orgunit[,categoryoptioncombo].")
    var dhis2Mapping: String?

    @Option(name: .customLong("dhis2-kinds"),
            help: "For --to dhis2: comma-separated row kinds to export (projected; add observed to send the data back).")
    var dhis2Kinds = "projected"

    @Option(name: .customLong("sdmx-agency"), help: "For --to sdmx: maintenance agency of the dataflow.")
    var sdmxAgency = "CHITIEU"

    @Option(name: .customLong("sdmx-dataflow"), help: "For --to sdmx: dataflow ID.")
    var sdmxDataflow = "PROJECTION"

    @Option(name: .customLong("sdmx-version"), help: "For --to sdmx: dataflow version.")
    var sdmxVersion = "1.0"

    @Option(help: "Decimal mark of numbers in --input: point (chitieu's CSV) or comma (an Excel vi export).")
    var decimal: DecimalMark = .point

    @Option(help: "Field separator of --input: auto (from the header), comma or semicolon.")
    var delimiter: CSVDelimiter = .auto

    @OptionGroup var file: OutputFileOptions
    @OptionGroup var quietOption: QuietOption
    var out: String? { file.out }
    var force: Bool { file.force }
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        if to == .dhis2, dhis2Mapping == nil {
            throw ValidationError("Use --dhis2-mapping FILE with --to dhis2 (a CSV indicator,region,dataelement,orgunit).")
        }
        if to != .dhis2, dhis2Mapping != nil {
            throw ValidationError("Use --dhis2-mapping only with --to dhis2.")
        }
        if out == "-" { throw ValidationError("Leave out --out to write to stdout.") }
    }

    func run() throws {
        try runReportingErrors {
            let table = try ExportCSVReader(decimal: decimal, delimiter: delimiter).read(path: input)
            let data = try render(table)
            if let out {
                try AtomicFile.write(data, to: URL(fileURLWithPath: out), overwrite: force)
                if !quiet { printError("chitieu: wrote \(out) (\(to.rawValue), \(table.rows.count) rows)") }
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    func render(_ table: Table) throws -> Data {
        switch to {
        case .tidy:
            return try TidyCSVWriter().render(table)
        case .excel:
            return try ExcelCSVWriter(locale: locale).render(table)
        case .json:
            let files = input == "-" ? [] : [URL(fileURLWithPath: input)]
            let metadata = runMetadata(files: files, model: Self.singleModel(table), seed: nil,
                                       options: ["input_format": "csv"])
            return try JSONTableWriter(metadata: metadata).render(table)
        case .sdmx:
            try Self.requireColumns(ExportTarget.sdmxColumns, in: table, file: input, format: "SDMX-CSV",
                                    hint: "export a projection file (`chitieu project … --format csv`), or use --to tidy, json or excel")
            let mapping = SDMXMapping.chitieuProjection(agency: sdmxAgency, dataflow: sdmxDataflow, version: sdmxVersion)
            return try SDMXCSVWriter(mapping: mapping).render(table)
        case .dhis2:
            try Self.requireColumns(ExportTarget.dhis2Columns, in: table, file: input, format: "DHIS2",
                                    hint: "export a projection file (`chitieu project … --format csv`)")
            var mappingFile = try DHIS2MappingFile.read(path: dhis2Mapping ?? "")
            mappingFile.mapping.kinds = Set(dhis2Kinds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            try mappingFile.checkCovers(table)
            return try DHIS2CSVWriter(mapping: mappingFile.mapping).render(table)
        }
    }

    /// Exit 65 listing every missing column (not just the first), with what to do.
    static func requireColumns(_ required: [String], in table: Table, file: String, format: String,
                               hint: String) throws {
        let missing = required.filter { table.columnIndex($0) == nil }
        guard !missing.isEmpty else { return }
        throw CLIError(message: "\(file) lacks the column\(missing.count == 1 ? "" : "s") "
            + "\(missing.joined(separator: ", ")) that \(format) needs (it needs \(required.joined(separator: ", ")); "
            + "the file has \(table.columns.joined(separator: ", "))); \(hint)", code: ExitStatus.dataError)
    }

    /// The model named in a `model` column when every non-data row agrees, for the JSON metadata.
    static func singleModel(_ table: Table) -> String? {
        guard let cells = try? table.column("model") else { return nil }
        let models = Set(cells.compactMap(\.plainText).filter { $0 != "data" })
        return models.count == 1 ? models.first : nil
    }
}

/// `chitieu export --to` values.
enum ExportTarget: String, ExpressibleByArgument, CaseIterable, Sendable {
    case tidy, excel, json, sdmx, dhis2

    /// The tidy projection columns SDMX-CSV is built from (`SDMXMapping.chitieuProjection`).
    static let sdmxColumns = ["area", "indicator", "year", "kind", "value", "level", "lower", "upper"]
    /// The columns the DHIS2 writer reads.
    static let dhis2Columns = ["area", "indicator", "year", "kind", "value"]
}

