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

    /// Checks every constant the projections use: version, unique known families, finite positive factors,
    /// ν > 0, 0 ≤ τ² ≤ 10, 0 ≤ γ ≤ 10, κ ∈ [0, 1], coverages in [0, 1], non-negative counts.
    /// - Throws: `CalibrationJSON.Problem` at the first offending key.
    func validate() throws {
        guard version == Self.formatVersion else {
            throw CalibrationJSON.Problem(path: "version",
                                          message: "format version \(version), this chitieu reads \(Self.formatVersion)")
        }
        let known = Set(IndicatorFamily.allCases.map(\.rawValue))
        var seen: [String: Int] = [:]
        for (i, family) in families.enumerated() {
            let path = "families[\(i)]"
            guard known.contains(family.group) else {
                throw CalibrationJSON.Problem(path: "\(path).group",
                                              message: "unknown family \(MessageEcho.quoted(family.group)) (known: "
                                                  + "\(known.sorted().joined(separator: ", ")))")
            }
            if let first = seen[family.group] {
                throw CalibrationJSON.Problem(path: "\(path).group",
                                              message: "family \(family.group) appears twice (also families[\(first)])")
            }
            seen[family.group] = i
            try family.validate(at: path)
        }
        try pooled.validate(at: "pooled")
    }
}

extension FamilyCalibration {
    func validate(at path: String) throws {
        func check(_ ok: Bool, _ key: String, _ message: String) throws {
            if !ok { throw CalibrationJSON.Problem(path: "\(path).\(key)", message: message) }
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

