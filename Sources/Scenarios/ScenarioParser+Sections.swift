import IndicatorData
import Yams

// MARK: - Sections

extension ScenarioParser {
    /// Stated ranges of the scenario language (documented in Datasets/kontum/scenarios/README.md and
    /// `chitieu help scenario-file`; a test checks the two agree with these).
    public enum Limits {
        public static let population = 1.0...2e9
        public static let growth = -0.5...0.5
        public static let growthSD = 0.0...0.5
        public static let aarr = -0.5...0.5
        public static let accelerate = 0.0...10
        public static let startStock = 0.0...1e7
        public static let startDensity = 0.0...10_000
        public static let hires = 0.0...1e6
        public static let attritionSD = 0.0...0.5
        /// attrition_change: a yearly fraction strictly between −1 and 1.
        public static let attritionChange = -1.0...1.0
        /// discount_rate: a yearly fraction.
        public static let discountRate = 0.0...1.0
        public static let pipelineDelay = 0...50
        public static let unitCost = 0.0...1e15
        public static let budget = 0.0...1e18
        /// Values of an indicator without catalogue bounds.
        public static let value = -1e15...1e15
    }

    /// What section parsers need: the reader, the scenario's years and the catalogue.
    struct Context {
        let reader: YAMLNodeReader
        let baseYear: Int
        let horizon: Int
        let catalogue: [String: Indicator]?

        var projectedYears: Int { horizon - baseYear }

        func population(_ node: Node) throws -> PopulationSpec {
            let entries = try reader.entries(node, at: "population", allowed: ["series", "growth", "growth_sd", "base"])
            var values: [String: Node] = [:]
            for e in entries { values[e.key] = e.value }
            if let series = values["series"] {
                guard values["growth"] == nil, values["growth_sd"] == nil, values["base"] == nil else {
                    throw reader.fail(node, "population: give either `series` or `growth` (with growth_sd and base), not both")
                }
                return .series(try reader.code(series, at: "population.series", example: "population_avg"))
            }
            guard let growthNode = values["growth"] else {
                throw reader.fail(node, "population needs `series: population_avg` or `growth: 0.012` (a fraction a year)")
            }
            let growth = try reader.number(growthNode, at: "population.growth", in: Limits.growth, unit: .fraction, ends: .open)
            let sd = try values["growth_sd"].map {
                try reader.number($0, at: "population.growth_sd", in: Limits.growthSD, unit: .fraction)
            } ?? 0
            let base = try values["base"].map {
                try reader.number($0, at: "population.base", in: Limits.population,
                                  unit: ScenarioNumber.Unit(name: "persons in base_year", hint: "Give the population, e.g. 600000"))
            }
            return .growth(base: base, rate: growth, sd: sd)
        }

        /// A year a lever refers to: after base_year (or at it, when `allowBase`) and not after the horizon.
        func leverYear(_ node: Node, at path: String, allowBase: Bool) throws -> Int {
            let year = try reader.year(node, at: path)
            let earliest = allowBase ? baseYear : baseYear + 1
            guard (earliest...horizon).contains(year) else {
                throw reader.fail(node, path, "must be from \(earliest) to the horizon \(horizon)",
                                  fix: year < earliest ? "The scenario builds on data up to base_year \(baseYear); use a later year"
                                    : "Raise `horizon` or drop the year")
            }
            return year
        }

        /// The catalogue entry of `indicator`, refusing unknown codes (with close matches).
        func indicatorEntry(_ indicator: String, keyNode: Node) throws -> Indicator? {
            guard let catalogue else { return nil }
            if let found = catalogue[indicator] { return found }
            let close = catalogue.keys.filter { $0.hasPrefix(String(indicator.prefix(4))) }.sorted().prefix(5)
            throw reader.fail(keyNode, "trends", "unknown indicator",
                              fix: close.isEmpty ? "Run `chitieu indicators` for the codes"
                                : "Did you mean \(close.joined(separator: ", "))? `chitieu indicators` lists them all")
        }

        /// A value of `entry`'s indicator, within its catalogue bounds.
        func indicatorValue(_ node: Node, at path: String, indicator: String, entry: Indicator?) throws -> Double {
            let range = (entry?.lowerBound ?? Limits.value.lowerBound)...(entry?.upperBound ?? Limits.value.upperBound)
            return try reader.number(node, at: path, in: range, unit: .indicator(indicator, unit: entry?.unit ?? "its unit"))
        }

