import Foundation
import IndicatorData

/// The one JSON encoding of shipped calibration files (interval constants `calibration.json` and borrowing
/// constants `borrowing.json`): pretty-printed with sorted keys, so a regenerated file diffs line by line;
/// non-finite numbers as "inf"/"-inf"/"nan". Reading turns Foundation's decoding errors into a `Problem` at a
/// JSON key path, so both files' errors read the same: file, key path, what is wrong, how to regenerate.
enum CalibrationJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    /// Decodes `T` from a file's bytes (non-finite numbers as the strings `encode` writes).
    /// - Throws: `Problem` at the key path where decoding failed.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do { return try decoder.decode(type, from: data) } catch let error as DecodingError {
            throw Problem(decoding: error, in: data)
        }
    }

    /// A problem at a JSON key path such as `families[2].driftVariance`.
    struct Problem: Error {
        let path: String
        let message: String

        /// "path: message", or the message alone when the problem is the whole file.
        var reason: String { path.isEmpty ? message : "\(path): \(message)" }
    }
}

extension CalibrationJSON.Problem {
    /// The key path and a short reason of a `DecodingError` (Foundation's own text repeats the path and is long);
    /// for a value of the wrong type, the value found in `data` (short, escaped).
    init(decoding error: DecodingError, in data: Data) {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce(into: "") { out, key in
                if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
        }
        switch error {
        case .typeMismatch(let type, let c):
            let found = Self.value(at: c.codingPath, in: data).map { ", got \($0)" } ?? ""
            self.init(path: path(c.codingPath), message: "expected \(Self.name(of: type))\(found)")
        case .valueNotFound(let type, let c):
            self.init(path: path(c.codingPath), message: "expected \(Self.name(of: type)), found null")
        case .keyNotFound(let key, let c):
            self.init(path: path(c.codingPath + [key]), message: "missing")
        case .dataCorrupted(let c):
            let reason = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? c.debugDescription
            self.init(path: path(c.codingPath), message: "not valid JSON: \(String(reason.prefix(120)))")
        @unknown default:
            self.init(path: "", message: "not a chitieu calibration JSON")
        }
    }

    /// The JSON value at `keys` as echoed in a message: a string quoted and escaped (`MessageEcho`), a number
    /// as written, a list or an object by its kind; nil when the bytes do not parse or the path is not there.
    static func value(at keys: [CodingKey], in data: Data) -> String? {
        guard var node = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        for key in keys {
            if let i = key.intValue, let list = node as? [Any], list.indices.contains(i) {
                node = list[i]
            } else if let object = node as? [String: Any], let next = object[key.stringValue] {
                node = next
            } else {
                return nil
            }
        }
        switch node {
        case let text as String: return MessageEcho.quoted(text)
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return MessageEcho.escaped("\(node)", limit: 40)
        }
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is Double.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is String.Type: return "a string"
        default:
            let text = "\(type)"
            return text.hasPrefix("Array") ? "a list" : text.hasPrefix("Dictionary") ? "an object" : "an object (\(text))"
        }
    }
}
