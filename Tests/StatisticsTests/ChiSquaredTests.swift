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