        func lever(_ node: Node, indicator: String, keyNode: Node) throws -> TrendLeverSpec {
            let entry = try indicatorEntry(indicator, keyNode: keyNode)
            let path = "trends.\(indicator)"
            let leverList = ScenarioParser.leverKeys.joined(separator: ", ")
            if case .scalar(let scalar) = node {
                switch scalar.string {
                case "bau": return TrendLeverSpec(lever: .bau)
                case "halt": return TrendLeverSpec(lever: .halt)
                case "target_path": return TrendLeverSpec(lever: .targetPath)
                default:
                    throw reader.fail(node, path, "unknown lever",
                                      fix: "Use one of: \(leverList) (aarr, accelerate and values need a value: `{aarr: 0.03}`)")
                }
            }
            var spec = TrendLeverSpec(lever: .bau)
            var levers: [String] = []
            for e in try reader.entries(node, at: path) {
                let p = "\(path).\(e.key)"
                switch e.key {
                case "bau", "halt", "target_path":
                    guard try reader.boolean(e.value, at: p) else { continue }
                    spec.lever = e.key == "bau" ? .bau : e.key == "halt" ? .halt : .targetPath
                    levers.append(e.key)
                case "aarr":
                    spec.lever = .aarr(try reader.number(e.value, at: p, in: Limits.aarr, unit: .fraction))
                    levers.append(e.key)
                case "accelerate":
                    spec.lever = .accelerate(try reader.number(e.value, at: p, in: Limits.accelerate, unit: .factor))
                    levers.append(e.key)
                case "values":
                    spec.lever = .values(try values(e.value, at: p, indicator: indicator, entry: entry))
                    levers.append(e.key)
                case "start_year": spec.startYear = try leverYear(e.value, at: p, allowBase: true)
                case "cap": (spec.capLower, spec.capUpper) = try cap(e.value, at: p, indicator: indicator, entry: entry)
                default:
                    throw reader.fail(e.keyNode, path, "unknown lever",
                                      fix: "Use one of: \(leverList), with optional start_year and cap")
                }
            }
            guard levers.count <= 1 else {
                throw reader.fail(node, "\(path) has \(levers.count) levers (\(levers.joined(separator: ", "))); keep one")
            }
            return spec
        }

        /// `values: {2025: 12.0, 2030: 10.0}`: years within the scenario, values within the indicator's bounds.
        func values(_ node: Node, at path: String, indicator: String, entry: Indicator?) throws -> [Int: Double] {
            var given: [Int: Double] = [:]
            for v in try reader.entries(node, at: path) {
                let year = try leverYear(v.keyNode, at: "\(path) year", allowBase: false)
                given[year] = try indicatorValue(v.value, at: "\(path).\(year)", indicator: indicator, entry: entry)
            }
            guard !given.isEmpty else { throw reader.fail(node, "\(path) is empty; give at least one `year: value`") }
            return given
        }

        /// `cap: [lower, upper]` within the indicator's bounds.
        func cap(_ node: Node, at path: String, indicator: String, entry: Indicator?) throws -> (Double, Double) {
            guard case .sequence(let seq) = node, seq.count == 2, let lo = seq.first, let hi = seq.last else {
                throw reader.fail(node, path, "must be a pair [lower, upper]", fix: "Write e.g. cap: [0, 100]")
            }
            let l = try indicatorValue(lo, at: "\(path)[0]", indicator: indicator, entry: entry)
            let u = try indicatorValue(hi, at: "\(path)[1]", indicator: indicator, entry: entry)
            guard l < u else { throw reader.fail(node, "\(path): lower \(format(l)) must be below upper \(format(u))") }
            return (l, u)
        }

