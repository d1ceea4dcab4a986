import Foundation
import LinearAlgebra
import Regression
import Testing

/// Accuracy against the NIST StRD linear-regression datasets (certified values, 15 digits).
///
/// Required (issue 3): LRE ≥ 9 on every certified quantity for every dataset but Filip at the defaults
/// (SVD driver, columns scaled to unit norm, iterative refinement); Filip either LRE ≥ 7, or a typed rank-deficiency error at the default rcond whose advice, when
/// followed, gives LRE ≥ 7. The 9 / 7 thresholds are those of the issue; McCullough (1998) treats
/// LRE ≥ 7–9 on these datasets as the mark of a reliable package.
@Suite("NIST StRD linear regression")
struct NISTStRDTests {
    static let atDefaults = NISTDataset.allNames.filter { $0 != "Filip" }

    @Test("LRE: digits of agreement, absolute error for a zero certified value, capped at 15")
    func lreDefinition() {
        #expect(logRelativeError(1, certified: 1) == 15)
        #expect(abs(logRelativeError(1.001, certified: 1) - 3) < 1e-9)
        #expect(abs(logRelativeError(-2.000002, certified: -2) - 6) < 1e-9)
        #expect(abs(logRelativeError(1e-10, certified: 0) - 10) < 1e-9)
        #expect(logRelativeError(.nan, certified: 1) == 0)
        #expect(logRelativeError(5, certified: 1) == 0)
    }

    @Test("every dataset parses into its certified model", arguments: NISTDataset.allNames)
    func parses(name: String) throws {
        let d = try NISTDataset.load(name)
        let design = try d.design()
        #expect(design.columns == d.certifiedCoefficients.count, "\(name): parameter count")
        #expect(d.certifiedStandardErrors.count == d.certifiedCoefficients.count)
        #expect(d.y.count == design.rows && d.y.count > design.columns)
        let expectedRows = ["Norris": 36, "Pontius": 40, "NoInt1": 11, "NoInt2": 3, "Filip": 82, "Longley": 16,
                            "Wampler1": 21, "Wampler2": 21, "Wampler3": 21, "Wampler4": 21, "Wampler5": 21]
        #expect(d.y.count == expectedRows[name], "\(name): observation count")
    }

    @Test("LRE ≥ 9 on every certified value at the defaults (SVD, scaled columns)", arguments: atDefaults)
    func certifiedAtDefault(name: String) throws {
        let d = try NISTDataset.load(name)
        let fit = try d.linearModel().fit()
        let lre = LRESummary(fit: fit, dataset: d)
        #expect(lre.coefficients >= 9, "\(name) coefficients LRE \(lre.coefficients)")
        #expect(lre.standardErrors >= 9, "\(name) standard errors LRE \(lre.standardErrors)")
        #expect(lre.residualSD >= 9, "\(name) residual SD LRE \(lre.residualSD)")
        #expect(lre.rSquared >= 9, "\(name) R² LRE \(lre.rSquared)")
        #expect(fit.rank == d.certifiedCoefficients.count)
    }

    @Test("Filip at the defaults (SVD, scaled columns): LRE ≥ 7")
    func filipAtDefault() throws {
        let d = try NISTDataset.load("Filip")
        let lre = LRESummary(fit: try d.linearModel().fit(), dataset: d)
        #expect(lre.minimum >= 7, "Filip at defaults: \(lre)")
    }

    @Test("Filip unscaled at the default rcond: typed rank-deficiency error that says how to proceed")
    func filipUnscaledIsRankDeficient() throws {
        let model = try NISTDataset.load("Filip").linearModel(scaleColumns: false)
        do {
            _ = try model.fit()
            Issue.record("Filip, unscaled, at the default rcond was expected to be reported rank deficient")
        } catch let error as RegressionError {
            guard case .rankDeficient(let rank, let columns, let condition, _, _) = error else {
                Issue.record("expected .rankDeficient, got \(error)")
                return
            }
            #expect(rank < columns && columns == 11)
            #expect(condition > 1e14)
            let message = error.description
            #expect(message.contains("rank deficient design: numerical rank \(rank) of 11 columns"))
            #expect(message.contains("scaleColumns: true"))
            #expect(message.contains("driver: .qr"))
        }
    }

    @Test("Filip unscaled with the advice followed (driver .qr): LRE ≥ 7")
    func filipQR() throws {
        let d = try NISTDataset.load("Filip")
        let lre = LRESummary(fit: try d.linearModel(scaleColumns: false).fit(driver: .qr), dataset: d)
        #expect(lre.minimum >= 7, "Filip QR: \(lre)")
    }

    /// Prints the LRE table (minimum LRE per quantity class) for three ways of fitting, and checks
    /// that every one of them either fits or reports rank deficiency with advice (never anything else).
    @Test("LRE table: SVD and QR, with scaled (default) and raw columns")
    func lreTable() throws {
        let configurations: [(String, Bool, LeastSquaresDriver)] = [
            ("svd", true, .default), ("svd-raw", false, .default), ("qr", true, .qr), ("qr-raw", false, .qr)]
        var lines = ["dataset   fit        coef   se     sd     R²",
                     "--------  ---------  -----  -----  -----  -----"]
        var rows = 0
        for name in NISTDataset.allNames {
            let d = try NISTDataset.load(name)
            for (label, scale, driver) in configurations {
                let prefix = name.padding(toLength: 10, withPad: " ", startingAt: 0)
                    + label.padding(toLength: 11, withPad: " ", startingAt: 0)
                do {
                    let lre = LRESummary(fit: try d.linearModel(scaleColumns: scale).fit(driver: driver), dataset: d)
                    lines.append(prefix + [lre.coefficients, lre.standardErrors, lre.residualSD, lre.rSquared]
                        .map { String(format: "%-7.2f", $0) }.joined())
                } catch let error as RegressionError {
                    guard case .rankDeficient = error else { throw error }
                    lines.append(prefix + "rank deficient (typed error with advice)")
                }
                rows += 1
            }
        }
        print(lines.joined(separator: "\n"))
        #expect(rows == 44)
    }
}
