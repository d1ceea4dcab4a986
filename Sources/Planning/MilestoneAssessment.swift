import Attainment
import IndicatorData
import Projection
import Scenarios

// MARK: - The one result schema

/// Which milestone a result is about: indicator, region, target year, and the scenario (nil = the plan's
/// assessment, which is business as usual). Results are joined on this key, never on formatted strings.
public struct MilestoneKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var indicator: String
    public var region: String
    public var year: Int
    public var scenario: String?

    public init(indicator: String, region: String, year: Int, scenario: String? = nil) {
        self.indicator = indicator
        self.region = region
        self.year = year
        self.scenario = scenario
    }

    /// The same milestone in another scenario (nil = the plan).
    public func inScenario(_ name: String?) -> MilestoneKey {
        MilestoneKey(indicator: indicator, region: region, year: year, scenario: name)
    }

    public static func < (a: MilestoneKey, b: MilestoneKey) -> Bool {
        (a.scenario ?? "", a.region, a.indicator, a.year) < (b.scenario ?? "", b.region, b.indicator, b.year)
    }

    public var description: String {
        "\(indicator) \(region) \(year)" + (scenario.map { " (\($0))" } ?? "")
    }
}

/// How a milestone's distribution is known: the predictive distribution kept whole (plan and batch
/// assessments, and business as usual in a scenario run), or a scenario's distribution (its lever's
/// predictive clamped to the caps, or the quantile grid of seeded Monte Carlo draws for stock-flow resources
/// and capped targets).
public enum MilestoneDistribution: Sendable {
    /// The predictive distribution of the trend; any level's interval and any comparator's probability can
    /// be asked of it.
    case analytic(PredictiveDistribution)
    /// A scenario's distribution (`ScenarioQuantiles`): intervals at any level up to 99 %.
    case scenario(ScenarioQuantiles)
}

/// One milestone of one indicator for one region (and scenario): every number the commands print is read
/// from here. It keeps the predictive distribution where one exists (as statsmodels keeps a prediction
/// object and answers `summary_frame(alpha)` of it), so an interval at any level is computed on demand.
public struct MilestoneAssessment: Sendable {
    public var key: MilestoneKey
    public var planRow: String
    /// The target as printed in the plan, its number, comparator (resolved from the direction) and kind.
    public var targetText: String
    public var target: Double?
    public var comparator: Comparator?
    public var kind: TargetKind
    public var status: AttainmentStatus
    /// nil: no projection (the status says why).
    public var distribution: MilestoneDistribution?
    /// P(attain) and its Monte Carlo standard error (nil when analytic).
    public var probability: Double?
    public var probabilitySE: Double?
    /// chitieu's verdict, from P(attain) only (`ChitieuVerdict.classify`).
    public var verdict: ChitieuVerdict
    /// Whether the latest observation already meets the target: a status, never the verdict.
    public var metAtBaseline: Bool?
    /// Projection method ("own-trend", "national-slope-shift(VN)", "stock-flow", …), model and window.
    public var method: String
    public var model: String
    public var window: String

    public init(key: MilestoneKey, planRow: String, targetText: String, target: Double?, comparator: Comparator?,
                kind: TargetKind, status: AttainmentStatus, distribution: MilestoneDistribution?,
                probability: Double?, probabilitySE: Double? = nil, probabilityMethod: String = "analytic",
                metAtBaseline: Bool?, method: String,
                model: String, window: String) {
        self.key = key
        self.planRow = planRow
        self.targetText = targetText
        self.target = target
        self.comparator = comparator
        self.kind = kind
        self.status = status
        self.distribution = distribution
        self.probability = probability
        self.probabilitySE = probabilitySE
        self.verdict = ChitieuVerdict.classify(probability: probability)
        self.probabilityMethod = probability == nil ? "" : probabilityMethod
        self.metAtBaseline = metAtBaseline
        self.method = method
        self.model = model
        self.window = window
    }

    /// The central projection: the predictive median (natural scale, within the bounds).
    public var projection: Double? {
        switch distribution {
        case .analytic(let p): return p.median
        case .scenario(let q): return q.median
        case nil: return nil
        }
    }

    /// The central prediction interval at `level` (0.8 = 80 %): any level (up to 99 % from a scenario's
    /// Monte Carlo grid).
    public func interval(level: Double) -> ClosedInterval? {
        switch distribution {
        case .analytic(let p):
            let i = p.predictionInterval(level: level)
            return ClosedInterval(lower: i.lower, upper: i.upper)
        case .scenario(let q): return q.interval(level: level)
        case nil: return nil
        }
    }

    /// The predictive distribution, when the milestone has one (business as usual in a scenario included).
    public var predictive: PredictiveDistribution? {
        if case .analytic(let p) = distribution { return p }
        return nil
    }

    /// "analytic", "Monte Carlo", "control variate" or "" (no probability).
    public var probabilityMethod: String
}

// MARK: - Views of the layers' results

extension MilestoneAssessment {
    /// A scorecard milestone of `row` with the predictive it was computed from.
    public init(row: ScorecardRow, milestone m: ScorecardMilestone, region: String, predictive: PredictiveDistribution?) {
        let analytic = m.projectedMedian != nil ? predictive : nil
        self.init(key: MilestoneKey(indicator: row.indicator, region: region, year: m.year), planRow: row.planRow,
                  targetText: m.targetText, target: m.targetValue, comparator: m.comparator, kind: m.kind,
                  status: m.status, distribution: analytic.map { .analytic($0) }, probability: m.probability,
                  metAtBaseline: m.metAtBaseline, method: row.method ?? "", model: row.modelLabel ?? "",
                  window: row.window ?? "")
    }

    /// A scenario's milestone, as the scenario run computed it.
    public init(scenario a: ScenarioAttainment, region: String, model: String, window: String) {
        // Business as usual (an uncapped predictive) is the scorecard's own distribution.
        let distribution: MilestoneDistribution? = a.distribution.map { q in
            if case .predictive(let p, let lower, let upper) = q, lower == -.infinity, upper == .infinity {
                return .analytic(p)
            }
            return .scenario(q)
        }
        self.init(key: MilestoneKey(indicator: a.indicator, region: region, year: a.year, scenario: a.scenario),
                  planRow: a.planRow, targetText: a.targetText, target: a.target, comparator: a.comparator,
                  kind: a.kind, status: a.status, distribution: distribution, probability: a.probability,
                  probabilitySE: a.probabilitySE, probabilityMethod: a.probabilityMethod,
                  metAtBaseline: a.metAtBaseline, method: a.method, model: model,
                  window: window)
    }
}
