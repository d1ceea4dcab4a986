// B4: business as usual plus scenarios for many regions, end to end (Benchmarks/README.md).
//
//   chitieu-scenario-bench --data S.csv --targets T.csv --out O.csv [--draws N] [--check] A.yaml B.yaml …
//
// Reads the data and targets, fits every targeted indicator of every region as `chitieu attain` does
// (PlanProjector with the shipped calibration), runs each scenario file on every region (`region:` is
// replaced by the region), and writes one CSV row per (scenario, region, indicator, milestone). Regions run
// in parallel on all cores. --check also compares each region's business-as-usual run (the first file)
// with the scorecard row (`Scorecard.row`) and checks that no scenario lowers a resource's P(attain) below
// business as usual when it only adds staff (the files in Benchmarks/b4 do). Timing and counts go to stderr.
import Attainment
import Dispatch
import Foundation
import IndicatorData
import Projection
import Scenarios

struct Options {
    var data = ""
    var targets = ""
    var out = ""
    var draws: Int?
    var check = false
    var scenarios: [String] = []

    static func parse(_ args: [String]) -> Options? {
        var o = Options()
        var i = 0
        while i < args.count {
            let a = args[i]
            func value() -> String? { i + 1 < args.count ? args[i + 1] : nil }
            switch a {
            case "--data": guard let v = value() else { return nil }; o.data = v; i += 2
            case "--targets": guard let v = value() else { return nil }; o.targets = v; i += 2
            case "--out": guard let v = value() else { return nil }; o.out = v; i += 2
            case "--draws": guard let v = value(), let n = Int(v), n > 0 else { return nil }; o.draws = n; i += 2
            case "--check": o.check = true; i += 1
            default: o.scenarios.append(a); i += 1
            }
        }
        return o.data.isEmpty || o.targets.isEmpty || o.out.isEmpty || o.scenarios.isEmpty ? nil : o
    }
}

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("chitieu-scenario-bench: \(message)\n".utf8))
    exit(code)
}

/// One region's inputs, fitted as the scorecard fits them.
func regionInputs(region: String, data: [SeriesKey: Series], byRegion: [String: [String: Series]],
                  targets: [Target], catalogue: IndicatorCatalogue, codes: [String: Indicator],
                  policy: ProjectionPolicy, resources: Set<String>) -> (ScenarioInputs, [String: ScorecardRow]) {
    var series = byRegion[region] ?? [:]
    var fits: [String: TrendFit] = [:], unassessable: [String: String] = [:], baselines: [String: Observation] = [:]
    var rows: [String: ScorecardRow] = [:]
    let targeted = Dictionary(grouping: targets, by: \.indicator)
    for code in Set(targeted.keys).union(resources).sorted() {
        guard let indicator = catalogue[code] else { continue }
        let projection = PlanProjector.project(indicator: indicator, region: region, data: data, policy: policy)
        if let fit = projection.fit { fits[code] = fit } else { unassessable[code] = projection.reason ?? "no usable series" }
        if let s = projection.series { series[code] = s }
        let baseline = projection.series.flatMap { s in s.observations.first { $0.year == 2023 } ?? s.observations.last }
        if let baseline { baselines[code] = baseline }
        if let t = targeted[code] {
            rows[code] = Scorecard.row(indicator: indicator, targets: t, baseline: baseline, fit: projection.fit,
                                       draws: 1000, reason: projection.reason ?? "no usable series")
        }
    }
    return (ScenarioInputs(catalogue: codes, series: series, fits: fits, unassessable: unassessable, targets: targets,
                           baselines: baselines), rows)
}

/// Problems of one region's runs under --check (empty when all agree).
func check(_ results: [ScenarioResult], scorecard: [String: ScorecardRow]) -> [String] {
    guard let bau = results.first else { return [] }
    var problems: [String] = []
    for (code, row) in scorecard {
        for m in row.milestones {
            guard let a = bau.attainment.first(where: { $0.indicator == code && $0.year == m.year && $0.targetText == m.targetText })
            else { continue }
            let same = a.probability == m.probability && a.pi95 == m.pi95
                && (a.median ?? .nan).isApproximatelyEqual(to: m.projectedMedian ?? .nan)
            if !same { problems.append("\(bau.region) \(code) \(m.year): BAU \(String(describing: a.probability)) vs scorecard \(String(describing: m.probability))") }
        }
    }
    for lever in results.dropFirst() {
        for a in lever.attainment where Resource.allCases.map(\.indicator).contains(a.indicator) {
            guard let p = a.probability,
                  let b = bau.attainment.first(where: { $0.indicator == a.indicator && $0.year == a.year })?.probability
            else { continue }
            if p < b { problems.append("\(lever.region) \(lever.name) \(a.indicator) \(a.year): P \(p) below BAU \(b)") }
        }
    }
    return problems
}

