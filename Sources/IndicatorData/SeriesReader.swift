import Foundation

// MARK: - SeriesReader

/// Reads tidy long series CSV: `indicator_code,region,year,value[,unit,source,flag,…]`, header required,
/// columns in any order, extra columns kept in each observation's `Provenance.extra`.
///
/// Rules (issue 4): RFC 4180 quoting; UTF-8 with or without BOM; `,` or `;` delimiter; LF/CRLF; numbers by
/// `NumberGrammar` with the declared decimal mark; an empty value is a `MissingCell`, never 0; years
/// 1900–2100; duplicate keys are errors unless `ReadOptions.sourcePriority` settles them; values outside
/// catalogue bounds are errors when a catalogue is given. The first error stops the read (fail fast: a
/// file with one bad cell is not half-used).
///
/// The hot loop works on the file's bytes: fields are byte ranges, numbers and years are parsed in place,
/// and indicator/region/source strings are only decoded when they differ from the previous row's (tidy
/// files are grouped by series), so a sorted file allocates a handful of strings per series.
///
/// - Complexity: O(bytes + rows·log(rows per series)) (the sort is skipped when years are ascending).
public enum SeriesReader {
    static let expected = "indicator_code, region, year and value"

    /// Reads one file. `displayName` is used in messages (defaults to the path).
    /// - Throws: `DataError` (`.noInput` for a missing file, `.badData` otherwise).
    public static func read(contentsOf url: URL, displayName: String? = nil,
                            options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
        try read(contentsOf: [url], displayNames: displayName.map { [$0] }, options: options)
    }

    /// Reads several files into one collection; duplicate keys across files follow the same rules.
    public static func read(contentsOf urls: [URL], displayNames: [String]? = nil,
                            options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
        var builder = SeriesBuilder(options: options)
        for (i, url) in urls.enumerated() {
            let name = displayNames.flatMap { $0.indices.contains(i) ? $0[i] : nil } ?? url.path
            let data = try CSVInput.load(url, displayName: name)
            try data.withUnsafeBytes { raw in
                try readRows(raw.bindMemory(to: UInt8.self), file: name, into: &builder)
            }
        }
        return try builder.finish(yearColumn: 3)
    }

    /// Reads from bytes in memory (`file` names the source in messages).
    public static func read(bytes: [UInt8], file: String, options: ReadOptions = ReadOptions()) throws -> SeriesCollection {
        var builder = SeriesBuilder(options: options)
        try bytes.withUnsafeBufferPointer { try readRows($0, file: file, into: &builder) }
        return try builder.finish(yearColumn: 3)
    }

    // MARK: Hot loop

