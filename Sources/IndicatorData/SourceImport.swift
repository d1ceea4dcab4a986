// MARK: - Source records

/// One value of an external layout before mapping: the source system's codes, its period and value, and
/// where it was read (line and column of the value; line 0 for JSON, whose position is in `locator`).
struct SourceRecord {
    var element: String
    var orgUnit: String
    var combo: String = ""
    var period: Period
    var value: Double?
    var line: Int
    var column: Int
    var text: String
}

// MARK: - SourceImport

/// The part every external reader shares: codes mapped through the `SourceMapping` (each element and org
/// unit once), yearly values appended as observations, months/quarters/half-years aggregated to years by
/// `PeriodAggregation`, and what was skipped counted in warnings.
struct SourceImport {
    let file: String
    let layout: DataFileKind
    /// Prefix of each observation's source text (`DHIS2`, `WHO GHO`, `SDMX`, …).
    let sourceLabel: String
    let mapping: SourceMapping?
    /// The file's `aggregate=` option, for elements whose mapping row states no rule.
    let defaultAggregation: Aggregation?
    /// Rows the reader dropped before mapping (deleted values, other sexes, other observation kinds).
    var readerSkipped = 0
    var readerSkipReason = "deleted, or not both sexes"

    init(file: String, layout: DataFileKind, sourceLabel: String, mapping: SourceMapping?,
         defaultAggregation: Aggregation?) {
        self.file = file
        self.layout = layout
        self.sourceLabel = sourceLabel
        self.mapping = mapping
        self.defaultAggregation = defaultAggregation
    }

    /// A layout whose codes are another system's needs a mapping: the error for one that has none.
    static func mappingRequired(file: String, layout: DataFileKind) -> DataError {
        DataError(file: file, line: 1, message: "this is a \(layout.displayName), which needs a mapping to indicator codes",
                  hint: "Pass --mapping FILE (or FILE:mapping=MAP) with columns indicator,dataelement and region,orgunit "
                    + "(see docs/inputs.md)")
    }

    private struct BucketKey: Hashable, Comparable {
        var series: SeriesKey
        var year: Int
        var element: String
        var orgUnit: String
        static func < (a: BucketKey, b: BucketKey) -> Bool { (a.series, a.year) < (b.series, b.year) }
    }

    private struct DenominatorKey: Hashable {
        var element: String
        var orgUnit: String
        var period: Period
    }

    /// Maps and appends the records; returns the years below the completeness threshold.
    /// - Throws: `DataError` for a value outside catalogue bounds, sub-annual periods without a rule, a period
    ///   given twice, or a file with no mapped row.
    func build(_ records: [SourceRecord], into builder: inout SeriesBuilder) throws -> [PartialYear] {
        var unmapped = 0, combos = 0
        var firstUnmapped = ""
        var buckets: [BucketKey: [SourceRecord]] = [:]
        var denominators: [DenominatorKey: Double] = [:]
        var mapped = 0
        for r in records {
            if let m = mapping, m.isDenominator(r.element), let v = r.value {
                denominators[DenominatorKey(element: r.element, orgUnit: r.orgUnit, period: r.period)] = v
            }
            let key: SeriesKey
            if let m = mapping {
                guard let k = m.lookup(indicator: r.element, region: r.orgUnit, combo: r.combo) else {
                    if m.excludedByCombo(r.element, combo: r.combo) { combos += 1; continue }
                    if m.isDenominator(r.element) { continue }
                    if unmapped == 0 { firstUnmapped = "line \(r.line): \(r.element) / \(r.orgUnit)" }
                    unmapped += 1
                    continue
                }
                key = k
            } else {
                key = SeriesKey(indicator: r.element, region: r.orgUnit)
            }
            mapped += 1
            let series = builder.seriesIndex(indicator: key.indicator, region: key.region)
            if let v = r.value, let (message, hint) = builder.boundsViolation(series, v) {
                throw DataError(file: file, line: r.line, column: r.column, text: r.text, message: message, hint: hint)
            }
            if case .year(let year) = r.period {
                append(r, year: year, series: series, key: key, into: &builder)
            } else {
                buckets[BucketKey(series: key, year: r.period.year, element: r.element, orgUnit: r.orgUnit), default: []].append(r)
            }
        }
        builder.rowCount += mapped
        warn(unmapped: unmapped, first: firstUnmapped, combos: combos, into: &builder)
        guard mapped > 0 else {
            throw DataError(file: file, line: 1, message: "no row of this \(layout.displayName) matches the mapping",
                            hint: "Check the mapping's codes against the file (first unmapped: \(firstUnmapped.isEmpty ? "none" : firstUnmapped))")
        }
        var partial: [PartialYear] = []
        for bucket in buckets.keys.sorted() {
            if let p = try aggregate(bucket, buckets[bucket] ?? [], denominators, into: &builder) { partial.append(p) }
        }
        return partial
    }

    private func source(_ r: SourceRecord) -> String {
        "\(sourceLabel) \(r.element)/\(r.orgUnit)" + (r.combo.isEmpty ? "" : "/\(r.combo)")
    }

