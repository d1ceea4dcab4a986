import Foundation

// MARK: - TargetColumns

/// Numeric milestones of many series in columnar form, for the batch path: per (indicator, region), its
/// targets' years, values and comparators, keys sorted and years ascending within a key.
public struct TargetColumns: Sendable, Hashable {
    /// (indicator, region) per group of targets, sorted, unique.
    public private(set) var keys: [SeriesKey] = []
    /// Start of each key's targets, plus the total at the end (count + 1 entries).
    public private(set) var offsets: [Int] = [0]
    public private(set) var years: [Int] = []
    /// The target value (nil for qualitative targets and targets without a number).
    public private(set) var values: [Double?] = []
    public private(set) var comparators: [Comparator?] = []
    /// Half-width of the band judged equal (`Target.holdTolerance`): > 0 only for hold targets.
    public private(set) var tolerances: [Double] = []

    public init() {}

    /// The targets grouped by key (sorted) and year (ascending); the order of `targets` does not matter.
    public init(_ targets: [Target]) {
        let order = targets.indices.sorted {
            let a = targets[$0], b = targets[$1]
            let ka = SeriesKey(indicator: a.indicator, region: a.region)
            let kb = SeriesKey(indicator: b.indicator, region: b.region)
            if ka != kb { return ka < kb }
            if a.year != b.year { return a.year < b.year }
            return $0 < $1
        }
        for i in order {
            let t = targets[i]
            append(SeriesKey(indicator: t.indicator, region: t.region), year: t.year, value: t.value,
                   comparator: t.comparator, tolerance: t.holdTolerance)
        }
    }

    /// Whether some target value lies outside its indicator's catalogue bounds.
    func hasValueOutsideBounds(_ catalogue: IndicatorCatalogue?) -> Bool {
        guard let catalogue else { return false }
        for (i, key) in keys.enumerated() {
            guard let entry = catalogue.entry(forSeries: key.indicator) else { continue }
            for j in range(i) where values[j].map({ Target.boundsProblem($0, entry) != nil }) == true { return true }
        }
        return false
    }

    /// Number of keys.
    public var count: Int { keys.count }

    /// Range of key `i`'s targets in `years`/`values`/`comparators`.
    public func range(_ i: Int) -> Range<Int> {
        guard i >= 0, i + 1 < offsets.count else { return 0..<0 }
        return offsets[i]..<offsets[i + 1]
    }

    mutating func append(_ key: SeriesKey, year: Int, value: Double?, comparator: Comparator?, tolerance: Double = 0) {
        if keys.last != key {
            keys.append(key)
            offsets.append(years.count)
        }
        years.append(year)
        values.append(value)
        comparators.append(comparator)
        tolerances.append(tolerance)
        offsets[offsets.count - 1] = years.count
    }
}

// MARK: - Reading

extension Target {
    /// Reads a targets file straight into columns: always equal to `TargetColumns(read(…))`, with the same
    /// errors. A fast path reads large sorted files of numeric targets (rows ascending by indicator, region
    /// and year; comparator and value on every row; `kind`, if present, numeric) with no per-row strings;
    /// anything else goes to `read`.
    /// - Throws: `DataError`, as `read`.
    /// - Complexity: O(bytes).
    public static func readColumns(contentsOf url: URL, displayName: String? = nil,
                                   options: ReadOptions = ReadOptions()) throws -> TargetColumns {
        let name = displayName ?? url.path
        let data = try CSVInput.load(url, displayName: name, mapped: true)
        let fast: TargetColumns? = data.withUnsafeBytes { raw in
            fastColumns(raw.bindMemory(to: UInt8.self), file: name, options: options)
        }
        // Out-of-bounds values are rare: the slow path reports them with line and column.
        if let fast, !fast.hasValueOutsideBounds(options.catalogue) { return fast }
        return TargetColumns(try read(contentsOf: url, displayName: displayName, options: options))
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func fastColumns(_ b: UnsafeBufferPointer<UInt8>, file: String, options: ReadOptions) -> TargetColumns? {
        guard let start = CSVInput.fastHeader(b, file: file, options: options) else { return nil }
        var tk = start.tokenizer
        let h = start.header
        guard let cIndicator = h.index(of: "indicator_code"), let cRegion = h.index(of: "region"),
              let cYear = h.index(of: "year"), let cValue = h.index(of: "value"),
              let cComparator = h.index(of: "comparator") else { return nil }
        let cKind = h.index(of: "kind")
        var fields: [CSVField] = []
        let width = h.names.count
        let format = options.numberFormat
        var columns = TargetColumns()
        var lastIndicatorField: CSVField?
        var lastRegionField: CSVField?
        var key = SeriesKey(indicator: "", region: "")
        var lastYear = Int.min
        var rows = 0
        while true {
            guard let more = try? tk.next(into: &fields) else { return nil }
            if !more { break }
            guard fields.count == width else { return nil }
            rows += 1
            let fi = fields[cIndicator], fr = fields[cRegion]
            if let li = lastIndicatorField, let lr = lastRegionField, tk.sameBytes(fi, li), tk.sameBytes(fr, lr) {
                // same key
            } else {
                let next = SeriesKey(indicator: tk.string(fi).trimmingWhitespace(),
                                     region: tk.string(fr).trimmingWhitespace())
                guard !next.indicator.isEmpty, !next.region.isEmpty, rows == 1 || key < next,
                      !CodeCheck.hasControl(next.indicator), !CodeCheck.hasControl(next.region) else { return nil }
                key = next
                lastIndicatorField = fi
                lastRegionField = fr
                lastYear = Int.min
            }
            let fy = fields[cYear]
            guard case .year(let year) = YearGrammar.parse(b, fy.start, fy.end), year > lastYear else { return nil }
            lastYear = year
            let fv = fields[cValue]
            guard case .value(let value) = NumberGrammar.parse(b, fv.start, fv.end, format: format),
                  let comparator = asciiComparator(b, fields[cComparator]) else { return nil }
            // A hold band's width comes from the printed decimals (`Target.holdTolerance`): `read` knows them.
            if comparator == .equal { return nil }
            if let ck = cKind {
                let text = tk.string(fields[ck]).trimmingWhitespace().lowercased()
                switch TargetKind(rawValue: text) {
                case .level?, .conditional?: break
                case .strict?: guard comparator == .lessThan || comparator == .greaterThan else { return nil }
                default: return nil
                }
            }
            columns.append(key, year: year, value: value, comparator: comparator)
        }
        return rows > 0 ? columns : nil
    }

    /// The comparator of an ASCII field after trimming spaces and tabs; nil for anything else.
    private static func asciiComparator(_ b: UnsafeBufferPointer<UInt8>, _ f: CSVField) -> Comparator? {
        var i = f.start, e = f.end
        while i < e, b[i] == 32 || b[i] == 9 { i += 1 }
        while e > i, b[e - 1] == 32 || b[e - 1] == 9 { e -= 1 }
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), eq = UInt8(ascii: "=")
        switch e - i {
        case 1:
            return b[i] == lt ? .lessThan : b[i] == gt ? .greaterThan : b[i] == eq ? .equal : nil
        case 2:
            guard b[i + 1] == eq else { return nil }
            return b[i] == lt ? .lessOrEqual : b[i] == gt ? .greaterOrEqual : nil
        default:
            return nil
        }
    }
}
