import ArgumentParser
import Attainment
import Export
import Foundation
import Planning
import IndicatorData
import Projection

/// `chitieu attain` (and `chitieu` with no arguments): the plan scorecard.
struct AttainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attain",
        abstract: "Project every plan indicator and judge each 2025/2030 target.",
        discussion: """
            Plan mode (one region): every row of the plan's targets file gets the baseline, the projection \
            for each milestone with 80 % and 95 % prediction intervals, P(attain), the joint probability \
            of meeting both milestones (seeded Monte Carlo), the observed and required annual rates, and \
            verdicts side by side (chitieu's from P(attain); UNICEF/JME; UNSD progress chart; open-sdg), \
            with the series, model, window and method behind each number. With no options it runs on the \
            bundled Kon Tum plan (Datasets/kontum).

            Batch mode (targets for many regions and no --region): every series with targets is projected \
            on the batch path, series with the same years fitted by one multi-right-hand-side LAPACK call; \
            one row per series and milestone. Add --joint for the Monte Carlo joint probability.
            """)

    @Option(help: "Region code to assess (default: the only region in the targets file, VN-28 for the bundled plan).")
    var region: String?

    @OptionGroup var dataOption: DataFilesOption
    @OptionGroup var targetsOption: TargetsOption
    @OptionGroup var catalogueOption: CatalogueOption
    var dataFiles: [String] { dataOption.files }
    var targets: String? { targetsOption.targets }
    var catalogue: String? { catalogueOption.catalogue }

    @Option(help: "Monte Carlo draws for the joint probability.")
    var draws: Int = Scorecard.defaultDraws

    @Option(help: "Seed of every random draw (echoed on stderr and in the output).")
    var seed: UInt64 = Scorecard.defaultSeed

    @Flag(help: "Batch mode: also estimate the joint probability of both milestones by Monte Carlo.")
    var joint = false

    @Option(help: "Batch mode with --joint: only the first N series (sorted by region).")
    var series: Int?

    @OptionGroup var model: ModelOptions
    @OptionGroup var read: DataReadOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard draws >= 100 else { throw ValidationError("Use --draws 100 or more (got \(draws)).") }
        if let series, series < 1 { throw ValidationError("Use --series 1 or more.") }
        if joint, output.format == .sdmx {
            throw ValidationError("Use --format csv, json, xlsx or table with --joint: the joint probabilities (one row "
                + "per series for both milestones) have no period for SDMX's TIME_PERIOD.")
        }
    }

    func run() throws {
        try runReportingErrors {
            // Many regions and no --region: the batch path reads columns (no per-row provenance).
            let files = try PlanFiles.resolve(dataFiles: dataFiles, targetsFile: targets,
                                               catalogueFile: catalogue, read: read)
            if region == nil, let batch = try BatchInputs.loadIfBatch(files) {
                try runBatch(batch)
                return
            }
            let inputs = try PlanInputs.load(files)
            let regions = Set(inputs.targets.map(\.region))
            if region == nil, regions.count > 1 {
                try runBatch(BatchInputs(inputs, dataName: dataFiles.joined(separator: ",")))
            } else {
                guard let chosen = region ?? regions.first else {
                    throw CLIError(message: "the targets file has no rows; give a targets file with at least one target",
                                   code: ExitStatus.dataError)
                }
                try runPlan(inputs, region: chosen)
            }
        }
    }
}
