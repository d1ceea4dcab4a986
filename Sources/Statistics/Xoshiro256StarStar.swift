// Xoshiro256StarStar and SplitMix64: seeded, reproducible 64-bit random number generators.

// MARK: - SplitMix64

/// Vigna's SplitMix64 generator: state += 0x9E3779B97F4A7C15, output = mix(state).
///
/// Used only to expand one 64-bit seed into the 256-bit state of `Xoshiro256StarStar`, as its author
/// recommends (any seed, including 0, gives a well-mixed, non-zero state).
/// - Reference: S. Vigna, https://prng.di.unimi.it/splitmix64.c; Steele, Lea & Flood (2014),
///   "Fast splittable pseudorandom number generators", OOPSLA.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The 64-bit state.
    public var state: UInt64

    /// Creates the generator with state = seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next output: z = state += γ; z = (z ⊕ z≫30)·0xBF58476D1CE4E5B9; z = (z ⊕ z≫27)·0x94D049BB133111EB;
    /// return z ⊕ z≫31.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Xoshiro256StarStar

/// Blackman & Vigna's xoshiro256** generator: 256-bit state, period 2²⁵⁶ − 1, passes BigCrush and
/// PractRand, about 1 ns per 64-bit output. Seeded from one `UInt64` through `SplitMix64`, so a seed
/// printed in a report reproduces the run exactly.
///
/// `jump()` advances the state by 2¹²⁸ outputs, giving up to 2¹²⁸ non-overlapping streams for parallel
/// Monte Carlo; `streams(seed:count:)` builds them.
/// - Reference: D. Blackman & S. Vigna (2021), "Scrambled linear pseudorandom number generators",
///   ACM TOMS 47(4) 36; reference code https://prng.di.unimi.it/xoshiro256starstar.c.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    // MARK: - Seeding

    /// Creates the generator whose four state words are the first four `SplitMix64(seed:)` outputs.
    ///
    /// - Parameter seed: any 64-bit value; equal seeds give identical sequences.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// `count` independent generators: the first seeded with `seed`, each next one a `jump()` (2¹²⁸
    /// outputs) ahead of the previous, so their sequences cannot overlap.
    ///
    /// - Parameters:
    ///   - seed: the seed of the first stream.
    ///   - count: how many streams; 0 or less gives an empty array.
    /// - Complexity: O(count · 256) generator steps.
    public static func streams(seed: UInt64, count: Int) -> [Xoshiro256StarStar] {
        guard count > 0 else { return [] }
        var generator = Xoshiro256StarStar(seed: seed)
        var result: [Xoshiro256StarStar] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(generator)
            generator.jump()
        }
        return result
    }

    // MARK: - Output

    /// The next 64-bit output: rotl(s₁·5, 7)·9, then the xoshiro linear state update.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³, so every value is a multiple of
    /// 2⁻⁵³ and all 2⁵³ of them are equally likely.
    /// - Reference: Vigna, "Generating uniform doubles in the unit interval", https://prng.di.unimi.it/.
    @inlinable
    public mutating func nextDouble() -> Double {
        Double(Int64(bitPattern: next() >> 11)) * 0x1.0p-53
    }

    /// A uniform double in (0, 1]: (top 53 bits + 1)·2⁻⁵³, safe to pass to `log`.
    @inlinable
    public mutating func nextOpenDouble() -> Double {
        Double(Int64(bitPattern: (next() >> 11) + 1)) * 0x1.0p-53
    }

    // MARK: - Jump

    /// Advances the state by 2¹²⁸ calls of `next()` (the reference `jump` polynomial), for independent
    /// parallel streams.
    /// - Complexity: 256 generator steps.
    public mutating func jump() {
        let polynomial: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C,
                                    0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var (a0, a1, a2, a3): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0..<64 {
                if word & (UInt64(1) << UInt64(bit)) != 0 {
                    a0 ^= s0
                    a1 ^= s1
                    a2 ^= s2
                    a3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (a0, a1, a2, a3)
    }
}

/// Rotate left by k bits (0 < k < 64).
@inlinable
func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
