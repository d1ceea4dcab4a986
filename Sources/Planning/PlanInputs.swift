import Foundation
import IndicatorData

// MARK: - Which files a plan run reads

/// How the files given by the user are read when they declare no options of their own
/// (`FILE:decimal=comma,…`, see `FileSpec`): the run's defaults, never applied to bundled files.
public struct ReadDefaults: Sendable {
    public var file: FileReadOptions
    /// Substrings of the source column; on duplicate keys the row whose source contains the earliest wins.
    /// Empty: the bundled priority when reading the bundled files, none otherwise.
    public var sourcePriority: [String]
    /// A mapping (DHIS2/GHO/SDMX codes, wide-sheet headers → indicator and region) for files naming none.
    public var mapping: SourceMapping?

    public init(file: FileReadOptions = FileReadOptions(), sourcePriority: [String] = [], mapping: SourceMapping? = nil) {
        self.file = file
        self.sourcePriority = sourcePriority
        self.mapping = mapping
    }

    /// The plan appendix's 2023 column wins over other sources for the same year when reading the bundled
    /// files (e.g. life expectancy 2023: plan estimate 68.2 vs a news report's 69.7), because the scorecard
    /// judges the plan against its own baseline. A given priority replaces this.
    public static let bundledSourcePriority = ["Kế hoạch UBND tỉnh Kon Tum"]
}

/// The files a run reads, resolved once: the catalogue (given or bundled), the data files (given, or the
/// bundled Kon Tum + Viet Nam set with the plan's 2023 column winning duplicate keys), the targets file
/// (given or the bundled Kon Tum plan), each with its own read options, and the run's defaults for given
/// files. Data are read by `IndicatorData.InputReader`, the one reading path of every command (any layout:
/// tidy, DHIS2, GHO, SDMX, wide sheet).
public struct PlanFiles: Sendable {
    public static let defaultData = ["kontum/kontum_province.csv", "kontum/plan_baseline_2023.csv",
                                     "national/vietnam_national.csv"]
    public static let defaultTargets = "kontum/plan_targets.csv"
    /// Long series on another basis read with the bundled data, only for the derived densities of
    /// `Datasets/derived_indicators.csv` (their slope, never their level: `PlanProjector`'s own slope).
    public static let defaultOtherBasisData = "provinces/vietnam_provinces_gso.csv"
    public static let derivationsFile = "derived_indicators.csv"
    /// Alternative national sources and the rules saying which of them extend a national series
    /// (`NationalAlternatives`), applied with the bundled data.
    public static let alternativeData = "national/vietnam_national_alt.csv"
    public static let alternativeRules = "national/alt_sources.csv"
    /// Files read with the bundled data only to find values that conflict with it (`ValueConflict`): the
    /// March-2024 report's 2023 full immunisation (58.7 %) against the plan's 52.5 %.
    public static let crossCheckData = ["kontum/report_2024_03_epi.csv"]

    public var catalogue: IndicatorCatalogue
    public var catalogueURL: URL
    public var dataSpecs: [FileSpec]
    public var targetsSpec: FileSpec?
    /// Options for given files that declare none (never applied to bundled files).
    public var defaults: FileReadOptions
    public var sourcePriority: [String]
    public var mapping: SourceMapping?

    public var dataURLs: [URL] { dataSpecs.map(\.url) }
    public var dataNames: [String] { dataSpecs.map(\.displayName) }
    /// Whether the data are the bundled Kon Tum set (no data file given).
    public var bundledData: Bool { dataSpecs.allSatisfy(\.bundled) }

