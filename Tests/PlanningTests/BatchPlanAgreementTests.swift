import Attainment
import IndicatorData
import Planning
import Projection
import Testing

/// Batch row = plan row (issue 14, "the batch path computes with the same formulas"): for the same series
/// and target, `BatchAssessment` gives the projection, 80/95 % intervals, P(attain) and verdict that
/// `PlanAssessor` gives, for level, strict and hold targets and whatever scale `--model` chooses.
@Suite struct BatchPlanAgreementTests {
    /// National series with 30+ points (own trend in plan mode), each with a level/strict target and TFR with
    /// a replacement-fertility hold target (2.1 within ±0.05), for 2025 and 2030.
    static func inputs() throws -> PlanInputs {
        var inputs = try PlanInputs.bundled()
        let source = Provenance(file: "BatchPlanAgreementTests", line: 0, source: "test targets")
        func target(_ code: String, _ year: Int, _ value: Double, _ comparator: Comparator, _ kind: TargetKind,
                    _ text: String) -> Target {
            Target(indicator: code, region: "VN", year: year, value: value, comparator: comparator, kind: kind,
                   text: text, provenance: source)
        }
        inputs.targets = [2025, 2030].flatMap { year in
            [target("tfr", year, 2.1, .equal, .hold, "2,1"),
             target("u5mr", year, 16, .lessOrEqual, .level, "16"),
             target("dtp3_pct", year, 95, .greaterOrEqual, .level, "95"),
             target("life_expectancy", year, 74.5, .greaterThan, .strict, ">74,5")]
        }
        return inputs
    }

    static let settings: [ModelSettings] = [
        ModelSettings(),
        ModelSettings(scale: .linear),
        ModelSettings(scale: .log),
        ModelSettings(calibrated: false),
        ModelSettings(scale: .linear, calibrated: false),
    ]

    @Test(arguments: settings.indices)
    func batchRowEqualsPlanRow(_ index: Int) throws {
        let settings = Self.settings[index]
        let inputs = try Self.inputs()
        let plan = try PlanAssessor.assess(inputs, region: "VN", policy: try settings.policy(catalogue: inputs.catalogue),
                                           draws: 2_000)
        let (batch, skipped) = try BatchAssessment(BatchInputs(inputs, dataName: "bundled")).assess(settings: settings)
        #expect(skipped.isEmpty)
        var byKey: [MilestoneKey: MilestoneAssessment] = [:]
        for m in batch { byKey[m.key] = m }
        var compared = 0
        for indicator in plan.indicators {
            for p in indicator.milestones where p.probability != nil {
                let b = try #require(byKey[p.key], "batch has no row for \(p.key)")
                let label = "\(p.key.indicator) \(p.key.year) \(settings.modelLabel)"
                #expect(p.method.contains("own"), "plan projects \(label) on its own trend: \(p.method)")
                try Self.expectClose(p.projection, b.projection, label + " projection")
                for level in [0.8, 0.95] {
                    let pi = try #require(p.interval(level: level)), bi = try #require(b.interval(level: level))
                    try Self.expectClose(pi.lower, bi.lower, label + " lower \(level)")
                    try Self.expectClose(pi.upper, bi.upper, label + " upper \(level)")
                }
                try Self.expectClose(p.probability, b.probability, label + " P")
                #expect(p.verdict == b.verdict, "\(label): plan \(p.verdict), batch \(b.verdict)")
                compared += 1
            }
        }
        // 4 indicators × 2 years: the hold target is among them.
        #expect(compared == 8)
    }

    /// A bounded indicator's interval stays inside its bounds whatever scale is chosen (batch and plan).
    @Test(arguments: settings.indices)
    func boundedIntervalsStayInBounds(_ index: Int) throws {
        let settings = Self.settings[index]
        let inputs = try Self.inputs()
        let (batch, _) = try BatchAssessment(BatchInputs(inputs, dataName: "bundled")).assess(settings: settings)
        for m in batch where m.key.indicator == "dtp3_pct" {
            let pi = try #require(m.interval(level: 0.95))
            #expect(pi.lower >= 0 && pi.upper <= 100, "\(m.key) \(settings.modelLabel): \(pi)")
        }
    }

    static func expectClose(_ a: Double?, _ b: Double?, _ label: String) throws {
        let x = try #require(a, "\(label): plan value missing"), y = try #require(b, "\(label): batch value missing")
        #expect(abs(x - y) <= 1e-9 * max(1, abs(x)), "\(label): plan \(x), batch \(y)")
    }
}
