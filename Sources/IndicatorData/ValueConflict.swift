import Foundation


// MARK: - Two sources, two values for the same key

/// The same (indicator, region, year) with different values in the run's data and in a cross-check file
/// (Kon Tum's 2023 full immunisation: 52.5 % in the plan appendix, 58.7 % in the March-2024 report). Never
/// resolved silently: the data's value is used, and the assessment says so (`PlanAssessor`).
public struct ValueConflict: Sendable, Hashable, CustomStringConvertible {
    public var key: SeriesKey
    public var year: Int
    /// The value the run uses (from its data files) and the other one (from the cross-check file).
    public var used: Observation
    public var other: Observation

    public var description: String {
        "conflicting \(year) values: \(formatted(used.value)) (\(used.provenance.source); used) vs "
            + "\(formatted(other.value)) (\(other.provenance.source); \(other.provenance.file):\(other.provenance.line)), "
            + "not resolved: the verdicts use \(formatted(used.value)); check which figure the plan means"
    }

    private func formatted(_ x: Double) -> String { String(format: "%g", x) }

    /// Every key and year that `other` gives a different value for (relative difference above 1e-9).
    public static func find(in data: [Series], against other: [Series]) -> [ValueConflict] {
        var byKey: [SeriesKey: Series] = [:]
        for s in data { byKey[s.key] = s }
        var out: [ValueConflict] = []
        for s in other {
            guard let mine = byKey[s.key] else { continue }
            for o in s.observations {
                guard let used = mine.observations.first(where: { $0.year == o.year }) else { continue }
                if abs(used.value - o.value) > 1e-9 * Swift.max(1, abs(o.value)) {
                    out.append(ValueConflict(key: s.key, year: o.year, used: used, other: o))
                }
            }
        }
        return out.sorted { ($0.key, $0.year) < ($1.key, $1.year) }
    }
}
