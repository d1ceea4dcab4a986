import Foundation

/// The workbook's last sheet, "Methods and sources" ("Phương pháp và nguồn"): the title, how the run was
/// made (version, time, command, model, seed, options), the data files with their SHA-256, the methods and
/// caveats, and what each verdict colour means. Two columns: what, value.
struct XLSXMethodsSheet {
    let title: String
    let metadata: RunMetadata?
    let methods: [String]
    let cuts: VerdictCuts?
    let language: Language

    static let heading = FormatKey(bold: true)
    static let section = FormatKey(bold: true, fill: 0xE3E3E3, bottomBorder: true)
    static let wrapped = FormatKey(wrap: true)

    /// The rows as (what, value, format of the value cell); `nil` what = a section heading row.
    func rows() -> [(String?, String, FormatKey)] {
        var rows: [(String?, String, FormatKey)] = [(nil, title, Self.heading)]
        if let metadata {
            rows.append((Label.version.text(language), metadata.version, .plain))
            rows.append((Label.generated.text(language), metadata.generatedISO8601, .plain))
            rows.append((Label.command.text(language), metadata.command, Self.wrapped))
            if let model = metadata.model { rows.append((Label.model.text(language), model, Self.wrapped)) }
            if let seed = metadata.seed { rows.append((Label.seed.text(language), String(seed), .plain)) }
            for key in metadata.options.keys.sorted() {
                rows.append(("\(Label.options.text(language)): \(key)", metadata.options[key] ?? "", .plain))
            }
            if !metadata.dataFiles.isEmpty {
                rows.append((nil, Label.dataFiles.text(language), Self.section))
                for file in metadata.dataFiles {
                    rows.append((file.path, "\(Label.checksum.text(language)) \(file.sha256)", .plain))
                }
            }
        }
        if !methods.isEmpty {
            rows.append((nil, Label.methodsAndCaveats.text(language), Self.section))
            for line in methods { rows.append(("", line, Self.wrapped)) }
        }
        if cuts != nil { rows.append((nil, Label.verdict.text(language), Self.section)) }
        return rows
    }

    func write(to sheet: XLSXWorkbook.Sheet) throws {
        var row = 0
        for (what, value, format) in rows() {
            if let what {
                try sheet.write(what, row: row, column: 0)
                try sheet.write(String(value.prefix(XLSXWorkbook.maximumCellCharacters)), row: row, column: 1,
                                format: format)
            } else {
                try sheet.write(value, row: row, column: 0, format: format)
                if format == Self.section { try sheet.writeBlank(row: row, column: 1, format: format) }
            }
            row += 1
        }
        // The verdict colours, as the charts and the table sheets use them.
        for category in VerdictCategory.allCases {
            guard let cuts else { break }
            try sheet.write(category.label.text(language), row: row, column: 0,
                            format: FormatKey(bold: true, fill: category.rgb, font: 0xFFFFFF))
            try sheet.write(category.meaning(language, cuts: cuts), row: row, column: 1, format: Self.wrapped)
            row += 1
        }
        try sheet.setWidth(34, column: 0)
        try sheet.setWidth(100, column: 1)
    }
}
