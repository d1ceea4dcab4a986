import Foundation

// MARK: - InputReader

/// The one reading path of every command: files of any layout chitieu reads (tidy CSV, DHIS2 dataValueSets
/// CSV and JSON, DHIS2 analytics CSV, WHO GHO, SDMX-CSV, a wide sheet), each with its own read options, into
/// one `SeriesCollection` with one set of rules (number grammar, years, catalogue bounds, duplicate keys
/// across all files settled by `sourcePriority` or reported, missing cells reported).
///
/// The layout is detected from the header (`DataFileKind.classify`) unless the file declares it
/// (`FILE:layout=…`); a file that matches no layout, or a layout that cannot be used (a missing column, a
/// DHIS2 file without a mapping), is an error that names the layout.
public enum InputReader {
    /// Reads `specs` into one collection.
    /// - Parameters:
    ///   - defaults: options for files that do not declare their own (never applied to bundled files).
    ///   - catalogue: bounds for values, and the codes a wide sheet's headers are checked against.
    ///   - sourcePriority: substrings of the source text that settle duplicate keys (see `ReadOptions`).
    ///   - mapping: the mapping for files that name none (`--mapping`); a file's `mapping=` wins.
    /// - Throws: `DataError` (`.noInput` for a missing file, `.badData` otherwise).
    public static func read(_ specs: [FileSpec], defaults: FileReadOptions = FileReadOptions(),
                            catalogue: IndicatorCatalogue? = nil, sourcePriority: [String] = [],
                            mapping: SourceMapping? = nil) throws -> SeriesCollection {
        var builder = SeriesBuilder(options: ReadOptions(sourcePriority: sourcePriority, catalogue: catalogue))
        var partial: [PartialYear] = []
        var mappings: [URL: SourceMapping] = [:]
        var allTidy = true
        for spec in specs {
            let options = spec.effectiveOptions(defaults: defaults)
            let kind = try layout(of: spec, options: options)
            if kind != .series { allTidy = false }
            var fileMapping = mapping
            if let url = options.mapping {
                if mappings[url] == nil {
                    mappings[url] = try SourceMapping.read(contentsOf: url, displayName: options.mappingName)
                }
                fileMapping = mappings[url]
            }
            do {
                partial += try readFile(spec, kind: kind, options: options, mapping: fileMapping, catalogue: catalogue,
                                        into: &builder)
            } catch var error as DataError where kind != .series && error.line <= 1 && error.kind == .badData
                && !error.message.contains(kind.displayName) {
                // Header-level problems name the layout the file was read as.
                error.message = "read as \(kind.displayName): " + error.message
                throw error
            }
        }
        var collection = try builder.finish(yearColumn: allTidy ? 3 : 0)
        collection.partialYears = partial
        return collection
    }

    /// Reads one file (see `read(_:defaults:catalogue:sourcePriority:mapping:)`).
    public static func read(spec: FileSpec, catalogue: IndicatorCatalogue? = nil,
                            sourcePriority: [String] = []) throws -> SeriesCollection {
        try read([spec], catalogue: catalogue, sourcePriority: sourcePriority)
    }

    /// The same files as columns, for the batch path: one tidy file goes through `SeriesReader.readColumns`
    /// (its fast path, same rules and errors); anything else is read by `read` and converted.
    public static func readColumns(_ specs: [FileSpec], defaults: FileReadOptions = FileReadOptions(),
                                   catalogue: IndicatorCatalogue? = nil, sourcePriority: [String] = [],
                                   mapping: SourceMapping? = nil) throws -> SeriesColumns {
        if specs.count == 1, let spec = specs.first {
            let options = spec.effectiveOptions(defaults: defaults)
            if try layout(of: spec, options: options) == .series {
                return try SeriesReader.readColumns(contentsOf: [spec.url], displayNames: [spec.displayName],
                    options: options.readOptions(catalogue: catalogue, sourcePriority: sourcePriority))
            }
        }
        return SeriesColumns(try read(specs, defaults: defaults, catalogue: catalogue, sourcePriority: sourcePriority,
                                      mapping: mapping))
    }

