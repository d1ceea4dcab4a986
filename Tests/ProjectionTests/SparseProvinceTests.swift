import Foundation
import IndicatorData
import Projection
import Testing
import TestSupport

// Sparse provinces: the province's own long slope on another basis (GSO Department-of-Health densities)
// shifted to the plan's level, borrowing through the region hierarchy (a district from its province), and
// outlying points flagged in the fits that use them.

@Suite("Sparse provinces: own slope on another basis, hierarchy borrowing, outliers")
struct SparseProvinceTests {
    static let provenance = Provenance(file: "test", line: 0, source: "plan")

    static func read(_ path: String) throws -> [SeriesKey: Series] {
        var data: [SeriesKey: Series] = [:]
        for s in try SeriesReader.read(contentsOf: datasetsDirectory().appendingPathComponent(path)).series {
            data[s.key] = s
        }
        return data
    }

    static func derivations() throws -> [Derivation] {
        try Derivation.read(contentsOf: datasetsDirectory().appendingPathComponent("derived_indicators.csv"))
    }

    static func catalogue() throws -> IndicatorCatalogue {
        try IndicatorCatalogue.read(contentsOf: datasetsDirectory().appendingPathComponent("indicators.csv"))
    }

    /// GSO data with the derived densities, plus the plan's nurses 14.3 in 2023 (plan_baseline_2023.csv).
    static func nursesData() throws -> [SeriesKey: Series] {
        var data = try read("provinces/vietnam_provinces_gso.csv")
        for (k, v) in try Derivation.deriveAll(try derivations(), from: data) { data[k] = v }
        let plan = Series(indicator: "nurses_per_10k", region: "VN-28", unit: "per 10,000",
                          observations: [Observation(year: 2023, value: 14.3, provenance: provenance)])
        data[plan.key] = plan
        return data
    }

    @Test("nurses 14.3 (2023): own GSO slope 2002–2016 shifted to the plan's level, labelled")
    func ownSlopeShift() throws {
        let data = try Self.nursesData()
        let nurses = try #require(try Self.catalogue()["nurses_per_10k"])
        var policy = ProjectionPolicy()
        policy.otherBasis = ProjectionPolicy.otherBasis(from: try Self.derivations())
        let projection = PlanProjector.project(indicator: nurses, region: "VN-28", data: data, policy: policy)
        let fit = try #require(projection.fit)
        #expect(fit.method.description == "own slope, shifted to plan baseline (GSO DoH basis)")
        #expect(fit.window == 2002...2016 && fit.points == 15 && fit.anchorYear == 2023)
        // Parity with the long series' own fit: the same slope, the level moved to ln 14.3.
        let long = try #require(data[SeriesKey(indicator: "nurses_dpoh_per_10k", region: "VN-28")])
        // The long-run slope is the OLS slope of the whole long series (no recency weights).
        var longRun = policy.options
        longRun.weighting = .none
        let own = try TrendFitter.fit(long, indicator: nurses, options: longRun)
        #expect(fit.slope == own.slope && fit.sigma == own.sigma)
        expectRelative(fit.predictive(year: 2023).median, 14.3, 1e-12, "anchor")
        expectRelative(fit.predictive(year: 2025).median, 14.3 * Foundation.exp(2 * own.slope), 1e-12, "2025")
        #expect(fit.warnings.contains { $0.contains("a level break, not a trend") })
        // Without the derivations the national series (nurses AND midwives) is refused, as before.
        let refused = PlanProjector.project(indicator: nurses, region: "VN-28", data: data, policy: ProjectionPolicy())
        #expect(refused.fit == nil)
    }

