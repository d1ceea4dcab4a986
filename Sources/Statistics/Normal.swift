// Normal: the standard normal distribution (CDF, survival, quantile, density).
import Foundation

// MARK: - Normal

/// The standard normal distribution N(0, 1).
///
/// CDF and survival use the complementary error function of the C library (glibc `erfc`, accurate to
/// about 1 ulp): Φ(x) = ½·erfc(−x/√2), computed on the side where the answer is small, so tail
/// probabilities keep their relative accuracy down to the underflow threshold. The quantile is
/// Wichura's AS241 `PPND16`, relative accuracy about 1e-16.
public enum Normal {
    /// 1/√2, for Φ(x) = ½·erfc(−x/√2).
    @usableFromInline static let inverseSquareRootOfTwo = 0.707_106_781_186_547_524_400_844_362_104_849_039

    /// 1/√(2π), the density at 0.
    @usableFromInline static let inverseSquareRootOfTwoPi = 0.398_942_280_401_432_677_939_946_059_934_381_868

    // MARK: - Distribution functions

    /// The density φ(x) = exp(−x²/2)/√(2π).
    ///
    /// - Parameter x: any real; ±∞ gives 0, NaN gives NaN.
    /// - Returns: φ(x).
    @inlinable
    public static func density(_ x: Double) -> Double {
        inverseSquareRootOfTwoPi * exp(-0.5 * x * x)
    }

    /// The cumulative distribution function Φ(x) = P(Z ≤ x) = ½·erfc(−x/√2).
    ///
    /// For x < 0 the result is a small lower-tail probability computed directly by `erfc`, with
    /// relative error below 1e-14 for x ≥ −37 (the only loss is the rounding of x/√2, which costs
    /// about x²·ε relative).
    ///
    /// - Parameter x: any real; NaN gives NaN.
    /// - Returns: Φ(x) in [0, 1].
    /// - Reference: Abramowitz & Stegun (1964) 26.2.29; W. J. Cody (1969), "Rational Chebyshev
    ///   approximations for the error function", Math. Comp. 23, 631–637 (the glibc `erfc`).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x * inverseSquareRootOfTwo)
    }

    /// The survival function 1 − Φ(x) = ½·erfc(x/√2), computed without the cancellation of 1 − cdf.
    ///
    /// - Parameter x: any real; NaN gives NaN.
    /// - Returns: P(Z > x) in [0, 1].
    /// - Reference: as `cdf(_:)`; Φ(−x) = 1 − Φ(x) by symmetry.
    public static func survival(_ x: Double) -> Double {
        0.5 * erfc(x * inverseSquareRootOfTwo)
    }

    /// The quantile (inverse CDF) Φ⁻¹(p), by Wichura's algorithm AS241 (`PPND16`).
    ///
    /// Three rational approximations of degree 7: one in q = p − ½ for |q| ≤ 0.425, and two in
    /// r = √(−log min(p, 1−p)) for r ≤ 5 and r > 5. Relative accuracy about 1e-16.
    ///
    /// - Parameter p: a probability. p = 0 gives −∞, p = 1 gives +∞; p outside [0, 1] or NaN gives NaN.
    /// - Returns: x with Φ(x) = p.
    /// - Reference: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal
    ///   distribution", Applied Statistics 37(3), 477–484, doi:10.2307/2347330.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = ((((((((2.509_080_928_730_122_672_7e+3 * r
                + 3.343_057_558_358_812_810_5e+4) * r
                + 6.726_577_092_700_870_085_3e+4) * r
                + 4.592_195_393_154_987_145_7e+4) * r
                + 1.373_169_376_550_946_112_5e+4) * r
                + 1.971_590_950_306_551_442_7e+3) * r
                + 1.331_416_678_917_843_774_5e+2) * r
                + 3.387_132_872_796_366_608_0e+0) * q)
            let den = (((((((5.226_495_278_852_854_561_0e+3 * r
                + 2.872_908_573_572_194_267_4e+4) * r
                + 3.930_789_580_009_271_061_0e+4) * r
                + 2.121_379_430_158_659_586_7e+4) * r
                + 5.394_196_021_424_751_107_7e+3) * r
                + 6.871_870_074_920_579_083_0e+2) * r
                + 4.231_333_070_160_091_125_2e+1) * r
                + 1.0)
            return num / den
        }
        // Tail: r = √(−log(min(p, 1 − p))); 1 − p is exact for p ≥ ½ (Sterbenz).
        var r = (-log(q < 0 ? p : 1 - p)).squareRoot()
        let x: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((7.745_450_142_783_414_076_40e-4 * r
                + 2.272_384_498_926_918_458_33e-2) * r
                + 2.417_807_251_774_506_117_70e-1) * r
                + 1.270_458_252_452_368_382_58e+0) * r
                + 3.647_848_324_763_204_605_04e+0) * r
                + 5.769_497_221_460_691_405_50e+0) * r
                + 4.630_337_846_156_545_295_90e+0) * r
                + 1.423_437_110_749_683_577_34e+0)
            let den = (((((((1.050_750_071_644_416_843_24e-9 * r
                + 5.475_938_084_995_344_946_00e-4) * r
                + 1.519_866_656_361_645_719_66e-2) * r
                + 1.481_039_764_274_800_745_90e-1) * r
                + 6.897_673_349_851_000_045_50e-1) * r
                + 1.676_384_830_183_803_849_40e+0) * r
                + 2.053_191_626_637_758_821_87e+0) * r
                + 1.0)
            x = num / den
        } else {
            r -= 5
            let num = (((((((2.010_334_399_292_288_132_65e-7 * r
                + 2.711_555_568_743_487_578_15e-5) * r
                + 1.242_660_947_388_078_438_60e-3) * r
                + 2.653_218_952_657_612_309_30e-2) * r
                + 2.965_605_718_285_048_912_30e-1) * r
                + 1.784_826_539_917_291_335_80e+0) * r
                + 5.463_784_911_164_114_369_90e+0) * r
                + 6.657_904_643_501_103_777_20e+0)
            let den = (((((((2.044_263_103_389_939_785_64e-15 * r
                + 1.421_511_758_316_445_888_70e-7) * r
                + 1.846_318_317_510_054_681_80e-5) * r
                + 7.868_691_311_456_132_591_00e-4) * r
                + 1.487_536_129_085_061_485_25e-2) * r
                + 1.369_298_809_227_358_053_10e-1) * r
                + 5.998_322_065_558_879_376_90e-1) * r
                + 1.0)
            x = num / den
        }
        return q < 0 ? -x : x
    }
}
