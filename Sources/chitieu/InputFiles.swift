import Foundation
import IndicatorData

/// The files a run reads, resolved once: the catalogue (given or bundled), the data files (given, or the
/// bundled Kon Tum + Viet Nam set with the plan's 2023 column winning duplicate keys), the targets file
/// (given or the bundled Kon Tum plan), each with its own read options (`FILE:decimal=comma,…`), and the
/// run's defaults for given files. Data are read by `IndicatorData.InputReader`, the one reading path of
/// every command (any layout: tidy, DHIS2, GHO, SDMX, wide sheet).
struct InputFiles {
    static let defaultData = ["kontum/kontum_province.csv", "kontum/plan_baseline_2023.csv",
                              "national/vietnam_national.csv"]
    static let defaultTargets = "kontum/plan_targets.csv"

    var catalogue: IndicatorCatalogue
    var catalogueURL: URL
    var dataSpecs: [FileSpec]
    var targetsSpec: FileSpec?
    /// Options for given files that declare none (never applied to bundled files).
    var defaults: FileReadOptions
    var sourcePriority: [String]
    /// `--mapping`, for files that name no mapping of their own.
    var mapping: SourceMapping?

    var dataURLs: [URL] { dataSpecs.map(\.url) }
    var dataNames: [String] { dataSpecs.map(\.displayName) }

    /// Reads the catalogue and resolves the other paths (bundled files are checked to exist).
    /// - Throws: `CLIError` 64 for a bad `FILE:key=value` declaration, `DataError` for unreadable files.
    static func resolve(dataFiles: [String], targetsFile: String?, catalogueFile: String?,
                        read: DataReadOptions) throws -> InputFiles {
        let catalogue: IndicatorCatalogue
        let catalogueURL: URL
        if let catalogueFile {
            let spec = try fileSpec(catalogueFile)
            catalogueURL = spec.url
            catalogue = try IndicatorCatalogue.read(contentsOf: catalogueURL, displayName: spec.displayName,
                                                    delimiter: spec.effectiveOptions(defaults: read.fileDefaults).delimiter ?? .auto)
        } else {
            catalogueURL = try BundledData.file("indicators.csv")
            catalogue = try BundledData.catalogue()
        }
        let bundled = dataFiles.isEmpty
        let specs = try bundled ? defaultData.map { FileSpec.bundled(try BundledData.file($0), relativePath: $0) }
            : dataFiles.map(fileSpec)
        return InputFiles(catalogue: catalogue, catalogueURL: catalogueURL, dataSpecs: specs,
                          targetsSpec: try targetsFile.map(fileSpec), defaults: read.fileDefaults,
                          sourcePriority: read.priority(bundled: bundled), mapping: try read.sourceMapping())
    }

    private static func fileSpec(_ text: String) throws -> FileSpec {
        do { return try FileSpec.parse(text).markingBundled() } catch let error as FileSpecError {
            throw CLIError(message: error.description, code: ExitStatus.usage)
        }
    }

    /// Every data file read into one collection (the one reading path).
    func readSeries() throws -> SeriesCollection {
        try InputReader.read(dataSpecs, defaults: defaults, catalogue: catalogue, sourcePriority: sourcePriority,
                             mapping: mapping)
    }

    /// The data files as columns (the batch path).
    func readColumns() throws -> SeriesColumns {
        try InputReader.readColumns(dataSpecs, defaults: defaults, catalogue: catalogue,
                                    sourcePriority: sourcePriority, mapping: mapping)
    }

    /// The targets file and its display name.
    func targets() throws -> (url: URL, name: String) {
        if let targetsSpec { return (targetsSpec.url, targetsSpec.displayName) }
        return (try BundledData.file(Self.defaultTargets), "Datasets/" + Self.defaultTargets)
    }

    /// How the targets file is read: its own options, else the run's defaults; the bundled plan as it is.
    var targetOptions: ReadOptions {
        (targetsSpec?.effectiveOptions(defaults: defaults) ?? FileReadOptions())
            .readOptions(catalogue: catalogue, sourcePriority: sourcePriority)
    }

    /// Every file read, for the run's metadata (hashes in JSON output).
    func files(includingTargets: Bool) throws -> [URL] {
        [catalogueURL] + dataURLs + (includingTargets ? [try targets().url] : [])
    }
}
