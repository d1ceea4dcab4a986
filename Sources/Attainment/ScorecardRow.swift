import IndicatorData

// MARK: - Scorecard row

/// Everything one line of the plan scorecard needs, as plain values (no files, no CLI): what the indicator
/// is, where it stands, what the trend projects for each milestone with 80 % and 95 % prediction
/// intervals, the probability of attainment and the verdicts of each method side by side, and which
/// series, model and method produced each number.
public struct ScorecardRow: Sendable, Hashable, Codable {
    // MARK: Indicator
    public var planRow: String
    public var indicator: String
    public var nameVi: String
    public var nameEn: String
    public var unit: String
    public var direction: Direction

    // MARK: Baseline
    public var baselineYear: Int?
    public var baselineValue: Double?
    /// Provenance flag of the baseline value (e.g. "estimate", "provisional"), if any.
    public var baselineFlag: String?

    // MARK: Milestones (normally 2025 and 2030, in year order)
    public var milestones: [ScorecardMilestone]

    /// P(meeting the first two assessed milestones together), by Monte Carlo; `nil` when fewer than two
    /// milestones carry a probability or there is no trend.
    public var joint: JointAttainmentResult?

    // MARK: Rates
    /// The projection's annual rate (% per year, positive = desired direction) to the last milestone
    /// (`ProjectionPace`), and its convention (AARR / AARI); each milestone's own is in `rates`.
    public var observedRate: Double?
    public var rateConvention: RateConvention

    // MARK: Provenance of the numbers
    /// Row-level status: `.assessed` when a trend exists, `.assessmentNotPossible(reason)` when not.
    public var status: AttainmentStatus
    public var modelLabel: String?
    /// Fit window "2010–2023".
    public var window: String?
    /// Projection method: own-trend, national-slope-shift(VN), hold-last.
    public var method: String?
    /// Source of the baseline value (a file/line or publication).
    public var dataSource: String
    public var warnings: [String]

    public init(planRow: String, indicator: String, nameVi: String, nameEn: String, unit: String,
                direction: Direction, baselineYear: Int?, baselineValue: Double?, baselineFlag: String?,
                milestones: [ScorecardMilestone], joint: JointAttainmentResult?, observedRate: Double?,
                rateConvention: RateConvention, status: AttainmentStatus, modelLabel: String?, window: String?,
                method: String?, dataSource: String, warnings: [String]) {
        self.planRow = planRow
        self.indicator = indicator
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.unit = unit
        self.direction = direction
        self.baselineYear = baselineYear
        self.baselineValue = baselineValue
        self.baselineFlag = baselineFlag
        self.milestones = milestones
        self.joint = joint
        self.observedRate = observedRate
        self.rateConvention = rateConvention
        self.status = status
        self.modelLabel = modelLabel
        self.window = window
        self.method = method
        self.dataSource = dataSource
        self.warnings = warnings
    }
}

/// One milestone (target year) of a scorecard row.
public struct ScorecardMilestone: Sendable, Hashable, Codable {
    public var year: Int
    /// The target as printed ("<28,0", "95% với 12 loại vắc xin (...)").
    public var targetText: String
    public var targetValue: Double?
    /// Comparator used to judge the target (printed or from the direction).
    public var comparator: Comparator?
    public var kind: TargetKind
    public var status: AttainmentStatus

    /// Central projection (predictive median, natural scale) and prediction intervals.
    public var projectedMedian: Double?
    public var pi80: ClosedInterval?
    public var pi95: ClosedInterval?

    public var probability: Double?
    /// Whether the latest observation already meets the target (`latest?.met`); a status, never the verdict.
    public var metAtBaseline: Bool?
    /// The latest observation and whether it meets the target (see `LatestObservationStatus`).
    public var latest: LatestObservationStatus?

    /// Required rate from the baseline to this target, acceleration factor and years left.
    public var rates: RateAssessment?

    // MARK: Verdicts, each as its source defines it
    public var jme: JMEProgress
    public var unsd: UNSDProgress
    /// The UNSD progress ratio (expected change / required change), when defined.
    public var unsdRatio: Double?
    public var openSDG: OpenSDGProgress.Measure
    public var chitieu: ChitieuVerdict

    public var warnings: [String]

    public init(year: Int, targetText: String, targetValue: Double?, comparator: Comparator?, kind: TargetKind,
                status: AttainmentStatus, projectedMedian: Double?, pi80: ClosedInterval?, pi95: ClosedInterval?,
                probability: Double?, metAtBaseline: Bool?, rates: RateAssessment?, jme: JMEProgress,
                unsd: UNSDProgress, unsdRatio: Double?, openSDG: OpenSDGProgress.Measure, chitieu: ChitieuVerdict,
                warnings: [String], latest: LatestObservationStatus? = nil) {
        self.year = year
        self.targetText = targetText
        self.targetValue = targetValue
        self.comparator = comparator
        self.kind = kind
        self.status = status
        self.projectedMedian = projectedMedian
        self.pi80 = pi80
        self.pi95 = pi95
        self.probability = probability
        self.metAtBaseline = metAtBaseline
        self.latest = latest
        self.rates = rates
        self.jme = jme
        self.unsd = unsd
        self.unsdRatio = unsdRatio
        self.openSDG = openSDG
        self.chitieu = chitieu
        self.warnings = warnings
    }
}

/// A prediction interval [lower, upper] on the natural scale.
public struct ClosedInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}
