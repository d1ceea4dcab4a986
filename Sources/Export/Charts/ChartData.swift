import Foundation

// MARK: - Chart inputs (plain numbers: the Export module knows nothing of models)

/// An observed value.
public struct ChartPoint: Sendable, Equatable {
    public var year: Double
    public var value: Double
    public init(year: Double, value: Double) {
        self.year = year
        self.value = value
    }
}

/// A projected year: the mean and nested 80 % and 95 % prediction intervals.
public struct FanPoint: Sendable, Equatable {
    public var year: Double
    public var mean: Double
    public var lower80: Double
    public var upper80: Double
    public var lower95: Double
    public var upper95: Double

    public init(year: Double, mean: Double, lower80: Double, upper80: Double, lower95: Double, upper95: Double) {
        self.year = year
        self.mean = mean
        self.lower80 = lower80
        self.upper80 = upper80
        self.lower95 = lower95
        self.upper95 = upper95
    }

    var values: [Double] { [mean, lower80, upper80, lower95, upper95] }
}

/// One projection fan (one scenario).
public struct FanSeries: Sendable, Equatable {
    /// Scenario name shown in the legend (ignored when the chart has a single fan).
    public var name: String
    public var points: [FanPoint]
    public init(name: String, points: [FanPoint]) {
        self.name = name
        self.points = points
    }
}

/// A plan target drawn as a marker, labelled with its year, comparator and value (e.g. "2025: < 25").
public struct TargetMarker: Sendable, Equatable {
    public var year: Double
    public var value: Double
    /// As written in the plan: `<`, `≤`, `>`, `≥`, `=`.
    public var comparator: String

    public init(year: Double, value: Double, comparator: String) {
        self.year = year
        self.value = value
        self.comparator = comparator
    }

    /// "2025: < 25" (decimal point).
    public var label: String { label(.en) }

    /// "2025: < 25", "2030: ≥ 2,5" — the value with the language's decimal mark.
    public func label(_ language: Language) -> String {
        let value = language.localizedNumber(NumberFormatting.format(value) ?? "")
        return "\(NumberFormatting.format(year) ?? ""): \(comparator) \(value)"
    }
}

// MARK: - Validation

enum ChartValidation {
    static func finite(_ value: Double, _ what: String, year: Double) throws {
        guard value.isFinite else {
            throw ExportError(.badChartData, message: "The \(what) for \(NumberFormatting.format(year) ?? "?") is "
                              + "\(value); a chart needs finite numbers. Drop that year or fix the input.")
        }
    }

    static func check(observed: [ChartPoint], fans: [FanSeries], targets: [TargetMarker]) throws {
        for point in observed {
            try finite(point.year, "year of an observed value", year: 0)
            try finite(point.value, "observed value", year: point.year)
        }
        for fan in fans {
            for point in fan.points {
                try finite(point.year, "year of a projected value", year: 0)
                for value in point.values { try finite(value, "projection of \(fan.name)", year: point.year) }
                guard point.lower95 <= point.lower80, point.lower80 <= point.upper80, point.upper80 <= point.upper95 else {
                    throw ExportError(.badChartData, message: "The intervals of \(fan.name) for "
                                      + "\(NumberFormatting.format(point.year) ?? "?") are not nested "
                                      + "(95 % lower ≤ 80 % lower ≤ 80 % upper ≤ 95 % upper); check the projection.")
                }
            }
        }
        for target in targets {
            try finite(target.year, "year of a target", year: 0)
            try finite(target.value, "target", year: target.year)
        }
    }

    static func size(width: Double, height: Double, minimumWidth: Double, minimumHeight: Double) throws {
        guard width.isFinite, height.isFinite, width >= minimumWidth, height >= minimumHeight,
              width <= 10_000, height <= 10_000 else {
            throw ExportError(.badOption, message: "Chart size \(NumberFormatting.format(width) ?? "?")×"
                              + "\(NumberFormatting.format(height) ?? "?") is out of range; use a width of "
                              + "\(Int(minimumWidth))–10000 and a height of \(Int(minimumHeight))–10000 pixels.")
        }
    }
}

// MARK: - Colours

enum ChartPalette {
    /// Scenario colours: the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal
    /// Design"), starting with blue so a single projection is blue.
    static let scenarios = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    static let observed = "#222222"
    static let target = "#B2182B"
    static let grid = "#E3E3E3"
    static let axis = "#555555"

    static func scenario(_ index: Int) -> String { scenarios[((index % scenarios.count) + scenarios.count) % scenarios.count] }
}
