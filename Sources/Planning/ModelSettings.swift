import Foundation
import IndicatorData
import LinearAlgebra
import Projection

/// How trends are fitted for a plan run, and which shipped calibration makes their intervals honest: the
/// settings behind `--model`, `--window`, `--weights`, `--intervals` …, without the flags. Every front-end
/// builds its `ProjectionPolicy` here, so the scorecard, the scenarios and the batch path fit alike.
public struct ModelSettings: Sendable {
    /// Model scale; nil = the catalogue's scale per indicator. `auto` chooses by backtest.
    public var scale: ModelScale?
    public var auto: Bool
    public var window: ClosedRange<Int>?
    public var weighting: Weighting
    public var driver: LeastSquaresDriver
    public var ownTrendMinimum: Int
    public var borrow: Bool
    public var allowProxy: Bool
    /// Calibrated intervals (the shipped backtest constants) or the classical OLS/WLS interval.
    public var calibrated: Bool
    /// A calibration file replacing the shipped `Datasets/calibration/calibration.json`.
    public var calibrationFile: URL?
    /// A regions file (`RegionHierarchy`) replacing the ISO 3166-2 parent rule: who borrows from whom.
    public var regionsFile: String?

    public init(scale: ModelScale? = nil, auto: Bool = false, window: ClosedRange<Int>? = nil,
                weighting: Weighting = TrendOptions.defaultWeighting, driver: LeastSquaresDriver = .default,
                ownTrendMinimum: Int = 5, borrow: Bool = true, allowProxy: Bool = false, calibrated: Bool = true,
                calibrationFile: URL? = nil, regionsFile: String? = nil) {
        self.scale = scale
        self.auto = auto
        self.window = window
        self.weighting = weighting
        self.driver = driver
        self.ownTrendMinimum = ownTrendMinimum
        self.borrow = borrow
        self.allowProxy = allowProxy
        self.calibrated = calibrated
        self.calibrationFile = calibrationFile
        self.regionsFile = regionsFile
    }

    /// Fit options (no calibration: the policy adds each indicator's).
    public var trendOptions: TrendOptions {
        TrendOptions(scale: scale, window: window, weighting: weighting, driver: driver)
    }

    /// The shipped (or given) backtest calibration; nil for classical intervals.
    /// - Throws: `CalibrationError` (category `.config`) naming the file and how to regenerate it.
    public func calibration() throws -> Calibration? {
        guard calibrated else { return nil }
        return try Calibration.load(from: calibrationFile ?? BundledData.file("calibration/calibration.json"))
    }

    /// The shipped regional dispersion of the borrowing path (`Datasets/calibration/borrowing.json`).
    public static func borrowingCalibration() throws -> BorrowingCalibration {
        try BorrowingCalibration.load(from: BundledData.file("calibration/borrowing.json"))
    }

    /// The projection policy; with calibrated intervals every catalogue indicator gets its family's
    /// calibration and regional dispersions. The own slope on another basis (`otherBasis`, from
    /// `Datasets/derived_indicators.csv`: GSO doctors, nurses, beds, HIV detections) is always offered; with
    /// calibrated intervals only for groups whose own-slope dispersion is fitted (`PlanProjector`).
    public func policy(catalogue: IndicatorCatalogue?) throws -> ProjectionPolicy {
        var policy = ProjectionPolicy(options: trendOptions, ownTrendMinimum: ownTrendMinimum, borrowNational: borrow,
                                      allowProxy: allowProxy, auto: auto)
        policy.otherBasis = ProjectionPolicy.otherBasis(from: try PlanFiles.planDerivations())
        if let regionsFile {
            policy.hierarchy = try RegionHierarchy.read(contentsOf: URL(fileURLWithPath: regionsFile),
                                                        displayName: regionsFile)
        }
        if let calibration = try calibration() {
            let borrowing = try Self.borrowingCalibration()
            for indicator in catalogue?.indicators ?? [] {
                let code = indicator.code
                policy.calibrations[code] = calibration.intervalCalibration(forIndicator: code)
                    .with(borrowing: borrowing.shiftDispersion(forIndicator: code),
                          referenceClass: borrowing.levelHeldDispersion(forIndicator: code),
                          ownSlope: borrowing.ownSlopeDispersion(forIndicator: code))
            }
        }
        return policy
    }

    /// "catalogue default per indicator", "log", "auto": the scale choice as a label.
    public var modelLabel: String { auto ? "auto" : scale?.rawValue ?? "catalogue default per indicator" }
}
