import Foundation
import IndicatorData
import PropertyBased
import Testing
@testable import Scenarios

/// Properties of resource levers, on generated cases (x-sheep/swift-property-based): for a "higher is better"
/// target, more hires or added beds and lower attrition never lower the projection or P(attain); a change of
/// nothing is business as usual; the same seed gives the same draws.
@Suite("Resource lever properties")
struct ResourceLeverPropertyTests {
    /// Median, 80 %/95 % bounds and P of every doctors milestone.
    func numbers(_ r: ScenarioResult) -> [Double] {
        doctorsAttainment(r).flatMap { a in
            [a.median, a.pi80?.lower, a.pi80?.upper, a.pi95?.lower, a.pi95?.upper, a.probability].map { $0 ?? .nan }
        }
    }

    /// `more` ≥ `less` elementwise, up to floating-point roundoff (1e-12 relative): a lever of 5e-324 hires
    /// takes the control-variate path, F⁻¹(p) + (q̂_draws − q̂_control), where business as usual reads the
    /// analytic interval; the two agree to ~4e-15, not bit for bit.
    func atLeast(_ more: [Double], _ less: [Double]) -> Bool {
        more.count == less.count && zip(more, less).allSatisfy { $0 >= $1 - 1e-12 * max(1, abs($1)) }
    }

    @Test func moreHiresNeverLowerProjectionOrP() async throws {
        await propertyCheck(count: 25, input: Gen.double(in: -40...80), Gen.double(in: 0...60),
                            Gen.double(in: 0...0.02), Gen.int(in: 0...3)) { extra, more, sd, delay in
            let spec = { (e: Double) in
                ResourceSpec(extraHires: .constant(e), attrition: 0.03, attritionSD: sd, pipelineDelay: delay)
            }
            let low = try runDoctors(spec(extra), draws: 200), high = try runDoctors(spec(extra + more), draws: 200)
            #expect(atLeast(numbers(high), numbers(low)), "extra \(extra) + \(more): \(numbers(low)) → \(numbers(high))")
            let bau = try runDoctors(ResourceSpec(attrition: 0.03, attritionSD: sd), draws: 200)
            if extra >= 0 { #expect(atLeast(numbers(low), numbers(bau)), "extra \(extra) vs BAU") }
        }
    }

    @Test func lowerAttritionNeverLowersProjectionOrP() async throws {
        await propertyCheck(count: 25, input: Gen.double(in: -0.02...0.04), Gen.double(in: 0...0.03),
                            Gen.double(in: -20...40)) { change, cut, extra in
            let spec = { (c: Double) in ResourceSpec(extraHires: .constant(extra), attrition: 0.03, attritionChange: c) }
            let higher = try runDoctors(spec(change), draws: 200), lower = try runDoctors(spec(change - cut), draws: 200)
            #expect(atLeast(numbers(lower), numbers(higher)), "attrition change \(change) − \(cut)")
        }
    }

    /// Added beds: the same monotonicity through the stock-change recursion on generated BAU paths.
    @Test func moreEntrantsNeverLowerTheStock() async throws {
        await propertyCheck(count: 200, input: Gen.double(in: 100...5000).array(of: 8), Gen.double(in: -50...50),
                            Gen.double(in: 0...40), Gen.double(in: 0...0.1)) { stock, extra, more, a in
            let low = ResourceChange(extraIntake: Array(repeating: extra, count: 7))
            let high = ResourceChange(extraIntake: Array(repeating: extra + more, count: 7))
            let d0 = low.stockChange(bauStock: stock, attrition: a), d1 = high.stockChange(bauStock: stock, attrition: a)
            #expect(zip(d1, d0).allSatisfy { $0 >= $1 })
            #expect(zip(stock, d0).allSatisfy { $0 + $1 >= 0 }, "stock never negative")
            #expect(ResourceChange(extraIntake: Array(repeating: 0, count: 7)).stockChange(bauStock: stock, attrition: a)
                .allSatisfy { $0 == 0 })
        }
    }

    @Test func nothingChangedIsBusinessAsUsual() async throws {
        await propertyCheck(count: 10, input: Gen.double(in: 0...0.08), Gen.double(in: 0...0.02),
                            Gen.int(in: 1...6)) { a, sd, delay in
            let bau = try runDoctors(ResourceSpec(attrition: a, attritionSD: sd), draws: 100)
            let null = try runDoctors(ResourceSpec(extraHires: .constant(0), attrition: a, attritionSD: sd,
                                                   attritionChange: 0, pipelineDelay: delay), draws: 100)
            #expect(doctorsAttainment(null) == doctorsAttainment(bau))
        }
    }

    @Test func sameSeedSameDraws() async throws {
        await propertyCheck(count: 10, input: Gen.int(in: 0...1_000_000), Gen.double(in: -20...60)) { seed, extra in
            let spec = ResourceSpec(extraHires: .constant(extra), attrition: 0.03, attritionSD: 0.01)
            let a = try runDoctors(spec, draws: 100, seed: UInt64(seed)), b = try runDoctors(spec, draws: 100, seed: UInt64(seed))
            #expect(a.rows == b.rows && doctorsAttainment(a) == doctorsAttainment(b))
        }
    }
}
