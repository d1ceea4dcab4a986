import Statistics

/// Seeded random streams for the scenario Monte Carlo.
///
/// Every quantity (one indicator's trend, one resource's attrition, the population growth) draws from its
/// own `Xoshiro256StarStar` stream seeded with `seed ⊕ FNV-1a(label)`, so adding a lever for one indicator
/// never changes another's draws, and two scenarios run with the same seed share their random numbers
/// (common random numbers: differences between scenarios come from the levers, not from noise).
enum MonteCarloStreams {
    /// 64-bit FNV-1a of the label's UTF-8 bytes (Fowler–Noll–Vo; stable across runs and platforms,
    /// unlike `Hasher`).
    static func fnv1a(_ label: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func generator(seed: UInt64, label: String) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed ^ fnv1a(label))
    }

    /// One standard normal draw (Statistics' sampler).
    static func normal(_ rng: inout Xoshiro256StarStar) -> Double {
        StandardNormal.next(using: &rng)
    }

    /// One χ²(df) draw (Statistics' sampler); `nil` when df is not a positive finite number.
    static func chiSquare(degreesOfFreedom df: Double, _ rng: inout Xoshiro256StarStar) -> Double? {
        guard df > 0, df.isFinite, let chi = try? ChiSquared(degreesOfFreedom: df) else { return nil }
        var draw = 0.0
        withUnsafeMutablePointer(to: &draw) { chi.fill(UnsafeMutableBufferPointer(start: $0, count: 1), using: &rng) }
        return draw
    }
}

/// Sample quantile with linear interpolation between order statistics (Hyndman & Fan 1996, type 7,
/// the default of R and numpy). `sorted` must be ascending and non-empty.
func quantile(sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first, let last = sorted.last else { return .nan }
    guard sorted.count > 1 else { return first }
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    guard lo + 1 < sorted.count else { return last }
    let w = h - Double(lo)
    return sorted[lo] + w * (sorted[lo + 1] - sorted[lo])
}