    @Test("Kon Tum doctors 2010 = 156 is flagged as an outlier of the GSO-basis fit, and kept")
    func doctorsOutlier() throws {
        var data = try Self.read("provinces/vietnam_provinces_gso.csv")
        for (k, v) in try Derivation.deriveAll(try Self.derivations(), from: data) { data[k] = v }
        let long = try #require(data[SeriesKey(indicator: "doctors_dpoh_per_10k", region: "VN-28")])
        let physicians = try #require(try Self.catalogue()["physicians_per_10k"])
        let fit = try TrendFitter.fit(long, indicator: physicians, options: TrendOptions(weighting: .none))
        let flagged = FitOutliers.flag(long, fit: fit)
        #expect(flagged.map(\.year) == [2010])
        #expect(fit.points == 15, "flagged, not dropped")
        #expect(flagged.first?.description.contains("outlier") == true)
    }

    @Test("a district borrows from its province through the hierarchy (Đắk Hà population density)")
    func districtBorrowsFromProvince() throws {
        let data = try Self.read("kontum/kontum_province.csv")
        let density = try #require(try Self.catalogue()["population_density"])
        let projection = PlanProjector.project(indicator: density, region: "VN-28-DAK_HA", data: data,
                                               policy: ProjectionPolicy())
        let fit = try #require(projection.fit)
        #expect(fit.method.description == "parent-slope-shift(VN-28)")
        // The slope is the province's (2001, 2010, 2017, 2022); the level is Đắk Hà's 2017 value 84.
        let province = try #require(data[SeriesKey(indicator: "population_density", region: "VN-28")])
        let provinceFit = try TrendFitter.fit(province, indicator: density)
        #expect(fit.slope == provinceFit.slope && fit.anchorYear == 2017)
        expectRelative(fit.predictive(year: 2017).median, 84, 1e-12, "anchor")
    }

    @Test("a parent without its own series is aggregated from its members (population-weighted)")
    func aggregatedParent() throws {
        func s(_ code: String, _ region: String, _ values: [Double]) -> Series {
            Series(indicator: code, region: region, unit: "u",
                   observations: values.enumerated().map {
                       Observation(year: 2020 + $0.offset, value: $0.element, provenance: Self.provenance)
                   })
        }
        // Province P of nation N (no series of its own) with districts A, B, C growing 10 % a year, populations 1, 3, 1.
        // Aggregate (population-weighted): 2020 (10 + 3·20 + 15)/5 = 17, 2021 18.7, 2022 20.57 — exactly
        // 10 % a year, so the borrowed log slope is ln 1.1 (an exact fit). C has 3 points (< 5) and borrows it.
        let series = [s("x_per_10k", "P-A", [10, 11, 12.1]), s("x_per_10k", "P-B", [20, 22, 24.2]),
                      s("x_per_10k", "P-C", [15, 16.5, 18.15]), s("population_avg", "P-A", [1, 1, 1]),
                      s("population_avg", "P-B", [3, 3, 3]), s("population_avg", "P-C", [1, 1, 1])]
        let data = Dictionary(uniqueKeysWithValues: series.map { ($0.key, $0) })
        let regions = "code,name_vi,name_en,parent,valid_from,valid_to,successor,note\n"
            + "N,,,,,,,\nP,,,N,,,,\nP-A,,,P,,,,\nP-B,,,P,,,,\nP-C,,,P,,,,\n"
        let hierarchy = try RegionHierarchy.read(bytes: Array(regions.utf8), file: "r.csv")
        let indicator = Indicator(code: "x_per_10k", planRow: "", group: nil, nameVi: "", nameEn: "",
                                  unit: "per 10,000 population", direction: .higherIsBetter, lowerBound: 0,
                                  upperBound: nil, scale: .log, nationalSeries: nil, nationalComparable: false,
                                  provincialSeries: nil, note: "")
        let projection = PlanProjector.project(indicator: indicator, region: "P-C", data: data,
                                               policy: ProjectionPolicy(hierarchy: hierarchy))
        let fit = try #require(projection.fit)
        #expect(fit.method.description == "parent-slope-shift(P)")
        expectRelative(fit.slope, Foundation.log(1.1), 1e-12, "aggregated slope")
        expectRelative(fit.predictive(year: 2022).median, 18.15, 1e-12, "anchor at C's 2022 value")
    }
}
