// Tests of ChiSquared against scipy.stats.chi2 (fixture: Fixtures/scipy_chi2.csv, scipy 1.17.1).
import Foundation
import Statistics
import Testing

@Suite("Chi-square distribution")
struct ChiSquaredTests {
    /// scipy's chi2 agrees with 50-digit mpmath to 3.9e-14 on these rows; 1e-12 leaves room for both.
    static let tolerance = 1e-12

    @Test("cdf/survival and quantile match scipy to 1e-12 relative, df 1…1000, p 1e-10…1−1e-10")
    func matchesScipy() throws {
        let table = try FixtureTable.load("scipy_chi2.csv")
        let (dfColumn, pColumn, xColumn) = (try table.column("df"), try table.column("p"), try table.column("x"))
        let (cdfColumn, sfColumn) = (try table.column("cdf"), try table.column("sf"))
        var worstCDF = WorstError()
        var worstQuantile = WorstError()
        for row in table.rows {
            let distribution = try ChiSquared(degreesOfFreedom: row[dfColumn])
            let (p, x) = (row[pColumn], row[xColumn])
            let useLower = p <= 0.5
            let expected = useLower ? row[cdfColumn] : row[sfColumn]
            let seen = useLower ? distribution.cdf(x) : distribution.survival(x)
            let cdfError = relativeError(seen, expected)
            worstCDF.record(cdfError, "df=\(row[dfColumn]) x=\(x)")
            #expect(cdfError <= Self.tolerance,
                    "df=\(row[dfColumn]) x=\(x): expected \(expected), seen \(seen), relative error \(cdfError)")
            let quantile = distribution.quantile(p)
            let quantileError = relativeError(quantile, x)
            worstQuantile.record(quantileError, "df=\(row[dfColumn]) p=\(p)")
            #expect(quantileError <= Self.tolerance,
                    "df=\(row[dfColumn]) p=\(p): expected \(x), seen \(quantile), relative error \(quantileError)")
        }
        print("ChiSquared cdf/survival: \(worstCDF); quantile: \(worstQuantile)")
    }

    @Test("density: k = 2 is ½e^(−x/2); edge values")
    func densityAndEdges() throws {
        let two = try ChiSquared(degreesOfFreedom: 2)
        for x in [0.1, 1, 10, 100] {
            #expect(relativeError(two.density(x), 0.5 * exp(-0.5 * x)) < 1e-14, "x=\(x): \(two.density(x))")
        }
        #expect(two.cdf(-1) == 0)
        #expect(two.survival(-1) == 1)
        #expect(two.quantile(0) == 0)
        #expect(two.quantile(1) == .infinity)
        #expect(two.quantile(2).isNaN)
    }

    @Test("invalid degrees of freedom throw a message naming the value", arguments: [0.0, -1, .nan])
    func invalidDegreesOfFreedom(df: Double) {
        #expect {
            _ = try ChiSquared(degreesOfFreedom: df)
        } throws: { error in
            (error as? StatisticsError)?.description.contains(
                "chi-square degrees of freedom must be a finite number greater than 0, got \(df)") ?? false
        }
    }
}

@Suite("Chi-square far tails")
struct ChiSquaredFarTailTests {
    /// Beyond the scipy fixture: quantile and cdf must invert each other to 1e-12 relative in the lower tail
    /// down to p = 1e-300, and in the upper tail at p = 1 − 2⁻⁵⁰ (survival 8.9e-16).
    @Test("cdf(quantile(p)) = p far in both tails", arguments: [1.0, 2, 7.5, 100, 1000])
    func roundTrip(df: Double) throws {
        let distribution = try ChiSquared(degreesOfFreedom: df)
        for p in [1e-300, 1e-100, 1e-20] {
            let x = distribution.quantile(p)
            if x == 0 {
                // Only when the true quantile, ≈ 2(p·Γ(k/2 + 1))^(2/k), is below the smallest double.
                #expect(df == 1 && p == 1e-300, "df=\(df) p=\(p): quantile underflowed to 0")
                continue
            }
            let back = distribution.cdf(x)
            #expect(relativeError(back, p) < 1e-12, "df=\(df) p=\(p): x=\(x), cdf(x)=\(back)")
        }
        let upper = 0x1.0p-50
        let x = distribution.quantile(1 - upper)
        let back = distribution.survival(x)
        #expect(relativeError(back, upper) < 1e-12, "df=\(df) upper tail \(upper): x=\(x), survival(x)=\(back)")
    }
}
