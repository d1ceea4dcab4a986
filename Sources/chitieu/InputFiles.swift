import Foundation
import IndicatorData

/// The files a run reads, resolved once: the catalogue (given or bundled), the data files (given, or the
/// bundled Kon Tum + Viet Nam set with the plan's 2023 column winning duplicate keys), the targets file
/// (given or the bundled Kon Tum plan), their display names for messages, and the read options.
struct InputFiles {
    static let defaultData = ["kontum/kontum_province.csv", "kontum/plan_baseline_2023.csv",
                              "national/vietnam_national.csv"]
    static let defaultTargets = "kontum/plan_targets.csv"

    var catalogue: IndicatorCatalogue
    var catalogueURL: URL
    var dataURLs: [URL]
    var dataNames: [String]
    var targetsFile: String?
    var options: ReadOptions

    /// Reads the catalogue and resolves the other paths (bundled files are checked to exist).
    static func resolve(dataFiles: [String], targetsFile: String?, catalogueFile: String?,
                        read: DataReadOptions) throws -> InputFiles {
        let catalogue: IndicatorCatalogue
        let catalogueURL: URL
        if let catalogueFile {
            catalogueURL = URL(fileURLWithPath: catalogueFile)
            catalogue = try IndicatorCatalogue.read(contentsOf: catalogueURL, displayName: catalogueFile)
        } else {
            catalogueURL = try BundledData.file("indicators.csv")
            catalogue = try BundledData.catalogue()
        }
        let bundled = dataFiles.isEmpty
        return InputFiles(
            catalogue: catalogue, catalogueURL: catalogueURL,
            dataURLs: try bundled ? defaultData.map(BundledData.file) : dataFiles.map { URL(fileURLWithPath: $0) },
            dataNames: bundled ? defaultData.map { "Datasets/" + $0 } : dataFiles,
            targetsFile: targetsFile, options: read.readOptions(catalogue: catalogue, bundled: bundled))
    }

    /// The targets file and its display name.
    func targets() throws -> (url: URL, name: String) {
        if let targetsFile { return (URL(fileURLWithPath: targetsFile), targetsFile) }
        return (try BundledData.file(Self.defaultTargets), "Datasets/" + Self.defaultTargets)
    }

    /// Every file read, for the run's metadata (hashes in JSON output).
    func files(includingTargets: Bool) throws -> [URL] {
        [catalogueURL] + dataURLs + (includingTargets ? [try targets().url] : [])
    }
}
