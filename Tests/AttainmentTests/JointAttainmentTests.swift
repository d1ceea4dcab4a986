import Attainment
import Foundation
import IndicatorData
import Projection
import Testing

@Suite("Joint attainment by Monte Carlo")
struct JointAttainmentTests {
    /// A typical 15-point log-linear fit: level ln 30 in 2023, −3 %/yr, σ̂ = 0.04, df = 13.
    func typicalFit() throws -> TrendFit {
        try makeFit(intercept: log(30), slope: -0.03, covariance: [[0.24, 0.02], [0.02, 0.0036]], sigma: 0.04, df: 13)
    }

    func milestones(_ fit: TrendFit, _ t25: Double, _ t30: Double) -> (JointMilestone, JointMilestone) {
        (JointMilestone(year: 2025, value: t25, comparator: .lessOrEqual, transform: fit.transform),
         JointMilestone(year: 2030, value: t30, comparator: .lessOrEqual, transform: fit.transform))
    }

    @Test func reproducibleForAFixedSeed() throws {
        let fit = try typicalFit()
        let (a, b) = milestones(fit, 28, 24)
        let r1 = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 50_000, seed: 42)
        let r2 = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 50_000, seed: 42)
        #expect(r1 == r2)
        #expect(r1.seed == 42 && r1.draws == 50_000)
        let r3 = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 50_000, seed: 43)
        #expect(r3.pFirst != r1.pFirst || r3.pSecond != r1.pSecond || r3.pJoint != r1.pJoint)
    }

    /// Marginal frequencies agree with the analytic Student t probabilities (within 4 MC SE), also with
    /// interval calibration and extra variance, whose scaling must keep the marginal exact.
    /// Case 2 is the shipped additive form (τ²·h^γ with ν = 4 < df = 13 tails): the simulation must use the
    /// predictive's min(ν, df) degrees of freedom for the marginals to match.
    @Test(arguments: [0, 1, 2])
    func marginalsMatchAnalytic(calibrated: Int) throws {
        let fit: TrendFit
        switch calibrated {
        case 1:
            fit = try makeFit(intercept: log(30), slope: -0.03, covariance: [[0.24, 0.02], [0.02, 0.0036]], sigma: 0.04,
                              df: 13, extraVariance: 0.002,
                              calibration: IntervalCalibration(factors: [1.1, 1.2, 1.3, 1.4, 1.5], label: "test"))
        case 2:
            fit = try makeFit(intercept: log(30), slope: -0.03, covariance: [[0.24, 0.02], [0.02, 0.0036]], sigma: 0.04,
                              df: 13, extraVariance: 0.002,
                              calibration: .additive(driftVariance: 0.0009, exponent: 1.75, degreesOfFreedom: 4,
                                                     label: "test"))
        default:
            fit = try typicalFit()
        }
        let (a, b) = milestones(fit, 28, 24)
        let r = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 200_000, seed: 7)
        let p25 = fit.predictive(year: 2025).cdf(28)
        let p30 = fit.predictive(year: 2030).cdf(24)
        #expect(p25 > 0.05 && p25 < 0.95 && p30 > 0.05 && p30 < 0.95)  // informative case
        expectWithin(r.pFirst, p25, se: r.seFirst, k: 4, "2025 marginal")
        expectWithin(r.pSecond, p30, se: r.seSecond, k: 4, "2030 marginal")
    }

    /// Nearly independent milestones: tiny coefficient uncertainty, large σ, df large (the shared σ* is
    /// the other source of dependence). The joint frequency must match the product within 3 SE.
    @Test func independentMilestonesGiveTheProduct() throws {
        let fit = try makeFit(intercept: 0, slope: 0, covariance: [[1e-10, 0], [0, 1e-12]], sigma: 1, df: 100_000,
                              transform: .identity)
        let a = JointMilestone(year: 2025, value: 0.3, comparator: .lessOrEqual, transform: .identity)
        let b = JointMilestone(year: 2030, value: -0.4, comparator: .greaterThan, transform: .identity)
        let r = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 200_000, seed: 11)
        let p1 = fit.predictive(year: 2025).cdf(0.3), p2 = fit.predictive(year: 2030).survival(-0.4)
        expectWithin(r.pJoint, p1 * p2, se: r.seJoint, k: 3, "joint vs product")
    }

    /// Known σ (df = ∞): normal predictive, no χ² draw.
    @Test func knownSigmaUsesTheNormalPredictive() throws {
        let fit = try makeFit(intercept: log(30), slope: -0.03, covariance: [[0.24, 0.02], [0.02, 0.0036]],
                              sigma: 0.04, df: .infinity)
        let (a, b) = milestones(fit, 28, 24)
        let r = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 100_000, seed: 8)
        expectWithin(r.pFirst, fit.predictive(year: 2025).cdf(28), se: r.seFirst, k: 4, "2025 marginal, df = ∞")
        expectWithin(r.pSecond, fit.predictive(year: 2030).cdf(24), se: r.seSecond, k: 4, "2030 marginal, df = ∞")
    }

    /// Positively correlated milestones (slope uncertainty dominates): joint ≥ product, clearly.
    @Test func correlatedMilestonesExceedTheProduct() throws {
        let fit = try makeFit(intercept: log(30), slope: -0.03, covariance: [[0.5, 0.1], [0.1, 0.05]], sigma: 0.01,
                              df: 13)
        let (a, b) = milestones(fit, 28.5, 25)
        let r = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 100_000, seed: 3)
        let product = r.pFirst * r.pSecond
        #expect(r.pJoint > product + 3 * r.seJoint, "joint \(r.pJoint) vs product \(product)")
        #expect(r.pJoint <= min(r.pFirst, r.pSecond))
    }

    /// Hold targets: P(|Y − T| ≤ tol) by simulation agrees with the analytic band.
    @Test func holdBandMarginal() throws {
        let fit = try makeFit(intercept: log(2.1), slope: -0.005, covariance: [[0.2, 0.02], [0.02, 0.004]],
                              sigma: 0.03, df: 20)
        let a = JointMilestone(year: 2025, value: 2.1, comparator: .equal, tolerance: 0.05, transform: .log)
        let b = JointMilestone(year: 2030, value: 2.1, comparator: .equal, tolerance: 0.05, transform: .log)
        let r = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 100_000, seed: 5)
        let p = fit.predictive(year: 2030)
        expectWithin(r.pSecond, p.cdf(2.15) - p.cdf(2.05), se: r.seSecond, k: 4, "hold band 2030")
    }

    /// Agreement with the numpy peer (shared/bench/peer_numpy_mc.py, fixture README): analytic
    /// probabilities to 1e-9 and Monte Carlo frequencies within 4 combined SE.
    @Test func agreesWithNumpyPeer() throws {
        let series = try readCSV("series.csv")
        let targets = try readCSV("targets.csv")
        let peer = try readCSV("peer_output.csv")
        #expect(peer.count == 30)
        let peerDraws = 1_000_000.0, draws = 100_000
        for (i, row) in peer.enumerated() {
            let region = try #require(row["region"])
            let obs = series.filter { $0["region"] == region }
            let years = obs.compactMap { $0["year"].flatMap { Int($0) } }
            let values = obs.compactMap { $0["value"].flatMap { Double($0) } }
            let fit = try olsFit(years: years, values: values)
            func target(_ y: String) throws -> Double {
                try #require(targets.first { $0["region"] == region && $0["year"] == y }?["value"].flatMap { Double($0) })
            }
            let t25 = try target("2025"), t30 = try target("2030")
            // Analytic.
            let a25 = try #require(row["p_2025_analytic"].flatMap { Double($0) })
            let a30 = try #require(row["p_2030_analytic"].flatMap { Double($0) })
            #expect(abs(fit.predictive(year: 2025).cdf(t25) - a25) < 1e-9, "\(region) analytic 2025")
            #expect(abs(fit.predictive(year: 2030).cdf(t30) - a30) < 1e-9, "\(region) analytic 2030")
            // Monte Carlo.
            let (m1, m2) = milestones(fit, t25, t30)
            let r = try JointAttainment.estimate(fit: fit, first: m1, second: m2, draws: draws, seed: UInt64(100 + i))
            for (mine, key, se) in [(r.pFirst, "p_2025", r.seFirst), (r.pSecond, "p_2030", r.seSecond),
                                    (r.pJoint, "p_joint", r.seJoint)] {
                let theirs = try #require(row[key].flatMap { Double($0) })
                let combined = (se * se + theirs * (1 - theirs) / peerDraws).squareRoot()
                expectWithin(mine, theirs, se: combined, k: 4, "\(region) \(key)")
            }
        }
    }

    @Test func badInputsSayWhatToDo() throws {
        let fit = try typicalFit()
        let (a, b) = milestones(fit, 28, 24)
        #expect { _ = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: 0, seed: 1) } throws: {
            "\($0)".contains("--draws must be a positive number")
        }
        #expect { _ = try JointAttainment.estimate(fit: fit, first: a, second: a, draws: 10, seed: 1) } throws: {
            "\($0)".contains("both in 2025")
        }
        let bad = try makeFit(intercept: .nan, slope: 0, covariance: [[1, 0], [0, 1]], sigma: 1, df: 5)
        #expect { _ = try JointAttainment.estimate(fit: bad, first: a, second: b, draws: 10, seed: 1) } throws: {
            "\($0)".contains("coefficients or covariance are not finite")
        }
        let noDF = try makeFit(intercept: 0, slope: 0, covariance: [[1, 0], [0, 1]], sigma: 1, df: 0)
        #expect { _ = try JointAttainment.estimate(fit: noDF, first: a, second: b, draws: 10, seed: 1) } throws: {
            "\($0)".contains("at least 3 data points")
        }
        let negative = try makeFit(intercept: 0, slope: 0, covariance: [[-1, 0], [0, 1]], sigma: 1, df: 5)
        #expect { _ = try JointAttainment.estimate(fit: negative, first: a, second: b, draws: 10, seed: 1) } throws: {
            "\($0)".contains("negative variance")
        }
    }
}
