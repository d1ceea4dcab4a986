import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Parses an SVG with Foundation's XMLParser: whether it is well-formed, the root's size, and all text.
private final class SVGProbe: NSObject, XMLParserDelegate {
    var root: String?
    var width: String?
    var height: String?
    var text = ""
    var textElements = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            width = attributes["width"]
            height = attributes["height"]
        }
        if name == "text" { textElements += 1 }
    }

    /// Character data arrives in pieces (an entity such as `&lt;` is its own piece): join them, and end
    /// each element's text with a newline.
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" || name == "title" { text += "\n" }
    }

    static func parse(_ data: Data) throws -> SVGProbe {
        let probe = SVGProbe()
        let parser = XMLParser(data: data)
        parser.delegate = probe
        let ok = parser.parse()
        #expect(ok, "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        return probe
    }
}

/// Renders an SVG to PNG with `rsvg-convert` (Debian `librsvg2-bin`, installed by scripts/setup) and
/// returns the PNG's width and height from its IHDR chunk (PNG spec §11.2.2: bytes 16–23, big-endian).
private func renderPNG(_ svg: URL) throws -> (width: Int, height: Int, bytes: Int) {
    let png = svg.deletingPathExtension().appendingPathExtension("png")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["rsvg-convert", svg.path, "-o", png.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "rsvg-convert failed (is librsvg2-bin installed? run scripts/setup)")
    let bytes = [UInt8](try Data(contentsOf: png))
    try #require(bytes.count > 24 && bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20), bytes.count)
}

@Suite("CLI: plot fan charts and the scorecard overview")
struct PlotCLITests {
    @Test("Fan chart for stunting: well-formed SVG with targets, model footnote; rsvg-convert renders it at its size")
    func fanChart() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stunting.svg")
        let r = try runChitieu(args: ["plot", "--indicator", "stunting_u5_pct", "--out", out.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
        let probe = try SVGProbe.parse(try Data(contentsOf: out))
        #expect(probe.root == "svg")
        #expect(probe.width == "720")
        // Plan targets of row 21 (< 28 in 2025, < 25 in 2030), legend texts, and the model in the footnote.
        for expected in ["2025: < 28", "2030: < 25", "Observed", "Projected", "80 % interval", "95 % interval",
                         "national-slope-shift(VN)", "Model: "] {
            #expect(probe.text.contains(expected), "missing \"\(expected)\" in the chart text")
        }
        let height = try #require(probe.height.flatMap(Int.init))
        #expect(height > 420, "the footnote adds height below the 420-pixel chart")
        let png = try renderPNG(out)
        #expect(png.width == 720 && png.height == height)
        #expect(png.bytes > 5_000, "a PNG of a drawn chart is not tiny (\(png.bytes) bytes)")
    }

    @Test("--lang vi writes Vietnamese labels and decimal commas")
    func vietnamese() throws {
        let r = try runChitieu(args: ["plot", "--indicator", "tfr", "--out", "-", "--lang", "vi", "--quiet"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let probe = try SVGProbe.parse(Data(r.stdout.utf8))
        for expected in ["Năm", "Dự báo", "Số liệu thực tế", "Khoảng dự báo 80 %", "Tổng tỉ suất sinh", "2030: = 2,1"] {
            #expect(probe.text.contains(expected), "missing \"\(expected)\" in the chart text")
        }
        #expect(r.stderr.isEmpty)
    }

    @Test("Scorecard overview: one panel per plan indicator, verdict legend, renders at its size")
    func scorecard() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("overview.svg")
        let r = try runChitieu(args: ["plot", "--scorecard", "--out", out.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let probe = try SVGProbe.parse(try Data(contentsOf: out))
        for label in ["Likely", "Uncertain", "Unlikely", "Off track", "Met", "No data"] {
            #expect(probe.text.contains(label), "legend lacks \(label)")
        }
        // The bundled plan's rows, by their numbered titles.
        for title in ["1. Physicians", "19. Under-five mortality rate", "21. Stunting", "15.3. New malaria"] {
            #expect(probe.text.contains(title), "no panel titled \(title)…")
        }
        let png = try renderPNG(out)
        #expect(png.width == probe.width.flatMap(Int.init) && png.height == probe.height.flatMap(Int.init))
    }

    @Test("An existing SVG is kept without --force (exit 64); a missing directory is exit 73 with nothing left")
    func refusals() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("chart.svg")
        try Data("old\n".utf8).write(to: out)
        let refused = try runChitieu(args: ["plot", "--indicator", "u5mr", "--out", out.path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("already exists; use --force"), "stderr: \(refused.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
        let missing = try runChitieu(args: ["plot", "--indicator", "u5mr", "--out", dir.appendingPathComponent("x/c.svg").path])
        #expect(missing.status == 73)
        #expect(try directoryListing(dir) == ["chart.svg"])
    }

    @Test("Titles name the region, not its code alone")
    func titlesNameTheRegion() throws {
        let fan = try runChitieu(args: ["plot", "--indicator", "u5mr", "--out", "-", "--quiet"])
        #expect(fan.status == 0, "stderr: \(fan.stderr)")
        #expect(fan.stdout.contains("Under-five mortality rate — Kon Tum (VN-28)"), "\(fan.stdout.prefix(600))")
        let overview = try runChitieu(args: ["plot", "--scorecard", "--out", "-", "--quiet", "--lang", "vi"])
        #expect(overview.stdout.contains("— Kon Tum (VN-28), 2030"))
    }

    @Test("Bad option combinations and codes say what to do")
    func badOptions() throws {
        let both = try runChitieu(args: ["plot", "--indicator", "u5mr", "--scorecard", "--out", "-"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("Use either --indicator CODE (a fan chart) or --scorecard"), "stderr: \(both.stderr)")
        let unknown = try runChitieu(args: ["plot", "--indicator", "no_such_code", "--out", "-"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("indicator no_such_code is not in the catalogue"), "stderr: \(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
    }
}
