// MARK: - Wide sheet

/// A sheet with one row per region and year and one column per indicator, as planners keep them in Excel:
///
///     Huyện;Năm;Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ (%);Số bác sĩ/10.000 dân
///     Đắk Glei;2023;85,6;7,9
///
/// The region column is the first whose name contains `region`, `huyện`, `tỉnh`, `xã`, `district`,
/// `province`, `commune`, `địa bàn`, `địa phương` or `area`; the year column is named `year`, `năm` or `nam`
/// (a year, or a month/quarter such as `202401`, aggregated by `PeriodAggregation`). Columns named `source`,
/// `nguồn`, `note`, `ghi chú`, `unit` or `đơn vị tính` are not indicators.
///
/// With a mapping, each indicator column header is a data element (`dataelement,indicator` rows, the header
/// text as printed) and each region cell an org unit (`orgunit,region` rows); columns the mapping does not
/// name are skipped and named in a warning. Without one, headers must be indicator codes (checked against
/// the catalogue when one is given) and region cells region codes.
enum WideSheet {
    static let regionWords = ["region", "huyện", "tỉnh", "xã", "district", "province", "commune", "địa bàn",
                              "địa phương", "area"]
    static let yearNames: Set<String> = ["year", "năm", "nam"]
    static let notIndicators: Set<String> = ["source", "nguồn", "note", "ghi chú", "unit", "đơn vị tính", "stt"]

    /// Names longer than this (UTF-8 bytes) are not searched for a region word: a real header cell is a
    /// few words, and a 1 MiB cell searched for ten words cost the layout detection 0.8 s (fuzz smoke).
    static let maxRegionNameBytes = 256

    /// Index of the region column in a lowercased header.
    static func regionColumn(_ names: [String]) -> Int? {
        names.firstIndex(of: "region") ?? names.firstIndex { n in
            n.utf8.count <= maxRegionNameBytes && regionWords.contains { n.contains($0) }
        }
    }

    /// Index of the year column in a lowercased header.
    static func yearColumn(_ names: [String]) -> Int? {
        names.firstIndex { yearNames.contains($0) }
    }

    static func records(_ t: CSVTable, format: NumberFormat, mapping: SourceMapping?, catalogue: IndicatorCatalogue?,
                        warnings: inout [DataWarning]) throws -> [SourceRecord] {
        let lower = t.header.names.map { $0.lowercased() }
        let help = "A wide sheet needs a region column (e.g. Huyện or region), a year column (Năm or year) and one column per indicator"
        guard let cRegion = regionColumn(lower) else {
            throw DataError(file: t.file, line: 1, text: t.header.names.joined(separator: ","),
                            message: "no region column in this wide sheet", hint: help)
        }
        guard let cYear = yearColumn(lower) else {
            throw DataError(file: t.file, line: 1, text: t.header.names.joined(separator: ","),
                            message: "no year column in this wide sheet", hint: help)
        }
        var columns = t.header.names.indices.filter { $0 != cRegion && $0 != cYear && !notIndicators.contains(lower[$0]) }
        for c in columns {
            try CodeCheck.check(t.header.names[c], name: "column", file: t.file, line: 1, column: c + 1)
        }
        if let mapping {
            let unmapped = columns.filter { mapping.element(t.header.names[$0]) == nil }
            if !unmapped.isEmpty {
                warnings.append(DataWarning(file: t.file, line: 1, message: "\(unmapped.count) column(s) not in the mapping were skipped: "
                    + MessageEcho.header(unmapped.map { "\"\(t.header.names[$0])\"" }, separator: ", ")))
            }
            columns.removeAll { unmapped.contains($0) }
        } else if let catalogue {
            if let bad = columns.first(where: { catalogue.entry(forSeries: t.header.names[$0]) == nil }) {
                throw DataError(file: t.file, line: 1, column: bad + 1, text: t.header.names[bad],
                                message: "column \(t.columnName(bad, quoted: true)) of this wide sheet is not an indicator code of the catalogue",
                                hint: "Rename the column to an indicator code (see `chitieu indicators`), or give a mapping "
                                    + "(FILE:mapping=MAP) with a row dataelement=\(t.columnName(bad, quoted: true)),indicator=CODE")
            }
        }
        guard !columns.isEmpty else {
            throw DataError(file: t.file, line: 1, message: "no indicator column of this wide sheet can be used", hint: help)
        }
        var out: [SourceRecord] = []
        for row in t.rows {
            let region = try t.requiredCode(row, cRegion, name: t.columnName(cRegion))
            let period = try ExternalImport.period(t, row, cYear, kind: .wide)
            for c in columns {
                out.append(SourceRecord(element: t.header.names[c], orgUnit: region, period: period,
                                        value: try t.number(row, c, format: format), line: row.line, column: c + 1,
                                        text: t.field(row, c)))
            }
        }
        return out
    }
}
