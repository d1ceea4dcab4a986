import Foundation
import IndicatorData
import Yams

/// Reads typed values out of a composed Yams `Node` tree, turning every problem into
/// `ScenarioError.invalidFile` at the offending node's `file:line:column`, worded
/// `key.path: what is wrong (got "value"). What to do.` with the value shortened and escaped
/// (`MessageEcho`).
///
/// Types are strict: a boolean is a plain `true`/`false`, an integer is plain decimal digits, a number is
/// a plain decimal (no hex, octal, `.inf` or `.nan`), and a value of the wrong type is an error, never a
/// default.
struct YAMLNodeReader {
    let file: String

    /// Longest key accepted (indicator codes are ≤ 40 characters in Datasets/indicators.csv).
    static let maxKeyLength = 64

    func mark(_ node: Node?) -> SourceMark {
        SourceMark(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    func fail(_ node: Node?, _ message: String) -> ScenarioError {
        mark(node).error(message)
    }

    /// `path: problem (got "value"). fix`
    func fail(_ node: Node?, _ path: String, _ problem: String, fix: String) -> ScenarioError {
        let got = node.map { " (got \(Self.echo($0)))" } ?? ""
        return mark(node).error("\(path): \(problem)\(got). \(fix)")
    }

    /// A node as shown in a message: a scalar's text quoted and escaped, or its kind.
    static func echo(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return MessageEcho.quoted(s.string)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: - Structure

    /// The entries of a mapping in file order, refusing keys not in `allowed` (when given) and duplicates.
    func entries(_ node: Node, at path: String, allowed: [String]? = nil) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw fail(node, path, "must be a mapping of `key: value` lines", fix: "Write `\(path.split(separator: ".").last ?? ""):` "
                + "on its own line and indent its keys under it, or use `{key: value, …}`")
        }
        var seen = Set<String>()
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, scalar.style == .plain || scalar.style == .any else {
                throw fail(keyNode, path, "a key must be a plain word", fix: "Write keys without quotes, brackets or `?`")
            }
            let key = scalar.string
            guard key.count <= Self.maxKeyLength, !MessageEcho.hasControlCharacters(key) else {
                throw fail(keyNode, path, "a key must be a word of at most \(Self.maxKeyLength) printable characters",
                           fix: "Check the key")
            }
            if let allowed, !allowed.contains(key) {
                throw fail(keyNode, path, "unknown key",
                           fix: "Use one of: \(allowed.joined(separator: ", ")) (see `chitieu help scenario-file`)")
            }
            guard seen.insert(key).inserted else {
                throw fail(keyNode, "\(path).\(key)", "appears twice", fix: "Keep one")
            }
            out.append((key, keyNode, value))
        }
        return out
    }

