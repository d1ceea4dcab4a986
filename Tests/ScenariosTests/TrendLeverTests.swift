import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import Testing
@testable import Scenarios

/// A logit-scale stunting fit built with the public init (values chosen for the test, not data):
/// z = −1.2 − 0.06·(year − 2020), σ̂ = 0.05 on 8 df, (XᵀX)⁻¹ of 10 equally spaced years.
func stuntingFit() throws -> TrendFit {
    let cov = try Matrix(columns: [[0.3455, 0.04545], [0.04545, 0.01212]])
    return TrendFit(key: SeriesKey(indicator: "stunting_u5_pct", region: "VN-28"), transform: .logit(lower: 0, upper: 100),
                    window: 2011...2020, anchorYear: 2020, points: 10, coefficients: [-1.2, -0.06],
                    unscaledCovariance: cov, sigma: 0.05, degreesOfFreedom: 8, method: .trend, weighting: "ols")
}

let stuntingSeries = Series(indicator: "stunting_u5_pct", region: "VN-28", unit: "%", observations: [
    Observation(year: 2020, value: 22.0, provenance: Provenance(file: "test", line: 0, source: "test value")),
])

let stuntingTargets = [
    Target(indicator: "stunting_u5_pct", region: "VN-28", year: 2030, value: 15, comparator: .lessThan, kind: .strict,
           text: "<15", provenance: Provenance(file: "test", line: 0, source: "test target")),
]

@Suite("Trend levers")
struct TrendLeverTests {
    let years = Array(2021...2030)

    func path(_ spec: TrendLeverSpec) throws -> LeverPath {
        LeverPath(fit: try stuntingFit(), spec: spec, years: years, observed: stuntingSeries, targets: stuntingTargets,
                  bounds: (0, 100))
    }

    @Test func accelerateOneIsBauExactly() throws {
        let bau = try path(.bau)
        for start in [nil, 2020, 2024] as [Int?] {
            let one = try path(TrendLeverSpec(lever: .accelerate(1), startYear: start))
            #expect(one.central == bau.central)
        }
        let fit = try stuntingFit()
        #expect(bau.central[2030] == fit.predictive(year: 2030).median)
    }

    @Test func accelerateMultipliesTheSlopeAfterStart() throws {
        let fast = try path(TrendLeverSpec(lever: .accelerate(1.5), startYear: 2024))
        let bau = try path(.bau)
        #expect(fast.central[2024] == bau.central[2024])
        let g = Transform.logit(lower: 0, upper: 100)
        let z = try g.forward(try #require(fast.central[2030]))
        #expect(abs(z - (-1.2 - 0.06 * 10 - 0.5 * 0.06 * 6)) < 1e-12)
    }

    @Test func haltKeepsTheLastValue() throws {
        let halt = try path(TrendLeverSpec(lever: .halt))
        for year in years { #expect(halt.central[year] == 22.0) }
    }

    @Test func aarrIsAFixedRate() throws {
        let p = try path(TrendLeverSpec(lever: .aarr(0.03)))
        #expect(abs((p.central[2030] ?? .nan) - 22.0 * Foundation.pow(0.97, 10)) < 1e-12)
    }

    /// target_path is a straight line on the logit scale from the 2020 value to the 2030 target.
    @Test func targetPathReachesTheTarget() throws {
        let p = try path(TrendLeverSpec(lever: .targetPath))
        #expect(abs((p.central[2030] ?? .nan) - 15) < 1e-12)
        let g = Transform.logit(lower: 0, upper: 100)
        let mid = try g.forward(try #require(p.central[2025]))
        #expect(abs(mid - (try g.forward(22) + g.forward(15)) / 2) < 1e-12)
    }

    /// Caps keep percentages within bounds: a rising path on a linear fit is cut at the cap, and an
    /// `aarr` of −0.5 (a 50 % rise a year) cannot leave [0, 100].
    @Test func capsKeepPercentagesWithinBounds() throws {
        let capped = try path(TrendLeverSpec(lever: .aarr(-0.5), capLower: 0, capUpper: 60))
        #expect(capped.central.values.allSatisfy { $0 <= 60 && $0 >= 0 })
        #expect(capped.central[2030] == 60)
        let uncappedSpec = try path(TrendLeverSpec(lever: .aarr(-0.5)))
        #expect(uncappedSpec.central.values.allSatisfy { $0 <= 100 })
        #expect(uncappedSpec.perturbed(year: 2030, deviation: 5) <= 100)
    }

    @Test func valuesInterpolate() throws {
        let p = try path(TrendLeverSpec(lever: .values([2025: 20, 2030: 10])))
        let expected2023: Double = 22.0 - 2.0 * 3.0 / 5.0
        let seen2023: Double = p.central[2023] ?? .nan
        #expect(abs(seen2023 - expected2023) < 1e-12)
        #expect(p.central[2030] == 10)
    }
}
