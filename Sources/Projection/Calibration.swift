import Foundation

// MARK: - Indicator families

/// Groups of indicators whose forecast errors behave alike, so their interval calibration is pooled.
///
/// Families follow README §8 of the shared data and the issue: mortality (u5mr, imr, mmr), fertility (tfr),
/// nutrition (stunting, underweight), coverage (DTP3, MCV1 and other vaccination coverage), workforce
/// (health workers per 10,000), disease (TB incidence), longevity (life expectancy). An indicator outside
/// these lists (hospital beds, insurance coverage, …) has no family and uses the pooled calibration.
public enum IndicatorFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case mortality, fertility, nutrition, coverage, workforce, disease, longevity

    /// Codes mapped to each family. Codes not calibrated directly (e.g. `mcv2_pct`, `pharmacists_per_10k`)
    /// are listed where their measurement is the same kind as a calibrated member.
    public static let members: [IndicatorFamily: Set<String>] = [
        .mortality: ["u5mr", "imr", "mmr", "nmr"],
        .fertility: ["tfr"],
        .nutrition: ["stunting_u5_pct", "underweight_u5_pct", "wasting_u5_pct"],
        .coverage: ["dtp3_pct", "mcv1_pct", "mcv2_pct", "fully_immunized_u1_pct"],
        .workforce: ["physicians_per_10k", "pharmacists_per_10k", "nurses_per_10k", "nurses_midwives_per_10k",
                     "midwives_dpoh_per_10k"],
        .disease: ["tb_incidence_per_100k"],
        .longevity: ["life_expectancy"],
    ]

    /// The family of an indicator code, or `nil` (→ pooled calibration).
    public static func of(_ indicator: String) -> IndicatorFamily? {
        for family in allCases where members[family]?.contains(indicator) == true { return family }
        return nil
    }
}

// MARK: - Calibration tables

/// One fitted calibration. The predictive on the model scale is location + √(k(h)²·v₀(h) + τ²·h^γ)·T_ν,
/// v₀(h) the classical (W)LS predictive variance, T_ν a Student t with ν degrees of freedom (capped at the
/// fit's n − 2). The additive fit (`Calibration.fitAdditive`, shipped) has k ≡ 1 (`factors` empty); the
/// older multiplicative fit (`Calibration.fit`) has τ² = 0.
public struct FamilyCalibration: Sendable, Hashable, Codable {
    /// Family name, or "pooled".
    public var group: String
    /// ν of the Student t tails.
    public var degreesOfFreedom: Double
    /// Multiplicative k(h) for h = 1…factors.count after smoothing (ln k = α + β·ln h, β ≥ 0); empty = 1.
    public var factors: [Double]
    /// Unsmoothed k(h) = √(k₈₀(h)·k₉₅(h)) before smoothing, for inspection; empty for the additive fit.
    public var rawFactors: [Double]
    /// τ² of the additive trend-drift variance τ²·h^γ (model scale squared); 0 for the multiplicative fit.
    public var driftVariance: Double
    /// γ of τ²·h^γ.
    public var driftExponent: Double
    /// In-sample coverage of the 80 % and 95 % intervals per horizon 1…H on the errors the fit used (a check
    /// that the fitted constants are right at every horizon, not only on average); empty if not computed.
    public var coverage80: [Double]
    public var coverage95: [Double]
    /// κ ∈ [0, 1] multiplying the fitted slope for projected years (`IntervalCalibration.slopeAttenuation`);
    /// nil (older files, the multiplicative fit) = 1.
    public var slopeAttenuation: Double?
    /// Distinct series and backtest errors the fit used.
    public var series: Int
    public var errors: Int

    public init(group: String, degreesOfFreedom: Double, factors: [Double], rawFactors: [Double],
                series: Int, errors: Int, driftVariance: Double = 0, driftExponent: Double = 0,
                coverage80: [Double] = [], coverage95: [Double] = [], slopeAttenuation: Double? = nil) {
        self.group = group
        self.slopeAttenuation = slopeAttenuation
        self.degreesOfFreedom = degreesOfFreedom
        self.factors = factors
        self.rawFactors = rawFactors
        self.driftVariance = driftVariance
        self.driftExponent = driftExponent
        self.coverage80 = coverage80
        self.coverage95 = coverage95
        self.series = series
        self.errors = errors
    }

    /// As an `IntervalCalibration` for `TrendFit`.
    public func interval(label: String) -> IntervalCalibration {
        IntervalCalibration(factors: factors, label: label,
                            degreesOfFreedom: degreesOfFreedom.isFinite ? degreesOfFreedom : nil,
                            driftVarianceCoefficient: driftVariance, driftExponent: driftExponent,
                            slopeAttenuation: slopeAttenuation ?? 1)
    }
}

