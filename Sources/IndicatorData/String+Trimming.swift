import Foundation

// MARK: - Fast whitespace trimming

extension String {
    /// `trimmingCharacters(in: .whitespaces)` with a fast path for the common case.
    ///
    /// Same result as Foundation's call for every input: when the first and last UTF-8 bytes are ASCII and
    /// neither is a space or tab, nothing can be trimmed (`CharacterSet.whitespaces` is tab plus the
    /// Unicode category Zs, whose only ASCII member is U+0020), so the string is returned as is without
    /// bridging to `NSString`. Anything else (an ASCII blank or a non-ASCII byte at either end) goes to
    /// Foundation. Profiling the batch path showed the bridged call at ~12 % of a 100k-series run.
    /// - Complexity: O(1) on the fast path.
    func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
