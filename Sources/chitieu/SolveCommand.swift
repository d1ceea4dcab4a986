import ArgumentParser
import Foundation
import Planning
import IndicatorData
import Scenarios

/// `chitieu solve hires|aarr|budget`: inverse questions, in closed form where one exists, by bisection
/// otherwise (stock-flow timing convention: attrition on the carried-in stock, entrants join at the end of
/// the year; see `StockFlowParameters`).
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Inverse questions: hires, AARR or budget needed for a target.",
        discussion: """
            Closed forms where they exist (constant hires, AARR, budget at given unit costs); bisection on the \
            stock-flow run otherwise (year-by-year hires growing at --hires-growth), with the tolerance printed.
            """,
        subcommands: [SolveHires.self, SolveAARR.self, SolveBudget.self])
}

/// Options shared by `solve hires` and `solve budget`.
struct WorkforceOptions: ParsableArguments {
    @Option(help: "Stock in the base year (head count). Give this or --start-density.")
    var startStock: Double?
    @Option(help: "Density per 10,000 in the base year; the stock is derived as density × population / 10,000.")
    var startDensity: Double?
    @Option(help: "Target density per 10,000 in the target year.")
    var targetDensity: Double
    @Option(help: "Base year (year of the start stock).")
    var baseYear: Int = 2023
    @Option(help: "Target year.")
    var targetYear: Int
    @Option(name: .customLong("attrition"), help: "Yearly attrition as a fraction, e.g. 0.03 (or 3%) for 3 %.")
    var attritionRate: Fraction
    @Option(help: "Population in the base year. Give this or --population-from-data.")
    var population: Double?
    @Option(name: .customLong("growth"),
            help: "Yearly population growth as a fraction, e.g. 0.01 (or 1%) for 1 % (default 0; only with --population).")
    var growthRate: Fraction?
    @Flag(help: "Population and growth from the log-linear fit to population_avg of --region in the bundled data (as `scenario run` with population: {series: population_avg}).")
    var populationFromData = false
    @Option(help: "Region of --population-from-data.")
    var region: String = "VN-28"
    @Option(help: "Training pipeline in years: intake of year k enters service in year k + d.")
    var pipelineDelay: Int = 0
    @Option(help: "Graduates entering service per year during the pipeline years (already in training).")
    var pipelineArrivals: Double = 0

    var attrition: Double { attritionRate.value }
    var growth: Double? { growthRate?.value }

    func validate() throws {
        typealias L = ScenarioParser.Limits
        try requireRange(startStock, L.startStock, option: "--start-stock", what: "head count")
        try requireRange(startDensity, L.startDensity, option: "--start-density", what: "per 10,000")
        try requireRange(targetDensity, L.startDensity, option: "--target-density", what: "per 10,000")
        try requireRange(population, L.population, option: "--population", what: "persons in the base year")
        try requireRange(baseYear, ScenarioParser.years, option: "--base-year", what: "a year")
        try requireRange(targetYear, ScenarioParser.years, option: "--target-year", what: "a year")
        try requireRange(pipelineDelay, L.pipelineDelay, option: "--pipeline-delay", what: "years")
        try requireRange(pipelineArrivals, L.hires, option: "--pipeline-arrivals", what: "graduates a year")
        guard (startStock == nil) != (startDensity == nil) else {
            throw ValidationError("Give exactly one of --start-stock or --start-density.")
        }
        guard targetYear > baseYear else { throw ValidationError("Use --target-year after --base-year (\(baseYear)).") }
        guard attrition >= 0, attrition < 1 else {
            throw ValidationError("Use --attrition in [0, 1) as a fraction: 0.03 for 3 % (got \(attrition)).")
        }
        guard (population == nil) != !populationFromData else {
            throw ValidationError("Give exactly one of --population (persons in the base year) or --population-from-data.")
        }
        if populationFromData, growth != nil {
            throw ValidationError("--population-from-data takes the growth from the fit; drop --growth (or give --population).")
        }
        if let growth, !(growth > -0.5 && growth < 0.5) {
            throw ValidationError("Use --growth as a yearly fraction between -0.5 and 0.5: 0.01 for 1 % (got \(growth)).")
        }
    }

    var years: Int { targetYear - baseYear }

