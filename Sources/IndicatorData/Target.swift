/// How a target value is compared with an outcome.
public enum Comparator: String, Sendable, Hashable, Codable, CaseIterable {
    /// strictly below ("dưới", "<")
    case lessThan = "<"
    /// at or below
    case lessOrEqual = "<="
    /// strictly above (">")
    case greaterThan = ">"
    /// at or above
    case greaterOrEqual = ">="
    /// equal within the tolerance of the printed precision (level-and-hold targets such as TFR 2.1)
    case equal = "="

    /// Whether `value` meets `target` under this comparator. For `.equal`, `tolerance` is the half-width
    /// of the band judged equal (half a unit of the last printed digit).
    public func isMet(_ value: Double, target: Double, tolerance: Double = 0) -> Bool {
        switch self {
        case .lessThan: return value < target
        case .lessOrEqual: return value <= target
        case .greaterThan: return value > target
        case .greaterOrEqual: return value >= target
        case .equal: return abs(value - target) <= tolerance
        }
    }
}

/// What kind of target a plan row states; only `level`, `strict` and `hold` carry a number that a
/// projection can be judged against.
public enum TargetKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A number to reach, non-strict (printed without "<"/">"; direction from the catalogue).
    case level
    /// A strict bound printed with "<" or ">".
    case strict
    /// A level to reach and hold (TFR 2.1 = replacement fertility): judged with `Comparator.equal`
    /// within half a unit of the printed precision.
    case hold
    /// A qualitative goal ("Loại trừ sốt rét"): no number, a status instead.
    case qualitative
    /// A number that applies only if a stated condition holds (EPI 95 % "if the Ministry deploys all 12 vaccines").
    case conditional
    /// No local target (indicator assessed nationally only).
    case none

    /// The kind a targets file without a `kind` column means by its comparator: `<`/`>` strict, `=` hold
    /// (a level to reach and hold, judged within half a unit of the printed precision), otherwise level.
    public static func inferred(from comparator: Comparator?) -> TargetKind {
        switch comparator {
        case .lessThan?, .greaterThan?: return .strict
        case .equal?: return .hold
        default: return .level
        }
    }
}

/// One target of a plan for one indicator, region and year.
public struct Target: Sendable, Hashable, Codable {
    public var indicator: String
    public var region: String
    public var year: Int
    /// Target value; `nil` for qualitative and none kinds.
    public var value: Double?
    /// `nil` when there is no number to compare.
    public var comparator: Comparator?
    public var kind: TargetKind
    /// The text as printed in the source (e.g. `"<28,0"`, `"95% với 12 loại vắc xin (...)"`).
    public var text: String
    /// Condition or note (why it is conditional, qualitative or has no local value).
    public var note: String
    /// Plan row number as printed (e.g. `"21"`, `"15.2"`), empty when not from a plan.
    public var planRow: String
    public var provenance: Provenance

    public init(indicator: String, region: String, year: Int, value: Double?, comparator: Comparator?,
                kind: TargetKind, text: String, note: String = "", planRow: String = "",
                provenance: Provenance) {
        self.indicator = indicator
        self.region = region
        self.year = year
        self.value = value
        self.comparator = comparator
        self.kind = kind
        self.text = text
        self.note = note
        self.planRow = planRow
        self.provenance = provenance
    }

    /// Half-width of the band judged equal for `hold` targets: half a unit of the last printed decimal
    /// (2.1 → 0.05).
    public var holdTolerance: Double {
        guard kind == .hold else { return 0 }
        let digits = text.split(whereSeparator: { $0 == "," || $0 == "." }).dropFirst().first?
            .prefix(while: \.isNumber).count ?? 0
        var unit = 1.0
        for _ in 0..<digits { unit /= 10 }
        return unit / 2
    }
}

// MARK: - Plan-row order

/// The order of the plan's appendix: "1" < "2" < … < "15" < "15.1" < "16"; rows without a number last.
public enum PlanRowOrder {
    /// A sort key for a plan-row label (major·10⁴ + minor; a non-numeric part counts as 9,999).
    public static func key(_ text: String) -> Int {
        let parts = text.split(separator: ".").map { Int($0).map { Swift.min(Swift.max($0, 0), 9_999) } ?? 9_999 }
        guard let major = parts.first else { return Int.max }
        return major * 10_000 + (parts.count > 1 ? parts[1] : 0)
    }

    /// The key of an indicator: its targets' plan row, else the catalogue's.
    public static func key(targets: [Target]?, catalogueRow: String?) -> Int {
        key(targets?.first(where: { !$0.planRow.isEmpty })?.planRow ?? catalogueRow ?? "")
    }
}
