import Attainment
import Dispatch
import Export
import Foundation
import IndicatorData
import Projection

/// What a batch run reads: the data as columns, the targets as sorted groups (no per-row provenance:
/// the batch output does not cite rows).
struct AttainBatchInputs {
    var catalogue: IndicatorCatalogue
    var columns: SeriesColumns
    var targets: TargetColumns
    var files: [URL]
    /// The data file(s) as named on the command line, for the provenance of series built from columns.
    var dataName: String

    /// Reads the targets as columns and, when they name more than one region, the data as columns; nil
    /// otherwise (plan mode, which needs the full provenance, reads the files itself).
    static func loadIfBatch(_ input: InputFiles) throws -> AttainBatchInputs? {
        let (targetsURL, targetsName) = try input.targets()
        let targets = try Target.readColumns(contentsOf: targetsURL, displayName: targetsName, options: input.targetOptions)
        var regions = Set<String>()
        for key in targets.keys {
            regions.insert(key.region)
            if regions.count > 1 { break }
        }
        guard regions.count > 1 else { return nil }
        let columns = try input.readColumns()
        return AttainBatchInputs(catalogue: input.catalogue, columns: columns, targets: targets,
                                 files: try input.files(includingTargets: true),
                                 dataName: input.dataNames.joined(separator: ","))
    }
}

extension AttainBatchInputs {
    /// The batch view of inputs loaded in full.
    init(_ inputs: AttainInputs, dataName: String) {
        self.init(catalogue: inputs.catalogue, columns: SeriesColumns(inputs.collection),
                  targets: TargetColumns(inputs.targets), files: inputs.files, dataName: dataName)
    }
}

extension AttainCommand {
    static let batchColumns = ["indicator", "region", "year", "target", "comparator", "median", "lower80", "upper80",
                               "lower95", "upper95", "p_attain", "n", "window", "model", "method"]

    /// Batch mode: every (indicator, region) series with targets, grouped by year set, one multi-RHS fit per group.
    func runBatch(_ inputs: AttainBatchInputs) throws {
        // Join the sorted series and the sorted target groups: series without targets are left out, target
        // groups without data are counted for the warning.
        let columns = inputs.columns
        let targets = inputs.targets
        var flat: [BatchMilestone] = []
        flat.reserveCapacity(targets.years.count)
        for k in 0..<targets.years.count {
            flat.append(BatchMilestone(year: targets.years[k], target: targets.values[k], comparator: targets.comparators[k]))
        }
        var selected: [Int] = []
        var ranges: [Range<Int>] = []
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
        let missing = targets.count - chosen.count
        if missing > 0 { output.warn("\(missing) target series have no data and are skipped") }
        let options = try model.trendOptions()
        if joint {
            let n = min(self.series ?? chosen.count, chosen.count)
            let series = (0..<n).compactMap { chosen.series($0, file: inputs.dataName) }
            try runJoint(series, inputs: inputs, milestones: { i in ranges.indices.contains(i) ? flat[ranges[i]] : [] },
                         options: options)
            return
        }
        let catalogue = inputs.catalogue
        let calibration = try model.calibration()
        // "log ols", "log wls-recency(λ=0.8), calibrated intervals": the fit and intervals behind every row.
        let modelText = " " + options.weighting.description + (calibration == nil ? "" : ", calibrated intervals")
        // The transform depends only on the indicator (and the options): cache the last one, since series
        // arrive sorted by indicator. Failures are not cached, so each failing series reports itself.
        var cachedIndicator: String?
        var cachedTransform: Transform?
        let transformFor = { (i: Int) throws -> Transform in
            let indicator = chosen.keys[i].indicator
            if let t = cachedTransform, cachedIndicator == indicator { return t }
            let key = chosen.keys[i]
            let t = try TrendFitter.transform(for: catalogue.entry(forSeries: indicator), options: options,
                                              series: Series(indicator: key.indicator, region: key.region,
                                                             unit: chosen.units[i], observations: []))
            cachedIndicator = indicator
            cachedTransform = t
            return t
        }
        // Also a pure function of the indicator (and it formats labels): cached the same way.
        var calibrationIndicator: String?
        var cachedCalibration = IntervalCalibration.none
        let calibrationFor = { (i: Int) -> IntervalCalibration in
            guard let calibration else { return .none }
            let indicator = chosen.keys[i].indicator
            if calibrationIndicator != indicator {
                cachedCalibration = calibration.intervalCalibration(forIndicator: indicator)
                calibrationIndicator = indicator
            }
            return cachedCalibration
        }
        let milestonesFor = { (i: Int) -> ArraySlice<BatchMilestone> in
            ranges.indices.contains(i) ? flat[ranges[i]] : []
        }
        var rows = 0
        let skipped: [(SeriesKey, String)]
        if output.format == .csv {
            // Streaming tidy CSV: windows of series are formatted on every core and written in order (no
            // Table of millions of cells; the output never sits in memory whole).
            let (fits, fitSkipped) = try BatchProjection.fit(columns: chosen, transformFor: transformFor,
                                                             calibrationFor: calibrationFor,
                                                             weighting: options.weighting,
                                                             minimumPoints: options.minimumPoints)
            skipped = fitSkipped
            let send = { (write: ([UInt8]) throws -> Void) throws in
                try write(CSVByteWriter(columns: Self.batchColumns).bytes)
                var start = 0
                while start < fits.count {
                    let end = min(start + (1 << 15), fits.count)
                    for part in BatchCSVPart.format(fits, start..<end, milestones: flat, ranges: ranges,
                                                    modelText: modelText) {
                        rows += part.rows
                        try write(part.bytes)
                    }
                    start = end
                }
            }
            if let out = output.out {
                try AtomicFile.write(to: URL(fileURLWithPath: out), overwrite: output.force) { sink in
                    try send { try sink.write(Data($0)) }
                }
                if !output.quiet { printError("chitieu: wrote \(out) (csv)") }
            } else {
                try send { FileHandle.standardOutput.write(Data($0)) }
            }
        } else {
            var cells: [[Cell]] = []
            skipped = try BatchProjection.forEachResult(
                columns: chosen, transformFor: transformFor, milestones: milestonesFor,
                calibrationFor: calibrationFor, weighting: options.weighting,
                minimumPoints: options.minimumPoints) { r in
                cells.append(Self.batchCells(r, modelText: modelText))
            }
            rows = cells.count
            let table = try Table(columns: Self.batchColumns, rows: cells)
            try output.emit(table, metadata: runMetadata(files: [.json, .xlsx].contains(output.format) ? inputs.files : [],
                                                         model: model.model, seed: nil))
        }
        for (key, reason) in skipped.prefix(20) { output.warn("\(key): skipped: \(reason)") }
        if skipped.count > 20 { output.warn("… and \(skipped.count - 20) more skipped series") }
        if !output.quiet {
            printError("chitieu: \(chosen.count - skipped.count) series projected on the batch path (\(rows) rows)")
        }
    }

