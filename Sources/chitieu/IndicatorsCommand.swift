import ArgumentParser
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

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

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
            writeStdout(try render(cat.indicators))
        }
    }

    func render(_ indicators: [Indicator]) throws -> String {
        switch format {
        case .json:
            return try jsonText(indicators)
        case .csv:
            let header = ["code", "plan_row", "group", "name_vi", "name_en", "unit", "unit_printed", "direction",
                          "lower_bound", "upper_bound", "scale", "national_series", "national_comparable",
                          "provincial_series", "note"]
            return csvLine(header) + indicators.map { i in
                csvLine([i.code, i.planRow, i.group?.rawValue ?? "", i.nameVi, i.nameEn, i.unit, i.unitPrinted,
                         i.direction.rawValue, i.lowerBound.map(formatNumber) ?? "",
                         i.upperBound.map(formatNumber) ?? "", i.scale.rawValue, i.nationalSeries ?? "",
                         i.nationalComparable ? "true" : "false", i.provincialSeries ?? "", i.note])
            }.joined()
        case .table:
            let header = ["row", "code", "group", "better", "bounds", "scale", "unit", "national", "name"]
            let rows = indicators.map { i -> [String] in
                let bounds = "[\(i.lowerBound.map(formatNumber) ?? "")," + "\(i.upperBound.map(formatNumber) ?? "")]"
                let national = i.nationalSeries.map { $0 + (i.nationalComparable ? "" : " (not comparable)") } ?? "-"
                return [i.planRow, i.code, i.group?.rawValue ?? "-", i.direction.rawValue, bounds, i.scale.rawValue,
                        i.unit, national, i.nameEn]
            }
            return renderTable(header, rows)
        }
    }
}
