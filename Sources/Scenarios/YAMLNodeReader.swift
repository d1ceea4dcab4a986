import Foundation
import Yams

/// Reads typed values out of a composed Yams `Node` tree, turning every problem into
/// `ScenarioError.invalidFile` at the offending node's `file:line:column`.
struct YAMLNodeReader {
    let file: String

    func mark(_ node: Node?) -> SourceMark {
        SourceMark(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    func fail(_ node: Node?, _ message: String) -> ScenarioError {
        mark(node).error(message)
    }

    /// The entries of a mapping in file order, refusing keys not in `allowed` (when given) and duplicates.
    func entries(_ node: Node, at path: String, allowed: [String]? = nil) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw fail(node, "\(path) must be a mapping of `key: value` lines")
        }
        var seen = Set<String>()
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw fail(keyNode, "keys in \(path) must be plain words") }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                throw fail(keyNode, "unknown key `\(key)` in \(path). Use one of: \(allowed.joined(separator: ", ")).")
            }
            guard seen.insert(key).inserted else { throw fail(keyNode, "`\(key)` appears twice in \(path); keep one") }
            out.append((key, keyNode, value))
        }
        return out
    }

    func string(_ node: Node, at path: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw fail(node, "\(path) must be a single value, not a list or mapping") }
        return scalar.string
    }

    /// A number; `percent: true` accepts "3%" as 3 and a bare 3 as 3; `fraction: true` accepts "3%" as 0.03.
    func number(_ node: Node, at path: String, fraction: Bool = false) throws -> Double {
        let text = try string(node, at: path).trimmingCharacters(in: .whitespaces)
        var body = text
        var isPercent = false
        if body.hasSuffix("%") {
            isPercent = true
            body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard let value = Double(body.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            throw fail(node, "\(path) must be a number (got \"\(text)\")")
        }
        return isPercent && fraction ? value / 100 : value
    }

    func integer(_ node: Node, at path: String) throws -> Int {
        let text = try string(node, at: path)
        guard let value = Int(text) else { throw fail(node, "\(path) must be a whole number (got \"\(text)\")") }
        return value
    }

    /// A fraction in [0, 1) such as an attrition rate.
    func rate(_ node: Node, at path: String, name: String) throws -> Double {
        let value = try number(node, at: path, fraction: true)
        guard value >= 0, value < 1 else {
            throw fail(node, "\(name) must be in [0, 1) (got \(format(value))). Write it as a fraction: 0.03 for 3 %.")
        }
        return value
    }

    func nonNegative(_ node: Node, at path: String) throws -> Double {
        let value = try number(node, at: path)
        guard value >= 0 else { throw fail(node, "\(path) must be ≥ 0 (got \(format(value)))") }
        return value
    }

    /// A constant or a list of non-negative numbers.
    func schedule(_ node: Node, at path: String, years: Int) throws -> HireSchedule {
        if case .sequence(let sequence) = node {
            let values = try sequence.map { try nonNegative($0, at: path) }
            guard values.count >= years else {
                throw fail(node, "\(path) lists \(values.count) year(s) but the scenario projects \(years); "
                    + "give one value per year from the year after base_year, or a single number for every year")
            }
            return .list(values)
        }
        return .constant(try nonNegative(node, at: path))
    }
}

func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}
