import Attainment
import Foundation
import IndicatorData
import Projection

/// Turns projections, targets and scorecard rows into the plain numbers the charts draw: the one place
/// chart data are built, for `chitieu plot` and the HTML report alike (`PlanFanChart`).
public enum PlanChartData {
    /// Observed values of the series a projection used (the regional series), oldest first.
    public static func observed(_ projection: IndicatorProjection) -> [ChartPoint] {
        (projection.series?.observations ?? []).map { ChartPoint(year: Double($0.year), value: $0.value) }
    }

    /// The fan of a fit from the year after its anchor to `lastYear`: the median of the predictive
    /// distribution and its 80 % and 95 % prediction intervals (the same quantities `chitieu project`
    /// prints as `projected` rows and the scorecard judges, including the backtest calibration).
    public static func fan(_ fit: TrendFit, to lastYear: Int) -> [FanPoint] {
        guard fit.anchorYear < lastYear else { return [] }
        return ((fit.anchorYear + 1)...lastYear).compactMap { year -> FanPoint? in
            let p = fit.predictive(year: year)
            let pi80 = p.predictionInterval(level: 0.8), pi95 = p.predictionInterval(level: 0.95)
            let point = FanPoint(year: Double(year), mean: p.median, lower80: pi80.lower, upper80: pi80.upper,
                                 lower95: pi95.lower, upper95: pi95.upper)
            // Drop a year whose numbers are not finite or not nested (a degenerate fit) rather than fail
            // the whole chart; the footnote still names the model.
            let values = [point.mean, point.lower80, point.upper80, point.lower95, point.upper95]
            guard values.allSatisfy(\.isFinite), point.lower95 <= point.lower80, point.lower80 <= point.upper80,
                  point.upper80 <= point.upper95 else { return nil }
            return point
        }
    }

    /// The point with its 95 % band collapsed onto the 80 % band (drawn as an 80 % band only).
    public static func only80(_ p: FanPoint) -> FanPoint {
        FanPoint(year: p.year, mean: p.mean, lower80: p.lower80, upper80: p.upper80, lower95: p.lower80, upper95: p.upper80)
    }

    /// The comparator as a plan reader writes it.
    public static func symbol(_ comparator: IndicatorData.Comparator) -> String {
        switch comparator {
        case .lessThan: return "<"
        case .lessOrEqual: return "≤"
        case .greaterThan: return ">"
        case .greaterOrEqual: return "≥"
        case .equal: return "="
        }
    }

    /// Target markers for an indicator in a region: every target with a number, with the comparator
    /// resolved as the scorecard resolves it (a printed comparator wins; otherwise from the direction).
    public static func targets(_ targets: [Target], indicator: Indicator, region: String) -> [TargetMarker] {
        targets.filter { $0.indicator == indicator.code && $0.region == region }
            .compactMap { target -> TargetMarker? in
                guard let value = target.value, value.isFinite,
                      let comparator = target.resolvedComparator(direction: indicator.direction) else { return nil }
                return TargetMarker(year: Double(target.year), value: value, comparator: symbol(comparator))
            }
            .sorted { $0.year < $1.year }
    }

    /// Target markers from scorecard milestones (numeric targets only).
    public static func targets(_ milestones: [ScorecardMilestone]) -> [TargetMarker] {
        milestones.compactMap { m -> TargetMarker? in
            guard let value = m.targetValue, value.isFinite, let comparator = m.comparator else { return nil }
            return TargetMarker(year: Double(m.year), value: value, comparator: symbol(comparator))
        }
    }

    /// The scorecard colour of a verdict.
    public static func category(_ verdict: ChitieuVerdict) -> VerdictCategory {
        switch verdict {
        case .likely: return .likely
        case .uncertain: return .uncertain
        case .unlikely: return .unlikely
        case .offTrack: return .offTrack
        case .notAssessed: return .noData
        }
    }

    /// The milestone a scorecard panel is coloured by: `year` if the row has it, else its latest one.
    public static func milestone(_ row: ScorecardRow, year: Int) -> ScorecardMilestone? {
        row.milestones.first { $0.year == year } ?? row.milestones.max { $0.year < $1.year }
    }

    // MARK: - Labels

    /// The y-axis label: the catalogue unit, in Vietnamese for the units the plan uses (the catalogue holds
    /// English units only); an unknown unit is shown as written.
    public static func unitLabel(_ unit: String, _ language: Language) -> String {
        guard language == .vi else { return unit }
        if unit.hasPrefix("%") { return "Tỉ lệ (%)" }
        return vietnameseUnits[unit] ?? unit
    }

    public static let vietnameseUnits: [String: String] = [
        "per 10,000 population": "trên 10.000 dân",
        "hospital beds per 10,000 population": "giường bệnh trên 10.000 dân",
        "deaths per 1,000 live births": "số tử vong trên 1.000 trẻ đẻ sống",
        "maternal deaths per 100,000 live births": "số tử vong mẹ trên 100.000 trẻ đẻ sống",
        "births per woman": "số con trung bình của một phụ nữ",
        "years": "năm",
        "cm": "cm",
        "new TB cases per 100,000 population": "số ca mắc lao mới trên 100.000 dân",
        "new malaria cases per 100,000 population": "số ca mắc sốt rét mới trên 100.000 dân",
        "new HIV cases detected per year per 100,000 population": "số ca HIV mới phát hiện mỗi năm trên 100.000 dân",
        "index (0-100)": "chỉ số (0–100)",
    ]

    /// "Model: log-linear ols 2010–2023 (n=14); method: national-slope-shift(VN); calibrated family …".
    public static func modelNote(_ fit: TrendFit, calibrated: Bool, _ language: Language) -> String {
        let method = fit.method.description + (fit.calibration.factors.isEmpty ? "" : "; \(fit.calibration.label)")
        let kind: String
        switch (calibrated, language) {
        case (true, .en): kind = "calibrated 80/95 % prediction intervals"
        case (true, .vi): kind = "khoảng dự báo 80/95 % đã hiệu chuẩn"
        case (false, .en): kind = "classical OLS 80/95 % prediction intervals"
        case (false, .vi): kind = "khoảng dự báo 80/95 % OLS cổ điển"
        }
        switch language {
        case .en: return "Model: \(fit.modelLabel); method: \(method); \(kind)."
        case .vi: return "Mô hình: \(fit.modelLabel); phương pháp: \(NoteText.method(method, .vi)); \(kind)."
        }
    }

    /// Why a national-slope-shift projection is what it is, for the footnote.
    public static func methodNote(_ fit: TrendFit, _ language: Language) -> String? {
        guard case .nationalSlopeShift(let national) = fit.method else { return nil }
        switch language {
        case .en:
            return "Too few provincial points for an own trend: the \(national.region) slope is shifted to the "
                + "provincial level (shift method), interval widened."
        case .vi:
            return "Quá ít số liệu của tỉnh để ước lượng xu hướng riêng: dùng độ dốc của \(national.region), "
                + "dịch về mức của tỉnh (phương pháp dịch chuyển), khoảng dự báo được nới rộng."
        }
    }
}
