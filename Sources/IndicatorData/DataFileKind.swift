import Foundation

// MARK: - What kind of file is this?

/// The layouts chitieu reads, told apart by their header (or, for JSON, by the first character).
public enum DataFileKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Tidy series `indicator_code,region,year,value,…` (including the plan baseline).
    case series
    /// Targets: tidy columns plus `comparator`.
    case targets
    /// The indicator catalogue: `code,…,direction,…,scale`.
    case catalogue
    /// DHIS2 `dataValueSets` CSV: `dataelement,period,orgunit,…,value` (needs a `SourceMapping`).
    case dhis2
    /// DHIS2 `dataValueSets` JSON: `{"dataValues": [{"dataElement", "period", "orgUnit", "value"}, …]}`.
    case dhis2JSON = "dhis2-json"
    /// DHIS2 analytics CSV: `dx,pe,ou,value` (IDs) or `Data,Period,Organisation unit,Value` (names).
    case dhis2Analytics = "dhis2-analytics"
    /// WHO GHO export: `IndicatorCode,SpatialDim,TimeDim,NumericValue` or `GHO (CODE),…` (needs a mapping).
    case gho
    /// SDMX-CSV 2.0 (`STRUCTURE,STRUCTURE_ID,ACTION,…,TIME_PERIOD,OBS_VALUE,…`; also 1.0's `DATAFLOW,…`).
    case sdmx
    /// A wide sheet: a region column, a year column and one column per indicator (headers may be Vietnamese).
    case wide

    /// The layout's name in messages.
    public var displayName: String {
        switch self {
        case .series: return "tidy series CSV"
        case .targets: return "targets CSV"
        case .catalogue: return "indicator catalogue"
        case .dhis2: return "DHIS2 dataValueSets CSV"
        case .dhis2JSON: return "DHIS2 dataValueSets JSON"
        case .dhis2Analytics: return "DHIS2 analytics CSV"
        case .gho: return "WHO GHO export"
        case .sdmx: return "SDMX-CSV"
        case .wide: return "wide sheet"
        }
    }

    /// Whether the layout holds series values (every kind but targets and the catalogue).
    public var holdsSeries: Bool { self != .targets && self != .catalogue }

    /// Headers of the layouts that hold series, for the message about a file that matches none.
    public static let seriesLayoutsHelp = "tidy (indicator_code,region,year,value), DHIS2 dataValueSets "
        + "(dataelement,period,orgunit,value), DHIS2 analytics (dx,pe,ou,value or Data,Period,Organisation unit,Value), "
        + "WHO GHO (IndicatorCode,SpatialDim,TimeDim,NumericValue), SDMX-CSV (STRUCTURE,STRUCTURE_ID,…,TIME_PERIOD,OBS_VALUE), "
        + "or a wide sheet (a region column such as Huyện or region, a year column such as Năm or year, one column per indicator)"

    /// Classifies a file by its header: `code`+`direction` → catalogue; `comparator` → targets;
    /// `dataelement`+`period`+`orgunit` → dhis2; `dx`+`pe`+`ou` or `data`+`period`+`organisation unit` →
    /// dhis2-analytics; `indicatorcode` or `gho (code)` → gho; first column `STRUCTURE` or `DATAFLOW` → sdmx;
    /// `indicator_code` → series; a region-like and a year-like column with neither `indicator_code` nor
    /// `value` → wide; a file starting with `{` → dhis2-json; anything else → series (whose reader then names
    /// the missing columns and the layouts chitieu reads).
    /// - Throws: `DataError` if the file cannot be read, is not UTF-8, or is empty.
    public static func detect(contentsOf url: URL, displayName: String? = nil,
                              delimiter: CSVDelimiter = .auto) throws -> DataFileKind {
        try sniff(contentsOf: url, displayName: displayName, delimiter: delimiter).kind
    }

    /// The layout and the header's names (trimmed, lowercased; empty for JSON).
    static func sniff(contentsOf url: URL, displayName: String? = nil,
                      delimiter: CSVDelimiter = .auto) throws -> (kind: DataFileKind, header: [String]) {
        let name = displayName ?? url.path
        // Only the header line matters: read the first 64 KiB and cut after the first line end outside
        // quotes (a large series file is not read twice). Without such a line end, read the whole file.
        var (data, complete) = try CSVInput.loadPrefix(url, displayName: name, maxBytes: 1 << 16)
        let firstByte = data.first { !(" \t\r\n".utf8.contains($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") { return (.dhis2JSON, []) }
        if !complete {
            if let end = headerEnd(data) {
                data = data.prefix(end)
            } else {
                data = try CSVInput.load(url, displayName: name)
            }
        }
        let names: [String] = try data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            try CSVInput.validateUTF8(b, file: name)
            let start = CSVInput.bomLength(b)
            let delim = CSVInput.detectDelimiter(b, start: start, declared: delimiter)
            var tk = CSVTokenizer(buffer: b, file: name, delimiter: delim, start: start)
            var fields: [CSVField] = []
            guard try tk.next(into: &fields) else {
                throw DataError(file: name, message: "the file is empty",
                                hint: "The first line must be a header naming \(SeriesReader.expected)")
            }
            try CSVHeader.checkColumnCount(fields.count, file: name)
            return fields.map { tk.string($0).trimmingWhitespace().lowercased() }
        }
        return (classify(names), names)
    }

    /// The layout of a lowercased header.
    static func classify(_ names: [String]) -> DataFileKind {
        let set = Set(names)
        if set.contains("code"), set.contains("direction") { return .catalogue }
        if set.contains("comparator") { return .targets }
        if set.contains("dataelement"), set.contains("period"), set.contains("orgunit") { return .dhis2 }
        if set.isSuperset(of: ["dx", "pe", "ou"])
            || set.contains("data") && set.contains("period") && (set.contains("organisation unit") || set.contains("organization unit")) {
            return .dhis2Analytics
        }
        if set.contains("indicatorcode") || set.contains("gho (code)") { return .gho }
        if let first = names.first, first.hasPrefix("structure") || first == "dataflow" { return .sdmx }
        if set.contains("indicator_code") || set.contains("value") { return .series }
        if WideSheet.regionColumn(names) != nil, WideSheet.yearColumn(names) != nil, names.count >= 3 { return .wide }
        return .series
    }

    /// Offset just past the first LF outside double quotes, or nil if there is none. A UTF-8 error or a
    /// quoting error later in the file is then reported by the reader that parses the file (same
    /// messages: the same `CSVInput`/`CSVTokenizer` checks), not here.
    private static func headerEnd(_ data: Data) -> Int? {
        var inQuotes = false
        var offset = 0
        for byte in data {
            offset += 1
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if byte == UInt8(ascii: "\n"), !inQuotes { return offset }
        }
        return nil
    }
}
