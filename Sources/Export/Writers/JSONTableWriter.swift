import Foundation

// MARK: - Run metadata

/// A data file a result was computed from, with its SHA-256 (FIPS 180-4) so a reader can check it.
public struct DataFileDigest: Sendable, Equatable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// Hashes the file at `url`; `path` is recorded as given (relative paths stay relative).
    /// - Throws: `ExportError.ioError` if the file cannot be read.
    public init(fileAt url: URL, recordedPath: String? = nil) throws {
        self.path = recordedPath ?? url.path
        self.sha256 = try SHA256.hexDigest(ofFileAt: url)
    }
}

/// The metadata block of a JSON export: enough to reproduce the run.
public struct RunMetadata: Sendable, Equatable {
    /// chitieu's version string.
    public var version: String
    /// When the output was generated; written as ISO 8601 in UTC (`2026-11-24T09:30:00Z`).
    public var generated: Date
    /// The command line that produced the output.
    public var command: String
    /// Input files and their hashes.
    public var dataFiles: [DataFileDigest]
    /// The model description (`nil` → `null`).
    public var model: String?
    /// The random seed (`nil` → `null`).
    public var seed: UInt64?
    /// Any further options (window, level, scenario, …), written with keys sorted.
    public var options: [String: String]

    public init(version: String, generated: Date, command: String, dataFiles: [DataFileDigest] = [],
                model: String? = nil, seed: UInt64? = nil, options: [String: String] = [:]) {
        self.version = version
        self.generated = generated
        self.command = command
        self.dataFiles = dataFiles
        self.model = model
        self.seed = seed
        self.options = options
    }

    /// `generated` as ISO 8601 UTC with whole seconds.
    public var generatedISO8601: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: generated)
    }
}

// MARK: - JSON writer

/// JSON with a documented, stable schema (`chitieu/1`):
///
/// ```
/// {
///   "schema": "chitieu/1",
///   "metadata": {
///     "version": "0.1.0",
///     "generated": "2026-11-24T09:30:00Z",
///     "command": "chitieu attain --region kontum",
///     "data_files": [
///       {"path": "Datasets/kontum.csv", "sha256": "…64 hex digits…"}
///     ],
///     "model": "log-linear OLS" | null,
///     "seed": 42 | null,
///     "options": {"key": "value", …}
///   },
///   "columns": ["area", "indicator", …],
///   "rows": [
///     {"area": "kontum", "year": 2025, "value": 23.5, "lower": null, …}
///   ]
/// }
/// ```
///
/// Keys appear in exactly this order; row keys follow `columns`; `options` keys are sorted. Text cells are
/// strings, integer cells integers, number cells JSON numbers written with their `NumberStyle`; missing
/// cells and NaN/±infinity (which JSON cannot represent) are `null`. Non-ASCII text is written as UTF-8,
/// control characters are escaped. Two-space indentation, one row per line, LF line ends, final newline.
/// The same table and metadata give the same bytes.
public struct JSONTableWriter: TableWriter {
    /// The schema identifier written in every file; bumped only on an incompatible change.
    public static let schema = "chitieu/1"

    public var metadata: RunMetadata

    public init(metadata: RunMetadata) { self.metadata = metadata }

    public func render(_ table: Table) throws -> Data {
        var out = "{\n"
        out += "  \"schema\": \(Self.string(Self.schema)),\n"
        out += "  \"metadata\": {\n"
        out += "    \"version\": \(Self.string(metadata.version)),\n"
        out += "    \"generated\": \(Self.string(metadata.generatedISO8601)),\n"
        out += "    \"command\": \(Self.string(metadata.command)),\n"
        if metadata.dataFiles.isEmpty {
            out += "    \"data_files\": [],\n"
        } else {
            out += "    \"data_files\": [\n"
            let files = metadata.dataFiles.map {
                "      {\"path\": \(Self.string($0.path)), \"sha256\": \(Self.string($0.sha256))}"
            }
            out += files.joined(separator: ",\n") + "\n    ],\n"
        }
        out += "    \"model\": \(metadata.model.map(Self.string) ?? "null"),\n"
        out += "    \"seed\": \(metadata.seed.map { String($0) } ?? "null"),\n"
        let options = metadata.options.keys.sorted().map { key in
            "\(Self.string(key)): \(Self.string(metadata.options[key] ?? ""))"
        }
        out += "    \"options\": {" + options.joined(separator: ", ") + "}\n"
        out += "  },\n"
        out += "  \"columns\": [" + table.columns.map(Self.string).joined(separator: ", ") + "],\n"
        if table.rows.isEmpty {
            out += "  \"rows\": []\n"
        } else {
            out += "  \"rows\": [\n"
            let rows = table.rows.map { row -> String in
                let members = zip(table.columns, row).map { "\(Self.string($0)): \(Self.value($1))" }
                return "    {" + members.joined(separator: ", ") + "}"
            }
            out += rows.joined(separator: ",\n") + "\n  ]\n"
        }
        out += "}\n"
        return Data(out.utf8)
    }

    // MARK: - Encoding

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return string(s)
        case .integer(let i): return String(i)
        case .number(let x, let style): return NumberFormatting.format(x, style: style) ?? "null"
        case .missing: return "null"
        }
    }

    /// A JSON string literal (RFC 8259 §7): `"` and `\` escaped, control characters as `\n`, `\t`, … or
    /// `\u00XX`; everything else as UTF-8.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
