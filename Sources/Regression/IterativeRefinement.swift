import LinearAlgebra

/// Iterative refinement of least-squares coefficients with residuals computed in double-double
/// arithmetic.
///
/// A backward-stable solver (QR or SVD) leaves a forward error of order κ(X)·ε + κ(X)²·ε·‖r‖/(‖X‖‖β‖)
/// (Golub & Van Loan, *Matrix Computations*, ch. 5): when the residual r is large — NIST `Wampler4`,
/// `Wampler5` — the second term costs 3–4 digits. One or two correction steps
///
///     g = XᵀW(y − Xβ)          (residual and gradient in double-double, ≈ 32 digits)
///     δ = (XᵀWX)⁻¹ g           (the inverse from the QR factor, already needed for the covariance)
///     β ← β + δ
///
/// remove that term whenever κ²ε < 1, because the gradient is exact to working precision (Björck,
/// *Numerical Methods for Least Squares Problems*, SIAM 1996, on iterative refinement; Higham,
/// *Accuracy and Stability of Numerical Algorithms*, 2nd ed. 2002, ch. 20). A step is kept only if it
/// lowers the weighted RSS evaluated in double-double, so refinement never makes a fit worse — for a
/// very ill-conditioned design (κ²ε ≥ 1, e.g. NIST `Filip`) the steps are simply rejected.
///
/// - Complexity: O(n·p) per step with ≈ 20 flops per multiply–add; at most `maxSteps` steps.
enum IterativeRefinement {
    /// The refined coefficients with their residuals and weighted RSS (both from double-double residuals).
    struct Result {
        var coefficients: [Double]
        var residuals: [Double]
        var rss: Double
    }

    /// Refines β for one response.
    /// - Parameters:
    ///   - x: the (unweighted, unscaled) design X.
    ///   - y: the response, `n` values starting at `yOffset` in `response`.
    ///   - weights: WLS weights or `nil`.
    ///   - beta: the solver's coefficients.
    ///   - inverseGram: (XᵀWX)⁻¹, p × p.
    static func refine(x: Matrix, response: [Double], yOffset: Int = 0, weights: [Double]?, beta: [Double],
                       inverseGram: Matrix, maxSteps: Int = 3) -> Result {
        let n = x.rows, p = x.columns
        var current = beta
        var state = residualState(x: x, response: response, yOffset: yOffset, weights: weights, beta: current)
        var step = 0
        while step < maxSteps {
            step += 1
            // g = Xᵀ W r in double-double, rounded once at the end.
            var g = [Double](repeating: 0, count: p)
            for j in 0..<p {
                var sum = DoubleDouble.zero
                for i in 0..<n {
                    var xi = DoubleDouble(x[i, j])
                    if let weights { xi = DoubleDouble(product: weights[i], x[i, j]) }
                    sum = sum + xi * state.residuals[i]
                }
                g[j] = sum.value
            }
            var delta = [Double](repeating: 0, count: p)
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<p { sum += inverseGram[j, k] * g[k] }
                delta[j] = sum
            }
            let candidate = zip(current, delta).map { $0 + $1 }
            let next = residualState(x: x, response: response, yOffset: yOffset, weights: weights, beta: candidate)
            guard next.rss < state.rss else { break }
            current = candidate
            state = next
            let converged = zip(delta, current).allSatisfy { $0.magnitude <= Double.ulpOfOne * $1.magnitude }
            if converged { break }
        }
        return Result(coefficients: current, residuals: state.residuals.map(\.value), rss: state.rss.value)
    }

    /// rᵢ = yᵢ − xᵢᵀβ and Σ wᵢ rᵢ², in double-double.
    private static func residualState(x: Matrix, response: [Double], yOffset: Int, weights: [Double]?,
                                      beta: [Double]) -> (residuals: [DoubleDouble], rss: DoubleDouble) {
        let n = x.rows, p = x.columns
        var residuals = [DoubleDouble](repeating: .zero, count: n)
        var rss = DoubleDouble.zero
        for i in 0..<n {
            var r = DoubleDouble(response[yOffset + i])
            for k in 0..<p { r = r - DoubleDouble(product: x[i, k], beta[k]) }
            residuals[i] = r
            let square = r * r
            rss = rss + (weights.map { DoubleDouble($0[i]) * square } ?? square)
        }
        return (residuals, rss)
    }
}

// MARK: - Double-double arithmetic

/// An unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2: about 32 significant digits, built on the
/// error-free transformations TwoSum (Knuth) and TwoProduct via fused multiply–add (Ogita, Rump &
/// Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6), 2005).
struct DoubleDouble: Comparable {
    var hi: Double
    var lo: Double

    static let zero = DoubleDouble(0)

    init(_ value: Double) { hi = value; lo = 0 }

    private init(hi: Double, lo: Double) { self.hi = hi; self.lo = lo }

    /// a·b exactly, as hi + lo.
    init(product a: Double, _ b: Double) {
        let p = a * b
        self.init(hi: p, lo: (-p).addingProduct(a, b))
    }

    /// The nearest double.
    var value: Double { hi + lo }

    /// s + e exactly for |s| ≥ |e| (FastTwoSum).
    private static func normalised(_ s: Double, _ e: Double) -> DoubleDouble {
        let hi = s + e
        return DoubleDouble(hi: hi, lo: e - (hi - s))
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = a.hi + b.hi
        let bb = s - a.hi
        let e = (a.hi - (s - bb)) + (b.hi - bb) + a.lo + b.lo
        return normalised(s, e)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(hi: -a.hi, lo: -a.lo) }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = DoubleDouble(product: a.hi, b.hi)
        return normalised(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
    }

    static func < (a: DoubleDouble, b: DoubleDouble) -> Bool {
        let d = a - b
        return d.hi < 0 || (d.hi == 0 && d.lo < 0)
    }
}
