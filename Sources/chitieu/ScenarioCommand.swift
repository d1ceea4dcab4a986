import ArgumentParser
import Foundation
import IndicatorData
import Scenarios

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Run and compare scenarios.",
        subcommands: [ScenarioRun.self, ScenarioCompare.self])
}

/// Options shared by `scenario run` and `scenario compare`.
struct ScenarioRunOptions: ParsableArguments {
    @Option(help: "Monte Carlo draws (overrides the file).") var draws: Int?
    @Option(help: "Random seed (overrides the file).") var seed: UInt64?
    @Option(help: "Write the output to FILE (atomically) instead of stdout.") var out: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress line.") var quiet = false

    func validate() throws {
        if let draws, !(1...1_000_000).contains(draws) { throw ValidationError("Use --draws from 1 to 1000000.") }
    }
}

/// Loads a scenario and its data, runs it.
func runScenarioFile(_ path: String, options: ScenarioRunOptions) throws -> ScenarioResult {
    let catalogue = try BundledData.catalogue()
    var byCode: [String: Indicator] = [:]
    for entry in catalogue.indicators { byCode[entry.code] = entry }
    let url = URL(fileURLWithPath: path)
    var scenario = try ScenarioParser.read(contentsOf: url, displayName: path, catalogue: byCode)
    if let draws = options.draws { scenario.draws = draws }
    if let seed = options.seed { scenario.seed = seed }
    let folder = url.deletingLastPathComponent()
    let dataURL = try scenario.dataFile.map { folder.appendingPathComponent($0) } ?? BundledData.file("kontum/kontum_province.csv")
    let targetsURL = try scenario.targetsFile.map { folder.appendingPathComponent($0) } ?? BundledData.file("kontum/plan_targets.csv")
    let collection = try SeriesReader.read(contentsOf: dataURL)
    var series: [String: Series] = [:]
    for s in collection.series where s.region == scenario.region { series[s.indicator] = s }
    let targets = try Target.read(contentsOf: targetsURL)
    // Trend fits come from the Projection fitter; until it is wired here, trend indicators are listed as
    // not projected (resources and the budget lever do not need a fit).
    let inputs = ScenarioInputs(catalogue: byCode, series: series, fits: [:],
                                unassessable: [:], targets: targets)
    let showProgress = !options.quiet && isatty(STDERR_FILENO) == 1
    printError("scenario \(scenario.name): seed \(scenario.seed), \(scenario.draws) draws")
    let progress: (@Sendable (Int, Int) -> Void)? = showProgress ? reportProgress : nil
    let result = try ScenarioRunner(scenario: scenario, inputs: inputs).run(progress: progress)
    for note in result.notes { printError("note: \(note)") }
    return result
}

/// Writes `text` to `path` via a temporary file in the same folder and a rename (atomic on POSIX).
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    do {
        try Data(text.utf8).write(to: temp)
        if FileManager.default.fileExists(atPath: url.path) {
            _ = try FileManager.default.replaceItemAt(url, withItemAt: temp)
        } else {
            try FileManager.default.moveItem(at: temp, to: url)
        }
    } catch {
        try? FileManager.default.removeItem(at: temp)
        throw CLIError(message: "cannot write \(path): \(error.localizedDescription). Check the folder exists and is writable.",
                       code: ExitStatus.cannotCreate)
    }
}

func emit(_ text: String, out: String?) throws {
    if let out { try writeAtomically(text, to: out) } else { print(text, terminator: "") }
}

struct ScenarioRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one scenario file: tidy rows per year, indicator and kind, and a scorecard.")
    @Argument(help: "Scenario YAML file.") var file: String
    @OptionGroup var options: ScenarioRunOptions

    func run() throws {
        try mapScenarioErrors {
            let result = try runScenarioFile(file, options: options)
            try emit(ScenarioFormatter.render(result, format: options.format), out: options.out)
        }
    }
}

struct ScenarioCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare scenarios side by side: P(attain) per target, costs.")
    @Argument(help: "Two or more scenario YAML files.") var files: [String]
    @Option(help: "Only this indicator.") var indicator: String?
    @OptionGroup var options: ScenarioRunOptions

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("Give at least two scenario files to compare.") }
    }

    func run() throws {
        try mapScenarioErrors {
            let results = try files.map { try runScenarioFile($0, options: options) }
            try emit(ScenarioFormatter.compare(results, indicator: indicator, format: options.format), out: options.out)
        }
    }
}

