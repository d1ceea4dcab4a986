import Attainment
import Export
import Foundation
import IndicatorData
import Planning
import Scenarios

// MARK: - scenario compare output

extension ScenarioFormatter {
    /// Side by side: one row per (indicator, milestone year, target) in plan order, per scenario the projected
    /// median with its 95 % interval and P(attain); then total cost and cost per point gained per resource.
    /// CSV, JSON and xlsx: the long table (`compareTable(runs:)`), one row per scenario and milestone.
    /// - Throws: `CLIError` (64) when `indicator` matches no target of any scenario.
    static func compare(_ runs: [ScenarioAssessment], indicator: String?, format: OutputFormat, lang: Language = .en,
                        toStdout: Bool) throws -> Data {
        let results = runs.map { $0.result }
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
        let long = { try compareTable(runs: runs, indicator: indicator, lang: lang) }
        switch format {
        case .csv: return try TidyCSVWriter().render(long())
        case .json: return try JSONTableWriter(metadata: scenarioMetadata(runs)).render(long())
        case .xlsx:
            return try workbook([XLSXSheet(name: lang == .vi ? "So sánh" : "Comparison", table: long())], lang: lang,
                                title: "chitieu scenario compare", metadata: scenarioMetadata(runs),
                                methods: results.flatMap { $0.notes }, toStdout: toStdout)
        case .table:
            return Data(compareTable(results, keys: keys, first: first, resources: resources, indicator: indicator,
                                     lang: lang).utf8)
        }
    }

    /// The long comparison: the milestone columns (`MilestoneTable`, `scenario` first) of every scenario's
    /// milestones, then the scenario's costs over business as usual and, on a resource's density rows, that
    /// resource's cost per point of density and per percentage point of P(attain) gained; last the scenario's
    /// draws and seed.
    static func compareTable(runs: [ScenarioAssessment], indicator: String?, lang: Language) throws -> Table {
        let names = ["scenario"] + MilestoneTable.columns
        let costs = ["total_cost", "cost_increment_pv", "discount_rate", "cost_per_density_point", "cost_per_p_point",
                     "currency"]
        var rows: [[Cell]] = []
        for run in runs {
            let r = run.result
            for m in run.milestones where indicator == nil || m.key.indicator == indicator {
                let resource = r.resources.first { $0.resource.indicator == m.key.indicator }
                rows.append(MilestoneTable.Row(m, lang: lang).cells(names) + [
                    .number(r.totalCost), ScorecardTable.number(r.incrementalCost?.presentValue),
                    ScorecardTable.number(r.incrementalCost?.discountRate ?? r.discountRate),
                    ScorecardTable.number(resource?.costPerDensityPoint),
                    ScorecardTable.number(resource?.costPerProbabilityPoint), .text(r.currency),
                ] + runCells(r))
            }
        }
        return try Table(columns: names + costs + runColumns, rows: rows)
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
            var line = [a.planRow, a.indicator, String(a.year), target(a, lang)]
            for r in results {
                let x = find(r, k)
                line += [lang.localizedNumber(x.map(projection) ?? ""), lang.localizedNumber(x.map(probability) ?? "")]
            }
            rows.append(line)
        }
        let vi = lang == .vi
        func money(_ x: Double, _ currency: String) -> String { PeopleNumber.money(x, currency: currency, lang) ?? fmt(x) }
        if indicator == nil {
            var cost = ["", vi ? "tổng chi phí" : "total cost", "", ""]
            for r in results { cost += [money(r.totalCost, r.currency), ""] }
            rows.append(cost)
            var increment = ["", vi ? "chi phí tăng thêm so với kịch bản cơ sở (giá trị hiện tại)" : "cost over BAU (PV)", "", ""]
            for r in results {
                increment += [r.incrementalCost.map { money($0.presentValue, r.currency) + (vi ? " với lãi suất chiết khấu " : " at ")
                    + lang.localizedNumber(fmt(100 * $0.discountRate)) + " %" } ?? "–", ""]
            }
            rows.append(increment)
        }
        for res in resources where shows(res, indicator: indicator) {
            for (label, value) in [(vi ? "chi phí cho mỗi điểm tăng thêm" : "cost per point gained", \ResourceSummary.costPerDensityPoint),
                                   (vi ? "chi phí cho mỗi điểm phần trăm P tăng thêm" : "cost per P point gained",
                                    \ResourceSummary.costPerProbabilityPoint)] {
                var line = ["", label, "", res.rawValue]
                for r in results {
                    let s = r.resources.first { $0.resource == res }
                    line += [s.flatMap { summary in summary[keyPath: value].map { money($0, r.currency) } } ?? (s == nil ? "" : "–"), ""]
                }
                rows.append(line)
            }
        }
        return renderTable(header, rows) + "\n" + compareNotes(results, unprojected: unprojected, lang: lang)
    }

    /// The lines under the comparison: what was not projected, how P and the costs are made, each
    /// scenario's seed, draws and population model.
    static func compareNotes(_ results: [ScenarioResult], unprojected: [String], lang: Language) -> String {
        var notes: String
        if lang == .vi {
            notes = unprojected.isEmpty ? "" : "Không kịch bản nào dự báo được (lý do: `chitieu scenario run` hoặc "
                + "--format csv): " + unprojected.joined(separator: ", ") + ".\n"
            notes += "P: giải tích khi kịch bản thay đổi một xu hướng đã ước lượng (như `chitieu attain`); ± sai số chuẩn khi "
                + "tính từ mô phỏng Monte Carlo (đòn bẩy nguồn lực: kịch bản cơ sở cộng chênh lệch theo cặp; chỉ tiêu ở mức trần).\n"
                + "Chi phí tăng thêm: phần vượt so với kịch bản cơ sở, chiết khấu về năm gốc (giá trị hiện tại); cho mỗi điểm "
                + "mật độ và mỗi điểm phần trăm P(đạt) tăng thêm ở mốc cuối (docs/scenarios-model.md).\n"
            for r in results {
                notes += "\(r.name): hạt giống \(r.seed), \(r.draws) lần mô phỏng; \(NoteText.localized(r.population.label, lang))\n"
            }
            return notes
        }
        notes = unprojected.isEmpty ? "" : "Not projected in any scenario (reasons: `scenario run` or --format csv): "
            + unprojected.joined(separator: ", ") + ".\n"
        notes += "P: analytic where the scenario moves a fitted trend (as `chitieu attain`); ±SE where it comes from "
            + "Monte Carlo draws (resource levers: business as usual plus the paired draw difference; targets at a cap).\n"
            + "Costs over BAU: the increment over business as usual, discounted to the base year (present value); per "
            + "point of density and per percentage point of P(attain) gained at the last milestone (docs/scenarios-model.md).\n"
        for r in results {
            notes += "\(r.name): seed \(r.seed), \(r.draws) draws; \(r.population.label)\n"
        }
        return notes
    }
}
