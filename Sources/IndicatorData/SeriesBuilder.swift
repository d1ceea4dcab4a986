// MARK: - SeriesBuilder

/// Accumulates observations from any reader (tidy CSV, DHIS2, GHO), then sorts years, settles duplicates
/// and returns a `SeriesCollection`. Shared so every format gets the same duplicate and bounds rules.
struct SeriesBuilder {
    struct Pending {
        var key: SeriesKey
        var unit: String
        var unitWarned = false
        var observations: [Observation] = []
        var lower: Double?
        var upper: Double?
        /// Catalogue code the bounds came from (for messages).
        var boundsCode: String?
    }

    private(set) var pending: [Pending] = []
    private var index: [SeriesKey: Int] = [:]
    var missing: [MissingCell] = []
    var warnings: [DataWarning] = []
    var rowCount = 0
    let options: ReadOptions

    init(options: ReadOptions) {
        self.options = options
    }

    /// Index of the pending series for a key, creating it (with catalogue bounds) if new.
    mutating func seriesIndex(indicator: String, region: String) -> Int {
        let key = SeriesKey(indicator: indicator, region: region)
        if let i = index[key] { return i }
        var p = Pending(key: key, unit: "")
        if let entry = options.catalogue?.entry(forSeries: indicator) {
            p.lower = entry.lowerBound
            p.upper = entry.upperBound
            p.boundsCode = entry.code
        }
        pending.append(p)
        index[key] = pending.count - 1
        return pending.count - 1
    }

    func key(_ i: Int) -> SeriesKey { pending[i].key }

    /// Checks catalogue bounds; returns (message, hint) when `value` is outside.
    func boundsViolation(_ i: Int, _ value: Double) -> (String, String)? {
        // Fields read one by one: copying `pending[i]` would retain its observation array on every row.
        let lower = pending[i].lower
        let upper = pending[i].upper
        if lower == nil, upper == nil { return nil }
        let code = pending[i].boundsCode ?? pending[i].key.indicator
        if let l = lower, value < l {
            let hint = l == 0 ? "Check the cell: a count, rate or percentage cannot be negative"
                : "Check the cell, or correct lower_bound in the catalogue if it is wrong"
            return ("value \(formatValue(value)) is below the lower bound \(formatValue(l)) of \"\(code)\" (catalogue)", hint)
        }
        if let u = upper, value > u {
            let hint = u == 100 ? "Check the cell: a percentage cannot exceed 100 (is it a count, or per 1,000?)"
                : "Check the cell, or correct upper_bound in the catalogue if it is wrong"
            return ("value \(formatValue(value)) is above the upper bound \(formatValue(u)) of \"\(code)\" (catalogue)", hint)
        }
        return nil
    }

    /// Records the unit of a row; warns once per series when it changes.
    mutating func noteUnit(_ i: Int, _ unit: String, file: String, line: Int) {
        guard !unit.isEmpty else { return }
        if pending[i].unit.isEmpty {
            pending[i].unit = unit
        } else if pending[i].unit != unit, !pending[i].unitWarned {
            pending[i].unitWarned = true
            warnings.append(DataWarning(file: file, line: line,
                message: "\(pending[i].key): unit \"\(unit)\" differs from \"\(pending[i].unit)\" on an earlier row; check that the rows measure the same thing"))
        }
    }

    mutating func append(_ i: Int, _ observation: Observation) {
        pending[i].observations.append(observation)
    }

    // MARK: Finish

