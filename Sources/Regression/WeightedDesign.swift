import LinearAlgebra

/// The design as LAPACK sees it: rows scaled by √wᵢ (WLS) and, optionally, columns scaled to unit norm.
///
/// Shared by the single-response fit and the batch fit so that both make the same rank decision and
/// transform back the same way. Internal: callers see only `LinearModel` and the fits.
struct WeightedDesign {
    /// X̃ = W^½ X D, the matrix handed to LAPACK.
    let matrix: Matrix
    /// √wᵢ, or `nil` for OLS.
    let sqrtWeights: [Double]?
    /// The diagonal of D (1/‖column‖), or `nil` when columns are not scaled.
    let columnScale: [Double]?

    init(design: Matrix, weights: [Double]?, scaleColumns: Bool) throws {
        let sqrtWeights = weights?.map { $0.squareRoot() }
        var matrix = design
        if let sqrtWeights { matrix = try linearAlgebra { try design.scalingRows(by: sqrtWeights) } }
        var columnScale: [Double]?
        if scaleColumns {
            let m = matrix.rows
            var scale = [Double](repeating: 1, count: matrix.columns)
            var storage = matrix.storage
            for j in 0..<matrix.columns {
                var sum = 0.0
                for i in 0..<m { sum += storage[i + j * m] * storage[i + j * m] }
                let norm = sum.squareRoot()
                // A zero column keeps factor 1 and is then reported as rank deficient by LAPACK.
                if norm > 0, norm.isFinite { scale[j] = 1 / norm }
                for i in 0..<m { storage[i + j * m] *= scale[j] }
            }
            matrix = try linearAlgebra { try Matrix(rows: m, columns: matrix.columns, columnMajor: storage) }
            columnScale = scale
        }
        self.matrix = matrix
        self.sqrtWeights = sqrtWeights
        self.columnScale = columnScale
    }

    /// Scales the rows of the responses by √wᵢ (a no-op for OLS).
    func weightedResponses(_ responses: Matrix) throws -> Matrix {
        guard let sqrtWeights else { return responses }
        return try linearAlgebra { try responses.scalingRows(by: sqrtWeights) }
    }

    /// Solves min ‖X̃Γ − W^½Y‖ for all columns in one LAPACK call and transforms back: B = DΓ.
    ///
    /// - Returns: the p × k coefficients, the LAPACK solution (rank, condition number, driver).
    /// - Throws: `RegressionError.rankDeficient` with advice that fits this model's options.
    func solve(_ responses: Matrix, driver: LeastSquaresDriver) throws
        -> (coefficients: Matrix, solution: LeastSquaresSolution) {
        let rhs = try weightedResponses(responses)
        let solution: LeastSquaresSolution
        do {
            solution = try matrix.leastSquares(rhs, driver: driver)
        } catch let LinearAlgebraError.rankDeficient(rank, columns, condition, _, _) {
            throw RegressionError.rankDeficient(
                rank: rank, columns: columns, conditionNumber: condition, driver: driver,
                advice: rankAdvice(driver: driver))
        } catch let error as LinearAlgebraError {
            throw RegressionError.linearAlgebra(error)
        }
        guard let columnScale else { return (solution.solution, solution) }
        return (try scaledRows(solution.solution, by: columnScale), solution)
    }

    /// (XᵀWX)⁻¹ = D (X̃ᵀX̃)⁻¹ D, from the QR factor of X̃ (`inverseGram`, dgeqrf + dpotri): the
    /// unscaled covariance of the coefficients.
    func unscaledCovariance() throws -> Matrix {
        let inverse = try linearAlgebra { try matrix.inverseGram() }
        guard let d = columnScale else { return inverse }
        let p = inverse.columns
        var storage = inverse.storage
        for j in 0..<p {
            for i in 0..<p { storage[i + j * p] *= d[i] * d[j] }
        }
        return try linearAlgebra { try Matrix(rows: p, columns: p, columnMajor: storage) }
    }

    /// What to do about a rank-deficient design, given the options already in use.
    ///
    /// The NIST `Filip` test (degree-10 polynomial in raw powers of x, rank deficient for the SVD
    /// driver without column scaling) shows that both suggestions work: with `scaleColumns: true` the
    /// default SVD driver finds full rank, and so does the QR driver on the raw design; both give LRE ≥ 7
    /// on every certified value (see `NISTStRDTests`).
    func rankAdvice(driver: LeastSquaresDriver) -> String {
        var steps: [String] = []
        if columnScale == nil {
            steps.append("Build the model with LinearModel(design:response:hasIntercept:scaleColumns: true) (the "
                + "default) so columns are scaled to unit length before the fit (results are transformed back)")
        }
        if driver != .qr {
            steps.append("fit with driver: .qr (Householder QR, rank judged on R's diagonal)")
        }
        steps.append("centre predictors (e.g. year − last year) or use fewer polynomial terms")
        steps.append("if two columns really are redundant (a duplicated or constant predictor), drop one")
        return steps.joined(separator: "; or ") + "."
    }
}

// MARK: - Helpers

/// Runs a linear-algebra operation, turning its errors into `RegressionError.linearAlgebra`.
func linearAlgebra<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LinearAlgebraError {
        throw RegressionError.linearAlgebra(error)
    }
}

/// Row i of `matrix` multiplied by `factors[i]`.
func scaledRows(_ matrix: Matrix, by factors: [Double]) throws -> Matrix {
    try linearAlgebra { try matrix.scalingRows(by: factors) }
}
