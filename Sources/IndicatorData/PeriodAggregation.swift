// MARK: - Aggregation rule

/// How the sub-annual values of one indicator become a year.
public enum Aggregation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Counts (cases, doses, births): the annual value is the sum of the periods.
    case sum
    /// Rates and percentages: the annual value is the mean of the periods, weighted by each period's
    /// denominator when the mapping names one (Σ wᵢ·xᵢ / Σ wᵢ, which is the annual rate Σ numᵢ / Σ denᵢ
    /// when xᵢ = numᵢ/denᵢ), else with equal weights.
    case mean
}

// MARK: - PeriodAggregation

/// Months, quarters and half-years of one series in one year, turned into an annual value.
///
/// Rule (stated once, documented in `docs/inputs.md`):
/// - **Completeness.** A year needs at least ⌈N·10/12⌉ of its N periods: 10 of 12 months, 4 of 4 quarters,
///   2 of 2 half-years. A period with an empty value (or, for a weighted mean, no denominator) does not count.
///   Below the threshold the year is **not** an annual value; it is returned as a `PartialYear` (a year-to-date
///   figure when the periods run from the start of the year), never silently used as a year.
/// - **Sum** (counts): Σ xᵢ when all N periods are present; with n < N present (n ≥ threshold) the sum is
///   scaled to the year, Σ xᵢ · N/n, and flagged `annualised from n of N months`. This is the adjustment for
///   incomplete reporting of the WHO Data Quality Review toolkit (2017, Module 2: "adjusted value = reported
///   value / reporting completeness").
/// - **Mean** (rates): Σ wᵢ·xᵢ / Σ wᵢ over the periods present (wᵢ the denominator, or 1), flagged when
///   incomplete.
/// - One value per period: a period given twice is an error; months mixed with quarters in one year too.
public enum PeriodAggregation {
    /// Minimum months of 12 (the threshold for other period kinds is scaled: ⌈N·10/12⌉).
    public static let minimumMonths = 10

    /// Periods needed out of `perYear`.
    public static func required(perYear: Int) -> Int {
        (perYear * minimumMonths + 11) / 12
    }

    /// One sub-annual value.
    public struct Part: Sendable, Hashable {
        public var period: Period
        public var value: Double
        /// Denominator weight (1 for an unweighted mean or a sum).
        public var weight: Double
        public init(period: Period, value: Double, weight: Double = 1) {
            self.period = period
            self.value = value
            self.weight = weight
        }
    }

    /// The annual value, or why there is none.
    public enum Outcome: Sendable, Hashable {
        /// `flag` is nil for a complete year, else e.g. `annualised from 11 of 12 months`.
        case annual(value: Double, flag: String?)
        /// Too few periods: what they add up to (sum, or mean so far), through which month.
        case partial(PartialYear.Figure)
    }

    /// Why parts cannot be aggregated.
    public enum Failure: Error, Sendable, Hashable {
        case duplicate(Period)
        case mixed(Period, Period)
        case zeroWeight
    }

    /// Aggregates the parts of one year (any order).
    /// - Throws: `Failure` for a repeated period, mixed period kinds, or weights that sum to zero.
    /// - Complexity: O(n log n).
    public static func aggregate(_ parts: [Part], rule: Aggregation) throws -> Outcome {
        let sorted = parts.sorted { $0.period.index < $1.period.index }
        guard let first = sorted.first else { return .partial(PartialYear.Figure(value: 0, present: 0, of: 12, throughMonth: 0, contiguous: false)) }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            if a.period.perYear != b.period.perYear { throw Failure.mixed(a.period, b.period) }
            if a.period.index == b.period.index { throw Failure.duplicate(b.period) }
        }
        if let other = sorted.first(where: { $0.period.perYear != first.period.perYear }) {
            throw Failure.mixed(first.period, other.period)
        }
        let n = sorted.count, perYear = first.period.perYear
        let value: Double
        switch rule {
        case .sum:
            value = sorted.reduce(0) { $0 + $1.value }
        case .mean:
            let totalWeight = sorted.reduce(0) { $0 + $1.weight }
            guard totalWeight > 0 else { throw Failure.zeroWeight }
            value = sorted.reduce(0) { $0 + $1.weight * $1.value } / totalWeight
        }
        if n < required(perYear: perYear) {
            let contiguous = sorted.enumerated().allSatisfy { $0.offset + 1 == $0.element.period.index }
            return .partial(PartialYear.Figure(value: value, present: n, of: perYear,
                                               throughMonth: sorted.last?.period.lastMonth ?? 0, contiguous: contiguous))
        }
        if n == perYear { return .annual(value: value, flag: nil) }
        let unit = first.period.kindName + "s"
        switch rule {
        case .sum: return .annual(value: value * Double(perYear) / Double(n), flag: "annualised from \(n) of \(perYear) \(unit)")
        case .mean: return .annual(value: value, flag: "mean of \(n) of \(perYear) \(unit)")
        }
    }
}

// MARK: - PartialYear

/// A year with fewer periods than the completeness threshold: not an annual value, but what a year-to-date
/// report says (e.g. the March report: January–March). `YearToDate` compares it with an annual target.
public struct PartialYear: Sendable, Hashable, Codable {
    /// What the periods present add up to.
    public struct Figure: Sendable, Hashable, Codable {
        /// Sum (counts) or mean (rates) of the periods present.
        public var value: Double
        public var present: Int
        public var of: Int
        /// Last month covered by the latest period present (3 for March or Q1).
        public var throughMonth: Int
        /// The periods present run from the first of the year without a gap (a year-to-date figure).
        public var contiguous: Bool
    }

    public var key: SeriesKey
    public var year: Int
    public var figure: Figure
    public var rule: Aggregation
    /// Where it was read.
    public var file: String
    public var line: Int

    public init(key: SeriesKey, year: Int, figure: Figure, rule: Aggregation, file: String, line: Int) {
        self.key = key
        self.year = year
        self.figure = figure
        self.rule = rule
        self.file = file
        self.line = line
    }
}
