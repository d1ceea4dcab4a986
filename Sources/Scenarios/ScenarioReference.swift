// MARK: - Reference

/// The scenario language's reference: every key with its type, unit, range, default and an example,
/// built from the parser's own key lists and `ScenarioParser.Limits`, so `chitieu help scenario-file` and
/// Datasets/kontum/scenarios/README.md (checked by a test) cannot drift from what the parser accepts.
public enum ScenarioReference {
    public struct Entry: Sendable {
        /// Key path, e.g. `resources.<staff>.attrition`.
        public let key: String
        /// Type and unit, e.g. "fraction a year".
        public let type: String
        /// Accepted values.
        public let range: String
        public let defaultValue: String
        public let example: String
    }

    typealias L = ScenarioParser.Limits

    static func span(_ r: ClosedRange<Double>) -> String { "\(format(r.lowerBound)) to \(format(r.upperBound))" }
    static func span(_ r: ClosedRange<Int>) -> String { "\(r.lowerBound) to \(r.upperBound)" }

    static let years = span(ScenarioParser.years)

    /// Every key of a scenario file, in file order.
    public static let entries: [Entry] = [
        Entry(key: "name", type: "text", range: "1 line, ≤ 200 characters", defaultValue: "(required)",
              example: "name: Workforce expansion"),
        Entry(key: "description", type: "text", range: "≤ 2000 characters", defaultValue: "empty",
              example: "description: 60 doctors a year"),
        Entry(key: "region", type: "code", range: "letters, digits, _ - . (≤ 64)", defaultValue: "VN-28",
              example: "region: VN-28"),
        Entry(key: "data", type: "path", range: "relative to the scenario file", defaultValue: "bundled Kon Tum data",
              example: "data: ../kontum_province.csv"),
        Entry(key: "targets", type: "path", range: "relative to the scenario file", defaultValue: "bundled plan targets",
              example: "targets: ../plan_targets.csv"),
        Entry(key: "base_year", type: "year", range: years, defaultValue: "2023", example: "base_year: 2023"),
        Entry(key: "horizon", type: "year", range: "after base_year, to \(ScenarioParser.years.upperBound)",
              defaultValue: "(required)", example: "horizon: 2030"),
        Entry(key: "draws", type: "whole number", range: "1 to 1000000; draws × years ≤ \(ScenarioParser.maxDrawYears)",
              defaultValue: "1000", example: "draws: 2000"),
        Entry(key: "seed", type: "whole number", range: "0 to \(UInt64.max)", defaultValue: "1", example: "seed: 20240501"),
        Entry(key: "population.series", type: "code", range: "a series of the region", defaultValue: "population_avg",
              example: "population: {series: population_avg}"),
        Entry(key: "population.growth", type: "fraction a year", range: "strictly between \(span(L.growth).replacingOccurrences(of: " to ", with: " and "))",
              defaultValue: "(instead of series)", example: "population: {growth: 0.012, growth_sd: 0.002, base: 600000}"),
        Entry(key: "population.growth_sd", type: "fraction a year", range: span(L.growthSD), defaultValue: "0",
              example: "growth_sd: 0.002"),
        Entry(key: "population.base", type: "persons in base_year", range: span(L.population),
              defaultValue: "fitted population_avg", example: "base: 600000"),
        Entry(key: "trends.<indicator>", type: "lever", range: "bau | halt | target_path | {one lever: …}",
              defaultValue: "bau", example: "imr: halt"),
        Entry(key: "trends.<indicator>.bau|halt|target_path", type: "boolean", range: "true | false (false = off)",
              defaultValue: "false", example: "u5mr: {target_path: true}"),
        Entry(key: "trends.<indicator>.aarr", type: "fraction a year", range: span(L.aarr) + " (negative = rise)",
              defaultValue: "-", example: "stunting_u5_pct: {aarr: 0.03}"),
        Entry(key: "trends.<indicator>.accelerate", type: "factor", range: span(L.accelerate), defaultValue: "-",
              example: "stunting_u5_pct: {accelerate: 1.5}"),
        Entry(key: "trends.<indicator>.values", type: "year: value", range: "years after base_year to horizon; values "
              + "within the indicator's bounds, in its unit", defaultValue: "-", example: "mmr: {values: {2025: 33, 2030: 30}}"),
        Entry(key: "trends.<indicator>.start_year", type: "year", range: "base_year to horizon",
              defaultValue: "last observed year", example: "start_year: 2024"),
        Entry(key: "trends.<indicator>.cap", type: "[lower, upper]", range: "within the indicator's bounds",
              defaultValue: "the bounds", example: "cap: [0, 100]"),
        Entry(key: "resources.<r>.start_stock", type: "head count in base_year", range: span(L.startStock),
              defaultValue: "from the data (this or start_density)", example: "start_stock: 635"),
        Entry(key: "resources.<r>.start_density", type: "per 10,000 in base_year", range: span(L.startDensity),
              defaultValue: "from the data (this or start_stock)", example: "start_density: 10.5"),
        Entry(key: "resources.<staff>.hires, resources.beds.additions", type: "total intake a year, or a list (one per year)",
              range: span(L.hires), defaultValue: "business as usual (the history's net hiring)", example: "hires: 60"),
        Entry(key: "resources.<staff>.extra_hires, resources.beds.extra_additions",
              type: "intake a year on top of business as usual, or a list", range: span(L.hires) + " (not with hires)",
              defaultValue: "0", example: "extra_hires: 20"),
        Entry(key: "resources.<r>.attrition", type: "fraction a year", range: "0 to below 1", defaultValue: "(required)",
              example: "attrition: 0.03"),
        Entry(key: "resources.<r>.attrition_sd", type: "fraction a year", range: span(L.attritionSD), defaultValue: "0",
              example: "attrition_sd: 0.01"),
        Entry(key: "resources.<r>.attrition_change", type: "fraction a year (change of attrition)",
              range: "strictly between -1 and 1", defaultValue: "0", example: "attrition_change: -0.01"),
        Entry(key: "resources.<r>.pipeline_delay", type: "whole years", range: span(L.pipelineDelay)
              + " (warned when no intake enters before the horizon)", defaultValue: "0", example: "pipeline_delay: 3"),
        Entry(key: "resources.<r>.pipeline_arrivals", type: "graduates a year during the pipeline years",
              range: span(L.hires), defaultValue: "business as usual", example: "pipeline_arrivals: 20"),
        Entry(key: "resources.<staff>.salary, .training_cost; beds.running_cost, .cost_per_bed", type: "currency units",
              range: span(L.unitCost), defaultValue: "0", example: "salary: 1.2e8"),
        Entry(key: "resources.<r>.cost_source", type: "text", range: "≤ 500 characters; required with costs",
              defaultValue: "empty", example: "cost_source: \"illustrative\""),
        Entry(key: "budget.currency", type: "code", range: "e.g. VND", defaultValue: "VND", example: "currency: VND"),
        Entry(key: "budget.annual", type: "currency units a year, or a list", range: span(L.budget), defaultValue: "0",
              example: "annual: 1.5e12"),
        Entry(key: "budget.preventive_share", type: "fraction", range: "0 to 1", defaultValue: "(required)",
              example: "preventive_share: 0.30"),
        Entry(key: "budget.source", type: "text", range: "≤ 500 characters", defaultValue: "empty",
              example: "source: \"illustrative\""),
        Entry(key: "discount_rate", type: "fraction a year", range: "0 to below 1", defaultValue: "0.03",
              example: "discount_rate: 0.03"),
    ]

    /// The reference as plain text (for `chitieu help scenario-file`).
    public static var text: String {
        var out = """
            A scenario file is YAML: `key: value` lines. Types are strict: a year is a whole number \
            \(years); a boolean is true or false; a number is plain decimal (no 0x10, .inf). Rates and \
            shares are fractions (0.03 = 3 %); "3%" is accepted wherever a fraction is, here and on the \
            command line (solve). Indicator values (values, cap) are in the indicator's own unit. Anchors, \
            aliases and tags are refused. <r> = doctors, nurses, pharmacists (<staff>) or beds.
            Errors: file:line:column: key.path: problem (got "value"). Fix. Exit 78.

            """
        for e in entries {
            out += "\(e.key)\n    \(e.type); \(e.range); default \(e.defaultValue). e.g. \(e.example)\n"
        }
        out += "\nExamples: Datasets/kontum/scenarios/*.yaml (one per lever); reference: Datasets/kontum/scenarios/README.md.\n"
        return out
    }
}