    /// Reads the catalogue and resolves the other paths (bundled files are checked to exist).
    /// - Parameters: data/targets/catalogue as given (`FILE[:key=value,…]`); empty/nil = bundled.
    /// - Throws: `PlanningError` (.usage) for a bad `FILE:key=value` declaration, `DataError` for
    ///   unreadable files.
    public static func resolve(data: [String], targets: String?, catalogue: String?,
                               defaults: ReadDefaults = ReadDefaults()) throws -> PlanFiles {
        let entries: IndicatorCatalogue
        let catalogueURL: URL
        if let catalogue {
            let spec = try fileSpec(catalogue)
            catalogueURL = spec.url
            entries = try IndicatorCatalogue.read(contentsOf: catalogueURL, displayName: spec.displayName,
                                                  delimiter: spec.effectiveOptions(defaults: defaults.file).delimiter ?? .auto)
        } else {
            catalogueURL = try BundledData.file("indicators.csv")
            entries = try BundledData.catalogue()
        }
        let bundled = data.isEmpty
        let specs = try bundled ? defaultData.map { FileSpec.bundled(try BundledData.file($0), relativePath: $0) }
            : data.map(fileSpec)
        let priority = defaults.sourcePriority.isEmpty && bundled ? ReadDefaults.bundledSourcePriority
            : defaults.sourcePriority
        return PlanFiles(catalogue: entries, catalogueURL: catalogueURL, dataSpecs: specs,
                         targetsSpec: try targets.map(fileSpec), defaults: defaults.file, sourcePriority: priority,
                         mapping: defaults.mapping)
    }

    private static func fileSpec(_ text: String) throws -> FileSpec {
        do { return try FileSpec.parse(text).markingBundled() } catch let error as FileSpecError {
            throw PlanningError(.usage, error.description)
        }
    }

    /// Every data file read into one collection (the one reading path); with the bundled data, the national
    /// series extended by the alternative sources that measure the same thing (`withAlternatives`).
    public func readSeries() throws -> SeriesCollection {
        let collection = try InputReader.read(dataSpecs, defaults: defaults, catalogue: catalogue,
                                              sourcePriority: sourcePriority, mapping: mapping)
        return bundledData ? try withAlternatives(collection).collection : collection
    }

    /// The collection with the `extend` rules of `Datasets/national/alt_sources.csv` applied to its series
    /// (e.g. national stunting + the General Nutrition Survey 2020), and what each added.
    /// - Throws: `DataError` from the rules (a rule matching no row, a disagreeing `extend` source).
    public func withAlternatives(_ collection: SeriesCollection) throws
        -> (collection: SeriesCollection, extensions: [AlternativeExtension]) {
        let rules = try NationalAlternatives.readRules(contentsOf: try BundledData.file(Self.alternativeRules),
                                                       displayName: "Datasets/" + Self.alternativeRules)
        let rows = try NationalAlternatives.readRows(contentsOf: try BundledData.file(Self.alternativeData),
                                                     displayName: "Datasets/" + Self.alternativeData)
        let (series, extensions) = try NationalAlternatives.extend(
            collection.series, rules: rules, rows: rows, rulesFile: "Datasets/" + Self.alternativeRules)
        var out = SeriesCollection(series: series, missing: collection.missing, warnings: collection.warnings,
                                   resolvedDuplicates: collection.resolvedDuplicates, rowCount: collection.rowCount)
        out.partialYears = collection.partialYears
        return (out, extensions)
    }

    /// The data files as columns (the batch path).
    public func readColumns() throws -> SeriesColumns {
        try InputReader.readColumns(dataSpecs, defaults: defaults, catalogue: catalogue,
                                    sourcePriority: sourcePriority, mapping: mapping)
    }

    /// The derivations that feed a plan indicator (`feeds`), from the bundled `Datasets/derived_indicators.csv`.
    public static func planDerivations() throws -> [Derivation] {
        try Derivation.read(contentsOf: try BundledData.file(derivationsFile), displayName: "Datasets/" + derivationsFile)
            .filter { $0.feeds != nil }
    }

    /// The other-basis series of a run: every derivation that feeds a plan indicator, computed from the bundled
    /// GSO province file when the data are bundled (read on its own: its population and rates are on another
    /// basis than the Kon Tum files and never join them), else from the given data. Only the derived series
    /// are kept.
    /// - Throws: `DataError` for an unreadable file or a derivation input in the wrong unit.
    public func otherBasisSeries(collection: SeriesCollection) throws -> [Series] {
        var inputs: [SeriesKey: Series] = [:]
        if bundledData {
            let path = Self.defaultOtherBasisData
            let spec = FileSpec.bundled(try BundledData.file(path), relativePath: path)
            for s in try InputReader.read([spec], defaults: defaults, catalogue: catalogue).series { inputs[s.key] = s }
        } else {
            for s in collection.series { inputs[s.key] = s }
        }
        return try Derivation.deriveAll(Self.planDerivations(), from: inputs).values.sorted { $0.key < $1.key }
    }

