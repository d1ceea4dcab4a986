import Foundation

/// A report for people, as plain content (the Export module knows nothing of models): a title, then
/// sections of paragraphs, lists, tables, figures (SVG from the charts) and definitions. `HTMLReportWriter`
/// renders it as one self-contained HTML file.
public struct ReportDocument: Sendable, Equatable {
    public var language: Language
    public var title: String
    /// A line under the title (region, plan, date).
    public var subtitle: String?
    public var sections: [ReportSection]

    public init(language: Language, title: String, subtitle: String? = nil, sections: [ReportSection] = []) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}

/// One section: an anchor id (for the table of contents), a heading and its blocks.
public struct ReportSection: Sendable, Equatable {
    public var id: String
    public var heading: String
    public var blocks: [ReportBlock]

    public init(id: String, heading: String, blocks: [ReportBlock]) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
    }
}

/// A term and what it means, optionally in a colour (a verdict and its colour swatch).
public struct ReportDefinition: Sendable, Equatable {
    public var term: String
    public var meaning: String
    /// `#RRGGBB`, shown as the term's background (white text).
    public var colour: String?

    public init(term: String, meaning: String, colour: String? = nil) {
        self.term = term
        self.meaning = meaning
        self.colour = colour
    }
}

/// The content blocks of a section.
public enum ReportBlock: Sendable, Equatable {
    case paragraph(String)
    case list([String])
    /// A tidy table shown for people (`PeopleTable`: rounded, translated, verdict cells coloured); every
    /// number also keeps its full-precision value in a `data-value` attribute.
    case table(Table, caption: String?, styles: [String: ColumnStyle])
    /// An SVG document from the charts (its XML declaration is dropped when inlined), with a caption.
    case figure(svg: String, caption: String)
    case definitions([ReportDefinition])
    /// Two-column facts ("Seed", "20251231").
    case facts([(String, String)])

    public static func == (a: ReportBlock, b: ReportBlock) -> Bool {
        switch (a, b) {
        case let (.paragraph(x), .paragraph(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.table(t1, c1, s1), .table(t2, c2, s2)): return t1 == t2 && c1 == c2 && s1 == s2
        case let (.figure(s1, c1), .figure(s2, c2)): return s1 == s2 && c1 == c2
        case let (.definitions(x), .definitions(y)): return x == y
        case let (.facts(x), .facts(y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }
}
