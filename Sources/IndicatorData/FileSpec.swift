import Foundation

// MARK: - FileSpec

/// One input file and how to read it: its path, the name used in messages, and read options that belong to
/// this file only.
///
/// On the command line a file is written `PATH` or `PATH:key=value[,key=value…]` (one syntax for `--data`,
/// `--targets` and `data check`):
///
///     --data district.csv:decimal=comma,delimiter=semicolon
///     --data dhis2_export.csv:mapping=kontum_dhis2.csv
///     --data march.json:layout=dhis2-json,mapping=m.csv,aggregate=sum
///
/// Keys: `decimal` (point|comma), `delimiter` (auto|comma|semicolon, also `;` and `,`… see `parse`),
/// `grouping` (none|point|comma|space), `layout` (a `DataFileKind` raw value, overriding detection),
/// `mapping` (a mapping CSV, see `SourceMapping`), `aggregate` (sum|mean: how sub-annual periods become years
/// when the mapping does not say). A key that is not given falls back to the run's defaults (the
/// `--decimal/--delimiter/--grouping` options), and **bundled files never take those defaults**: they are
/// always read with their own format (point decimal, auto delimiter), so a decimal-comma file can be combined
/// with the bundled national series in one run.
///
/// A path that itself contains `:` is read as a path when what follows the last `:` is not a list of known
/// `key=value` pairs, or when the whole text names an existing file.
public struct FileSpec: Sendable, Hashable {
    /// The file's location.
    public var url: URL
    /// The name used in messages and provenance (the path as typed, or `Datasets/…` for bundled files).
    public var displayName: String
    /// Options given for this file; nil fields take the run's defaults.
    public var options: FileReadOptions
    /// A file shipped in `Datasets/`: read with its own format, never with the run's defaults.
    public var bundled: Bool

    public init(url: URL, displayName: String? = nil, options: FileReadOptions = FileReadOptions(),
                bundled: Bool = false) {
        self.url = url
        self.displayName = displayName ?? url.path
        self.options = options
        self.bundled = bundled
    }

    /// A bundled file (`Datasets/<relativePath>`), with no per-file options.
    public static func bundled(_ url: URL, relativePath: String) -> FileSpec {
        FileSpec(url: url, displayName: "Datasets/" + relativePath, bundled: true)
    }

    /// Parses `PATH[:key=value,…]` (see the type's documentation).
    /// - Throws: `FileSpecError` for an unknown key, a bad value, a key given twice, or an empty path.
    public static func parse(_ text: String) throws -> FileSpec {
        if let colon = text.lastIndex(of: ":"), !FileManager.default.fileExists(atPath: text) {
            let path = String(text[..<colon])
            let declaration = String(text[text.index(after: colon)...])
            if Self.looksLikeDeclaration(declaration) {
                guard !path.isEmpty else {
                    throw FileSpecError(text: text, message: "the file name before \":\" is empty")
                }
                let options = try FileReadOptions(declaration: declaration, in: text)
                return FileSpec(url: URL(fileURLWithPath: path), displayName: path, options: options)
            }
        }
        guard !text.isEmpty else { throw FileSpecError(text: text, message: "the file name is empty") }
        return FileSpec(url: URL(fileURLWithPath: text), displayName: text)
    }

    /// True when every comma-separated part is `key=…` with a known key (so `C:/x` or `a:b.csv` stay paths).
    static func looksLikeDeclaration(_ text: String) -> Bool {
        let parts = FileReadOptions.split(text)
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy { part in
            guard let eq = part.firstIndex(of: "=") else { return false }
            return FileReadOptions.keys.contains(String(part[..<eq]).trimmingWhitespace().lowercased())
        }
    }

    /// The options this file is read with: its own, else `defaults` (unless bundled), else the built-in ones.
    public func effectiveOptions(defaults: FileReadOptions) -> FileReadOptions {
        bundled ? options : options.filling(from: defaults)
    }
}

/// A per-file declaration that cannot be used (exit 64: it is a usage error, not bad data).
public struct FileSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The argument as typed.
    public var text: String
    public var message: String

    public var description: String {
        "\(text): \(message). Write FILE or FILE:key=value,… with keys \(FileReadOptions.keys.sorted().joined(separator: ", ")) "
            + "(e.g. data.csv:decimal=comma,delimiter=semicolon); see docs/inputs.md"
    }
}

// MARK: - Per-file options

/// How one file is read. Every field is optional: nil means "the run's default" (see `FileSpec`).
public struct FileReadOptions: Sendable, Hashable {
    public var decimal: DecimalMark?
    public var delimiter: CSVDelimiter?
    public var grouping: GroupingSeparator?
    /// The layout to read the file as, overriding detection from the header.
    public var layout: DataFileKind?
    /// Mapping CSV for the codes of an external system (DHIS2, GHO, SDMX, a wide sheet).
    public var mapping: URL?
    /// Display name of `mapping` (as typed).
    public var mappingName: String?
    /// How sub-annual periods aggregate to years for indicators the mapping does not state.
    public var aggregation: Aggregation?

