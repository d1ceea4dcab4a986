import ArgumentParser
import Export
import Foundation
import IndicatorData
import Projection

/// `chitieu backtest`: fit with data up to each origin only, project, and score the intervals on the later
/// years (coverage, width, Winkler score, MASE, P(attain) reliability); `--fit-calibration` regenerates the
/// shipped calibration constants.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score interval coverage and P(attain) calibration on held-out years.",
        discussion: """
            Defaults run on the bundled Datasets/intl/intl_series.csv. Regenerate the shipped constants with
              chitieu backtest --fit-calibration --out Datasets/calibration/calibration.json --force
            (fitted on intl_series.csv plus the Viet Nam national series).

            --subnational backtests the borrowing path on provinces instead (default data:
            Datasets/provinces/vietnam_provinces_gso.csv, densities derived per 10,000, IMR to 2011): at each
            origin every province keeps only its last k points (--points-kept), the national series
            (--national) is complete to the origin, the province is projected with the national slope shifted
            to its level and scored on its later values; the regional dispersion is fitted on the other
            provinces (--cv-folds). Regenerate the shipped borrowing constants with
              \(BorrowingCalibration.regenerateCommand)
            """)

    @OptionGroup var dataOption: DataFilesOption
    var data: [String] { dataOption.files }

    @OptionGroup var read: DataReadOptions

    @Option(help: "Forecast origins, comma-separated (default 2008,2012,2016; with --subnational 2004-2015 every year).")
    var origins: String?

    @Option(help: "Lead times in years after the origin, FIRST-LAST.")
    var horizons: String = "1-10"

    @Option(help: "ols, drift, calibrated or all (with --subnational: shift, shift-dispersion, level-held, level-held-dispersion or all; with --own-slope: own-slope, own-slope-dispersion, shift-dispersion, level-held-dispersion or all).")
    var method: String = "all"

    @Flag(help: "Backtest the borrowing path (national slope shifted to a sparse region) on regions.")
    var subnational = false

    @Flag(name: .customLong("own-slope"), help: "With --subnational: backtest the region's own long-series slope shifted to a later anchor (other basis) against the national shift and the level held.")
    var ownSlope = false

    @Option(help: "With --subnational --own-slope: years between the long series' last point and the anchor, comma-separated (1-20).")
    var gaps: String = SubnationalBacktest.defaultBasisGaps.map(String.init).joined(separator: ",")

    @Option(name: .customLong("points-kept"), help: "With --subnational: regional points kept before each origin, comma-separated k (1-20).")
    var pointsKept: String = "1,2,3"

    @Option(help: "With --subnational: the region borrowed from; every other region is scored.")
    var national: String = "VN"

    @Option(name: .customLong("cv-folds"), help: "Country cross-validation folds for the calibrated method (≥ 2).")
    var cvFolds: Int = 6

    @Option(help: "Seed of the fold assignment.")
    var seed: UInt64 = 42

    @Option(help: "Output format: table, csv, json or xlsx (Excel workbook).")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }

    @OptionGroup var file: OutputFileOptions
    var out: String? { file.out }

    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    @Option(help: "Trend-fit weights: none (OLS) or recency:λ. Default: the projection default (\(TrendOptions.defaultWeighting.argument)).")
    var weights: String = TrendOptions.defaultWeighting.argument

    @Flag(name: .customLong("by-indicator"), help: "Group scores by indicator instead of family.")
    var byIndicator = false

    @Flag(name: .customLong("fit-calibration"), help: "Fit calibration constants and write them as JSON to --out.")
    var fitCalibration = false

    func validate() throws {
        _ = try parsedOrigins()
        _ = try parsedHorizons()
        let allowed = allMethods.map(\.rawValue) + ["all"]
        guard allowed.contains(method) else {
            throw ValidationError("Use --method \(allowed.dropLast().joined(separator: ", ")) or all (got \"\(method)\").")
        }
        if subnational { _ = try parsedPointsKept() }
        if ownSlope {
            guard subnational else { throw ValidationError("Use --own-slope together with --subnational.") }
            _ = try parsedGaps()
        }
        do { _ = try Weighting(parsing: weights) } catch { throw ValidationError("\(error)") }
        guard cvFolds >= 2 else { throw ValidationError("Use --cv-folds 2 or more (got \(cvFolds)).") }
        if fitCalibration && out == nil {
            let name = subnational ? "borrowing.json" : "calibration.json"
            throw ValidationError("Use --out FILE with --fit-calibration, e.g. --out Datasets/calibration/\(name) --force.")
        }
    }

    func parsedOrigins() throws -> [Int] {
        guard let origins else { return subnational ? SubnationalBacktestOptions().origins : [2008, 2012, 2016] }
        let parts = origins.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0.map { (1950...2100).contains($0) } ?? false }) else {
            throw ValidationError("Use --origins with years separated by commas, e.g. --origins 2008,2012,2016.")
        }
        return parts.compactMap { $0 }
    }

    func parsedHorizons() throws -> ClosedRange<Int> {
        let parts = horizons.split(separator: "-").map { Int($0) }
        if parts.count == 1, let h = parts[0], h >= 1 { return h...h }
        guard parts.count == 2, let a = parts[0], let b = parts[1], a >= 1, a <= b, b <= 50 else {
            throw ValidationError("Use --horizons FIRST-LAST with 1 ≤ FIRST ≤ LAST ≤ 50, e.g. --horizons 1-10.")
        }
        return a...b
    }

    func run() throws {
        try runReportingErrors {
            let catalogue = try? BundledData.catalogue()
            if subnational {
                try runSubnational(catalogue: catalogue)
                return
            }
            let (series, files) = try loadSeries(catalogue: catalogue)
            let bar = ProgressBar("backtest: series fits", total: series.count, quiet: quiet)
            defer { bar.finish() }
            let step: ((Int, Int) -> Void)? = bar.isDrawn ? { bar.update($0, of: $1) } : nil
            if fitCalibration {
                try writeCalibration(series: series, files: files, catalogue: catalogue, bar: bar)
                return
            }
            let options = BacktestOptions(origins: try parsedOrigins(), horizons: try parsedHorizons(),
                                          weighting: try weighting())
            let points: [BacktestPoint]
            if method == "calibrated" || method == "all" {
                do {
                    points = try Backtest.crossValidate(series, catalogue: catalogue, options: options,
                                                        folds: cvFolds, seed: seed, progress: step).points
                } catch let error as CalibrationError {
                    throw CLIError(message: error.description, code: ExitStatus.dataError)
                }
            } else {
                points = Backtest.run(series, catalogue: catalogue, options: options, progress: step).points
            }
            bar.finish()
            guard !points.isEmpty else {
                throw CLIError(message: "no held-out points: no series has ≥ 5 points up to an origin and values "
                    + "after it; choose other --origins or --horizons", code: ExitStatus.dataError)
            }
            try emit(try scoreTable(points), text: reliabilityText(points), files: files)
        }
    }

    /// Renders the score table (table: followed by `text`; CSV; JSON with run metadata) to stdout or --out.
    func emit(_ table: Table, text: String, files: [DataFileDigest]) throws {
        let rendered: Data
        switch format {
        case .table:
            let people = try PeopleTable(table, language: lang)
            rendered = Data((TextTableWriter().renderString(people.table, rightAligned: people.styles.map(\.isNumeric))
                + text).utf8)
        case .csv: rendered = try TidyCSVWriter().render(table)
        case .xlsx:
            let title = lang == .vi ? "Kiểm định ngược" : "Backtest"
            let metadata = RunMetadata(version: ChitieuVersion.string, generated: Date(), command: commandLineText,
                                       dataFiles: files, model: "backtest", seed: seed)
            rendered = try workbook([XLSXSheet(name: title, table: table)], lang: lang, title: title, metadata: metadata,
                                    methods: text.split(separator: "\n").map(String.init), toStdout: out == nil)
        case .json:
            var options = ["origins": try parsedOrigins().map(String.init).joined(separator: ","), "horizons": horizons,
                           "method": method, "cv-folds": String(cvFolds), "weights": weights]
            if subnational {
                options["subnational"] = "true"
                options["points-kept"] = pointsKept
                options["national"] = national
            }
            let metadata = RunMetadata(version: ChitieuVersion.string, generated: Date(),
                                       command: (["chitieu"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
                                       dataFiles: files, model: subnational ? "subnational backtest" : "backtest",
                                       seed: seed, options: options)
            rendered = try JSONTableWriter(metadata: metadata).render(table)
        }
        if let out {
            try AtomicFile.write(rendered, to: URL(fileURLWithPath: out), overwrite: file.force)
        } else {
            FileHandle.standardOutput.write(rendered)
        }
    }

    func weighting() throws -> Weighting {
        do { return try Weighting(parsing: weights) } catch {
            throw CLIError(message: "\(error)", code: ExitStatus.usage)
        }
    }

    // MARK: - Input

    private func loadSeries(catalogue: IndicatorCatalogue?) throws -> ([Series], [DataFileDigest]) {
        var specs: [FileSpec] = []
        if data.isEmpty {
            specs.append(.bundled(try BundledData.file("intl/intl_series.csv"), relativePath: "intl/intl_series.csv"))
            if fitCalibration {
                specs.append(.bundled(try BundledData.file("national/vietnam_national.csv"),
                                      relativePath: "national/vietnam_national.csv"))
            }
        } else {
            specs = try parseFileSpecs(data).map { $0.markingBundled() }
        }
        let collection = try InputReader.read(specs, defaults: read.fileDefaults, catalogue: catalogue,
                                              sourcePriority: read.priorityList, mapping: read.sourceMapping())
        let digests = try specs.map { try DataFileDigest(fileAt: $0.url, recordedPath: $0.displayName) }
        var series = collection.series
        if fitCalibration {
            // Calibrate only indicators with a family; others would pollute the pooled errors with unrelated series.
            series = series.filter { IndicatorFamily.of($0.indicator) != nil }
        }
        return (series, digests)
    }

    // MARK: - Calibration constants

    private func writeCalibration(series: [Series], files: [DataFileDigest], catalogue: IndicatorCatalogue?,
                                  bar: ProgressBar) throws {
        guard let out else { return }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let provenance = CalibrationProvenance(
            dataFiles: files.map { .init(path: $0.path, sha256: $0.sha256) },
            command: "chitieu backtest --fit-calibration --out \(out) --weights \(weights)"
                + (data.isEmpty ? "" : " --data " + data.joined(separator: " --data ")),
            generated: formatter.string(from: Date()), origins: Backtest.calibrationOrigins, maximumHorizon: 10,
            minimumPoints: 5, weighting: weights)
        let calibration: Calibration
        let progress: ((Int, Int) -> Void)? = bar.isDrawn ? { bar.update($0, of: $1) } : nil
        do {
            calibration = try Backtest.fitCalibration(series, catalogue: catalogue, weighting: try weighting(),
                                                      provenance: provenance, progress: progress)
        } catch let error as CalibrationError {
            throw CLIError(message: error.description, code: ExitStatus.dataError)
        }
        bar.finish()
        try AtomicFile.write(try calibration.jsonData(), to: URL(fileURLWithPath: out), overwrite: file.force)
        guard !quiet else { return }
        for (family, reason) in calibration.fallbacks.sorted(by: { $0.key < $1.key }) {
            printError("chitieu: family \(family): \(reason)")
        }
        printError("chitieu: wrote \(out) (\(calibration.families.count) families + pooled)")
    }

    // MARK: - Output

    /// The methods this mode scores.
    var allMethods: [BacktestMethod] {
        ownSlope ? BacktestMethod.ownSlopeBacktest
            : subnational ? BacktestMethod.subnational : BacktestMethod.national
    }

    var methods: [BacktestMethod] {
        method == "all" ? allMethods : BacktestMethod(rawValue: method).map { [$0] } ?? []
    }

    private func scoreTable(_ points: [BacktestPoint]) throws -> Table {
        var table = try Table(columns: ["method", "group", "lead_time", "n", "coverage_80", "coverage_95",
                                        "width_80_model", "width_80_natural", "winkler_80", "winkler_95",
                                        "mase_naive", "mase_drift"])
        for s in Backtest.scores(points, byIndicator: byIndicator) where methods.contains(s.method) {
            let lead: Cell = s.leadTime.map { Cell.integer($0) } ?? Cell.text("all")
            var row: [Cell] = [.text(s.method.rawValue), .text(s.group), lead, .integer(s.count)]
            let numbers: [(Double, Int)] = [(s.coverage80, 3), (s.coverage95, 3), (s.width80, 4), (s.naturalWidth80, 4),
                                            (s.winkler80, 4), (s.winkler95, 4), (s.maseNaive, 3), (s.maseDrift, 3)]
            for (x, d) in numbers { row.append(x.isFinite ? Cell.number(x, .decimals(d)) : Cell.missing) }
            try table.append(row)
        }
        return table
    }

    private func reliabilityText(_ points: [BacktestPoint]) -> String {
        let vi = lang == .vi
        func n(_ x: Double, _ digits: Int) -> String { lang.localizedNumber(String(format: "%.\(digits)f", x)) }
        var text = vi
            ? "\nĐộ tin cậy của P(đạt), chỉ tiêu giả định ±10 % giá trị tại năm gốc (hạt giống \(seed)):\n"
            : "\nP(attain) reliability, synthetic targets ±10 % of the value at the origin (seed \(seed)):\n"
        let (worst, mean, observed) = vi ? ("sai lệch lớn nhất |thực tế − p| (nhóm ≥ 20)", "p trung bình", "thực tế")
            : ("worst |observed − p| (bins ≥ 20)", "mean p", "observed")
        for m in methods {
            let r = Backtest.reliability(points, method: m)
            text += "\(m.rawValue): n=\(r.count) Brier=\(n(r.brier, 4)) \(worst)=\(n(r.worstGap, 3))\n"
            for b in r.bins {
                text += "  [\(n(b.lower, 1))\(vi ? ";" : ",") \(n(b.upper, 1)))  n=" + String(format: "%5d", b.count)
                    + "  \(mean)=\(n(b.meanProbability, 3))  \(observed)=\(n(b.observedFrequency, 3))\n"
            }
        }
        return text
    }
}
