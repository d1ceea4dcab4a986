import Foundation

/// A whole CSV file decoded to strings, for callers outside this module that need the same strict reading
/// rules as the series reader (UTF-8 check, BOM, `,`/`;` detection, RFC 4180 quoting, ragged-row check) but
/// not its typing: e.g. `chitieu export` re-reading a file chitieu wrote.
///
/// Errors are `DataError`s naming file, line and column (exit 65; 66 for a missing file).
public struct CSVDocument: Sendable {
    /// One record: the 1-based line where it starts and its fields.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
    }

    public let file: String
    public let header: [String]
    public let records: [Record]

    /// Parses bytes (`file` names the source in messages).
    public init(bytes: [UInt8], file: String, delimiter: CSVDelimiter = .auto) throws {
        let table = try bytes.withUnsafeBufferPointer {
            try CSVTable(bytes: $0, file: file, delimiter: delimiter,
                         emptyHint: "The first line must be a header naming the columns")
        }
        self.init(table)
    }

    /// Reads and parses a file.
    public init(contentsOf url: URL, displayName: String? = nil, delimiter: CSVDelimiter = .auto) throws {
        self.init(try CSVTable(url: url, displayName: displayName, delimiter: delimiter,
                               emptyHint: "The first line must be a header naming the columns"))
    }

    private init(_ table: CSVTable) {
        file = table.file
        header = table.header.names
        records = table.rows.map { Record(line: $0.line, fields: $0.fields) }
    }
}
