// MARK: - DataError

/// A problem with an input file that a person can fix: where it is (file, line, column), the text found,
/// what is wrong and what to do.
///
/// `description` follows the compiler convention `file:line:column: message. hint`, e.g.
///
///     Datasets/x.csv:12:4: value "1O.5" is not a number (decimal mark: point). Fix the cell or pass
///     --decimal comma if the file uses decimal commas.
///
/// (the hint ends with a full stop in `description`; `hint` itself is stored without one).
///
/// `line` is the 1-based physical line where the record starts (lines counted by LF, CRLF or lone CR, so
/// embedded newlines in quoted fields advance it); `column` is the 1-based *field* number (not a
/// character offset), because that is what a spreadsheet user can find. 0 means "not applicable".
public struct DataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What class of problem this is; decides the process exit code.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The content is wrong (sysexits `EX_DATAERR`, 65).
        case badData
        /// The file is missing or cannot be read (sysexits `EX_NOINPUT`, 66).
        case noInput
    }

    public var kind: Kind
    /// File path as given by the caller.
    public var file: String
    /// 1-based line (0 when the problem is the whole file).
    public var line: Int
    /// 1-based field number (0 when the problem is the whole row or file).
    public var column: Int
    /// The offending text, as found (may be empty).
    public var text: String
    /// What is wrong, without position (e.g. `value "1O.5" is not a number (decimal mark: point)`).
    public var message: String
    /// What to do about it (a full sentence, imperative).
    public var hint: String

    public init(kind: Kind = .badData, file: String, line: Int = 0, column: Int = 0, text: String = "",
                message: String, hint: String = "") {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        self.message = message
        self.hint = hint
    }

    /// sysexits(3) code: 65 for bad data, 66 for a missing or unreadable file.
    public var exitCode: Int32 {
        switch kind {
        case .badData: return 65
        case .noInput: return 66
        }
    }

    /// `file:line:column: message. hint.` (position parts omitted when 0).
    public var description: String {
        var position = file
        if line > 0 {
            position += ":\(line)"
            if column > 0 { position += ":\(column)" }
        }
        let shown = MessageEcho.bounded(message)
        var out = position.isEmpty ? shown : "\(position): \(shown)"
        if !hint.isEmpty {
            out += ". \(MessageEcho.bounded(hint))"
            if let last = hint.last, !".!?".contains(last) { out += "." }
        }
        // Last line of defence for a message built from many short echoed pieces (each bounded above):
        // at most `maxDescription` characters, however the message was composed.
        if out.count > Self.maxDescription { out = String(out.prefix(Self.maxDescription - 1)) + "…" }
        return out
    }

    /// The longest `description` (characters); the corpus and the fuzz smoke hold every message to it.
    public static let maxDescription = 1000
}

// MARK: - Warnings and missing cells

/// Something worth telling the user that does not stop the read (an ignored row, a resolved duplicate).
public struct DataWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// A cell left empty where a value was expected: reported, never read as zero.
public struct MissingCell: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var indicator: String
    public var region: String
    public var year: Int

    public init(file: String, line: Int, indicator: String, region: String, year: Int) {
        self.file = file
        self.line = line
        self.indicator = indicator
        self.region = region
        self.year = year
    }

    public var description: String { "\(file):\(line): \(indicator) @ \(region) \(year): value missing" }
}
