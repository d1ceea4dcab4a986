import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run stopped by SIGTERM or SIGINT while it writes `--out` leaves neither the file nor its hidden
/// temporary `.NAME.PID-RAND.tmp` (issue 13), and dies of the signal (so a shell sees 143 or 130).
///
/// The write is held open by `CHITIEU_TEST_HOLD_TEMPORARY=SECONDS` (AtomicFile waits that long after
/// creating the temporary file, before writing it): without it the window is microseconds and the test
/// could not aim a signal at it. The test waits until the temporary file exists, then signals.
@Suite("CLI: signals during a write leave no temporary file")
struct AtomicSignalCLITests {
    /// Whether this process ignores `sig` (a background job of a non-interactive shell ignores SIGINT); a
    /// child then inherits SIG_IGN, which chitieu rightly keeps, so a SIGINT test could not stop it.
    static func ignoredHere(_ sig: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(sig, nil, &current) == 0 else { return false }
        #if canImport(Darwin)
        return unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self) == 1
        #else
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1
        #endif
    }

    @Test("SIGTERM during --out removes the temporary file; the run dies of SIGTERM")
    func sigtermDuringWrite() throws {
        try signalDuringWrite(SIGTERM)
    }

    @Test("SIGINT (Ctrl-C) during --out removes the temporary file; the run dies of SIGINT",
          .enabled(if: !ignoredHere(SIGINT), "SIGINT is ignored in this process, so the child would ignore it too"))
    func sigintDuringWrite() throws {
        try signalDuringWrite(SIGINT)
    }

    func signalDuringWrite(_ sig: Int32) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("projection.csv")
        let process = Process()
        process.executableURL = try chitieuExecutable()
        process.arguments = ["project", "--indicator", "u5mr", "--region", "VN", "--format", "csv", "--out", out.path]
        process.currentDirectoryURL = packageRoot()
        var env = ProcessInfo.processInfo.environment
        env["CHITIEU_TEST_HOLD_TEMPORARY"] = "30"
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Wait (up to 60 s: a debug build loads and fits first) for the temporary file to appear.
        let deadline = Date().addingTimeInterval(60)
        var temporaries: [String] = []
        while Date() < deadline, process.isRunning {
            temporaries = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { $0.hasSuffix(".tmp") } ?? []
            if !temporaries.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(temporaries.count == 1, "no temporary file appeared (running: \(process.isRunning))")
        #expect(temporaries[0].hasPrefix(".projection.csv.\(process.processIdentifier)-"), "\(temporaries)")

        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let masks = status.split(separator: "\n").filter { $0.hasPrefix("Sig") }.joined(separator: " ")
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "exit status \(process.terminationStatus); \(masks)")
        #expect(process.terminationStatus == sig)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
