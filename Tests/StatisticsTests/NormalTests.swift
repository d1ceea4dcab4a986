// Tests of Normal against scipy.stats.norm (fixture: Fixtures/scipy_normal.csv, scipy 1.17.1).
import Foundation
import Statistics
import Testing

@Suite("Normal distribution")
struct NormalTests {
    /// Same requirement as the t distribution (issue 3): 1e-12 relative; rows go out to p = 1e-300.
    static let tolerance = 1e-12

    @Test("cdf, survival, density and quantile match scipy to 1e-12 relative, p 1e-300…1−1e-12")
    func matchesScipy() throws {
        let table = try FixtureTable.load("scipy_normal.csv")
        let (pColumn, xColumn) = (try table.column("p"), try table.column("x"))
        let (cdfColumn, sfColumn, pdfColumn) = (try table.column("cdf"), try table.column("sf"), try table.column("pdf"))
        var worstCDF = WorstError()
        var worstQuantile = WorstError()
        for row in table.rows {
            let p = row[pColumn]
            let x = row[xColumn]
            let useLower = p <= 0.5
            let expected = useLower ? row[cdfColumn] : row[sfColumn]
            let seen = useLower ? Normal.cdf(x) : Normal.survival(x)
            let cdfError = relativeError(seen, expected)
            worstCDF.record(cdfError, "x=\(x)")
            #expect(cdfError <= Self.tolerance,
                    "cdf x=\(x): expected \(expected), seen \(seen), relative error \(cdfError)")
            let density = Normal.density(x)
            #expect(relativeError(density, row[pdfColumn]) <= Self.tolerance,
                    "density x=\(x): expected \(row[pdfColumn]), seen \(density)")
            let quantile = Normal.quantile(p)
            let quantileError = relativeError(quantile, x)
            worstQuantile.record(quantileError, "p=\(p)")
            #expect(quantileError <= Self.tolerance,
                    "quantile p=\(p): expected \(x), seen \(quantile), relative error \(quantileError)")
        }
        print("Normal cdf/survival: \(worstCDF); quantile: \(worstQuantile)")
    }

    @Test("edge values: p = 0, 1, outside [0, 1], NaN; infinite x")
    func edgeValues() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(-1e-300).isNaN)
        #expect(Normal.quantile(1.0000001).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.survival(.infinity) == 0)
        #expect(Normal.cdf(.nan).isNaN)
    }
}