        func resource(_ node: Node, resource: Resource) throws -> (ResourceSpec, warnings: [String]) {
            let isBeds = resource == .beds
            let path = "resources.\(resource.rawValue)"
            let entries = try reader.entries(node, at: path, allowed: isBeds ? ScenarioParser.bedKeys : ScenarioParser.staffKeys)
            var v: [String: Node] = [:]
            for e in entries { v[e.key] = e.value }
            let start: StartStock?
            switch (v["start_stock"], v["start_density"]) {
            case (let s?, nil): start = .stock(try reader.number(s, at: "\(path).start_stock", in: Limits.startStock, unit: .count))
            case (nil, let d?):
                start = .density(try reader.number(d, at: "\(path).start_density", in: Limits.startDensity, unit: .density))
            case (nil, nil): start = nil   // from the data (head count, or density × population)
            default: throw reader.fail(node, "\(path): give `start_stock` or `start_density`, not both")
            }
            let flowKey = isBeds ? "additions" : "hires"
            let extraKey = "extra_" + flowKey
            if v[flowKey] != nil, v[extraKey] != nil {
                throw reader.fail(node, "\(path): give `\(flowKey)` (the total a year) or `\(extraKey)` (on top of "
                    + "business as usual), not both")
            }
            guard let attritionNode = v["attrition"] else {
                throw reader.fail(node, "missing field `attrition` in \(path): the yearly leaving rate as a fraction, e.g. `attrition: 0.03`")
            }
            let attrition = try reader.number(attritionNode, at: "\(path).attrition", in: 0...1, unit: .fraction,
                                              ends: .upperOpen)
            let delay = try v["pipeline_delay"].map {
                try reader.integer($0, at: "\(path).pipeline_delay", in: Limits.pipelineDelay, what: "a whole number of years")
            } ?? 0
            let money = { (key: String) throws -> Double in
                try v[key].map { try reader.number($0, at: "\(path).\(key)", in: Limits.unitCost, unit: .money) } ?? 0
            }
            let perStock = try money(isBeds ? "running_cost" : "salary")
            let perEntrant = try money(isBeds ? "cost_per_bed" : "training_cost")
            let source = try v["cost_source"].map { try reader.text($0, at: "\(path).cost_source", maxLength: 500) } ?? ""
            if perStock + perEntrant > 0, source.isEmpty {
                throw reader.fail(node, "\(path) gives unit costs without `cost_source`; say where they come from, "
                    + "or write cost_source: \"illustrative, replace with the province's figures\"")
            }
            let change = try v["attrition_change"].map {
                try reader.number($0, at: "\(path).attrition_change", in: Limits.attritionChange, unit: .fraction, ends: .open)
            } ?? 0
            let flow = { (key: String) throws -> HireSchedule? in
                try v[key].map { try reader.schedule($0, at: "\(path).\(key)", years: projectedYears, in: Limits.hires, unit: .count) }
            }
            let spec = ResourceSpec(
                start: start, hires: try flow(flowKey), extraHires: try flow(extraKey),
                attrition: attrition,
                attritionSD: try v["attrition_sd"].map {
                    try reader.number($0, at: "\(path).attrition_sd", in: Limits.attritionSD, unit: .fraction)
                } ?? 0,
                attritionChange: change,
                pipelineDelay: delay,
                pipelineArrivals: try v["pipeline_arrivals"].map {
                    try reader.number($0, at: "\(path).pipeline_arrivals", in: Limits.hires, unit: .count)
                },
                costs: UnitCosts(perStockYear: perStock, perEntrant: perEntrant, source: source))
            return (spec, pipelineWarnings(v["pipeline_delay"], path: path, delay: delay))
        }

        /// A pipeline so long that the new intake barely or never enters service within the horizon is valid
        /// (a what-if about training capacity) but surprising: say so.
        func pipelineWarnings(_ node: Node?, path: String, delay: Int) -> [String] {
            let firstEntry = baseYear + 1 + delay
            guard delay > 0, firstEntry >= horizon else { return [] }
            let what = firstEntry > horizon
                ? "no new intake enters service by the horizon \(horizon) (the \(baseYear + 1) intake enters in \(firstEntry))"
                : "the first new intake (\(baseYear + 1)) enters service only in \(firstEntry), the horizon"
            return ["\(reader.mark(node).prefix)\(path).pipeline_delay \(delay): \(what); until then only pipeline_arrivals "
                + "join. Shorten the pipeline or raise the horizon if that is not intended"]
        }

        func budget(_ node: Node) throws -> BudgetSpec {
            let entries = try reader.entries(node, at: "budget", allowed: ["currency", "annual", "preventive_share", "source"])
            var v: [String: Node] = [:]
            for e in entries { v[e.key] = e.value }
            guard let shareNode = v["preventive_share"] else {
                throw reader.fail(node, "missing field `preventive_share` in budget: a fraction, e.g. 0.30 (plan target 5: ≥ 30 %)")
            }
            return BudgetSpec(
                currency: try v["currency"].map { try reader.code($0, at: "budget.currency", example: "VND") } ?? "VND",
                annual: try v["annual"].map {
                    try reader.schedule($0, at: "budget.annual", years: projectedYears, in: Limits.budget, unit: .money)
                } ?? .constant(0),
                preventiveShare: try reader.number(shareNode, at: "budget.preventive_share", in: 0...1, unit: .fraction),
                source: try v["source"].map { try reader.text($0, at: "budget.source", maxLength: 500) } ?? "")
        }
    }
}
