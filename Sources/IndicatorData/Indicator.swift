/// Which way is better for an indicator.
public enum Direction: String, Sendable, Hashable, Codable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
}

/// The scale on which a trend is modelled.
public enum ModelScale: String, Sendable, Hashable, Codable, CaseIterable {
    /// value ~ a + b·t
    case linear
    /// log(value) ~ a + b·t (rates and ratios: mortality, TFR, incidence)
    case log
    /// logit((value − L)/(U − L)) ~ a + b·t (percentages and coverage within bounds L, U)
    case logit
}

/// The plan's grouping of indicators (đầu vào / hoạt động / kết quả / tác động).
public enum IndicatorGroup: String, Sendable, Hashable, Codable {
    case input, activity, outcome, impact
}

/// An entry of the indicator catalogue (`Datasets/indicators.csv`).
public struct Indicator: Sendable, Hashable, Codable {
    /// chitieu's code for the plan indicator, e.g. `physicians_per_10k`.
    public var code: String
    /// Plan appendix row as printed ("1" … "22", "15.1"), empty for indicators not in the plan.
    public var planRow: String
    public var group: IndicatorGroup?
    public var nameVi: String
    public var nameEn: String
    public var unit: String
    public var direction: Direction
    public var lowerBound: Double?
    public var upperBound: Double?
    public var scale: ModelScale
    /// Series code that measures this indicator nationally (`VN`), if any.
    public var nationalSeries: String?
    /// False when the national series measures something different (TB estimated incidence vs
    /// notified cases, …): such a series must never be mixed with provincial data silently.
    public var nationalComparable: Bool
    /// Series code that measures this indicator for the province, if any.
    public var provincialSeries: String?
    public var note: String
    /// The unit as printed in the plan, when it differs from `unit` (e.g. the seed's "Người" for beds, a
    /// typo recorded for provenance); empty otherwise.
    public var unitPrinted: String

    public init(code: String, planRow: String, group: IndicatorGroup?, nameVi: String, nameEn: String,
                unit: String, direction: Direction, lowerBound: Double?, upperBound: Double?,
                scale: ModelScale, nationalSeries: String?, nationalComparable: Bool,
                provincialSeries: String?, note: String, unitPrinted: String = "") {
        self.code = code
        self.planRow = planRow
        self.group = group
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.unit = unit
        self.direction = direction
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.scale = scale
        self.nationalSeries = nationalSeries
        self.nationalComparable = nationalComparable
        self.provincialSeries = provincialSeries
        self.note = note
        self.unitPrinted = unitPrinted
    }
}
