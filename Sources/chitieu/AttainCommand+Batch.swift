import Attainment
import Dispatch
import Export
import Foundation
import IndicatorData
import Planning
import Projection

extension AttainCommand {
    /// The batch output's columns: milestone columns (`MilestoneTable`, the same names and meaning as the
    /// plan's CSV) plus `n`, the points fitted.
    static let batchColumns = ["indicator", "region", "year", "target", "comparator", "kind", "projection",
                               "pi80_lower", "pi80_upper", "pi95_lower", "pi95_upper", "p_attain", "verdict", "n",
                               "window", "model", "method"]

    /// Batch mode: every (indicator, region) series with targets, grouped by year set, one multi-RHS fit per
    /// group (`BatchAssessment`: the plan's predictive, P with hold bands, verdict).
    func runBatch(_ inputs: BatchInputs) throws {
        let batch = BatchAssessment(inputs)
        if batch.missing > 0 { output.warn("\(batch.missing) target series have no data and are skipped") }
        let settings = try model.settings()
        if joint {
            let chosen = batch.columns
            let n = min(self.series ?? chosen.count, chosen.count)
            let series = (0..<n).compactMap { chosen.series($0, file: inputs.dataName) }
            try runJoint(series, inputs: inputs, milestones: batch.milestones, settings: settings)
            return
        }
        let (fits, skipped, modelText) = try batch.fit(settings: settings)
        var rows = 0
        let lang = output.lang
        if output.format == .csv {
            // Streaming tidy CSV: windows of series are formatted on every core and written in order (no
            // Table of millions of cells; the output never sits in memory whole).
            let send = { (write: ([UInt8]) throws -> Void) throws in
                try write(CSVByteWriter(columns: Self.batchColumns).bytes)
                var start = 0
                while start < fits.count {
                    let end = min(start + (1 << 15), fits.count)
                    for part in BatchCSVPart.format(fits, start..<end, batch: batch, modelText: modelText, lang: lang) {
                        rows += part.rows
                        try write(part.bytes)
                    }
                    start = end
                }
            }
            if let out = output.out {
                try AtomicFile.write(to: URL(fileURLWithPath: out), overwrite: output.force) { sink in
                    try send { try sink.write(bytes: $0) }
                }
                if !output.quiet { printError("chitieu: wrote \(out) (csv)") }
            } else {
                try send { FileHandle.standardOutput.write(Data($0)) }
            }
        } else {
            var cells: [[Cell]] = []
            fits.forEachResult(in: 0..<fits.count, milestones: batch.milestones) { r in
                cells.append(Self.batchCells(MilestoneAssessment(batch: r, modelText: modelText), points: r.points,
                                             lang: lang))
            }
            rows = cells.count
            let table = try Table(columns: Self.batchColumns, rows: cells)
            try output.emit(table, metadata: runMetadata(files: [.json, .xlsx].contains(output.format) ? inputs.files : [],
                                                         model: model.model, seed: nil), sdmx: .milestones)
        }
        for (key, reason) in skipped.prefix(20) { output.warn("\(key): skipped: \(reason)") }
        if skipped.count > 20 { output.warn("… and \(skipped.count - 20) more skipped series") }
        if !output.quiet {
            printError("chitieu: \(batch.columns.count - skipped.count) series projected on the batch path (\(rows) rows)")
        }
    }

    /// One output row as cells (table, JSON, Excel, SDMX): the milestone columns' cells and `n`.
    static func batchCells(_ m: MilestoneAssessment, points: Int, lang: Language) -> [Cell] {
        let view = MilestoneTable.Row(m, lang: lang)
        return batchColumns.map { $0 == "n" ? .integer(points) : view.cell($0) }
    }

