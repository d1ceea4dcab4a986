import Attainment
import Export
import Foundation
import IndicatorData
import Scenarios

// MARK: - scenario compare output

extension ScenarioFormatter {
    /// Side by side: one row per (indicator, milestone year, target) in plan order, per scenario the projected
    /// median with its 95 % interval and P(attain); then total cost and cost per point gained per resource.
    /// - Throws: `CLIError` (64) when `indicator` matches no target of any scenario.
    static func compare(_ results: [ScenarioResult], indicator: String?, format: OutputFormat,
                        lang: Language = .en) throws -> String {
        var keys: [String] = []
        var first: [String: ScenarioAttainment] = [:]
        for r in results {
            for a in r.attainment where indicator == nil || a.indicator == indicator {
                let k = key(a)
                if first[k] == nil { keys.append(k); first[k] = a }
            }
        }
        if let indicator, keys.isEmpty {
            let known = Set(results.flatMap { $0.attainment.map(\.indicator) }).sorted().joined(separator: ", ")
            throw CLIError(message: "no target for indicator \(indicator) in these scenarios; use --indicator with one "
                + "of: \(known)", code: ExitStatus.usage)
        }
        let resources = Resource.allCases.filter { res in results.contains { $0.resources.contains { $0.resource == res } } }
        switch format {
        case .csv: return compareCSV(results, keys: keys, first: first, resources: resources, indicator: indicator)
        default: return compareTable(results, keys: keys, first: first, resources: resources, indicator: indicator,
                                             lang: lang)
        }
    }

    static func key(_ a: ScenarioAttainment) -> String { "\(a.indicator)|\(a.year)|\(a.targetText)" }

    static func find(_ r: ScenarioResult, _ k: String) -> ScenarioAttainment? {
        r.attainment.first { key($0) == k }
    }

    /// Whether a resource row is shown under `--indicator` (its density indicator is the one asked for).
    static func shows(_ resource: Resource, indicator: String?) -> Bool {
        indicator == nil || indicator == resource.indicator
    }

    static func compareTable(_ results: [ScenarioResult], keys: [String], first: [String: ScenarioAttainment],
                             resources: [Resource], indicator: String?, lang: Language = .en) -> String {
        var header = ["#", Label.indicator.text(lang), Label.year.text(lang), Label.target.text(lang)]
        for r in results { header += ["\(r.name): \(Label.projected.text(lang)) [95%]", "P"] }
        var rows: [[String]] = []
        var unprojected: [String] = []
        for k in keys {
            guard let a = first[k] else { continue }
            guard results.contains(where: { find($0, k)?.median != nil || find($0, k)?.probability != nil }) else {
                let word = ScorecardTable.statusWord(a.status, lang).lowercased()
                let item = "\(a.indicator) (\(word))"
                if !unprojected.contains(item) { unprojected.append(item) }
                continue
            }
            var line = [a.planRow, a.indicator, String(a.year), target(a)]
            for r in results {
                let x = find(r, k)
                line += [x.map(projection) ?? "", x.map(probability) ?? ""]
            }
            rows.append(line)
        }
        if indicator == nil {
            var cost = ["", "total cost", "", ""]
            for r in results { cost += ["\(fmt(r.totalCost.rounded())) \(r.currency)", ""] }
            rows.append(cost)
            var increment = ["", "cost over BAU (PV)", "", ""]
            for r in results {
                increment += [r.incrementalCost.map { "\(fmt($0.presentValue.rounded())) \(r.currency) at "
                    + "\(fmt(100 * $0.discountRate)) %" } ?? "–", ""]
            }
            rows.append(increment)
        }
        for res in resources where shows(res, indicator: indicator) {
            for (label, value) in [("cost per point gained", \ResourceSummary.costPerDensityPoint),
                                   ("cost per P point gained", \ResourceSummary.costPerProbabilityPoint)] {
                var line = ["", label, "", res.rawValue]
                for r in results {
                    let s = r.resources.first { $0.resource == res }
                    line += [s.flatMap { $0[keyPath: value].map { fmt($0.rounded()) } } ?? (s == nil ? "" : "–"), ""]
                }
                rows.append(line)
            }
        }
        var notes = unprojected.isEmpty ? "" : "Not projected in any scenario (reasons: `scenario run` or --format csv): "
            + unprojected.joined(separator: ", ") + ".\n"
        notes += "P: analytic where the scenario moves a fitted trend (as `chitieu attain`); ±SE where it comes from "
            + "Monte Carlo draws (resource levers: business as usual plus the paired draw difference; targets at a cap).\n"
            + "Costs over BAU: the increment over business as usual, discounted to the base year (present value); per "
            + "point of density and per percentage point of P(attain) gained at the last milestone (docs/scenarios-model.md).\n"
        for r in results {
            notes += "\(r.name): seed \(r.seed), \(r.draws) draws; \(r.population.label)\n"
        }
        return renderTable(header, rows) + "\n" + notes
    }

    static func compareCSV(_ results: [ScenarioResult], keys: [String], first: [String: ScenarioAttainment],
                           resources: [Resource], indicator: String?) -> String {
        var header = ["plan_row", "indicator", "year", "target"]
        for r in results {
            header += ["median", "pi95_lower", "pi95_upper", "p_attain", "p_attain_se", "status"].map { "\(r.name) \($0)" }
        }
        var out = csvLine(header)
        func number(_ x: Double?) -> String { x.map(fmt) ?? "" }
        for k in keys {
            guard let a = first[k] else { continue }
            var line = [a.planRow, a.indicator, String(a.year), target(a)]
            for r in results {
                let x = find(r, k)
                line += [number(x?.median), number(x?.pi95?.lower), number(x?.pi95?.upper), number(x?.probability),
                         number(x?.probabilitySE), x.map { verdict($0) } ?? ""]
            }
            out += csvLine(line)
        }
        if indicator == nil {
            var cost = ["", "total_cost", "", ""]
            for r in results { cost += [fmt(r.totalCost), "", "", "", "", r.currency] }
            out += csvLine(cost)
            var increment = ["", "cost_increment_pv", "", ""]
            for r in results {
                increment += [number(r.incrementalCost?.presentValue), "", "", "", "", r.currency]
            }
            out += csvLine(increment)
        }
        for res in resources where shows(res, indicator: indicator) {
            for (label, value) in [("cost_per_point_gained", \ResourceSummary.costPerDensityPoint),
                                   ("cost_per_p_point_gained", \ResourceSummary.costPerProbabilityPoint)] {
                var line = ["", label, "", res.rawValue]
                for r in results {
                    line += [number(r.resources.first { $0.resource == res }?[keyPath: value]), "", "", "", "", r.currency]
                }
                out += csvLine(line)
            }
        }
        return out
    }
}