    /// The population model: given (base and growth) or fitted to the bundled population series.
    func populationModel() throws -> PopulationProjection {
        if let population {
            let g = growth ?? 0
            return PopulationProjection(base: population, baseYear: baseYear, growth: g,
                                        label: "population \(fmt(population)) in \(baseYear) (given), growth \(g) a year (given)")
        }
        let inputs = try PlanInputs.load(dataFiles: [], targetsFile: nil, catalogueFile: nil,
                                           read: try DataReadOptions.parse([]))
        guard let series = inputs.collection.series.first(where: { $0.indicator == "population_avg" && $0.region == region }) else {
            throw CLIError(message: "no population_avg series for region \(region) in the bundled data; give --population "
                + "and --growth instead", code: ExitStatus.dataError)
        }
        return try PopulationProjection.logLinear(series, baseYear: baseYear)
    }

    func stock(_ p: PopulationProjection) -> Double { startStock ?? ((startDensity ?? 0) * p.base / 1e4) }

    func stockNote(_ p: PopulationProjection) -> String {
        startStock != nil ? "given" : "derived from density \(startDensity ?? 0) × population \(formatNumber(p.base.rounded()))"
    }

    func solve(_ p: PopulationProjection) throws -> StockFlowSolver.HiresSolution {
        try StockFlowSolver.constantHires(startStock: stock(p), targetDensity: targetDensity, years: years,
                                          attrition: attrition, targetPopulation: p.population(in: targetYear),
                                          pipelineDelay: pipelineDelay, pipelineArrivals: pipelineArrivals)
    }
}

struct SolveHires: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hires",
        abstract: "Hires per year to reach a density per 10,000 by a year (closed form, or bisection).",
        discussion: """
            Constant hires, closed form: H = (S* − S₀(1−a)^T − pipeline) / G(T − d), G(n) = (1 − (1−a)^n)/a \
            (n if a = 0), S* = D*·P_T/10⁴.
            Example (the issue's hand case): chitieu solve hires --start-density 10.5 --target-density 12 \
            --target-year 2030 --attrition 0.03 --population 1000000 --growth 0.01   → 68.46 (69 whole hires).
            With --hires-growth r the hires grow year by year, H·(1+r)^(t−1); the first-year H is then found by \
            bisection on the stock-flow run and the tolerance is printed (--numeric forces bisection for \
            constant hires too, a check on the closed form). --population-from-data uses the log-linear fit to \
            the bundled population series, as `scenario run` does.
            """)
    @OptionGroup var workforce: WorkforceOptions
    @Option(name: .customLong("hires-growth"),
            help: "Hires grow by this fraction a year (0.05 or 5%): H, H(1+r), H(1+r)², … (solved by bisection).")
    var hiresGrowthRate: Fraction?
    @Flag(help: "Solve by bisection even when the closed form applies.")
    var numeric = false
    @Option(help: "Bisection tolerance in hires per year (the answer is within half of it).")
    var tolerance: Double = 1e-6

    var hiresGrowth: Double? { hiresGrowthRate?.value }

    func validate() throws {
        if let hiresGrowth, !(hiresGrowth > -1 && hiresGrowth < 1) {
            throw ValidationError("Use --hires-growth as a yearly fraction between -1 and 1: 0.05 for 5 % (got \(hiresGrowth)).")
        }
        guard tolerance > 0, tolerance < 1 else { throw ValidationError("Use --tolerance between 0 and 1 (hires), e.g. 1e-6.") }
    }

    func run() throws {
        try runReportingErrors {
            let w = workforce
            let population = try w.populationModel()
            let stock = w.stock(population)
            let s: StockFlowSolver.HiresSolution
            if numeric || hiresGrowth != nil {
                let r = hiresGrowth ?? 0
                s = try StockFlowSolver.numericHires(
                    startStock: stock, targetDensity: w.targetDensity, years: w.years, attrition: w.attrition,
                    population: population.path(horizon: w.years), pipelineDelay: w.pipelineDelay,
                    pipelineArrivals: w.pipelineArrivals, tolerance: tolerance
                ) { h in .list((1...w.years).map { h * Foundation.pow(1 + r, Double($0 - 1)) }) }
            } else {
                s = try w.solve(population)
            }
            var lines = [
                "start stock S0        \(fmt(stock)) (\(w.stockNote(population)))",
                "population \(w.targetYear)       \(fmt(s.targetPopulation)) (\(population.label))",
                "target stock S*       \(fmt(s.targetStock)) (= \(w.targetDensity) × P_T / 10,000)",
                "surviving S0(1-a)^T   \(fmt(s.survivingStock))",
            ]
            if w.pipelineDelay > 0 { lines.append("pipeline arrivals     \(fmt(s.pipelineContribution)) (surviving to \(w.targetYear))") }
            if let r = hiresGrowth {
                let schedule = (1...w.years).map { s.hires * Foundation.pow(1 + r, Double($0 - 1)) }
                lines += [
                    "first-year hires H    \(fmt(s.hires)) (\(s.method))",
                    "hires by year         " + zip((w.baseYear + 1)...w.targetYear, schedule)
                        .map { "\($0) \(fmt(($1 * 100).rounded() / 100))" }.joined(separator: ", "),
                ]
            } else {
                lines += [
                    "hires per year H      \(fmt(s.hires)) (\(s.method))",
                    "whole hires needed    \(s.wholeHires) a year, \(w.baseYear + 1 + w.pipelineDelay)–\(w.targetYear) entering service",
                ]
            }
            if s.hires < 0 {
                lines.append("note: H < 0 — the stock already exceeds the target; no hiring is needed to reach it")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}

struct SolveAARR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aarr",
        abstract: "Average annual rate of reduction needed, as a fraction: 1 − (target/current)^(1/n).")
    @Option(help: "Current value.") var current: Double
    @Option(help: "Target value.") var target: Double
    @Option(help: "Year of the current value.") var fromYear: Int
    @Option(help: "Target year.") var toYear: Int

    func validate() throws {
        try requireRange(fromYear, ScenarioParser.years, option: "--from-year", what: "a year")
        try requireRange(toYear, ScenarioParser.years, option: "--to-year", what: "a year")
    }

    func run() throws {
        try runReportingErrors {
            let r = try StockFlowSolver.requiredAARR(from: current, to: target, years: toYear - fromYear)
            print("required AARR \(String(format: "%.6f", r)) a year (\(String(format: "%.4f", 100 * r)) %; \(fromYear)→\(toYear), "
                + "\(current) → \(target); negative = the value must rise; in a scenario file: aarr: \(String(format: "%.6f", r)))")
        }
    }
}