/// Progress line on stderr (only called when stderr is a terminal).
@Sendable func reportProgress(_ done: Int, _ total: Int) {
    FileHandle.standardError.write(Data("\r\(done)/\(total) indicators and resources".utf8))
    if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
}

// MARK: - Output

/// Text renderings of scenario results (table, CSV, JSON).
enum ScenarioFormatter {
    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    static func render(_ r: ScenarioResult, format: OutputFormat) -> String {
        switch format {
        case .csv:
            var lines = ["scenario,region,indicator,year,kind,level,value,method"]
            for row in r.rows {
                lines.append([row.scenario, row.region, row.indicator, String(row.year), row.kind,
                              row.level.map(String.init) ?? "", fmt(row.value), row.method].map(csvField).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let rows = r.rows.map { row in
                "{\"indicator\":\(jsonString(row.indicator)),\"year\":\(row.year),\"kind\":\(jsonString(row.kind)),"
                    + "\"level\":\(row.level.map(String.init) ?? "null"),\"value\":\(fmt(row.value)),\"method\":\(jsonString(row.method))}"
            }
            let attain = r.attainment.map { a in
                "{\"indicator\":\(jsonString(a.indicator)),\"year\":\(a.year),\"target\":\(jsonString(a.targetText)),"
                    + "\"central\":\(fmt(a.central)),\"p_attain\":\(fmt(a.probability))}"
            }
            return "{\"metadata\":{\"scenario\":\(jsonString(r.name)),\"region\":\(jsonString(r.region)),\"seed\":\(r.seed),"
                + "\"draws\":\(r.draws),\"base_year\":\(r.baseYear),\"horizon\":\(r.horizon),"
                + "\"population\":\(jsonString(r.population.label)),\"notes\":[\(r.notes.map(jsonString).joined(separator: ","))]},"
                + "\"rows\":[\(rows.joined(separator: ","))],\"scorecard\":[\(attain.joined(separator: ","))]}\n"
        case .table:
            var lines = ["Scenario: \(r.name) (\(r.region), \(r.baseYear)–\(r.horizon), seed \(r.seed), \(r.draws) draws)"]
            lines.append(String(format: "%-30@ %5@ %-8@ %10@ %18@ %9@", "indicator", "year", "target", "central",
                                "80% interval", "P(attain)"))
            for a in r.attainment {
                lines.append("\(a.indicator.padding(toLength: 30, withPad: " ", startingAt: 0)) \(a.year)  "
                    + "\(a.targetText.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                    + String(format: "%10.2f   [%6.2f, %6.2f] %8.0f%%", a.central, a.lower80, a.upper80, 100 * a.probability))
            }
            for s in r.resources {
                lines.append("\(s.resource.rawValue): stock \(fmt((s.startStock * 10).rounded() / 10)) (\(s.startStockSource)), "
                    + "density \(String(format: "%.2f", s.startDensity)) → \(String(format: "%.2f", s.endDensity)), "
                    + "total cost \(fmt(s.totalCost)) \(r.currency)"
                    + (s.costPerDensityPoint.map { ", \(fmt($0)) per point gained" } ?? "")
                    + (s.costSource.isEmpty ? "" : " [costs: \(s.costSource)]"))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func compare(_ results: [ScenarioResult], indicator: String?, format: OutputFormat) -> String {
        var keys: [String] = []
        for r in results {
            for a in r.attainment where indicator == nil || a.indicator == indicator {
                let k = "\(a.indicator)|\(a.year)|\(a.targetText)"
                if !keys.contains(k) { keys.append(k) }
            }
        }
        let sep = format == .csv ? "," : " | "
        var lines = [(["indicator", "year", "target"] + results.flatMap { ["\($0.name) central", "\($0.name) P(attain)"] })
            .map(csvField).joined(separator: sep)]
        for k in keys {
            let parts = k.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            var cells = parts
            for r in results {
                let a = r.attainment.first { "\($0.indicator)|\($0.year)|\($0.targetText)" == k }
                cells.append(a.map { fmt(($0.central * 100).rounded() / 100) } ?? "")
                cells.append(a.map { fmt(($0.probability * 1000).rounded() / 1000) } ?? "")
            }
            lines.append(cells.map(csvField).joined(separator: sep))
        }
        lines.append((["total cost", "", ""] + results.flatMap { [fmt($0.totalCost), ""] }).joined(separator: sep))
        return lines.joined(separator: "\n") + "\n"
    }
}
