/// Escaping of text content and attribute values for the markup chitieu writes (SVG charts, the HTML
/// report): `&`, `<`, `>`, `"` and `'` become entities; control characters other than tab and newline, which
/// XML 1.0 forbids, are dropped. One implementation for both formats; only the apostrophe's entity differs
/// (`&apos;` is XML's predefined entity; the HTML report keeps the numeric `&#39;`).
enum MarkupEscaping {
    static func escape(_ text: String, apostrophe: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            default:
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