/// Where shipped calibration constants came from.
public struct CalibrationProvenance: Sendable, Hashable, Codable {
    public struct DataFile: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }
    public var dataFiles: [DataFile]
    public var command: String
    /// ISO 8601 date of the run.
    public var generated: String
    /// Rolling origins and the largest horizon used.
    public var origins: [Int]
    public var maximumHorizon: Int
    public var minimumPoints: Int
    /// Weighting of the backtest trend fits the constants belong to, e.g. "recency:0.8".
    public var weighting: String?

    public init(dataFiles: [DataFile], command: String, generated: String, origins: [Int], maximumHorizon: Int,
                minimumPoints: Int, weighting: String? = nil) {
        self.dataFiles = dataFiles
        self.command = command
        self.generated = generated
        self.origins = origins
        self.maximumHorizon = maximumHorizon
        self.minimumPoints = minimumPoints
        self.weighting = weighting
    }
}

/// Interval calibration per indicator family with a pooled fallback, fitted from rolling-origin backtests
/// (see `Calibration.fit`) and shipped in `Datasets/calibration/calibration.json`.
public struct Calibration: Sendable, Hashable, Codable {
    /// 2: additive trend-drift variance (driftVariance, driftExponent, per-horizon coverage) added.
    public static let formatVersion = 2
    public var version: Int
    public var method: String
    public var families: [FamilyCalibration]
    public var pooled: FamilyCalibration
    /// Families that fell back to the pooled calibration, with the reason ("3 series < 10").
    public var fallbacks: [String: String]
    public var provenance: CalibrationProvenance?

    public init(method: String, families: [FamilyCalibration], pooled: FamilyCalibration,
                fallbacks: [String: String], provenance: CalibrationProvenance?) {
        self.version = Self.formatVersion
        self.method = method
        self.families = families
        self.pooled = pooled
        self.fallbacks = fallbacks
        self.provenance = provenance
    }

    /// The calibration for an indicator: its family's, else the pooled one (`isFallback` true).
    public func entry(forIndicator code: String) -> (calibration: FamilyCalibration, isFallback: Bool) {
        if let family = IndicatorFamily.of(code), let found = families.first(where: { $0.group == family.rawValue }) {
            return (found, false)
        }
        return (pooled, true)
    }

    /// The `IntervalCalibration` to put in `TrendOptions` for an indicator, labelled with its family.
    public func intervalCalibration(forIndicator code: String) -> IntervalCalibration {
        let (entry, fallback) = entry(forIndicator: code)
        let why: String
        if let family = IndicatorFamily.of(code) {
            why = fallback ? "pooled (family \(family.rawValue): \(fallbacks[family.rawValue] ?? "not fitted"))"
                : "family \(family.rawValue)"
        } else {
            why = "pooled (no family for \(code))"
        }
        let drift = entry.driftVariance > 0
            ? String(format: ", τ=%.3g, γ=%g", entry.driftVariance.squareRoot(), entry.driftExponent) : ""
        let kappa = (entry.slopeAttenuation ?? 1) != 1 ? String(format: ", κ=%g", entry.slopeAttenuation ?? 1) : ""
        return entry.interval(label: "calibrated \(why), ν=\(formatNu(entry.degreesOfFreedom))\(drift)\(kappa)")
    }

    // MARK: - Files

    /// Reads calibration constants written by `jsonData()`.
    /// - Throws: `CalibrationError.unreadable` with the file and what to do.
    public static func load(from url: URL, displayName: String? = nil) throws -> Calibration {
        let file = displayName ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CalibrationError.unreadable(file: file, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try decode(data, displayName: file)
    }

    /// Decodes and validates calibration constants from a file's bytes (`displayName` names it in errors).
    /// - Throws: `CalibrationError.unreadable` with the JSON key path and what is wrong.
    public static func decode(_ data: Data, displayName file: String) throws -> Calibration {
        do {
            let decoded = try CalibrationJSON.decode(Calibration.self, from: data)
            try decoded.validate()
            return decoded
        } catch let problem as CalibrationJSON.Problem {
            throw CalibrationError.unreadable(file: file, reason: problem.reason)
        }
    }

    /// Pretty-printed JSON with sorted keys (stable diffs when regenerated).
    public func jsonData() throws -> Data { try CalibrationJSON.encode(self) }
}

/// Errors from fitting or loading a calibration.
public enum CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notEnoughErrors(String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): \(reason); regenerate it with `chitieu backtest --fit-calibration --out \(file)`"
        case .notEnoughErrors(let message): return message
        }
    }
}

func formatNu(_ nu: Double) -> String {
    nu.isFinite ? String(format: "%g", nu) : "∞"
}
