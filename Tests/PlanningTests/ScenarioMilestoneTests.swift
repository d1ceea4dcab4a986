import Attainment
import IndicatorData
import Planning
import Projection
import Scenarios
import Testing

/// Scenario milestones through the Planning module (in process): business as usual is the plan's own
/// assessment, and every scenario milestone keeps its distribution, so an interval at any level can be
/// asked of it (issue 14, "one result schema").
@Suite struct ScenarioMilestoneTests {
    static func scenario(_ name: String) throws -> ScenarioAssessment {
        try ScenarioPlan.run(try BundledData.file("kontum/scenarios/" + name).path, draws: 4_000, seed: 7)
    }

    /// BAU = scorecard for every milestone with a projection: the same distribution (any level's interval
    /// to 1e-9, 50 % and 90 % included, not only the printed 80/95 %) and the same P.
    @Test func businessAsUsualIsThePlanAssessment() throws {
        let inputs = try PlanInputs.bundled()
        let plan = try PlanAssessor.assess(inputs, region: "VN-28", policy: try ModelSettings().policy(catalogue: inputs.catalogue))
        var planByKey: [MilestoneKey: MilestoneAssessment] = [:]
        for m in plan.indicators.flatMap(\.milestones) { planByKey[m.key] = m }
        let bau = try Self.scenario("business_as_usual.yaml")
        var compared = 0
        for s in bau.milestones where s.projection != nil {
            let p = try #require(planByKey[s.key.inScenario(nil)], "the plan has no \(s.key)")
            #expect(s.predictive != nil, "\(s.key): BAU keeps the scorecard's predictive")
            for level in [0.5, 0.8, 0.9, 0.95] {
                let a = try #require(p.interval(level: level)), b = try #require(s.interval(level: level))
                #expect(abs(a.lower - b.lower) <= 1e-9 * max(1, abs(a.lower)), "\(s.key) \(level) lower")
                #expect(abs(a.upper - b.upper) <= 1e-9 * max(1, abs(a.upper)), "\(s.key) \(level) upper")
            }
            if let pp = p.probability, let sp = s.probability {
                #expect(abs(pp - sp) <= 4 * (s.probabilitySE ?? 0) + 1e-12, "\(s.key): P \(pp) vs \(sp)")
            }
            compared += 1
        }
        #expect(compared >= 10)
    }

    /// A resource lever's milestones come from Monte Carlo draws: their intervals exist at any level up to
    /// 99 %, are nested (50 % ⊂ 80 % ⊂ 90 % ⊂ 95 % ⊂ 99 %), and the printed 80/95 % equal the run's.
    @Test func monteCarloMilestonesKeepTheirDistribution() throws {
        let run = try Self.scenario("workforce_expansion.yaml")
        let gridded = run.milestones.filter { if case .scenario(.grid) = $0.distribution { return true }; return false }
        #expect(!gridded.isEmpty, "the workforce lever is a Monte Carlo (or control-variate) milestone")
        for m in gridded {
            let levels = [0.5, 0.8, 0.9, 0.95, 0.99]
            let intervals = try levels.map { try #require(m.interval(level: $0), "\(m.key) at \($0)") }
            for (a, b) in zip(intervals, intervals.dropFirst()) {
                #expect(b.lower <= a.lower && a.upper <= b.upper, "\(m.key): \(a) not inside \(b)")
            }
            let median = try #require(m.projection)
            #expect(intervals[0].lower <= median && median <= intervals[0].upper)
            let a = try #require(run.result.attainment.first { $0.indicator == m.key.indicator && $0.year == m.key.year })
            #expect(a.pi80 == m.interval(level: 0.8) && a.pi95 == m.interval(level: 0.95))
            #expect(m.interval(level: 0.999) == nil, "beyond the grid: no interval rather than a wrong one")
        }
    }

    /// The quantile grid of known draws: type-7 quantiles at the grid points, linear between them.
    @Test func quantileGridOfUniformDraws() throws {
        let sorted = (0...1_000).map { Double($0) / 1_000 }
        let q = ScenarioQuantiles.grid { p in
            let h = Double(sorted.count - 1) * p, lo = Int(h.rounded(.down))
            return lo + 1 < sorted.count ? sorted[lo] + (h - Double(lo)) * (sorted[lo + 1] - sorted[lo]) : sorted[lo]
        }
        let i80 = try #require(q.interval(level: 0.8))
        #expect(abs(i80.lower - 0.1) < 1e-12 && abs(i80.upper - 0.9) < 1e-12)
        #expect(abs((q.quantile(0.0125) ?? .nan) - 0.0125) < 1e-12, "between grid points 0.01 and 0.015")
        #expect(q.quantile(0.001) == nil && q.interval(level: 1) == nil)
    }
}
