import LinearAlgebra
import Regression
import Testing

/// Prediction identities that hold whatever the t quantile: the mean interval lies inside the
/// observation interval, a new-observation weight w₀ enters as σ̂²/w₀, and the batch path gives the
/// single-series numbers.
@Suite("Prediction identities")
struct PredictionTests {
    static func model(weighted: Bool) throws -> LinearModel {
        try LinearModel(design: ParityTests.trendDesign(), response: ParityTests.responses(count: 1)[0],
                        weights: weighted ? ParityTests.weights : nil, hasIntercept: true)
    }

    @Test("obsSE² = meanSE² + σ̂²/w₀, and the mean interval is inside the observation interval",
          arguments: [false, true])
    func varianceDecomposition(weighted: Bool) throws {
        let fit = try Self.model(weighted: weighted).fit()
        let newX = try Matrix(rowMajor: (1...7).map { [1, Double($0)] })
        let w0 = [1, 2, 0.5, 1, 1, 4, 1.0]
        for (p, w) in zip(try fit.predict(at: newX, weights: w0), w0) {
            let expected = p.meanSE * p.meanSE + fit.sigma * fit.sigma / w
            expectClose([p.obsSE * p.obsSE], [expected], relative: 1e-13, "obsSE² with w₀ = \(w)")
            for interval in p.intervals {
                #expect(interval.obsLower < interval.meanLower && interval.meanLower < p.mean)
                #expect(p.mean < interval.meanUpper && interval.meanUpper < interval.obsUpper)
                expectClose([interval.meanUpper - p.mean], [p.mean - interval.meanLower], relative: 1e-12,
                            "symmetric mean interval")
            }
            let wide = try #require(p.interval(level: 0.95)), narrow = try #require(p.interval(level: 0.8))
            #expect(wide.obsUpper - wide.obsLower > narrow.obsUpper - narrow.obsLower)
        }
    }

    @Test("meanSE = σ̂ √(x₀ᵀ(XᵀWX)⁻¹x₀) from the covariance matrix", arguments: [false, true])
    func meanSEFromCovariance(weighted: Bool) throws {
        let fit = try Self.model(weighted: weighted).fit()
        let x0 = [1.0, 5.0]
        let p = try #require(try fit.predict(at: Matrix(rowMajor: [x0])).first)
        let c = fit.covariance
        let variance = x0[0] * x0[0] * c[0, 0] + 2 * x0[0] * x0[1] * c[0, 1] + x0[1] * x0[1] * c[1, 1]
        expectClose([p.meanSE], [variance.squareRoot()], relative: 1e-12, "meanSE")
        expectClose([p.mean], [fit.coefficients[0] + 5 * fit.coefficients[1]], relative: 1e-14, "mean")
    }

    @Test("batch prediction equals single-series prediction", arguments: [false, true])
    func batchMatchesSingle(weighted: Bool) throws {
        let x = try ParityTests.trendDesign(quadratic: true)
        let ys = ParityTests.responses(count: 4)
        let w = weighted ? ParityTests.weights : nil
        let batch = try LinearModel.fitMany(design: x, responses: Matrix(columns: ys), weights: w, hasIntercept: true)
        let newX = try Matrix(rowMajor: (1...7).map { [1, Double($0), Double($0 * $0)] })
        let batchPredictions = try batch.predict(at: newX, levels: [0.5, 0.9])
        #expect(batchPredictions.count == 7)
        for (j, y) in ys.enumerated() {
            let single = try LinearModel(design: x, response: y, weights: w, hasIntercept: true).fit()
                .predict(at: newX, levels: [0.5, 0.9])
            for (b, s) in zip(batchPredictions, single) {
                expectClose([b.mean[j], b.meanSE[j], b.obsSE[j]], [s.mean, s.meanSE, s.obsSE], relative: 1e-10,
                            "series \(j) mean, SEs")
                for (bi, si) in zip(b.intervals, s.intervals) {
                    #expect(bi.level == si.level)
                    expectClose([bi.meanLower[j], bi.meanUpper[j], bi.obsLower[j], bi.obsUpper[j]],
                                [si.meanLower, si.meanUpper, si.obsLower, si.obsUpper], relative: 1e-10,
                                "series \(j) intervals at \(si.level)")
                }
            }
        }
    }
}