    /// One output row as cells (for the table, JSON, Excel and SDMX formats).
    static func batchCells(_ r: BatchResult, modelText: String) -> [Cell] {
        [
            .text(r.key.indicator), .text(r.key.region), .integer(r.year),
            r.target.map { .number($0) } ?? .missing, r.comparator.map { .text($0.rawValue) } ?? .missing,
            .number(r.median), .number(r.lower80), .number(r.upper80), .number(r.lower95), .number(r.upper95),
            r.probability.map { .number($0) } ?? .missing, .integer(r.points),
            .text("\(r.window.lowerBound):\(r.window.upperBound)"), .text(r.scale.rawValue + modelText),
            .text("own-trend (batch)"),
        ]
    }

    /// The same row written straight to tidy CSV bytes (identical to rendering `batchCells`).
    static func appendBatchRow(_ r: BatchResult, modelText: String, to w: inout CSVByteWriter) {
        w.appendText(r.key.indicator)
        w.appendText(r.key.region)
        w.appendInteger(r.year)
        if let target = r.target { w.appendNumber(target) } else { w.appendMissing() }
        if let comparator = r.comparator { w.appendText(comparator.rawValue) } else { w.appendMissing() }
        w.appendNumber(r.median)
        w.appendNumber(r.lower80)
        w.appendNumber(r.upper80)
        w.appendNumber(r.lower95)
        w.appendNumber(r.upper95)
        if let p = r.probability { w.appendNumber(p) } else { w.appendMissing() }
        w.appendInteger(r.points)
        w.appendText("\(r.window.lowerBound):\(r.window.upperBound)")
        w.appendText(r.scale.rawValue + modelText)
        w.appendText("own-trend (batch)")
        w.endRow()
    }

