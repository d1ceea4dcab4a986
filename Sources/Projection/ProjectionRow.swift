import IndicatorData

/// What a tidy projection row holds.
public enum RowKind: String, Sendable, Hashable, Codable, CaseIterable {
    case observed, fitted, projected, target
}

/// One tidy row: (area, indicator, year, kind, level) → value with its interval and the model that made it.
/// The schema pivots in Excel and plots with no reshaping (fable/tidyverts convention).
public struct ProjectionRow: Sendable, Hashable {
    public var area: String
    public var indicator: String
    public var year: Int
    public var kind: RowKind
    public var value: Double
    /// Interval level (0.8, 0.95) for projected/fitted rows with an interval, nil otherwise.
    public var level: Double?
    public var lower: Double?
    public var upper: Double?
    public var model: String
    public var window: String
    public var method: String

    public init(area: String, indicator: String, year: Int, kind: RowKind, value: Double, level: Double? = nil,
                lower: Double? = nil, upper: Double? = nil, model: String, window: String, method: String) {
        self.area = area
        self.indicator = indicator
        self.year = year
        self.kind = kind
        self.value = value
        self.level = level
        self.lower = lower
        self.upper = upper
        self.model = model
        self.window = window
        self.method = method
    }

    public static let columns = ["area", "indicator", "year", "kind", "value", "level", "lower", "upper",
                                 "model", "window", "method"]
}

extension TrendFit {
    /// Tidy rows: every observation, the fitted trend over the window, and for each year after the anchor up
    /// to `to` the projected median with one row per interval level (prediction interval of a new
    /// observation); targets are added by the caller.
    public func rows(observed: Series, to lastYear: Int, levels: [Double] = [0.8, 0.95]) -> [ProjectionRow] {
        let model = modelLabel
        let windowText = "\(window.lowerBound):\(window.upperBound)"
        let methodText = method.description + (calibration.factors.isEmpty ? "" : "; \(calibration.label)")
        var rows: [ProjectionRow] = observed.observations.map {
            ProjectionRow(area: key.region, indicator: key.indicator, year: $0.year, kind: .observed, value: $0.value,
                          model: "data", window: "", method: $0.provenance.source)
        }
        if case .trend = method {
            for year in window {
                let p = predictive(year: year)
                for level in levels {
                    let ci = p.meanInterval(level: level)
                    rows.append(ProjectionRow(area: key.region, indicator: key.indicator, year: year, kind: .fitted,
                                              value: p.median, level: level, lower: ci.lower, upper: ci.upper,
                                              model: model, window: windowText, method: methodText))
                }
            }
        }
        if anchorYear < lastYear {
            for year in (anchorYear + 1)...lastYear {
                let p = predictive(year: year)
                for level in levels {
                    let pi = p.predictionInterval(level: level)
                    rows.append(ProjectionRow(area: key.region, indicator: key.indicator, year: year,
                                              kind: .projected, value: p.median, level: level, lower: pi.lower,
                                              upper: pi.upper, model: model, window: windowText, method: methodText))
                }
            }
        }
        return rows
    }
}
