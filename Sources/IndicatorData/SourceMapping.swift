import Foundation

// MARK: - SourceMapping

/// Maps codes of an external system (DHIS2 data elements and org units, WHO GHO indicator codes and
/// countries) to chitieu's `indicator_code` and `region`.
///
/// CSV header: a source-indicator column (`dataelement`, `IndicatorCode`, `gho_code` or
/// `source_indicator`), a source-region column (`orgunit`, `SpatialDim`, `country` or `source_region`),
/// `indicator_code`, `region`, and optionally `categoryoptioncombo` (DHIS2 disaggregation to keep).
/// An empty source region matches every region; an empty `region` then keeps the source's region code
/// (e.g. map GHO `WHS4_100` → `dtp3_pct` for all countries, keeping ISO3 codes).
public struct SourceMapping: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var sourceIndicator: String
        /// Empty: any region.
        public var sourceRegion: String
        /// Empty: any category option combo.
        public var categoryOptionCombo: String
        public var indicator: String
        /// Empty: keep the source region.
        public var region: String

        public init(sourceIndicator: String, sourceRegion: String = "", categoryOptionCombo: String = "",
                    indicator: String, region: String = "") {
            self.sourceIndicator = sourceIndicator
            self.sourceRegion = sourceRegion
            self.categoryOptionCombo = categoryOptionCombo
            self.indicator = indicator
            self.region = region
        }
    }

    public let entries: [Entry]
    private let table: [String: Int]

    public init(_ entries: [Entry]) {
        self.entries = entries
        var table: [String: Int] = [:]
        for (i, e) in entries.enumerated() {
            let k = Self.key(e.sourceIndicator, e.sourceRegion, e.categoryOptionCombo)
            if table[k] == nil { table[k] = i }
        }
        self.table = table
    }

    private static func key(_ a: String, _ b: String, _ c: String) -> String { "\(a)\u{1F}\(b)\u{1F}\(c)" }

    /// The chitieu key for a source row: the most specific entry wins (region and combo, then region,
    /// then combo, then indicator only). nil when unmapped.
    public func lookup(indicator: String, region: String, combo: String = "") -> SeriesKey? {
        let candidates = [Self.key(indicator, region, combo), Self.key(indicator, region, ""),
                          Self.key(indicator, "", combo), Self.key(indicator, "", "")]
        for k in candidates {
            if let i = table[k], entries.indices.contains(i) {
                let e = entries[i]
                return SeriesKey(indicator: e.indicator, region: e.region.isEmpty ? region : e.region)
            }
        }
        return nil
    }

    // MARK: Reading

    static let expected = "dataelement (or IndicatorCode), orgunit (or SpatialDim), indicator_code and region"

    /// Reads a mapping CSV (see the type's documentation for the columns).
    /// - Throws: `DataError` for a missing column, an empty indicator code or a source pair listed twice.
    public static func read(contentsOf url: URL, displayName: String? = nil,
                            delimiter: CSVDelimiter = .auto) throws -> SourceMapping {
        let t = try CSVTable(url: url, displayName: displayName, delimiter: delimiter,
                             emptyHint: "The first line must be a header naming \(expected)")
        let h = t.header
        let cSource = try h.require("dataelement", aliases: ["source_indicator", "IndicatorCode", "gho_code",
                                                             "GHO (CODE)"], expected: expected)
        let cSourceRegion = try h.require("orgunit", aliases: ["source_region", "SpatialDim", "country",
                                                               "COUNTRY (CODE)"], expected: expected)
        let cIndicator = try h.require("indicator_code", expected: expected)
        let cRegion = try h.require("region", expected: expected)
        let cCombo = h.index(of: "categoryoptioncombo")
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        for row in t.rows {
            let e = Entry(sourceIndicator: try t.required(row, cSource, name: h.names[cSource]),
                          sourceRegion: t.field(row, cSourceRegion), categoryOptionCombo: t.field(row, cCombo),
                          indicator: try t.required(row, cIndicator, name: "indicator_code"),
                          region: t.field(row, cRegion))
            let k = key(e.sourceIndicator, e.sourceRegion, e.categoryOptionCombo)
            if let first = seen[k] {
                throw t.error(row, cSource, "\(e.sourceIndicator) / \(e.sourceRegion.isEmpty ? "any region" : e.sourceRegion) "
                                  + "is mapped twice (lines \(first) and \(row.line))",
                              "Keep one mapping per source indicator, region and category option combo")
            }
            seen[k] = row.line
            entries.append(e)
        }
        guard !entries.isEmpty else {
            throw DataError(file: t.file, line: 1, message: "the mapping has a header but no rows",
                            hint: "Add one row per source indicator (and region) to map")
        }
        return SourceMapping(entries)
    }
}
