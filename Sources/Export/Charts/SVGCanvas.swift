import Foundation

/// A minimal SVG 1.1 writer: elements appended in drawing order (later on top), text XML-escaped,
/// coordinates written with at most two decimals so output is deterministic and byte-comparable.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var elements: [String] = []
    private var titleElement: String?

    /// Fonts with full Vietnamese coverage first (DejaVu Sans ships with librsvg's Debian dependencies).
    static let fontFamily = "DejaVu Sans, Noto Sans, Arial, Helvetica, sans-serif"

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    // MARK: - Formatting

    /// A coordinate: rounded to 2 decimals, trailing zeros dropped, never `-0`.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        var s = NumberFormatting.fixed((x * 100).rounded() / 100, decimals: 2)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// XML 1.0 escaping for text content and attribute values (`&`, `<`, `>`, `"`, `'`); control
    /// characters other than tab/newline, which XML forbids, are dropped.
    static func escape(_ text: String) -> String {
        MarkupEscaping.escape(text, apostrophe: "&apos;")
    }

    /// A rough text width for layout (legend wrapping, truncation): 0.6 em per character, the average
    /// advance of DejaVu Sans. Grapheme clusters, so combining diacritics add nothing.
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }

    // MARK: - Elements

    mutating func raw(_ element: String) { elements.append(element) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, strokeWidth: Double = 1, opacity: Double? = nil, radius: Double = 0) {
        var s = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" height=\"\(Self.n(max(0, height)))\""
        if radius > 0 { s += " rx=\"\(Self.n(radius))\"" }
        s += " fill=\"\(fill)\""
        if let opacity { s += " fill-opacity=\"\(Self.n(opacity))\"" }
        if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" }
        elements.append(s + "/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, opacity: Double? = nil) {
        var s = "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\""
        s += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        if let opacity { s += " stroke-opacity=\"\(Self.n(opacity))\"" }
        elements.append(s + "/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        var s = "<polyline points=\"\(Self.pointList(points))\" fill=\"none\" stroke=\"\(stroke)\""
        s += " stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        elements.append(s + "/>")
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double, stroke: String? = nil) {
        guard points.count > 2 else { return }
        var s = "<polygon points=\"\(Self.pointList(points))\" fill=\"\(fill)\" fill-opacity=\"\(Self.n(opacity))\""
        if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
        elements.append(s + "/>")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1) {
        var s = "<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" }
        elements.append(s + "/>")
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ string: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start,
                       bold: Bool = false, fill: String = "#222222", rotate: Double? = nil, halo: Bool = false) {
        var s = "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\""
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { s += " font-weight=\"bold\"" }
        s += " fill=\"\(fill)\""
        // A white outline painted under the glyphs keeps labels readable over bands and lines.
        if halo { s += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if let rotate { s += " transform=\"rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))\"" }
        elements.append(s + ">\(Self.escape(string))</text>")
    }

    /// The document's accessible name, written as the first child of `<svg>` (SVG 1.1 §5.4).
    mutating func title(_ string: String) { titleElement = "<title>\(Self.escape(string))</title>" }

    static func pointList(_ points: [(Double, Double)]) -> String {
        points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    }

    // MARK: - Document

    /// The complete SVG document (UTF-8 XML declaration, white background, final newline).
    func document() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.n(width))\" "
        out += "height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
        out += "font-family=\"\(Self.fontFamily)\">\n"
        if let titleElement { out += titleElement + "\n" }
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>\n"
        for element in elements { out += element + "\n" }
        return out + "</svg>\n"
    }
}
