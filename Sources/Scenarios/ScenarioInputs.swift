import IndicatorData
import Projection

/// The data a scenario runs on, loaded by the caller (the CLI reads the files and fits the trends exactly as
/// `chitieu attain` does; tests build it in code).
public struct ScenarioInputs: Sendable {
    /// Catalogue entries by indicator code.
    public var catalogue: [String: Indicator]
    /// The region's observed series by indicator code (start values of levers, the population series).
    public var series: [String: Series]
    /// Business-as-usual fits by indicator code (from Projection's `PlanProjector`, as the scorecard).
    public var fits: [String: TrendFit]
    /// Why an indicator has no fit (printed as "assessment not possible: <reason>").
    public var unassessable: [String: String]
    /// The plan's targets.
    public var targets: [Target]
    /// The observed baseline per indicator (the plan's 2023 column, else the latest observation), to judge
    /// "already met" as the scorecard does. An indicator not listed uses its series' value in base_year.
    public var baselines: [String: Observation]

    public init(catalogue: [String: Indicator], series: [String: Series], fits: [String: TrendFit],
                unassessable: [String: String] = [:], targets: [Target], baselines: [String: Observation] = [:]) {
        self.catalogue = catalogue
        self.series = series
        self.fits = fits
        self.unassessable = unassessable
        self.targets = targets
        self.baselines = baselines
    }

    /// Every target of the region (numeric, conditional, qualitative, no-target), by indicator.
    func regionTargets(region: String) -> [String: [Target]] {
        var out: [String: [Target]] = [:]
        for t in targets where t.region == region {
            out[t.indicator, default: []].append(t)
        }
        return out
    }

    /// The baseline value for "already met": `baselines`, else the series' value in `year`.
    func baseline(_ code: String, year: Int) -> Double? {
        baselines[code]?.value ?? series[code]?.value(in: year)
    }
}
