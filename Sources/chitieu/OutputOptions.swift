import ArgumentParser
import Attainment
import Export
import Foundation
import IndicatorData

extension Language: ExpressibleByArgument {}
extension ExcelLocale: ExpressibleByArgument {}

/// Output options shared by every command that produces rows: where, in which format, in which language.
/// Data goes to stdout (or `--out`, written atomically); messages go to stderr.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong,
            help: "Output format: table (for people), csv (tidy), json (with a metadata block), xlsx (Excel workbook; needs --out unless stdout is a pipe), excel (CSV with BOM for Excel; see --locale), sdmx (SDMX-CSV 2.0).")
    var format: RowFormat = .table

    @OptionGroup var file: OutputFileOptions
    @OptionGroup var language: LanguageOption
    var out: String? { file.out }
    var force: Bool { file.force }
    var lang: Language { language.lang }

    @Option(help: "For --format excel: vi writes ';' and decimal commas, en writes ',' and decimal points.")
    var locale: ExcelLocale = .en

    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    /// Writes `table` in the chosen format. `compact` is the human table shown for `--format table`
    /// (defaults to `table` itself, rounded for people); `sheets` are the workbook's tables for
    /// `--format xlsx` (defaults to `table` on one sheet named `title`), `methods` the sentences of its
    /// methods sheet.
    /// `sdmx` is the SDMX-CSV mapping of the table's schema (default: the tidy projection rows of `project`).
    func emit(_ table: Table, compact: Table? = nil, metadata: RunMetadata, title: String = "chitieu",
              sheets: [XLSXSheet]? = nil, methods: [String] = [],
              sdmx: SDMXMapping = .chitieuProjection(agency: "CHITIEU", dataflow: "PROJECTION", version: "1.0")) throws {
        let data: Data
        switch format {
        case .table:
            let colour = TextTableWriter.shouldUseColour(
                environment: ProcessInfo.processInfo.environment,
                isTTY: out == nil && isatty(STDOUT_FILENO) == 1)
            let people = try PeopleTable(compact ?? table, language: lang)
            data = try TextTableWriter(colour: colour).render(people)
        case .xlsx:
            data = try workbook(sheets ?? [XLSXSheet(name: title, table: table)], lang: lang, title: title,
                                metadata: metadata, methods: methods, toStdout: out == nil)
        case .csv: data = try TidyCSVWriter().render(table)
        case .json: data = try JSONTableWriter(metadata: metadata).render(table)
        case .excel: data = try ExcelCSVWriter(locale: locale).render(table)
        case .sdmx: data = try SDMXCSVWriter(mapping: sdmx).render(table)
        }
        if let out {
            try AtomicFile.write(data, to: URL(fileURLWithPath: out), overwrite: force)
            if !quiet { printError("chitieu: " + (lang == .vi ? "đã ghi" : "wrote") + " \(out) (\(format.rawValue))") }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Prints a warning unless `--quiet`.
    func warn(_ message: String) {
        if !quiet { printError(NoteText.warningPrefix(lang) + NoteText.localized(message, lang)) }
    }
}

/// The `--format xlsx` bytes of every command: `sheets`, then the methods sheet (metadata, `methods`, the
/// verdict colours). A workbook is binary: refused (exit 64) when it would go to a terminal.
func workbook(_ sheets: [XLSXSheet], lang: Language, title: String, metadata: RunMetadata, methods: [String] = [],
              toStdout: Bool) throws -> Data {
    if toStdout, isatty(STDOUT_FILENO) == 1 {
        throw CLIError(message: "an Excel workbook is binary; write it to a file with --out FILE.xlsx "
            + "(or redirect stdout to a file)", code: ExitStatus.usage)
    }
    return try XLSXWriter(language: lang, title: title, metadata: metadata, methods: methods, verdictCuts: .chitieu)
        .render(sheets)
}

extension SDMXMapping {
    /// The SDMX-CSV mapping of every milestone table (`attain` plan and batch): dataflow CHITIEU:MILESTONES(1.0).
    static let milestones = SDMXMapping.chitieuMilestones(agency: "CHITIEU", dataflow: "MILESTONES", version: "1.0")
    /// The mapping of `data aggregate` rows (`indicator,region,year,value,…`): dataflow CHITIEU:AGGREGATES(1.0),
    /// dimensions `REF_AREA` (from `region`), `INDICATOR`, `TIME_PERIOD` (`year`), measure `OBS_VALUE` (`value`).
    static let aggregates = SDMXMapping(agency: "CHITIEU", dataflow: "AGGREGATES", version: "1.0",
                                        dimensions: [SDMXColumn("REF_AREA", from: "region"),
                                                     SDMXColumn("INDICATOR", from: "indicator")])
}

/// Row output formats.
enum RowFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json, xlsx, excel, sdmx
}

/// The command line as typed, for metadata, with the program named `chitieu` (not this machine's path to
/// it) and every absolute path named as `displayPath` names it (`--out /home/me/r.html` → `--out r.html`).
var commandLineText: String {
    (["chitieu"] + CommandLine.arguments.dropFirst().map(withoutMachinePath)).joined(separator: " ")
}

/// An argument with an absolute path in it (`/a/b.csv`, `--data=/a/b.csv`, `/a/b.csv:decimal=comma`)
/// rewritten by `displayPath`; any other argument unchanged.
func withoutMachinePath(_ argument: String) -> String {
    var prefix = ""
    var rest = Substring(argument)
    if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        prefix = String(argument[...equals])
        rest = argument[argument.index(after: equals)...]
    }
    guard rest.hasPrefix("/") else { return argument }
    // A per-file declaration (`FILE:decimal=comma`) keeps its options.
    var suffix = ""
    if let colon = rest.firstIndex(of: ":"), rest[rest.index(after: colon)...].contains("=") {
        suffix = String(rest[colon...])
        rest = rest[..<colon]
    }
    return prefix + displayPath(URL(fileURLWithPath: String(rest))) + suffix
}

/// Metadata for a run: version, time, command, data files with SHA-256.
func runMetadata(files: [URL], model: String?, seed: UInt64?, options: [String: String] = [:]) -> RunMetadata {
    let digests = files.compactMap { try? DataFileDigest(fileAt: $0, recordedPath: displayPath($0)) }
    return RunMetadata(version: ChitieuVersion.string, generated: Date(), command: commandLineText,
                       dataFiles: digests, model: model, seed: seed, options: options)
}

/// A file's name for outputs, never this machine's absolute path: a bundled file as `Datasets/…`, a file
/// under the current directory relative to it, any other file by its name.
func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    if let root = try? BundledData.root().standardizedFileURL.path, path.hasPrefix(root + "/") {
        return "Datasets/" + path.dropFirst(root.count + 1)
    }
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : url.lastPathComponent
}
