import ArgumentParser
import Export
import Foundation
import IndicatorData

/// `chitieu data …`: commands about input files.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Validate, summarise and aggregate data files.",
        subcommands: [DataCheckCommand.self, DataAggregateCommand.self])
}

// MARK: - data check

/// `chitieu data check FILE…`: reads each file strictly and summarises it.
struct DataCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate files and summarise their series, years, gaps, duplicates and outliers.",
        discussion: """
            Each file is recognised by its header (or declared, FILE:layout=NAME): tidy series \
            (indicator_code,region,year,value,…), targets (… plus comparator), an indicator catalogue \
            (code,…,direction,…,scale), DHIS2 dataValueSets CSV (dataelement,period,orgunit,…,value) or JSON, \
            DHIS2 analytics CSV (dx,pe,ou,value or Data,Period,Organisation unit,Value), a WHO GHO export \
            (IndicatorCode,SpatialDim,TimeDim,NumericValue or GHO (CODE),COUNTRY (CODE),YEAR (DISPLAY),Numeric), \
            SDMX-CSV (STRUCTURE,STRUCTURE_ID,…,TIME_PERIOD,OBS_VALUE) or a wide sheet (a region column, a year \
            column, one column per indicator). DHIS2 and GHO files need a mapping (--mapping FILE or \
            FILE:mapping=MAP; columns indicator,dataelement and region,orgunit). Monthly and quarterly periods \
            become years by the rule in docs/inputs.md (sum for counts, weighted mean for rates, at least 10 of \
            12 months); with --targets, year-to-date figures (the March report) are set against their annual \
            target: share of the year elapsed and share of the target reached.

            Series files are summarised per (indicator, region): years covered, observations, gaps (years \
            missing inside the range), empty value cells (reported as missing, never read as 0), duplicate \
            keys settled by --source-priority, and outlying year-to-year changes by the modified z-score of \
            Iglewicz & Hoaglin (1993), |M| > 3.5, computed on first differences per year (not on levels, so a \
            steady trend is not flagged; a spike shows as two changes of opposite sign). Values are checked \
            against the catalogue's bounds (negative counts, percentages above 100) unless --no-catalogue.

            Every file is checked even if an earlier one fails; for each bad file the FIRST error is printed \
            to stderr as file:line:column: message. hint. Exit status: 0 all good, 65 some file has bad data, \
            66 some file is missing or unreadable (66 wins over 65).
            """)

    @Argument(help: ArgumentHelp("Files to check, each FILE or FILE:key=value,… (docs/inputs.md).", valueName: "file[:options]"),
              completion: .file())
    var files: [String]

    @OptionGroup var read: DataReadOptions

    @Option(help: "Output format: table, csv, json or xlsx (Excel workbook; redirect stdout to a file).")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }

    @OptionGroup var catalogueOption: CatalogueOption
    var catalogue: String? { catalogueOption.catalogue }

    @Flag(name: .customLong("no-catalogue"), help: "Do not check values against catalogue bounds.")
    var noCatalogue = false

    @OptionGroup var targetsOption: TargetsOption
    var targets: String? { targetsOption.targets }

    @Flag(name: .customLong("validate-only"),
          help: "Nothing on stdout: errors on stderr and the exit status only. Series files are read on the columnar batch path (same rules and errors), without per-series summaries.")
    var validateOnly = false

    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        _ = try parseFileSpecs(files)
        if noCatalogue, catalogue != nil {
            throw ValidationError("Use either --catalogue FILE or --no-catalogue, not both.")
        }
    }

    func run() throws {
        try runReportingErrors {
            let cat = try loadCatalogue()
            let mapping = try read.sourceMapping()
            let annualTargets = try loadTargets()
            var reports: [FileReport] = []
            var status: Int32 = 0
            for spec in try parseFileSpecs(files).map({ $0.markingBundled() }) {
                do {
                    reports.append(try check(spec, catalogue: cat, mapping: mapping, targets: annualTargets))
                } catch let error as DataError {
                    printError("chitieu: \(error)")
                    status = max(status, error.exitCode)
                }
            }
            if !reports.isEmpty, !validateOnly { FileHandle.standardOutput.write(try render(reports)) }
            if status != 0 { throw ExitCode(status) }
        }
    }

    private func loadCatalogue() throws -> IndicatorCatalogue? {
        if noCatalogue { return nil }
        if let path = catalogue {
            return try IndicatorCatalogue.read(contentsOf: URL(fileURLWithPath: path), displayName: path)
        }
        // The bundled catalogue is a convenience: its absence is not an error for `data check`.
        return try? BundledData.catalogue()
    }

    private func loadTargets() throws -> [Target] {
        guard let text = targets, let spec = try parseFileSpecs([text]).first else { return [] }
        let options = spec.effectiveOptions(defaults: read.fileDefaults).readOptions(catalogue: nil, sourcePriority: [])
        return try Target.read(contentsOf: spec.url, displayName: spec.displayName, options: options)
    }

    private func check(_ spec: FileSpec, catalogue: IndicatorCatalogue?, mapping: SourceMapping?,
                       targets: [Target]) throws -> FileReport {
        let file = spec.displayName, url = spec.url
        let fileOptions = spec.effectiveOptions(defaults: read.fileDefaults)
        let options = fileOptions.readOptions(catalogue: catalogue, sourcePriority: read.priorityList)
        let kind = try InputReader.layout(of: spec, options: fileOptions)
        switch kind {
        case .catalogue:
            let c = try IndicatorCatalogue.read(contentsOf: url, displayName: file, delimiter: options.delimiter)
            return FileReport(file: file, kind: .catalogue, rows: c.indicators.count)
        case .targets:
            let t = try Target.read(contentsOf: url, displayName: file, options: options)
            return FileReport(file: file, kind: .targets, rows: t.count)
        case .series where validateOnly:
            let columns = try InputReader.readColumns([spec], defaults: read.fileDefaults, catalogue: catalogue,
                                                      sourcePriority: options.sourcePriority)
            return FileReport(file: file, kind: .series, rows: columns.rowCount)
        default:
            let s = try InputReader.read([spec], defaults: read.fileDefaults, catalogue: catalogue,
                                         sourcePriority: options.sourcePriority, mapping: mapping)
            var r = report(file, kind, s)
            r.yearToDate = YearToDate.compare(s, targets: targets)
            return r
        }
    }

    private func report(_ file: String, _ kind: DataFileKind, _ s: SeriesCollection) -> FileReport {
        if !quiet, !validateOnly { for w in s.warnings { printError("chitieu: warning: \(w)") } }
        return FileReport(file: file, kind: kind, rows: s.rowCount, series: s.series.compactMap(SeriesSummary.init),
                          missing: s.missing, resolvedDuplicates: s.resolvedDuplicates)
    }

    // MARK: Output

    struct FileReport: Encodable {
        var file: String
        var kind: DataFileKind
        var rows: Int
        var series: [SeriesSummary] = []
        var missing: [MissingCell] = []
        var resolvedDuplicates: [DuplicateResolution] = []
        var yearToDate: [YearToDate] = []
    }

    private func render(_ reports: [FileReport]) throws -> Data {
        switch format {
        case .json:
            return Data(try jsonText(reports).utf8)
        case .csv:
            return try TidyCSVWriter().render(try Self.table(reports))
        case .xlsx:
            let title = lang == .vi ? "Kiểm tra số liệu" : "Data check"
            let metadata = runMetadata(files: reports.map { URL(fileURLWithPath: $0.file) }, model: nil, seed: nil)
            return try workbook([XLSXSheet(name: title, table: try Self.table(reports))], lang: lang, title: title,
                                metadata: metadata, toStdout: true)
        case .table:
            return Data(try reports.map(tableText).joined(separator: "\n").utf8)
        }
    }

    /// One row per file (catalogue, targets) or per series: years, observations, gaps, outliers, missing years.
    static func table(_ reports: [FileReport]) throws -> Table {
        var table = try Table(columns: ["file", "kind", "indicator", "region", "first_year", "last_year",
                                        "observations", "gaps", "outliers", "missing"])
        func years(_ list: [Int]) -> Cell { list.isEmpty ? .missing : .text(list.map(String.init).joined(separator: " ")) }
        for r in reports {
            if r.kind == .catalogue || r.kind == .targets {
                try table.append([.text(r.file), .text(r.kind.rawValue), .missing, .missing, .missing, .missing,
                                  .integer(r.rows), .missing, .missing, .missing])
                continue
            }
            for s in r.series {
                let missing = r.missing.filter { $0.indicator == s.key.indicator && $0.region == s.key.region }
                try table.append([.text(r.file), .text(r.kind.rawValue), .text(s.key.indicator), .text(s.key.region),
                                  .integer(s.firstYear), .integer(s.lastYear), .integer(s.count), years(s.gaps),
                                  years(s.outliers.map(\.year)), years(missing.map(\.year))])
            }
        }
        return table
    }

    private func tableText(_ r: FileReport) throws -> String {
        let vi = lang == .vi
        let kind = CodeLabel.text(r.kind.rawValue, column: "kind", lang) ?? r.kind.rawValue
        if r.kind == .catalogue || r.kind == .targets {
            return "\(r.file): \(kind), \(r.rows) \(vi ? "dòng, đạt" : "rows, OK")\n"
        }
        let years = r.series.isEmpty ? "-"
            : "\(r.series.map(\.firstYear).min() ?? 0)–\(r.series.map(\.lastYear).max() ?? 0)"
        let outlying = r.series.reduce(0) { $0 + $1.outliers.count }
        var out = vi
            ? "\(r.file): \(kind), \(r.rows) dòng, \(r.series.count) chuỗi, các năm \(years), \(r.missing.count) giá trị "
                + "thiếu, \(r.resolvedDuplicates.count) bản ghi trùng đã xử lý, \(outlying) thay đổi bất thường\n"
            : "\(r.file): \(kind), \(r.rows) rows, \(r.series.count) series, years \(years), "
                + "\(r.missing.count) missing, \(r.resolvedDuplicates.count) duplicates resolved, "
                + "\(outlying) outlying changes\n"
        let rows = r.series.map { s -> [Cell] in
            [.text(s.key.indicator), .text(s.key.region), .text("\(s.firstYear)–\(s.lastYear)"), .integer(s.count),
             .text(s.gaps.isEmpty ? "-" : compactYears(s.gaps)),
             .text(s.outliers.isEmpty ? "-" : s.outliers.map {
                 "\($0.year) (M=\(lang.localizedNumber(String(format: "%.1f", $0.score))))"
             }.joined(separator: ", "))]
        }
        let table = try Table(columns: ["indicator", "region", "years", "n", "gaps", "outliers"], rows: rows)
        out += String(decoding: try TextTableWriter().render(try PeopleTable(table, language: lang)), as: UTF8.self)
        let (missingWord, duplicateWord, ytdWord) = vi ? ("thiếu", "trùng", "lũy kế từ đầu năm")
            : ("missing", "duplicate", "year to date")
        for m in r.missing.prefix(20) { out += "\(missingWord): \(m)\n" }
        if r.missing.count > 20 { out += "\(missingWord): … \(r.missing.count - 20) \(vi ? "nữa" : "more")\n" }
        for d in r.resolvedDuplicates.prefix(20) { out += "\(duplicateWord): \(d)\n" }
        for y in r.yearToDate { out += "\(ytdWord): \(y.summary)\n" }
        return out
    }

    /// "1995–1999, 2003" from sorted years.
    private func compactYears(_ years: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < years.count {
            var j = i
            while j + 1 < years.count, years[j + 1] == years[j] + 1 { j += 1 }
            parts.append(i == j ? "\(years[i])" : "\(years[i])–\(years[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
