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

    /// The default policy projects doctors, nurses and beds with Kon Tum's own GSO slope (2002–2016, 15
    /// points) shifted to the plan's level, labelled, with the backtested own-slope dispersion; HIV detections
    /// (GSO 2011–2016, no own-slope backtest) are refused with the reason, not projected from an untested path.
    @Test func defaultPolicyUsesTheOwnSlopeShiftedToThePlanBaseline() throws {
        let inputs = try PlanInputs.bundled()
        #expect(inputs.otherBasis.contains { $0.key == SeriesKey(indicator: "nurses_dpoh_per_10k", region: "VN-28") })
        let plan = try PlanAssessor.assess(inputs, region: "VN-28", policy: try ModelSettings().policy(catalogue: inputs.catalogue),
                                           draws: 2_000)
        for code in ["physicians_per_10k", "nurses_per_10k", "hospital_beds_per_10k"] {
            let fit = try #require(plan.indicator(code)?.projection.fit, "\(code)")
            #expect(fit.method.description == "own slope, shifted to plan baseline (GSO DoH basis)", "\(code)")
            #expect(fit.window == 2002...2016 && fit.points == 15 && fit.dispersion != nil, "\(code)")
        }
        let nurses = try #require(plan.indicator("nurses_per_10k")?.projection.fit)
        let anchor = nurses.predictive(year: 2023).median
        #expect(abs(anchor - 14.3) <= 1e-12 * 14.3, "anchored at the plan's 2023 value: \(anchor)")
        // Stunting borrows the national slope of a series extended by the General Nutrition Survey 2020
        // (Datasets/national/alt_sources.csv); the model column names it.
        let stunting = try #require(plan.indicator("stunting_u5_pct")?.projection.fit)
        #expect(stunting.window == 2000...2020 && stunting.alternativeYears == [2020])
        #expect(stunting.modelLabel.contains("2020 from an alternative source"), "\(stunting.modelLabel)")
        let hiv = try #require(plan.indicator("hiv_new_detections_per_100k"))
        #expect(hiv.projection.fit == nil)
        #expect(hiv.projection.reason?.contains("hiv_new_cases_per_100k (GSO detections) is not backtested") == true)
        // Without calibration (--intervals ols) the own slope is offered with the older variance.
        let ols = try PlanAssessor.assess(inputs, region: "VN-28",
                                          policy: try ModelSettings(calibrated: false).policy(catalogue: inputs.catalogue),
                                          draws: 2_000)
        #expect(ols.indicator("hiv_new_detections_per_100k")?.projection.fit?.method.description
                == "own slope, shifted to plan baseline (GSO detections)")
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