    /// The same row written straight to tidy CSV bytes (identical to rendering `batchCells`; a test checks).
    /// The texts every row repeats (verdict, window, model, method) are encoded once per part (`texts`).
    static func appendBatchRow(_ r: BatchResult, texts: inout BatchRowTexts, to w: inout CSVByteWriter) {
        w.appendText(r.key.indicator)
        w.appendText(r.key.region)
        w.appendInteger(r.year)
        if let target = r.target { w.appendNumber(target) } else { w.appendMissing() }
        if let comparator = r.comparator { w.appendText(comparator.rawValue) } else { w.appendMissing() }
        w.appendText(TargetKind.inferred(from: r.comparator).rawValue)
        w.appendNumber(r.median)
        w.appendNumber(r.lower80)
        w.appendNumber(r.upper80)
        w.appendNumber(r.lower95)
        w.appendNumber(r.upper95)
        if let p = r.probability { w.appendNumber(p) } else { w.appendMissing() }
        w.appendEncoded(texts.verdict(ChitieuVerdict.classify(probability: r.probability)))
        w.appendInteger(r.points)
        w.appendEncoded(texts.window(r.window))
        w.appendEncoded(texts.model(r.scale))
        w.appendEncoded(texts.method)
        w.endRow()
    }

    /// Joint probability of the first two milestones of each series by seeded Monte Carlo.
    ///
    /// Each series has its own generator stream (seed + position × golden-ratio constant), so the series are
    /// simulated in parallel (one per core) with results identical to a sequential run.
    private func runJoint(_ series: [Series], inputs: BatchInputs, milestones: (Int) -> ArraySlice<BatchMilestone>,
                          settings: ModelSettings) throws {
        let options = settings.trendOptions
        let calibration = try settings.calibration()
        var jobs: [JointJob] = []
        for (position, s) in series.enumerated() {
            let indicator = inputs.catalogue.entry(forSeries: s.indicator)
            var seriesOptions = options
            if let calibration {
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
        let bar = ProgressBar("joint Monte Carlo: series", total: jobs.count, quiet: output.quiet)
        defer { bar.finish() }
        let outcomes = JointJob.runAll(jobs, draws: draws, progress: bar)
        bar.finish()
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
    static func format(_ fits: BatchFits, _ range: Range<Int>, batch: BatchAssessment, modelText: String,
                       lang: Language) -> [BatchCSVPart] {
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
            // About 200 bytes a row, two milestones a series: one allocation instead of repeated growth.
            writer.bytes.reserveCapacity((upper - lower) * 400)
            var texts = BatchRowTexts(modelText: modelText, lang: lang)
            var rows = 0
            fits.forEachResult(in: lower..<upper, milestones: batch.milestones) { r in
                AttainCommand.appendBatchRow(r, texts: &texts, to: &writer)
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

/// The encoded texts of the batch CSV's repeated columns, made once per part: the verdict words (in the
/// run's language), the last window seen (series of a big file mostly share one), the model text per scale
/// and the method label.
struct BatchRowTexts {
    let modelText: String
    let lang: Language
    let method = CSVByteWriter.encodedField(MilestoneAssessment.batchMethod)
    private var verdicts: [ChitieuVerdict: [UInt8]] = [:]
    private var models: [ModelScale: [UInt8]] = [:]
    private var lastWindow: (ClosedRange<Int>, [UInt8])?

    init(modelText: String, lang: Language) {
        self.modelText = modelText
        self.lang = lang
    }

    mutating func verdict(_ v: ChitieuVerdict) -> [UInt8] {
        if let b = verdicts[v] { return b }
        let b = CSVByteWriter.encodedField(ScorecardTable.verdictText(v, lang))
        verdicts[v] = b
        return b
    }

    mutating func window(_ w: ClosedRange<Int>) -> [UInt8] {
        if let (range, b) = lastWindow, range == w { return b }
        let b = CSVByteWriter.encodedField(w.yearsText)
        lastWindow = (w, b)
        return b
    }

    mutating func model(_ scale: ModelScale) -> [UInt8] {
        if let b = models[scale] { return b }
        let b = CSVByteWriter.encodedField(scale.rawValue + modelText)
        models[scale] = b
        return b
    }
}

/// One series' joint Monte Carlo, ready to run on any thread.
struct JointJob: Sendable {
    var key: SeriesKey
    var fit: TrendFit
    var first: JointMilestone
    var second: JointMilestone
    var seed: UInt64

    /// Runs every job, in parallel over the cores; outcome i belongs to job i. `progress` advances once a job.
    static func runAll(_ jobs: [JointJob], draws: Int,
                       progress: ProgressBar? = nil) -> [Result<JointAttainmentResult, Error>] {
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
            progress?.advance()
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
