import Planning

extension PlanFiles {
    /// The files of a run as the shared options name them (`--data`, `--targets`, `--catalogue`, read options).
    static func resolve(dataFiles: [String], targetsFile: String?, catalogueFile: String?,
                        read: DataReadOptions) throws -> PlanFiles {
        try resolve(data: dataFiles, targets: targetsFile, catalogue: catalogueFile, defaults: read.readDefaults())
    }
}

extension PlanInputs {
    /// Catalogue, series and targets of a run.
    static func load(dataFiles: [String], targetsFile: String?, catalogueFile: String?,
                     read: DataReadOptions) throws -> PlanInputs {
        try load(PlanFiles.resolve(dataFiles: dataFiles, targetsFile: targetsFile, catalogueFile: catalogueFile, read: read))
    }

    /// Catalogue and series only (no targets).
    static func loadSeries(dataFiles: [String], catalogueFile: String?, read: DataReadOptions) throws -> PlanInputs {
        try loadSeries(PlanFiles.resolve(dataFiles: dataFiles, targetsFile: nil, catalogueFile: catalogueFile, read: read))
    }
}