    /// Whether every file is tidy series CSV (the batch path then reads columns directly).
    public static func allTidy(_ specs: [FileSpec], defaults: FileReadOptions = FileReadOptions()) throws -> Bool {
        try specs.allSatisfy { try layout(of: $0, options: $0.effectiveOptions(defaults: defaults)) == .series }
    }

    /// The file's layout: declared, or detected from its header.
    /// - Throws: `DataError` for an unreadable file, or a header that matches no layout that holds series.
    public static func layout(of spec: FileSpec, options: FileReadOptions) throws -> DataFileKind {
        if let declared = options.layout { return declared }
        let (kind, header) = try DataFileKind.sniff(contentsOf: spec.url, displayName: spec.displayName,
                                                    delimiter: options.delimiter ?? .auto)
        // A tidy file must at least name indicator_code; anything else matched no layout. (One column is left
        // to the tidy reader, which recognises a wrong delimiter.)
        if kind == .series, header.count > 1, !header.contains("indicator_code") {
            throw DataError(file: spec.displayName, line: 1, column: 0, text: header.joined(separator: ","),
                            message: "the header (\(MessageEcho.header(header))) matches no layout chitieu reads",
                            hint: "chitieu reads " + DataFileKind.seriesLayoutsHelp
                                + "; declare one with FILE:layout=NAME if detection is wrong (docs/inputs.md)")
        }
        return kind
    }

    // MARK: One file

    private static func readFile(_ spec: FileSpec, kind: DataFileKind, options: FileReadOptions, mapping: SourceMapping?,
                                 catalogue: IndicatorCatalogue?, into builder: inout SeriesBuilder) throws -> [PartialYear] {
        let name = spec.displayName
        switch kind {
        case .targets, .catalogue:
            throw DataError(file: name, line: 1, message: "this is \(kind == .targets ? "a targets file" : "an indicator catalogue"), not a data file",
                            hint: kind == .targets ? "Pass it with --targets" : "Pass it with --catalogue")
        case .series:
            let data = try CSVInput.load(spec.url, displayName: name)
            try data.withUnsafeBytes { raw in
                try SeriesReader.readRows(raw.bindMemory(to: UInt8.self), file: name, into: &builder,
                                          format: options.numberFormat, delimiter: options.delimiter ?? .auto)
            }
            return []
        case .dhis2JSON:
            guard let mapping else { throw SourceImport.mappingRequired(file: name, layout: kind) }
            var importer = importer(name, kind, "DHIS2", mapping, options)
            let records = try DHIS2JSON.records(data: try CSVInput.load(spec.url, displayName: name), file: name,
                                                importer: &importer)
            return try importer.build(records, into: &builder)
        case .wide:
            let t = try table(spec, options, kind)
            var warnings: [DataWarning] = []
            let elementMapping = (mapping?.elements.isEmpty ?? true) ? nil : mapping
            let records = try WideSheet.records(t, format: options.numberFormat, mapping: elementMapping,
                                                catalogue: catalogue, warnings: &warnings)
            builder.warnings += warnings
            return try importer(name, kind, "sheet", mapping, options).build(records, into: &builder)
        case .dhis2, .dhis2Analytics, .gho, .sdmx:
            let t = try table(spec, options, kind)
            var importer = importer(name, kind, kind == .gho ? "WHO GHO" : kind == .sdmx ? "SDMX" : "DHIS2", mapping, options)
            let records = try ExternalImport.records(t, kind: kind, format: options.numberFormat, importer: &importer)
            if mapping == nil, kind != .sdmx { throw SourceImport.mappingRequired(file: name, layout: kind) }
            return try importer.build(records, into: &builder)
        }
    }

    private static func importer(_ name: String, _ kind: DataFileKind, _ label: String, _ mapping: SourceMapping?,
                                 _ options: FileReadOptions) -> SourceImport {
        SourceImport(file: name, layout: kind, sourceLabel: label, mapping: mapping, defaultAggregation: options.aggregation)
    }

    private static func table(_ spec: FileSpec, _ options: FileReadOptions, _ kind: DataFileKind) throws -> CSVTable {
        try CSVTable(url: spec.url, displayName: spec.displayName, delimiter: options.delimiter ?? .auto,
                     emptyHint: "The first line must be the header of a \(kind.displayName)")
    }
}
