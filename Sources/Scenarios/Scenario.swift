import IndicatorData

/// A what-if: trend levers for outcome indicators, resource levers for the workforce and beds, a budget,
/// and the Monte Carlo settings. Read from YAML by `ScenarioParser` (see `Scenario+YAML.swift` for the
/// file format) or built in code.
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    public var region: String
    /// Data and target files (paths resolved against the scenario file's folder); `nil` = bundled Kon Tum.
    public var dataFile: String?
    public var targetsFile: String?
    /// The last year of data the scenario builds on (year 0 of the stock-flow model).
    public var baseYear: Int
    /// Last projected year.
    public var horizon: Int
    public var draws: Int
    public var seed: UInt64
    public var population: PopulationSpec
    /// Per indicator code; indicators without a lever run business as usual.
    public var trends: [String: TrendLeverSpec]
    /// Per resource.
    public var resources: [Resource: ResourceSpec]
    public var budget: BudgetSpec?
    /// Yearly discount rate for the cost increments over business as usual (`discount_rate:`, a fraction).
    public var discountRate: Double
    /// Where each key sits in the file, for errors found after parsing (e.g. against the data).
    public var marks: [String: SourceMark]
    /// `file:line:column: …` warnings of the parser about valid values with a surprising effect (a
    /// training pipeline longer than the horizon); the runner passes them on as notes.
    public var warnings: [String] = []

    public init(name: String, description: String = "", region: String = "VN-28", dataFile: String? = nil,
                targetsFile: String? = nil, baseYear: Int, horizon: Int, draws: Int = 1000, seed: UInt64 = 1,
                population: PopulationSpec, trends: [String: TrendLeverSpec] = [:],
                resources: [Resource: ResourceSpec] = [:], budget: BudgetSpec? = nil,
                discountRate: Double = Scenario.defaultDiscountRate, marks: [String: SourceMark] = [:]) {
        self.name = name
        self.description = description
        self.region = region
        self.dataFile = dataFile
        self.targetsFile = targetsFile
        self.baseYear = baseYear
        self.horizon = horizon
        self.draws = draws
        self.seed = seed
        self.population = population
        self.trends = trends
        self.resources = resources
        self.budget = budget
        self.discountRate = discountRate
        self.marks = marks
    }

    /// Default discount rate, 3 % a year: the rate recommended for costs and effects in WHO-CHOICE
    /// (Tan-Torres Edejer et al., "Making choices in health: WHO guide to cost-effectiveness analysis",
    /// WHO 2003, ch. 4) and the usual base case of health economic evaluations.
    public static let defaultDiscountRate = 0.03

    /// Projected years: baseYear + 1 … horizon (empty outside the checked ranges, see `checkLimits`).
    public var years: [Int] {
        guard ScenarioParser.years.contains(baseYear), ScenarioParser.years.contains(horizon), horizon > baseYear else {
            return []
        }
        return Array((baseYear + 1)...horizon)
    }

    /// Refuses a scenario (built in code, or a file whose draws were overridden on the command line) whose
    /// years or Monte Carlo size the runner cannot honour without overflow or an absurd allocation:
    /// years within 1900–2100, horizon after base_year, 1 ≤ draws and draws × years ≤ 10⁷.
    /// - Throws: `ScenarioError.invalidFile` at the `horizon`/`draws` key when the file has one.
    public func checkLimits() throws {
        let where_ = marks["horizon"] ?? SourceMark(file: name, line: 0, column: 0)
        let range = ScenarioParser.years
        guard range.contains(baseYear), range.contains(horizon), horizon > baseYear else {
            throw where_.error("base_year \(baseYear) and horizon \(horizon) must be years from \(range.lowerBound) to "
                + "\(range.upperBound), the horizon after base_year")
        }
        let years = horizon - baseYear
        guard draws >= 1, draws <= ScenarioParser.maxDrawYears / years else {
            throw (marks["draws"] ?? where_).error("draws \(draws) × \(years) projected years must be from 1 to "
                + "\(ScenarioParser.maxDrawYears) draw-years; use at most \(ScenarioParser.maxDrawYears / years) draws")
        }
    }
}

/// file:line:column of a key in a scenario file.
public struct SourceMark: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// "file:line:column: " (or "file: " when the line is unknown), to start a message.
    public var prefix: String { line > 0 ? "\(file):\(line):\(column): " : "\(file): " }
    /// An `invalidFile` error at this mark.
    public func error(_ message: String) -> ScenarioError {
        .invalidFile(file: file, line: line, column: column, message: message)
    }
}

