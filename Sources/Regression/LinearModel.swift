import LinearAlgebra

/// A linear regression model y = Xβ + ε, fitted by ordinary (OLS) or weighted (WLS) least squares.
///
/// The model only holds validated data; `fit(driver:)` does the work and returns a `RegressionFit`,
/// and the fit makes predictions (Model → fit → Fit → predict, as statsmodels separates them).
///
/// **Weighted least squares.** With weights wᵢ > 0 the model is Var(εᵢ) = σ²/wᵢ and β̂ minimises
/// Σ wᵢ (yᵢ − xᵢᵀβ)². It is computed as OLS on the rows scaled by √wᵢ (X̃ = W^½X, ỹ = W^½y), exactly the
/// statsmodels `WLS` convention (weights proportional to the inverse variance), so σ̂² = Σ wᵢ rᵢ² / (n − p)
/// and Cov(β̂) = σ̂² (X̃ᵀX̃)⁻¹. See the statsmodels documentation of `WLS`, and Seber & Lee, *Linear
/// Regression Analysis*, 2nd ed. (2003), ch. 3 (generalised least squares).
///
/// **Column scaling.** With `scaleColumns: true` every column of the (weighted) design is divided by its
/// Euclidean norm before the fit (X̃D with D = diag(1/‖x̃ⱼ‖)), and the results are transformed back:
/// β̂ = Dγ̂, Cov(β̂) = D Cov(γ̂) D. The fitted values, residuals and every statistic are unchanged
/// in exact arithmetic, but the condition number that the rank decision sees is that of the
/// equilibrated matrix, which for badly scaled columns (raw polynomial powers, NIST `Filip`) is many
/// orders of magnitude smaller (Björck, *Numerical Methods for Least Squares Problems*, SIAM 1996,
/// on column scaling). It is on by default: the SVD driver is not invariant to column scaling, and on
/// NIST `Pontius` (columns 1, x ≈ 10⁶, x² ≈ 10¹²) the unscaled SVD fit keeps only 6 digits of the
/// smallest coefficient against 13 with scaling. Pass `false` to make the rank decision on the raw design.
public struct LinearModel: Sendable {
    /// The n × p design matrix X (include a column of ones for an intercept).
    public let design: Matrix
    /// The n responses y.
    public let response: [Double]
    /// WLS weights wᵢ (inverse-variance, statsmodels convention), or `nil` for OLS.
    public let weights: [Double]?
    /// Whether X contains a constant column: R² is then centred, otherwise uncentred (NIST StRD NoInt,
    /// statsmodels `rsquared` without a constant).
    public let hasIntercept: Bool
    /// Whether columns are scaled to unit norm before the fit (see the type documentation).
    public let scaleColumns: Bool

    /// Number of observations n.
    public var observationCount: Int { design.rows }
    /// Number of parameters p.
    public var parameterCount: Int { design.columns }

    /// Builds a validated model.
    ///
    /// - Parameters:
    ///   - design: X, n × p, n ≥ p + 1; finite.
    ///   - response: y, n finite values.
    ///   - weights: optional WLS weights, n finite values > 0.
    ///   - hasIntercept: true when one column of X is a non-zero constant (checked).
    ///   - scaleColumns: scale columns to unit norm before fitting (default `true`).
    /// - Throws: `RegressionError.empty`, `.shapeMismatch`, `.tooFewObservations`, `.nonFinite`,
    ///   `.invalidWeight`, `.missingInterceptColumn`, each with a message saying what to change.
    /// - Complexity: O(n·p).
    public init(design: Matrix, response: [Double], weights: [Double]? = nil, hasIntercept: Bool,
                scaleColumns: Bool = true) throws {
        try Self.validateDesign(design, rows: response.count)
        for (i, y) in response.enumerated() where !y.isFinite {
            throw RegressionError.nonFinite(what: "response value \(y) at row \(i)")
        }
        if let weights { try Self.validate(weights: weights, rows: design.rows) }
        if hasIntercept, !Self.hasConstantColumn(design) { throw RegressionError.missingInterceptColumn }
        self.design = design
        self.response = response
        self.weights = weights
        self.hasIntercept = hasIntercept
        self.scaleColumns = scaleColumns
    }

    // MARK: - Validation shared with the batch path

    static func validateDesign(_ design: Matrix, rows responseRows: Int) throws {
        guard design.rows > 0, design.columns > 0 else {
            throw RegressionError.empty("the design matrix is \(design.rows)×\(design.columns)")
        }
        guard responseRows > 0 else { throw RegressionError.empty("the response has no values") }
        guard responseRows == design.rows else {
            throw RegressionError.shapeMismatch(
                "the design matrix has \(design.rows) rows but the response has \(responseRows) values; "
                    + "give one response per design row")
        }
        guard design.rows > design.columns else {
            throw RegressionError.tooFewObservations(rows: design.rows, parameters: design.columns)
        }
        for j in 0..<design.columns {
            for i in 0..<design.rows where !design[i, j].isFinite {
                throw RegressionError.nonFinite(what: "design value \(design[i, j]) at row \(i), column \(j)")
            }
        }
    }

    static func validate(weights: [Double], rows: Int) throws {
        guard weights.count == rows else {
            throw RegressionError.shapeMismatch(
                "\(weights.count) weights for \(rows) observations; give one weight per observation")
        }
        for (i, w) in weights.enumerated() where !(w.isFinite && w > 0) {
            throw RegressionError.invalidWeight(row: i, value: w)
        }
    }

    /// A column whose values are all equal and non-zero (statsmodels' `k_constant` test).
    static func hasConstantColumn(_ design: Matrix) -> Bool {
        (0..<design.columns).contains { j in
            let first = design[0, j]
            return first != 0 && (0..<design.rows).allSatisfy { design[$0, j] == first }
        }
    }
}
