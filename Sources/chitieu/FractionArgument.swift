import ArgumentParser
import Scenarios

/// A rate or share on the command line, read as a scenario file reads it (`ScenarioNumber`, one percent
/// convention): `0.03` or `3%` both mean 3 %.
struct Fraction: ExpressibleByArgument, Sendable, CustomStringConvertible {
    let value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
        guard let value = ScenarioNumber.parse(argument, unit: .fraction) else { return nil }
        self.value = value
    }

    var description: String { "\(value)" }
    var defaultValueDescription: String { "\(value)" }
}

/// `ValidationError` unless `value` lies in `range`, worded as what to use.
func requireRange<T: Comparable>(_ value: T?, _ range: ClosedRange<T>, option: String, what: String) throws {
    guard let value else { return }
    guard range.contains(value) else {
        throw ValidationError("Use \(option) from \(range.lowerBound) to \(range.upperBound) (\(what)); got \(value).")
    }
}
