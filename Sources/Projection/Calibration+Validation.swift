import Foundation
import IndicatorData

// MARK: - Validating a calibration file

extension Calibration {
    /// Largest τ² accepted: on a log scale τ = √10 ≈ 3.2 widens an interval by a factor e^3.2 ≈ 24 per
    /// unit of h^γ, far beyond any fitted value (the shipped file's largest is 0.12); 1e308 gave −inf–inf
    /// intervals with verdicts printed (issue 13).
    static let maxDriftVariance = 10.0
    /// Largest k(h) accepted (the shipped additive fit has none; the multiplicative fit's are below 3).
    static let maxFactor = 100.0

    /// A problem at a JSON key path such as `families[2].driftVariance`.
    struct Problem: Error {
        let path: String
        let message: String
    }

    /// Checks every constant the projections use: version, unique known families, finite positive factors,
    /// ν > 0, 0 ≤ τ² ≤ 10, 0 ≤ γ ≤ 10, κ ∈ [0, 1], coverages in [0, 1], non-negative counts.
    /// - Throws: `Problem` at the first offending key.
    func validate() throws {
        guard version == Self.formatVersion else {
            throw Problem(path: "version", message: "format version \(version), this chitieu reads \(Self.formatVersion)")
        }
        let known = Set(IndicatorFamily.allCases.map(\.rawValue))
        var seen: [String: Int] = [:]
        for (i, family) in families.enumerated() {
            let path = "families[\(i)]"
            guard known.contains(family.group) else {
                throw Problem(path: "\(path).group", message: "unknown family \(MessageEcho.quoted(family.group)) (known: "
                    + "\(known.sorted().joined(separator: ", ")))")
            }
            if let first = seen[family.group] {
                throw Problem(path: "\(path).group", message: "family \(family.group) appears twice (also families[\(first)])")
            }
            seen[family.group] = i
            try family.validate(at: path)
        }
        try pooled.validate(at: "pooled")
    }

    /// Decodes and validates a calibration JSON; errors name the key path.
    static func decodeValidated(_ data: Data) throws -> Calibration {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoded: Calibration
        do { decoded = try decoder.decode(Calibration.self, from: data) } catch let error as DecodingError {
            throw Problem(decoding: error)
        }
        try decoded.validate()
        return decoded
    }
}

extension Calibration.Problem {
    /// The key path and a short reason of a `DecodingError` (Foundation's own text repeats the path and is long).
    init(decoding error: DecodingError) {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce(into: "") { out, key in
                if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
        }
        switch error {
        case .typeMismatch(let type, let c):
            self.init(path: path(c.codingPath), message: "expected \(Self.name(of: type))")
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

extension FamilyCalibration {
    func validate(at path: String) throws {
        func check(_ ok: Bool, _ key: String, _ message: String) throws {
            if !ok { throw Calibration.Problem(path: "\(path).\(key)", message: message) }
        }
        try check(degreesOfFreedom > 0, "degreesOfFreedom", "ν must be > 0 (\"inf\" for normal tails), got \(degreesOfFreedom)")
        for (h, k) in factors.enumerated() {
            try check(k.isFinite && k > 0 && k <= Calibration.maxFactor, "factors[\(h)]",
                      "k(h) must be finite, > 0 and ≤ \(Int(Calibration.maxFactor)), got \(k)")
        }
        for (h, k) in rawFactors.enumerated() {
            try check(k.isFinite && k >= 0, "rawFactors[\(h)]", "must be finite and ≥ 0, got \(k)")
        }
        try check(driftVariance.isFinite && driftVariance >= 0 && driftVariance <= Calibration.maxDriftVariance,
                  "driftVariance", "τ² must be from 0 to \(Int(Calibration.maxDriftVariance)), got \(driftVariance)")
        try check((0...10).contains(driftExponent), "driftExponent", "γ must be from 0 to 10, got \(driftExponent)")
        if let kappa = slopeAttenuation {
            try check((0...1).contains(kappa), "slopeAttenuation", "κ must be from 0 to 1, got \(kappa)")
        }
        for (name, list) in [("coverage80", coverage80), ("coverage95", coverage95)] {
            for (h, c) in list.enumerated() {
                try check((0...1).contains(c), "\(name)[\(h)]", "a coverage must be from 0 to 1, got \(c)")
            }
        }
        try check(series >= 0, "series", "must be ≥ 0, got \(series)")
        try check(errors >= 0, "errors", "must be ≥ 0, got \(errors)")
    }
}

