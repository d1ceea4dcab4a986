// MARK: - chitieu's own verdict from P(attain)

/// chitieu's verdict from the probability of attainment in the target year — it answers the planner's
/// question directly, where the ladders (JME, UNSD, open-sdg) judge only the pace:
///
/// | verdict | rule |
/// |---|---|
/// | likely | P ≥ 0.8 |
/// | uncertain | 0.5 ≤ P < 0.8 |
/// | unlikely | 0.2 ≤ P < 0.5 |
/// | off track | P < 0.2 |
/// | not assessed | no probability (qualitative, no target, no projection) |
///
/// The verdict is a function of P **only**. Whether the latest observation already meets the target is a
/// separate status (`LatestObservationStatus`), reported beside the verdict and never instead of it: a
/// target met in 2024 whose projection gives P = 0.3 of still being met in 2030 is "unlikely" (issue 14:
/// "met at baseline" printed next to P 0.50, next to a projection of 0.957 against ≥ 1.0, and next to P 0.07
/// under an `aarr: -4%` lever).
///
/// The cut-offs are round numbers chosen for communication, in the spirit of the IPCC calibrated language
/// (likely ≥ 66 %, unlikely ≤ 33 %) but asymmetric towards caution: a plan target is called "likely" only
/// at 4-in-5 odds, since missing one has consequences for the budget year. See `docs/verdicts.md`.
public enum ChitieuVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case likely = "likely"
    case uncertain = "uncertain"
    case unlikely = "unlikely"
    case offTrack = "off track"
    case notAssessed = "not assessed"

    public static let likelyCut = 0.8
    public static let uncertainCut = 0.5
    public static let unlikelyCut = 0.2

    /// The verdict of a probability of attainment (`nil` or non-finite → not assessed).
    public static func classify(probability: Double?) -> ChitieuVerdict {
        guard let p = probability, p.isFinite else { return .notAssessed }
        if p >= likelyCut { return .likely }
        if p >= uncertainCut { return .uncertain }
        if p >= unlikelyCut { return .unlikely }
        return .offTrack
    }

    /// The same verdict; `metAtBaseline` is accepted for source compatibility and does **not** change it
    /// (the status is reported separately, see the type's documentation).
    public static func classify(probability: Double?, metAtBaseline: Bool?) -> ChitieuVerdict {
        classify(probability: probability)
    }

    /// Whether this verdict says the target will (probably) be met: only `likely` and `uncertain` (P ≥ 0.5).
    public var isFavourable: Bool { self == .likely || self == .uncertain }
}
