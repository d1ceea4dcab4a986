import Foundation
import Testing
@testable import Export

/// Vectors from FIPS 180-4 / NIST "Cryptographic Standards and Guidelines: Examples with Intermediate
/// Values", SHA-256 (SHA256.pdf): one-block "abc", two-block 448-bit message, and the empty string
/// (NIST CAVP SHA256ShortMsg.rsp, Len = 0). The million-'a' vector is the FIPS 180-2 appendix B.3 message.
@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    @Test func abc() {
        #expect(SHA256.hexDigest(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func emptyString() {
        #expect(SHA256.hexDigest([UInt8]())
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func message448Bits() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(message.utf8.count * 8 == 448)
        #expect(SHA256.hexDigest(Array(message.utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionA() {
        #expect(SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Streaming in uneven pieces gives the one-shot digest (block boundaries inside updates).
    @Test func streamingEqualsOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var start = 0
        for size in [1, 63, 64, 65, 200, 7] {
            hasher.update(bytes[start..<min(start + size, bytes.count)])
            start += size
        }
        hasher.update(bytes[start...])
        #expect(SHA256.hex(hasher.finalize()) == SHA256.hexDigest(bytes))
    }

    @Test func fileDigestMatchesInMemoryDigest() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("data.csv")
        let bytes = Data("indicator_code,region,year,value\nu5mr,kontum,2020,31.2\n".utf8)
        try bytes.write(to: url)
        let digest = try DataFileDigest(fileAt: url, recordedPath: "data.csv")
        #expect(digest.sha256 == SHA256.hexDigest(bytes))
        #expect(digest.path == "data.csv")
    }

    @Test func unreadableFileNamesThePath() {
        let error = expectExportError { _ = try SHA256.hexDigest(ofFileAt: URL(fileURLWithPath: "/nonexistent/x.csv")) }
        #expect(error?.message.hasPrefix("Cannot read /nonexistent/x.csv to compute its SHA-256") == true)
        #expect(error?.exitCode == 74)
    }
}
