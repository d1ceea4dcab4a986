import Foundation
import IndicatorData

// MARK: - Status of one target

/// What chitieu can say about a target, before any number: only `assessed` and `conditional` targets carry
/// a probability of attainment; the others get a status instead of a number.
public enum AttainmentStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A numeric target judged against the projection: P(attain) is reported.
    case assessed
    /// A numeric target that applies only if a stated condition holds ("95 % if the Ministry deploys all
    /// 12 vaccines"): P(attain) is computed at the trend, but the condition is flagged, not modelled.
    case conditional(condition: String)
    /// A qualitative goal ("eliminate malaria"): no number to compare, no probability.
    case qualitative(note: String)
    /// No local target for this indicator (assessed nationally only).
    case noTarget(note: String)
    /// There is a numeric target but no projection to judge it (too few data, no comparable series).
    case assessmentNotPossible(reason: String)

    /// Whether a probability is reported under this status.
    public var carriesProbability: Bool {
        switch self {
        case .assessed, .conditional: return true
        case .qualitative, .noTarget, .assessmentNotPossible: return false
        }
    }

    /// Why there is no assessment (`assessmentNotPossible`), else `nil`: the scorecard's `reason` column.
    public var reason: String? {
        if case .assessmentNotPossible(let reason) = self { return reason }
        return nil
    }

    /// Short machine label: assessed | conditional | qualitative | no-target | assessment-not-possible.
    public var label: String {
        switch self {
        case .assessed: return "assessed"
        case .conditional: return "conditional"
        case .qualitative: return "qualitative"
        case .noTarget: return "no-target"
        case .assessmentNotPossible: return "assessment-not-possible"
        }
    }

    public var description: String {
        switch self {
        case .assessed: return "assessed"
        case .conditional(let c): return c.isEmpty ? "conditional" : "conditional: \(c)"
        case .qualitative(let n): return n.isEmpty ? "qualitative target (no number to project)" : "qualitative: \(n)"
        case .noTarget(let n): return n.isEmpty ? "no local target" : "no local target: \(n)"
        case .assessmentNotPossible(let r): return "assessment not possible: \(r)"
        }
    }

    /// The status a target's kind implies when a projection is available.
    public init(target: Target) {
        switch target.kind {
        case .level, .strict, .hold: self = .assessed
        case .conditional: self = .conditional(condition: target.note)
        case .qualitative: self = .qualitative(note: target.note.isEmpty ? target.text : target.note)
        case .none: self = .noTarget(note: target.note)
        }
    }
}

// MARK: - Status of the latest observation

/// Whether the **latest observation** of the series already meets a target (strictness honoured, see
/// `Target.isMet(observed:direction:)`). It is a status reported beside chitieu's verdict, never as the
/// verdict: the verdict comes from P(attain) alone (`ChitieuVerdict`). The latest observation, not the plan's
/// base year, is used: Kon Tum's hospital beds were 40.0 in 2023 (the plan's value) and 39.3 in 2024, so a
/// "≥ 40" target is **not** met at the latest observation.
public struct LatestObservationStatus: Sendable, Hashable, Codable {
    public let year: Int
    public let value: Double
    public let met: Bool

    public init(year: Int, value: Double, met: Bool) {
        self.year = year
        self.value = value
        self.met = met
    }

    /// The status of `observation` against `target`; `nil` when the target has no number to compare.
    public init?(target: Target, direction: Direction, observation: Observation?) {
        guard let observation, let met = target.isMet(observed: observation.value, direction: direction) else {
            return nil
        }
        self.init(year: observation.year, value: observation.value, met: met)
    }

    /// A note for a met target whose probability of still being met is below one half, e.g. "the target ≥ 40
    /// is already met in 2024 (40.2), but P(still met in 2030) = 0.30"; `nil` otherwise.
    public func note(target: Target, probability: Double?) -> String? {
        guard met, let p = probability, p < ChitieuVerdict.uncertainCut else { return nil }
        return "the target \(target.text) is already met in \(year) (\(formatted(value))), but "
            + "P(still met in \(target.year)) = \(String(format: "%.2f", p)); the verdict follows P"
    }
}

// MARK: - Comparator resolution and observed values

extension Target {
    /// The comparator used to judge this target. A printed comparator wins; a `level` target printed
    /// without one takes the non-strict comparator of the indicator's direction (`<=` when lower is better,
    /// `>=` when higher is better); a `hold` target is `=`. `nil` when there is no number to compare.
    public func resolvedComparator(direction: Direction) -> IndicatorData.Comparator? {
        guard value != nil else { return nil }
        if let comparator { return comparator }
        switch kind {
        case .hold: return .equal
        case .level, .strict, .conditional:
            return direction == .lowerIsBetter ? .lessOrEqual : .greaterOrEqual
        case .qualitative, .none: return nil
        }
    }

    /// Whether an observed value meets the target, honouring strictness: baseline 25 vs "<25" is **not**
    /// met, vs "<=25" is met. `hold` targets use `holdTolerance` (half a unit of the printed precision).
    /// - Returns: `nil` when the target has no number (qualitative, none) or no comparator can be resolved.
    public func isMet(observed: Double, direction: Direction = .lowerIsBetter) -> Bool? {
        guard let value, let comparator = resolvedComparator(direction: direction) else { return nil }
        return comparator.isMet(observed, target: value, tolerance: holdTolerance)
    }

    /// A warning when the comparator points against the indicator's direction (a "<" target on a
    /// higher-is-better indicator is suspicious: either the catalogue direction or the target is wrong).
    public func comparatorWarning(direction: Direction) -> String? {
        guard let comparator else { return nil }
        switch (comparator, direction) {
        case (.lessThan, .higherIsBetter), (.lessOrEqual, .higherIsBetter):
            return "target \(text) for \(indicator) \(year) asks for a value below \(formatted(value)), "
                + "but the catalogue says higher is better; check the target or the indicator's direction"
        case (.greaterThan, .lowerIsBetter), (.greaterOrEqual, .lowerIsBetter):
            return "target \(text) for \(indicator) \(year) asks for a value above \(formatted(value)), "
                + "but the catalogue says lower is better; check the target or the indicator's direction"
        default: return nil
        }
    }
}

func formatted(_ x: Double?) -> String {
    guard let x else { return "—" }
    return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}
