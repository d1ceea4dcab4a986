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
        let data = try CSVInput.load(url, displayName: name)
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
            return fields.map { tk.string($0).trimmingCharacters(in: .whitespaces).lowercased() }
        }
        let set = Set(names)
        if set.contains("code"), set.contains("direction") { return .catalogue }
        if set.contains("comparator") { return .targets }
        if set.contains("dataelement"), set.contains("period"), set.contains("orgunit") { return .dhis2 }
        if set.contains("indicatorcode") || set.contains("gho (code)") { return .gho }
        return .series
    }
}
