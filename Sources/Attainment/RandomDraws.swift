import Statistics

// MARK: - Adapter to the Statistics module's generators

// The only place the Monte Carlo touches the Statistics module's samplers, so that the hot loop in
// `JointAttainment` reads plain buffers. Generator: xoshiro256** (Blackman & Vigna 2018), seeded through
// SplitMix64; normals by its 256-layer ziggurat (`StandardNormal.fill`); χ² draws as 2·Gamma(df/2) by
// Marsaglia–Tsang (`ChiSquared.fill`).

/// Fills `buffer` with independent standard normal draws.
@inline(__always)
func fillStandardNormals(_ buffer: UnsafeMutableBufferPointer<Double>, using rng: inout Xoshiro256StarStar) {
    StandardNormal.fill(buffer, using: &rng)
}

/// Fills `buffer` with independent χ²(df) draws.
@inline(__always)
func fillChiSquare(_ buffer: UnsafeMutableBufferPointer<Double>, sampler: ChiSquared,
                   using rng: inout Xoshiro256StarStar) {
    sampler.fill(buffer, using: &rng)
}
