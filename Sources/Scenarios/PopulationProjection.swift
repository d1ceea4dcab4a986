import Foundation
import IndicatorData

/// Population by year for densities per 10,000.
///
/// Two sources:
/// - a given annual growth rate g: `P_t = P₀·(1 + g)^t`;
/// - a log-linear trend fitted by ordinary least squares to an annual population series (for Kon Tum,
///   `population_avg` VN-28): `ln P = α + β·(year − ȳ)`, so `P_t = exp(α + β·(year − ȳ))` and the
///   implied growth rate is e^β − 1. Constant-rate growth is the usual short-horizon assumption for
///   sub-national populations between censuses (UN DESA, "Methods for estimating population", manual X,
///   exponential interpolation/extrapolation).
///
/// Uncertainty: the slope's standard error `se(β) = σ̂/√Σ(year − ȳ)²` (σ̂ on n − 2 degrees of freedom)
/// gives a growth-rate standard deviation for the Monte Carlo; a given growth rate carries the standard
/// deviation the scenario states (0 by default: a stated rate is taken as stated).
public struct PopulationProjection: Sendable, Hashable {
    /// Population in the base year.
    public let base: Double
    public let baseYear: Int
    /// Annual growth rate g (fraction).
    public let growth: Double
    /// Standard deviation of g for the Monte Carlo.
    public let growthSD: Double
    /// How the numbers were obtained, printed with the output.
    public let label: String
    /// "log-linear OLS" for a fitted series, "given" for a stated rate (JSON metadata `population.model`).
    public let model: String
    /// Years and number of points of the fitted series (`nil` for a given rate).
    public let fitWindow: ClosedRange<Int>?
    public let points: Int?

    public init(base: Double, baseYear: Int, growth: Double, growthSD: Double = 0, label: String,
                model: String = "given", fitWindow: ClosedRange<Int>? = nil, points: Int? = nil) {
        self.base = base
        self.baseYear = baseYear
        self.growth = growth
        self.growthSD = growthSD
        self.label = label
        self.model = model
        self.fitWindow = fitWindow
        self.points = points
    }

    /// P_t for t = 0 … horizon (years baseYear … baseYear + horizon) at growth rate `g`.
    public func path(horizon: Int, growth g: Double? = nil) -> [Double] {
        let rate = g ?? growth
        return (0...max(0, horizon)).map { base * Foundation.pow(1 + rate, Double($0)) }
    }

    /// The population in `year` on the central path.
    public func population(in year: Int) -> Double {
        base * Foundation.pow(1 + growth, Double(year - baseYear))
    }

    /// Fits `ln P = α + β·(year − ȳ)` by OLS to `series` and evaluates the line at `baseYear`.
    ///
    /// The base-year population is the fitted value (not the last observation), so the path is one smooth
    /// curve; the label says so.
    /// - Throws: `ScenarioError.population` with fewer than 3 points or a non-positive value.
    public static func logLinear(_ series: Series, baseYear: Int) throws -> PopulationProjection {
        let years = series.years.map(Double.init)
        let values = series.values
        guard values.count >= 3 else {
            throw ScenarioError.population(
                "the population series \(series.key) has \(values.count) point(s); a log-linear projection needs at "
                    + "least 3. Give population: {growth: 0.012} instead, or add data")
        }
        guard values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw ScenarioError.population("the population series \(series.key) has a value ≤ 0; check the data file")
        }
        let n = Double(values.count)
        let meanYear = years.reduce(0, +) / n
        let logs = values.map { Foundation.log($0) }
        let meanLog = logs.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for (x, y) in zip(years, logs) {
            sxx += (x - meanYear) * (x - meanYear)
            sxy += (x - meanYear) * (y - meanLog)
        }
        guard sxx > 0 else {
            throw ScenarioError.population("the population series \(series.key) has a single year; give a growth rate")
        }
        let beta = sxy / sxx
        var rss = 0.0
        for (x, y) in zip(years, logs) {
            let r = y - (meanLog + beta * (x - meanYear))
            rss += r * r
        }
        let sigma = (rss / (n - 2)).squareRoot()
        let seBeta = sigma / sxx.squareRoot()
        let base = Foundation.exp(meanLog + beta * (Double(baseYear) - meanYear))
        let growth = Foundation.exp(beta) - 1
        guard base.isFinite, base <= ScenarioParser.Limits.population.upperBound, growth.isFinite else {
            throw ScenarioError.population(
                "the population series \(series.key) gives a \(baseYear) population of \(format(base.rounded())), "
                    + "more than \(format(ScenarioParser.Limits.population.upperBound)) persons; check the series' values "
                    + "and unit (persons) with `chitieu data check`")
        }
        // Delta method: sd(e^β − 1) ≈ e^β·se(β).
        let first = series.firstYear ?? baseYear, last = series.lastYear ?? baseYear
        let sd = Foundation.exp(beta) * seBeta
        return PopulationProjection(
            base: base, baseYear: baseYear, growth: growth, growthSD: sd,
            label: "population model: log-linear OLS fit to \(series.indicator) \(series.region), window \(first)–\(last) "
                + "(n=\(values.count)): growth \(formatPercent(growth)) a year (SE \(formatPercent(sd))), "
                + "fitted \(baseYear) population \(format(base.rounded()))",
            model: "log-linear OLS", fitWindow: first...last, points: values.count)
    }
}

/// "1.23 %" with two decimals.
func formatPercent(_ fraction: Double) -> String {
    String(format: "%.2f %%", 100 * fraction)
}
