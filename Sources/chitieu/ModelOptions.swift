import ArgumentParser
import Foundation
import IndicatorData
import LinearAlgebra
import Planning
import Projection

/// Trend-model options shared by `attain`, `project` and `backtest`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Model scale: auto (choose by leave-last-3-out backtest), linear, log or logit. Default: the catalogue's scale for each indicator.")
    var model: String?

    @Option(help: "Fit window FIRST:LAST, e.g. 2010:2023. Default: every observation.")
    var window: String?

    @Option(help: "Observation weights: none (OLS) or recency:λ (WLS with weight λ^(last−year), ESCAP's weighted extrapolation). Default recency:0.8, chosen by country cross-validation (Datasets/calibration/README.md).")
    var weights: String = TrendOptions.defaultWeighting.argument

    @Option(help: "Least-squares driver: svd (LAPACK dgelsd) or qr (dgeqrf+dormqr+dtrtrs).")
    var driver: String = "svd"

    @Option(name: .customLong("own-trend-minimum"),
            help: "A regional series needs at least this many points for its own trend; below it, the national slope is borrowed.")
    var ownTrendMinimum: Int = 5

    @Flag(name: .customLong("no-borrow"), help: "Never borrow the national trend for sparse regional series.")
    var noBorrow = false

    @Flag(name: .customLong("allow-proxy"),
          help: "Borrow the slope of a national series that measures something different (labelled proxy).")
    var allowProxy = false

    @Option(help: "Prediction intervals: calibrated (classical variance + backtest trend-drift variance τ²·h^γ per indicator family, Datasets/calibration) or ols (classical, known to be far too narrow).")
    var intervals: IntervalKind = .calibrated

    @Option(name: .customLong("calibration"), help: "Calibration JSON (default: Datasets/calibration/calibration.json).")
    var calibrationFile: String?

    @Option(name: .customLong("regions"),
            help: ArgumentHelp("Regions file stating which region borrows from which (code,…,parent,…,successor; e.g. Datasets/regions.csv): a district borrows from its province, a province from its nation. Default: the ISO 3166-2 rule (VN-28-DAK_HA → VN-28 → VN).", valueName: "file"),
            completion: .file())
    var regionsFile: String?

    func validate() throws {
        if let model, !["auto", "linear", "log", "logit"].contains(model) {
            throw ValidationError("Use --model auto, linear, log or logit (got \(model)).")
        }
        if let window { _ = try wrap { try TrendOptions.parseWindow(window) } }
        _ = try wrap { try Weighting(parsing: weights) }
        if !["svd", "qr"].contains(driver) { throw ValidationError("Use --driver svd or qr (got \(driver)).") }
        if ownTrendMinimum < 3 {
            throw ValidationError("Use --own-trend-minimum 3 or more: a trend needs at least 3 points.")
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw ValidationError("\(error)") }
    }

    /// The settings these options stand for (throws `CLIError` 64 on text `validate()` should have caught).
    func settings() throws -> ModelSettings {
        do {
            let scale: ModelScale? = (model == nil || model == "auto") ? nil : ModelScale(rawValue: model ?? "")
            return ModelSettings(scale: scale, auto: model == "auto", window: try window.map(TrendOptions.parseWindow),
                                 weighting: try Weighting(parsing: weights), driver: driver == "qr" ? .qr : .default,
                                 ownTrendMinimum: ownTrendMinimum, borrow: !noBorrow, allowProxy: allowProxy,
                                 calibrated: intervals == .calibrated,
                                 calibrationFile: calibrationFile.map { URL(fileURLWithPath: $0) },
                                 regionsFile: regionsFile)
        } catch {
            throw CLIError(message: "\(error)", code: ExitStatus.usage)
        }
    }

    /// Fit options (no calibration).
    func trendOptions() throws -> TrendOptions { try settings().trendOptions }

    /// The shipped (or given) backtest calibration; nil for `--intervals ols`.
    func calibration() throws -> Calibration? { try settings().calibration() }

    /// The shipped regional dispersion of the borrowing path (Datasets/calibration/borrowing.json).
    func borrowingCalibration() throws -> BorrowingCalibration { try ModelSettings.borrowingCalibration() }

    /// The projection policy (`ModelSettings.policy`).
    func policy(catalogue: IndicatorCatalogue? = nil) throws -> ProjectionPolicy {
        try settings().policy(catalogue: catalogue)
    }
}

/// Which prediction intervals to report.
enum IntervalKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    case calibrated, ols
}
