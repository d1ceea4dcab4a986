import LinearAlgebra
import Statistics

/// The prediction at one new point x₀, keeping the confidence interval of the mean apart from the
/// prediction interval of a new observation, as statsmodels
/// `results.get_prediction(x₀).summary_frame(alpha)` does (columns `mean, mean_se, mean_ci_lower,
/// mean_ci_upper, obs_ci_lower, obs_ci_upper`).
///
/// With ν = n − p residual degrees of freedom and t = t_ν quantile at (1 + level)/2:
/// - mean ŷ₀ = x₀ᵀβ̂;
/// - meanSE = √Var(ŷ₀) = √(σ̂² x₀ᵀ(XᵀWX)⁻¹x₀), the uncertainty of the fitted line at x₀;
/// - obsSE = √(Var(ŷ₀) + σ̂²/w₀), adding the variance of a new observation with weight w₀ (1 unless
///   given: the statsmodels default for an explicit `exog`);
/// - mean interval ŷ₀ ± t·meanSE, observation interval ŷ₀ ± t·obsSE.
///
/// Reference: Seber & Lee, *Linear Regression Analysis*, 2nd ed. (2003), ch. 5 (interval estimation);
/// statsmodels `regression._prediction.get_prediction`.
public struct Prediction: Sendable, Equatable {
    /// ŷ₀ = x₀ᵀβ̂.
    public let mean: Double
    /// Standard error of the mean, σ̂ √(x₀ᵀ(XᵀWX)⁻¹x₀).
    public let meanSE: Double
    /// Standard error of a new observation, √(meanSE² + σ̂²/w₀).
    public let obsSE: Double
    /// One interval pair per requested level, in the order requested.
    public let intervals: [PredictionInterval]

    /// The intervals at `level`, if it was requested.
    public func interval(level: Double) -> PredictionInterval? {
        intervals.first { $0.level == level }
    }
}

/// The confidence interval of the mean and the prediction interval of a new observation at one level.
public struct PredictionInterval: Sendable, Equatable {
    /// Coverage, e.g. 0.95 (statsmodels alpha = 1 − level).
    public let level: Double
    /// ŷ₀ − t·meanSE (statsmodels `mean_ci_lower`).
    public let meanLower: Double
    /// ŷ₀ + t·meanSE (`mean_ci_upper`).
    public let meanUpper: Double
    /// ŷ₀ − t·obsSE (`obs_ci_lower`).
    public let obsLower: Double
    /// ŷ₀ + t·obsSE (`obs_ci_upper`).
    public let obsUpper: Double
}

// MARK: - Shared by single and batch prediction

enum PredictionSupport {
    /// Checks the new points and weights and returns q₀ = x₀ᵀ(XᵀWX)⁻¹x₀ for every new row.
    static func leverages(newX: Matrix, unscaledCovariance c: Matrix, weights: [Double]?) throws -> [Double] {
        guard newX.rows > 0 else { throw RegressionError.empty("no new points to predict at") }
        guard newX.columns == c.columns else {
            throw RegressionError.shapeMismatch(
                "new points have \(newX.columns) columns but the model has \(c.columns) parameters; "
                    + "build the new rows exactly as the design rows (same columns, same order)")
        }
        for j in 0..<newX.columns {
            for i in 0..<newX.rows where !newX[i, j].isFinite {
                throw RegressionError.nonFinite(what: "new point value \(newX[i, j]) at row \(i), column \(j)")
            }
        }
        if let weights { try LinearModel.validate(weights: weights, rows: newX.rows) }
        // Z = X₀ C (h × p, one dgemm); q₀ᵢ = Σⱼ X₀ᵢⱼ Zᵢⱼ.
        let z = try linearAlgebra { try newX.multiplied(by: c) }
        return (0..<newX.rows).map { i in
            var sum = 0.0
            for j in 0..<newX.columns { sum += newX[i, j] * z[i, j] }
            return max(sum, 0)
        }
    }

    /// t quantiles at (1 + level)/2 for ν degrees of freedom, one per level.
    static func tQuantiles(levels: [Double], degreesOfFreedom: Int) throws -> [Double] {
        for level in levels where !(level > 0 && level < 1) { throw RegressionError.invalidLevel(level) }
        let t: StudentT
        do {
            t = try StudentT(degreesOfFreedom: Double(degreesOfFreedom))
        } catch {
            throw RegressionError.distribution("\(error)")
        }
        return levels.map { t.quantile((1 + $0) / 2) }
    }
}

extension RegressionFit {
    /// Predicts at new points with standard errors and intervals (formulas on `Prediction`).
    ///
    /// - Parameters:
    ///   - newX: h × p, rows built like the design rows (including the intercept column).
    ///   - weights: weights w₀ of the new observations for the observation interval; `nil` means 1 for
    ///     every row, the statsmodels default when `exog` is given (even for a WLS fit).
    ///   - levels: coverage levels in (0, 1); default 80 % and 95 %, the pair forecasters usually show
    ///     (fan charts in Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*).
    /// - Returns: one `Prediction` per row of `newX`.
    /// - Throws: `RegressionError.empty`, `.shapeMismatch`, `.nonFinite`, `.invalidWeight`, `.invalidLevel`.
    /// - Complexity: O(h·p²).
    public func predict(at newX: Matrix, weights newWeights: [Double]? = nil,
                        levels: [Double] = [0.8, 0.95]) throws -> [Prediction] {
        let q = try PredictionSupport.leverages(newX: newX, unscaledCovariance: unscaledCovariance,
                                                weights: newWeights)
        let t = try PredictionSupport.tQuantiles(levels: levels, degreesOfFreedom: degreesOfFreedom)
        let means = try linearAlgebra { try newX.multiplied(by: coefficients) }
        let sigma2 = sigma * sigma
        return means.indices.map { i in
            let meanSE = (sigma2 * q[i]).squareRoot()
            let obsSE = (sigma2 * q[i] + sigma2 / (newWeights?[i] ?? 1)).squareRoot()
            let mean = means[i]
            let intervals = zip(levels, t).map { level, ti in
                PredictionInterval(level: level, meanLower: mean - ti * meanSE, meanUpper: mean + ti * meanSE,
                                   obsLower: mean - ti * obsSE, obsUpper: mean + ti * obsSE)
            }
            return Prediction(mean: mean, meanSE: meanSE, obsSE: obsSE, intervals: intervals)
        }
    }
}