    /// Sorts each series by year and settles duplicate years.
    /// - Parameter yearColumn: 1-based column reported for duplicate errors.
    /// - Throws: `DataError` for a duplicate key without a deciding source priority (names both rows).
    func finish(yearColumn: Int) throws -> SeriesCollection {
        var series: [Series] = []
        series.reserveCapacity(pending.count)
        var resolved: [DuplicateResolution] = []
        var warnings = self.warnings
        for p in pending where !p.observations.isEmpty {
            var obs = p.observations
            if !Self.isSorted(obs) {
                obs = obs.enumerated().sorted {
                    ($0.element.year, $0.offset) < ($1.element.year, $1.offset)
                }.map(\.element)
            }
            if Self.hasDuplicateYears(obs) {
                obs = try settleDuplicates(obs, key: p.key, yearColumn: yearColumn, resolved: &resolved,
                                           warnings: &warnings)
            }
            series.append(Series(indicator: p.key.indicator, region: p.key.region, unit: p.unit,
                                 observations: obs))
        }
        return SeriesCollection(series: series, missing: missing, warnings: warnings,
                                resolvedDuplicates: resolved, rowCount: rowCount)
    }

    private static func isSorted(_ obs: [Observation]) -> Bool {
        var previous = Int.min
        for o in obs {
            if o.year < previous { return false }
            previous = o.year
        }
        return true
    }

    private static func hasDuplicateYears(_ sorted: [Observation]) -> Bool {
        var previous = Int.min
        for o in sorted {
            if o.year == previous { return true }
            previous = o.year
        }
        return false
    }

    /// Rank of a source under `options.sourcePriority`: index of the first entry it contains, or Int.max.
    private func rank(_ source: String) -> Int {
        for (i, entry) in options.sourcePriority.enumerated() where source.contains(entry) { return i }
        return Int.max
    }

    private func settleDuplicates(_ obs: [Observation], key: SeriesKey, yearColumn: Int,
                                  resolved: inout [DuplicateResolution],
                                  warnings: inout [DataWarning]) throws -> [Observation] {
        var out: [Observation] = []
        var start = 0
        while start < obs.count {
            var end = start + 1
            while end < obs.count, obs[end].year == obs[start].year { end += 1 }
            let group = Array(obs[start..<end])
            start = end
            guard group.count > 1, let first = group.first else {
                out.append(contentsOf: group)
                continue
            }
            if options.sourcePriority.isEmpty {
                let second = group[1]
                throw DataError(file: second.provenance.file, line: second.provenance.line, column: yearColumn,
                                text: "\(first.year)",
                                message: "duplicate key (\(key.indicator), \(key.region), \(first.year)): "
                                    + "also at \(where_(first.provenance, relativeTo: second.provenance))",
                                hint: "Keep one row per indicator, region and year, or pass --source-priority "
                                    + "to choose between rows by their source column")
            }
            let ranks = group.map { rank($0.provenance.source) }
            let best = ranks.min() ?? Int.max
            let winners = group.indices.filter { ranks[$0] == best }.map { group[$0] }
            guard let kept = winners.first else { continue }
            if let conflict = winners.first(where: { $0.value != kept.value }) {
                throw DataError(file: conflict.provenance.file, line: conflict.provenance.line, column: yearColumn,
                                text: "\(first.year)",
                                message: "duplicate key (\(key.indicator), \(key.region), \(first.year)) with different "
                                    + "values \(formatValue(kept.value)) (\(where_(kept.provenance, relativeTo: conflict.provenance))) and "
                                    + "\(formatValue(conflict.value)) of equal source priority",
                                hint: "Add a --source-priority entry that matches one of their sources, or remove one row")
            }
            out.append(kept)
            for dropped in group where dropped.provenance != kept.provenance {
                resolved.append(DuplicateResolution(key: key, year: first.year, kept: kept.provenance,
                                                    dropped: dropped.provenance, keptValue: kept.value,
                                                    droppedValue: dropped.value))
            }
            if best == Int.max {
                warnings.append(DataWarning(file: kept.provenance.file, line: kept.provenance.line,
                    message: "duplicate key (\(key.indicator), \(key.region), \(first.year)) with equal values; no source-priority entry matched, kept the first row"))
            }
        }
        return out
    }

    /// "line 5" in the same file, "other.csv:5" otherwise.
    private func where_(_ p: Provenance, relativeTo q: Provenance) -> String {
        p.file == q.file ? "line \(p.line)" : "\(p.file):\(p.line)"
    }
}

/// Shortest round-trip text of a value for messages ("120", "10.5").
func formatValue(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}
