import ArgumentParser
import Export
import Foundation
import Planning
import IndicatorData
import Projection

/// `chitieu project`: one series projected with prediction intervals, as tidy rows.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project one series with prediction intervals (tidy rows).",
        discussion: """
            Rows: observed values, the fitted trend over the fit window (with the confidence interval of the \
            mean), and projected values to --to with prediction intervals of a new observation at each --level. \
            Every row names the model, window and method. A regional series with fewer than \
            --own-trend-minimum points borrows the national slope (shift method), labelled as such. Default \
            data: the bundled Kon Tum and Viet Nam files; --data reads any layout (docs/inputs.md).
            """)

    @Option(help: "Indicator code, e.g. u5mr (see `chitieu indicators`).", completion: IndicatorCompletion.kind)
    var indicator: String

    @Option(help: "Region code, e.g. VN or VN-28.")
    var region: String = "VN"

    @Option(help: "Last year to project.")
    var to: Int = 2030

    @Option(parsing: .upToNextOption, help: "Interval levels in percent (e.g. --level 80 95).")
    var level: [Double] = [80, 95]

    @OptionGroup var dataOption: DataFilesOption
    @OptionGroup var targetsOption: TargetsOption
    @OptionGroup var catalogueOption: CatalogueOption
    var dataFiles: [String] { dataOption.files }
    var targets: String? { targetsOption.targets }
    var catalogue: String? { catalogueOption.catalogue }

    @Flag(help: "Also print how the last projected year moves when the window start moves ±3 years (stderr).")
    var sensitivity = false

    @OptionGroup var model: ModelOptions
    @OptionGroup var read: DataReadOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1901...2100).contains(to) else { throw ValidationError("Use --to with a year between 1901 and 2100.") }
        for l in level where !(l > 0 && l < 100) {
            throw ValidationError("Use --level with percentages strictly between 0 and 100 (got \(l)).")
        }
    }

    func run() throws {
        try runReportingErrors {
            let inputs = try PlanInputs.loadSeries(dataFiles: dataFiles, catalogueFile: catalogue, read: read)
            guard let indicatorEntry = inputs.catalogue.entry(forSeries: indicator) ?? nil as Indicator? else {
                throw CLIError(message: "indicator \(indicator) is not in the catalogue; see `chitieu indicators`, "
                    + "or pass --catalogue", code: ExitStatus.usage)
            }
            var data: [SeriesKey: Series] = [:]
            for s in inputs.collection.series { data[s.key] = s }
            let key = SeriesKey(indicator: indicator, region: region)
            guard let series = data[key] ?? data[SeriesKey(indicator: indicatorEntry.provincialSeries ?? indicator,
                                                            region: region)] else {
                let regions = inputs.collection.series.filter { $0.indicator == indicator }.map(\.region).sorted()
                throw CLIError(message: "no data for \(indicator) in region \(region)"
                    + (regions.isEmpty ? "" : " (it has: \(regions.joined(separator: ", ")))")
                    + "; use --region or --data", code: ExitStatus.dataError)
            }
            if let last = series.lastYear, to <= last {
                throw CLIError(message: "Use --to with a year after the last observed year (\(last)).",
                               code: ExitStatus.usage)
            }
            var entry = indicatorEntry
            entry.provincialSeries = series.indicator
            let projection = PlanProjector.project(indicator: entry, region: region, data: data,
                                                   policy: try model.policy(catalogue: inputs.catalogue), sensitivityYear: to)
            guard let fit = projection.fit else {
                throw CLIError(message: "cannot project \(key): \(projection.reason ?? "no fit")",
                               code: ExitStatus.dataError)
            }
            if !output.quiet {
                let lang = output.lang
                printError("chitieu: \(key): \(fit.modelLabel), " + (lang == .vi ? "phương pháp" : "method") + " \(fit.method)")
                for w in fit.warnings { output.warn(w) }
                if let choice = projection.choice { printError(NoteText.localized("model choice: \(choice)", lang)) }
                if sensitivity, let s = projection.sensitivity {
                    let alternatives = s.alternatives.map { "\($0.start): \(ScorecardTable.short($0.value))" }
                    printError((lang == .vi ? "độ nhạy theo khoảng số liệu (\(s.year)): gốc " : "window sensitivity (\(s.year)): base ")
                        + lang.localizedNumber(ScorecardTable.short(s.base) + "; " + alternatives.joined(separator: ", ")))
                }
            }
            var rows = fit.rows(observed: series, to: to, levels: level.map { $0 / 100 })
            rows += try targetRows(for: series.key)
            let table = try Self.table(rows)
            try output.emit(table, metadata: runMetadata(files: inputs.files, model: fit.modelLabel, seed: nil,
                                                         options: ["method": fit.method.description]))
        }
    }

    /// The plan's numeric targets for this series as kind=target rows (value, comparator and kind in `method`).
    private func targetRows(for key: SeriesKey) throws -> [ProjectionRow] {
        let input = try PlanFiles.resolve(dataFiles: dataFiles, targetsFile: targets, catalogueFile: catalogue,
                                           read: read)
        let (url, name) = try input.targets()
        guard targets != nil || FileManager.default.fileExists(atPath: url.path) else { return [] }
        let all = try Target.read(contentsOf: url, displayName: name, options: input.targetOptions)
        return all.filter { $0.indicator == key.indicator && $0.region == key.region }.compactMap { t in
            guard let value = t.value else { return nil }
            return ProjectionRow(area: t.region, indicator: t.indicator, year: t.year, kind: .target, value: value,
                                 model: "plan", window: "",
                                 method: targetMethod(t, name: name))
        }
    }

    /// The `method` of a target row: "< strict target (< 40); FILE" (in Vietnamese with --lang vi).
    private func targetMethod(_ t: Target, name: String) -> String {
        let comparator = t.comparator?.rawValue ?? ""
        guard output.lang == .vi else { return "\(comparator) \(t.kind.rawValue) target (\(t.text)); \(name)" }
        let kind = CodeLabel.text(t.kind.rawValue, column: "kind", .vi)?.lowercased() ?? t.kind.rawValue
        return "chỉ tiêu \(comparator) \(kind) (\(t.text)); \(name)"
    }

    static func table(_ rows: [ProjectionRow]) throws -> Table {
        try Table(columns: ProjectionRow.columns, rows: rows.map { r in
            [.text(r.area), .text(r.indicator), .integer(r.year), .text(r.kind.rawValue), .number(r.value),
             r.level.map { .number($0) } ?? .missing, r.lower.map { .number($0) } ?? .missing,
             r.upper.map { .number($0) } ?? .missing, .text(r.model), .text(r.window), .text(r.method)]
        })
    }
}
