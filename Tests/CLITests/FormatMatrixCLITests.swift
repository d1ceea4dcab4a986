import Foundation
import Testing
import TestSupport

/// Runs the built `chitieu` with stdout written straight to `stdout` (bytes, so an xlsx on stdout survives),
/// stderr captured as text. Returns the exit status and stderr.
private func runToFile(_ args: [String], stdout: URL) throws -> (status: Int32, stderr: String) {
    let fm = FileManager.default
    let errURL = stdout.deletingLastPathComponent().appendingPathComponent(UUID().uuidString + ".stderr")
    guard fm.createFile(atPath: stdout.path, contents: nil), fm.createFile(atPath: errURL.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stdout.path])
    }
    let outHandle = try FileHandle(forWritingTo: stdout), errHandle = try FileHandle(forWritingTo: errURL)
    defer { try? outHandle.close(); try? errHandle.close(); try? fm.removeItem(at: errURL) }
    let process = Process()
    process.executableURL = try chitieuExecutable()
    process.arguments = args
    process.currentDirectoryURL = packageRoot()
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
}

@Suite("CLI: every --format a command lists works on the bundled data")
struct FormatMatrixCLITests {
    /// The smallest quick invocation of every command whose help lists `--format` values (without --format and
    /// --out). `everyFormatCommandIsCovered` fails when a command gains --format without a row here.
    static let invocations: [String: [String]] = [
        "attain": ["attain"],
        "project": ["project", "--indicator", "u5mr", "--region", "VN"],
        "indicators": ["indicators"],
        "data check": ["data", "check", "Datasets/intl/intl_series.csv"],
        "data aggregate": ["data", "aggregate", "--regions", "Datasets/regions.csv", "--region", "VN-QNG",
                           "--indicator", "population_avg"],
        "scenario run": ["scenario", "run", "Datasets/kontum/scenarios/business_as_usual.yaml", "--draws", "200"],
        "scenario compare": ["scenario", "compare", "Datasets/kontum/scenarios/business_as_usual.yaml",
                             "Datasets/kontum/scenarios/nutrition_acceleration.yaml", "--draws", "200"],
        "backtest": ["backtest", "--method", "ols", "--weights", "none", "--origins", "2012"],
    ]

    /// (command, format) for every value each command's `--format` lists, read from the ArgumentParser dump, so a
    /// new format is covered without editing this file.
    static func cases() throws -> [(String, String)] {
        try commandTree().flatMap { command in command.formats.map { (command.path, $0) } }
    }

    @Test("every command with --format has a row in invocations (so the matrix covers it)")
    func everyFormatCommandIsCovered() throws {
        let withFormat = try commandTree().filter { !$0.formats.isEmpty }
        #expect(Set(withFormat.map(\.path)) == Set(Self.invocations.keys), "commands with --format: \(withFormat.map(\.path))")
        let cases = try Self.cases()
        #expect(cases.count >= 30, "matrix too small: \(cases)")
    }

    @Test("command × format: exit 0 and a file of that format", arguments: try cases())
    func matrix(_ command: String, _ format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try #require(Self.invocations[command]) + ["--format", format]
        let hasOut = try #require(try commandTree().first { $0.path == command }).options["out"] != nil
        let file = dir.appendingPathComponent("out.\(format)")
        let r: (status: Int32, stderr: String)
        if hasOut {
            r = try runToFile(base + ["--out", file.path], stdout: dir.appendingPathComponent("stdout"))
        } else {
            r = try runToFile(base, stdout: file)
        }
        #expect(r.status == 0, "\(command) --format \(format): exit \(r.status), stderr: \(r.stderr)")
        let data = try Data(contentsOf: file)
        #expect(!data.isEmpty, "\(command) --format \(format) wrote an empty file")
        try Self.check(data, format: format, label: "\(command) --format \(format)")
    }

    /// What a file of each format must look like: CSV (and excel, CSV after a BOM; sdmx, with its SDMX-CSV
    /// header) parses to a header and rows of the header's width, JSON parses, xlsx is a zip ("PK"), table is
    /// UTF-8 text with lines.
    static func check(_ data: Data, format: String, label: String) throws {
        switch format {
        case "xlsx":
            #expect(data.prefix(2) == Data("PK".utf8), "\(label): not a zip (xlsx)")
        case "json":
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(label): not JSON")
        case "csv", "excel", "sdmx":
            let bom = Data([0xEF, 0xBB, 0xBF])
            if format == "excel" { #expect(data.prefix(3) == bom, "\(label): no UTF-8 BOM") }
            let body = data.prefix(3) == bom ? data.dropFirst(3) : data
            let text = try #require(String(data: body, encoding: .utf8), "\(label): not UTF-8")
            let rows = splitCSV(text)
            let header = try #require(rows.first, "\(label): no header")
            #expect(header.count >= 2 && header.allSatisfy { !$0.isEmpty }, "\(label): header \(header)")
            #expect(rows.count >= 2, "\(label): header only")
            for (i, row) in rows.enumerated() where row.count != header.count {
                Issue.record("\(label): row \(i + 1) has \(row.count) fields, header \(header.count)")
                break
            }
            if format == "sdmx" {
                #expect(Array(header.prefix(3)) == ["STRUCTURE", "STRUCTURE_ID", "ACTION"], "\(label): \(header)")
            }
        case "table":
            let text = try #require(String(data: data, encoding: .utf8), "\(label): not UTF-8")
            #expect(!text.contains("\0") && text.contains("\n") && !text.hasPrefix("{"), "\(label): not a text table")
        default:
            Issue.record("\(label): no check for format \(format); add one to FormatMatrixCLITests.check")
        }
    }
}
