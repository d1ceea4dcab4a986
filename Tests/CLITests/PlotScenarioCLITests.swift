import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

// MARK: - Helpers

/// The bundled Kon Tum scenario file `name`.
private func scenarioFile(_ name: String) -> String {
    datasetsDirectory().appendingPathComponent("kontum/scenarios/\(name)").path
}

/// What the scenario tests read from an SVG: the root's size, every text, and the band polygons
/// (fill colour and opacity → the polygons' points), via Foundation's XMLParser (so also well-formedness).
private final class FanProbe: NSObject, XMLParserDelegate {
    var size: (width: Int, height: Int)?
    var texts: [String] = []
    var bands: [String: [[(x: Double, y: Double)]]] = [:]
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if size == nil, let w = attributes["width"].flatMap(Int.init), let h = attributes["height"].flatMap(Int.init) {
            size = (w, h)
        }
        if name == "text" { inText = true; texts.append("") }
        if name == "polygon", let fill = attributes["fill"], let opacity = attributes["fill-opacity"],
           opacity != "1", let points = attributes["points"] {
            let xy = points.split(separator: " ").compactMap { pair -> (x: Double, y: Double)? in
                let parts = pair.split(separator: ",").compactMap { Double($0) }
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
            bands["\(fill) \(opacity)", default: []].append(xy)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, !texts.isEmpty { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }

    /// Fill colours that have both an 80 % (opacity 0.32) and a 95 % (0.15) band: one per fan.
    var fanColours: Set<String> {
        let fills = bands.keys.compactMap { $0.split(separator: " ").first.map(String.init) }
        return Set(fills.filter { bands["\($0) 0.32"] != nil && bands["\($0) 0.15"] != nil })
    }

    /// Pixel height of the band `fill opacity` at its last year: the band is the upper edge left to right,
    /// then the lower edge right to left, so the last year is the middle pair of points.
    func lastYearWidth(_ key: String) -> Double? {
        guard let points = bands[key]?.first, points.count >= 2, points.count % 2 == 0 else { return nil }
        return points[points.count / 2].y - points[points.count / 2 - 1].y
    }

    static func parse(_ url: URL) throws -> FanProbe {
        let probe = FanProbe()
        let parser = XMLParser(data: try Data(contentsOf: url))
        parser.delegate = probe
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return probe
    }
}

/// rsvg-convert's PNG of `svg` (written to stdout), and the size in its IHDR chunk (PNG spec §11.2.2).
private func rasterSize(_ svg: URL) throws -> (width: Int, height: Int)? {
    let process = Process(), pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["rsvg-convert", "--format", "png", svg.path]
    process.standardOutput = pipe
    try process.run()
    let png = [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "rsvg-convert failed (install librsvg2-bin: scripts/setup)")
    guard png.count > 1_000, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
    let be = { (i: Int) in png[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}

/// `chitieu plot --indicator code --scenario F1 --scenario F2 … --out out` with the bundled scenario files.
private func plotScenarios(_ code: String, _ names: [String], out: String,
                           extra: [String] = []) throws -> (stdout: String, stderr: String, status: Int32) {
    try runChitieu(args: ["plot", "--indicator", code] + names.flatMap { ["--scenario", scenarioFile($0)] }
        + ["--out", out] + extra)
}

// MARK: - Tests

@Suite("CLI: scenario fans on one chart (plot --scenario, scenario compare --plot)")
struct PlotScenarioCLITests {
    static let okabeBlue = "#0072B2", okabeOrange = "#D55E00"

    @Test("Doctors: business as usual vs workforce expansion, two fans whose bands are the runner's intervals")
    func physicians() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("doctors.svg")
        let r = try plotScenarios("physicians_per_10k", ["business_as_usual.yaml", "workforce_expansion.yaml"],
                                  out: out.path)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let probe = try FanProbe.parse(out)
        #expect(probe.fanColours == [Self.okabeBlue, Self.okabeOrange], "fans: \(probe.bands.keys.sorted())")
        for text in ["Business as usual", "Workforce expansion", "Observed", "2025: ≥ 11.5", "2030: ≥ 12",
                     "Physicians per 10,000 population — Kon Tum (VN-28)"] {
            #expect(probe.texts.contains(text), "no text \"\(text)\" in \(probe.texts)")
        }
        let size = try #require(probe.size)
        #expect(size.width == 720 && size.height > 420, "the footnote adds height: \(size)")
        let png = try #require(try rasterSize(out))
        #expect(png == size)

        // The 2030 band widths in pixels are proportional to the runner's interval widths (a linear y-axis),
        // so their ratio is the CSV's: the chart draws `scenario run`'s numbers, not a second projection.
        // Tolerance 1e-3: coordinates are rounded to 0.01 px on bands ~100 px wide.
        let csv = try runChitieu(args: ["scenario", "run", scenarioFile("workforce_expansion.yaml"), "--format", "csv",
                                        "--paths", "--quiet"])
        var bound: [String: Double] = [:]
        for line in csv.stdout.split(separator: "\n") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if f.count >= 7, f[2] == "physicians_per_10k", f[3] == "2030", let v = Double(f[6]) { bound[f[4] + f[5]] = v }
        }
        let w95 = try #require(bound["upper95"]) - (try #require(bound["lower95"]))
        let w80 = try #require(bound["upper80"]) - (try #require(bound["lower80"]))
        let px95 = try #require(probe.lastYearWidth("\(Self.okabeOrange) 0.15"))
        let px80 = try #require(probe.lastYearWidth("\(Self.okabeOrange) 0.32"))
        let expected = w95 / w80, seen = px95 / px80
        #expect(abs(seen - expected) / expected < 1e-3, "95/80 width ratio: expected \(expected), seen \(seen)")
    }

    @Test("Stunting: scenario compare --plot draws the same chart as plot --scenario, legend naming both")
    func stuntingCompare() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [scenarioFile("nutrition_acceleration.yaml"), scenarioFile("business_as_usual.yaml")]
        let viaCompare = dir.appendingPathComponent("compare.svg"), viaPlot = dir.appendingPathComponent("plot.svg")
        let c = try runChitieu(args: ["scenario", "compare"] + files
            + ["--indicator", "stunting_u5_pct", "--plot", viaCompare.path, "--quiet"])
        #expect(c.status == 0, "stderr: \(c.stderr)")
        #expect(c.stdout.contains("stunting_u5_pct"), "the comparison table is still printed: \(c.stdout)")
        let p = try runChitieu(args: ["plot", "--indicator", "stunting_u5_pct", "--scenario", files[0],
                                      "--scenario", files[1], "--out", viaPlot.path, "--quiet"])
        #expect(p.status == 0, "stderr: \(p.stderr)")
        #expect(try Data(contentsOf: viaCompare) == Data(contentsOf: viaPlot))
        let probe = try FanProbe.parse(viaCompare)
        #expect(probe.fanColours.count == 2)
        for text in ["Nutrition acceleration", "Business as usual", "2025: < 28", "2030: < 25", "80 % interval"] {
            #expect(probe.texts.contains(text), "no text \"\(text)\" in \(probe.texts)")
        }
        let png = try #require(try rasterSize(viaCompare))
        #expect(png.width == 720 && png.height == probe.size?.height)
    }

    @Test("A scenario without the indicator is named on stderr and left out; the other fan is drawn")
    func partial() throws {
        // Nurses have one point and no comparable national series. With classical intervals (no reference class)
        // and an own-trend minimum above the 15 GSO years (so no own slope on the GSO basis either), business as
        // usual has no nurses projection: only the stock-flow of the workforce file projects them.
        let r = try plotScenarios("nurses_per_10k", ["workforce_expansion.yaml", "nutrition_acceleration.yaml"], out: "-",
                                  extra: ["--intervals", "ols", "--own-trend-minimum", "20"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("warning: scenario \"Nutrition acceleration\""), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("has no projection of nurses_per_10k"))
        #expect(r.stderr.contains("its fan is left out"))
        // One fan: the legend says "Projected", so the title names the scenario.
        #expect(r.stdout.contains("Nurses per 10,000 population — Kon Tum (VN-28) — Workforce expansion"))
        #expect(!r.stdout.contains(Self.okabeOrange))
    }

    @Test("No scenario projects the indicator: exit 65, each scenario named, the projected codes listed, no file")
    func notProjected() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("uhc.svg")
        let r = try plotScenarios("uhc_service_coverage_index", ["business_as_usual.yaml", "workforce_expansion.yaml"],
                                  out: out.path)
        #expect(r.status == 65)
        #expect(r.stderr.contains("\"Business as usual\""), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("\"Workforce expansion\""))
        #expect(r.stderr.contains("no regional data point to anchor the national trend"))
        #expect(r.stderr.contains("no scenario projects uhc_service_coverage_index, nothing to draw; use --indicator "
            + "with one of: "))
        #expect(r.stderr.contains("physicians_per_10k"))
        #expect(try directoryListing(dir).isEmpty)
    }

    @Test("Missing scenario file: exit 78 as the scenario loader reports it")
    func missingFile() throws {
        let r = try runChitieu(args: ["plot", "--indicator", "physicians_per_10k", "--scenario", "no_such.yaml",
                                      "--out", "-"])
        #expect(r.status == 78)
        #expect(r.stderr.contains("no_such.yaml: cannot read the file"), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("Existing chart without --force: exit 64 and the file is kept (plot --out and compare --plot)")
    func existing() throws {
        let dir = try exportScratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("chart.svg")
        try Data("old\n".utf8).write(to: out)
        let files = [scenarioFile("business_as_usual.yaml"), scenarioFile("workforce_expansion.yaml")]
        let plot = try plotScenarios("physicians_per_10k", ["business_as_usual.yaml", "workforce_expansion.yaml"],
                                     out: out.path)
        #expect(plot.status == 64)
        #expect(plot.stderr.contains("already exists; use --force"), "stderr: \(plot.stderr)")
        let compare = try runChitieu(args: ["scenario", "compare"] + files
            + ["--indicator", "physicians_per_10k", "--plot", out.path])
        #expect(compare.status == 64)
        #expect(compare.stderr.contains("chart.svg exists; add --force to replace it"), "stderr: \(compare.stderr)")
        #expect(compare.stdout.isEmpty, "the table is not printed when the chart cannot be written")
        #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
        let forced = try runChitieu(args: ["scenario", "compare"] + files
            + ["--indicator", "physicians_per_10k", "--plot", out.path, "--force", "--quiet"])
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("<?xml"))
    }

    @Test("Option combinations that cannot work say what to do (exit 64)")
    func badOptions() throws {
        let bau = scenarioFile("business_as_usual.yaml")
        let cases: [([String], String)] = [
            (["plot", "--scorecard", "--scenario", bau, "--out", "-"], "Use --scenario with --indicator CODE"),
            (["plot", "--indicator", "tfr", "--scenario", bau, "--region", "VN", "--out", "-"],
             "Drop --region, --data, --targets and --catalogue with --scenario"),
            (["scenario", "compare", bau, bau, "--plot", "x.svg"], "Use --plot together with --indicator CODE"),
            (["plot", "--indicator", "no_such_code", "--scenario", bau, "--out", "-"],
             "indicator no_such_code is not in the catalogue"),
        ]
        for (args, message) in cases {
            let r = try runChitieu(args: args)
            #expect(r.status == 64, "\(args): exit \(r.status)")
            #expect(r.stderr.contains(message), "\(args): stderr \(r.stderr)")
        }
    }
}
