import Export
import Foundation

/// Adds footnote lines (model, method, data) under a chart that Export rendered: the document is made
/// taller by the footnote's height and the lines are drawn, left-aligned and grey, in the new strip.
///
/// Export's charts have no footnote slot, and the CLI is what knows the model; so the CLI extends the
/// finished SVG. The document's size appears in three places written by Export's canvas — the `height`
/// attribute, the `viewBox` and the white background `<rect>` — and all three are rewritten.
enum PlotFootnote {
    static let fontSize = 10.0
    static let lineHeight = 13.0

    /// `svg` with `lines` (wrapped to the width) appended below the chart. If the document does not have
    /// the expected header (a different writer), it is returned unchanged.
    static func append(_ lines: [String], to svg: String, width: Double, height: Double) -> String {
        let wrapped = lines.flatMap { wrap($0, width: width - 24) }
        guard !wrapped.isEmpty else { return svg }
        let w = number(width), h = number(height)
        let newHeight = height + Double(wrapped.count) * lineHeight + 8
        let nh = number(newHeight)
        let header = "height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        let background = "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>"
        guard svg.contains(header), svg.contains(background), svg.hasSuffix("</svg>\n") else { return svg }
        var out = svg.replacingOccurrences(of: header, with: "height=\"\(nh)\" viewBox=\"0 0 \(w) \(nh)\"")
        out = out.replacingOccurrences(of: background,
                                       with: "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(nh)\" fill=\"#ffffff\"/>")
        out.removeLast("</svg>\n".count)
        for (index, line) in wrapped.enumerated() {
            let y = height + Double(index + 1) * lineHeight - 2
            out += "<text x=\"12\" y=\"\(number(y))\" font-size=\"\(number(fontSize))\" fill=\"#555555\">"
                + escape(line) + "</text>\n"
        }
        return out + "</svg>\n"
    }

    /// Greedy word wrap at an estimated 0.6 em per character (the estimate Export's layout uses).
    static func wrap(_ text: String, width: Double) -> [String] {
        let limit = max(20, Int(width / (fontSize * 0.6)))
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > limit {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func number(_ x: Double) -> String { NumberFormatting.format((x * 100).rounded() / 100) ?? "0" }

    /// XML 1.0 text escaping; control characters other than tab are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.value < 0x20 && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
