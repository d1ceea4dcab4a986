import Foundation

// MARK: - SourceMapping

/// Maps the codes of an external system to chitieu's, **each code once**: a data element (DHIS2 UID or code,
/// WHO GHO indicator code, SDMX `INDICATOR` code, or a wide sheet's column header) to an indicator code, and
/// an organisation unit (DHIS2 org unit, GHO country, SDMX `REF_AREA`, or a wide sheet's region cell) to a
/// region code. The same file serves the import readers and `chitieu export --to dhis2`.
///
/// CSV header (any order, case-insensitive):
/// - `indicator` (or `indicator_code`) and `dataelement` (or `source_indicator`, `IndicatorCode`, `gho_code`,
///   `GHO (CODE)`, `column`): one data element → indicator;
/// - `region` and `orgunit` (or `source_region`, `SpatialDim`, `country`, `COUNTRY (CODE)`): one org unit →
///   region;
/// - optional `categoryoptioncombo`: the DHIS2 disaggregation an element row keeps (empty: every combo);
/// - optional `aggregation` (`sum` for counts, `mean` for rates) and `denominator` (the data element whose
///   values weight the mean): how months and quarters of this element become years (`PeriodAggregation`).
///
/// A row may fill only the indicator pair, only the region pair, or both (the older one-row-per-pair files
/// are read the same way). Naming a code twice with the same target is allowed; with two different targets
/// it is an error naming both lines. When no org unit is mapped, source region codes are kept as they are.
public struct SourceMapping: Sendable, Hashable {
    /// What a data element (with a combo, or any combo when "") maps to.
    public struct Element: Sendable, Hashable {
        public var indicator: String
        public var aggregation: Aggregation?
        /// Data element holding the weights of a `mean`.
        public var denominator: String?
        /// Mapping-file line (0 when built in code).
        public var line: Int

        public init(indicator: String, aggregation: Aggregation? = nil, denominator: String? = nil, line: Int = 0) {
            self.indicator = indicator
            self.aggregation = aggregation
            self.denominator = denominator
            self.line = line
        }
    }

    /// Key of an element entry: the source code and the combo it applies to ("" = any).
    public struct ElementKey: Sendable, Hashable, Comparable {
        public var code: String
        public var combo: String
        public init(_ code: String, combo: String = "") {
            self.code = code
            self.combo = combo
        }
        public static func < (a: ElementKey, b: ElementKey) -> Bool { (a.code, a.combo) < (b.code, b.combo) }
    }

    public private(set) var elements: [ElementKey: Element]
    /// Source org unit → chitieu region.
    public private(set) var orgUnits: [String: String]
    /// Mapping-file line of each org unit (for messages).
    public private(set) var orgUnitLines: [String: Int]
    /// The file's name in messages ("" when built in code).
    public let file: String

    public init(elements: [ElementKey: Element], orgUnits: [String: String] = [:], file: String = "") {
        self.elements = elements
        self.orgUnits = orgUnits
        self.orgUnitLines = [:]
        self.file = file
    }

    /// Element codes that carry a combo restriction.
    private var restricted: Set<String> { Set(elements.keys.filter { !$0.combo.isEmpty }.map(\.code)) }

    /// The element entry for a source row: the entry for its combo, else the any-combo entry.
    public func element(_ code: String, combo: String = "") -> Element? {
        if !combo.isEmpty, let e = elements[ElementKey(code, combo: combo)] { return e }
        return elements[ElementKey(code)]
    }

    /// The region for a source org unit: mapped, or kept when the mapping maps no org unit at all.
    public func region(_ orgUnit: String) -> String? {
        orgUnits.isEmpty ? orgUnit : orgUnits[orgUnit]
    }

    /// The chitieu key of a source row, nil when its element, combo or org unit is not mapped.
    public func lookup(indicator code: String, region orgUnit: String, combo: String = "") -> SeriesKey? {
        guard let e = element(code, combo: combo), let r = region(orgUnit) else { return nil }
        return SeriesKey(indicator: e.indicator, region: r)
    }

    /// Whether `code` is some element's denominator (its values are read even if it maps to no indicator).
    public func isDenominator(_ code: String) -> Bool {
        elements.values.contains { $0.denominator == code }
    }

    /// True when a combo restriction (not the element) excluded this row.
    func excludedByCombo(_ code: String, combo: String) -> Bool {
        restricted.contains(code) && element(code, combo: combo) == nil
    }

    // MARK: Reading

    static let expected = "indicator (or indicator_code) with dataelement (or source_indicator, IndicatorCode, column), "
        + "and/or region with orgunit (or source_region, SpatialDim, country)"

