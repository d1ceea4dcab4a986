import Foundation
import IndicatorData
import Projection
import Testing
import TestSupport

// The last fallback of PlanProjector: the reference-class level-held predictive of the indicator's family
// (issue 15, item 1), and the reason in words where there is none.

@Suite("PlanProjector: reference-class level-held fallback")
struct ReferenceClassFallbackTests {
    static let provenance = Provenance(file: "test", line: 0, source: "plan")

    static func catalogue() throws -> IndicatorCatalogue {
        try IndicatorCatalogue.read(contentsOf: datasetsDirectory().appendingPathComponent("indicators.csv"))
    }

    static func borrowing() throws -> BorrowingCalibration {
        try BorrowingCalibration.load(from: datasetsDirectory().appendingPathComponent("calibration/borrowing.json"))
    }

    /// Kon Tum's plan baseline: nurses 14.3 per 10,000 in 2023 (plan_baseline_2023.csv), no other data.
    static func nurses() -> [SeriesKey: Series] {
        let plan = Series(indicator: "nurses_per_10k", region: "VN-28", unit: "per 10,000",
                          observations: [Observation(year: 2023, value: 14.3, provenance: provenance)])
        return [plan.key: plan]
    }

    static func policy(referenceClass: BorrowingDispersion?) -> ProjectionPolicy {
        var policy = ProjectionPolicy()
        policy.options.calibration = IntervalCalibration.none.with(borrowing: nil, referenceClass: referenceClass)
        return policy
    }

    @Test("one point, no comparator, calibrated family: the level held with the family's spread, labelled")
    func levelHeldWhenCalibrated() throws {
        let nurses = try #require(try Self.catalogue()["nurses_per_10k"])
        let dispersion = try #require(try Self.borrowing().levelHeldDispersion(forIndicator: "nurses_per_10k"))
        let projection = PlanProjector.project(indicator: nurses, region: "VN-28", data: Self.nurses(),
                                               policy: Self.policy(referenceClass: dispersion))
        let fit = try #require(projection.fit, "reason: \(projection.reason ?? "")")
        #expect(fit.method.description == "reference-class level-held(workforce)")
        #expect(projection.reason?.hasPrefix("reference-class forecast, no trend: 1 regional point(s)") == true)
        #expect(fit.warnings.contains { $0.contains("80.2/95.1 % on held-out provinces") })
        // The level is held: median 14.3 at every horizon; variance on the log scale = a′ + b′·h (τ² = 0 here).
        for year in [2025, 2030] {
            let p = fit.predictive(year: year)
            expectRelative(p.median, 14.3, 1e-12, "median \(year)")
            let h = Double(year - 2023)
            let variance = dispersion.levelVariance + dispersion.variancePerYear * h
            expectRelative(p.scale * p.scale, variance, 1e-9, "variance \(year)")
        }
    }

    @Test("without a calibrated reference class: no projection, and the reason says why in words")
    func reasonWithoutReferenceClass() throws {
        let nurses = try #require(try Self.catalogue()["nurses_per_10k"])
        let projection = PlanProjector.project(indicator: nurses, region: "VN-28", data: Self.nurses(),
                                               policy: Self.policy(referenceClass: nil))
        #expect(projection.fit == nil)
        let reason = try #require(projection.reason)
        #expect(reason.contains("1 regional point(s), fewer than 5 for an own trend"))
        #expect(reason.contains("no nurses_midwives_per_10k series for VN"))
        #expect(reason.contains("no reference class for the workforce family"))
    }

    @Test("the shipped file has a reference class for the plan's sparse families, none for others")
    func shippedReferenceClasses() throws {
        let borrowing = try Self.borrowing()
        for code in ["nurses_per_10k", "hospital_beds_per_10k", "fully_immunized_u1_pct", "tfr", "imr"] {
            #expect(borrowing.levelHeldDispersion(forIndicator: code) != nil, "\(code)")
        }
        #expect(borrowing.levelHeldDispersion(forIndicator: "patient_satisfaction_pct") == nil)
    }
}
