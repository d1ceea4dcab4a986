import Foundation
import IndicatorData
import Projection
import Testing
@testable import Scenarios

/// The malformed-file corpus of issue 13 (`Fixtures/malformed/`, written by `Fixtures/malformed/make_corpus.py`):
/// scenario files, CSV files (series, targets, catalogue) and calibration JSON, each read in-process the way
/// the CLI reads it. Every file must give, without a crash, within 10 s (a hang guard, not a speed test):
/// an error of a documented category (scenario and calibration files: exit 78; CSV: `DataError`, 65 or 66),
/// a message starting with the file's name, at most ~1,000 characters, with no control character, that
/// contains the fragment the corpus states for it.
@Suite("Malformed-file corpus")
struct MalformedCorpusTests {
    static func folder(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL)
        return base.appendingPathComponent("Fixtures/malformed/\(name)", isDirectory: true)
    }

    static func files(_ name: String, ext: String) -> [String] {
        guard let dir = try? folder(name),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix("." + ext) }.sorted()
    }

    /// `file<TAB>fragment` lines of a folder's EXPECT.tsv.
    static func expectations(_ name: String) throws -> [String: String] {
        let text = try String(contentsOf: try folder(name).appendingPathComponent("EXPECT.tsv"), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return out
    }

    static let catalogue: [String: Indicator] = {
        var out: [String: Indicator] = [:]
        for entry in (try? BundledData.catalogue())?.indicators ?? [] { out[entry.code] = entry }
        return out
    }()

    /// Checks a message's shape and time; `fragment` empty = any message.
    func check(_ message: String?, file: String, fragment: String, started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(10), "\(file) took \(elapsed)")
        guard let message else {
            Issue.record("\(file): read without an error")
            return
        }
        #expect(message.hasPrefix(file), "\(file): message does not start with the file name: \(message.prefix(200))")
        #expect(message.count <= 1000, "\(file): message of \(message.count) characters")
        #expect(!MessageEcho.hasControlCharacters(message), "\(file): control character in \(message.debugDescription.prefix(300))")
        if !fragment.isEmpty { #expect(message.contains(fragment), "\(file): \(message)") }
    }

    @Test("scenario files: exit 78 with file:line:column, key path and fix", arguments: files("scenarios", ext: "yaml"))
    func scenario(name: String) throws {
        let url = try Self.folder("scenarios").appendingPathComponent(name)
        let head = String(decoding: try Data(contentsOf: url).prefix(400), as: UTF8.self)
        let fragment = head.split(separator: "\n").first.map { $0.replacingOccurrences(of: "# expect: ", with: "") } ?? ""
        let started = ContinuousClock.now
        var message: String?
        do {
            _ = try ScenarioParser.read(contentsOf: url, displayName: name, catalogue: Self.catalogue)
        } catch let error as ScenarioError {
            guard case .invalidFile(_, let line, _, _) = error else {
                Issue.record("\(name): not an invalid-file error (exit 78): \(error)")
                return
            }
            #expect(line >= 1 || error.description.contains("UTF-8"), "\(name): no line in \(error)")
            message = error.description
        }
        check(message, file: name, fragment: fragment, started: started)
    }

    @Test("CSV files: DataError (exit 65 or 66) at the cell", arguments: files("csv", ext: "csv"))
    func csv(name: String) throws {
        let url = try Self.folder("csv").appendingPathComponent(name)
        let fragment = try Self.expectations("csv")[name] ?? ""
        let catalogue = try BundledData.catalogue()
        let started = ContinuousClock.now
        var message: String?
        do {
            let spec = FileSpec(url: url, displayName: name)
            let options = spec.effectiveOptions(defaults: FileReadOptions())
            switch try InputReader.layout(of: spec, options: options) {
            case .catalogue:
                _ = try IndicatorCatalogue.read(contentsOf: url, displayName: name, delimiter: .auto)
            case .targets:
                _ = try Target.read(contentsOf: url, displayName: name,
                                    options: options.readOptions(catalogue: catalogue, sourcePriority: []))
            default:
                _ = try InputReader.read(spec: spec, catalogue: catalogue)
            }
        } catch let error as DataError {
            #expect([65, 66].contains(error.exitCode))
            message = error.description
        }
        check(message, file: name, fragment: fragment, started: started)
    }

    /// Interval constants (calibration.json) and, named `borrowing_*.json`, borrowing constants (borrowing.json).
    static let borrowingFiles = files("calibration", ext: "json").filter { $0.hasPrefix("borrowing_") }
    static let calibrationFiles = files("calibration", ext: "json").filter { !$0.hasPrefix("borrowing_") }

    @Test("calibration files: exit 78 with the JSON key path", arguments: calibrationFiles)
    func calibration(name: String) throws {
        let url = try Self.folder("calibration").appendingPathComponent(name)
        let fragment = try Self.expectations("calibration")[name] ?? ""
        let started = ContinuousClock.now
        var message: String?
        do {
            _ = try Calibration.load(from: url, displayName: name)
        } catch let error as CalibrationError {
            message = error.description
        }
        check(message, file: name, fragment: fragment, started: started)
        #expect(message.map { $0.components(separatedBy: name).count - 1 } ?? 1 <= 2, "\(name): path printed more than twice")
    }

    /// The borrowing constants read like calibration.json: file, key path, the value, how to regenerate (exit 78
    /// through `BorrowingCalibrationError`), not the JSON decoder's own text.
    @Test("borrowing calibration files: exit 78 with the JSON key path and the value", arguments: borrowingFiles)
    func borrowing(name: String) throws {
        let url = try Self.folder("calibration").appendingPathComponent(name)
        let fragment = try Self.expectations("calibration")[name] ?? ""
        let started = ContinuousClock.now
        var message: String?
        do {
            _ = try BorrowingCalibration.load(from: url, displayName: name)
        } catch let error as BorrowingCalibrationError {
            message = error.description
        }
        check(message, file: name, fragment: fragment, started: started)
        #expect(message?.contains(BorrowingCalibration.regenerateCommand) == true, "\(name): no fix in \(message ?? "")")
        #expect(message?.contains("CodingKeys") == false, "\(name): the decoder's raw text: \(message ?? "")")
    }

    /// The corpus is the issue's "Done when": at least 150 files.
    @Test func corpusSize() {
        let count = Self.files("scenarios", ext: "yaml").count + Self.files("csv", ext: "csv").count
            + Self.files("calibration", ext: "json").count
        #expect(count >= 150, "\(count) files")
    }
}
