import Foundation

// MARK: - Running the built binary

/// Errors from `runChitieu` that are about the test setup, not the command under test.
public struct RunChitieuError: Error, CustomStringConvertible {
    public let description: String
}

/// The package root (the directory holding Package.swift), found from this file's path.
/// `#filePath` is `<root>/Tests/TestSupport/RunChitieu.swift`.
public func packageRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()   // TestSupport
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // root
}

/// `<root>/Datasets`.
public func datasetsDirectory() -> URL {
    packageRoot().appendingPathComponent("Datasets", isDirectory: true)
}

/// Where the built `chitieu` executable is, in this order:
/// 1. `$CHITIEU_BINARY` (an explicit path, e.g. for testing a release build);
/// 2. next to the running test bundle (`swift test` puts the test runner and executables in the same
///    products directory, `.build/<triple>/debug`), found from `/proc/self/exe` or `arguments[0]`;
/// 3. `<root>/.build/debug/chitieu` (the symlink SwiftPM maintains).
/// - Throws: `RunChitieuError` listing the places tried, if none holds an executable.
public func chitieuExecutable() throws -> URL {
    let fm = FileManager.default
    var candidates: [URL] = []
    if let explicit = ProcessInfo.processInfo.environment["CHITIEU_BINARY"], !explicit.isEmpty {
        candidates.append(URL(fileURLWithPath: explicit))
    }
    var runner: URL?
    #if os(Linux)
    if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { runner = URL(fileURLWithPath: exe) }
    #endif
    if runner == nil, let first = CommandLine.arguments.first { runner = URL(fileURLWithPath: first) }
    if var dir = runner?.deletingLastPathComponent() {
        // On macOS the runner sits inside `X.xctest/Contents/MacOS`; walk up to the products directory.
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("chitieu"))
            dir = dir.deletingLastPathComponent()
        }
    }
    candidates.append(packageRoot().appendingPathComponent(".build/debug/chitieu"))
    for url in candidates where fm.isExecutableFile(atPath: url.path) {
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { return url }
    }
    throw RunChitieuError(description: "chitieu executable not found; tried "
        + candidates.map(\.path).joined(separator: ", ") + ". Run `swift build` first or set CHITIEU_BINARY.")
}

/// Runs the built `chitieu` with `args`, feeding `stdin` (if any), and returns what it printed and its
/// exit status. Output is captured through temporary files, so a command that prints a lot cannot
/// deadlock on a full pipe.
///
/// - Parameters:
///   - args: arguments after the program name, e.g. `["data", "check", path]`.
///   - stdin: text written to the command's standard input (nil: empty input).
///   - environment: variables added to (or overriding) the test process's environment.
///   - currentDirectory: working directory (default: the package root, so `Datasets/` is found).
/// - Returns: `(stdout, stderr, status)`; status is the exit code, or 128 + signal if it was killed.
/// - Throws: `RunChitieuError` if the binary is missing or cannot be started.
public func runChitieu(args: [String], stdin: String? = nil, environment: [String: String] = [:],
                       currentDirectory: URL? = nil) throws -> (stdout: String, stderr: String, status: Int32) {
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("chitieu-run-\(UUID().uuidString)",
                                                                isDirectory: true)
    try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    for (url, contents) in [(outURL, Data()), (errURL, Data()), (inURL, Data((stdin ?? "").utf8))] {
        guard fm.createFile(atPath: url.path, contents: contents) else {
            throw RunChitieuError(description: "cannot create \(url.path)")
        }
    }

    let process = Process()
    process.executableURL = try chitieuExecutable()
    process.arguments = args
    process.currentDirectoryURL = currentDirectory ?? packageRoot()
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let inHandle = try FileHandle(forReadingFrom: inURL)
    defer {
        try? outHandle.close()
        try? errHandle.close()
        try? inHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = inHandle
    do {
        try process.run()
    } catch {
        throw RunChitieuError(description: "cannot start \(process.executableURL?.path ?? "chitieu"): \(error)")
    }
    process.waitUntilExit()
    let out = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
    let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
    let status = process.terminationReason == .uncaughtSignal
        ? 128 + process.terminationStatus : process.terminationStatus
    return (out, err, status)
}
