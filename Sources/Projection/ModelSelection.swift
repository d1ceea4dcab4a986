import Foundation
import IndicatorData

/// One candidate (scale, window) scored by a leave-last-k-out backtest.
public struct CandidateScore: Sendable, Hashable {
    public let scale: ModelScale
    public let windowStart: Int
    /// Mean absolute scaled error of the k held-out years (Hyndman & Koehler 2006), scaled by the in-sample
    /// mean absolute one-step naive error.
    public let mase: Double
    /// Share of held-out years inside the 80 % prediction interval.
    public let coverage80: Double
}

/// The outcome of `auto`: the chosen options and the reason, in words.
public struct ModelChoice: Sendable {
    public let options: TrendOptions
    public let reason: String
    public let candidates: [CandidateScore]
}

/// Chooses the model scale and fit window by a leave-last-k-out backtest (`--model auto`).
///
/// For each candidate scale valid for the indicator (linear, log when all values are positive, logit when
/// the indicator is bounded) and window start (all data, last 15 and last 10 years), fit on all but the last
/// k years, forecast them, and score MASE (lower is better). The lowest MASE wins; candidates within 2 % of
/// the best prefer the catalogue's default scale and then the longer window (more data, steadier slope).
/// With too few points for a backtest the catalogue default is kept and the reason says so.
public enum ModelSelection {
    public static func choose(series: Series, indicator: Indicator?, base: TrendOptions, holdOut k: Int = 3)
        -> ModelChoice {
        let defaultScale = base.scale ?? indicator?.scale ?? .linear
        guard series.count >= base.minimumPoints + k + 1, let last = series.lastYear, let first = series.firstYear
        else {
            var options = base
            options.scale = defaultScale
            return ModelChoice(options: options, reason: "series too short for a backtest (\(series.count) points, "
                + "need \(base.minimumPoints + k + 1)); kept the catalogue default \(defaultScale.rawValue)",
                               candidates: [])
        }
        var scales: [ModelScale] = [.linear]
        if series.values.allSatisfy({ $0 > 0 }) { scales.append(.log) }
        if let l = indicator?.lowerBound, let u = indicator?.upperBound,
           series.values.allSatisfy({ $0 > l && $0 < u }) { scales.append(.logit) }
        let starts = Array(Set([first, max(first, last - 14), max(first, last - 9)])).sorted()
        let train = series.window(first...(last - k))
        let test = series.observations.filter { $0.year > last - k }
        let naive = zip(train.values.dropFirst(), train.values).map { abs($0 - $1) }
        let scaleDenominator = naive.isEmpty ? 1 : max(naive.reduce(0, +) / Double(naive.count), 1e-12)
        var scores: [CandidateScore] = []
        for scale in scales {
            for start in starts {
                var options = base
                options.scale = scale
                options.window = start...(last - k)
                options.calibration = .none
                guard let fit = try? TrendFitter.fit(train, indicator: indicator, options: options) else { continue }
                var errors = 0.0
                var inside = 0
                for observation in test {
                    let p = fit.predictive(year: observation.year)
                    errors += abs(observation.value - p.median)
                    let pi = p.predictionInterval(level: 0.8)
                    if observation.value >= pi.lower && observation.value <= pi.upper { inside += 1 }
                }
                let mase = errors / Double(max(test.count, 1)) / scaleDenominator
                scores.append(CandidateScore(scale: scale, windowStart: start, mase: mase,
                                             coverage80: Double(inside) / Double(max(test.count, 1))))
            }
        }
        guard let best = scores.min(by: { $0.mase < $1.mase }) else {
            var options = base
            options.scale = defaultScale
            return ModelChoice(options: options, reason: "no candidate could be fitted; kept \(defaultScale.rawValue)",
                               candidates: [])
        }
        let nearBest = scores.filter { $0.mase <= best.mase * 1.02 }
        let chosen = nearBest.sorted {
            ($0.scale == defaultScale ? 0 : 1, $0.windowStart) < ($1.scale == defaultScale ? 0 : 1, $1.windowStart)
        }.first ?? best
        var options = base
        options.scale = chosen.scale
        options.window = chosen.windowStart...last
        let reason = "leave-last-\(k)-out backtest over \(scores.count) candidates: \(chosen.scale.rawValue) from "
            + "\(chosen.windowStart) has MASE \(String(format: "%.2f", chosen.mase)) (best \(String(format: "%.2f", best.mase))), "
            + "80 % coverage \(Int((chosen.coverage80 * 100).rounded())) % of \(k) held-out years"
        return ModelChoice(options: options, reason: reason, candidates: scores)
    }
}
