import Foundation
import IndicatorData
import Projection
import Scenarios

// MARK: - What a mutant is fed to

/// The readers a mutant goes through, in-process, the way the CLI reads a file of that kind.
enum FuzzTarget: String, CaseIterable {
    /// CSV: layout detection, then the catalogue, targets (full and columnar), regions or series reader
    /// (`InputReader.read` and `readColumns`).
    case csv
    /// A scenario YAML file: `ScenarioParser.read` with the bundled catalogue.
    case scenario
    /// A calibration JSON file: the interval and the borrowing calibration decoders.
    case calibration

    init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": self = .csv
        case "yaml", "yml": self = .scenario
        case "json": self = .calibration
        default: return nil
        }
    }

    var fileExtension: String {
        switch self {
        case .csv: return "csv"
        case .scenario: return "yaml"
        case .calibration: return "json"
        }
    }
}

/// How one input ended.
enum Outcome {
    /// Read without an error.
    case accepted
    /// Refused with an error of a documented category (`category` names it); `message` as the CLI prints it.
    case refused(category: String, message: String)
    /// Anything else: an error type the CLI does not map to a documented exit code.
    case undocumented(String)
}

/// Feeds files to the readers; holds what every call shares (the bundled catalogue).
struct Feeder {
    let catalogue: IndicatorCatalogue
    let catalogueByCode: [String: Indicator]

    init() throws {
        catalogue = try BundledData.catalogue()
        var byCode: [String: Indicator] = [:]
        for entry in catalogue.indicators { byCode[entry.code] = entry }
        catalogueByCode = byCode
    }

    /// Reads the file at `url` (named `name` in messages) as `target`.
    func feed(_ url: URL, name: String, as target: FuzzTarget) -> Outcome {
        do {
            switch target {
            case .csv: try readCSV(url, name: name)
            case .scenario: _ = try ScenarioParser.read(contentsOf: url, displayName: name, catalogue: catalogueByCode)
            case .calibration:
                let data = try Data(contentsOf: url)
                // Both decoders see every JSON mutant; the first refusal is the outcome (as for a CLI run).
                var first: Outcome?
                do { _ = try Calibration.decode(data, displayName: name) } catch { first = Self.classify(error) }
                do { _ = try BorrowingCalibration.decode(data, file: name) } catch { first = first ?? Self.classify(error) }
                return first ?? .accepted
            }
            return .accepted
        } catch {
            return Self.classify(error)
        }
    }

    private func readCSV(_ url: URL, name: String) throws {
        let spec = FileSpec(url: url, displayName: name)
        let options = spec.effectiveOptions(defaults: FileReadOptions())
        let header = (try? Data(contentsOf: url).prefix(4096)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if header.hasPrefix("code,") && header.split(separator: "\n").first?.contains("parent") == true {
            _ = try RegionHierarchy.read(bytes: Array(try Data(contentsOf: url)), file: name)
            return
        }
        switch try InputReader.layout(of: spec, options: options) {
        case .catalogue:
            _ = try IndicatorCatalogue.read(contentsOf: url, displayName: name, delimiter: .auto)
        case .targets:
            let read = options.readOptions(catalogue: catalogue, sourcePriority: [])
            _ = try Target.read(contentsOf: url, displayName: name, options: read)
            _ = try Target.readColumns(contentsOf: url, displayName: name, options: read)
        default:
            _ = try InputReader.read(spec: spec, catalogue: catalogue)
            _ = try InputReader.readColumns([spec], catalogue: catalogue)
        }
    }

    /// The documented categories: `DataError` (exit 65/66), `ScenarioError.invalidFile` (78),
    /// `CalibrationError.unreadable` and `BorrowingCalibrationError` (78).
    static func classify(_ error: any Error) -> Outcome {
        switch error {
        case let e as DataError: return .refused(category: "data (\(e.exitCode))", message: e.description)
        case let e as ScenarioError:
            if case .invalidFile = e { return .refused(category: "scenario (78)", message: e.description) }
            return .undocumented("ScenarioError other than invalidFile: \(e)")
        case let e as CalibrationError:
            if case .unreadable = e { return .refused(category: "calibration (78)", message: e.description) }
            return .undocumented("CalibrationError other than unreadable: \(e)")
        case let e as BorrowingCalibrationError: return .refused(category: "calibration (78)", message: e.description)
        default: return .undocumented("\(type(of: error)): \(error)")
        }
    }

    /// What is wrong with a refusal's message, if anything: every message names the file, is at most 1,000
    /// characters and holds no control character (the corpus test's rules, docs/robustness.md).
    static func messageProblem(_ message: String, name: String) -> String? {
        if !message.hasPrefix(name) { return "the message does not start with the file name" }
        if message.count > 1000 { return "a message of \(message.count) characters (at most 1,000)" }
        if MessageEcho.hasControlCharacters(message) { return "a control character in the message" }
        return nil
    }
}
