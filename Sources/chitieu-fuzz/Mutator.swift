import Statistics

// MARK: - Mutations

/// Byte and token mutations of a seed file, driven by a seeded generator so that a run is reproduced by
/// its seed (mutant k of seed S is the same on every machine; only how many mutants fit in the time differs).
///
/// Each mutant applies 1–4 of: a bit flip, a byte insert (delimiters, quotes, NUL, YAML and JSON syntax),
/// a byte-range delete, a line duplicated (up to 64 times), deleted or swapped, a number replaced by an
/// extreme one (`1e308`, `-9223372036854775808`, `NaN`, `0x10`, …), a huge run of one character
/// (up to 1 MiB), or a line spliced in from another seed of the same kind. Mutants are capped at
/// `maxBytes` (4 MiB), so memory per input stays bounded whatever the mutation.
struct Mutator {
    static let maxBytes = 4 << 20

    /// Numbers that broke or could break a Double→Int conversion, an allocation or a bound check.
    static let extremeNumbers: [String] = [
        "1e308", "-1e308", "1.7976931348623157e308", "1e400", "-1e400", "1e20", "2e19", "1e300", "1e-320",
        "-9223372036854775808", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "99999999999999999999", "NaN", "nan", "-nan", "inf", "-inf", "Infinity", ".inf", "-.inf", ".nan", "0x10",
        "0o17", "0b101", "1_000", "0", "-0", "-1", "-5", "0.0000001", "1e9", "99999", "3000", "1899", "1900",
        "2100", "2101", "0", "65536", "4294967296", "1,5", "1.5.5", "+3", "3%", "120", "",
    ]

    /// Short syntax fragments inserted at random places.
    static let fragments: [String] = [
        ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{1B}[31m", "\u{7F}", "\u{FEFF}", " ", ":",
        ": ", "- ", "{", "}", "[", "]", "[[[[[[[[", "{{{{{{{{", "&a ", "*a", "<<: *a", "!!binary ", "!!python/object ",
        "? ", "|", ">", "#", "---\n", "...\n", "%YAML 1.1\n", "null", "true", "~", "\\", "\\u0000", "é", "Đắk",
        "\u{202E}", "\u{10FFFF}",
    ]

    var rng: Xoshiro256StarStar

    init(seed: UInt64) {
        rng = Xoshiro256StarStar(seed: seed)
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int.random(in: 0..<n, using: &rng) }

    /// A mutant of `seed`; `donor` is another seed of the same kind (for splices).
    mutating func mutate(_ seed: [UInt8], donor: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0...below(4) {
            applyOne(&bytes, donor: donor)
            if bytes.count > Self.maxBytes { bytes.removeLast(bytes.count - Self.maxBytes) }
        }
        return bytes
    }

    private mutating func applyOne(_ b: inout [UInt8], donor: [UInt8]) {
        switch below(10) {
        case 0:
            guard !b.isEmpty else { return }
            let i = below(b.count)
            b[i] ^= UInt8(1) << UInt8(below(8))
        case 1:
            b.insert(contentsOf: Array(Self.fragments[below(Self.fragments.count)].utf8), at: below(b.count + 1))
        case 2:
            guard !b.isEmpty else { return }
            let i = below(b.count)
            b.removeSubrange(i..<min(b.count, i + 1 + below(32)))
        case 3, 4: spliceNumber(&b)
        case 5: duplicateLine(&b)
        case 6: deleteOrSwapLines(&b)
        case 7: hugeRun(&b)
        case 8: spliceDonorLine(&b, donor)
        default:
            // Random bytes, including invalid UTF-8.
            let n = 1 + below(8)
            var chunk: [UInt8] = []
            for _ in 0..<n { chunk.append(UInt8(truncatingIfNeeded: rng.next())) }
            b.insert(contentsOf: chunk, at: below(b.count + 1))
        }
    }

    /// The line (without its LF) holding byte `i`; found by scanning from `i` only, so the cost is the
    /// line's length, not the file's (mutants can hold a 1 MiB run).
    private func line(around i: Int, in b: [UInt8]) -> Range<Int> {
        guard !b.isEmpty else { return 0..<0 }
        let at = min(i, b.count - 1)
        let start = b[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let end = b[at...].firstIndex(of: 0x0A) ?? b.count
        return start..<max(start, end)
    }

    /// A random line of `b`.
    private mutating func randomLine(_ b: [UInt8]) -> Range<Int> { line(around: below(b.count), in: b) }

    /// Replaces a run of number characters (digits, `.`, `e`, `-`, `+`) by an extreme number; inserts one
    /// when no digit follows a random position.
    private mutating func spliceNumber(_ b: inout [UInt8]) {
        let number = Array(Self.extremeNumbers[below(Self.extremeNumbers.count)].utf8)
        let isDigit = { (c: UInt8) in (0x30...0x39).contains(c) }
        let from = below(b.count)
        // The next digit within 4 KiB of a random position (a local search: a mutant may hold a 1 MiB run).
        guard let digit = b[from..<min(b.count, from + 4096)].firstIndex(where: isDigit) else {
            b.insert(contentsOf: number, at: below(b.count + 1))
            return
        }
        let numberChar = { (c: UInt8) in isDigit(c) || c == 0x2E || c == 0x65 || c == 0x45 || c == 0x2D || c == 0x2B }
        var start = digit
        while start > 0, numberChar(b[start - 1]), digit - start < 64 { start -= 1 }
        var end = digit
        while end < b.count, numberChar(b[end]), end - digit < 64 { end += 1 }
        b.replaceSubrange(start..<end, with: number)
    }

    private mutating func duplicateLine(_ b: inout [UInt8]) {
        guard !b.isEmpty else { return }
        let line = randomLine(b)
        let copy = Array(b[line]) + [0x0A]
        let times = below(5) == 0 ? 1 + below(64) : 1
        var block: [UInt8] = []
        for _ in 0..<times { block += copy }
        b.insert(contentsOf: block, at: min(b.count, line.upperBound + 1))
    }

    private mutating func deleteOrSwapLines(_ b: inout [UInt8]) {
        guard !b.isEmpty else { return }
        let x = randomLine(b), y = randomLine(b)
        if below(2) == 0 || x == y || x.overlaps(y) {
            b.removeSubrange(x.lowerBound..<min(b.count, x.upperBound + 1))
            return
        }
        let (first, second) = x.lowerBound < y.lowerBound ? (x, y) : (y, x)
        let a = Array(b[first]), c = Array(b[second])
        b.replaceSubrange(second, with: a)
        b.replaceSubrange(first, with: c)
    }

    /// A run of one character of 1 KiB to 1 MiB (a huge cell, name, key or number).
    private mutating func hugeRun(_ b: inout [UInt8]) {
        let sizes = [1 << 10, 50_000, 300_000, 1 << 20]
        let chars: [UInt8] = [0x61, 0x39, 0x20, 0x2C, 0x5B, 0x7B, 0x22, 0x2D, 0x00]
        let run = [UInt8](repeating: chars[below(chars.count)], count: sizes[below(sizes.count)])
        b.insert(contentsOf: run, at: below(b.count + 1))
    }

    private mutating func spliceDonorLine(_ b: inout [UInt8], _ donor: [UInt8]) {
        guard !donor.isEmpty else { return }
        let piece = Array(donor[randomLine(donor)]) + [0x0A]
        let at = b.isEmpty ? 0 : min(b.count, randomLine(b).upperBound + 1)
        b.insert(contentsOf: piece, at: at)
    }
}
