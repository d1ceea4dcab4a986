import Foundation
import IndicatorData
import Yams

// MARK: - File format

/// Reads a scenario file. Format (every key but `name` and `horizon` optional):
///
/// ```yaml
/// name: Workforce expansion
/// description: 60 doctors a year
/// region: VN-28                 # default VN-28 (Kon Tum)
/// data: kontum_province.csv     # default: bundled Kon Tum data; relative to this file
/// targets: plan_targets.csv     # default: bundled Kon Tum plan targets
/// base_year: 2023               # default 2023, the plan's baseline year
/// horizon: 2030                 # last projected year
/// draws: 2000                   # Monte Carlo draws, default 1000
/// seed: 7                       # default 1
/// population: {series: population_avg}     # or {growth: 0.012, growth_sd: 0.002, base: 600000}
/// trends:                       # per indicator: bau | halt | target_path | {aarr: 3%} | {accelerate: 1.5}
///   stunting_u5_pct: {accelerate: 1.5, start_year: 2024, cap: [0, 100]}
///   imr: {values: {2025: 12.0, 2030: 10.0}}
/// resources:                    # doctors, nurses, pharmacists, beds
///   doctors: {start_density: 10.5, hires: 60, attrition: 0.03, pipeline_delay: 0,
///             salary: 1.0e8, training_cost: 5.0e8, cost_source: "illustrative"}
///   beds: {start_density: 40.0, additions: 20, attrition: 0.0, cost_per_bed: 1.0e9}
/// budget: {currency: VND, annual: 1.0e12, preventive_share: 0.30}
/// discount_rate: 0.03          # for the costs over business as usual, default 3 % a year
/// ```
///
/// Resources are changes to business as usual (the density trend of the scorecard): `hires`/`additions` are
/// the total intake a year (the lever adds `hires − h̄`, h̄ the net hiring implied by the history),
/// `extra_hires`/`extra_additions` the intake on top of business as usual, `attrition_change` a change of
/// the attrition rate; with none of them the resource runs business as usual. `start_stock`/`start_density`
/// are optional (default: from the data).
public enum ScenarioParser {
    static let topKeys = ["name", "description", "region", "data", "targets", "base_year", "horizon", "draws",
                          "seed", "population", "trends", "resources", "budget", "discount_rate"]
    static let leverKeys = ["bau", "aarr", "accelerate", "target_path", "halt", "values"]
    static let leverOptions = ["start_year", "cap"]
    static let staffKeys = ["start_stock", "start_density", "hires", "extra_hires", "attrition", "attrition_sd",
                            "attrition_change", "pipeline_delay", "pipeline_arrivals", "salary", "training_cost",
                            "cost_source"]
    static let bedKeys = ["start_stock", "start_density", "additions", "extra_additions", "attrition", "attrition_sd",
                          "attrition_change", "pipeline_delay", "pipeline_arrivals", "cost_per_bed", "running_cost",
                          "cost_source"]

    /// Calendar years a scenario may name (base_year, horizon, start_year, values).
    public static let years = 1900...2100
    /// Draws × projected years one scenario may ask for (memory of the Monte Carlo: 8 bytes each per
    /// indicator or resource; 10⁷ is 80 MB, and the default 1,000 × 7 is 7,000).
    public static let maxDrawYears = 10_000_000

