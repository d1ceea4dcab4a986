import IndicatorData
import Projection

/// The data a scenario runs on, loaded by the caller (the CLI reads the files; tests build it in code).
public struct ScenarioInputs: Sendable {
    /// Catalogue entries by indicator code.
    public var catalogue: [String: Indicator]
    /// The region's observed series by indicator code (start values of levers, the population series).
    public var series: [String: Series]
    /// Business-as-usual fits by indicator code (from Projection's fitter or planner).
    public var fits: [String: TrendFit]
    /// Why an indicator has no fit (printed instead of a projection).
    public var unassessable: [String: String]
    /// The plan's targets.
    public var targets: [Target]

    public init(catalogue: [String: Indicator], series: [String: Series], fits: [String: TrendFit],
                unassessable: [String: String] = [:], targets: [Target]) {
        self.catalogue = catalogue
        self.series = series
        self.fits = fits
        self.unassessable = unassessable
        self.targets = targets
    }

    /// Numeric targets (level, strict, hold) of the region, by indicator.
    func numericTargets(region: String) -> [String: [Target]] {
        var out: [String: [Target]] = [:]
        for t in targets where t.region == region && t.value != nil && t.comparator != nil
            && [.level, .strict, .hold].contains(t.kind) {
            out[t.indicator, default: []].append(t)
        }
        return out
    }
}
