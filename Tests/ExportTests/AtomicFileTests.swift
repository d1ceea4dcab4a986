import Foundation
import Testing
@testable import Export
#if canImport(Glibc)
import Glibc
#endif

private struct Interrupted: Error, Equatable {}

@Suite("Atomic file writes")
struct AtomicFileTests {
    private func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func writesNewFileAndLeavesNoTemporary() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("out.csv")
        try AtomicFile.write(Data("a,b\n".utf8), to: url, overwrite: false)
        #expect(try Data(contentsOf: url) == Data("a,b\n".utf8))
        #expect(try contents(of: directory) == ["out.csv"])
    }

    @Test func refusesToReplaceWithoutForce() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("out.csv")
        try Data("old".utf8).write(to: url)
        let error = expectExportError { try AtomicFile.write(Data("new".utf8), to: url, overwrite: false) }
        #expect(error?.message == "\(url.path) already exists; use --force to replace it, or choose another --out path.")
        #expect(error?.exitCode == 64)
        #expect(error?.path == url.path)
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        try AtomicFile.write(Data("new".utf8), to: url, overwrite: true)
        #expect(try Data(contentsOf: url) == Data("new".utf8))
        #expect(try contents(of: directory) == ["out.csv"])
    }

    /// The "an interrupted or failing export leaves no file": the body throws after writing
    /// more than one buffer's worth; neither the target nor a temporary file remains.
    @Test func errorMidWriteLeavesNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("big.csv")
        var thrown: Error?
        do {
            try AtomicFile.write(to: url, overwrite: false) { sink in
                for i in 0..<20_000 { try sink.write("row \(i),1.5\n") }
                #expect(sink.bytesWritten > 1 << 16)
                throw Interrupted()
            }
        } catch {
            thrown = error
        }
        #expect(thrown as? Interrupted == Interrupted())
        #expect(try contents(of: directory).isEmpty)
    }

    /// A failing overwrite keeps the old file intact.
    @Test func errorMidWriteKeepsExistingFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("out.csv")
        try Data("old".utf8).write(to: url)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: url, overwrite: true) { sink in
                try sink.write("partial")
                throw Interrupted()
            }
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        #expect(try contents(of: directory) == ["out.csv"])
    }

    @Test func streamingWriteProducesAllChunks() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("s.txt")
        try AtomicFile.write(to: url, overwrite: false) { sink in
            for i in 0..<10_000 { try sink.write("\(i)\n") }
        }
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 10_000)
        #expect(lines.last == "9999")
    }

    @Test func missingDirectoryIsCannotCreate() throws {
        let url = URL(fileURLWithPath: "/nonexistent-chitieu-dir/out.csv")
        let error = expectExportError { try AtomicFile.write(Data("x".utf8), to: url, overwrite: false) }
        #expect(error?.message == "Cannot create /nonexistent-chitieu-dir/out.csv: the directory "
                + "/nonexistent-chitieu-dir does not exist. Create it first or choose another --out path.")
        #expect(error?.exitCode == 73)
    }

    /// An existing directory we cannot write to: a 0555 directory for an ordinary user; as root (which
    /// ignores permission bits) `/proc`, which refuses new files for everyone.
    @Test func unwritableDirectoryIsCannotCreate() throws {
        let scratch = try makeTemporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path)
            try? FileManager.default.removeItem(at: scratch)
        }
        let directory: URL
        if geteuid() == 0 {
            directory = URL(fileURLWithPath: "/proc")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: scratch.path)
            directory = scratch
        }
        let url = directory.appendingPathComponent("chitieu-out.csv")
        let error = expectExportError { try AtomicFile.write(Data("x".utf8), to: url, overwrite: false) }
        #expect(error?.exitCode == 73)
        #expect(error?.message.hasPrefix("Cannot create \(url.path): ") == true)
        #expect(error?.message.hasSuffix("Choose a directory that exists and that you can write to.") == true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func targetThatIsADirectory() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = expectExportError { try AtomicFile.write(Data("x".utf8), to: directory, overwrite: true) }
        #expect(error?.message == "\(directory.standardizedFileURL.path) is a directory; give a file name with --out.")
        #expect(error?.exitCode == 73)
    }

    @Test func writerWritesThroughAtomicFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("t.csv")
        try TidyCSVWriter().write(try sampleProjectionTable(), to: url, overwrite: false)
        #expect(try Data(contentsOf: url) == TidyCSVWriter().render(try sampleProjectionTable()))
    }
}
