import Foundation

// MARK: - Seeds

/// A file mutants are made from: a corpus file or a valid bundled file.
struct SeedFile {
    /// Seeds larger than this are cut at a line break (mutating a multi-megabyte file costs time, not coverage).
    static let maxBytes = 512 << 10

    var path: String
    var target: FuzzTarget
    var bytes: [UInt8]

    /// The malformed corpus and every CSV, YAML and JSON file under Datasets/, sorted by path (the order,
    /// like the generator, must not depend on the file system for a seed to reproduce a run).
    static func collect(root: URL) throws -> [SeedFile] {
        let folders = ["Tests/ScenariosTests/Fixtures/malformed", "Datasets"]
        var out: [SeedFile] = []
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let relative as String in walker {
                guard let target = FuzzTarget(path: relative) else { continue }
                let url = base.appendingPathComponent(relative)
                var bytes = Array(try Data(contentsOf: url))
                if bytes.count > maxBytes {
                    let cut = bytes[..<maxBytes].lastIndex(of: 0x0A).map { $0 + 1 } ?? maxBytes
                    bytes.removeSubrange(cut...)
                }
                out.append(SeedFile(path: folder + "/" + relative, target: target, bytes: bytes))
            }
        }
        return out.sorted { $0.path < $1.path }
    }
}

// MARK: - The loop

/// Seeds first (each read once as it is), then mutants until the time or the count runs out.
struct FuzzRun {
    static let timeLimit = Duration.seconds(10)
    static let memoryLimit = 1 << 30
    /// Failures reported in full (the run goes on and counts the rest).
    static let reportedFailures = 20

    let seeds: [SeedFile]
    let byTarget: [FuzzTarget: [Int]]
    let feeder: Feeder
    let work: URL
    let options: Options
    let watchdog = Watchdog(limit: FuzzRun.timeLimit, memoryLimit: FuzzRun.memoryLimit)
    var mutator: Mutator

    var inputs = 0
    var mutants = 0
    var accepted = 0
    var refused: [String: Int] = [:]
    var failures = 0
    var memoryExceeded = false
    var worst: (time: Duration, what: String) = (.zero, "none")
    var elapsed = Duration.zero

    init(seeds: [SeedFile], feeder: Feeder, work: URL, options: Options) {
        self.seeds = seeds
        var groups: [FuzzTarget: [Int]] = [:]
        for (i, seed) in seeds.enumerated() { groups[seed.target, default: []].append(i) }
        byTarget = groups
        self.feeder = feeder
        self.work = work
        self.options = options
        mutator = Mutator(seed: options.seed)
    }

    /// Runs the loop; true when some input failed.
    mutating func run() -> Bool {
        installCrashReporter()
        watchdog.start()
        let clock = ContinuousClock()
        let began = clock.now
        if options.replay == nil {
            for seed in seeds { feed(seed.bytes, target: seed.target, what: "seed file \(seed.path)") }
        }
        let deadline = began + .milliseconds(Int64(options.seconds * 1000))
        let targets = FuzzTarget.allCases
        var k = 0
        while k < options.maxMutants && (options.replay.map { k <= $0 } ?? (clock.now < deadline)) {
            // Kinds in turn, so that each gets a third of the mutants whatever the number of seeds.
            let target = targets[k % targets.count]
            let group = byTarget[target] ?? []
            let seed = seeds[group[mutator.below(group.count)]]
            let donor = seeds[group[mutator.below(group.count)]]
            let bytes = mutator.mutate(seed.bytes, donor: donor.bytes)
            if options.replay.map({ $0 == k }) ?? true {
                feed(bytes, target: target, what: "mutant \(k) of seed \(options.seed) (from \(seed.path))")
                mutants += 1
            }
            k += 1
        }
        elapsed = clock.now - began
        return failures > 0
    }

    /// Writes the input where the readers (and a person reproducing a crash) find it, and reads it.
    private mutating func feed(_ bytes: [UInt8], target: FuzzTarget, what: String) {
        let name = "fuzz-input.\(target.fileExtension)"
        let url = work.appendingPathComponent(name)
        do { try Data(bytes).write(to: url) } catch {
            fail("cannot write \(url.path): \(error)", bytes: nil, target: target, what: what)
            return
        }
        setCrashReport("\(what); the input is \(url.path)")
        watchdog.begin(what)
        let started = ContinuousClock.now
        let outcome = feeder.feed(url, name: name, as: target)
        let time = ContinuousClock.now - started
        watchdog.end()
        inputs += 1
        if time > worst.time { worst = (time, what) }
        // The watchdog samples every 100 ms; the high-water mark, read after every input, catches a short one.
        if !memoryExceeded, peakResidentBytes() > Self.memoryLimit {
            memoryExceeded = true
            fail("peak resident memory \(peakResidentBytes() >> 20) MiB passed \(Self.memoryLimit >> 20) MiB",
                 bytes: bytes, target: target, what: what)
        }
        switch outcome {
        case .accepted: accepted += 1
        case .refused(let category, let message):
            refused[category, default: 0] += 1
            if let problem = Feeder.messageProblem(message, name: name) {
                fail("\(problem): \(message.prefix(300).debugDescription)", bytes: bytes, target: target, what: what)
            }
        case .undocumented(let text):
            fail("an error of an undocumented type: \(text.prefix(500))", bytes: bytes, target: target, what: what)
        }
    }

    private mutating func fail(_ message: String, bytes: [UInt8]?, target: FuzzTarget, what: String) {
        failures += 1
        guard failures <= Self.reportedFailures else { return }
        var saved = ""
        if let bytes {
            let url = work.appendingPathComponent("failure-\(failures).\(target.fileExtension)")
            if (try? Data(bytes).write(to: url)) != nil { saved = "; reproducer \(url.path)" }
        }
        FileHandle.standardError.write(Data("chitieu-fuzz: FAIL: \(what): \(message)\(saved)\n".utf8))
    }

    /// The summary: seed, inputs, mutants, outcomes, worst time, peak memory, failures.
    func report() -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let worstSeconds = Double(worst.time.components.seconds) + Double(worst.time.components.attoseconds) / 1e18
        let categories = refused.keys.sorted().map { "\($0) \(refused[$0] ?? 0)" }.joined(separator: ", ")
        return """
            chitieu-fuzz: seed \(options.seed), \(mutants) mutants (+ \(seeds.count) seed files) in \
            \(String(format: "%.1f", seconds)) s
              accepted \(accepted), refused \(refused.values.reduce(0, +)) (\(categories))
              worst time per input \(String(format: "%.3f", worstSeconds)) s (\(worst.what))
              peak resident memory \(peakResidentBytes() >> 20) MiB (limit \(Self.memoryLimit >> 20) MiB)
              failures \(failures)
            """
    }
}
