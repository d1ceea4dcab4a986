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
/// for normal data). Written as M_i = (x_i − median) / σ̂ with σ̂ = MAD / 0.6745.
///
/// chitieu applies it to **first differences per year**, d_i = (x_i − x_{i−1}) / (t_i − t_{i−1}), not to
/// levels: a trending series (U5MR falling from 50 to 20) has no outlying level, yet a one-year spike or a
/// level break (a survey change) shows as an outlying change. A spike produces two flagged changes of
/// opposite sign; a break produces one. Differences are divided by the year gap so a gap does not look
/// like a jump. Needs at least 5 differences.
///
/// Two guards keep a smooth series from scoring like a jump (7.2, 7.4, …, 8.8, 8.9 once gave the last change
/// M = −7.6·10¹³, because binary floating point made the MAD of its changes 8.9·10⁻¹⁶ instead of 0):
/// - **MAD zero or rounding noise** (MAD ≤ 10⁻⁹ × the series scale max|x|): the mean absolute deviation
///   is used instead, σ̂ = 1.253314 · MeanAD (1.253314 = √(π/2) makes MeanAD consistent with σ for normal
///   data; the fallback IBM SPSS documents for its modified z-score, after Iglewicz & Hoaglin).
/// - **A floor relative to the series scale**: σ̂ is never below the spread that rounding alone creates.
///   Values published to a quantum q (0.1 for one decimal) carry a rounding error uniform on ±q/2, SD
///   q/√12, so a difference of two carries SD q/√6; σ̂ ≥ that floor means a change of one quantum can never
///   score beyond |M| = √6 ≈ 2.45. The quantum is read from the values (the finest decimal place used, at
///   most 10⁻⁶ relative to the scale).
/// If σ̂ is still 0 (all values equal), nothing is scored.
public enum ModifiedZScore {
    /// The |M| cut-off (Iglewicz & Hoaglin 1993).
    public static let threshold = 3.5
    /// Φ⁻¹(0.75).
    public static let consistency = 0.6745
    /// Fewest differences for which the screen runs.
    public static let minimumDifferences = 5

    /// √(π/2): consistency constant of the mean absolute deviation, used when MAD is zero or noise.
    public static let meanDeviationConsistency = 1.253314

    /// A MAD at or below this fraction of the series scale is floating-point noise, treated as 0.
    public static let relativeNoise = 1e-9

    /// Modified z-scores of `values` (nil when fewer than 3 values or no spread at all).
    ///
    /// - Parameters:
    ///   - values: the numbers to score (levels, residuals or changes).
    ///   - scale: magnitude of the series the values come from, for the noise test (default max|x|).
    ///   - floor: smallest σ̂ allowed (default 0; `outlyingChanges` passes the rounding floor q/√6).
    public static func scores(_ values: [Double], scale: Double? = nil, floor: Double = 0) -> [Double]? {
        guard values.count >= 3 else { return nil }
        let med = median(values)
        let deviations = values.map { abs($0 - med) }
        let mad = median(deviations)
        let size = scale ?? values.map(abs).max() ?? 0
        var sigma: Double
        if mad > relativeNoise * size {
            sigma = mad / consistency
        } else {
            let meanAD = deviations.reduce(0, +) / Double(deviations.count)
            sigma = meanAD > relativeNoise * size ? meanDeviationConsistency * meanAD : 0
        }
        sigma = Swift.max(sigma, floor)
        guard sigma > 0, sigma.isFinite else { return nil }
        return values.map { ($0 - med) / sigma }
    }

    /// The publication quantum of `values`: 10⁻ᵏ for the finest decimal place k (0…6) any of them uses,
    /// e.g. 0.1 for 7.2, 7.4, 8.9 and 1 for counts. Never below 10⁻⁶ × max|x| (derived values carry many
    /// digits; their quantum is then negligible against the series scale).
    public static func quantum(_ values: [Double]) -> Double {
        let size = values.map(abs).max() ?? 0
        var finest = 0
        for x in values where x.isFinite {
            var k = 0
            var step = 1.0
            while k < 6 {
                if abs(x - (x / step).rounded() * step) <= 1e-9 * Swift.max(1, abs(x)) { break }
                k += 1
                step /= 10
            }
            finest = Swift.max(finest, k)
        }
        var q = 1.0
        for _ in 0..<finest { q /= 10 }
        return Swift.max(q, 1e-6 * size)
    }

    /// Year-to-year changes of `series` whose modified z-score exceeds the threshold.
    public static func outlyingChanges(_ series: Series) -> [Outlier] {
        let obs = series.observations
        guard obs.count >= minimumDifferences + 1 else { return [] }
        var diffs: [Double] = []
        for (a, b) in zip(obs, obs.dropFirst()) {
            diffs.append((b.value - a.value) / Double(b.year - a.year))
        }
        let levels = obs.map(\.value)
        let floor = quantum(levels) / 6.0.squareRoot()
        guard let z = scores(diffs, scale: levels.map(abs).max(), floor: floor) else { return [] }
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