struct SolveBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Budget needed to reach a density: solve the hires, then cost the plan at the given unit costs.")
    @OptionGroup var workforce: WorkforceOptions
    @Option(help: "Salary per staff-year (on the end-of-year stock).") var salary: Double = 0
    @Option(help: "Training cost per graduate entering service.") var trainingCost: Double = 0

    func validate() throws {
        try requireRange(salary, ScenarioParser.Limits.unitCost, option: "--salary", what: "currency units")
        try requireRange(trainingCost, ScenarioParser.Limits.unitCost, option: "--training-cost", what: "currency units")
    }
    @Option(help: "Where the unit costs come from (printed).") var costSource: String = "given on the command line"
    @OptionGroup var quietOption: QuietOption

    func run() throws {
        try runReportingErrors {
            let w = workforce
            let population = try w.populationModel()
            let s = try w.solve(population)
            let hires = Double(max(0, s.wholeHires))
            let path = StockFlow.run(
                StockFlowParameters(startStock: w.stock(population), hires: .constant(hires), attrition: w.attrition,
                                    pipelineDelay: w.pipelineDelay, pipelineArrivals: w.pipelineArrivals),
                baseYear: w.baseYear, population: population.path(horizon: w.years))
            let costs = ResourceCosting.costs(of: path, unitCosts: UnitCosts(perStockYear: salary, perEntrant: trainingCost))
            print("year,stock,entrants,density_per_10k,cost_stock,cost_entry,cost_total,cost_cumulative")
            for (row, c) in zip(path.dropFirst(), costs) {
                print([String(row.year), fmt(row.stock), fmt(row.entrants), fmt(row.density), fmt(c.stockCost),
                       fmt(c.entryCost), fmt(c.total), fmt(c.cumulative)].joined(separator: ","))
            }
            guard !quietOption.quiet else { return }
            printError("hires \(formatNumber(hires)) a year (⌈\(fmt(s.hires))⌉); total \(fmt(costs.last?.cumulative ?? 0)) "
                + "over \(w.baseYear + 1)–\(w.targetYear); unit costs: \(costSource)")
        }
    }
}

/// Up to 6 significant decimals, no exponent for ordinary magnitudes.
func fmt(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "NA" : (x > 0 ? "Inf" : "-Inf") }
    if abs(x) >= 1e6 { return String(format: "%.0f", x) }
    var s = String(format: "%.6f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
