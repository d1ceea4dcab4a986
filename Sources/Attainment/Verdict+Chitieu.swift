// MARK: - chitieu's own verdict from P(attain)

/// chitieu's verdict from the probability of attainment in the target year — it answers the planner's
/// question directly, where the ladders above judge only the pace since a base year:
///
/// | verdict | rule |
/// |---|---|
/// | already met | the observed baseline already meets the target (strictness honoured); P is then the chance it is still met |
/// | likely | P ≥ 0.8 |
/// | uncertain | 0.5 ≤ P < 0.8 |
/// | unlikely | 0.2 ≤ P < 0.5 |
/// | off track | P < 0.2 |
/// | not assessed | no probability (qualitative, no target, no projection) |
///
/// The cut-offs are round numbers chosen for communication, in the spirit of the IPCC calibrated language
/// (likely ≥ 66 %, unlikely ≤ 33 %) but asymmetric towards caution: a plan target is called "likely" only
/// at 4-in-5 odds, since missing one has consequences for the budget year.
public enum ChitieuVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case alreadyMet = "already met"
    case likely = "likely"
    case uncertain = "uncertain"
    case unlikely = "unlikely"
    case offTrack = "off track"
    case notAssessed = "not assessed"

    public static let likelyCut = 0.8
    public static let uncertainCut = 0.5
    public static let unlikelyCut = 0.2

    public static func classify(probability: Double?, metAtBaseline: Bool? = nil) -> ChitieuVerdict {
        if metAtBaseline == true { return .alreadyMet }
        guard let p = probability, p.isFinite else { return .notAssessed }
        if p >= likelyCut { return .likely }
        if p >= uncertainCut { return .uncertain }
        if p >= unlikelyCut { return .unlikely }
        return .offTrack
    }
}