/// The resources the stock-flow model covers, with the plan indicator each one's density feeds
/// (plan appendix rows 1–4).
public enum Resource: String, Sendable, Hashable, CaseIterable, Comparable {
    case doctors, nurses, pharmacists, beds

    /// Indicator code of the density per 10,000 (Datasets/indicators.csv).
    public var indicator: String {
        switch self {
        case .doctors: return "physicians_per_10k"
        case .nurses: return "nurses_per_10k"
        case .pharmacists: return "pharmacists_per_10k"
        case .beds: return "hospital_beds_per_10k"
        }
    }

    /// Indicator code of a head count in the data, if the catalogue has one (Datasets/indicators.csv), used
    /// to show how the density-derived start stock compares with a reported count.
    public var countIndicator: String? {
        self == .doctors ? "physicians_count" : nil
    }

    public static func < (a: Resource, b: Resource) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// Where the starting stock comes from.
public enum StartStock: Sendable, Hashable {
    /// A head count (or bed count) in the base year.
    case stock(Double)
    /// A density per 10,000 in the base year: S₀ = D₀·P₀/10⁴ (the output says the stock was derived).
    case density(Double)
}

/// Resource lever: a change to business as usual for one resource, plus unit costs and uncertainty.
///
/// Business as usual for a resource is its density indicator's trend, the scorecard's predictive
/// distribution (see `ScenarioRunner.runResource`). The lever is expressed relative to it: extra intake
/// (`hires` minus the net hiring h̄ implied by the history, or `extraHires` directly), a change of the
/// attrition rate, and a pipeline delay for the extra intake. A spec with none of these is business as usual.
public struct ResourceSpec: Sendable, Hashable {
    /// The base-year stock; `nil` = from the data (a head count, or density × population).
    public var start: StartStock?
    /// Total intake per year (`hires:` / `additions:`); the lever adds `hires − h̄` to business as usual.
    public var hires: HireSchedule?
    /// Intake per year on top of business as usual (`extra_hires:` / `extra_additions:`).
    public var extraHires: HireSchedule?
    /// The attrition rate a (fraction a year) assumed for the history and business as usual.
    public var attrition: Double
    /// Standard deviation of the attrition rate for the Monte Carlo (0 = held fixed).
    public var attritionSD: Double
    /// Change of the attrition rate under the lever, a′ = a + δa (`attrition_change:`, 0 = as usual).
    public var attritionChange: Double
    /// Years from the extra intake to entering service.
    public var pipelineDelay: Int
    /// Entrants a year in years 1 … d (`pipeline_arrivals:`); `nil` = as business as usual (h̄).
    public var pipelineArrivals: Double?
    public var costs: UnitCosts

    public init(start: StartStock? = nil, hires: HireSchedule? = nil, extraHires: HireSchedule? = nil,
                attrition: Double, attritionSD: Double = 0, attritionChange: Double = 0, pipelineDelay: Int = 0,
                pipelineArrivals: Double? = nil, costs: UnitCosts = UnitCosts()) {
        self.start = start
        self.hires = hires
        self.extraHires = extraHires
        self.attrition = attrition
        self.attritionSD = attritionSD
        self.attritionChange = attritionChange
        self.pipelineDelay = pipelineDelay
        self.pipelineArrivals = pipelineArrivals
        self.costs = costs
    }

    /// Whether the spec changes nothing: no intake given, no attrition change, no pipeline arrivals.
    public var isBusinessAsUsual: Bool {
        hires == nil && extraHires == nil && attritionChange == 0 && pipelineArrivals == nil
    }
}

/// Population for densities: a series to fit (log-linear) or a stated growth rate.
public enum PopulationSpec: Sendable, Hashable {
    /// Fit `ln P` on the named series (e.g. `population_avg`) of the scenario's region.
    case series(String)
    /// P₀ in the base year (nil = the fitted/observed base-year population of `population_avg`), growth g
    /// and its standard deviation.
    case growth(base: Double?, rate: Double, sd: Double)
}

/// The health budget line and the preventive share (plan target 5: ≥ 30 % of the health budget for
/// preventive medicine, plan section III.9.a).
public struct BudgetSpec: Sendable, Hashable {
    public var currency: String
    /// Budget per projected year (a constant is expanded to every year).
    public var annual: HireSchedule
    /// Preventive share as a fraction in [0, 1].
    public var preventiveShare: Double
    public var source: String

    public init(currency: String, annual: HireSchedule, preventiveShare: Double, source: String = "") {
        self.currency = currency
        self.annual = annual
        self.preventiveShare = preventiveShare
        self.source = source
    }
}