    static let keys: Set<String> = ["decimal", "delimiter", "grouping", "layout", "mapping", "aggregate"]

    public init(decimal: DecimalMark? = nil, delimiter: CSVDelimiter? = nil, grouping: GroupingSeparator? = nil,
                layout: DataFileKind? = nil, mapping: URL? = nil, mappingName: String? = nil,
                aggregation: Aggregation? = nil) {
        self.decimal = decimal
        self.delimiter = delimiter
        self.grouping = grouping
        self.layout = layout
        self.mapping = mapping
        self.mappingName = mappingName
        self.aggregation = aggregation
    }

    /// Splits `a=1,b=2` on commas, except the comma of `delimiter=,` (then written `delimiter=,` alone).
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for ch in text {
            if ch == ",", !current.lowercased().hasSuffix("delimiter=") {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts.filter { !$0.trimmingWhitespace().isEmpty }
    }

    init(declaration: String, in text: String) throws {
        self.init()
        var seen = Set<String>()
        for part in Self.split(declaration) {
            guard let eq = part.firstIndex(of: "=") else {
                throw FileSpecError(text: text, message: "\"\(part)\" is not key=value")
            }
            let key = String(part[..<eq]).trimmingWhitespace().lowercased()
            let value = String(part[part.index(after: eq)...]).trimmingWhitespace()
            guard seen.insert(key).inserted else {
                throw FileSpecError(text: text, message: "\(key) is given twice")
            }
            try set(key, value, in: text)
        }
    }

    private mutating func set(_ key: String, _ value: String, in text: String) throws {
        func bad(_ allowed: String) -> FileSpecError {
            FileSpecError(text: text, message: "\(key)=\(value) is not one of \(allowed)")
        }
        switch key {
        case "decimal":
            guard let v = DecimalMark(rawValue: value.lowercased()) else { throw bad("point, comma") }
            decimal = v
        case "delimiter":
            let aliases: [String: CSVDelimiter] = [",": .comma, ";": .semicolon]
            guard let v = aliases[value] ?? CSVDelimiter(rawValue: value.lowercased()) else {
                throw bad("auto, comma, semicolon")
            }
            delimiter = v
        case "grouping":
            guard let v = GroupingSeparator(rawValue: value.lowercased()) else { throw bad("none, point, comma, space") }
            grouping = v
        case "layout":
            guard let v = DataFileKind(rawValue: value.lowercased()) else {
                throw bad(DataFileKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            layout = v
        case "mapping":
            guard !value.isEmpty else { throw bad("a file name") }
            mapping = URL(fileURLWithPath: value)
            mappingName = value
        default:  // "aggregate" (keys are checked by looksLikeDeclaration)
            guard let v = Aggregation(rawValue: value.lowercased()) else { throw bad("sum, mean") }
            aggregation = v
        }
        if let decimal, let grouping, decimal.rawValue == grouping.rawValue {
            throw FileSpecError(text: text, message: "grouping=\(grouping.rawValue) is the same mark as the decimal")
        }
    }

    /// These options with nil fields taken from `defaults`.
    public func filling(from defaults: FileReadOptions) -> FileReadOptions {
        FileReadOptions(decimal: decimal ?? defaults.decimal, delimiter: delimiter ?? defaults.delimiter,
                        grouping: grouping ?? defaults.grouping, layout: layout ?? defaults.layout,
                        mapping: mapping ?? defaults.mapping, mappingName: mapping == nil ? defaults.mappingName : mappingName,
                        aggregation: aggregation ?? defaults.aggregation)
    }

    /// The number format (point decimal and no grouping when unset).
    public var numberFormat: NumberFormat {
        NumberFormat(decimalMark: decimal ?? .point, grouping: grouping ?? .none)
    }

    /// The reader options for this file: its number format and delimiter, the run's catalogue and priority.
    public func readOptions(catalogue: IndicatorCatalogue?, sourcePriority: [String]) -> ReadOptions {
        ReadOptions(decimal: decimal ?? .point, grouping: grouping ?? .none, delimiter: delimiter ?? .auto,
                    sourcePriority: sourcePriority, catalogue: catalogue)
    }
}

extension FileSpec {
    /// This spec marked bundled when the file lies inside the bundled `Datasets/` directory (so a bundled
    /// file named on the command line keeps its own format too); unchanged otherwise or when there is none.
    public func markingBundled() -> FileSpec {
        guard !bundled, let root = try? BundledData.root().standardizedFileURL.resolvingSymlinksInPath().path else { return self }
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        guard path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return self }
        var copy = self
        copy.bundled = true
        return copy
    }
}
