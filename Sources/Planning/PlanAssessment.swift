import Attainment
import Foundation
import IndicatorData
import Projection

// MARK: - A region's plan assessment

/// One indicator of the plan for one region: the scorecard row (verdicts of every ladder, rates, provenance),
/// the projection behind it, and its milestones in the one result schema.
public struct IndicatorAssessment: Sendable {
    public var row: ScorecardRow
    public var projection: IndicatorProjection
    public var milestones: [MilestoneAssessment]
}

/// The plan assessment of one region: every indicator with a target, in plan-row order. This is business
/// as usual: `ScenarioPlan` runs scenarios on these very projections, and every command that prints a
/// plan number reads it from here.
public struct PlanAssessment: Sendable {
    public var region: String
    public var indicators: [IndicatorAssessment]
    /// "code: warning" lines (model choice, window sensitivity, thin data, …).
    public var notes: [String]
    /// Monte Carlo size and seed of the joint probabilities.
    public var draws: Int
    public var seed: UInt64

    public var rows: [ScorecardRow] { indicators.map(\.row) }
    public var projections: [IndicatorProjection] { indicators.map(\.projection) }
    public var milestones: [MilestoneAssessment] { indicators.flatMap(\.milestones) }

    /// The milestone with this key (scenario ignored: the plan is business as usual).
    public subscript(key: MilestoneKey) -> MilestoneAssessment? {
        indicators.first { $0.row.indicator == key.indicator }?.milestones.first { $0.key.year == key.year }
    }

    /// The indicator's assessment, by code.
    public func indicator(_ code: String) -> IndicatorAssessment? { indicators.first { $0.row.indicator == code } }
}

/// Builds `PlanAssessment`s: the one place the plan's numbers are computed.
public enum PlanAssessor {
    /// The baseline year of the bundled plan (its appendix's "2023" column).
    public static let planBaselineYear = 2023

    /// Assesses every indicator with a target for `region`.
    ///
    /// Per indicator: `PlanProjector.project` (own trend, borrowed slope, reference class, … by the policy),
    /// then `Scorecard.row` (P(attain) from the predictive, verdicts, rates, joint probability with the run's
    /// seed split per indicator: seed + position·0x9E3779B97F4A7C15, so adding a row never changes others).
    /// `progress` is called with (indicators done, indicator count) after each indicator (for a progress bar).
    /// - Throws: `PlanningError` (.badData) when the region has no targets or a target's indicator is not in
    ///   the catalogue.
    public static func assess(_ inputs: PlanInputs, region: String, policy: ProjectionPolicy,
                              draws: Int = Scorecard.defaultDraws, seed: UInt64 = Scorecard.defaultSeed,
                              progress: ((Int, Int) -> Void)? = nil) throws -> PlanAssessment {
        let regionTargets = inputs.targets.filter { $0.region == region }
        guard !regionTargets.isEmpty else {
            let known = inputs.targetRegions.joined(separator: ", ")
            throw PlanningError(.badData, "no targets for region \(region) in the targets file (it has: \(known)); "
                + "ask for one of those regions")
        }
        let data = inputs.seriesByKey
        let byIndicator = Dictionary(grouping: regionTargets, by: \.indicator)
        let order = byIndicator.keys.sorted {
            (PlanRowOrder.key(targets: byIndicator[$0], catalogueRow: inputs.catalogue[$0]?.planRow), $0)
                < (PlanRowOrder.key(targets: byIndicator[$1], catalogueRow: inputs.catalogue[$1]?.planRow), $1)
        }
        var result = PlanAssessment(region: region, indicators: [], notes: [], draws: draws, seed: seed)
        for (position, code) in order.enumerated() {
            guard let indicator = inputs.catalogue[code] else {
                throw PlanningError(.badData, "indicator \(code) in the targets file is not in the catalogue; "
                    + "add it to the catalogue or fix the code")
            }
            let projection = PlanProjector.project(indicator: indicator, region: region, data: data, policy: policy)
            let rowSeed = seed &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15
            // Two sources, two values for the baseline year: said on the row (CSV warnings, stderr), not resolved.
            let conflicts = inputs.conflicts.filter {
                $0.key.region == region && ($0.key.indicator == code || $0.key.indicator == indicator.provincialSeries)
            }.map(\.description)
            let assessed = assessIndicator(indicator, targets: byIndicator[code] ?? [], projection: projection,
                                           region: region, draws: draws, seed: rowSeed, conflicts: conflicts)
            result.notes += assessed.row.warnings.map { "\(code): \($0)" }
            if let reason = assessed.row.milestones.lazy.compactMap(\.status.reason).first {
                result.notes.append("\(code): not projected: \(reason)")
            }
            result.indicators.append(assessed)
            progress?(position + 1, order.count)
        }
        return result
    }

    /// One indicator's row and milestones from its projection.
    static func assessIndicator(_ indicator: Indicator, targets: [Target], projection: IndicatorProjection,
                                region: String, draws: Int, seed: UInt64,
                                conflicts: [String] = []) -> IndicatorAssessment {
        let baseline = baselineObservation(projection.series, year: planBaselineYear)
        // The pace-based ladders (UNSD, open-sdg) start from the first regional observation when the region
        // has an earlier one; otherwise from the trend line at the start of its window (said in a warning).
        var reference: Observation?
        if let first = projection.series?.observations.first, let baseline, first.year < baseline.year {
            reference = first
        }
        var row = Scorecard.row(indicator: indicator, targets: targets, baseline: baseline, fit: projection.fit,
                                draws: draws, seed: seed, reference: reference,
                                latest: projection.series?.observations.last,
                                reason: projection.reason ?? "no usable series for this indicator")
        row.warnings += conflicts
        if let reason = projection.reason, projection.fit != nil { row.warnings.append(reason) }
        if let choice = projection.choice { row.warnings.append("model choice: \(choice)") }
        if let sensitivity = projection.sensitivity, !sensitivity.alternatives.isEmpty {
            row.warnings.append(String(format: "window sensitivity: the %d projection moves by %.3g across "
                + "fit-window starts ±3 years", sensitivity.year, sensitivity.range))
        }
        let milestones = row.milestones.map { m in
            MilestoneAssessment(row: row, milestone: m, region: region,
                                predictive: projection.fit?.predictive(year: m.year))
        }
        return IndicatorAssessment(row: row, projection: projection, milestones: milestones)
    }

    /// The baseline: the observation in `year` (the plan's 2023) if present, else the latest one. (Also the
    /// scenarios' baseline, so "already met" is judged the same way.)
    public static func baselineObservation(_ series: Series?, year: Int?) -> Observation? {
        guard let series else { return nil }
        if let year, let exact = series.observations.first(where: { $0.year == year }) { return exact }
        return series.observations.last
    }
}
