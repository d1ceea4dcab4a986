import ArgumentParser
import Export
import Foundation
import IndicatorData

// MARK: - Input option groups (one definition, one meaning, every command)

/// `--data FILE[:options]` (repeatable): data files in any layout, read by `InputReader`.
/// The command's help says what the default (bundled) data are.
struct DataFilesOption: ParsableArguments {
    @Option(name: .customLong("data"), parsing: .singleValue, help: dataFileHelp, completion: .file())
    var files: [String] = []

    func validate() throws { _ = try parseFileSpecs(files) }
}

/// `--targets FILE[:options]`: a targets CSV (plan format, or tidy columns plus `comparator`).
struct TargetsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Targets CSV (plan format, or indicator_code,region,year,value,…,comparator); FILE:decimal=comma,… "
                               + "as for --data. Default for attain, project and plot: the bundled Kon Tum plan; data check compares "
                               + "year-to-date figures with it.", valueName: "file[:options]"),
            completion: .file(extensions: ["csv"]))
    var targets: String?

    func validate() throws { _ = try parseFileSpecs(targets.map { [$0] } ?? []) }
}

/// `--catalogue FILE`: the indicator catalogue (codes, direction, bounds, scale, national series).
struct CatalogueOption: ParsableArguments {
    @Option(help: ArgumentHelp("Indicator catalogue CSV. Default: the bundled Datasets/indicators.csv.", valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var catalogue: String?
}

/// The help of every `--data` option.
let dataFileHelp = ArgumentHelp(
    "Data file (repeatable) in any layout chitieu reads: tidy CSV, DHIS2 dataValueSets CSV/JSON, DHIS2 analytics CSV, "
        + "WHO GHO, SDMX-CSV or a wide sheet, detected from the header. Per-file options: "
        + "FILE:decimal=comma,delimiter=semicolon,mapping=MAP,layout=NAME,aggregate=sum (docs/inputs.md). "
        + "Default: the command's bundled data (see its help).",
    valueName: "file[:options]")

// MARK: - Completion of indicator codes

/// Shell completion of `--indicator`: the codes of the bundled catalogue that start with what was typed.
/// Evaluated when the user presses TAB (the shell runs `chitieu ---completion …`), not when the script is made.
enum IndicatorCompletion {
    static let kind = CompletionKind.custom { _, _, prefix in codes(prefix: prefix) }

    static func codes(prefix: String) -> [String] {
        let all = (try? BundledData.catalogue())?.indicators.map(\.code) ?? []
        return all.filter { $0.hasPrefix(prefix) }
    }
}

// MARK: - Output option groups

/// `--out FILE` and `--force`: where data go instead of stdout, written atomically (temporary file, then
/// rename), and whether an existing file may be replaced. Without `--force` an existing file is never replaced
/// (exit 64).
struct OutputFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write to this file instead of stdout (atomically: a temporary file, then rename; an existing "
                               + "file only with --force).", valueName: "file"),
            completion: .file())
    var out: String?

    @Flag(help: "Replace --out if it exists.")
    var force = false
}

/// `--quiet`: nothing but errors on stderr.
struct QuietOption: ParsableArguments {
    @Flag(help: "No progress, notes or warnings on stderr (errors are still printed; data on stdout are unchanged).")
    var quiet = false
}

/// `--lang vi|en`: the language of what people read (headers, verdicts, notes, chart text). CSV/JSON column
/// names stay stable English identifiers.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of headers, verdicts, notes and chart text: vi or en (CSV/JSON column names stay English).")
    var lang: Language = .en
}