    /// A scalar (not a list or mapping).
    func scalar(_ node: Node, at path: String) throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else {
            throw fail(node, path, "must be a single value, not \(Self.echo(node))", fix: "Give one value")
        }
        return scalar
    }

    /// A scalar written plainly (not quoted, not a block): what numbers, years and booleans must be.
    func plainText(_ node: Node, at path: String, kind: String) throws -> String {
        let s = try scalar(node, at: path)
        guard s.style == .plain || s.style == .any else {
            throw fail(node, path, "must be \(kind), written without quotes", fix: "Remove the quotes")
        }
        return s.string
    }

    // MARK: - Text

    /// Free text of at most `maxLength` characters; control characters are refused (tab and newlines too
    /// unless `multiline`).
    func text(_ node: Node, at path: String, maxLength: Int = 200, multiline: Bool = false) throws -> String {
        let value = try scalar(node, at: path).string
        guard value.count <= maxLength else {
            throw fail(node, path, "is \(value.count) characters long, more than the \(maxLength) allowed",
                       fix: "Shorten it")
        }
        guard !MessageEcho.hasControlCharacters(value, allowWhitespace: multiline) else {
            throw fail(node, path, "contains a control character", fix: "Remove it (save the file as plain UTF-8 text)")
        }
        return value
    }

    /// A code such as an indicator, series or region code: letters, digits, `_`, `-`, `.`, at most 64.
    func code(_ node: Node, at path: String, example: String) throws -> String {
        let value = try scalar(node, at: path).string
        guard Self.isCode(value) else {
            throw fail(node, path, "must be a code of letters, digits, `_`, `-` or `.` (at most \(Self.maxKeyLength))",
                       fix: "Write it as in the data, e.g. \(example)")
        }
        return value
    }

    static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= maxKeyLength
            && text.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E
            }
    }

    // MARK: - Booleans and numbers

    /// `true` or `false` (also `True`/`TRUE`/`False`/`FALSE`, the YAML 1.2 core schema), nothing else.
    func boolean(_ node: Node, at path: String) throws -> Bool {
        let text = try plainText(node, at: path, kind: "true or false")
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw fail(node, path, "must be true or false", fix: "Write `true` to use this lever or `false` (or remove it) not to")
        }
    }

    /// A whole number in `range`, written in plain decimal digits.
    func integer(_ node: Node, at path: String, in range: ClosedRange<Int>, what: String = "a whole number") throws -> Int {
        let text = try plainText(node, at: path, kind: what)
        guard let value = ScenarioNumber.integer(text) else {
            throw fail(node, path, "must be \(what) in decimal digits", fix: "Use a value from \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(value) else {
            throw fail(node, path, "must be from \(range.lowerBound) to \(range.upperBound)", fix: "Use a value in that range")
        }
        return value
    }

    /// A calendar year, 1900–2100.
    func year(_ node: Node, at path: String) throws -> Int {
        try integer(node, at: path, in: ScenarioParser.years, what: "a year")
    }

    /// Which ends of a range are included.
    enum Ends { case closed, open, upperOpen }

    /// A finite number in `range`. With `unit: .fraction` a percentage string "3%" is read as 0.03 and
    /// the fix says to write a fraction; other units refuse "%".
    func number(_ node: Node, at path: String, in range: ClosedRange<Double>, unit: ScenarioNumber.Unit,
                ends: Ends = .closed) throws -> Double {
        let text = try plainText(node, at: path, kind: "a number")
        guard let value = ScenarioNumber.parse(text, unit: unit) else {
            throw fail(node, path, unit.acceptsPercent ? "must be a number (a fraction such as 0.03, or \"3%\")"
                       : "must be a decimal number", fix: unit.hint)
        }
        let (lo, hi) = (range.lowerBound, range.upperBound)
        let inside: Bool
        let bounds: String
        switch ends {
        case .closed: (inside, bounds) = (range.contains(value), "from \(format(lo)) to \(format(hi))")
        case .open: (inside, bounds) = (value > lo && value < hi, "strictly between \(format(lo)) and \(format(hi))")
        case .upperOpen: (inside, bounds) = (value >= lo && value < hi, "from \(format(lo)) to below \(format(hi))")
        }
        guard inside else { throw fail(node, path, "must be \(bounds) \(unit.name)", fix: unit.hint) }
        return value
    }

    /// A constant or a list of numbers in `range`, one per projected year.
    func schedule(_ node: Node, at path: String, years: Int, in range: ClosedRange<Double>,
                  unit: ScenarioNumber.Unit) throws -> HireSchedule {
        if case .sequence(let sequence) = node {
            guard sequence.count == years else {
                throw fail(node, "\(path): lists \(sequence.count) value(s) but the scenario projects \(years) year(s). "
                    + "Give one value per year from the year after base_year to the horizon, or a single number for every year")
            }
            return .list(try sequence.enumerated().map { try number($1, at: "\(path)[\($0)]", in: range, unit: unit) })
        }
        return .constant(try number(node, at: path, in: range, unit: unit))
    }
}

/// Text for a number in a message: whole numbers without a decimal point.
func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}
