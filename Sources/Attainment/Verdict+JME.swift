// MARK: - UNICEF / JME progress ladder

/// The UNICEF/WHO/World Bank Joint Child Malnutrition Estimates (JME) country progress ladder, which compares
/// the **current AARR** (regression-based, `AnnualRate.observed`) with the **required AARR** from the
/// baseline to the target (`AnnualRate.required`), following the WHO/UNICEF Technical Expert Advisory Group
/// on Nutrition Monitoring (TEAM) rules of 2017 used by the JME and the Global Nutrition Report
/// (https://globalnutritionreport.org/reports/2020-global-nutrition-report/appendix-2-assessing-progress-against-global-nutrition-targets/;
/// JME technical notes of the 2021 country consultation, https://data.unicef.org/resources/jme-2021-country-consultations/,
/// cited by the SDG 2.2.1 metadata):
///
/// | category | rule (rates in % per year, positive = desired direction) |
/// |---|---|
/// | on track | current ≥ required (or the baseline already meets the target) |
/// | some progress | `someProgressFloor` (0.5) ≤ current < required |
/// | no progress | `worseningCeiling` (−0.5) ≤ current < 0.5 |
/// | worsening | current < −0.5 |
/// | assessment not possible | no trend (too few points) or no positive baseline/target |
///
/// The 0.5 %/yr floor of "some progress" is the TEAM threshold. The split of the "no progress or
/// worsening" band at −0.5 %/yr is chitieu's reading of the JME categories (no stored copy of the JME
/// technical note's table could be consulted when this was written: verify against it before
/// publishing); both cut-offs are parameters of `classify`.
/// For higher-is-better indicators the same rules apply to the annual rate of increase (AARI), since
/// chitieu's rates are signed so that positive means improvement (`RateConvention`).
public enum JMEProgress: String, Sendable, Hashable, Codable, CaseIterable {
    case onTrack = "on track"
    case someProgress = "some progress"
    case noProgress = "no progress"
    case worsening = "worsening"
    case assessmentNotPossible = "assessment not possible"

    /// Lower bound (%/yr) of "some progress".
    public static let someProgressFloor = 0.5
    /// Below this rate (%/yr) the trend is "worsening".
    public static let worseningCeiling = -0.5

    /// Classifies observed vs required rates (both positive = desired direction).
    public static func classify(observed: Double?, required: Double?, someProgressFloor: Double = someProgressFloor,
                                worseningCeiling: Double = worseningCeiling) -> JMEProgress {
        guard let observed, let required, observed.isFinite, required.isFinite else { return .assessmentNotPossible }
        if required <= 0 || observed >= required { return .onTrack }
        if observed >= someProgressFloor { return .someProgress }
        if observed >= worseningCeiling { return .noProgress }
        return .worsening
    }

    public static func classify(_ rates: RateAssessment?) -> JMEProgress {
        classify(observed: rates?.observed, required: rates?.required)
    }
}
