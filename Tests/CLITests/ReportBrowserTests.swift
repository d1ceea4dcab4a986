import Foundation
import Testing
import TestSupport

/// The Debian `chromium` executable on PATH, or nil (scripts/setup installs it).
private let chromium: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let url = URL(fileURLWithPath: String(folder)).appendingPathComponent("chromium")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}()

/// Chromium vanished between the suite's check and the test.
private struct BrowserMissing: Error {}

/// The report in a real browser (headless Chromium): it loads with no console message (a blocked resource,
/// a Content-Security-Policy violation or a markup error would print one), the rendered DOM holds the
/// CSV's numbers, a screenshot renders, and printing gives A4 pages.
@Suite("chitieu report in headless Chromium",
       .enabled(if: chromium != nil, "needs Debian chromium on PATH (scripts/setup installs it); skipped"))
struct ReportBrowserTests {
    /// Runs Chromium headless on `page` with `args`, a fresh profile and a 120 s limit; returns stdout and
    /// stderr. Logging to stderr at verbosity 0 prints every console message as a `:CONSOLE` line.
    static func browse(_ page: URL, _ args: [String]) throws -> (stdout: String, stderr: String) {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("chitieu-chromium-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        guard let executable = chromium else { throw BrowserMissing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                             "--enable-logging=stderr", "--v=0"] + args + [page.absoluteString]
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
    }

    /// The console lines of a Chromium log (an empty array: the page loaded cleanly).
    static func consoleMessages(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }

    static func writeReport(_ dir: URL, _ args: [String] = []) throws -> URL {
        let out = dir.appendingPathComponent("report.html")
        let run = try runChitieu(args: ["report", "--out", out.path, "--quiet"] + args)
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func loadsCleanlyWithTheCSVNumbers() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = try Self.writeReport(dir)
        let dom = try Self.browse(page, ["--dump-dom"])
        #expect(Self.consoleMessages(dom.stderr).isEmpty, "console: \(Self.consoleMessages(dom.stderr))")
        #expect(dom.stdout.contains("<section id=\"scorecard\">"), "the DOM was not rendered: \(dom.stdout.prefix(300))")
        let csv = try runChitieu(args: ["attain", "--format", "csv", "--quiet"])
        let rows = parseTidyCSV(csv.stdout)
        let header = try #require(rows.first)
        var checked = 0
        for column in ["projection", "p_attain", "pi95_upper"] {
            let index = try #require(header.firstIndex(of: column))
            for row in rows.dropFirst() where !row[index].isEmpty {
                #expect(dom.stdout.contains("data-value=\"\(row[index])\""), "\(column) \(row[index]) not in the DOM")
                checked += 1
            }
        }
        #expect(checked >= 30, "only \(checked) numbers checked")
        let figures = dom.stdout.components(separatedBy: "<figure>").count - 1
        #expect(figures >= 10, "\(figures) charts in the DOM")
    }

    @Test func screenshotRenders() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = try Self.writeReport(dir)
        let png = dir.appendingPathComponent("report.png")
        let run = try Self.browse(page, ["--screenshot=\(png.path)", "--window-size=1100,3000", "--hide-scrollbars"])
        #expect(Self.consoleMessages(run.stderr).isEmpty, "console: \(Self.consoleMessages(run.stderr))")
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        // IHDR: width and height, big-endian, at bytes 16–23.
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be32(16) == 1100 && be32(20) == 3000, "size \(be32(16))×\(be32(20))")
        // A blank white page compresses to a few kilobytes; text, tables and charts do not.
        #expect(bytes.count > 50_000, "\(bytes.count) bytes: the page looks empty")
    }

    @Test func printsToA4PDF() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = try Self.writeReport(dir, ["--lang", "vi"])
        let pdf = dir.appendingPathComponent("report.pdf")
        let run = try Self.browse(page, ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"])
        #expect(Self.consoleMessages(run.stderr).isEmpty, "console: \(Self.consoleMessages(run.stderr))")
        let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        let boxes = text.components(separatedBy: "/MediaBox [").dropFirst().map { $0.components(separatedBy: "]")[0] }
        #expect(boxes.count >= 4, "\(boxes.count) pages")
        // A4 is 210 × 297 mm = 595.3 × 841.9 pt; Chromium rounds to its pixel grid (594.96 × 841.92).
        for box in boxes {
            let numbers = box.split(separator: " ").compactMap { Double($0) }
            #expect(numbers.count == 4 && abs(numbers[2] - 595.28) < 1.5 && abs(numbers[3] - 841.89) < 1.5,
                    "page box \(box) is not A4")
        }
    }
}
