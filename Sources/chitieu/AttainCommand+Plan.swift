import Attainment
import Export
import Foundation
import Planning

extension AttainCommand {
    /// Plan mode: one scorecard row per indicator that has a target for `region`, in plan-row order
    /// (`PlanAssessor.assess`; this command only renders it).
    func runPlan(_ inputs: PlanInputs, region: String) throws {
        let settings = try model.settings()
        let plan = try PlanAssessor.assess(inputs, region: region, policy: try settings.policy(catalogue: inputs.catalogue),
                                           draws: draws, seed: seed)
        if !output.quiet {
            let lang = output.lang
            printError(lang == .vi
                ? "chitieu: \(plan.indicators.count) chỉ số của \(region); xác suất đạt cả hai mốc từ \(draws) lần mô phỏng "
                    + "Monte Carlo, hạt giống \(seed)"
                : "chitieu: \(plan.indicators.count) indicators for \(region); joint probabilities from \(draws) "
                    + "Monte Carlo draws, seed \(seed)")
            for note in plan.notes { printError("  " + NoteText.notePrefix(lang) + NoteText.localized(note, lang)) }
        }
        let table = try ScorecardTable.full(plan, lang: output.lang)
        let compact = try ScorecardTable.compact(plan.rows, lang: output.lang)
        let metadata = runMetadata(files: inputs.files, model: settings.modelLabel,
                                   seed: seed, options: ["region": region, "draws": String(draws),
                                                         "intervals": model.intervals.rawValue,
                                                         "window": model.window ?? "all", "weights": model.weights])
        try output.emit(table, compact: compact, metadata: metadata, title: Label.scorecardTitle.text(output.lang),
                        sheets: try ScorecardTable.sheets(table, lang: output.lang),
                        methods: plan.notes.map { NoteText.localized($0, output.lang) }, sdmx: .milestones)
    }
}
