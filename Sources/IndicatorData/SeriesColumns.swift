// MARK: - SeriesColumns

/// Many series in columnar form: the batch path's view of a data file (keys, and years and values in
/// flat arrays), without per-observation provenance.
///
/// Series `i` has keys[i] and observations `offsets[i]..<offsets[i + 1]` of `years`/`values`; keys are
/// sorted by (indicator, region) and years ascend within a series, exactly as in the `SeriesCollection`
/// the same files give. A million 15-year series take 16 bytes per observation here against ~90 in a
/// collection (which keeps each value's file, line and source for reports).
public struct SeriesColumns: Sendable, Hashable {
    /// (indicator, region) per series, sorted.
    public private(set) var keys: [SeriesKey]
    /// Unit per series (the first non-empty unit cell, "" if none).
    public private(set) var units: [String]
    /// Start of each series in `years`/`values`, plus the total at the end (count + 1 entries).
    public private(set) var offsets: [Int]
    /// Years, series after series.
    public private(set) var years: [Int]
    /// Values, series after series.
    public private(set) var values: [Double]
    /// Data rows read (including rows with a missing value).
    public var rowCount: Int

    /// An empty set of series.
    public init() {
        keys = []
        units = []
        offsets = [0]
        years = []
        values = []
        rowCount = 0
    }

    /// The columns of a collection (same series, same order).
    public init(_ collection: SeriesCollection) {
        self.init()
        for s in collection.series { appendSeries(s) }
        rowCount = collection.rowCount
    }

    /// Number of series.
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Observation range of series `i` in `years`/`values` (empty for an index out of range).
    public func range(_ i: Int) -> Range<Int> {
        guard i >= 0, i + 1 < offsets.count else { return 0..<0 }
        return offsets[i]..<offsets[i + 1]
    }

    /// Series `i` as a `Series` (provenance names `file` with line 0: columns do not keep lines).
    public func series(_ i: Int, file: String) -> Series? {
        guard keys.indices.contains(i) else { return nil }
        let r = range(i)
        let observations = r.map {
            Observation(year: years[$0], value: values[$0], provenance: Provenance(file: file, line: 0, source: ""))
        }
        return Series(indicator: keys[i].indicator, region: keys[i].region, unit: units[i], observations: observations)
    }

    // MARK: Building

    /// Appends a series given by parts (any order).
    public mutating func appendSeries(key: SeriesKey, unit: String, years: ArraySlice<Int>, values: ArraySlice<Double>) {
        startSeries(key, unit: unit)
        self.years.append(contentsOf: years)
        self.values.append(contentsOf: values)
        offsets[offsets.count - 1] = self.values.count
    }

    /// Appends a series (any order: the caller decides what the order means).
    public mutating func appendSeries(_ s: Series) {
        startSeries(s.key, unit: s.unit)
        for o in s.observations { append(year: o.year, value: o.value) }
    }

    mutating func startSeries(_ key: SeriesKey, unit: String) {
        keys.append(key)
        units.append(unit)
        offsets.append(values.count)
    }

    mutating func setUnit(_ unit: String) {
        guard !units.isEmpty else { return }
        units[units.count - 1] = unit
    }

    /// Appends an observation to the last series.
    @inline(__always) mutating func append(year: Int, value: Double) {
        years.append(year)
        values.append(value)
        offsets[offsets.count - 1] = values.count
    }

    mutating func reserve(rows: Int) {
        years.reserveCapacity(rows)
        values.reserveCapacity(rows)
    }

    /// Appends `other`'s series; the first of them continues this one's last series when the keys match.
    mutating func appendContinuing(_ other: SeriesColumns) {
        for i in 0..<other.count {
            let r = other.range(i)
            if i == 0, let last = keys.last, last == other.keys[0] {
                if units[units.count - 1].isEmpty { units[units.count - 1] = other.units[0] }
            } else {
                startSeries(other.keys[i], unit: other.units[i])
            }
            years.append(contentsOf: other.years[r])
            values.append(contentsOf: other.values[r])
            offsets[offsets.count - 1] = values.count
        }
        rowCount += other.rowCount
    }
}
