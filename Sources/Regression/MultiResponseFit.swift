import LinearAlgebra

/// Many series that share one design matrix, fitted together by ONE multi-right-hand-side LAPACK call.
///
/// This is the batch path: a million series observed in the same years have the same X, so the
/// factorisation of X (O(n·p²)) is done once and each series costs only O(n·p) more. Everything
/// that depends only on X is shared — the unscaled covariance (XᵀWX)⁻¹, ν = n − p, the rank and the
/// condition number — and everything that depends on the response is an array with one entry per
/// series (column of Y).
///
/// Each column j gives exactly the fit `LinearModel(design: X, response: Y[:, j], …).fit()` would:
/// β̂ⱼ = column j of `coefficients`, σ̂ⱼ² = RSSⱼ/ν, Cov(β̂ⱼ) = σ̂ⱼ² (XᵀWX)⁻¹.
public struct MultiResponseFit: Sendable {
    /// B̂, p × k: column j holds the coefficients of series j.
    public let coefficients: Matrix
    /// RSSⱼ = Σ wᵢ rᵢⱼ², one per series.
    public let rss: [Double]
    /// σ̂ⱼ = √(RSSⱼ/ν), one per series.
    public let sigma: [Double]
    /// R² per series (centred with an intercept, uncentred without, as on `RegressionFit`).
    public let rSquared: [Double]
    /// (XᵀWX)⁻¹, p × p, shared by all series.
    public let unscaledCovariance: Matrix
    /// ν = n − p, shared.
    public let degreesOfFreedom: Int
    /// The driver that produced the fit.
    public let driver: LeastSquaresDriver
    /// Numerical rank of the shared design.
    public let rank: Int
    /// Condition number of the matrix LAPACK factorised.
    public let conditionNumber: Double
    /// The weights used (nil for OLS), shared by all series.
    public let weights: [Double]?
    /// Whether the design has an intercept.
    public let hasIntercept: Bool

    /// Number of series k.
    public var seriesCount: Int { coefficients.columns }

    /// Standard errors of series j's coefficients: σ̂ⱼ √diag (XᵀWX)⁻¹.
    /// - Throws: `RegressionError.shapeMismatch` when `j` is not a series index.
    public func standardErrors(series j: Int) throws -> [Double] {
        guard sigma.indices.contains(j) else {
            throw RegressionError.shapeMismatch("series \(j) requested from a fit of \(seriesCount) series")
        }
        let s = sigma[j]
        return unscaledCovariance.diagonal.map { s * $0.squareRoot() }
    }
}

extension LinearModel {
    /// Fits every column of `responses` on the same design in one LAPACK call.
    ///
    /// - Parameters:
    ///   - design: X, n × p, shared by all series; n ≥ p + 1, finite.
    ///   - responses: Y, n × k, one series per column; finite.
    ///   - weights: optional WLS weights shared by all series (n values > 0).
    ///   - hasIntercept: whether X has a constant column (checked), for R².
    ///   - scaleColumns: scale columns to unit norm before the fit (see `LinearModel`).
    ///   - driver: least-squares driver, SVD by default.
    ///   - refine: polish each series with `IterativeRefinement` as `fit(driver:)` does (default `true`,
    ///     so that column j equals the single fit); `false` skips it and takes the RSS from BLAS
    ///     residuals, for speed when the residuals are small relative to the data.
    /// - Throws: the same `RegressionError`s as `LinearModel.init` and `fit(driver:)`; a non-finite
    ///   response names its row and series.
    /// - Complexity: O(n·p² + n·p·k) time (refinement adds ≈ 40·n·p flops per series); O(n·k) extra
    ///   memory for the weighted responses (residuals are not kept).
    public static func fitMany(design: Matrix, responses: Matrix, weights: [Double]? = nil,
                               hasIntercept: Bool, scaleColumns: Bool = true,
                               driver: LeastSquaresDriver = .default, refine: Bool = true) throws
        -> MultiResponseFit {
        try validateDesign(design, rows: responses.rows)
        guard responses.columns > 0 else { throw RegressionError.empty("the responses matrix has no columns") }
        let n = responses.rows, k = responses.columns, p = design.columns
        let y = responses.storage
        for index in y.indices where !y[index].isFinite {
            throw RegressionError.nonFinite(
                what: "response value \(y[index]) at row \(index % n) of series \(index / n)")
        }
        if let weights { try validate(weights: weights, rows: n) }
        if hasIntercept, !hasConstantColumn(design) { throw RegressionError.missingInterceptColumn }

        let prepared = try WeightedDesign(design: design, weights: weights, scaleColumns: scaleColumns)
        let (coefficients, solution) = try prepared.solve(responses, driver: driver)
        let unscaled = try prepared.unscaledCovariance()
        let w = weights ?? [Double](repeating: 1, count: n)
        let df = n - p
        var rss = [Double](repeating: 0, count: k)
        var rSquared = [Double](repeating: 0, count: k)
        var beta = coefficients.storage
        if refine {
            var refiner = IterativeRefinement(x: design, weights: weights, inverseGram: unscaled)
            for j in 0..<k {
                let refined = refiner.refine(response: y, offset: j * n, beta: Array(beta[(j * p)..<((j + 1) * p)]))
                beta.replaceSubrange((j * p)..<((j + 1) * p), with: refined.coefficients)
                rss[j] = refined.rss
            }
        } else {
            let fitted = try linearAlgebra { try design.multiplied(by: coefficients) }.storage
            for j in 0..<k {
                var sum = 0.0
                for i in 0..<n { let r = y[i + j * n] - fitted[i + j * n]; sum += w[i] * r * r }
                rss[j] = sum
            }
        }
        var column = [Double](repeating: 0, count: n)
        for j in 0..<k {
            for i in 0..<n { column[i] = y[i + j * n] }
            let tss = totalSumOfSquares(column, weights: w, centred: hasIntercept)
            rSquared[j] = GoodnessOfFit(rss: rss[j], tss: tss, observations: n, parameters: p,
                                        hasIntercept: hasIntercept).rSquared
        }
        let coefficientMatrix = try linearAlgebra { try Matrix(rows: p, columns: k, columnMajor: beta) }
        return MultiResponseFit(
            coefficients: coefficientMatrix, rss: rss, sigma: rss.map { ($0 / Double(df)).squareRoot() },
            rSquared: rSquared, unscaledCovariance: unscaled, degreesOfFreedom: df,
            driver: solution.driver, rank: solution.rank, conditionNumber: solution.conditionNumber,
            weights: weights, hasIntercept: hasIntercept)
    }
}