    /// Parses and validates a scenario.
    ///
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - file: the name printed in errors.
    ///   - catalogue: known indicators by code (for unknown-indicator and cap checks); `nil` skips them.
    /// - Throws: `ScenarioError.invalidFile` with file:line:column, the key path, the value and the fix.
    public static func parse(yaml: String, file: String, catalogue: [String: Indicator]?) throws -> Scenario {
        let reader = YAMLNodeReader(file: file)
        try YAMLPreflight.check(yaml, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ScenarioError.invalidFile(file: file, line: 1, column: 1,
                                                message: "the file is empty; start with `name:` and `horizon:`")
            }
            root = node
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        var fields: [String: (keyNode: Node, value: Node)] = [:]
        var marks: [String: SourceMark] = [:]
        for entry in try reader.entries(root, at: "the scenario", allowed: topKeys) {
            fields[entry.key] = (entry.keyNode, entry.value)
            marks[entry.key] = reader.mark(entry.keyNode)
        }
        func required(_ key: String, example: String) throws -> Node {
            guard let value = fields[key]?.value else {
                throw reader.fail(root, "missing field `\(key)`: add `\(key): \(example)`")
            }
            return value
        }
        let nameNode = try required("name", example: "Business as usual")
        let name = try reader.text(nameNode, at: "name")
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw reader.fail(nameNode, "name: must not be empty. Give the scenario a name, e.g. name: Business as usual")
        }
        let horizonNode = try required("horizon", example: "2030  # the last projected year")
        let horizon = try reader.year(horizonNode, at: "horizon")
        let baseYear = try fields["base_year"].map { try reader.year($0.value, at: "base_year") } ?? 2023
        guard horizon > baseYear else {
            throw reader.fail(horizonNode, "horizon", "must be after base_year \(baseYear)",
                              fix: "Give the last projected year, e.g. horizon: \(min(baseYear + 7, years.upperBound))")
        }
        let draws = try fields["draws"].map { try reader.integer($0.value, at: "draws", in: 1...1_000_000) } ?? 1000
        if let node = fields["draws"]?.value, draws * (horizon - baseYear) > maxDrawYears {
            throw reader.fail(node, "draws", "× \(horizon - baseYear) projected years is more than \(maxDrawYears) draw-years",
                              fix: "Use at most \(maxDrawYears / (horizon - baseYear)) draws for this horizon")
        }
        let seed = try fields["seed"].map { node -> UInt64 in
            let text = try reader.plainText(node.value, at: "seed", kind: "a whole number")
            guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let s = UInt64(text) else {
                throw reader.fail(node.value, "seed", "must be a whole number from 0 to \(UInt64.max)", fix: "Use e.g. seed: 20240501")
            }
            return s
        } ?? 1
        let context = Context(reader: reader, baseYear: baseYear, horizon: horizon, catalogue: catalogue)
        var scenario = Scenario(
            name: name,
            description: try fields["description"].map { try reader.text($0.value, at: "description", maxLength: 2000, multiline: true) } ?? "",
            region: try fields["region"].map { try reader.code($0.value, at: "region", example: "VN-28") } ?? "VN-28",
            dataFile: try fields["data"].map { try reader.text($0.value, at: "data", maxLength: 1024) },
            targetsFile: try fields["targets"].map { try reader.text($0.value, at: "targets", maxLength: 1024) },
            baseYear: baseYear, horizon: horizon, draws: draws, seed: seed,
            population: try fields["population"].map { try context.population($0.value) } ?? .series("population_avg"),
            marks: marks)
        if let trends = fields["trends"]?.value {
            for entry in try reader.entries(trends, at: "trends") {
                scenario.trends[entry.key] = try context.lever(entry.value, indicator: entry.key, keyNode: entry.keyNode)
                scenario.marks["trends.\(entry.key)"] = reader.mark(entry.keyNode)
            }
        }
        if let resources = fields["resources"]?.value {
            for entry in try reader.entries(resources, at: "resources", allowed: Resource.allCases.map(\.rawValue)) {
                guard let resource = Resource(rawValue: entry.key) else { continue }
                let (spec, warnings) = try context.resource(entry.value, resource: resource)
                scenario.resources[resource] = spec
                scenario.warnings += warnings
                scenario.marks["resources.\(entry.key)"] = reader.mark(entry.keyNode)
            }
        }
        if let budget = fields["budget"]?.value { scenario.budget = try context.budget(budget) }
        if let node = fields["discount_rate"]?.value {
            scenario.discountRate = try reader.number(node, at: "discount_rate", in: Limits.discountRate, unit: .fraction,
                                                      ends: .upperOpen)
        }
        return scenario
    }

    /// Reads and parses a scenario file from disk.
    public static func read(contentsOf url: URL, displayName: String? = nil,
                            catalogue: [String: Indicator]?) throws -> Scenario {
        let name = displayName ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScenarioError.invalidFile(file: name, line: 0, column: 0,
                                            message: "cannot read the file (\(error.localizedDescription)); check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError.invalidFile(file: name, line: 0, column: 0, message: "the file is not UTF-8 text; save it as UTF-8")
        }
        return try parse(yaml: text, file: name, catalogue: catalogue)
    }

    /// Maps a Yams syntax error to file:line:column with libyaml's problem text.
    static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .invalidFile(file: file, line: mark.line, column: mark.column,
                                message: "YAML syntax error: \(problem). Check indentation (spaces, not tabs), "
                                    + "colons after keys and matching brackets/quotes.")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .invalidFile(file: file, line: context.mark.line, column: context.mark.column,
                                message: "duplicate key(s) \(duplicates.prefix(5).map { MessageEcho.quoted($0) }.joined(separator: ", ")); keep one of each")
        case .reader(let problem, let offset, _, let yaml):
            let before = offset.map { yaml.utf8.prefix($0) } ?? yaml.utf8.prefix(0)
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .invalidFile(file: file, line: line, column: 1,
                                message: "YAML syntax error: \(MessageEcho.escaped(problem)). Remove control characters "
                                    + "(save the file as plain UTF-8 text)")
        default:
            return .invalidFile(file: file, line: 1, column: 1, message: "YAML error: the file cannot be read as YAML")
        }
    }
}
