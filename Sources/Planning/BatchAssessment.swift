import Attainment
import Foundation
import IndicatorData
import Projection

// MARK: - Many regions at once

/// What a batch run reads: the data as columns, the targets as sorted groups (no per-row provenance: the
/// batch output does not cite rows).
public struct BatchInputs: Sendable {
    public var catalogue: IndicatorCatalogue
    public var columns: SeriesColumns
    public var targets: TargetColumns
    public var files: [URL]
    /// The data file(s) as named, for the provenance of series built from columns.
    public var dataName: String

    public init(catalogue: IndicatorCatalogue, columns: SeriesColumns, targets: TargetColumns, files: [URL],
                dataName: String) {
        self.catalogue = catalogue
        self.columns = columns
        self.targets = targets
        self.files = files
        self.dataName = dataName
    }

    /// Reads the targets as columns and, when they name more than one region, the data as columns; nil
    /// otherwise (plan mode, which needs the full provenance, reads the files itself).
    public static func loadIfBatch(_ files: PlanFiles) throws -> BatchInputs? {
        let (url, name) = try files.targets()
        let targets = try Target.readColumns(contentsOf: url, displayName: name, options: files.targetOptions)
        var regions = Set<String>()
        for key in targets.keys {
            regions.insert(key.region)
            if regions.count > 1 { break }
        }
        guard regions.count > 1 else { return nil }
        return BatchInputs(catalogue: files.catalogue, columns: try files.readColumns(), targets: targets,
                           files: try files.files(includingTargets: true), dataName: files.dataNames.joined(separator: ","))
    }

    /// The batch view of inputs loaded in full.
    public init(_ inputs: PlanInputs, dataName: String) {
        self.init(catalogue: inputs.catalogue, columns: SeriesColumns(inputs.collection),
                  targets: TargetColumns(inputs.targets), files: inputs.files, dataName: dataName)
    }
}

/// The batch assessment: every (indicator, region) series with targets, projected on the batch path
/// (`BatchProjection`: series with the same years fitted by one multi-right-hand-side LAPACK call) with the
/// plan's formulas: the same predictive (catalogue scale and bounds, the family's calibration converted to
/// another scale by the delta method), P(attain) with hold bands (`PredictiveDistribution.probability`),
/// and chitieu's verdict from P. The batch fits each series' own trend on all its points: a row equals the
/// plan's row for a series the plan also projects on its own trend with the same options.
public struct BatchAssessment: Sendable {
    /// The series that have targets (columns), in key order.
    public let columns: SeriesColumns
    /// Per selected series, its milestones.
    let flat: [BatchMilestone]
    let ranges: [Range<Int>]
    /// Target groups without data (skipped; the caller warns).
    public let missing: Int
    let catalogue: IndicatorCatalogue

    /// Joins the sorted series and the sorted target groups: series without targets are left out.
    public init(_ inputs: BatchInputs) {
        let columns = inputs.columns, targets = inputs.targets
        var flat: [BatchMilestone] = []
        flat.reserveCapacity(targets.years.count)
        for k in 0..<targets.years.count {
            flat.append(BatchMilestone(year: targets.years[k], target: targets.values[k],
                                       comparator: targets.comparators[k], tolerance: targets.tolerances[k]))
        }
        var selected: [Int] = [], ranges: [Range<Int>] = []
        selected.reserveCapacity(columns.count)
        ranges.reserveCapacity(columns.count)
        var t = 0
        for i in 0..<columns.count {
            let key = columns.keys[i]
            while t < targets.count, targets.keys[t] < key { t += 1 }
            guard t < targets.count, targets.keys[t] == key else { continue }
            selected.append(i)
            ranges.append(targets.range(t))
        }
        // Usually every series has targets: then the columns are used as they are (no copy).
        var chosen = columns
        if selected.count < columns.count {
            chosen = SeriesColumns()
            for i in selected {
                chosen.appendSeries(key: columns.keys[i], unit: columns.units[i], years: columns.years[columns.range(i)],
                                    values: columns.values[columns.range(i)])
            }
        }
        self.columns = chosen
        self.flat = flat
        self.ranges = ranges
        self.missing = targets.count - chosen.count
        self.catalogue = inputs.catalogue
    }

