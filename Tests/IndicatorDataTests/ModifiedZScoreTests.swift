import Foundation
import Testing
@testable import IndicatorData

// The modified z-score of Iglewicz & Hoaglin (1993), M = 0.6745·(x − median)/MAD, with the guards for a MAD
// that is 0 or floating-point noise (mean-absolute-deviation fallback, M = (x − median)/(1.253314·MeanAD))
// and the rounding floor q/√6 for changes of values published to a quantum q.

@Suite("Modified z-score: MAD zero or rounding noise")
struct ModifiedZScoreTests {
    static func series(_ values: [Double], from start: Int = 2010) -> Series {
        let provenance = Provenance(file: "test", line: 0, source: "test")
        return Series(indicator: "x", region: "VN", unit: "",
                      observations: values.enumerated().map {
                          Observation(year: start + $0.offset, value: $0.element, provenance: provenance)
                      })
    }

    /// The series of the issue: changes 0.2 eight times and 0.1 once. In binary floating point the changes
    /// are 0.2000000000000002 / 0.1999999999999993 / 0.2000000000000011, so their MAD is 8.9·10⁻¹⁶ and the
    /// unguarded score of the last change was −7.6·10¹³ (python: statistics.median of the differences).
    @Test("a smooth series 7.2, 7.4, …, 8.8, 8.9 has no outlying change and a bounded score")
    func smoothSeries() throws {
        let values = [7.2, 7.4, 7.6, 7.8, 8.0, 8.2, 8.4, 8.6, 8.8, 8.9]
        #expect(ModifiedZScore.outlyingChanges(Self.series(values)).isEmpty)
        let diffs = zip(values, values.dropFirst()).map { $1 - $0 }
        // Quantum 0.1 (one decimal), floor 0.1/√6; MeanAD ≈ 0.1/9 = 0.0111 → 1.253314·MeanAD = 0.0139 < floor,
        // so σ̂ = 0.1/√6 and the 0.1 change scores −0.1/(0.1/√6) = −√6 = −2.449.
        #expect(abs(ModifiedZScore.quantum(values) - 0.1) < 1e-15)
        let z = try #require(ModifiedZScore.scores(diffs, scale: 8.9, floor: 0.1 / 6.0.squareRoot()))
        #expect(abs(z[8] + 6.0.squareRoot()) < 1e-9, "M(0.1 change) = \(z[8]), expected −√6")
        #expect(z.allSatisfy { abs($0) < ModifiedZScore.threshold })
    }

    @Test("MAD at rounding-noise level falls back to the mean absolute deviation")
    func noiseFallsBack() throws {
        // 1, 1⁺, 1⁺⁺, 1⁺⁺⁺ (one ulp apart) and 2: median 1⁺⁺, MAD = 1 ulp = 2.2·10⁻¹⁶ > 0, which unguarded
        // gives M(2) = 0.6745/2.2·10⁻¹⁶ ≈ 3·10¹⁵. MAD ≤ 10⁻⁹·2 → MeanAD = (1 + 2 ulp … )/5 ≈ 0.2, so
        // M(2) = 1/(1.253314·0.2) = 3.98946 (to 1e-12: the ulps change it by ~1e-15).
        let one = 1.0
        let values = [one, one.nextUp, one.nextUp.nextUp, one.nextUp.nextUp.nextUp, 2]
        let z = try #require(ModifiedZScore.scores(values))
        #expect(abs(z[4] - 1 / (1.253314 * 0.2)) < 1e-12, "M(2) = \(z[4])")
    }

    @Test("a real spike is still flagged, with the published MAD formula")
    func spikeStillFlagged() throws {
        // Kon Tum doctors (GSO DoH basis) 2002–2016 with the 2010 value 156 between 249 and 354: the changes
        // 2009→2010 (−93) and 2010→2011 (+198) stand out. Changes 8, −3, 14, −3, 1, 45, 4, −93, 198, 31, 37,
        // 17, 21, 2: median 11, MAD 12 (python statistics.median), so M(−93) = 0.6745·(−104)/12 = −5.8457.
        let doctors: [Double] = [183, 191, 188, 202, 199, 200, 245, 249, 156, 354, 385, 422, 439, 460, 462]
        let flagged = ModifiedZScore.outlyingChanges(Self.series(doctors, from: 2002))
        #expect(flagged.map(\.year) == [2010, 2011])
        let expected: Double = 0.6745 * -104.0 / 12.0
        let seen: Double = flagged.first?.score ?? 0
        #expect(abs(seen - expected) < 1e-9, "M(−93) = \(seen), expected \(expected)")
    }

    @Test("quantum: finest decimal place used, at least 1e-6 of the scale")
    func quantum() {
        #expect(ModifiedZScore.quantum([183, 191, 188]) == 1)
        #expect(abs(ModifiedZScore.quantum([7.25, 7.4]) - 0.01) < 1e-15)
        #expect(abs(ModifiedZScore.quantum([9.098070106341, 9.2]) - 1e-6 * 9.2) < 1e-18)
    }
}