    // swiftlint:disable:next function_body_length
    /// Reads one file's rows into `builder`; `format` and `delimiter` (this file's own) default to the builder's.
    static func readRows(_ b: UnsafeBufferPointer<UInt8>, file: String, into builder: inout SeriesBuilder,
                         format fileFormat: NumberFormat? = nil, delimiter: CSVDelimiter? = nil) throws {
        try CSVInput.validateUTF8(b, file: file)
        let start = CSVInput.bomLength(b)
        let delim = CSVInput.detectDelimiter(b, start: start, declared: delimiter ?? builder.options.delimiter)
        var tk = CSVTokenizer(buffer: b, file: file, delimiter: delim, start: start)
        var fields: [CSVField] = []
        guard try tk.next(into: &fields) else {
            throw DataError(file: file, message: "the file is empty",
                            hint: "The first line must be a header naming \(expected)")
        }
        try CSVHeader.checkColumnCount(fields.count, file: file)
        let header = try CSVHeader(names: fields.map { tk.string($0) }, file: file, delimiter: delim)
        let cIndicator = try header.require("indicator_code", expected: expected)
        let cRegion = try header.require("region", expected: expected)
        let cYear = try header.require("year", expected: expected)
        let cValue = try header.require("value", expected: expected)
        let cUnit = header.index(of: "unit")
        let cSource = header.index(of: "source")
        let cFlag = header.index(of: "flag")
        let known = Set([cIndicator, cRegion, cYear, cValue, cUnit, cSource, cFlag].compactMap { $0 })
        let extraColumns = header.names.indices.filter { !known.contains($0) }
        let width = header.names.count
        let format = fileFormat ?? builder.options.numberFormat

        var lastIndicator: CSVField?
        var lastRegion: CSVField?
        var lastSeries = 0
        var lastSourceField: CSVField?
        var lastSource = ""
        var lastUnitField: CSVField?
        var lastUnitSeries = -1
        var rows = 0

        while try tk.next(into: &fields) {
            let line = tk.recordLine
            if fields.count != width {
                try CSVTable.checkWidth(fields.count, width, file: file, line: line)
            }
            rows += 1
            // Series key (decoded only when it changes).
            let fi = fields[cIndicator]
            let fr = fields[cRegion]
            let series: Int
            if let li = lastIndicator, let lr = lastRegion, tk.sameBytes(fi, li), tk.sameBytes(fr, lr) {
                series = lastSeries
            } else {
                let indicator = tk.string(fi).trimmingWhitespace()
                let region = tk.string(fr).trimmingWhitespace()
                if indicator.isEmpty {
                    throw DataError(file: file, line: line, column: cIndicator + 1, message: "indicator_code is empty",
                                    hint: "Fill in the indicator code on every row")
                }
                if region.isEmpty {
                    throw DataError(file: file, line: line, column: cRegion + 1, message: "region is empty",
                                    hint: "Fill in the region code (e.g. VN, VN-28) on every row")
                }
                try CodeCheck.check(indicator, name: "indicator_code", file: file, line: line, column: cIndicator + 1)
                try CodeCheck.check(region, name: "region", file: file, line: line, column: cRegion + 1)
                series = builder.seriesIndex(indicator: indicator, region: region)
                lastIndicator = fi
                lastRegion = fr
                lastSeries = series
            }
            // Year.
            let fy = fields[cYear]
            let year: Int
            switch YearGrammar.parse(b, fy.start, fy.end) {
            case .year(let y): year = y
            case let failure:
                let text = tk.string(fy)
                let (message, hint) = YearGrammar.describe(failure, text: text)
                throw DataError(file: file, line: line, column: cYear + 1, text: text, message: message, hint: hint)
            }
            // Value.
            let fv = fields[cValue]
            let value: Double
            switch NumberGrammar.parse(b, fv.start, fv.end, format: format) {
            case .value(let v): value = v
            case .empty:
                let key = builder.key(series)
                builder.missing.append(MissingCell(file: file, line: line, indicator: key.indicator,
                                                   region: key.region, year: year))
                continue
            case .failure(let reason):
                let text = tk.string(fv)
                let (message, hint) = reason.describe(text, format: format)
                throw DataError(file: file, line: line, column: cValue + 1, text: text, message: message, hint: hint)
            }
            if let (message, hint) = builder.boundsViolation(series, value) {
                throw DataError(file: file, line: line, column: cValue + 1, text: tk.string(fv),
                                message: message, hint: hint)
            }
            // Provenance.
            var source = ""
            if let c = cSource {
                let fs = fields[c]
                if let ls = lastSourceField, tk.sameBytes(fs, ls) {
                    source = lastSource
                } else {
                    source = tk.string(fs)
                    lastSource = source
                    lastSourceField = fs
                }
            }
            if let c = cUnit, !fields[c].isEmpty {
                let fu = fields[c]
                if !(lastUnitSeries == series && lastUnitField.map { tk.sameBytes(fu, $0) } == true) {
                    let unit = tk.string(fu)
                    try CodeCheck.check(unit.trimmingWhitespace(), name: "unit", file: file, line: line, column: c + 1)
                    builder.noteUnit(series, unit, file: file, line: line)
                    lastUnitField = fu
                    lastUnitSeries = series
                }
            }
            var flag: String?
            if let c = cFlag, !fields[c].isEmpty { flag = tk.string(fields[c]) }
            var extra: [String: String] = [:]
            for c in extraColumns where !fields[c].isEmpty {
                extra[header.names[c]] = tk.string(fields[c])
            }
            builder.append(series, Observation(year: year, value: value, provenance: Provenance(
                file: file, line: line, source: source, flag: flag, extra: extra)))
        }
        guard rows > 0 else {
            throw DataError(file: file, line: 1, message: "the file has a header but no data rows",
                            hint: "Add data rows below the header (is the file truncated?)")
        }
        builder.rowCount += rows
    }
}
