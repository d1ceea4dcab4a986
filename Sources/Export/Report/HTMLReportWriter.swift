import Foundation

/// One self-contained HTML5 file from a `ReportDocument`: inline CSS, inline SVG charts, no script, no
/// external resource of any kind (a Content-Security-Policy `default-src 'none'` says so to the browser),
/// so it opens offline and can be mailed as one attachment. Prints on A4 (`@page { size: A4 }`, figures and
/// table rows kept whole, table headers repeated on each page).
///
/// Tables are shown for people (`PeopleTable`); each number cell also carries its full-precision value in
/// `data-value` (shortest round-trip digits, as in the CSV), so a reader or a test can check the page
/// against the CSV. Verdict cells are filled with the charts' verdict colours.
public struct HTMLReportWriter: Sendable {
    public init() {}

    /// The HTML document as UTF-8 bytes.
    /// - Throws: `ExportError.badTable` if a table's translated headers collide.
    public func render(_ document: ReportDocument) throws -> Data {
        Data(try renderString(document).utf8)
    }

    /// Renders and writes the file atomically (`AtomicFile`).
    public func write(_ document: ReportDocument, to url: URL, overwrite: Bool) throws {
        try AtomicFile.write(try render(document), to: url, overwrite: overwrite)
    }

    public func renderString(_ document: ReportDocument) throws -> String {
        let lang = document.language
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"chitieu\">\n"
        out += "<title>\(Self.escape(document.title))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(Self.escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { out += "<p class=\"subtitle\">\(Self.escape(subtitle))</p>\n" }
        out += "<nav><ol>\n"
        for section in document.sections {
            out += "<li><a href=\"#\(Self.escape(section.id))\">\(Self.escape(section.heading))</a></li>\n"
        }
        out += "</ol></nav>\n</header>\n<main>\n"
        for section in document.sections {
            out += "<section id=\"\(Self.escape(section.id))\">\n<h2>\(Self.escape(section.heading))</h2>\n"
            for block in section.blocks { out += try render(block, lang) }
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    // MARK: - Blocks

    func render(_ block: ReportBlock, _ lang: Language) throws -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(Self.escape(text))</p>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
        case .facts(let pairs):
            return "<dl class=\"facts\">\n" + pairs.map {
                "<dt>\(Self.escape($0.0))</dt><dd>\(Self.escape($0.1))</dd>\n"
            }.joined() + "</dl>\n"
        case .definitions(let items):
            return "<dl class=\"definitions\">\n" + items.map { item in
                let style = item.colour.map { " class=\"verdict\" style=\"background:\(Self.escape($0))\"" } ?? ""
                return "<dt><span\(style)>\(Self.escape(item.term))</span></dt><dd>\(Self.escape(item.meaning))</dd>\n"
            }.joined() + "</dl>\n"
        case .figure(let svg, let caption):
            return "<figure>\n\(Self.inline(svg))<figcaption>\(Self.escape(caption))</figcaption>\n</figure>\n"
        case .table(let table, let caption, let styles):
            return try renderTable(table, caption: caption, styles: styles, lang)
        }
    }

    func renderTable(_ table: Table, caption: String?, styles: [String: ColumnStyle], _ lang: Language) throws -> String {
        let people = try PeopleTable(table, language: lang, styles: styles)
        var out = "<table>\n"
        if let caption { out += "<caption>\(Self.escape(caption))</caption>\n" }
        out += "<thead><tr>" + zip(people.table.columns, table.columns).map { header, name in
            "<th data-column=\"\(Self.escape(name))\">\(Self.escape(header))</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, row) in people.table.rows.enumerated() {
            out += "<tr>"
            for (column, cell) in row.enumerated() {
                let style = people.styles[column]
                let text = cell.plainText ?? "–"
                var attributes = style.isNumeric ? " class=\"num\"" : ""
                if let value = table.rows[index][column].doubleValue, let exact = NumberFormatting.format(value) {
                    attributes += " data-value=\"\(exact)\""
                }
                if style == .verdict, let category = VerdictCategory(verdictText: text) {
                    attributes += " class=\"verdict\" style=\"background:\(category.colour)\""
                }
                out += "<td\(attributes)>\(Self.escape(text))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    // MARK: - Text

    /// HTML text and attribute escaping (`&`, `<`, `>`, `"`, `'`); control characters other than tab and
    /// newline dropped.
    static func escape(_ text: String) -> String {
        MarkupEscaping.escape(text, apostrophe: "&#39;")
    }

    /// An SVG document as an inline element: the XML declaration dropped (HTML does not allow it there).
    static func inline(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...]).trimmingCharacters(in: .newlines) + "\n"
    }

    // MARK: - Style

    static let css = """
        :root { color: #222; font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
        body { margin: 0 auto; max-width: 1100px; padding: 0 16px 32px; line-height: 1.45; font-size: 15px; }
        h1 { font-size: 26px; margin: 24px 0 4px; }
        h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 2px solid #E3E3E3; padding-bottom: 4px; }
        .subtitle { color: #555; margin: 0 0 12px; }
        nav ol { columns: 2; margin: 8px 0 16px; padding-left: 20px; color: #555; }
        nav a { color: #0072B2; text-decoration: none; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; width: 100%; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border-bottom: 1px solid #E3E3E3; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #F2F2F2; font-weight: 600; }
        td.num, td[class~="num"] { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .verdict { color: #fff; font-weight: bold; border-radius: 3px; padding: 1px 6px; white-space: nowrap; }
        td.verdict { border-radius: 0; }
        figure { margin: 12px 0 20px; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: #555; font-size: 13px; margin-top: 4px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        dl.definitions dt { margin-top: 8px; }
        dl.definitions dd { margin: 2px 0 0 0; }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          h2 { break-after: avoid; }
          table { font-size: 7.5pt; }
          thead { display: table-header-group; }
          tr, figure, dl.definitions dt, dl.definitions dd { break-inside: avoid; }
          figure svg { max-height: 125mm; width: auto; }
          #methods li, figcaption { font-size: 8pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
