import Foundation

// MARK: - Reading targets

extension Target {
    static let expectedColumns = "indicator_code, region, year, value and comparator (optionally kind, "
        + "text_vi, note, plan_row, unit, source)"

    /// Reads a targets CSV in either of two layouts:
    ///
    /// - plan targets (`Datasets/kontum/plan_targets.csv`): `indicator_code,region,year,value,comparator,kind,
    ///   text_vi,note,plan_row,unit,source`; `kind` is one of level|strict|hold|qualitative|conditional|none,
    ///   `value` is empty exactly for qualitative and none;
    /// - shared targets (`shared/data/targets.csv`): `indicator_code,region,year,value,unit,source,comparator`
    ///   with no `kind` column: kind is inferred as `strict` for `<`/`>`, `hold` for `=` and `level` otherwise.
    ///
    /// `text` is `text_vi` when present, else the comparator and value as written.
    /// - Throws: `DataError` with line and column for a bad comparator, kind, year or number, a numeric
    ///   kind without a value, and duplicate (indicator, region, year) rows (naming both lines).
    public static func read(contentsOf url: URL, displayName: String? = nil,
                            options: ReadOptions = ReadOptions()) throws -> [Target] {
        let table = try CSVTable(url: url, displayName: displayName, delimiter: options.delimiter,
                                 emptyHint: "The first line must be a header naming \(expectedColumns)")
        return try read(table, format: options.numberFormat, catalogue: options.catalogue)
    }

    /// Reads targets from bytes (`file` names the source in messages).
    public static func read(bytes: [UInt8], file: String, options: ReadOptions = ReadOptions()) throws -> [Target] {
        let table = try bytes.withUnsafeBufferPointer {
            try CSVTable(bytes: $0, file: file, delimiter: options.delimiter,
                         emptyHint: "The first line must be a header naming \(expectedColumns)")
        }
        return try read(table, format: options.numberFormat, catalogue: options.catalogue)
    }

    /// A target value outside its indicator's catalogue bounds (`u5mr <= -5`, `dtp3_pct >= 120`) can never
    /// be met or is always met: it is a typo, refused like an out-of-bounds data value.
    static func boundsProblem(_ value: Double, _ entry: Indicator?) -> String? {
        guard let entry else { return nil }
        if let l = entry.lowerBound, value < l { return "below the indicator's lower bound \(formatBound(l))" }
        if let u = entry.upperBound, value > u { return "above the indicator's upper bound \(formatBound(u))" }
        return nil
    }

    private static func formatBound(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    private static func read(_ t: CSVTable, format: NumberFormat, catalogue: IndicatorCatalogue?) throws -> [Target] {
        let h = t.header
        let cIndicator = try h.require("indicator_code", expected: expectedColumns)
        let cRegion = try h.require("region", expected: expectedColumns)
        let cYear = try h.require("year", expected: expectedColumns)
        let cValue = try h.require("value", expected: expectedColumns)
        let cComparator = try h.require("comparator", expected: expectedColumns)
        let cKind = h.index(of: "kind")
        // Optional columns looked up once, not per row (the lookup lowercases every header name).
        let cText = h.index(of: "text_vi"), cNote = h.index(of: "note"), cPlanRow = h.index(of: "plan_row")
        let cSource = h.index(of: "source")
        var out: [Target] = []
        out.reserveCapacity(t.rows.count)
        var seen: [String: Int] = [:]
        for row in t.rows {
            let indicator = try t.requiredCode(row, cIndicator, name: "indicator_code")
            let region = try t.requiredCode(row, cRegion, name: "region")
            let year = try t.year(row, cYear)
            let value = try t.number(row, cValue, format: format)
            if let value, let problem = boundsProblem(value, catalogue?.entry(forSeries: indicator)) {
                throw t.error(row, cValue, "target value \(MessageEcho.escaped(t.field(row, cValue))) for \(indicator) is \(problem)",
                              "Check the value (`chitieu indicators` lists each indicator's bounds)")
            }
            let comparatorText = t.field(row, cComparator)
            var comparator: Comparator?
            if !comparatorText.isEmpty {
                guard let c = Comparator(rawValue: comparatorText) else {
                    throw t.error(row, cComparator, "comparator \"\(comparatorText)\" is not one of < <= > >= =",
                                  "Write <, <=, >, >= or =, or leave it empty for a target without a number")
                }
                comparator = c
            }
            let kind: TargetKind
            if let ck = cKind {
                let text = t.field(row, ck).lowercased()
                guard let k = TargetKind(rawValue: text) else {
                    throw t.error(row, ck, "kind \"\(t.field(row, ck))\" is not one of level, strict, hold, qualitative, conditional, none",
                                  "Write one of level, strict, hold, qualitative, conditional, none")
                }
                kind = k
            } else {
                kind = TargetKind.inferred(from: comparator)
            }
            try checkConsistency(t, row, kind: kind, value: value, comparator: comparator,
                                 columns: (cValue, cComparator, cKind))
            let key = "\(indicator)\u{1F}\(region)\u{1F}\(year)"
            if let first = seen[key] {
                throw t.error(row, cYear, "duplicate target (\(indicator), \(region), \(year)): also at line \(first)",
                              "Keep one target per indicator, region and year")
            }
            seen[key] = row.line
            let printed = t.field(row, cText)
            let text = printed.isEmpty ? comparatorText + t.field(row, cValue) : printed
            out.append(Target(indicator: indicator, region: region, year: year, value: value,
                              comparator: comparator, kind: kind, text: text,
                              note: t.field(row, cNote), planRow: t.field(row, cPlanRow),
                              provenance: Provenance(file: t.file, line: row.line,
                                                     source: t.field(row, cSource))))
        }
        guard !out.isEmpty else {
            throw DataError(file: t.file, line: 1, message: "the file has a header but no data rows",
                            hint: "Add one row per target")
        }
        return out
    }

    /// Numeric kinds need a value and a comparator; qualitative and none must have neither; strict needs
    /// `<` or `>`, hold needs `=`.
    private static func checkConsistency(_ t: CSVTable, _ row: CSVTable.Row, kind: TargetKind, value: Double?,
                                         comparator: Comparator?, columns: (Int, Int, Int?)) throws {
        let (cValue, cComparator, cKind) = columns
        switch kind {
        case .qualitative, .none:
            if value != nil {
                throw t.error(row, cValue, "a \(kind.rawValue) target has a value",
                              "Leave value empty for \(kind.rawValue) targets, or change kind")
            }
        case .level, .strict, .hold, .conditional:
            guard value != nil else {
                throw t.error(row, cValue, "a \(kind.rawValue) target needs a value",
                              "Fill in the target value, or use kind qualitative/none if the plan gives no number")
            }
            guard let c = comparator else {
                throw t.error(row, cComparator, "a \(kind.rawValue) target needs a comparator",
                              "Write <, <=, >, >= or =")
            }
            if kind == .strict, c != .lessThan, c != .greaterThan {
                throw t.error(row, cKind ?? cComparator, "kind strict needs comparator < or >, found \(c.rawValue)",
                              "Use kind level for <= and >=")
            }
            if kind == .hold, c != .equal {
                throw t.error(row, cKind ?? cComparator, "kind hold needs comparator =, found \(c.rawValue)",
                              "Use comparator = for a level to reach and hold")
            }
        }
    }
}
