import Foundation
import IndicatorData
import Projection
import Testing
import TestSupport

@Suite("Batch path (one multi-RHS LAPACK fit per year set)")
struct BatchProjectionTests {
    static let folder = packageRoot().appendingPathComponent("Tests/ProjectionTests/Fixtures/peer_numpy")

    /// peer_numpy.py output (see the fixture's README): every column to 1e-9 relative (issue 5 and 9).
    @Test("reproduces ../shared/bench/peer_numpy.py on a generated file to 1e-9 relative")
    func peerNumpy() throws {
        let collection = try SeriesReader.read(contentsOf: Self.folder.appendingPathComponent("series.csv"))
        let targets = try Target.read(contentsOf: Self.folder.appendingPathComponent("targets.csv"))
        var milestones: [SeriesKey: [BatchMilestone]] = [:]
        for t in targets {
            milestones[SeriesKey(indicator: t.indicator, region: t.region), default: []]
                .append(BatchMilestone(year: t.year, target: t.value, comparator: t.comparator))
        }
        let (results, skipped) = try BatchProjection.run(series: collection.series, transformFor: { _ in .log },
                                                         milestones: { milestones[$0] ?? [] })
        #expect(skipped.isEmpty)
        #expect(results.count == 80)
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("peer_numpy_out.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        var byKey: [String: BatchResult] = [:]
        for r in results { byKey["\(r.key.region),\(r.year)"] = r }
        #expect(lines.count == 80)
        for line in lines {
            let f = line.split(separator: ",").map(String.init)
            let r = try #require(byKey["\(f[0]),\(f[1])"], "missing \(f[0]) \(f[1])")
            let expected = f[2...5].compactMap(Double.init)
            expectRelative(r.median, expected[0], 1e-9, "\(f[0]) \(f[1]) mean")
            expectRelative(r.lower95, expected[1], 1e-9, "\(f[0]) \(f[1]) lower95")
            expectRelative(r.upper95, expected[2], 1e-9, "\(f[0]) \(f[1]) upper95")
            expectRelative(try #require(r.probability), expected[3], 1e-9, "\(f[0]) \(f[1]) p_attain")
        }
    }

    @Test("the batch path equals one-by-one TrendFitter fits, including series with other year sets")
    func equalsSingleFits() throws {
        let national = try NationalData.collection()
        let series = ["u5mr", "imr", "tfr", "mmr"].compactMap { national[$0, "VN"] }
        let (results, _) = try BatchProjection.run(series: series, transformFor: { _ in .log },
                                                   milestones: { _ in [BatchMilestone(year: 2030, target: 10,
                                                                                      comparator: .lessOrEqual)] })
        for s in series {
            let fit = try TrendFitter.fit(s, indicator: nil, options: TrendOptions(scale: .log))
            let p = fit.predictive(year: 2030)
            let r = try #require(results.first { $0.key == s.key })
            expectRelative(r.median, p.median, 1e-9, "\(s.key) median")
            expectRelative(r.upper95, p.predictionInterval(level: 0.95).upper, 1e-9, "\(s.key) upper95")
            expectRelative(try #require(r.probability), p.cdf(10), 1e-9, "\(s.key) P")
        }
    }

    @Test("series too short or outside the scale's domain are skipped with the reason, not crashed on")
    func skipped() throws {
        let provenance = Provenance(file: "t", line: 1, source: "t")
        let short = Series(indicator: "u5mr", region: "A", unit: "", observations: [
            Observation(year: 2020, value: 3, provenance: provenance), Observation(year: 2021, value: 2, provenance: provenance)])
        let zero = Series(indicator: "u5mr", region: "B", unit: "", observations: (2015...2020).map {
            Observation(year: $0, value: $0 == 2017 ? 0 : 4, provenance: provenance) })
        let (results, skipped) = try BatchProjection.run(series: [short, zero], transformFor: { _ in .log },
                                                         milestones: { _ in [] })
        #expect(results.isEmpty)
        #expect(skipped.count == 2)
        #expect(skipped.contains { $0.0.region == "A" && $0.1.contains("need at least 3") })
        #expect(skipped.contains { $0.0.region == "B" && $0.1.contains("outside the domain") })
    }
}
