import Foundation

extension VerdictCategory {
    /// The category of a verdict cell as chitieu writes it, in either language: "Likely", "Met (at
    /// baseline)", "Chưa chắc chắn (Có điều kiện)"; the statuses without a probability ("Assessment not
    /// possible", "Qualitative", "No target", "No data") are `.noData`. `nil` for any other text (the
    /// JME, UNSD and open-sdg ladders' codes, which the charts do not colour either).
    public init?(verdictText text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let statuses: [Label] = [.assessmentNotPossible, .noData, .qualitative, .noTarget, .conditional]
        for language in Language.allCases {
            for category in Self.allCases where category != .noData {
                if Self.matches(trimmed, category.label.text(language)) { self = category; return }
            }
            if statuses.contains(where: { Self.matches(trimmed, $0.text(language)) }) { self = .noData; return }
        }
        return nil
    }

    /// `text` is `label`, or `label` followed by a parenthesised qualifier ("Met (at baseline)").
    private static func matches(_ text: String, _ label: String) -> Bool {
        text == label || text.hasPrefix(label + " (")
    }

    /// The colour as 0xRRGGBB (for the workbook's cell fill).
    var rgb: UInt32 { UInt32(colour.dropFirst(), radix: 16) ?? 0x8C8C8C }
}

/// The probability cut-offs of chitieu's verdict ladder, handed in by the caller (they are defined once,
/// in Attainment's `ChitieuVerdict`) so the workbook and the report explain the same ladder that judged.
public struct VerdictCuts: Sendable, Equatable {
    public var likely: Double
    public var uncertain: Double
    public var unlikely: Double

    public init(likely: Double, uncertain: Double, unlikely: Double) {
        self.likely = likely
        self.uncertain = uncertain
        self.unlikely = unlikely
    }
}

extension VerdictCategory {
    /// What the verdict means, one sentence in `language`, with the ladder's cut-offs.
    public func meaning(_ language: Language, cuts: VerdictCuts) -> String {
        func p(_ x: Double) -> String { PeopleNumber.format(x, decimals: 1, language) ?? "" }
        switch (self, language) {
        case (.met, .en): return "The latest observed value already meets the target."
        case (.met, .vi): return "Giá trị thực tế gần nhất đã đạt chỉ tiêu."
        case (.likely, .en): return "P(attain) ≥ \(p(cuts.likely)): the target will be reached at the current trend."
        case (.likely, .vi): return "P(đạt) ≥ \(p(cuts.likely)): theo xu hướng hiện tại, chỉ tiêu sẽ đạt."
        case (.uncertain, .en):
            return "\(p(cuts.uncertain)) ≤ P(attain) < \(p(cuts.likely)): as likely to be reached as not; watch closely."
        case (.uncertain, .vi):
            return "\(p(cuts.uncertain)) ≤ P(đạt) < \(p(cuts.likely)): khả năng đạt và không đạt gần ngang nhau; cần theo dõi sát."
        case (.unlikely, .en):
            return "\(p(cuts.unlikely)) ≤ P(attain) < \(p(cuts.uncertain)): the current trend probably falls short."
        case (.unlikely, .vi):
            return "\(p(cuts.unlikely)) ≤ P(đạt) < \(p(cuts.uncertain)): theo xu hướng hiện tại, nhiều khả năng không đạt."
        case (.offTrack, .en): return "P(attain) < \(p(cuts.unlikely)): reaching the target needs a change of course."
        case (.offTrack, .vi): return "P(đạt) < \(p(cuts.unlikely)): muốn đạt chỉ tiêu cần thay đổi cách làm."
        case (.noData, .en): return "No probability: qualitative or conditional target, no target, or too few data to project."
        case (.noData, .vi):
            return "Không có xác suất: chỉ tiêu định tính hoặc có điều kiện, không có chỉ tiêu, hoặc quá ít số liệu để dự báo."
        }
    }
}
