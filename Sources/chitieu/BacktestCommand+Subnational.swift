import ArgumentParser
import Export
import Foundation
import IndicatorData
import Projection

/// `chitieu backtest --subnational`: the borrowing path scored on provinces, the regional dispersion fitted
/// by province cross-validation; `--fit-calibration` writes `Datasets/calibration/borrowing.json`.
extension BacktestCommand {
    /// The bundled province file (GSO, 2002–2016).
    static let provinceFile = "provinces/vietnam_provinces_gso.csv"

    func parsedPointsKept() throws -> [Int] {
        let parts = pointsKept.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0.map { (1...20).contains($0) } ?? false }) else {
            throw ValidationError("Use --points-kept with counts from 1 to 20 separated by commas, e.g. --points-kept 1,2,3.")
        }
        return Array(Set(parts.compactMap { $0 })).sorted()
    }

    func parsedGaps() throws -> [Int] {
        let parts = gaps.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0.map { (1...20).contains($0) } ?? false }) else {
            throw ValidationError("Use --gaps with years from 1 to 20 separated by commas, e.g. --gaps 1,3,7.")
        }
        return Array(Set(parts.compactMap { $0 })).sorted()
    }

    func subnationalOptions() throws -> SubnationalBacktestOptions {
        SubnationalBacktestOptions(origins: try parsedOrigins(), horizons: try parsedHorizons(),
                                   pointsKept: try parsedPointsKept(), nationalRegion: national,
                                   weighting: try weighting())
    }

    func runSubnational(catalogue: IndicatorCatalogue?) throws {
        let specs: [FileSpec] = data.isEmpty
            ? [.bundled(try BundledData.file(Self.provinceFile), relativePath: Self.provinceFile)]
            : try parseFileSpecs(data).map { $0.markingBundled() }
        let collection = try InputReader.read(specs, defaults: read.fileDefaults, catalogue: catalogue,
                                              sourcePriority: read.priorityList, mapping: read.sourceMapping())
        let files = try specs.map { try DataFileDigest(fileAt: $0.url, recordedPath: $0.displayName) }
        let derivations = try Derivation.read(contentsOf: try BundledData.file("derived_indicators.csv"),
                                              displayName: "Datasets/derived_indicators.csv")
        let series = try SubnationalPanel.gso(collection.series, derivations: derivations)
        let nationalCalibration = try Calibration.load(from: try BundledData.file("calibration/calibration.json"))
        let options = try subnationalOptions()
        var (points, skipped) = ownSlope && !fitCalibration ? ([], [])
            : SubnationalBacktest.run(series, calibration: nationalCalibration, catalogue: catalogue, options: options)
        if ownSlope || fitCalibration {
            // The own slope's points carry the national shift and the level held on the same anchors; fitting
            // deduplicates those (one error per region, origin and year), so the shift constants are unchanged.
            let own = SubnationalBacktest.runOwnSlope(series.filter { SubnationalPanel.ownSlopeCodes.contains($0.indicator) },
                                                      calibration: nationalCalibration, catalogue: catalogue,
                                                      options: options, gaps: try parsedGaps())
            points += own.points
            skipped += own.skipped
        }
        guard !points.isEmpty else {
            throw CLIError(message: "no held-out points: no region of \(series.count) series has a point up to an "
                + "origin, values after it and a \(national) series with ≥ 3 points to borrow from; check --national, "
                + "--origins and --horizons", code: ExitStatus.dataError)
        }
        if !quiet {
            printError("chitieu: subnational backtest: \(points.count) scored values, \(Set(points.map(\.key.region)).count) "
                + "regions, \(Set(points.map(\.key.indicator)).count) indicators, \(skipped.count) region/origin pairs skipped")
        }
        do {
            if fitCalibration {
                try writeBorrowing(points: points, files: files, options: options, nationalCalibration: nationalCalibration)
                return
            }
            // The dispersion methods are scored on held-out regions; the others need no fit.
            let needsFit = methods.contains(.shiftDispersion) || methods.contains(.levelHeldDispersion)
                || methods.contains(.ownSlopeDispersion)
            let held = needsFit ? try SubnationalBacktest.crossValidate(points, folds: cvFolds, seed: seed).points : points
            try emit(try subnationalTable(held), text: "\nHeld-out regions: \(cvFolds) folds, seed \(seed).\n",
                     files: files)
        } catch let error as CalibrationError {
            throw CLIError(message: error.description, code: ExitStatus.dataError)
        }
    }

    private func writeBorrowing(points: [BacktestPoint], files: [DataFileDigest], options: SubnationalBacktestOptions,
                                nationalCalibration: Calibration) throws {
        guard let out else { return }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let provenance = BorrowingProvenance(
            dataFiles: files.map { .init(path: $0.path, sha256: $0.sha256) },
            command: "chitieu backtest --subnational --fit-calibration --out \(out) --weights \(weights) "
                + "--points-kept \(pointsKept) --gaps \(gaps) --national \(self.national)"
                + (data.isEmpty ? "" : " --data " + data.joined(separator: " --data ")),
            generated: formatter.string(from: Date()), origins: options.origins, horizons: Array(options.horizons),
            pointsKept: options.pointsKept, lastScoredYears: SubnationalPanel.gsoLastYears,
            nationalCalibration: nationalCalibration.provenance?.command)
        let calibration = try BorrowingCalibration.fit(points: points, provenance: provenance)
        try AtomicFile.write(try calibration.jsonData(), to: URL(fileURLWithPath: out), overwrite: file.force)
        if !quiet {
            printError("chitieu: wrote \(out) (\(calibration.shift.count) shift, \(calibration.levelHeld.count) "
                + "level-held and \(calibration.ownSlope?.count ?? 0) own-slope groups)")
        }
    }

    /// One row per method, group (family, or the code without one) and k ("all" = every k pooled).
    private func subnationalTable(_ points: [BacktestPoint]) throws -> Table {
        var table = try Table(columns: ["method", "group", "points_kept", "n", "coverage_80", "coverage_95",
                                        "width_80_model", "width_80_natural", "winkler_80", "winkler_95"])
        let ks: [Int?] = [nil] + Set(points.map(\.points)).sorted().map { Optional($0) }
        for k in ks {
            let selected = k.map { k in points.filter { $0.points == k } } ?? points
            let scores = Backtest.scores(selected, perLeadTime: false) {
                byIndicator ? $0.key.indicator : BorrowingCalibration.group(forIndicator: $0.key.indicator)
            }
            for s in scores where methods.contains(s.method) {
                var row: [Cell] = [.text(s.method.rawValue), .text(s.group), k.map { Cell.integer($0) } ?? .text("all"),
                                   .integer(s.count)]
                for (x, d) in [(s.coverage80, 3), (s.coverage95, 3), (s.width80, 4), (s.naturalWidth80, 4),
                               (s.winkler80, 4), (s.winkler95, 4)] {
                    row.append(x.isFinite ? Cell.number(x, .decimals(d)) : Cell.missing)
                }
                try table.append(row)
            }
        }
        return table
    }
}