    /// Reads a mapping CSV (see the type's documentation).
    /// - Throws: `DataError` for a missing column pair, half a pair, a code mapped to two targets, a bad
    ///   `aggregation`, or a file with no rows.
    public static func read(contentsOf url: URL, displayName: String? = nil,
                            delimiter: CSVDelimiter = .auto) throws -> SourceMapping {
        let t = try CSVTable(url: url, displayName: displayName, delimiter: delimiter,
                             emptyHint: "The first line must be a header naming \(expected)")
        let h = t.header
        let cols = Columns(
            source: h.index(ofAny: ["dataelement", "source_indicator", "IndicatorCode", "gho_code", "GHO (CODE)", "column"]),
            indicator: h.index(ofAny: ["indicator", "indicator_code"]),
            sourceRegion: h.index(ofAny: ["orgunit", "source_region", "SpatialDim", "country", "COUNTRY (CODE)"]),
            region: h.index(of: "region"), combo: h.index(of: "categoryoptioncombo"),
            aggregation: h.index(of: "aggregation"), denominator: h.index(of: "denominator"))
        let hasElements = cols.source != nil && cols.indicator != nil
        let hasRegions = cols.sourceRegion != nil && cols.region != nil
        guard hasElements || hasRegions else {
            _ = try h.require(cols.source == nil ? "dataelement" : "indicator", expected: expected)
            _ = try h.require(cols.sourceRegion == nil ? "orgunit" : "region", expected: expected)
            throw DataError(file: t.file, line: 1, message: "the mapping has no complete column pair", hint: "Name \(expected)")
        }
        var builder = Builder(file: t.file)
        for row in t.rows { try builder.add(row, cols, t) }
        guard !builder.elements.isEmpty || !builder.orgUnits.isEmpty else {
            throw DataError(file: t.file, line: 1, message: "the mapping has a header but no rows",
                            hint: "Add one row per data element (and org unit) to map")
        }
        var m = SourceMapping(elements: builder.elements, orgUnits: builder.orgUnits, file: t.file)
        m.orgUnitLines = builder.orgUnitLines
        return m
    }

    struct Columns {
        var source: Int?, indicator: Int?, sourceRegion: Int?, region: Int?, combo: Int?, aggregation: Int?, denominator: Int?
    }

    private struct Builder {
        let file: String
        var elements: [ElementKey: Element] = [:]
        var orgUnits: [String: String] = [:]
        var orgUnitLines: [String: Int] = [:]

        mutating func add(_ row: CSVTable.Row, _ c: Columns, _ t: CSVTable) throws {
            let source = t.field(row, c.source), indicator = t.field(row, c.indicator)
            let sourceRegion = t.field(row, c.sourceRegion), region = t.field(row, c.region)
            try t.checkCode(row, c.indicator)
            try t.checkCode(row, c.region)
            if source.isEmpty != indicator.isEmpty, let column = source.isEmpty ? c.source : c.indicator {
                throw t.error(row, column, "\(t.columnName(column)) is empty",
                              "Fill in both \(t.columnName(c.source ?? 0)) and \(t.columnName(c.indicator ?? 0)), or neither")
            }
            if sourceRegion.isEmpty != region.isEmpty, let column = sourceRegion.isEmpty ? c.sourceRegion : c.region {
                throw t.error(row, column, "\(t.columnName(column)) is empty",
                              "Fill in both the org unit and the region, or neither (a row may map an element only)")
            }
            if source.isEmpty && sourceRegion.isEmpty {
                throw t.error(row, 0, "the row maps nothing", "Fill in an element → indicator pair and/or an org unit → region pair, or delete the row")
            }
            if !source.isEmpty { try addElement(row, c, t, source: source, indicator: indicator) }
            if !sourceRegion.isEmpty {
                if let previous = orgUnits[sourceRegion], previous != region {
                    throw t.error(row, c.sourceRegion ?? 0,
                                  "org unit \(sourceRegion) is mapped to region \(previous) (line \(orgUnitLines[sourceRegion] ?? 0)) and to \(region) here",
                                  "A mapping names each org unit once; keep one of the two rows")
                }
                orgUnits[sourceRegion] = region
                orgUnitLines[sourceRegion] = orgUnitLines[sourceRegion] ?? row.line
            }
        }

        private mutating func addElement(_ row: CSVTable.Row, _ c: Columns, _ t: CSVTable, source: String,
                                         indicator: String) throws {
            let aggregationText = t.field(row, c.aggregation).lowercased()
            var aggregation: Aggregation?
            if !aggregationText.isEmpty {
                guard let a = Aggregation(rawValue: aggregationText) else {
                    throw t.error(row, c.aggregation ?? 0, "aggregation \"\(aggregationText)\" is not sum or mean",
                                  "Write sum for counts (cases, doses, births) or mean for rates and percentages")
                }
                aggregation = a
            }
            let denominator = t.field(row, c.denominator)
            let entry = Element(indicator: indicator, aggregation: aggregation,
                                denominator: denominator.isEmpty ? nil : denominator, line: row.line)
            let key = ElementKey(source, combo: t.field(row, c.combo))
            if let previous = elements[key] {
                guard previous.indicator == entry.indicator, previous.aggregation == entry.aggregation,
                      previous.denominator == entry.denominator else {
                    throw t.error(row, c.source ?? 0,
                                  "data element \(source)\(key.combo.isEmpty ? "" : " (combo \(key.combo))") is mapped to "
                                    + "\(previous.indicator) (line \(previous.line)) and to \(indicator) here",
                                  "A mapping names each data element once; keep one of the two rows")
                }
                return
            }
            elements[key] = entry
        }
    }
}
