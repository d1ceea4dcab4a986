import Foundation
import IndicatorData

// MARK: - Provincial dispersion

/// The spread of regions around a shifted national trend (or around their own held level), estimated from
/// other regions of the same country: the variance a sparse regional series cannot estimate itself.
///
///     σ²_prov(h) = a + b·h,   h = year − the region's last observed year (h ≥ 1; h ≤ 0 → a)
///
/// a is the region's year-to-year noise (its anchor point and the new observation), b the rate at which a
/// region's path drifts away from the national one (a random-walk divergence, Harvey 1989, *Forecasting,
/// Structural Time Series Models and the Kalman Filter*, §2.3.2, the local-level part). The predictive is a
/// Student t with ν degrees of freedom fitted together with a and b. Fitted per indicator family by
/// `BorrowingCalibration.fitDispersion` on the interval score of rolling-origin backtests of regions
/// (`SubnationalBacktest`), checked by region cross-validation (Datasets/calibration/README.md).
public struct BorrowingDispersion: Sendable, Hashable, Codable {
    /// Family name (`IndicatorFamily`) or, for an indicator without a family, its code.
    public var group: String
    /// a: variance at every horizon (model scale squared).
    public var levelVariance: Double
    /// b: variance added per year of horizon.
    public var variancePerYear: Double
    /// ν of the Student t predictive (1000 = normal).
    public var degreesOfFreedom: Double
    /// Distinct regional series and backtest errors the fit used.
    public var series: Int
    public var errors: Int
    /// In-sample coverage of the 80 % and 95 % intervals on the errors the fit used.
    public var coverage80: Double
    public var coverage95: Double

    public init(group: String, levelVariance: Double, variancePerYear: Double, degreesOfFreedom: Double,
                series: Int = 0, errors: Int = 0, coverage80: Double = .nan, coverage95: Double = .nan) {
        self.group = group
        self.levelVariance = levelVariance
        self.variancePerYear = variancePerYear
        self.degreesOfFreedom = degreesOfFreedom
        self.series = series
        self.errors = errors
        self.coverage80 = coverage80
        self.coverage95 = coverage95
    }

    /// σ²_prov(h) = a + b·max(h, 0).
    public func variance(horizon h: Int) -> Double {
        levelVariance + variancePerYear * Double(Swift.max(h, 0))
    }

    /// Checks a ≥ 0 and b ≥ 0 (finite) and ν > 0.
    /// - Throws: `CalibrationJSON.Problem` at `path.key`.
    func validate(at path: String) throws {
        func check(_ ok: Bool, _ key: String, _ message: String) throws {
            if !ok { throw CalibrationJSON.Problem(path: "\(path).\(key)", message: message) }
        }
        try check(levelVariance.isFinite && levelVariance >= 0, "levelVariance",
                  "the variance a must be finite and ≥ 0, got \(levelVariance)")
        try check(variancePerYear.isFinite && variancePerYear >= 0, "variancePerYear",
                  "the variance per year b must be finite and ≥ 0, got \(variancePerYear)")
        try check(degreesOfFreedom > 0, "degreesOfFreedom", "ν must be > 0 (1000 for normal tails), got \(degreesOfFreedom)")
    }

    /// "a=0.0123, b=0.00456/yr, ν=5" for labels.
    public var label: String {
        String(format: "a=%.3g, b=%.3g/yr, ν=%@", levelVariance, variancePerYear, formatNu(degreesOfFreedom))
    }
}

// MARK: - The shipped file

/// Provincial dispersion constants for the national-slope shift (`shift`) and for the reference-class
/// level-held predictive (`levelHeld`), per group, shipped in `Datasets/calibration/borrowing.json`.
public struct BorrowingCalibration: Sendable, Hashable, Codable {
    public static let formatVersion = 1
    public var version: Int
    public var method: String
    /// σ²_prov(h) around the shifted national trend, per group (`TrendFitter.fitBorrowingNational`).
    public var shift: [BorrowingDispersion]
    /// σ²_prov(h) around the held level, per group (`TrendFitter.levelHeld`).
    public var levelHeld: [BorrowingDispersion]
    /// σ²_prov(h) around the region's own long-series slope shifted to a later anchor on another basis, per
    /// group (`TrendFitter.fitOwnSlopeShift`); nil in files written before it (then no own slope is offered
    /// with calibrated intervals).
    public var ownSlope: [BorrowingDispersion]?
    public var provenance: BorrowingProvenance?

    public init(method: String, shift: [BorrowingDispersion], levelHeld: [BorrowingDispersion],
                ownSlope: [BorrowingDispersion]? = nil, provenance: BorrowingProvenance?) {
        self.version = Self.formatVersion
        self.method = method
        self.shift = shift
        self.levelHeld = levelHeld
        self.ownSlope = ownSlope
        self.provenance = provenance
    }

