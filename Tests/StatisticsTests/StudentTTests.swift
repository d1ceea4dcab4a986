// Tests of StudentT against scipy.stats.t (fixture: Fixtures/scipy_t.csv, scipy 1.17.1).
import Foundation
import Statistics
import Testing

@Suite("Student t distribution")
struct StudentTTests {
    /// Issue 3's requirement: 1e-12 relative against scipy for df 1…1000 and p 1e-10…1−1e-10 (the fixture
    /// also has df 0.5 and 1e5, beyond the requirement, held to the same tolerance). The df = 1e5 rows are
    /// the ones that needed BGRAT: with the continued fraction alone they were off by up to 3.6e-12.
    /// scipy itself agrees with 50-digit mpmath to 8.5e-15 (CDF) and 1.2e-14 (quantile) on these rows,
    /// so the reference is two orders of magnitude better than the tolerance.
    static let tolerance = 1e-12

    @Test("CDF matches scipy to 1e-12 relative on the smaller tail, df 0.5…1e5, p 1e-10…1−1e-10")
    func cdfMatchesScipy() throws {
        let table = try FixtureTable.load("scipy_t.csv")
        let (dfColumn, pColumn, tColumn) = (try table.column("df"), try table.column("p"), try table.column("t"))
        let (cdfColumn, sfColumn) = (try table.column("cdf"), try table.column("sf"))
        #expect(table.rows.count == 444)
        var worst = WorstError()
        var largeDF = WorstError()
        for row in table.rows {
            let distribution = try StudentT(degreesOfFreedom: row[dfColumn])
            let t = row[tColumn]
            // Compare the smaller of the two probabilities: cdf in the lower tail, survival in the upper.
            let useLower = row[pColumn] <= 0.5
            let expected = useLower ? row[cdfColumn] : row[sfColumn]
            let seen = useLower ? distribution.cdf(t) : distribution.survival(t)
            let error = relativeError(seen, expected)
            if row[dfColumn] <= 1000 { worst.record(error, "df=\(row[dfColumn]) t=\(t)") }
            largeDF.record(row[dfColumn] > 1000 ? error : 0, "df=\(row[dfColumn]) t=\(t)")
            #expect(error <= Self.tolerance,
                    "df=\(row[dfColumn]) t=\(t): expected \(expected), seen \(seen), relative error \(error)")
        }
        print("StudentT cdf/survival, df ≤ 1000: \(worst); df = 1e5: \(largeDF)")
    }

    @Test("quantile matches scipy to 1e-12 relative, df 0.5…1e5, p 1e-10…1−1e-10")
    func quantileMatchesScipy() throws {
        let table = try FixtureTable.load("scipy_t.csv")
        let (dfColumn, pColumn, tColumn) = (try table.column("df"), try table.column("p"), try table.column("t"))
        var worst = WorstError()
        var largeDF = WorstError()
        for row in table.rows {
            let distribution = try StudentT(degreesOfFreedom: row[dfColumn])
            let expected = row[tColumn]
            let seen = distribution.quantile(row[pColumn])
            let error = relativeError(seen, expected)
            worst.record(row[dfColumn] <= 1000 ? error : 0, "df=\(row[dfColumn]) p=\(row[pColumn])")
            largeDF.record(row[dfColumn] > 1000 ? error : 0, "df=\(row[dfColumn]) p=\(row[pColumn])")
            #expect(error <= Self.tolerance,
                    "df=\(row[dfColumn]) p=\(row[pColumn]): expected \(expected), seen \(seen), relative error \(error)")
        }
        print("StudentT quantile, df ≤ 1000: \(worst); df = 1e5: \(largeDF)")
    }

    @Test("density matches the closed forms for df 1 (Cauchy) and df 2")
    func densityClosedForms() throws {
        let cauchy = try StudentT(degreesOfFreedom: 1)
        let two = try StudentT(degreesOfFreedom: 2)
        for t in [-1e6, -30.0, -2.5, -1, 0, 0.3, 1, 7, 1e8] {
            let expectedCauchy = 1 / (Double.pi * (1 + t * t))
            let expectedTwo = 1 / pow(2 + t * t, 1.5)
            #expect(relativeError(cauchy.density(t), expectedCauchy) < 1e-14,
                    "df=1 t=\(t): expected \(expectedCauchy), seen \(cauchy.density(t))")
            #expect(relativeError(two.density(t), expectedTwo) < 1e-14,
                    "df=2 t=\(t): expected \(expectedTwo), seen \(two.density(t))")
        }
    }

    @Test("edge values: p = 0, ½, 1, outside [0, 1], NaN; infinite t")
    func edgeValues() throws {
        let t = try StudentT(degreesOfFreedom: 4.5)
        #expect(t.quantile(0) == -.infinity)
        #expect(t.quantile(1) == .infinity)
        #expect(t.quantile(0.5) == 0)
        #expect(t.quantile(-0.1).isNaN)
        #expect(t.quantile(1.5).isNaN)
        #expect(t.quantile(.nan).isNaN)
        #expect(t.cdf(-.infinity) == 0)
        #expect(t.cdf(.infinity) == 1)
        #expect(t.cdf(0) == 0.5)
        #expect(t.cdf(.nan).isNaN)
        #expect(t.survival(.infinity) == 0)
        // Far beyond the fixture: the df=1 tail is 1/(π|t|) to first order, with no overflow of t².
        // Tolerance 1e-12: the prefactor is exp(½·log x) with log x ≈ −921, whose rounding alone
        // costs ~921·ε ≈ 1e-13 relative.
        let cauchy = try StudentT(degreesOfFreedom: 1)
        #expect(relativeError(cauchy.cdf(-1e200), 1 / (Double.pi * 1e200)) < 1e-12)
    }

    @Test("invalid degrees of freedom throw a message naming the value", arguments: [0.0, -3, .nan, .infinity])
    func invalidDegreesOfFreedom(df: Double) {
        #expect {
            _ = try StudentT(degreesOfFreedom: df)
        } throws: { error in
            guard let error = error as? StatisticsError else { return false }
            let message = error.description
            return message.contains("Student t degrees of freedom must be a finite number greater than 0")
                && message.contains("got \(df)")
        }
    }

    @Test("regularizedIncompleteBeta: closed forms and invalid arguments")
    func incompleteBeta() {
        // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a.
        for x in [1e-8, 0.1, 0.5, 0.9] {
            let first = regularizedIncompleteBeta(a: 1, b: 3.5, x: x)
            let second = regularizedIncompleteBeta(a: 2.5, b: 1, x: x)
            #expect(relativeError(first, -expm1(3.5 * log1p(-x))) < 1e-14, "I_\(x)(1, 3.5) = \(first)")
            #expect(relativeError(second, pow(x, 2.5)) < 1e-14, "I_\(x)(2.5, 1) = \(second)")
        }
        #expect(regularizedIncompleteBeta(a: 2, b: 3, x: 0) == 0)
        #expect(regularizedIncompleteBeta(a: 2, b: 3, x: 1) == 1)
        #expect(regularizedIncompleteBeta(a: 0, b: 3, x: 0.5).isNaN)
        #expect(regularizedIncompleteBeta(a: 2, b: 3, x: 1.5).isNaN)
    }
}

@Suite("Student t far tails")
struct StudentTFarTailTests {
    /// Beyond the scipy fixture (p down to 1e-300): quantile and cdf must invert each other. The round trip
    /// error is the CDF's error amplified by nothing (cdf∘quantile), so 1e-12 relative applies; for df = 0.5
    /// and p = 1e-300 the true quantile (≈ −1e600) overflows and −∞ is the right answer.
    @Test("cdf(quantile(p)) = p for p = 1e-300…1e-20", arguments: [0.5, 1, 3, 30, 1000])
    func roundTrip(df: Double) throws {
        let distribution = try StudentT(degreesOfFreedom: df)
        for p in [1e-300, 1e-200, 1e-100, 1e-50, 1e-20] {
            let t = distribution.quantile(p)
            if t == -.infinity {
                #expect(df < 1, "df=\(df) p=\(p): quantile overflowed")
                continue
            }
            let back = distribution.cdf(t)
            let error = relativeError(back, p)
            #expect(error < 1e-12, "df=\(df) p=\(p): t=\(t), cdf(t)=\(back), relative error \(error)")
            #expect(relativeError(distribution.survival(-t), p) < 1e-12, "df=\(df) p=\(p): survival(\(-t))")
        }
    }
}
