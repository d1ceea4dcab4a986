import Foundation
import IndicatorData

// chitieu-fuzz: the fuzz smoke of issue 13 (docs/robustness.md). A seeded mutation loop over the malformed
// corpus (Tests/ScenariosTests/Fixtures/malformed) and the valid bundled files (Datasets), each mutant read
// in-process by the CSV InputReader, the ScenarioParser and the calibration decoders. Fails (exit 1) when an
// input crashes, runs over 10 s, takes the process past 1 GiB of peak resident memory, throws an error of an
// undocumented type, or gives a message that does not name the file, is over 1,000 characters or holds a
// control character. Prints the seed, the number of mutants, the worst time per input and the peak memory.
//
//     swift run chitieu-fuzz --seconds 60 --seed 1      (scripts/test)
//     swift run chitieu-fuzz --seed 1 --replay 1234     (feeds mutant 1234 of seed 1 only)

let usage = """
    usage: chitieu-fuzz [--seconds N] [--seed S] [--max-mutants N] [--replay K] [--root DIR] [--work DIR]
      --seconds N      how long to mutate (default 60)
      --seed S         seed of the mutation generator (default 1); printed in the report
      --max-mutants N  stop after N mutants (default: no limit)
      --replay K       generate mutants 0…K of the seed, feed only mutant K (to reproduce a failure)
      --root DIR       package root holding Datasets/ and Tests/ (default: the current directory)
      --work DIR       where mutants and reproducers are written (default: ROOT/.build/chitieu-fuzz)
    """

struct Options {
    var seconds = 60.0
    var seed: UInt64 = 1
    var maxMutants = Int.max
    var replay: Int?
    var root = FileManager.default.currentDirectoryPath
    var work: String?

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let v = rest.popFirst() else { Self.usageError("\(flag) needs a value") }
            return v
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--seconds":
                guard let s = Double(value(flag)), s.isFinite, s >= 0, s <= 86_400 else {
                    Self.usageError("--seconds must be a number of seconds from 0 to 86400")
                }
                seconds = s
            case "--seed":
                guard let s = UInt64(value(flag)) else { Self.usageError("--seed must be a whole number ≥ 0") }
                seed = s
            case "--max-mutants":
                guard let n = Int(value(flag)), n >= 0 else { Self.usageError("--max-mutants must be a whole number ≥ 0") }
                maxMutants = n
            case "--replay":
                guard let k = Int(value(flag)), k >= 0 else { Self.usageError("--replay must be a mutant number ≥ 0") }
                replay = k
            case "--root": root = value(flag)
            case "--work": work = value(flag)
            case "-h", "--help":
                print(usage)
                exit(0)
            default: Self.usageError("unknown option \(MessageEcho.quoted(flag))")
            }
        }
    }

    static func usageError(_ message: String) -> Never {
        FileHandle.standardError.write(Data("chitieu-fuzz: \(message)\n\(usage)\n".utf8))
        exit(64)
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let root = URL(fileURLWithPath: options.root, isDirectory: true)
let work = URL(fileURLWithPath: options.work ?? root.appendingPathComponent(".build/chitieu-fuzz").path, isDirectory: true)
do {
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let seeds = try SeedFile.collect(root: root)
    guard FuzzTarget.allCases.allSatisfy({ t in seeds.contains { $0.target == t } }) else {
        FileHandle.standardError.write(Data("chitieu-fuzz: no seed files of every kind under \(root.path) (run from the package root or pass --root)\n".utf8))
        exit(66)
    }
    var run = FuzzRun(seeds: seeds, feeder: try Feeder(), work: work, options: options)
    let failed = run.run()
    print(run.report())
    exit(failed ? 1 : 0)
} catch {
    FileHandle.standardError.write(Data("chitieu-fuzz: \(error)\n".utf8))
    exit(70)
}