    /// The group of an indicator code: its family (`IndicatorFamily`), else the code itself.
    public static func group(forIndicator code: String) -> String {
        IndicatorFamily.of(code)?.rawValue ?? code
    }

    /// The group in words: "the workforce family", or "preventive_budget_share_pct (no indicator family)" for
    /// a code that belongs to no family and is its own group (never "the preventive_budget_share_pct family").
    public static func groupDescription(forIndicator code: String) -> String {
        if let family = IndicatorFamily.of(code) { return "the \(family.rawValue) family" }
        return "\(code) (no indicator family)"
    }

    /// The shift dispersion for an indicator's group, if fitted.
    public func shiftDispersion(forIndicator code: String) -> BorrowingDispersion? {
        let group = Self.group(forIndicator: code)
        return shift.first { $0.group == group }
    }

    /// The reference-class (level-held) dispersion for an indicator's group, if fitted.
    public func levelHeldDispersion(forIndicator code: String) -> BorrowingDispersion? {
        let group = Self.group(forIndicator: code)
        return levelHeld.first { $0.group == group }
    }

    /// The own-slope (other basis) dispersion for an indicator's group, if fitted.
    public func ownSlopeDispersion(forIndicator code: String) -> BorrowingDispersion? {
        let group = Self.group(forIndicator: code)
        return ownSlope?.first { $0.group == group }
    }

    /// Reads constants written by `jsonData()` (`displayName` names the file in errors; default its path).
    /// - Throws: `BorrowingCalibrationError` with the file and what to do.
    public static func load(from url: URL, displayName: String? = nil) throws -> BorrowingCalibration {
        let file = displayName ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw BorrowingCalibrationError(file: file, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try decode(data, file: file)
    }

    /// Decodes and checks constants from a file's bytes (`file` names it in errors), with the reader and
    /// the key-path messages of `calibration.json` (`CalibrationJSON`).
    /// - Throws: `BorrowingCalibrationError` with the JSON key path, the value and what to do.
    public static func decode(_ data: Data, file: String) throws -> BorrowingCalibration {
        do {
            let decoded = try CalibrationJSON.decode(BorrowingCalibration.self, from: data)
            try decoded.validate()
            return decoded
        } catch let problem as CalibrationJSON.Problem {
            throw BorrowingCalibrationError(file: file, reason: problem.reason)
        }
    }

    /// Checks the constants the projections use: version, each group once per list, a ≥ 0 and b ≥ 0 finite,
    /// ν > 0.
    /// - Throws: `CalibrationJSON.Problem` at the first offending key.
    func validate() throws {
        guard version == Self.formatVersion else {
            throw CalibrationJSON.Problem(path: "version",
                                          message: "format version \(version), this chitieu reads \(Self.formatVersion)")
        }
        for (name, list) in [("shift", shift), ("levelHeld", levelHeld), ("ownSlope", ownSlope ?? [])] {
            var seen: [String: Int] = [:]
            for (i, entry) in list.enumerated() {
                if let first = seen[entry.group] {
                    throw CalibrationJSON.Problem(path: "\(name)[\(i)].group", message: "group "
                        + "\(MessageEcho.quoted(entry.group)) appears twice (also \(name)[\(first)])")
                }
                seen[entry.group] = i
                try entry.validate(at: "\(name)[\(i)]")
            }
        }
    }

    /// The command that regenerates the shipped file.
    public static let regenerateCommand = "chitieu backtest --subnational --fit-calibration --out "
        + "Datasets/calibration/borrowing.json --force"

    /// Pretty-printed JSON with sorted keys (stable diffs when regenerated).
    public func jsonData() throws -> Data { try CalibrationJSON.encode(self) }
}

/// A borrowing calibration file that cannot be used.
public struct BorrowingCalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String {
        "\(file): \(reason); regenerate it with `\(BorrowingCalibration.regenerateCommand)`"
    }
}

/// Where the borrowing constants came from.
public struct BorrowingProvenance: Sendable, Hashable, Codable {
    public var dataFiles: [CalibrationProvenance.DataFile]
    public var command: String
    /// ISO 8601 date of the run.
    public var generated: String
    public var origins: [Int]
    public var horizons: [Int]
    /// Regional points kept before each origin (k).
    public var pointsKept: [Int]
    /// Per indicator, the last year scored (e.g. IMR to 2011), if limited.
    public var lastScoredYears: [String: Int]
    /// The national calibration the national trend used (its provenance command).
    public var nationalCalibration: String?

    public init(dataFiles: [CalibrationProvenance.DataFile], command: String, generated: String, origins: [Int],
                horizons: [Int], pointsKept: [Int], lastScoredYears: [String: Int], nationalCalibration: String?) {
        self.dataFiles = dataFiles
        self.command = command
        self.generated = generated
        self.origins = origins
        self.horizons = horizons
        self.pointsKept = pointsKept
        self.lastScoredYears = lastScoredYears
        self.nationalCalibration = nationalCalibration
    }
}
