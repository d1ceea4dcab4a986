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
struct IterativeRefinement {
    /// The refined coefficients with their weighted RSS (from double-double residuals).
    struct Result {
        var coefficients: [Double]
        var rss: Double
    }

    private let x: Matrix
    private let weights: [Double]?
    private let inverseGram: Matrix
    private let maxSteps: Int
    /// wᵢ·xᵢⱼ exactly (double-double), n × p column-major; shared by every series.
    private let weightedX: [DoubleDouble]
    // Workspace reused across series (the batch path refines many series on one design).
    private var residuals: [DoubleDouble]
    private var candidateResiduals: [DoubleDouble]
    private var gradient: [Double]
    private var delta: [Double]
    private var candidate: [Double]

    /// - Parameters:
    ///   - x: the (unweighted, unscaled) design X.
    ///   - weights: WLS weights or `nil`.
    ///   - inverseGram: (XᵀWX)⁻¹, p × p.
    ///   - maxSteps: at most this many accepted correction steps (3: each step gains ≈ −log₁₀(κ²ε)
    ///     digits, so two suffice whenever refinement can help at all).
    init(x: Matrix, weights: [Double]?, inverseGram: Matrix, maxSteps: Int = 3) {
        let n = x.rows, p = x.columns
        self.x = x
        self.weights = weights
        self.inverseGram = inverseGram
        self.maxSteps = maxSteps
        var weightedX = [DoubleDouble](repeating: .zero, count: n * p)
        for j in 0..<p {
            for i in 0..<n {
                weightedX[i + j * n] = weights.map { DoubleDouble(product: $0[i], x[i, j]) } ?? DoubleDouble(x[i, j])
            }
        }
        self.weightedX = weightedX
        residuals = [DoubleDouble](repeating: .zero, count: n)
        candidateResiduals = residuals
        gradient = [Double](repeating: 0, count: p)
        delta = gradient
        candidate = gradient
    }

    /// Refines β for one response: `n` values of `response` starting at `offset`.
    /// - Returns: the refined β (the solver's β if no step lowers the RSS), the refined residuals are
    ///   left in `lastResiduals`.
    mutating func refine(response: [Double], offset: Int = 0, beta: [Double]) -> Result {
        let n = x.rows, p = x.columns
        var current = beta
        var rss = evaluate(response: response, offset: offset, beta: current, into: &residuals)
        var step = 0
        while step < maxSteps {
            step += 1
            // g = Xᵀ W r in double-double, rounded once at the end.
            for j in 0..<p {
                var sum = DoubleDouble.zero
                for i in 0..<n { sum = sum + weightedX[i + j * n] * residuals[i] }
                gradient[j] = sum.value
            }
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<p { sum += inverseGram[j, k] * gradient[k] }
                delta[j] = sum
                candidate[j] = current[j] + sum
            }
            let candidateRSS = evaluate(response: response, offset: offset, beta: candidate,
                                        into: &candidateResiduals)
            guard candidateRSS < rss else { break }
            swap(&residuals, &candidateResiduals)
            current = candidate
            rss = candidateRSS
            let converged = (0..<p).allSatisfy { delta[$0].magnitude <= Double.ulpOfOne * current[$0].magnitude }
            if converged { break }
        }
        return Result(coefficients: current, rss: rss.value)
    }

    /// The residuals of the last `refine` call, rounded to double.
    var lastResiduals: [Double] { residuals.map(\.value) }

    /// rᵢ = yᵢ − xᵢᵀβ into `out`, and returns Σ wᵢ rᵢ², all in double-double.
    private func evaluate(response: [Double], offset: Int, beta: [Double],
                          into out: inout [DoubleDouble]) -> DoubleDouble {
        let n = x.rows, p = x.columns
        var rss = DoubleDouble.zero
        for i in 0..<n {
            var r = DoubleDouble(response[offset + i])
            for k in 0..<p { r = r - DoubleDouble(product: x[i, k], beta[k]) }
            out[i] = r
            let square = r * r
            rss = rss + (weights.map { DoubleDouble($0[i]) * square } ?? square)
        }
        return rss
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
