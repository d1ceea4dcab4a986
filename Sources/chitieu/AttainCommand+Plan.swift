import Attainment
import Export
import Foundation
import IndicatorData
import Projection

extension AttainCommand {
    /// Plan mode: one scorecard row per indicator that has a target for `region`, in plan-row order.
    func runPlan(_ inputs: AttainInputs, region: String) throws {
        let scorecard = try PlanScorecard.build(inputs, region: region, policy: try model.policy(catalogue: inputs.catalogue), draws: draws,
                                                seed: seed)
        if !output.quiet {
            printError("chitieu: \(scorecard.rows.count) indicators for \(region); joint probabilities from \(draws) "
                + "Monte Carlo draws, seed \(seed)")
            for note in scorecard.notes { printError("  note: \(note)") }
        }
        let table = try ScorecardTable.full(scorecard.rows, region: region, lang: output.lang)
        let compact = try ScorecardTable.compact(scorecard.rows, lang: output.lang)
        let metadata = runMetadata(files: inputs.files, model: model.model ?? "catalogue default per indicator",
                                   seed: seed, options: ["region": region, "draws": String(draws),
                                                         "intervals": model.intervals.rawValue,
                                                         "window": model.window ?? "all", "weights": model.weights])
        try output.emit(table, compact: compact, metadata: metadata, title: Label.scorecardTitle.text(output.lang),
                        sheets: try ScorecardTable.sheets(table, lang: output.lang),
                        methods: scorecard.notes)
    }
}

/// The plan scorecard for one region: rows in plan order, the projections behind them, and notes.
struct PlanScorecard {
    var rows: [ScorecardRow]
    var projections: [IndicatorProjection]
    var notes: [String]

    static func build(_ inputs: AttainInputs, region: String, policy: ProjectionPolicy, draws: Int,
                      seed: UInt64) throws -> PlanScorecard {
        let regionTargets = inputs.targets.filter { $0.region == region }
        guard !regionTargets.isEmpty else {
            let known = Set(inputs.targets.map(\.region)).sorted().joined(separator: ", ")
            throw CLIError(message: "no targets for region \(region) in the targets file (it has: \(known)); "
                + "use --region with one of those", code: ExitStatus.dataError)
        }
        let data = inputs.seriesByKey
        let byIndicator = Dictionary(grouping: regionTargets, by: \.indicator)
        let order = byIndicator.keys.sorted {
            (planOrder(byIndicator[$0], inputs.catalogue[$0]), $0) < (planOrder(byIndicator[$1], inputs.catalogue[$1]), $1)
        }
        var result = PlanScorecard(rows: [], projections: [], notes: [])
        for (position, code) in order.enumerated() {
            let targets = byIndicator[code] ?? []
            guard let indicator = inputs.catalogue[code] else {
                throw CLIError(message: "indicator \(code) in the targets file is not in the catalogue; "
                    + "add it to the catalogue (--catalogue) or fix the code", code: ExitStatus.dataError)
            }
            let projection = PlanProjector.project(indicator: indicator, region: region, data: data, policy: policy)
            let baseline = baselineObservation(projection.series, year: 2023)
            // The pace-based ladders (UNSD, open-sdg) start from the first regional observation when the region
            // has an earlier one; otherwise from the trend line at the start of its window (said in a warning).
            var reference: Observation?
            if let first = projection.series?.observations.first, let baseline, first.year < baseline.year {
                reference = first
            }
            // Each indicator gets its own stream of the run's seed, so adding a row never changes the others.
            let rowSeed = seed &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15
            var row = Scorecard.row(indicator: indicator, targets: targets, baseline: baseline, fit: projection.fit,
                                    draws: draws, seed: rowSeed, reference: reference,
                                    latest: projection.series?.observations.last,
                                    reason: projection.reason ?? "no usable series for this indicator")
            if let reason = projection.reason, projection.fit != nil { row.warnings.append(reason) }
            if let choice = projection.choice { row.warnings.append("model choice: \(choice)") }
            if let sensitivity = projection.sensitivity, !sensitivity.alternatives.isEmpty {
                row.warnings.append(String(format: "window sensitivity: the %d projection moves by %.3g across "
                    + "fit-window starts ±3 years", sensitivity.year, sensitivity.range))
            }
            result.notes += row.warnings.map { "\(code): \($0)" }
            if let reason = row.milestones.lazy.compactMap(\.status.reason).first {
                result.notes.append("\(code): not projected: \(reason)")
            }
            result.rows.append(row)
            result.projections.append(projection)
        }
        return result
    }

    /// Sort key: the plan row as printed ("1" < "2" < … < "15" < "15.1" < "16"), then the code.
    private static func planOrder(_ targets: [Target]?, _ indicator: Indicator?) -> Int {
        let text = targets?.first(where: { !$0.planRow.isEmpty })?.planRow ?? indicator?.planRow ?? ""
        let parts = text.split(separator: ".").map { Int($0) ?? 9_999 }
        guard let major = parts.first else { return Int.max }
        return major * 10_000 + (parts.count > 1 ? parts[1] : 0)
    }

    /// The baseline: the observation in `year` (the plan's 2023) if present, else the latest one.
    /// (Also used by `scenario run`, so "already met" is judged the same way.)
    static func baselineObservation(_ series: Series?, year: Int?) -> Observation? {
        guard let series else { return nil }
        if let year, let exact = series.observations.first(where: { $0.year == year }) { return exact }
        return series.observations.last
    }
}
