import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Export

/// Counts elements by name and collects text content; parsing fails on malformed XML.
final class SVGInspector: NSObject, XMLParserDelegate {
    private(set) var counts: [String: Int] = [:]
    private(set) var texts: [String] = []
    private(set) var rootAttributes: [String: String] = [:]
    private var currentText: String?

    /// Parses `svg`; returns nil (and records an issue) if it is not well-formed XML.
    static func parse(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        guard parser.parse() else {
            Issue.record("SVG is not well-formed: \(parser.parserError.map { "\($0)" } ?? "unknown error")",
                         sourceLocation: sourceLocation)
            return nil
        }
        return inspector
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if counts.isEmpty { rootAttributes = attributeDict }
        counts[elementName, default: 0] += 1
        if elementName == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText?.append(string)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "text", let text = currentText {
            texts.append(text)
            currentText = nil
        }
    }
}

/// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data)
    guard bytes.count >= 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
          bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
    func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be32(16), be32(20))
}

let rsvgConvertPath = "/usr/bin/rsvg-convert"

/// Renders `svg` to PNG with rsvg-convert and returns the PNG bytes. Records a failure saying to
/// install librsvg2-bin if the tool is missing. If CHITIEU_KEEP_CHARTS names a directory, the SVG and
/// PNG are also copied there for a human to look at.
func renderPNG(_ svg: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Data? {
    guard FileManager.default.isExecutableFile(atPath: rsvgConvertPath) else {
        let message = "\(rsvgConvertPath) is missing: install it with `apt-get install librsvg2-bin` "
            + "(CI installs it); the chart rendering test needs it."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return nil
    }
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let svgURL = directory.appendingPathComponent("\(name).svg")
    let pngURL = directory.appendingPathComponent("\(name).png")
    try Data(svg.utf8).write(to: svgURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: rsvgConvertPath)
    process.arguments = ["--format", "png", "--output", pngURL.path, svgURL.path]
    let errorPipe = Pipe()
    process.standardError = errorPipe
    try process.run()
    process.waitUntilExit()
    let stderr = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    guard process.terminationStatus == 0 else {
        Issue.record("rsvg-convert failed (\(process.terminationStatus)): \(stderr)", sourceLocation: sourceLocation)
        return nil
    }
    let png = try Data(contentsOf: pngURL)
    if let keep = ProcessInfo.processInfo.environment["CHITIEU_KEEP_CHARTS"], !keep.isEmpty {
        let keepURL = URL(fileURLWithPath: keep, isDirectory: true)
        try? FileManager.default.createDirectory(at: keepURL, withIntermediateDirectories: true)
        try? Data(svg.utf8).write(to: keepURL.appendingPathComponent("\(name).svg"))
        try? png.write(to: keepURL.appendingPathComponent("\(name).png"))
    }
    return png
}

// MARK: - Synthetic chart inputs (illustrative shapes, not real data)

enum ChartSamples {
    static let observed: [ChartPoint] = zip(2010...2023, [48.0, 46.5, 45.9, 44.0, 42.8, 41.0, 40.2, 38.9, 37.5,
                                                          36.8, 35.1, 34.6, 33.0, 32.4]).map {
        ChartPoint(year: Double($0), value: $1)
    }

    /// A fan widening with the horizon: half-widths 1.0·h^0.6 (80 %) and 1.6·h^0.6 (95 %).
    static func fan(start: Double = 32.4, slope: Double = -1.1, from: Int = 2024, to: Int = 2030) -> [FanPoint] {
        (from...to).map { year in
            let h = Double(year - from + 1)
            let mean = start + slope * h
            let w80 = 1.0 * pow(h, 0.6), w95 = 1.6 * pow(h, 0.6)
            return FanPoint(year: Double(year), mean: mean, lower80: mean - w80, upper80: mean + w80,
                            lower95: mean - w95, upper95: mean + w95)
        }
    }

    static let targets = [TargetMarker(year: 2025, value: 30, comparator: "<"),
                          TargetMarker(year: 2030, value: 25, comparator: "≤")]
}
