import Foundation

// MARK: - BundledData

/// Where the bundled `Datasets/` directory is.
///
/// Resolution order: `$CHITIEU_DATASETS` (must contain `indicators.csv`); then walking up from the current
/// directory; then walking up from the executable's directory (`/proc/self/exe` on Linux, else
/// `CommandLine.arguments[0]`), each time looking for `Datasets/indicators.csv`. Walking up from the
/// executable finds the checkout when the binary runs from `.build/debug` or `.build/release`.
public enum BundledData {
    /// The environment variable that overrides the search.
    public static let environmentVariable = "CHITIEU_DATASETS"

    /// The `Datasets/` directory.
    /// - Throws: `DataError` with kind `.noInput` (exit 66) and a hint when nothing is found.
    public static func root() throws -> URL {
        let env = ProcessInfo.processInfo.environment
        if let override = env[environmentVariable], !override.isEmpty {
            let url = URL(fileURLWithPath: override, isDirectory: true)
            guard isDatasets(url) else {
                throw DataError(kind: .noInput, file: override,
                                message: "\(environmentVariable) does not point at a Datasets directory (no indicators.csv in it)",
                                hint: "Set \(environmentVariable) to the Datasets/ directory of a chitieu checkout, or unset it")
            }
            return url
        }
        var starts: [URL] = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)]
        if let exe = executableURL() { starts.append(exe.deletingLastPathComponent()) }
        for start in starts {
            if let found = search(upFrom: start) { return found }
        }
        throw DataError(kind: .noInput, file: "Datasets/indicators.csv",
                        message: "cannot find the bundled Datasets directory",
                        hint: "Run chitieu from inside the chitieu checkout, or set \(environmentVariable)=/path/to/chitieu/Datasets")
    }

    /// `root()/relativePath`, checked to exist.
    /// - Throws: `DataError` (`.noInput`) when the root or the file is missing.
    public static func file(_ relativePath: String) throws -> URL {
        let url = try root().appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataError(kind: .noInput, file: url.path, message: "bundled file is missing",
                            hint: "Check the checkout (git status) or set \(environmentVariable)")
        }
        return url
    }

    /// The bundled indicator catalogue, read and validated once per process (every command and every
    /// scenario file of a run shares it).
    public static func catalogue() throws -> IndicatorCatalogue { try bundledCatalogue.get() }

    private static let bundledCatalogue = Result<IndicatorCatalogue, any Error> {
        let url = try file("indicators.csv")
        return try IndicatorCatalogue.read(contentsOf: url, displayName: "Datasets/indicators.csv")
    }

    /// Bundled targets (default: the Kon Tum plan appendix, `kontum/plan_targets.csv`).
    public static func targets(_ relativePath: String = "kontum/plan_targets.csv") throws -> [Target] {
        try Target.read(contentsOf: file(relativePath), displayName: "Datasets/" + relativePath)
    }

    /// Bundled series files read into one collection (messages name them `Datasets/<path>`).
    /// Pass `options.sourcePriority` when files overlap (e.g. `national/vietnam_national_alt.csv`).
    public static func series(_ relativePaths: [String],
                              options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
        let urls = try relativePaths.map(file)
        return try SeriesReader.read(contentsOf: urls, displayNames: relativePaths.map { "Datasets/" + $0 },
                                     options: options)
    }

    // MARK: Search

    static func isDatasets(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("indicators.csv").path)
    }

    static func search(upFrom start: URL) -> URL? {
        var dir = start.standardizedFileURL
        for _ in 0..<64 {
            let candidate = dir.appendingPathComponent("Datasets", isDirectory: true)
            if isDatasets(candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
        return nil
    }

    static func executableURL() -> URL? {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: resolved)
        }
        #endif
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        let url = URL(fileURLWithPath: first)
        return url.resolvingSymlinksInPath()
    }
}
