import Foundation

// MARK: - Loading

/// Reading a file's bytes and the checks every CSV reader shares: UTF-8 validity, BOM, delimiter, header.
enum CSVInput {
    /// The file's bytes, or a `noInput` error (exit 66) that says what to do.
    ///
    /// `mapped`: map the file into memory instead of copying it (for the large files of the batch path:
    /// no 400 MB copy, pages come straight from the page cache). Small files are always read.
    static func load(_ url: URL, displayName: String? = nil, mapped: Bool = false) throws -> Data {
        let name = displayName ?? url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DataError(kind: .noInput, file: name, message: "no such file",
                            hint: "Check the path (relative paths start from the current directory)")
        }
        guard !isDirectory.boolValue else {
            throw DataError(kind: .noInput, file: name, message: "is a directory, not a file",
                            hint: "Name a CSV file inside it")
        }
        do {
            return try Data(contentsOf: url, options: mapped ? [.alwaysMapped] : [])
        } catch {
            throw DataError(kind: .noInput, file: name, message: "cannot read the file (\(error.localizedDescription))",
                            hint: "Check the file's permissions")
        }
    }

    /// Up to `maxBytes` from the start of the file, with `load`'s checks and errors; `complete` says whether
    /// that is the whole file. For looking at a header without reading a large file.
    static func loadPrefix(_ url: URL, displayName: String? = nil, maxBytes: Int) throws -> (data: Data, complete: Bool) {
        let name = displayName ?? url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = try? FileHandle(forReadingFrom: url) else {
            return (try load(url, displayName: name), true)  // load throws the right error (or reads it)
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxBytes + 1) else {
            return (try load(url, displayName: name), true)
        }
        return data.count > maxBytes ? (data.prefix(maxBytes), false) : (data, true)
    }

    // MARK: UTF-8

    /// Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode 15 §3.9,
    /// Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or nil if the buffer is valid.
    /// - Complexity: O(n), with an 8-bytes-at-a-time ASCII fast path.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            // ASCII fast path, 8 bytes at a time.
            if let base = b.baseAddress {
                while i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
            }
            guard i < n else { return nil }
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            let second = b[i + 1]
            if second < lo || second > hi { return i }
            var k = 2
            while k <= need {
                let c = b[i + k]
                if c < 0x80 || c > 0xBF { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// Throws if the buffer is not UTF-8, naming the line and byte offset.
    static func validateUTF8(_ b: UnsafeBufferPointer<UInt8>, file: String) throws {
        guard let offset = firstInvalidUTF8(b) else { return }
        var line = 1
        for i in 0..<offset where b[i] == UInt8(ascii: "\n") { line += 1 }
        let byte = String(b[offset], radix: 16, uppercase: true)
        throw DataError(file: file, line: line, column: 0, text: "0x" + (byte.count == 1 ? "0" + byte : byte),
                        message: "invalid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte) at byte offset \(offset))",
                        hint: "Save the file as UTF-8 (in Excel: \"CSV UTF-8\"; in LibreOffice: character set "
                            + "Unicode (UTF-8)); Windows-1258/TCVN3 files must be converted first")
    }

    /// Length of a leading UTF-8 byte-order mark (3) or 0.
    static func bomLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    // MARK: Delimiter

    /// The delimiter byte: the declared one, or the more frequent of `,` / `;` outside quotes in the
    /// header line (`,` on a tie, including when neither occurs).
    static func detectDelimiter(_ b: UnsafeBufferPointer<UInt8>, start: Int, declared: CSVDelimiter) -> UInt8 {
        if let byte = declared.byte { return byte }
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes {
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
                if c == UInt8(ascii: ",") { commas += 1 }
                if c == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}

// MARK: - Header

/// Column names of a header record and lookup by name (case-insensitive, surrounding spaces ignored).
struct CSVHeader {
    let names: [String]
    let file: String
    let delimiter: UInt8
    /// Lowercased name → first column with it (lookups are O(1), not a lowercasing pass over the header:
    /// a mutant header of a million empty names took seconds per lookup).
    private let columnByKey: [String: Int]

    init(names: [String], file: String, delimiter: UInt8) throws {
        self.names = names.map { $0.trimmingWhitespace() }
        self.file = file
        self.delimiter = delimiter
        var seen: [String: Int] = [:]
        for (i, name) in self.names.enumerated() {
            let key = name.lowercased()
            if let first = seen[key] {
                guard key.isEmpty else {
                    throw DataError(file: file, line: 1, column: i + 1, text: name,
                                    message: "column \(MessageEcho.quoted(name)) appears twice in the header (columns \(first + 1) and \(i + 1))",
                                    hint: "Rename or remove one of them")
                }
                continue
            }
            seen[key] = i
        }
        columnByKey = seen
    }

    func index(of name: String) -> Int? {
        columnByKey[name.lowercased()]
    }

    /// The most columns a header may have: 16,384, what a spreadsheet holds (Excel's last column is XFD).
    /// A longer header is a wrong delimiter or not a table; refusing it before decoding the names bounds the
    /// work and memory a header costs (the fuzz smoke made a million-column header that took seconds).
    static let maxColumns = 16_384

    /// Refuses a header of more than `maxColumns` fields.
    /// - Throws: `DataError` at line 1.
    static func checkColumnCount(_ count: Int, file: String) throws {
        guard count > maxColumns else { return }
        throw DataError(file: file, line: 1, column: maxColumns + 1, text: "\(count) columns",
                        message: "the header has \(count) columns, more than the \(maxColumns) a spreadsheet holds",
                        hint: "Check the delimiter and the first line (it must be the header of a table chitieu reads)")
    }

    /// Index of the first of `aliases` present in the header.
    func index(ofAny aliases: [String]) -> Int? {
        for alias in aliases { if let i = index(of: alias) { return i } }
        return nil
    }

    /// Index of a required column, or an error that lists what the header has and suspects the delimiter.
    func require(_ name: String, aliases: [String] = [], expected: String) throws -> Int {
        if let i = index(ofAny: [name] + aliases) { return i }
        let shown = MessageEcho.header(names, separator: delimiter == UInt8(ascii: ";") ? ";" : ",")
        if names.count == 1, let only = names.first {
            let other = delimiter == UInt8(ascii: ",") ? ";" : ","
            if only.contains(other) {
                let option = other == ";" ? "semicolon" : "comma"
                throw DataError(file: file, line: 1, column: 1, text: only,
                                message: "the header is one column \(MessageEcho.quoted(only)): the file seems to use \"\(other)\" as delimiter",
                                hint: "Pass --delimiter \(option) (or --delimiter auto)")
            }
            if only.contains("\t") {
                throw DataError(file: file, line: 1, column: 1, text: only,
                                message: "the header is one column: the file seems to be tab-separated",
                                hint: "Save it as comma- or semicolon-separated CSV")
            }
        }
        throw DataError(file: file, line: 1, column: 0, text: shown,
                        message: "missing required column \(MessageEcho.quoted(name)) (header: \(shown))",
                        hint: "The header must name \(expected) (any order, extra columns are kept)")
    }
}

extension CSVInput {
    /// The fast columnar readers' common start: valid UTF-8, BOM skipped, delimiter detected, header parsed.
    /// Returns the tokenizer positioned after the header, the header and the delimiter; nil when any of that
    /// fails (the caller then falls back to the full reader, which reports the error with its position).
    static func fastHeader(_ b: UnsafeBufferPointer<UInt8>, file: String, options: ReadOptions)
        -> (tokenizer: CSVTokenizer, header: CSVHeader, delimiter: UInt8)? {
        guard firstInvalidUTF8(b) == nil else { return nil }
        let start = bomLength(b)
        let delim = detectDelimiter(b, start: start, declared: options.delimiter)
        var tk = CSVTokenizer(buffer: b, file: file, delimiter: delim, start: start)
        var fields: [CSVField] = []
        guard (try? tk.next(into: &fields)) == true, fields.count <= CSVHeader.maxColumns,
              let header = try? CSVHeader(names: fields.map { tk.string($0) }, file: file, delimiter: delim)
        else { return nil }
        return (tk, header, delim)
    }
}
