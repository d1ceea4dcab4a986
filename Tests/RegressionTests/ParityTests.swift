import Foundation
import LinearAlgebra
import Regression
import Testing

/// Two paths that must agree: QR against SVD, WLS against OLS on √w-scaled rows, one multi-right-hand-side
/// fit against column-by-column fits.
///
/// Tolerance 1e-10 relative (issue 3): the designs here have condition numbers below 10³ after column
/// scaling, so both backward-stable paths are accurate to ≈ κ·ε ≈ 10⁻¹³; 1e-10 leaves three digits of
/// margin and still catches any formula error (which shows at the 1e-3 level or worse).
@Suite("Parity between fitting paths")
struct ParityTests {
    /// t = year − 2023 for 2000…2023, an intercept, t and t² (a well-conditioned trend design).
    static func trendDesign(quadratic: Bool = false) throws -> Matrix {
        try Matrix(rowMajor: (2000...2023).map { year -> [Double] in
            let t = Double(year - 2023)
            return quadratic ? [1, t, t * t] : [1, t]
        })
    }

    /// Deterministic responses: a trend plus a fixed, irregular wiggle (not random, so the test is
    /// reproducible; the values are test inputs, not reference data).
    static func responses(count: Int, rows: Int = 24) -> [[Double]] {
        (0..<count).map { j in
            (0..<rows).map { i in
                let t = Double(i - rows + 1)
                return 3 + 0.1 * Double(j) - 0.015 * t + 0.02 * sin(1.7 * Double(i) + Double(j))
            }
        }
    }

    static let weights = (2000...2023).map { pow(0.9, Double(2023 - $0)) }

    @Test("QR and SVD agree to 1e-10 on well-conditioned problems", arguments: [false, true])
    func qrMatchesSVD(quadratic: Bool) throws {
        let x = try Self.trendDesign(quadratic: quadratic)
        for (j, y) in Self.responses(count: 3).enumerated() {
            for w in [nil, Self.weights] {
                let model = try LinearModel(design: x, response: y, weights: w, hasIntercept: true)
                let svd = try model.fit(driver: .svd(rcond: nil))
                let qr = try model.fit(driver: .qr)
                let what = "series \(j), weighted \(w != nil)"
                expectClose(qr.coefficients, svd.coefficients, relative: 1e-10, what + " coefficients")
                expectClose(qr.standardErrors, svd.standardErrors, relative: 1e-10, what + " standard errors")
                expectClose([qr.sigma, qr.rSquared], [svd.sigma, svd.rSquared], relative: 1e-10, what + " σ̂, R²")
            }
        }
    }

    @Test("QR and SVD agree to 1e-10 on NIST Norris and NoInt1", arguments: ["Norris", "NoInt1"])
    func qrMatchesSVDOnNIST(name: String) throws {
        let model = try NISTDataset.load(name).linearModel()
        let svd = try model.fit(), qr = try model.fit(driver: .qr)
        expectClose(qr.coefficients, svd.coefficients, relative: 1e-10, "\(name) coefficients")
        expectClose(qr.standardErrors, svd.standardErrors, relative: 1e-10, "\(name) standard errors")
    }

    @Test("WLS equals OLS on rows scaled by √w")
    func wlsIsScaledOLS() throws {
        let x = try Self.trendDesign(quadratic: true)
        let root = Self.weights.map { $0.squareRoot() }
        let scaledX = try x.scalingRows(by: root)
        for y in Self.responses(count: 2) {
            let wls = try LinearModel(design: x, response: y, weights: Self.weights, hasIntercept: true).fit()
            // After scaling the constant column is no longer constant, so the OLS model has no intercept.
            let ols = try LinearModel(design: scaledX, response: zip(y, root).map { $0 * $1 },
                                      hasIntercept: false).fit()
            expectClose(wls.coefficients, ols.coefficients, relative: 1e-10, "coefficients")
            expectClose(wls.standardErrors, ols.standardErrors, relative: 1e-10, "standard errors")
            expectClose([wls.sigma, wls.rss], [ols.sigma, ols.rss], relative: 1e-10, "σ̂ and weighted RSS")
            expectClose(wls.covariance.storage, ols.covariance.storage, relative: 1e-10, "covariance")
            // Residuals: WLS reports unweighted residuals, OLS on scaled rows gives √wᵢ·rᵢ.
            expectClose(zip(wls.residuals, root).map { $0 * $1 }, ols.residuals, relative: 1e-8, "residuals",
                        absolute: 1e-14)
        }
    }

    @Test("one multi-right-hand-side fit equals the column-by-column fits",
          arguments: [(false, true), (true, true), (false, false)])
    func multiMatchesSingle(weighted: Bool, refine: Bool) throws {
        let x = try Self.trendDesign(quadratic: true)
        let ys = Self.responses(count: 5)
        let w = weighted ? Self.weights : nil
        let batch = try LinearModel.fitMany(design: x, responses: Matrix(columns: ys), weights: w,
                                            hasIntercept: true, refine: refine)
        #expect(batch.seriesCount == 5 && batch.degreesOfFreedom == 21 && batch.rank == 3)
        for (j, y) in ys.enumerated() {
            let single = try LinearModel(design: x, response: y, weights: w, hasIntercept: true).fit()
            expectClose(batch.coefficients.column(j), single.coefficients, relative: 1e-10, "series \(j) β̂")
            expectClose([batch.sigma[j], batch.rss[j], batch.rSquared[j]],
                        [single.sigma, single.rss, single.rSquared], relative: 1e-10, "series \(j) σ̂, RSS, R²")
            expectClose(try batch.standardErrors(series: j), single.standardErrors, relative: 1e-10,
                        "series \(j) standard errors")
        }
        expectClose(batch.unscaledCovariance.storage,
                    try LinearModel(design: x, response: ys[0], weights: w, hasIntercept: true).fit()
                        .unscaledCovariance.storage, relative: 1e-12, "shared (XᵀWX)⁻¹")
    }
}

/// Element-wise |seen − expected| ≤ relative·|expected| + absolute, with a message that shows expected,
/// seen and the error size.
func expectClose(_ seen: [Double], _ expected: [Double], relative: Double, _ what: String,
                 absolute: Double = 0, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(seen.count == expected.count, "\(what): \(seen.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    for (i, (s, e)) in zip(seen, expected).enumerated() {
        let error = (s - e).magnitude
        let bound = relative * e.magnitude + absolute
        #expect(error <= bound, "\(what)[\(i)]: expected \(e), seen \(s), error \(error) > \(bound)",
                sourceLocation: sourceLocation)
    }
}
