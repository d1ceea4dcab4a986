// StandardNormal: fast seeded N(0, 1) draws by the 256-layer ziggurat method.
import Foundation

// MARK: - StandardNormal

/// Standard normal random draws by the ziggurat method of Marsaglia & Tsang (2000), 256 layers, with
/// one 64-bit `Xoshiro256StarStar` output per draw on the fast path (≈ 98.8 % of draws): 8 bits choose the
/// layer, 1 bit the sign and 52 bits the abscissa, as in numpy's `random_standard_normal`.
///
/// Layer i (1…255) is the rectangle [0, xᵢ] × [f(xᵢ), f(xᵢ₋₁)] with f(x) = exp(−x²/2); a draw
/// x = U·xᵢ is accepted at once when x < xᵢ₋₁, else by the wedge test f(xᵢ) + U′(f(xᵢ₋₁) − f(xᵢ)) < f(x).
/// Layer 0 is the base strip of area v = r·f(r) + ∫_r^∞ f, with r = 3.6541528853610088; beyond r the
/// tail is sampled by Marsaglia's (1964) method: x = −log(U₁)/r, y = −log(U₂), accept if 2y > x², return r + x.
/// The method is exact (no approximation beyond the uniform's 52 bits).
/// - Reference: G. Marsaglia & W. W. Tsang (2000), "The ziggurat method for generating random variables",
///   J. Stat. Softw. 5(8); J. A. Doornik (2005), "An improved ziggurat method to generate normal random
///   samples" (why the layer index and abscissa must come from independent bits).
public enum StandardNormal {
    // MARK: - Drawing

    /// One standard normal draw.
    @inlinable
    public static func next(using generator: inout Xoshiro256StarStar) -> Double {
        let tables = ZigguratTables.shared
        return sample(&generator, tables.k, tables.w, tables.f)
    }

    /// Fills `buffer` with independent standard normal draws; no allocation.
    ///
    /// - Parameters:
    ///   - buffer: the destination; every element is overwritten.
    ///   - generator: the seeded generator, advanced by about 1.01 outputs per draw.
    /// - Complexity: O(buffer.count).
    @inlinable
    public static func fill(_ buffer: UnsafeMutableBufferPointer<Double>, using generator: inout Xoshiro256StarStar) {
        guard let base = buffer.baseAddress else { return }
        let tables = ZigguratTables.shared
        let (k, w, f) = (tables.k, tables.w, tables.f)
        var local = generator  // a local copy keeps the four state words in registers
        for index in 0..<buffer.count {
            base[index] = sample(&local, k, w, f)
        }
        generator = local
    }

    /// `count` independent standard normal draws.
    ///
    /// - Parameters:
    ///   - count: how many draws, ≥ 0.
    ///   - generator: the seeded generator.
    /// - Throws: `StatisticsError.invalidParameter` when `count` is negative.
    public static func draws(count: Int, using generator: inout Xoshiro256StarStar) throws -> [Double] {
        guard count >= 0 else {
            throw StatisticsError.invalidParameter(
                "the number of normal draws must be 0 or more, got \(count).")
        }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer, using: &generator)
            initialized = count
        }
    }

    // MARK: - Ziggurat step

    /// One draw: the fast path inline, wedge and tail out of line.
    @inlinable @inline(__always)
    static func sample(_ generator: inout Xoshiro256StarStar, _ k: UnsafePointer<UInt64>,
                       _ w: UnsafePointer<Double>, _ f: UnsafePointer<Double>) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            let abscissa = (bits >> 9) & 0x000F_FFFF_FFFF_FFFF  // 52 bits
            let magnitude = Double(Int64(bitPattern: abscissa)) * w[layer]
            let x = Double(bitPattern: magnitude.bitPattern | ((bits & 0x100) << 55))  // bit 8 → sign
            if abscissa < k[layer] { return x }
            if let accepted = wedgeOrTail(layer: layer, x: x, generator: &generator, f: f) {
                return accepted
            }
        }
    }

    /// The slow path (≈ 1.2 % of draws): the tail beyond r for layer 0, the wedge test otherwise.
    /// Returns nil when the candidate is rejected.
    @usableFromInline @inline(never)
    static func wedgeOrTail(layer: Int, x: Double, generator: inout Xoshiro256StarStar,
                            f: UnsafePointer<Double>) -> Double? {
        if layer == 0 {
            let r = ZigguratTables.r
            while true {
                let tailX = -log(generator.nextOpenDouble()) / r
                let tailY = -log(generator.nextOpenDouble())
                if tailY + tailY > tailX * tailX {
                    return x < 0 ? -(r + tailX) : r + tailX
                }
            }
        }
        let u = generator.nextDouble()
        if (f[layer - 1] - f[layer]) * u + f[layer] < exp(-0.5 * x * x) {
            return x
        }
        return nil
    }
}

// MARK: - ZigguratTables

/// The 256-layer ziggurat tables, built once from r by the Marsaglia–Tsang recurrence
/// x_{i−1} = f⁻¹(v/xᵢ + f(xᵢ)), with v = r·f(r) + √(π/2)·erfc(r/√2) (the base strip's area).
///
/// Stored in never-freed pointers rather than arrays so the hot loop has no bounds or uniqueness checks;
/// the instance is immutable after `init`, hence `@unchecked Sendable`.
@usableFromInline
final class ZigguratTables: @unchecked Sendable {
    /// Right edge of the outermost rectangle, for 256 layers (Marsaglia & Tsang 2000, Table 1).
    @usableFromInline static let r = 3.654_152_885_361_008_8

    /// The shared tables.
    @usableFromInline static let shared = ZigguratTables()

    /// kᵢ = ⌊(x_{i−1}/xᵢ)·2⁵²⌋: accept at once when the 52-bit abscissa is below it.
    @usableFromInline let k: UnsafeMutablePointer<UInt64>
    /// wᵢ = xᵢ/2⁵²: the 52-bit abscissa times wᵢ is the candidate x.
    @usableFromInline let w: UnsafeMutablePointer<Double>
    /// fᵢ = exp(−xᵢ²/2), for the wedge test.
    @usableFromInline let f: UnsafeMutablePointer<Double>

    init() {
        let count = 256
        k = .allocate(capacity: count)
        w = .allocate(capacity: count)
        f = .allocate(capacity: count)
        let scale = 0x1.0p52
        let r = Self.r
        let fr = exp(-0.5 * r * r)
        let v = r * fr + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot())
        let q = v / fr  // width of the base strip
        k[0] = UInt64(r / q * scale)
        k[1] = 0
        w[0] = q / scale
        w[count - 1] = r / scale
        f[0] = 1
        f[count - 1] = fr
        var current = r
        var previous = r
        for i in stride(from: count - 2, through: 1, by: -1) {
            current = (-2 * log(v / current + exp(-0.5 * current * current))).squareRoot()
            k[i + 1] = UInt64(current / previous * scale)
            previous = current
            f[i] = exp(-0.5 * current * current)
            w[i] = current / scale
        }
    }
}
