import Foundation

// MARK: - What kind of file is this?

/// The CSV layouts chitieu reads, told apart by their header.
public enum DataFileKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Tidy series `indicator_code,region,year,value,…` (including the plan baseline).
    case series
    /// Targets: tidy columns plus `comparator`.
    case targets
    /// The indicator catalogue: `code,…,direction,…,scale`.
    case catalogue
    /// DHIS2 `dataValueSets` CSV: `dataelement,period,orgunit,…,value` (needs a `SourceMapping`).
    case dhis2
    /// WHO GHO export: `IndicatorCode,SpatialDim,TimeDim,NumericValue` or `GHO (CODE),…` (needs a mapping).
    case gho

    /// Classifies a file by its header: `code`+`direction` → catalogue; `comparator` → targets;
    /// `dataelement`+`period`+`orgunit` → dhis2; `indicatorcode` or `gho (code)` → gho;
    /// anything else → series (whose reader then names any missing column).
    /// - Throws: `DataError` if the file cannot be read, is not UTF-8, or is empty.
    public static func detect(contentsOf url: URL, displayName: String? = nil,
                              delimiter: CSVDelimiter = .auto) throws -> DataFileKind {
        let name = displayName ?? url.path
        // Only the header line matters: read the first 64 KiB and cut after the first line end outside
        // quotes (a large series file is not read twice). Without such a line end, read the whole file.
        var (data, complete) = try CSVInput.loadPrefix(url, displayName: name, maxBytes: 1 << 16)
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
            return fields.map { tk.string($0).trimmingWhitespace().lowercased() }
        }
        let set = Set(names)
        if set.contains("code"), set.contains("direction") { return .catalogue }
        if set.contains("comparator") { return .targets }
        if set.contains("dataelement"), set.contains("period"), set.contains("orgunit") { return .dhis2 }
        if set.contains("indicatorcode") || set.contains("gho (code)") { return .gho }
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
