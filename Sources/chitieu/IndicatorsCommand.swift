import ArgumentParser
import Export
import Foundation
import IndicatorData

/// `chitieu indicators`: prints the indicator catalogue (data to stdout).
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "List the indicator catalogue.",
        discussion: """
            Prints every indicator of the catalogue (Datasets/indicators.csv unless --catalogue is given): \
            code, plan row, group, direction (which way is better), natural bounds, model scale, unit and \
            the series that measure it nationally and in the province. national_comparable = false means \
            the national series measures something different and is never mixed with provincial data.

            Formats: table (for reading), csv (the catalogue's own columns, RFC 4180), json (an array of \
            objects with snake_case keys). Exit 66 if the catalogue is missing, 65 if it is malformed.
            """)

    @Option(help: "Output format: table, csv, json or xlsx (Excel workbook; redirect stdout to a file).")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }

    @OptionGroup var catalogueOption: CatalogueOption
    var catalogue: String? { catalogueOption.catalogue }

    func run() throws {
        try runReportingErrors {
            let cat: IndicatorCatalogue
            if let path = catalogue {
                cat = try IndicatorCatalogue.read(contentsOf: URL(fileURLWithPath: path), displayName: path)
            } else {
                cat = try BundledData.catalogue()
            }
            FileHandle.standardOutput.write(try render(cat.indicators))
        }
    }

    func render(_ indicators: [Indicator]) throws -> Data {
        switch format {
        case .json:
            return Data(try jsonText(indicators).utf8)
        case .csv:
            return try TidyCSVWriter().render(try Self.table(indicators))
        case .xlsx:
            let title = lang == .vi ? "Danh mục chỉ số" : "Indicator catalogue"
            let metadata = runMetadata(files: [try catalogueURL()], model: nil, seed: nil)
            return try workbook([XLSXSheet(name: title, table: try Self.table(indicators))], lang: lang, title: title,
                                metadata: metadata, toStdout: true)
        case .table:
            return try TextTableWriter().render(try PeopleTable(try Self.summary(indicators, lang), language: lang))
        }
    }

    private func catalogueURL() throws -> URL {
        try catalogue.map { URL(fileURLWithPath: $0) } ?? BundledData.file("indicators.csv")
    }

    /// The catalogue's own columns (CSV and the workbook).
    static func table(_ indicators: [Indicator]) throws -> Table {
        func number(_ x: Double?) -> Cell { x.map { .number($0) } ?? .missing }
        func text(_ s: String?) -> Cell { s.map(Cell.text) ?? .missing }
        return try Table(columns: ["code", "plan_row", "group", "name_vi", "name_en", "unit", "unit_printed",
                                   "direction", "lower_bound", "upper_bound", "scale", "national_series",
                                   "national_comparable", "provincial_series", "note"], rows: indicators.map { i in
            [.text(i.code), .text(i.planRow), text(i.group?.rawValue), .text(i.nameVi), .text(i.nameEn), .text(i.unit),
             .text(i.unitPrinted), .text(i.direction.rawValue), number(i.lowerBound), number(i.upperBound),
             .text(i.scale.rawValue), text(i.nationalSeries), .text(i.nationalComparable ? "true" : "false"),
             text(i.provincialSeries), .text(i.note)]
        })
    }

    /// One line per indicator for reading: row, code, group, better, bounds, scale, unit, national series, name.
    static func summary(_ indicators: [Indicator], _ lang: Language) throws -> Table {
        try Table(columns: ["plan_row", "code", "group", "direction", "bounds", "scale", "unit", "national_series",
                            "name"], rows: indicators.map { i -> [Cell] in
            let bounds = "[\(i.lowerBound.map(formatNumber) ?? "")," + "\(i.upperBound.map(formatNumber) ?? "")]"
            let notComparable = lang == .vi ? " (không so sánh được)" : " (not comparable)"
            let national = i.nationalSeries.map { $0 + (i.nationalComparable ? "" : notComparable) } ?? "-"
            return [.text(i.planRow), .text(i.code), .text(i.group?.rawValue ?? "-"), .text(i.direction.rawValue),
                    .text(bounds), .text(i.scale.rawValue), .text(PlanChartData.unitLabel(i.unit, lang)), .text(national),
                    .text(lang == .vi ? i.nameVi : i.nameEn)]
        })
    }
}