    /// The values the cross-check files give differently for a key and year of `collection` (bundled data only;
    /// none for given files).
    /// - Throws: `DataError` for an unreadable cross-check file.
    public func conflicts(with collection: SeriesCollection) throws -> [ValueConflict] {
        guard bundledData else { return [] }
        let specs = try Self.crossCheckData.map { FileSpec.bundled(try BundledData.file($0), relativePath: $0) }
        let other = try InputReader.read(specs, defaults: defaults, catalogue: nil)
        return ValueConflict.find(in: collection.series, against: other.series)
    }

    /// The targets file and its display name.
    public func targets() throws -> (url: URL, name: String) {
        if let targetsSpec { return (targetsSpec.url, targetsSpec.displayName) }
        return (try BundledData.file(Self.defaultTargets), "Datasets/" + Self.defaultTargets)
    }

    /// How the targets file is read: its own options, else the run's defaults; the bundled plan as it is.
    public var targetOptions: ReadOptions {
        (targetsSpec?.effectiveOptions(defaults: defaults) ?? FileReadOptions())
            .readOptions(catalogue: catalogue, sourcePriority: sourcePriority)
    }

    /// Every file read, for the run's metadata (hashes in JSON output).
    public func files(includingTargets: Bool) throws -> [URL] {
        let otherBasis = bundledData
            ? try ([Self.defaultOtherBasisData, Self.alternativeData, Self.alternativeRules] + Self.crossCheckData)
                .map { try BundledData.file($0) } : []
        return [catalogueURL] + dataURLs + otherBasis + (includingTargets ? [try targets().url] : [])
    }
}

// MARK: - What a plan run reads, loaded

/// The catalogue, every series and the plan's targets of a run, loaded once: what `PlanAssessor`,
/// `ScenarioPlan` and the batch path read.
public struct PlanInputs: Sendable {
    public var catalogue: IndicatorCatalogue
    public var collection: SeriesCollection
    public var targets: [Target]
    /// Every file read (catalogue, data, targets), for provenance.
    public var files: [URL]
    /// Derived series on another basis (`PlanFiles.otherBasisSeries`): their slope may be used, never their level.
    public var otherBasis: [Series]
    /// Values another bundled source gives differently (`PlanFiles.conflicts`): flagged, never resolved.
    public var conflicts: [ValueConflict] = []

    public init(catalogue: IndicatorCatalogue, collection: SeriesCollection, targets: [Target], files: [URL],
                otherBasis: [Series] = []) {
        self.catalogue = catalogue
        self.collection = collection
        self.targets = targets
        self.files = files
        self.otherBasis = otherBasis
    }

    /// Every series by (indicator, region), with the other-basis series under their own codes: the data
    /// `PlanProjector.project` reads. A data series wins over a derived one with the same key.
    public var seriesByKey: [SeriesKey: Series] {
        var data: [SeriesKey: Series] = [:]
        for s in otherBasis { data[s.key] = s }
        for s in collection.series { data[s.key] = s }
        return data
    }

    /// The regions that have targets, sorted.
    public var targetRegions: [String] { Set(targets.map(\.region)).sorted() }

    /// Reads the data and the targets of `files`.
    public static func load(_ files: PlanFiles) throws -> PlanInputs {
        let collection = try files.readSeries()
        let (url, name) = try files.targets()
        let targets = try Target.read(contentsOf: url, displayName: name, options: files.targetOptions)
        var inputs = PlanInputs(catalogue: files.catalogue, collection: collection, targets: targets,
                                files: try files.files(includingTargets: true),
                                otherBasis: try files.otherBasisSeries(collection: collection))
        inputs.conflicts = try files.conflicts(with: collection)
        return inputs
    }

    /// Catalogue and series only (no targets).
    public static func loadSeries(_ files: PlanFiles) throws -> PlanInputs {
        PlanInputs(catalogue: files.catalogue, collection: try files.readSeries(), targets: [],
                   files: try files.files(includingTargets: false))
    }

    /// The bundled Kon Tum plan with the bundled catalogue and national series.
    public static func bundled() throws -> PlanInputs { try load(PlanFiles.resolve(data: [], targets: nil, catalogue: nil)) }
}
