import Foundation
import IndicatorData
import Statistics

// MARK: - Interval scores

/// Scores of one method on a group of held-out points (model scale unless stated).
public struct BacktestScore: Sendable, Hashable {
    public var method: BacktestMethod
    public var group: String
    /// Lead time, or nil for all lead times.
    public var leadTime: Int?
    public var count: Int
    public var coverage80: Double
    public var coverage95: Double
    public var width80: Double
    public var width95: Double
    /// Mean width of the 80 % interval on the natural scale.
    public var naturalWidth80: Double
    /// Winkler (1972) interval score, α = 0.2 and 0.05: (u − l) + (2/α)·(l − y)⁺ + (2/α)·(y − u)⁺.
    public var winkler80: Double
    public var winkler95: Double
    /// Mean |error| of the point forecast scaled by the series' in-sample mean |Δz| (MASE, Hyndman &
    /// Koehler 2006) and by the in-sample mean |Δz − d̄| (scaled against the drift model).
    public var maseNaive: Double
    public var maseDrift: Double
}

/// One bin of a reliability table: forecasts with p in [lower, upper).
public struct ReliabilityBin: Sendable, Hashable {
    public var method: BacktestMethod
    public var lower: Double
    public var upper: Double
    public var count: Int
    public var meanProbability: Double
    public var observedFrequency: Double
}

/// Brier score and reliability table of P(attain) for synthetic targets.
public struct ReliabilityReport: Sendable, Hashable {
    public var method: BacktestMethod
    public var count: Int
    public var brier: Double
    public var bins: [ReliabilityBin]
    /// Largest |observed − mean p| over bins with at least `minimumBinCount` forecasts.
    public var worstGap: Double
}

extension Backtest {
    static func interval(_ f: ScaledForecast, level: Double) -> (Double, Double) {
        let q = tQuantile(0.5 + level / 2, f.degreesOfFreedom)
        return (f.location - q * f.scale, f.location + q * f.scale)
    }

    static func winkler(_ l: Double, _ u: Double, _ y: Double, alpha: Double) -> Double {
        (u - l) + (2 / alpha) * max(0, l - y) + (2 / alpha) * max(0, y - u)
    }

    /// Scores per method, per group (family or indicator) and lead time, plus "all" rows.
    /// - Parameter byIndicator: group by indicator code instead of family.
    public static func scores(_ points: [BacktestPoint], byIndicator: Bool = false, perLeadTime: Bool = true)
        -> [BacktestScore] {
        scores(points, perLeadTime: perLeadTime) { byIndicator ? $0.key.indicator : $0.family }
    }

    /// Scores per method, per group given by `group`, and lead time, plus "all" rows.
    public static func scores(_ points: [BacktestPoint], perLeadTime: Bool = true,
                              group: (BacktestPoint) -> String) -> [BacktestScore] {
        var out: [BacktestScore] = []
        let groups = Dictionary(grouping: points, by: group)
        let groupNames = ["all"] + groups.keys.sorted()
        let leads = perLeadTime ? [nil] + Set(points.map(\.leadTime)).sorted().map { Optional($0) } : [nil]
        for method in BacktestMethod.allCases {
            for name in groupNames {
                let members = name == "all" ? points : (groups[name] ?? [])
                for lead in leads {
                    let selected = members.filter { lead == nil || $0.leadTime == lead }
                    if let s = score(selected, method: method, group: name, leadTime: lead) { out.append(s) }
                }
            }
        }
        return out
    }

    static func score(_ points: [BacktestPoint], method: BacktestMethod, group: String, leadTime: Int?)
        -> BacktestScore? {
        var n = 0, in80 = 0, in95 = 0
        var w80 = 0.0, w95 = 0.0, nat80 = 0.0, wk80 = 0.0, wk95 = 0.0
        var maseN = 0.0, nN = 0, maseD = 0.0, nD = 0
        for p in points {
            guard let f = p.forecasts[method], f.scale.isFinite else { continue }
            let y = p.observedModel
            let (l80, u80) = interval(f, level: 0.8), (l95, u95) = interval(f, level: 0.95)
            n += 1
            if y >= l80 && y <= u80 { in80 += 1 }
            if y >= l95 && y <= u95 { in95 += 1 }
            w80 += u80 - l80
            w95 += u95 - l95
            nat80 += p.transform.inverse(u80) - p.transform.inverse(l80)
            wk80 += winkler(l80, u80, y, alpha: 0.2)
            wk95 += winkler(l95, u95, y, alpha: 0.05)
            let e = abs(y - f.location)
            if p.naiveScale > 0 { maseN += e / p.naiveScale; nN += 1 }
            if p.driftScale > 0 { maseD += e / p.driftScale; nD += 1 }
        }
        guard n > 0 else { return nil }
        let c = Double(n)
        return BacktestScore(method: method, group: group, leadTime: leadTime, count: n,
                             coverage80: Double(in80) / c, coverage95: Double(in95) / c, width80: w80 / c,
                             width95: w95 / c, naturalWidth80: nat80 / c, winkler80: wk80 / c, winkler95: wk95 / c,
                             maseNaive: nN > 0 ? maseN / Double(nN) : .nan, maseDrift: nD > 0 ? maseD / Double(nD) : .nan)
    }

    // MARK: - P(attain) reliability

    /// Synthetic targets per held-out point: "below the value at the origin − 10 %" and "above the value at
    /// the origin + 10 %" (relative, natural scale). P = the forecast's cdf / survival at the target; the
    /// outcome is whether the observed value met it. Brier (1950) score and a 10-bin reliability table.
    public static func reliability(_ points: [BacktestPoint], method: BacktestMethod, change: Double = 0.10,
                                   minimumBinCount: Int = 20) -> ReliabilityReport {
        var pairs: [(p: Double, o: Double)] = []
        for point in points {
            guard let f = point.forecasts[method], point.originValue.isFinite else { continue }
            let d = f.distribution(year: point.year, transform: point.transform)
            let below = point.originValue * (1 - change), above = point.originValue * (1 + change)
            let pBelow = d.cdf(below), pAbove = d.survival(above)
            if pBelow.isFinite { pairs.append((pBelow, point.observed < below ? 1 : 0)) }
            if pAbove.isFinite { pairs.append((pAbove, point.observed > above ? 1 : 0)) }
        }
        var bins: [ReliabilityBin] = []
        var worst = 0.0
        for b in 0..<10 {
            let lo = Double(b) / 10, hi = Double(b + 1) / 10
            let members = pairs.filter { $0.p >= lo && ($0.p < hi || (b == 9 && $0.p <= 1)) }
            guard !members.isEmpty else { continue }
            let m = Double(members.count)
            let meanP = members.map(\.p).reduce(0, +) / m, freq = members.map(\.o).reduce(0, +) / m
            bins.append(ReliabilityBin(method: method, lower: lo, upper: hi, count: members.count,
                                       meanProbability: meanP, observedFrequency: freq))
            if members.count >= minimumBinCount { worst = max(worst, abs(freq - meanP)) }
        }
        let brier = pairs.isEmpty ? .nan
            : pairs.map { ($0.p - $0.o) * ($0.p - $0.o) }.reduce(0, +) / Double(pairs.count)
        return ReliabilityReport(method: method, count: pairs.count, brier: brier, bins: bins, worstGap: worst)
    }
}
