import Foundation
import Testing
@testable import Export
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files of `AtomicFile` (issue 13): registered while a write runs (removed by the signal
/// handler), forgotten when it ends, and stale ones of dead processes removed by the next write to the
/// same target. The signal path itself runs in a real process: `AtomicSignalCLITests`.
@Suite("Temporary files of atomic writes")
struct TemporaryFilesTests {
    /// The PID of a process that has exited (a child that ran `true` and was reaped).
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func temporaryNamesAreRecognisedExactly() {
        #expect(TemporaryFiles.temporaryPID(".out.csv.123-456.tmp", name: "out.csv") == 123)
        #expect(TemporaryFiles.temporaryPID(".out.csv.123-456.tmp", name: "out") == nil)
        #expect(TemporaryFiles.temporaryPID(".out.csv.12a-456.tmp", name: "out.csv") == nil)
        #expect(TemporaryFiles.temporaryPID(".out.csv.123-456-7.tmp", name: "out.csv") == nil)
        #expect(TemporaryFiles.temporaryPID(".out.csv.123-.tmp", name: "out.csv") == nil)
        #expect(TemporaryFiles.temporaryPID("out.csv.123-456.tmp", name: "out.csv") == nil)
        #expect(TemporaryFiles.temporaryPID(".out.csv.0-456.tmp", name: "out.csv") == nil)
        #expect(TemporaryFiles.temporaryPID(".out.csv.123-99999999999.tmp", name: "out.csv") == nil)
    }

    @Test func staleTemporariesOfDeadProcessesAreRemovedByTheNextWrite() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dead = try deadPID()
        #expect(!TemporaryFiles.isAlive(dead))
        let stale = ".out.csv.\(dead)-42.tmp"
        let kept = [
            ".out.csv.\(getpid())-7.tmp",  // this process (a write may be running): alive
            ".other.csv.\(dead)-42.tmp",   // another target
            ".out.csv.\(dead)-x.tmp",      // not chitieu's pattern
            "out.csv.\(dead)-42.tmp",      // not hidden
        ]
        for name in [stale] + kept {
            try Data("partial".utf8).write(to: directory.appendingPathComponent(name))
        }
        // A directory with a temporary's name is not a file chitieu wrote: left alone.
        let dirName = ".out.csv.\(dead)-43.tmp"
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(dirName), withIntermediateDirectories: false)
        try AtomicFile.write(Data("a,b\n".utf8), to: directory.appendingPathComponent("out.csv"), overwrite: false)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == (kept + [dirName, "out.csv"]).sorted(), "\(left)")
    }

    @Test func removeStaleReturnsWhatItRemoved() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dead = try deadPID()
        let path = directory.appendingPathComponent(".r.json.\(dead)-1.tmp")
        try Data().write(to: path)
        let removed = TemporaryFiles.removeStale(directory: directory.path, name: "r.json")
        #expect(removed.map { URL(fileURLWithPath: $0).lastPathComponent } == [".r.json.\(dead)-1.tmp"])
        #expect(!FileManager.default.fileExists(atPath: path.path))
    }

    @Test func temporaryIsRegisteredOnlyWhileTheWriteRuns() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("reg.csv")
        var during: [String] = []
        try AtomicFile.write(to: url, overwrite: false) { sink in
            during = TemporaryFiles.registered().filter { $0.hasPrefix(directory.standardizedFileURL.path) }
            try sink.write("x\n")
        }
        #expect(during.count == 1)
        #expect(during.first.map { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(".reg.csv.\(getpid())-") } == true)
        #expect(!TemporaryFiles.registered().contains { $0.hasPrefix(directory.standardizedFileURL.path) })
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: directory.appendingPathComponent("fail.csv"), overwrite: false) { _ in throw Stop() }
        }
        #expect(!TemporaryFiles.registered().contains { $0.hasPrefix(directory.standardizedFileURL.path) })
    }
}