    /// The milestones of selected series `i`.
    public func milestones(_ i: Int) -> ArraySlice<BatchMilestone> {
        ranges.indices.contains(i) ? flat[ranges[i]] : []
    }

    /// Fits every series (the first stage; results come from `BatchFits.forEachResult`).
    /// - Returns: the fits, the skipped series with the reason, and the model text of every row
    ///   ("ols, calibrated intervals").
    public func fit(settings: ModelSettings) throws -> (fits: BatchFits, skipped: [(SeriesKey, String)], modelText: String) {
        let options = settings.trendOptions
        let calibration = try settings.calibration()
        let chosen = columns, catalogue = self.catalogue
        // Transform, native scale and calibration depend only on the indicator (and the options): cache the
        // last one, since series arrive sorted by indicator. Failures are not cached, so each failing series
        // reports itself.
        var cachedIndicator: String?
        var cached: (transform: Transform, details: BatchSeriesDetails, calibration: IntervalCalibration)?
        let modelFor = { (i: Int) throws -> (transform: Transform, details: BatchSeriesDetails, calibration: IntervalCalibration) in
            let key = chosen.keys[i]
            if let c = cached, cachedIndicator == key.indicator { return c }
            let entry = catalogue.entry(forSeries: key.indicator)
            let empty = Series(indicator: key.indicator, region: key.region, unit: chosen.units[i], observations: [])
            let transform = try TrendFitter.transform(for: entry, options: options, series: empty)
            let native = entry.flatMap { try? TrendFitter.transform(for: $0, options: TrendOptions(), series: empty) }
            let details = BatchSeriesDetails(native: native == transform ? nil : native, lowerBound: entry?.lowerBound,
                                             upperBound: entry?.upperBound)
            let c = (transform, details, calibration?.intervalCalibration(forIndicator: key.indicator) ?? .none)
            cachedIndicator = key.indicator
            cached = c
            return c
        }
        let (fits, skipped) = try BatchProjection.fit(
            columns: chosen, transformFor: { try modelFor($0).transform },
            calibrationFor: { (try? modelFor($0).calibration) ?? .none },
            detailsFor: { (try? modelFor($0).details) ?? .plain },
            weighting: options.weighting, minimumPoints: options.minimumPoints)
        let modelText = " " + options.weighting.description + (calibration == nil ? "" : ", calibrated intervals")
        return (fits, skipped, modelText)
    }

    /// Every result as a milestone of the one schema (for tables, JSON, workbooks; the CSV streams
    /// `BatchResult`s directly with the same numbers).
    public func assess(settings: ModelSettings) throws -> (milestones: [MilestoneAssessment], skipped: [(SeriesKey, String)]) {
        let (fits, skipped, modelText) = try fit(settings: settings)
        var out: [MilestoneAssessment] = []
        fits.forEachResult(in: 0..<fits.count, milestones: milestones) { r in
            out.append(MilestoneAssessment(batch: r, modelText: modelText))
        }
        return (out, skipped)
    }
}

extension MilestoneAssessment {
    /// The method label of every batch row.
    public static let batchMethod = "own-trend (batch)"

    /// A batch result as a milestone.
    public init(batch r: BatchResult, modelText: String) {
        let status: AttainmentStatus = r.target == nil ? .noTarget(note: "") : .assessed
        self.init(key: MilestoneKey(indicator: r.key.indicator, region: r.key.region, year: r.year), planRow: "",
                  targetText: r.target.map { "\($0)" } ?? "", target: r.target, comparator: r.comparator,
                  kind: TargetKind.inferred(from: r.comparator), status: status, distribution: .analytic(r.predictive),
                  probability: r.probability, metAtBaseline: nil, method: Self.batchMethod,
                  model: r.scale.rawValue + modelText, window: r.window.yearsText)
    }
}
