import Attainment
import IndicatorData
import Planning
import Projection
import Testing

/// The plan assessment of the bundled Kon Tum plan, in process (no binary).
@Suite struct PlanAssessmentTests {
    @Test func bundledPlanHasEveryRowInPlanOrder() throws {
        let inputs = try PlanInputs.bundled()
        let plan = try PlanAssessor.assess(inputs, region: "VN-28", policy: try ModelSettings().policy(catalogue: inputs.catalogue),
                                           draws: 2_000)
        #expect(plan.indicators.count >= 20)
        let keys = plan.indicators.map { PlanRowOrder.key($0.row.planRow) }
        #expect(keys == keys.sorted())
        // Every milestone's numbers are the scorecard row's: the schema reads them from the same predictive.
        for indicator in plan.indicators {
            for (m, a) in zip(indicator.row.milestones, indicator.milestones) {
                #expect(a.key.year == m.year && a.probability == m.probability && a.projection == m.projectedMedian)
                #expect(a.interval(level: 0.95)?.lower == m.pi95?.lower && a.interval(level: 0.8)?.upper == m.pi80?.upper)
                #expect(a.verdict == ChitieuVerdict.classify(probability: m.probability))
            }
        }
    }

    @Test func unknownRegionIsABadDataError() throws {
        let inputs = try PlanInputs.bundled()
        #expect {
            _ = try PlanAssessor.assess(inputs, region: "VN-99", policy: ProjectionPolicy())
        } throws: { error in
            guard let e = error as? PlanningError else { return false }
            return e.category == .badData && e.message.contains("no targets for region VN-99")
                && e.message.contains("VN-28")
        }
    }
}
