import Foundation

/// The tables of a chitieu HTML report as a test reads them: per table the tidy column names (`data-column`)
/// and, per row, each cell's shown text and full-precision `data-value`. The report is chitieu's own markup
/// (one element per line, no nesting in cells), so plain string scanning suffices.
struct ReportPage {
    struct Cell { var text: String; var value: String? }
    struct Table { var columns: [String]; var rows: [[Cell]] }

    let html: String

    /// The HTML of `<section id="id">…</section>`; nil when the page has no such section.
    func section(_ id: String) -> String? {
        guard let start = html.range(of: "<section id=\"\(id)\">"),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// The tables of a section, in order.
    func tables(in id: String) -> [Table] {
        guard let body = section(id) else { return [] }
        return body.components(separatedBy: "<table>").dropFirst().map { chunk in
            let table = chunk.components(separatedBy: "</table>")[0]
            let columns = Self.values(of: "data-column", in: table.components(separatedBy: "</thead>")[0])
            let body = table.components(separatedBy: "<tbody>").last ?? ""
            let rows = body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "<td").dropFirst().map { td -> Cell in
                    let open = td.components(separatedBy: ">")[0]
                    let text = td.dropFirst(open.count + 1).components(separatedBy: "</td>")[0]
                    return Cell(text: text, value: Self.values(of: "data-value", in: "<td" + open + ">").first)
                }
            }
            return Table(columns: columns, rows: rows)
        }
    }

    /// HTML text as written by chitieu's escaper, unescaped.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every value of `attribute="…"` in `text`, in order.
    static func values(of attribute: String, in text: String) -> [String] {
        text.components(separatedBy: " \(attribute)=\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
    }
}
