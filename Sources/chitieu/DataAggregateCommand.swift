import ArgumentParser
import Export
import Foundation
import IndicatorData

// MARK: - data aggregate

/// `chitieu data aggregate --regions FILE`: a parent's (or a merged unit's) series computed from its members
/// (`RegionAggregation`), every row labelled as aggregated.
struct DataAggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Aggregate member regions into their parent or a merged unit, labelled as aggregated.",
        discussion: """
            --regions FILE states the hierarchy and the mergers (columns code,name_vi,name_en,parent,valid_from,\
            valid_to,successor,note; docs/regions.md). A region aggregates the units merged into it (successor) \
            if any, else its children. Year by year, and only for years every member has: counts (persons, \
            beds, cases, km²) are summed; rates per live birth (IMR, U5MR, MMR) are weighted by births \
            (crude_birth_rate/1000 × population_avg); densities per km² by area (area_km2); every other rate or \
            share by population (population_avg). Rows carry flag "aggregated" and the rule in their source.

            Default data: Datasets/provinces/vietnam_provinces_gso.csv. Since 1 July 2025 Kon Tum (VN-28) is \
            part of the new Quảng Ngãi province (Resolution 202/2025/QH15), stated in Datasets/regions.csv:
              chitieu data aggregate --regions Datasets/regions.csv --region VN-QNG
            Districts into their province (Datasets/kontum/kontum_province.csv, 2017):
              chitieu data aggregate --regions Datasets/regions.csv --region VN-28 --data Datasets/kontum/kontum_province.csv
            """)

    @Option(help: ArgumentHelp("Regions file (code,…,parent,…,successor; docs/regions.md).", valueName: "file"),
            completion: .file())
    var regions: String

    @Option(help: "The region to build (default: every region of the file whose members all have some series).")
    var region: String?

    @Option(name: .customLong("indicator"), parsing: .singleValue,
            help: "Indicator code to aggregate (repeatable; default: every code the members share).")
    var indicators: [String] = []

    @OptionGroup var dataOption: DataFilesOption
    @OptionGroup var read: DataReadOptions
    @OptionGroup var catalogueOption: CatalogueOption
    @OptionGroup var output: OutputOptions

    static let defaultData = "provinces/vietnam_provinces_gso.csv"

    func validate() throws { _ = try parseFileSpecs(dataOption.files) }

    func run() throws {
        try runReportingErrors {
            let hierarchy = try RegionHierarchy.read(contentsOf: URL(fileURLWithPath: regions), displayName: regions)
            let catalogue = try catalogueOption.catalogue.map {
                try IndicatorCatalogue.read(contentsOf: URL(fileURLWithPath: $0), displayName: $0)
            } ?? BundledData.catalogue()
            let specs: [FileSpec] = dataOption.files.isEmpty
                ? [.bundled(try BundledData.file(Self.defaultData), relativePath: Self.defaultData)]
                : try parseFileSpecs(dataOption.files).map { $0.markingBundled() }
            let collection = try InputReader.read(specs, defaults: read.fileDefaults, catalogue: catalogue,
                                                  sourcePriority: read.priorityList, mapping: try read.sourceMapping())
            var data: [SeriesKey: Series] = [:]
            for s in collection.series { data[s.key] = s }
            let targets = try targetRegions(hierarchy)
            var aggregated: [AggregatedSeries] = []
            for parent in targets {
                aggregated += try Self.aggregate(parent, hierarchy: hierarchy, data: data, catalogue: catalogue,
                                                 only: indicators)
            }
            guard !aggregated.isEmpty else {
                throw CLIError(message: "nothing to aggregate: no indicator has a series for every member of "
                    + targets.map { "\($0) (\(hierarchy.members(of: $0).joined(separator: ", ")))" }
                        .joined(separator: "; ")
                    + " in the same year; check --data, --region and --indicator", code: ExitStatus.dataError)
            }
            if !output.quiet { report(aggregated, hierarchy: hierarchy) }
            try output.emit(try Self.table(aggregated),
                            metadata: runMetadata(files: [URL(fileURLWithPath: regions)] + specs.map(\.url),
                                                  model: "aggregation", seed: nil,
                                                  options: ["regions": regions, "region": region ?? "all"]),
                            sdmx: .aggregates)
        }
    }

    /// The regions to build: --region (checked to have members), else every region with members.
    private func targetRegions(_ hierarchy: RegionHierarchy) throws -> [String] {
        if let region {
            guard !hierarchy.members(of: region).isEmpty else {
                throw CLIError(message: "\(region) has no members in \(regions) (no region names it as parent or "
                    + "successor); use --region with a parent or merged unit of that file", code: ExitStatus.usage)
            }
            return [region]
        }
        return hierarchy.order.filter { !hierarchy.members(of: $0).isEmpty }
    }

    /// Every indicator the members of `parent` all have, aggregated by its rule (catalogue unit, else the
    /// series' own unit).
    static func aggregate(_ parent: String, hierarchy: RegionHierarchy, data: [SeriesKey: Series],
                          catalogue: IndicatorCatalogue, only: [String]) throws -> [AggregatedSeries] {
        let members = hierarchy.members(of: parent)
        let first = members.first ?? parent
        let codes = Set(data.keys.filter { $0.region == first }.map(\.indicator))
            .filter { only.isEmpty || only.contains($0) }.sorted()
        return try codes.compactMap { code in
            guard let sample = data[SeriesKey(indicator: code, region: first)] else { return nil }
            let rule = catalogue[code].map(AggregationRule.rule(for:))
                ?? AggregationRule.rule(unit: sample.unit, code: code)
            return try RegionAggregation.aggregate(code: code, rule: rule, members: members, into: parent, data: data)
        }
    }

    private func report(_ aggregated: [AggregatedSeries], hierarchy: RegionHierarchy) {
        for (parent, group) in Dictionary(grouping: aggregated, by: \.series.region).sorted(by: { $0.key < $1.key }) {
            let members = group.first?.members ?? []
            printError("chitieu: \(hierarchy.displayName(parent)) aggregated from "
                + members.map { hierarchy.displayName($0) }.joined(separator: " + ")
                + ": \(group.count) series (\(regions)); every row is labelled aggregated")
            if let note = hierarchy.regions[parent]?.note, !note.isEmpty { printError("  \(parent): \(note)") }
            for series in group { for note in series.notes { printError("  note: \(note)") } }
        }
    }

    /// Tidy rows: indicator, region, year, value, unit, rule, members, flag, source.
    static func table(_ aggregated: [AggregatedSeries]) throws -> Table {
        var table = try Table(columns: ["indicator", "region", "year", "value", "unit", "rule", "members", "flag",
                                        "source"])
        for a in aggregated {
            for o in a.series.observations {
                try table.append([.text(a.series.indicator), .text(a.series.region), .integer(o.year), .number(o.value),
                                  .text(a.series.unit), .text(a.rule.rawValue), .text(a.members.joined(separator: " + ")),
                                  .text(o.provenance.flag ?? "aggregated"), .text(o.provenance.source)])
            }
        }
        return table
    }
}
