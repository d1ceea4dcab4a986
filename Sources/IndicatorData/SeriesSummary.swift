// MARK: - Per-series summary (for `chitieu data check`)

/// A year-to-year change flagged by the modified z-score.
public struct Outlier: Sendable, Hashable, Codable {
    /// The later year of the flagged change (the change is from the previous observed year to this one).
    public var year: Int
    public var previousYear: Int
    public var value: Double
    public var previousValue: Double
    /// Modified z-score of the change per year.
    public var score: Double
}

/// What `data check` reports for one series.
public struct SeriesSummary: Sendable, Hashable, Codable {
    public var key: SeriesKey
    public var unit: String
    public var count: Int
    public var firstYear: Int
    public var lastYear: Int
    /// Years inside `firstYear...lastYear` without an observation.
    public var gaps: [Int]
    public var outliers: [Outlier]
}

extension SeriesSummary {
    /// Summarises a series (nil when it has no observation).
    public init?(_ series: Series) {
        guard let first = series.firstYear, let last = series.lastYear else { return nil }
        let present = Set(series.years)
        self.init(key: series.key, unit: series.unit, count: series.count, firstYear: first, lastYear: last,
                  gaps: (first...last).filter { !present.contains($0) },
                  outliers: ModifiedZScore.outlyingChanges(series))
    }
}

// MARK: - Modified z-score

/// Outlier screening by the modified z-score of Iglewicz & Hoaglin (1993), "How to Detect and Handle
/// Outliers", ASQC Basic References in Quality Control vol. 16, §3:
///
///     M_i = 0.6745 · (x_i − median(x)) / MAD,   MAD = median(|x_i − median(x)|)
///
/// with |M_i| > 3.5 flagged (their recommended cut-off; 0.6745 = Φ⁻¹(0.75) makes MAD consistent with σ
/// for normal data).
///
/// chitieu applies it to **first differences per year**, d_i = (x_i − x_{i−1}) / (t_i − t_{i−1}), not to
/// levels: a trending series (U5MR falling from 50 to 20) has no outlying level, yet a one-year spike or a
/// level break (a survey change) shows as an outlying change. A spike produces two flagged changes of
/// opposite sign; a break produces one. Differences are divided by the year gap so a gap does not look
/// like a jump. Needs at least 5 differences. When MAD = 0 (more than half the changes identical, common
/// for rounded coverage figures) the score uses the mean absolute deviation instead,
/// M_i = (x_i − median) / (1.253314 · MeanAD) (1.253314 = √(π/2) makes MeanAD consistent with σ for
/// normal data; the fallback IBM documents for its modified z-score); if that is 0 too, nothing is flagged.
public enum ModifiedZScore {
    /// The |M| cut-off (Iglewicz & Hoaglin 1993).
    public static let threshold = 3.5
    /// Φ⁻¹(0.75).
    public static let consistency = 0.6745
    /// Fewest differences for which the screen runs.
    public static let minimumDifferences = 5

    /// √(π/2): consistency constant of the mean absolute deviation, used when MAD = 0.
    public static let meanDeviationConsistency = 1.253314

    /// Modified z-scores of `values` (nil when fewer than 3 values or all values equal).
    public static func scores(_ values: [Double]) -> [Double]? {
        guard values.count >= 3 else { return nil }
        let med = median(values)
        let deviations = values.map { abs($0 - med) }
        let mad = median(deviations)
        if mad > 0 { return values.map { consistency * ($0 - med) / mad } }
        let meanAD = deviations.reduce(0, +) / Double(deviations.count)
        guard meanAD > 0 else { return nil }
        return values.map { ($0 - med) / (meanDeviationConsistency * meanAD) }
    }

    /// Year-to-year changes of `series` whose modified z-score exceeds the threshold.
    public static func outlyingChanges(_ series: Series) -> [Outlier] {
        let obs = series.observations
        guard obs.count >= minimumDifferences + 1 else { return [] }
        var diffs: [Double] = []
        for (a, b) in zip(obs, obs.dropFirst()) {
            diffs.append((b.value - a.value) / Double(b.year - a.year))
        }
        guard let z = scores(diffs) else { return [] }
        var out: [Outlier] = []
        for (i, (a, b)) in zip(obs, obs.dropFirst()).enumerated() where i < z.count && abs(z[i]) > threshold {
            out.append(Outlier(year: b.year, previousYear: a.year, value: b.value, previousValue: a.value,
                               score: z[i]))
        }
        return out
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return .nan }
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
}
