import ArgumentParser
import Export
import Foundation

extension Language: ExpressibleByArgument {}
extension ExcelLocale: ExpressibleByArgument {}

/// Output options shared by every command that produces rows: where, in which format, in which language.
/// Data goes to stdout (or `--out`, written atomically); messages go to stderr.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong,
            help: "Output format: table (for people), csv (tidy), json (with a metadata block), excel (CSV with BOM for Excel; see --locale), sdmx (SDMX-CSV 2.0).")
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
    /// (defaults to `table` itself).
    func emit(_ table: Table, compact: Table? = nil, metadata: RunMetadata) throws {
        let data: Data
        switch format {
        case .table:
            let colour = TextTableWriter.shouldUseColour(
                environment: ProcessInfo.processInfo.environment,
                isTTY: out == nil && isatty(STDOUT_FILENO) == 1)
            data = try TextTableWriter(colour: colour).render(compact ?? table)
        case .csv: data = try TidyCSVWriter().render(table)
        case .json: data = try JSONTableWriter(metadata: metadata).render(table)
        case .excel: data = try ExcelCSVWriter(locale: locale).render(table)
        case .sdmx:
            data = try SDMXCSVWriter(mapping: .chitieuProjection(agency: "CHITIEU", dataflow: "PROJECTION",
                                                                  version: "1.0")).render(table)
        }
        if let out {
            try AtomicFile.write(data, to: URL(fileURLWithPath: out), overwrite: force)
            if !quiet { printError("chitieu: wrote \(out) (\(format.rawValue))") }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Prints a warning unless `--quiet`.
    func warn(_ message: String) {
        if !quiet { printError("warning: \(message)") }
    }
}

/// Row output formats.
enum RowFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json, excel, sdmx
}

/// The command line as typed, for metadata.
var commandLineText: String { CommandLine.arguments.joined(separator: " ") }

/// Metadata for a run: version, time, command, data files with SHA-256.
func runMetadata(files: [URL], model: String?, seed: UInt64?, options: [String: String] = [:]) -> RunMetadata {
    let digests = files.compactMap { try? DataFileDigest(fileAt: $0, recordedPath: displayPath($0)) }
    return RunMetadata(version: ChitieuVersion.string, generated: Date(), command: commandLineText,
                       dataFiles: digests, model: model, seed: seed, options: options)
}

/// A path relative to the current directory when inside it (shorter, stable across machines).
func displayPath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
}