    /// Joint probability of the first two milestones of each series by seeded Monte Carlo.
    ///
    /// Each series has its own generator stream (seed + position × golden-ratio constant), so the series are
    /// simulated in parallel (one per core) with results identical to a sequential run.
    private func runJoint(_ series: [Series], inputs: AttainBatchInputs, milestones: (Int) -> ArraySlice<BatchMilestone>,
                          options: TrendOptions) throws {
        var jobs: [JointJob] = []
        for (position, s) in series.enumerated() {
            let indicator = inputs.catalogue.entry(forSeries: s.indicator)
            var seriesOptions = options
            if let calibration = try model.calibration() {
                seriesOptions.calibration = calibration.intervalCalibration(forIndicator: s.indicator)
            }
            let fit = try TrendFitter.fit(s, indicator: indicator, options: seriesOptions)
            let ms = milestones(position)
            guard ms.count >= 2, let a = ms.first, let b = ms.dropFirst().first,
                  let ta = a.target, let ca = a.comparator, let tb = b.target, let cb = b.comparator else {
                output.warn("\(s.key): needs two numeric milestones for a joint probability; skipped")
                continue
            }
            jobs.append(JointJob(key: s.key, fit: fit,
                                 first: JointMilestone(year: a.year, value: ta, comparator: ca, transform: fit.transform),
                                 second: JointMilestone(year: b.year, value: tb, comparator: cb, transform: fit.transform),
                                 seed: seed &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15))
        }
        let outcomes = JointJob.runAll(jobs, draws: draws)
        var cells: [[Cell]] = []
        for (job, outcome) in zip(jobs, outcomes) {
            let result = try outcome.get()
            cells.append([.text(job.key.indicator), .text(job.key.region), .number(result.pFirst),
                          .number(result.pSecond), .number(result.pJoint), .number(result.seFirst),
                          .number(result.seSecond), .number(result.seJoint), .integer(draws), .text(String(job.seed))])
        }
        let columns = ["indicator", "region", "p_2025", "p_2030", "p_joint", "se_2025", "se_2030", "se_joint",
                       "draws", "seed"]
        if !output.quiet { printError("chitieu: joint Monte Carlo for \(cells.count) series, \(draws) draws each, seed \(seed)") }
        try output.emit(try Table(columns: columns, rows: cells),
                        metadata: runMetadata(files: [.json, .xlsx].contains(output.format) ? inputs.files : [], model: model.model, seed: seed))
    }
}

/// A run of batch output rows formatted as tidy CSV bytes, for the parallel writer.
struct BatchCSVPart: Sendable {
    var bytes: [UInt8] = []
    var rows = 0

    /// Formats the results of the series in `range`, split into one part per core, and returns the parts
    /// in order (concatenated, they are exactly the sequential output).
    static func format(_ fits: BatchFits, _ range: Range<Int>, milestones: [BatchMilestone], ranges: [Range<Int>],
                       modelText: String) -> [BatchCSVPart] {
        let count = max(1, min(ProcessInfo.processInfo.activeProcessorCount, range.count / 1024))
        let parts = UnsafeMutableBufferPointer<BatchCSVPart>.allocate(capacity: count)
        parts.initialize(repeating: BatchCSVPart())
        defer {
            _ = parts.deinitialize()
            parts.deallocate()
        }
        let shared = Slots(buffer: parts)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let lower = range.lowerBound + range.count * k / count
            let upper = range.lowerBound + range.count * (k + 1) / count
            var writer = CSVByteWriter()
            var rows = 0
            fits.forEachResult(in: lower..<upper, milestones: { i in
                ranges.indices.contains(i) ? milestones[ranges[i]] : []
            }) { r in
                AttainCommand.appendBatchRow(r, modelText: modelText, to: &writer)
                rows += 1
            }
            shared.buffer[k] = BatchCSVPart(bytes: writer.bytes, rows: rows)
        }
        return Array(parts)
    }

    /// Part slots shared by the worker threads. `@unchecked Sendable` is sound: `concurrentPerform`
    /// returns only after every iteration, and iteration k writes only slot k.
    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<BatchCSVPart>
    }
}

/// One series' joint Monte Carlo, ready to run on any thread.
struct JointJob: Sendable {
    var key: SeriesKey
    var fit: TrendFit
    var first: JointMilestone
    var second: JointMilestone
    var seed: UInt64

    /// Runs every job, in parallel over the cores; outcome i belongs to job i.
    static func runAll(_ jobs: [JointJob], draws: Int) -> [Result<JointAttainmentResult, Error>] {
        let slots = UnsafeMutableBufferPointer<Result<JointAttainmentResult, Error>?>.allocate(capacity: jobs.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let shared = Slots(buffer: slots)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            shared.buffer[i] = Result {
                try JointAttainment.estimate(fit: job.fit, first: job.first, second: job.second, draws: draws,
                                             seed: job.seed)
            }
        }
        return slots.map { $0 ?? .failure(CLIError(message: "internal: a Monte Carlo job did not run",
                                                   code: ExitStatus.software)) }
    }

    /// Result slots shared by the worker threads. `@unchecked Sendable` is sound: `concurrentPerform`
    /// returns only after every iteration, and iteration i writes only slot i.
    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result<JointAttainmentResult, Error>?>
    }
}
