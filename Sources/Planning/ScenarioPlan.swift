import Foundation
import IndicatorData
import Projection
import Scenarios

// MARK: - Scenarios applied to the plan

/// A scenario run on the plan: the scenario, what it ran on, its result, and its milestones in the one
/// result schema (`MilestoneAssessment`, keyed with the scenario's name).
public struct ScenarioAssessment: Sendable {
    public var scenario: Scenario
    public var inputs: ScenarioInputs
    public var result: ScenarioResult
    public var milestones: [MilestoneAssessment]
    /// Notes about the run's inputs (a region without targets, …); the result's own notes are in `result`.
    public var notes: [String]
}

/// Loads scenario files and runs them on the plan's business as usual.
///
/// Business as usual is the assessment: every indicator a scenario needs is projected by
/// `PlanProjector.project` with the run's `ModelSettings` policy, the same call `PlanAssessor` makes, and
/// the baseline is `PlanAssessor.baselineObservation`. So the business-as-usual file reproduces the
/// scorecard (projection, intervals and P), workforce and beds included.
public enum ScenarioPlan {
    /// Reads a scenario file and fits every indicator it needs the way the scorecard does.
    /// - Parameters: `draws`/`seed` override the file's when given; `defaults` are the read options of the
    ///   data files the scenario names (`data:`/`targets:`, relative to the scenario file).
    /// - Throws: `ScenarioError` (.config) for the file, `DataError`/`PlanningError` for its data.
    public static func load(_ path: String, draws: Int? = nil, seed: UInt64? = nil,
                            defaults: ReadDefaults = ReadDefaults(),
                            settings: ModelSettings = ModelSettings()) throws -> (Scenario, ScenarioInputs, [String]) {
        let catalogue = try BundledData.catalogue()
        var byCode: [String: Indicator] = [:]
        for entry in catalogue.indicators { byCode[entry.code] = entry }
        let url = URL(fileURLWithPath: path)
        var scenario = try ScenarioParser.read(contentsOf: url, displayName: path, catalogue: byCode)
        if let draws { scenario.draws = draws }
        if let seed { scenario.seed = seed }
        let folder = url.deletingLastPathComponent()
        func resolved(_ name: String) -> URL { URL(fileURLWithPath: name, relativeTo: folder).standardizedFileURL }
        // `data:` and `targets:` are relative to the scenario file; a missing one is the file's error.
        for (key, name) in [("data", scenario.dataFile), ("targets", scenario.targetsFile)] {
            guard let name, !FileManager.default.fileExists(atPath: resolved(name).path) else { continue }
            let mark = scenario.marks[key] ?? SourceMark(file: path, line: 0, column: 0)
            throw mark.error("\(key) file \(name) not found (looked for \(resolved(name).path); paths are relative "
                + "to the scenario file's folder). Fix the path, or drop `\(key):` to use the bundled Kon Tum files.")
        }
        let files = try PlanFiles.resolve(data: scenario.dataFile.map { [resolved($0).path] } ?? [],
                                          targets: scenario.targetsFile.map { resolved($0).path }, catalogue: nil,
                                          defaults: defaults)
        let plan = try PlanInputs.load(files)
        var notes: [String] = []
        let regions = plan.targetRegions
        if !regions.contains(scenario.region) {
            notes.append("the targets file has no targets for region \(scenario.region) (it has: "
                + "\(regions.joined(separator: ", "))): the scorecard is empty; check `region:`")
        }
        let inputs = try businessAsUsual(for: scenario, plan: plan, policy: try settings.policy(catalogue: plan.catalogue))
        return (scenario, inputs, notes)
    }

    /// The scenario's inputs: the region's series, the business-as-usual fits (`PlanProjector.project`, as
    /// the scorecard) and baselines of every indicator with a target or a lever.
    public static func businessAsUsual(for scenario: Scenario, plan: PlanInputs,
                                       policy: ProjectionPolicy) throws -> ScenarioInputs {
        let data = plan.seriesByKey
        var series: [String: Series] = [:]
        for s in plan.collection.series where s.region == scenario.region { series[s.indicator] = s }
        let targeted = Set(plan.targets.filter { $0.region == scenario.region }.map(\.indicator))
        // Resources are fitted too: their business as usual is the scorecard's trend; only the budget lever
        // determines its indicator without one.
        var determined = Set<String>()
        if scenario.budget != nil { determined.insert("preventive_budget_share_pct") }
        var fits: [String: TrendFit] = [:]
        var unassessable: [String: String] = [:]
        var baselines: [String: Observation] = [:]
        let year = scenario.baseYear
        for code in targeted.union(scenario.trends.keys).union(scenario.resources.keys.map(\.indicator)).sorted() {
            guard let indicator = plan.catalogue[code] else {
                unassessable[code] = "indicator \(code) is not in the catalogue"
                continue
            }
            if determined.contains(code) {
                if let b = PlanAssessor.baselineObservation(series[code], year: year) { baselines[code] = b }
                continue
            }
            let projection = PlanProjector.project(indicator: indicator, region: scenario.region, data: data,
                                                   policy: policy)
            if let fit = projection.fit {
                fits[code] = fit
            } else {
                unassessable[code] = projection.reason ?? "no usable series for this indicator"
            }
            if let regional = projection.series { series[code] = regional }
            if let b = PlanAssessor.baselineObservation(projection.series, year: year) { baselines[code] = b }
        }
        var catalogue: [String: Indicator] = [:]
        for entry in plan.catalogue.indicators { catalogue[entry.code] = entry }
        return ScenarioInputs(catalogue: catalogue, series: series, fits: fits, unassessable: unassessable,
                              targets: plan.targets, baselines: baselines)
    }

    /// Loads and runs a scenario file. `progress` is called with (done, total) after each indicator.
    public static func run(_ path: String, draws: Int? = nil, seed: UInt64? = nil,
                           defaults: ReadDefaults = ReadDefaults(), settings: ModelSettings = ModelSettings(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScenarioAssessment {
        let (scenario, inputs, notes) = try load(path, draws: draws, seed: seed, defaults: defaults, settings: settings)
        return try run(scenario, inputs: inputs, notes: notes, progress: progress)
    }

    /// Runs a loaded scenario and views its attainment as milestones.
    public static func run(_ scenario: Scenario, inputs: ScenarioInputs, notes: [String] = [],
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScenarioAssessment {
        let result = try ScenarioRunner(scenario: scenario, inputs: inputs).run(progress: progress)
        let milestones = result.attainment.map { a in
            let fit = inputs.fits[a.indicator]
            return MilestoneAssessment(scenario: a, region: result.region, model: fit?.modelLabel ?? "",
                                       window: fit?.window.yearsText ?? "")
        }
        return ScenarioAssessment(scenario: scenario, inputs: inputs, result: result, milestones: milestones, notes: notes)
    }
}
