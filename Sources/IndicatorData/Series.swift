/// Where a value came from: the file it was read from, its line, and the row's own source text.
public struct Provenance: Sendable, Hashable, Codable {
    /// Path of the file the value was read from (as given by the user or the bundled dataset).
    public var file: String
    /// 1-based line number in that file (0 when not from a file).
    public var line: Int
    /// The row's `source` column: publisher, repository@commit:path or URL.
    public var source: String
    /// Optional flag printed next to the value at the source, e.g. `"estimate"` for the plan's "ước".
    public var flag: String?
    /// The row's other non-empty columns beyond the tidy schema (e.g. `text_vi`, `plan_row`), by header name.
    public var extra: [String: String]

    public init(file: String, line: Int, source: String, flag: String? = nil, extra: [String: String] = [:]) {
        self.file = file
        self.line = line
        self.source = source
        self.flag = flag
        self.extra = extra
    }
}

/// One observation of an annual series.
public struct Observation: Sendable, Hashable, Codable {
    public var year: Int
    public var value: Double
    public var provenance: Provenance

    public init(year: Int, value: Double, provenance: Provenance) {
        self.year = year
        self.value = value
        self.provenance = provenance
    }
}

/// An annual indicator series for one region, years ascending, one value per year.
///
/// `region` uses ISO 3166-2 style codes: `VN` (Viet Nam), `VN-28` (Kon Tum), `VN-28-<DISTRICT>`.
public struct Series: Sendable, Hashable, Codable {
    /// Indicator code, e.g. `u5mr`, `stunting_u5_pct` (see `Datasets/indicators.csv`).
    public var indicator: String
    /// Region code, e.g. `VN-28`.
    public var region: String
    /// Unit as stated by the source (free text).
    public var unit: String
    /// Observations sorted by year, unique years.
    public private(set) var observations: [Observation]

    /// Creates a series; observations are sorted by year.
    /// Uniqueness of years is the reader's job (it reports duplicates with file and line).
    public init(indicator: String, region: String, unit: String, observations: [Observation]) {
        self.indicator = indicator
        self.region = region
        self.unit = unit
        self.observations = observations.sorted { $0.year < $1.year }
    }

    public var years: [Int] { observations.map(\.year) }
    public var values: [Double] { observations.map(\.value) }
    public var count: Int { observations.count }
    public var firstYear: Int? { observations.first?.year }
    public var lastYear: Int? { observations.last?.year }

    /// The observation for `year`, if any.
    public func value(in year: Int) -> Double? {
        observations.first { $0.year == year }?.value
    }

    /// The sub-series with years in `range` (a fit window).
    public func window(_ range: ClosedRange<Int>) -> Series {
        Series(indicator: indicator, region: region, unit: unit,
               observations: observations.filter { range.contains($0.year) })
    }

    /// Key used to group and look up series.
    public var key: SeriesKey { SeriesKey(indicator: indicator, region: region) }
}

/// (indicator, region): the identity of a series.
public struct SeriesKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var indicator: String
    public var region: String
    public init(indicator: String, region: String) {
        self.indicator = indicator
        self.region = region
    }
    public static func < (a: SeriesKey, b: SeriesKey) -> Bool {
        (a.indicator, a.region) < (b.indicator, b.region)
    }
    public var description: String { "\(indicator) @ \(region)" }
}
