import Foundation

/// How an offending value is shown inside an error message: at most `limit` characters, control
/// characters escaped, so a 50 MB cell or a NUL byte cannot flood or corrupt a terminal.
///
/// `\0`, `\t`, `\n`, `\r` are written as those escapes; other C0/C1 controls and DEL as `\u{XX}`; format
/// characters (general category Cf: the bidi embeddings, overrides and isolates U+202A–U+202E and
/// U+2066–U+2069, the marks U+200E/U+200F, zero-width characters, BOM, tags) as `\u{XXXX}` too, so an echoed
/// value cannot reorder or hide the text around it (the "Trojan Source" attack, CVE-2021-42574; Unicode
/// Technical Standard #39 §3.1 treats Cf as not allowed in identifiers). A cut value ends with `…` and says
/// how long it was.
public enum MessageEcho {
    public static let defaultLimit = 80

    /// `text` shortened and escaped, without quotes.
    public static func escaped(_ text: String, limit: Int = defaultLimit) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                out += "… (\(text.unicodeScalars.count) characters)"
                return out
            }
            count += 1
            switch scalar.value {
            case 0: out += "\\0"
            case 9: out += "\\t"
            case 10: out += "\\n"
            case 13: out += "\\r"
            case _ where needsEscape(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `"text"` shortened and escaped, in double quotes (a quote inside is written `\"`).
    public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "\"" + escaped(text, limit: limit).replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A header (or any list of column names) as echoed in a message: each name escaped and cut to
    /// `nameLimit` characters, joined by `separator`, and the whole cut after `limit` characters with the
    /// number of columns, so a 5,000-column header or a 50,000-character column name stays one short line.
    public static func header(_ names: [String], separator: String = ",", nameLimit: Int = 40,
                              limit: Int = 200) -> String {
        var out = ""
        for (i, name) in names.enumerated() {
            let piece = (i == 0 ? "" : separator) + escaped(name, limit: nameLimit)
            if out.count + piece.count > limit {
                return out + separator + "… (\(names.count) columns)"
            }
            out += piece
        }
        return out
    }

    /// Whether `text` holds a control character (other than tab, LF and CR when `allowWhitespace`).
    public static func hasControlCharacters(_ text: String, allowWhitespace: Bool = false) -> Bool {
        text.unicodeScalars.contains { s in
            if allowWhitespace, s.value == 9 || s.value == 10 || s.value == 13 { return false }
            return s.value < 0x20 || (0x7F..<0xA0).contains(s.value)
        }
    }

    /// Whether `escaped` writes `scalar` as `\u{…}`: a C0/C1 control, DEL, or a format character (Cf).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.properties.generalCategory == .format
    }

    /// A whole message made safe to print: control and format characters escaped and every run of more than
    /// `limit` non-blank characters (an echoed 50 MB cell) cut to `limit` with "…", whoever built the message.
    public static func bounded(_ message: String, limit: Int = defaultLimit) -> String {
        guard message.unicodeScalars.count > limit || message.unicodeScalars.contains(where: needsEscape) else {
            return message
        }
        var out = ""
        var run = 0
        for scalar in message.unicodeScalars {
            if scalar == " " { run = 0 } else { run += 1 }
            if run > limit {
                if run == limit + 1 { out += "…" }
                continue
            }
            out += escaped(String(scalar), limit: 2)
        }
        return out
    }
}
