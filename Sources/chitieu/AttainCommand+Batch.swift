import Attainment
import Export
import Foundation
import IndicatorData
import Projection

extension AttainCommand {
    static let batchColumns = ["indicator", "region", "year", "target", "comparator", "median", "lower80", "upper80",
                               "lower95", "upper95", "p_attain", "n", "window", "model", "method"]

    /// Batch mode: every (indicator, region) series with targets, grouped by year set, one multi-RHS fit per group.
    func runBatch(_ inputs: AttainInputs) throws {
        var milestones: [SeriesKey: [BatchMilestone]] = [:]
        for t in inputs.targets {
            milestones[SeriesKey(indicator: t.indicator, region: t.region), default: []]
                .append(BatchMilestone(year: t.year, target: t.value, comparator: t.comparator))
        }
        for key in milestones.keys { milestones[key]?.sort { $0.year < $1.year } }
        var series = inputs.collection.series.filter { milestones[$0.key] != nil }
        series.sort { $0.key < $1.key }
        let missing = milestones.count - series.count
        if missing > 0 { output.warn("\(missing) target series have no data and are skipped") }
        let options = try model.trendOptions()
        if joint {
            try runJoint(Array(series.prefix(self.series ?? series.count)), inputs: inputs, milestones: milestones,
                         options: options)
            return
        }
        let catalogue = inputs.catalogue
        let calibration = try model.calibration()
        let (results, skipped) = try BatchProjection.run(
            series: series,
            transformFor: { s in
                try TrendFitter.transform(for: catalogue.entry(forSeries: s.indicator), options: options, series: s)
            },
            milestones: { milestones[$0] ?? [] },
            calibrationFor: { s in calibration?.intervalCalibration(forIndicator: s.indicator) ?? .none },
            minimumPoints: options.minimumPoints)
        for (key, reason) in skipped.prefix(20) { output.warn("\(key): skipped: \(reason)") }
        if skipped.count > 20 { output.warn("… and \(skipped.count - 20) more skipped series") }
        var cells: [[Cell]] = []
        cells.reserveCapacity(results.count)
        for r in results {
            cells.append([
                .text(r.key.indicator), .text(r.key.region), .integer(r.year),
                r.target.map { .number($0) } ?? .missing, r.comparator.map { .text($0.rawValue) } ?? .missing,
                .number(r.median), .number(r.lower80), .number(r.upper80), .number(r.lower95), .number(r.upper95),
                r.probability.map { .number($0) } ?? .missing, .integer(r.points),
                .text("\(r.window.lowerBound):\(r.window.upperBound)"), .text(r.scale.rawValue + (calibration == nil ? " ols" : " ols, calibrated intervals")),
                .text("own-trend (batch)"),
            ])
        }
        let table = try Table(columns: Self.batchColumns, rows: cells)
        if !output.quiet {
            printError("chitieu: \(series.count - skipped.count) series projected on the batch path (\(results.count) rows)")
        }
        try output.emit(table, metadata: runMetadata(files: inputs.files, model: model.model, seed: nil))
    }

    /// Joint probability of the first two milestones of each series by seeded Monte Carlo.
    private func runJoint(_ series: [Series], inputs: AttainInputs, milestones: [SeriesKey: [BatchMilestone]],
                          options: TrendOptions) throws {
        var cells: [[Cell]] = []
        for (position, s) in series.enumerated() {
            let indicator = inputs.catalogue.entry(forSeries: s.indicator)
            var seriesOptions = options
            if let calibration = try model.calibration() {
                seriesOptions.calibration = calibration.intervalCalibration(forIndicator: s.indicator)
            }
            let fit = try TrendFitter.fit(s, indicator: indicator, options: seriesOptions)
            let ms = milestones[s.key] ?? []
            guard ms.count >= 2, let a = ms.first, let b = ms.dropFirst().first,
                  let ta = a.target, let ca = a.comparator, let tb = b.target, let cb = b.comparator else {
                output.warn("\(s.key): needs two numeric milestones for a joint probability; skipped")
                continue
            }
            let streamSeed = seed &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15
            let result = try JointAttainment.estimate(
                fit: fit, first: JointMilestone(year: a.year, value: ta, comparator: ca, transform: fit.transform),
                second: JointMilestone(year: b.year, value: tb, comparator: cb, transform: fit.transform),
                draws: draws, seed: streamSeed)
            cells.append([.text(s.key.indicator), .text(s.key.region), .number(result.pFirst), .number(result.pSecond),
                          .number(result.pJoint), .number(result.seFirst), .number(result.seSecond),
                          .number(result.seJoint), .integer(draws), .text(String(streamSeed))])
        }
        let columns = ["indicator", "region", "p_2025", "p_2030", "p_joint", "se_2025", "se_2030", "se_joint",
                       "draws", "seed"]
        if !output.quiet { printError("chitieu: joint Monte Carlo for \(cells.count) series, \(draws) draws each, seed \(seed)") }
        try output.emit(try Table(columns: columns, rows: cells),
                        metadata: runMetadata(files: inputs.files, model: model.model, seed: seed))
    }
}
