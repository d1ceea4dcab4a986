// MARK: - SeriesCollection

/// Series read from one or more files, grouped by (indicator, region), with what the reader noticed:
/// missing cells (empty values, never read as zero), warnings, and duplicates resolved by source priority.
public struct SeriesCollection: Sendable, Hashable {
    /// Series sorted by (indicator, region).
    public private(set) var series: [Series]
    /// Empty value cells, in file order.
    public var missing: [MissingCell]
    public var warnings: [DataWarning]
    /// Duplicate keys settled by the source-priority option (one entry per dropped row).
    public var resolvedDuplicates: [DuplicateResolution]
    /// Data rows read (including rows with a missing value).
    public var rowCount: Int
    /// Years of sub-annual imports below the completeness threshold (`PeriodAggregation`): not series
    /// values, kept for year-to-date comparisons (`YearToDate`).
    public var partialYears: [PartialYear] = []
    private var index: [SeriesKey: Int]

    public init(series: [Series], missing: [MissingCell] = [], warnings: [DataWarning] = [],
                resolvedDuplicates: [DuplicateResolution] = [], rowCount: Int? = nil) {
        let sorted = series.sorted { $0.key < $1.key }
        self.series = sorted
        self.missing = missing
        self.warnings = warnings
        self.resolvedDuplicates = resolvedDuplicates
        self.rowCount = rowCount ?? series.reduce(0) { $0 + $1.count }
        var index: [SeriesKey: Int] = [:]
        for (i, s) in sorted.enumerated() { index[s.key] = i }
        self.index = index
    }

    /// The series with this key.
    public subscript(key: SeriesKey) -> Series? {
        guard let i = index[key], series.indices.contains(i) else { return nil }
        return series[i]
    }

    /// The series for an indicator in a region.
    public subscript(indicator: String, region: String) -> Series? {
        self[SeriesKey(indicator: indicator, region: region)]
    }

    /// All series of an indicator (every region), sorted by region.
    public func series(indicator: String) -> [Series] {
        series.filter { $0.indicator == indicator }
    }

    public var keys: [SeriesKey] { series.map(\.key) }
    public var count: Int { series.count }
    public var isEmpty: Bool { series.isEmpty }
    /// Observations across all series.
    public var observationCount: Int { series.reduce(0) { $0 + $1.count } }
}

/// A duplicate (indicator, region, year) row dropped because another row's source ranked higher.
public struct DuplicateResolution: Sendable, Hashable, Codable, CustomStringConvertible {
    public var key: SeriesKey
    public var year: Int
    public var kept: Provenance
    public var dropped: Provenance
    public var keptValue: Double
    public var droppedValue: Double

    public init(key: SeriesKey, year: Int, kept: Provenance, dropped: Provenance, keptValue: Double,
                droppedValue: Double) {
        self.key = key
        self.year = year
        self.kept = kept
        self.dropped = dropped
        self.keptValue = keptValue
        self.droppedValue = droppedValue
    }

    public var description: String {
        "\(key) \(year): kept \(keptValue) (\(kept.file):\(kept.line)), dropped \(droppedValue) "
            + "(\(dropped.file):\(dropped.line))"
    }
}

// MARK: - Options

/// How to read series files.
public struct ReadOptions: Sendable, Hashable {
    /// Decimal mark and grouping separator of the value column (default: point, no grouping).
    public var numberFormat: NumberFormat
    public var delimiter: CSVDelimiter
    /// Substrings matched against the `source` column to settle duplicate keys: the row whose source
    /// contains the earliest entry wins; rows matching no entry rank last. Empty: duplicates are errors.
    public var sourcePriority: [String]
    /// When given, values outside an indicator's catalogue bounds are errors (negative counts,
    /// percentages above 100).
    public var catalogue: IndicatorCatalogue?

    public init(decimal: DecimalMark = .point, grouping: GroupingSeparator = .none,
                delimiter: CSVDelimiter = .auto, sourcePriority: [String] = [],
                catalogue: IndicatorCatalogue? = nil) {
        self.numberFormat = NumberFormat(decimalMark: decimal, grouping: grouping)
        self.delimiter = delimiter
        self.sourcePriority = sourcePriority
        self.catalogue = catalogue
    }
}