    private func append(_ r: SourceRecord, year: Int, series: Int, key: SeriesKey, into builder: inout SeriesBuilder) {
        guard let v = r.value else {
            builder.missing.append(MissingCell(file: file, line: r.line, indicator: key.indicator, region: key.region, year: year))
            return
        }
        builder.append(series, Observation(year: year, value: v, provenance: Provenance(file: file, line: r.line, source: source(r))))
    }

    private func warn(unmapped: Int, first: String, combos: Int, into builder: inout SeriesBuilder) {
        if unmapped > 0 {
            builder.warnings.append(DataWarning(file: file, line: 0,
                message: "\(unmapped) row(s) not in the mapping were skipped (first: \(first))"))
        }
        if combos > 0 {
            builder.warnings.append(DataWarning(file: file, line: 0,
                message: "\(combos) row(s) of other category option combos than the mapping's were skipped"))
        }
        if readerSkipped > 0 {
            builder.warnings.append(DataWarning(file: file, line: 0,
                message: "\(readerSkipped) row(s) skipped (\(readerSkipReason))"))
        }
    }

    /// One (series, year) of sub-annual records → an observation or a partial year.
    private func aggregate(_ bucket: BucketKey, _ records: [SourceRecord], _ denominators: [DenominatorKey: Double],
                           into builder: inout SeriesBuilder) throws -> PartialYear? {
        guard let first = records.first else { return nil }
        let entry = mapping?.element(first.element, combo: first.combo)
        guard let rule = entry?.aggregation ?? defaultAggregation else {
            throw DataError(file: file, line: first.line, column: 0, text: first.period.description,
                            message: "\(bucket.series) has \(first.period.kindName)ly periods (\(first.period)) and no rule to make years of them",
                            hint: "Add a column aggregation (sum for counts, mean for rates) to the mapping row of \(first.element), "
                                + "or declare the file as FILE:aggregate=sum (or mean)")
        }
        var parts: [PeriodAggregation.Part] = []
        for r in records {
            guard let v = r.value else { continue }
            var weight = 1.0
            if rule == .mean, let den = entry?.denominator {
                guard let w = denominators[DenominatorKey(element: den, orgUnit: r.orgUnit, period: r.period)] else { continue }
                weight = w
            }
            parts.append(PeriodAggregation.Part(period: r.period, value: v, weight: weight))
        }
        let outcome: PeriodAggregation.Outcome
        do {
            outcome = try PeriodAggregation.aggregate(parts, rule: rule)
        } catch let failure as PeriodAggregation.Failure {
            throw describe(failure, records)
        }
        let lines = records.map(\.line).filter { $0 > 0 }
        let span = "\(records.map(\.period).min { $0.index < $1.index } ?? first.period)–\(records.map(\.period).max { $0.index < $1.index } ?? first.period)"
        switch outcome {
        case .annual(let value, let flag):
            let weighting = rule == .mean ? (entry?.denominator.map { ", weighted by \($0)" } ?? ", equal weights") : ""
            let series = builder.seriesIndex(indicator: bucket.series.indicator, region: bucket.series.region)
            if let (message, hint) = builder.boundsViolation(series, value) {
                throw DataError(file: file, line: first.line, message: "the \(rule.rawValue) of \(span) " + message, hint: hint)
            }
            builder.append(series, Observation(year: bucket.year, value: value, provenance: Provenance(
                file: file, line: lines.min() ?? 0,
                source: source(first) + ": \(rule.rawValue) of \(parts.count) \(first.period.kindName)s \(span)\(weighting)",
                flag: flag)))
            return nil
        case .partial(let figure):
            builder.warnings.append(DataWarning(file: file, line: lines.min() ?? 0,
                message: "\(bucket.series) \(bucket.year): \(figure.present) of \(figure.of) \(first.period.kindName)s, below the "
                    + "completeness threshold of \(PeriodAggregation.required(perYear: figure.of)); not used as an annual value"
                    + (figure.contiguous ? " (a year-to-date figure through month \(figure.throughMonth))" : "")))
            return PartialYear(key: bucket.series, year: bucket.year, figure: figure, rule: rule, file: file, line: lines.min() ?? 0)
        }
    }

    private func describe(_ failure: PeriodAggregation.Failure, _ records: [SourceRecord]) -> DataError {
        switch failure {
        case .duplicate(let p):
            let lines = records.filter { $0.period == p }.map { String($0.line) }
            return DataError(file: file, line: records.first { $0.period == p }?.line ?? 0, text: p.description,
                             message: "period \(p) is given twice for \(records.first.map(source) ?? "") (lines \(lines.joined(separator: ", ")))",
                             hint: "Keep one value per data element, org unit, combo and period")
        case .mixed(let a, let b):
            return DataError(file: file, line: records.first?.line ?? 0, text: "\(a) \(b)",
                             message: "\(a.kindName)ly and \(b.kindName)ly periods (\(a), \(b)) are mixed in one year",
                             hint: "Export one period type per data element")
        case .zeroWeight:
            return DataError(file: file, line: records.first?.line ?? 0,
                             message: "the denominators of \(records.first.map(source) ?? "") sum to zero",
                             hint: "Check the denominator data element named in the mapping")
        }
    }
}
