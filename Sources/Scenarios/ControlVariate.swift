import IndicatorData
import Projection

/// Monte Carlo estimates of a lever's distribution with business as usual as the control variate.
///
/// Business as usual has an analytic predictive distribution F (the scorecard's) and Monte Carlo draws
/// Y_j ~ F; the lever's draws Y′_j are computed from the same random numbers (common random numbers). The
/// estimators add the paired Monte Carlo difference to the analytic value (control variates with a known
/// mean, coefficient 1; Glasserman, "Monte Carlo Methods in Financial Engineering", 2003, §4.1):
///
///     q̂′(p) = F⁻¹(p) + (q̂_{Y′}(p) − q̂_Y(p)),    P̂′ = P_F + (1/N)·Σ_j (1[Y′_j meets] − 1[Y_j meets])
///
/// with q̂ the type-7 sample quantile and P_F the analytic probability of `Attainment.probability`. Both are
/// consistent; their error is that of the difference, small when the lever is small, and exactly 0 for a
/// lever that changes nothing (Y′ = Y). Because Y′_j ≥ Y_j draw by draw for a lever that adds staff,
/// q̂′ ≥ F⁻¹ and P̂′ ≥ P_F for a "higher is better" target: a lever never looks worse by noise.
/// Standard error of P̂′: √((mean(d²) − mean(d)²)/N), d_j = 1[Y′_j meets] − 1[Y_j meets].
struct ControlVariate: Sendable {
    let predictive: PredictiveDistribution
    /// Business-as-usual draws Y_j (natural scale).
    let control: [Double]
    /// The lever's draws Y′_j, paired with `control`.
    let draws: [Double]
    /// Both sets of draws sorted ascending, NaNs removed (sorted once, for every quantile asked).
    let sortedControl: [Double]
    let sortedDraws: [Double]

    init(predictive: PredictiveDistribution, control: [Double], draws: [Double]) {
        self.predictive = predictive
        self.control = control
        self.draws = draws
        sortedControl = control.filter { !$0.isNaN }.sorted()
        sortedDraws = draws.filter { !$0.isNaN }.sorted()
    }

    /// q̂′(p) = F⁻¹(p) + q̂_{Y′}(p) − q̂_Y(p).
    func quantile(_ p: Double) -> Double {
        guard !sortedDraws.isEmpty, !sortedControl.isEmpty else { return predictive.quantile(p) }
        return predictive.quantile(p)
            + (Scenarios.quantile(sorted: sortedDraws, p) - Scenarios.quantile(sorted: sortedControl, p))
    }

    /// P̂′ (clamped to [0, 1]) and its standard error, from the analytic `bau` probability.
    func probability(bau: Double, meets: (Double) -> Bool) -> (value: Double, standardError: Double) {
        let n = Swift.min(draws.count, control.count)
        guard n > 0 else { return (bau, 0) }
        var sum = 0.0, squares = 0.0
        for j in 0..<n {
            let d = (meets(draws[j]) ? 1.0 : 0.0) - (meets(control[j]) ? 1.0 : 0.0)
            sum += d
            squares += d * d
        }
        let mean = sum / Double(n)
        let variance = Swift.max(0, squares / Double(n) - mean * mean)
        return (Swift.min(1, Swift.max(0, bau + mean)), (variance / Double(n)).squareRoot())
    }
}
