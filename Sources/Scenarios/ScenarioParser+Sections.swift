import IndicatorData
import Yams

// MARK: - Sections

extension ScenarioParser {
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
                guard values["growth"] == nil else {
                    throw reader.fail(node, "population: give either `series` or `growth`, not both")
                }
                return .series(try reader.string(series, at: "population.series"))
            }
            guard let growthNode = values["growth"] else {
                throw reader.fail(node, "population needs `series: population_avg` or `growth: 0.012` (a fraction a year)")
            }
            let growth = try reader.number(growthNode, at: "population.growth", fraction: true)
            guard growth > -0.5, growth < 0.5 else {
                throw reader.fail(growthNode, "population.growth must be a yearly fraction between −0.5 and 0.5 "
                    + "(got \(format(growth))). Write it as a fraction: 0.012 for 1.2 %.")
            }
            let sd = try values["growth_sd"].map { try reader.nonNegative($0, at: "population.growth_sd") } ?? 0
            let base = try values["base"].map { node -> Double in
                let b = try reader.number(node, at: "population.base")
                guard b > 0 else { throw reader.fail(node, "population.base must be > 0 (persons in base_year)") }
                return b
            }
            return .growth(base: base, rate: growth, sd: sd)
        }

        /// A year a lever refers to: after base_year and not after the horizon.
        func leverYear(_ node: Node, at path: String, allowBase: Bool) throws -> Int {
            let year = try reader.integer(node, at: path)
            let earliest = allowBase ? baseYear : baseYear + 1
            guard year >= earliest else {
                throw reader.fail(node, "\(path) \(year) is before the data: the scenario builds on data up to "
                    + "base_year \(baseYear). Use a year from \(earliest) to \(horizon).")
            }
            guard year <= horizon else {
                throw reader.fail(node, "\(path) \(year) is after the horizon \(horizon); raise `horizon` or drop the year")
            }
            return year
        }

        func lever(_ node: Node, indicator: String, keyNode: Node) throws -> TrendLeverSpec {
            var entry: Indicator?
            if let catalogue {
                guard let found = catalogue[indicator] else {
                    let close = catalogue.keys.filter { $0.hasPrefix(String(indicator.prefix(4))) }.sorted().prefix(5)
                    throw reader.fail(keyNode, "unknown indicator `\(indicator)`. "
                        + (close.isEmpty ? "Run `chitieu indicators` for the codes."
                            : "Did you mean \(close.joined(separator: ", "))? `chitieu indicators` lists them all."))
                }
                entry = found
            }
            let path = "trends.\(indicator)"
            let leverList = ScenarioParser.leverKeys.joined(separator: ", ")
            if case .scalar(let scalar) = node {
                switch scalar.string {
                case "bau": return TrendLeverSpec(lever: .bau)
                case "halt": return TrendLeverSpec(lever: .halt)
                case "target_path": return TrendLeverSpec(lever: .targetPath)
                default:
                    throw reader.fail(node, "unknown lever `\(scalar.string)` for \(indicator). Use one of: \(leverList) "
                        + "(aarr, accelerate and values need a number: `{aarr: 3%}`).")
                }
            }
            let entries = try reader.entries(node, at: path)
            var spec = TrendLeverSpec(lever: .bau)
            var levers = 0
            for e in entries {
                let p = "\(path).\(e.key)"
                switch e.key {
                case "bau": spec.lever = .bau; levers += 1
                case "halt": spec.lever = .halt; levers += 1
                case "target_path": spec.lever = .targetPath; levers += 1
                case "aarr": spec.lever = .aarr(try reader.number(e.value, at: p)); levers += 1
                case "accelerate":
                    let k = try reader.number(e.value, at: p)
                    guard k >= 0 else { throw reader.fail(e.value, "accelerate must be ≥ 0 (1 = as observed, 1.5 = 50 % faster)") }
                    spec.lever = .accelerate(k); levers += 1
                case "values":
                    var given: [Int: Double] = [:]
                    for v in try reader.entries(e.value, at: p) {
                        guard let year = Int(v.key) else { throw reader.fail(v.keyNode, "\(p) keys must be years (got \(v.key))") }
                        _ = try leverYear(v.keyNode, at: "\(p) year", allowBase: false)
                        given[year] = try reader.number(v.value, at: "\(p).\(year)")
                    }
                    guard !given.isEmpty else { throw reader.fail(e.value, "\(p) is empty; give at least one `year: value`") }
                    spec.lever = .values(given); levers += 1
                case "start_year": spec.startYear = try leverYear(e.value, at: p, allowBase: true)
                case "cap":
                    guard case .sequence(let seq) = e.value, seq.count == 2, let lo = seq.first, let hi = seq.last else {
                        throw reader.fail(e.value, "\(p) must be a pair [lower, upper], e.g. cap: [0, 100]")
                    }
                    let l = try reader.number(lo, at: p), u = try reader.number(hi, at: p)
                    guard l < u else { throw reader.fail(e.value, "\(p): lower \(format(l)) must be below upper \(format(u))") }
                    if let b = entry?.lowerBound, l < b {
                        throw reader.fail(lo, "\(p) lower \(format(l)) is below the indicator's bound \(format(b)); use a value ≥ \(format(b))")
                    }
                    if let b = entry?.upperBound, u > b {
                        throw reader.fail(hi, "\(p) upper \(format(u)) is above the indicator's bound \(format(b)); use a value ≤ \(format(b))")
                    }
                    spec.capLower = l
                    spec.capUpper = u
                default:
                    throw reader.fail(e.keyNode, "unknown lever `\(e.key)` for \(indicator). Use one of: \(leverList), "
                        + "with optional start_year and cap.")
                }
            }
            guard levers <= 1 else { throw reader.fail(node, "\(path) has \(levers) levers; keep one") }
            return spec
        }

        func resource(_ node: Node, resource: Resource) throws -> ResourceSpec {
            let isBeds = resource == .beds
            let path = "resources.\(resource.rawValue)"
            let entries = try reader.entries(node, at: path, allowed: isBeds ? ScenarioParser.bedKeys : ScenarioParser.staffKeys)
            var v: [String: Node] = [:]
            for e in entries { v[e.key] = e.value }
            let start: StartStock?
            switch (v["start_stock"], v["start_density"]) {
            case (let s?, nil): start = .stock(try reader.nonNegative(s, at: "\(path).start_stock"))
            case (nil, let d?): start = .density(try reader.nonNegative(d, at: "\(path).start_density"))
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
            let delay = try v["pipeline_delay"].map { try reader.integer($0, at: "\(path).pipeline_delay") } ?? 0
            guard delay >= 0, delay < projectedYears else {
                throw reader.fail(v["pipeline_delay"], "\(path).pipeline_delay must be from 0 to \(projectedYears - 1) years (got \(delay))")
            }
            let perStock = try v[isBeds ? "running_cost" : "salary"].map { try reader.nonNegative($0, at: path) } ?? 0
            let perEntrant = try v[isBeds ? "cost_per_bed" : "training_cost"].map { try reader.nonNegative($0, at: path) } ?? 0
            let source = try v["cost_source"].map { try reader.string($0, at: "\(path).cost_source") } ?? ""
            if perStock + perEntrant > 0, source.isEmpty {
                throw reader.fail(node, "\(path) gives unit costs without `cost_source`; say where they come from, "
                    + "or write cost_source: \"illustrative, replace with the province's figures\"")
            }
            let change = try v["attrition_change"].map { try reader.number($0, at: "\(path).attrition_change", fraction: true) } ?? 0
            guard change > -1, change < 1 else {
                throw reader.fail(v["attrition_change"], "\(path).attrition_change must be a yearly fraction between −1 and 1 "
                    + "(got \(format(change))), e.g. -0.01 for one point less attrition")
            }
            return ResourceSpec(
                start: start, hires: try v[flowKey].map { try reader.schedule($0, at: "\(path).\(flowKey)", years: projectedYears) },
                extraHires: try v[extraKey].map { try reader.schedule($0, at: "\(path).\(extraKey)", years: projectedYears) },
                attrition: try reader.rate(attritionNode, at: "\(path).attrition", name: "attrition"),
                attritionSD: try v["attrition_sd"].map { try reader.nonNegative($0, at: "\(path).attrition_sd") } ?? 0,
                attritionChange: change,
                pipelineDelay: delay,
                pipelineArrivals: try v["pipeline_arrivals"].map { try reader.nonNegative($0, at: "\(path).pipeline_arrivals") },
                costs: UnitCosts(perStockYear: perStock, perEntrant: perEntrant, source: source))
        }

        func budget(_ node: Node) throws -> BudgetSpec {
            let entries = try reader.entries(node, at: "budget", allowed: ["currency", "annual", "preventive_share", "source"])
            var v: [String: Node] = [:]
            for e in entries { v[e.key] = e.value }
            guard let shareNode = v["preventive_share"] else {
                throw reader.fail(node, "missing field `preventive_share` in budget: a fraction, e.g. 0.30 (plan target 5: ≥ 30 %)")
            }
            let share = try reader.number(shareNode, at: "budget.preventive_share", fraction: true)
            guard share >= 0, share <= 1 else {
                throw reader.fail(shareNode, "preventive_share must be in [0, 1] (got \(format(share))). Write it as a fraction: 0.30 for 30 %.")
            }
            return BudgetSpec(
                currency: try v["currency"].map { try reader.string($0, at: "budget.currency") } ?? "VND",
                annual: try v["annual"].map { try reader.schedule($0, at: "budget.annual", years: projectedYears) } ?? .constant(0),
                preventiveShare: share,
                source: try v["source"].map { try reader.string($0, at: "budget.source") } ?? "")
        }
    }
}
