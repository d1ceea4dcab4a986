import Foundation
import Testing
import TestSupport

/// Runs `chitieu args` under a pseudo-terminal (`script -qec CMD /dev/null`, util-linux) so its stderr is a
/// terminal, and returns everything the terminal received (stdout and stderr together) and the exit status.
private func runOnTerminal(_ args: [String], environment: [String: String] = [:]) throws -> (text: String, status: Int32) {
    let quote = { (s: String) in "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let command = ([try chitieuExecutable().path] + args).map(quote).joined(separator: " ")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-pty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let captured = dir.appendingPathComponent("terminal")
    guard FileManager.default.createFile(atPath: captured.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: captured.path])
    }
    let handle = try FileHandle(forWritingTo: captured)
    defer { try? handle.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    process.currentDirectoryURL = packageRoot()
    var env = ProcessInfo.processInfo.environment
    env["CI"] = nil
    env["TERM"] = "xterm"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (String(decoding: try Data(contentsOf: captured), as: UTF8.self), process.terminationStatus)
}

@Suite("CLI: progress bars on a terminal only")
struct ProgressCLITests {
    /// `report` on the bundled plan (26 indicators, about a second): the bar counts the indicators assessed.
    static func report(_ out: URL) -> [String] {
        ["report", "--draws", "2000", "--out", out.path, "--force"]
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("on a terminal the bar is drawn with carriage returns and cleared at the end")
    func drawnOnTerminal() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) from util-linux")
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runOnTerminal(Self.report(dir.appendingPathComponent("report.html")))
        #expect(r.status == 0, "terminal: \(r.text)")
        #expect(r.text.contains("\rreport: indicators ["), "no bar on the terminal: \(r.text.debugDescription)")
        #expect(r.text.contains("] 0/") == false, "a bar is drawn after a step, not before")
        #expect(r.text.contains("\r\u{1B}[K"), "the bar is not cleared: \(r.text.debugDescription)")
        #expect(r.text.contains("chitieu: 26 indicators for VN-28"), "the summary line is missing")
    }

    @Test("with stderr to a pipe or file, --quiet or TERM=dumb: no bar and no carriage return")
    func notDrawnOtherwise() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let piped = try runChitieu(args: Self.report(dir.appendingPathComponent("a.html")))
        #expect(piped.status == 0, "stderr: \(piped.stderr)")
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("indicators ["), "bar on a pipe: \(piped.stderr)")
        #expect(piped.stderr.contains("chitieu: 26 indicators for VN-28"))
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) from util-linux")
        let quiet = try runOnTerminal(Self.report(dir.appendingPathComponent("b.html")) + ["--quiet"])
        #expect(quiet.status == 0 && !quiet.text.contains("indicators ["), "bar with --quiet: \(quiet.text.debugDescription)")
        let dumb = try runOnTerminal(Self.report(dir.appendingPathComponent("c.html")), environment: ["TERM": "dumb"])
        #expect(dumb.status == 0 && !dumb.text.contains("indicators ["), "bar with TERM=dumb: \(dumb.text.debugDescription)")
        // The report is written either way.
        for name in ["a.html", "b.html", "c.html"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name) missing")
        }
    }
}
