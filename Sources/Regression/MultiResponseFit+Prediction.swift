import LinearAlgebra

/// Predictions of all k series at one new point x₀, as arrays of length k (index = series).
///
/// Everything that depends only on the shared design is computed once: the leverage
/// q₀ = x₀ᵀ(XᵀWX)⁻¹x₀ and the t quantiles. Per series j: ŷ₀ⱼ = x₀ᵀβ̂ⱼ, meanSEⱼ = σ̂ⱼ√q₀,
/// obsSEⱼ = σ̂ⱼ√(q₀ + 1/w₀), and the intervals as on `Prediction`.
public struct BatchPrediction: Sendable, Equatable {
    /// q₀ = x₀ᵀ(XᵀWX)⁻¹x₀, shared by every series.
    public let leverage: Double
    /// ŷ₀ⱼ per series.
    public let mean: [Double]
    /// Standard error of the mean per series.
    public let meanSE: [Double]
    /// Standard error of a new observation per series.
    public let obsSE: [Double]
    /// One interval set per requested level, in the order requested.
    public let intervals: [BatchPredictionInterval]

    /// The intervals at `level`, if it was requested.
    public func interval(level: Double) -> BatchPredictionInterval? {
        intervals.first { $0.level == level }
    }
}

/// Mean and observation intervals of every series at one level.
public struct BatchPredictionInterval: Sendable, Equatable {
    /// Coverage, e.g. 0.95.
    public let level: Double
    /// The t quantile used, t_ν((1 + level)/2).
    public let tQuantile: Double
    public let meanLower: [Double]
    public let meanUpper: [Double]
    public let obsLower: [Double]
    public let obsUpper: [Double]
}

extension MultiResponseFit {
    /// Predicts every series at every new point.
    ///
    /// - Parameters:
    ///   - newX: h × p new rows, built like the design rows.
    ///   - weights: weights of the new observations (h values), 1 when `nil` (statsmodels default).
    ///   - levels: coverage levels in (0, 1), default 80 % and 95 %.
    /// - Returns: h `BatchPrediction`s, each holding arrays of length k.
    /// - Throws: as `RegressionFit.predict(at:weights:levels:)`.
    /// - Complexity: one h × p × k `dgemm` for the means, then O(h·k·(1 + levels)) arithmetic; the
    ///   arrays are allocated once per new point and level, never per series.
    public func predict(at newX: Matrix, weights newWeights: [Double]? = nil,
                        levels: [Double] = [0.8, 0.95]) throws -> [BatchPrediction] {
        let q = try PredictionSupport.leverages(newX: newX, unscaledCovariance: unscaledCovariance,
                                                weights: newWeights)
        let t = try PredictionSupport.tQuantiles(levels: levels, degreesOfFreedom: degreesOfFreedom)
        let means = try linearAlgebra { try newX.multiplied(by: coefficients) }  // h × k
        let h = newX.rows, k = seriesCount
        return (0..<h).map { i in
            let meanFactor = q[i].squareRoot()
            let obsFactor = (q[i] + 1 / (newWeights?[i] ?? 1)).squareRoot()
            var mean = [Double](repeating: 0, count: k)
            var meanSE = [Double](repeating: 0, count: k)
            var obsSE = [Double](repeating: 0, count: k)
            for j in 0..<k {
                mean[j] = means[i, j]
                meanSE[j] = sigma[j] * meanFactor
                obsSE[j] = sigma[j] * obsFactor
            }
            let intervals = zip(levels, t).map { level, ti in
                var meanLower = mean, meanUpper = mean, obsLower = mean, obsUpper = mean
                for j in 0..<k {
                    meanLower[j] -= ti * meanSE[j]
                    meanUpper[j] += ti * meanSE[j]
                    obsLower[j] -= ti * obsSE[j]
                    obsUpper[j] += ti * obsSE[j]
                }
                return BatchPredictionInterval(level: level, tQuantile: ti, meanLower: meanLower,
                                               meanUpper: meanUpper, obsLower: obsLower, obsUpper: obsUpper)
            }
            return BatchPrediction(leverage: q[i], mean: mean, meanSE: meanSE, obsSE: obsSE, intervals: intervals)
        }
    }
}