extension Double {
    func isApproximatelyEqual(to other: Double) -> Bool {
        (self.isNaN && other.isNaN) || abs(self - other) <= 1e-9 * Swift.max(1, abs(other))
    }
}

func csvRows(_ r: ScenarioResult) -> String {
    func n(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
    var out = ""
    for a in r.attainment {
        out += "\(r.name),\(r.region),\(a.indicator),\(a.year),\(n(a.median)),\(n(a.pi95?.lower)),\(n(a.pi95?.upper)),"
            + "\(n(a.probability)),\(n(a.probabilitySE)),\(a.probabilityMethod)\n"
    }
    for s in r.resources {
        out += "\(r.name),\(r.region),\(s.resource.rawValue)_cost_increment_pv,\(r.horizon),\(n(s.increment?.presentValue)),,,,,\n"
    }
    return out
}

// MARK: - Main

guard let options = Options.parse(Array(CommandLine.arguments.dropFirst())) else {
    fail("usage: chitieu-scenario-bench --data S.csv --targets T.csv --out O.csv [--draws N] [--check] A.yaml B.yaml …",
         code: 64)
}
let clock = ContinuousClock()
let start = clock.now
do {
    let catalogue = try BundledData.catalogue()
    var codes: [String: Indicator] = [:]
    for entry in catalogue.indicators { codes[entry.code] = entry }
    let read = ReadOptions(catalogue: catalogue)
    let collection = try SeriesReader.read(contentsOf: URL(fileURLWithPath: options.data), options: read)
    let targets = try Target.read(contentsOf: URL(fileURLWithPath: options.targets), options: read)
    var data: [SeriesKey: Series] = [:]
    var byRegion: [String: [String: Series]] = [:]
    for s in collection.series {
        data[s.key] = s
        byRegion[s.region, default: [:]][s.indicator] = s
    }
    var policy = ProjectionPolicy()
    let calibration = try Calibration.load(from: BundledData.file("calibration/calibration.json"))
    for indicator in catalogue.indicators {
        policy.calibrations[indicator.code] = calibration.intervalCalibration(forIndicator: indicator.code)
    }
    let scenarios = try options.scenarios.map { path -> Scenario in
        var s = try ScenarioParser.read(contentsOf: URL(fileURLWithPath: path), catalogue: codes)
        if let draws = options.draws { s.draws = draws }
        return s
    }
    let resources = Set(scenarios.flatMap { $0.resources.keys.map(\.indicator) })
    let (frozenData, frozenByRegion, frozenCodes, frozenPolicy) = (data, byRegion, codes, policy)
    let targetsByRegion = Dictionary(grouping: targets, by: \.region)
    let regions = targetsByRegion.keys.sorted()
    let loaded = clock.now
    let outputs = UnsafeMutableBufferPointer<(String, [String])>.allocate(capacity: regions.count)
    outputs.initialize(repeating: ("", []))
    nonisolated(unsafe) let slots = outputs
    DispatchQueue.concurrentPerform(iterations: regions.count) { i in
        let region = regions[i]
        let (inputs, scorecard) = regionInputs(region: region, data: frozenData, byRegion: frozenByRegion,
                                               targets: targetsByRegion[region] ?? [], catalogue: catalogue,
                                               codes: frozenCodes, policy: frozenPolicy, resources: resources)
        var results: [ScenarioResult] = []
        for var s in scenarios {
            s.region = region
            do { results.append(try ScenarioRunner(scenario: s, inputs: inputs).run()) } catch {
                slots[i] = ("", ["\(region) \(s.name): \(error)"])
                return
            }
        }
        slots[i] = (results.map(csvRows).joined(), options.check ? check(results, scorecard: scorecard) : [])
    }
    var text = "scenario,region,indicator,year,median,pi95_lower,pi95_upper,p_attain,p_attain_se,p_method\n"
    var problems: [String] = []
    for (csv, issues) in outputs { text += csv; problems += issues }
    outputs.deallocate()
    try Data(text.utf8).write(to: URL(fileURLWithPath: options.out), options: .atomic)
    let end = clock.now
    let draws = scenarios.first?.draws ?? 0
    FileHandle.standardError.write(Data(("B4: \(regions.count) regions × \(scenarios.count) scenarios, "
        + "\(Set(targets.map(\.indicator)).count) indicators, \(draws) draws: read \(loaded - start), "
        + "fit + run + write \(end - loaded), total \(end - start)\n").utf8))
    if !problems.isEmpty {
        fail("\(problems.count) check(s) failed, e.g. \(problems.prefix(5).joined(separator: "; "))", code: 1)
    }
} catch {
    fail("\(error)", code: 65)
}
