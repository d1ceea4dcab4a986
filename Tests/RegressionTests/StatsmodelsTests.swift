import Foundation
import LinearAlgebra
import Regression
import Testing

/// OLS and WLS fits and `get_prediction(X_new).summary_frame(alpha)` recorded with statsmodels on real
/// Viet Nam national series (World Bank WDI / UN IGME / UN WPP, via shared/data/vietnam_national.csv).
///
/// Provenance: `Fixtures/statsmodels/make_fixtures.py` (not run in CI) wrote the CSVs; the versions and
/// date are in `Fixtures/statsmodels/VERSIONS.txt` (statsmodels 0.15.0, numpy 2.4.6). Values are
/// written with Python `repr`, so they round-trip exactly.
///
/// Tolerances: coefficients, standard errors and R²/F/RSS 1e-10 relative; intervals 1e-9 relative.
/// Both programs solve the same well-conditioned problem (design [1, year − 2023], κ ≈ 30) with
/// backward-stable factorisations, so they agree to ≈ κ·ε ≈ 10⁻¹⁴; 1e-10 leaves room for the different
/// summation orders (BLAS vs numpy pinv). Intervals also depend on the t quantile, which Statistics
/// computes to ≈ 1e-12 relative against scipy, and on differences ŷ ± t·se that may lose a digit
/// when the bound is near zero; hence one decade looser.
@Suite("statsmodels reference fits and prediction intervals")
struct StatsmodelsTests {
    struct Case {
        let name: String
        let t: [Double]
        let y: [Double]
        let weights: [Double]?

        func model() throws -> LinearModel {
            try LinearModel(design: Matrix(rowMajor: t.map { [1, $0] }), response: y, weights: weights,
                            hasIntercept: true)
        }
    }

    static let caseNames = ["u5mr_log_ols", "tfr_ols", "life_expectancy_ols", "imr_log_wls"]

    // MARK: - Fixture loading

    /// Rows of a fixture CSV as dictionaries keyed by the header.
    static func csv(_ name: String) throws -> [[String: String]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv",
                                                 subdirectory: "Fixtures/statsmodels"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",").map(String.init)))
        }
    }

    static func number(_ row: [String: String], _ key: String) throws -> Double {
        try #require(row[key].flatMap(Double.init), "column \(key) in \(row)")
    }

    static func loadCase(_ name: String) throws -> Case {
        let rows = try csv("data").filter { $0["case"] == name }
        #expect(!rows.isEmpty, "no data rows for \(name)")
        let w = try rows.map { try number($0, "weight") }
        return Case(name: name, t: try rows.map { try number($0, "t") }, y: try rows.map { try number($0, "y") },
                    weights: name.hasSuffix("_wls") ? w : nil)
    }

    // MARK: - Tests

    @Test("params, bse, R², adjusted R², F, RSS, σ̂² and ν equal statsmodels", arguments: caseNames)
    func fitMatches(name: String) throws {
        let fit = try Self.loadCase(name).model().fit()
        let params = try Self.csv("params").filter { $0["case"] == name }
        expectClose(fit.coefficients, try params.map { try Self.number($0, "estimate") }, relative: 1e-10,
                    "\(name) params")
        expectClose(fit.standardErrors, try params.map { try Self.number($0, "bse") }, relative: 1e-10,
                    "\(name) bse")
        let stats = try Self.csv("stats").filter { $0["case"] == name }
        let seen: [String: Double] = [
            "rsquared": fit.rSquared, "rsquared_adj": fit.adjustedRSquared, "fvalue": fit.fStatistic,
            "ssr": fit.rss, "scale": fit.sigma * fit.sigma, "df_resid": Double(fit.degreesOfFreedom)]
        #expect(stats.count == seen.count)
        for row in stats {
            let key = try #require(row["statistic"])
            expectClose([try #require(seen[key])], [try Self.number(row, "value")], relative: 1e-10, "\(name) \(key)")
        }
    }

    @Test("predictions equal summary_frame(alpha) at alpha 0.05 and 0.2", arguments: caseNames)
    func predictionsMatch(name: String) throws {
        let fit = try Self.loadCase(name).model().fit()
        let rows = try Self.csv("predictions").filter { $0["case"] == name }
        #expect(rows.count == 14)
        for row in rows {
            let t = try Self.number(row, "t")
            let level = 1 - (try Self.number(row, "alpha"))
            let prediction = try #require(try fit.predict(at: Matrix(rowMajor: [[1, t]]), levels: [level]).first)
            let interval = try #require(prediction.interval(level: level))
            let label = "\(name) t=\(t) level=\(level)"
            expectClose([prediction.mean, prediction.meanSE],
                        [try Self.number(row, "mean"), try Self.number(row, "mean_se")], relative: 1e-10,
                        label + " mean, mean_se")
            expectClose([interval.meanLower, interval.meanUpper, interval.obsLower, interval.obsUpper],
                        try ["mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"]
                            .map { try Self.number(row, $0) }, relative: 1e-9, label + " intervals")
        }
    }

    @Test("batch prediction of u5mr and tfr (same years) equals summary_frame")
    func batchPredictionsMatch() throws {
        let u5mr = try Self.loadCase("u5mr_log_ols"), tfr = try Self.loadCase("tfr_ols")
        #expect(u5mr.t == tfr.t)
        let batch = try LinearModel.fitMany(design: Matrix(rowMajor: u5mr.t.map { [1, $0] }),
                                            responses: Matrix(columns: [u5mr.y, tfr.y]), hasIntercept: true)
        let newT = (2024...2030).map { Double($0 - 2023) }
        let predictions = try batch.predict(at: Matrix(rowMajor: newT.map { [1, $0] }), levels: [0.95, 0.8])
        let reference = try Self.csv("predictions")
        for (series, name) in ["u5mr_log_ols", "tfr_ols"].enumerated() {
            for (i, t) in newT.enumerated() {
                for level in [0.95, 0.8] {
                    let row = try #require(reference.first {
                        $0["case"] == name && (Double($0["t"] ?? "") == t)
                            && abs((Double($0["alpha"] ?? "") ?? 0) - (1 - level)) < 1e-12
                    })
                    let p = try #require(predictions.indices.contains(i) ? predictions[i] : nil)
                    let interval = try #require(p.interval(level: level))
                    expectClose([p.mean[series], p.meanSE[series], interval.meanLower[series],
                                 interval.meanUpper[series], interval.obsLower[series], interval.obsUpper[series]],
                                try ["mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower",
                                     "obs_ci_upper"].map { try Self.number(row, $0) },
                                relative: 1e-9, "batch \(name) t=\(t) level=\(level)")
                }
            }
        }
    }
}
