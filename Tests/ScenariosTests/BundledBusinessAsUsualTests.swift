import Attainment
import Foundation
import IndicatorData
import Projection
import Testing
@testable import Scenarios

/// The bundled business-as-usual file against the scorecard, for every bundled indicator and milestone:
/// same projection (to 1e-9), same 80/95 % intervals, same P(attain) and verdict.
///
/// Both sides are built in-process from the same inputs as the CLI builds them: the bundled data files with
/// the plan's source priority, the shipped calibration for every indicator, `PlanProjector.project` and
/// `Scorecard.row` with the 2023 baseline (`PlanScorecard.build` in `chitieu attain`), and the scenario
/// inputs of `loadScenario` (`chitieu scenario run`). (To move to Tests/PlanningTests once the `Planning`
/// module owns that glue.)
@Suite("Bundled business as usual = scorecard")
struct BundledBusinessAsUsualTests {
    struct Bundle {
        var catalogue: IndicatorCatalogue
        var data: [SeriesKey: Series]
        var targets: [Target]
        var policy: ProjectionPolicy
    }

    func bundle() throws -> Bundle {
        let catalogue = try BundledData.catalogue()
        let files = ["kontum/kontum_province.csv", "kontum/plan_baseline_2023.csv", "national/vietnam_national.csv"]
        let collection = try BundledData.series(files, options: ReadOptions(sourcePriority: ["Kế hoạch UBND tỉnh Kon Tum"],
                                                                             catalogue: catalogue))
        var data: [SeriesKey: Series] = [:]
        for s in collection.series { data[s.key] = s }
        var policy = ProjectionPolicy()
        let calibration = try Calibration.load(from: BundledData.file("calibration/calibration.json"))
        for indicator in catalogue.indicators {
            policy.calibrations[indicator.code] = calibration.intervalCalibration(forIndicator: indicator.code)
        }
        return Bundle(catalogue: catalogue, data: data, targets: try BundledData.targets(), policy: policy)
    }

    /// The baseline the scorecard uses: the observation in `year` if present, else the latest.
    func baseline(_ series: Series?, year: Int) -> Observation? {
        series?.observations.first { $0.year == year } ?? series?.observations.last
    }

    @Test func everyMilestoneMatches() throws {
        let b = try bundle()
        var byCode: [String: Indicator] = [:]
        for entry in b.catalogue.indicators { byCode[entry.code] = entry }
        let url = try BundledData.file("kontum/scenarios/business_as_usual.yaml")
        let scenario = try ScenarioParser.read(contentsOf: url, catalogue: byCode)
        let region = scenario.region
        var series: [String: Series] = [:]
        for (key, s) in b.data where key.region == region { series[key.indicator] = s }
        var fits: [String: TrendFit] = [:], unassessable: [String: String] = [:], baselines: [String: Observation] = [:]
        var rows: [String: ScorecardRow] = [:]
        let targeted = Dictionary(grouping: b.targets.filter { $0.region == region }, by: \.indicator)
        for (code, targets) in targeted {
            let indicator = try #require(b.catalogue[code])
            let projection = PlanProjector.project(indicator: indicator, region: region, data: b.data, policy: b.policy)
            if let fit = projection.fit { fits[code] = fit } else { unassessable[code] = projection.reason ?? "no usable series" }
            if let s = projection.series { series[code] = s }
            if let o = baseline(projection.series, year: scenario.baseYear) { baselines[code] = o }
            rows[code] = Scorecard.row(indicator: indicator, targets: targets, baseline: baseline(projection.series, year: 2023),
                                       fit: projection.fit, draws: 1000,
                                       reason: projection.reason ?? "no usable series for this indicator")
        }
        let inputs = ScenarioInputs(catalogue: byCode, series: series, fits: fits, unassessable: unassessable,
                                    targets: b.targets, baselines: baselines)
        let result = try ScenarioRunner(scenario: scenario, inputs: inputs).run()
        var compared = 0
        for (code, row) in rows {
            for m in row.milestones where m.year > scenario.baseYear && m.year <= scenario.horizon {
                let a = try #require(result.attainment.first { $0.indicator == code && $0.year == m.year && $0.targetText == m.targetText },
                                     "\(code) \(m.year) missing from the scenario")
                let where_ = "\(code) \(m.year)"
                #expect(a.status == m.status, "\(where_): status \(a.status) vs \(m.status)")
                #expect(a.probability == m.probability, "\(where_): P \(String(describing: a.probability)) vs \(String(describing: m.probability))")
                #expect(a.verdict == m.chitieu, "\(where_): verdict")
                #expect(a.pi80 == m.pi80 && a.pi95 == m.pi95, "\(where_): intervals")
                switch (a.median, m.projectedMedian) {
                case (let x?, let y?): #expect(abs(x - y) <= 1e-9 * max(1, abs(y)), "\(where_): \(x) vs \(y)")
                case (nil, nil): break
                default: Issue.record("\(where_): median \(String(describing: a.median)) vs \(String(describing: m.projectedMedian))")
                }
                compared += 1
            }
        }
        // Every Kon Tum plan row with a 2025/2030 milestone, workforce and beds included.
        #expect(compared >= 40, "compared \(compared) milestones")
        #expect(rows.keys.contains("physicians_per_10k") && rows.keys.contains("hospital_beds_per_10k"))
    }
}
