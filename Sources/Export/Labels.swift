import Foundation

/// The language of human-readable output (`--lang vi|en`).
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// The decimal mark used in human-readable output (charts, `--format table` is left to the caller):
    /// a comma in Vietnamese (0,82), a point in English (0.82). Machine formats (CSV, JSON, SDMX, DHIS2)
    /// always use a point, except the Excel CSV whose locale is chosen separately.
    public var decimalMark: String { self == .vi ? "," : "." }

    /// `number` (as written with a point) with this language's decimal mark.
    public func localizedNumber(_ number: String) -> String {
        self == .vi ? number.replacingOccurrences(of: ".", with: ",") : number
    }
}

/// Every human-readable text chitieu prints: table headers, verdict names, chart texts.
/// Vietnamese is written with full diacritics (NFC); terms follow the Ministry of Health's planning usage
/// ("chỉ tiêu" for a plan target, "chỉ số" for an indicator, "kịch bản" for a scenario).
public enum Label: String, Sendable, CaseIterable {
    // MARK: Table headers
    case area, indicator, year, kind, value, level, lower, upper, model, window, method, unit, source
    case scenario, baseline, target, comparator, milestone, verdict, pAttain, jointPAttain, aarr, requiredRate
    case mean, cost
    // MARK: Kinds of values
    case observed, fitted, projected
    // MARK: Chart texts
    case interval80, interval95, projectionStart, predictedProbability, observedFrequency, perfectCalibration
    case reliabilityTitle, scorecardTitle, fanChartTitle, legend
    // MARK: Verdicts (probability ladder)
    case likely, uncertain, unlikely, offTrack, met, noData
    // MARK: Verdicts (progress ladder, SDG-style)
    case onTrack, someProgress, noProgress, worsening, assessmentNotPossible
    // MARK: Target types
    case qualitative, conditional, noTarget
    // MARK: Methods and sources (workbook sheet, report)
    case methodsAndSources, version, generated, command, seed, options, dataFiles, checksum, methodsAndCaveats

    /// The label in `lang`.
    public func text(_ lang: Language) -> String {
        switch lang {
        case .en: return english
        case .vi: return vietnamese
        }
    }

    private var english: String {
        switch self {
        case .area: return "Area"
        case .indicator: return "Indicator"
        case .year: return "Year"
        case .kind: return "Kind"
        case .value: return "Value"
        case .level: return "Level"
        case .lower: return "Lower"
        case .upper: return "Upper"
        case .model: return "Model"
        case .window: return "Window"
        case .method: return "Method"
        case .unit: return "Unit"
        case .source: return "Source"
        case .scenario: return "Scenario"
        case .baseline: return "Baseline"
        case .target: return "Target"
        case .comparator: return "Comparator"
        case .milestone: return "Milestone"
        case .verdict: return "Verdict"
        case .pAttain: return "P(attain)"
        case .jointPAttain: return "P(attain 2025 and 2030)"
        case .aarr: return "Annual rate of change (AARR)"
        case .requiredRate: return "Required annual rate"
        case .mean: return "Mean"
        case .cost: return "Cost"
        case .observed: return "Observed"
        case .fitted: return "Fitted"
        case .projected: return "Projected"
        case .interval80: return "80 % interval"
        case .interval95: return "95 % interval"
        case .projectionStart: return "Projection starts"
        case .predictedProbability: return "Predicted probability"
        case .observedFrequency: return "Observed frequency"
        case .perfectCalibration: return "Perfect calibration"
        case .reliabilityTitle: return "Reliability of predicted probabilities"
        case .scorecardTitle: return "Plan targets: will they be reached?"
        case .fanChartTitle: return "Projection with uncertainty"
        case .legend: return "Legend"
        case .likely: return "Likely"
        case .uncertain: return "Uncertain"
        case .unlikely: return "Unlikely"
        case .offTrack: return "Off track"
        case .met: return "Met"
        case .noData: return "No data"
        case .onTrack: return "On track"
        case .someProgress: return "Some progress"
        case .noProgress: return "No progress"
        case .worsening: return "Worsening"
        case .assessmentNotPossible: return "Assessment not possible"
        case .qualitative: return "Qualitative"
        case .conditional: return "Conditional"
        case .noTarget: return "No target"
        case .methodsAndSources: return "Methods and sources"
        case .version: return "chitieu version"
        case .generated: return "Generated (UTC)"
        case .command: return "Command"
        case .seed: return "Random seed"
        case .options: return "Options"
        case .dataFiles: return "Data files"
        case .checksum: return "SHA-256"
        case .methodsAndCaveats: return "Methods and caveats"
        }
    }

    private var vietnamese: String {
        switch self {
        case .area: return "Địa bàn"
        case .indicator: return "Chỉ số"
        case .year: return "Năm"
        case .kind: return "Loại"
        case .value: return "Giá trị"
        case .level: return "Mức tin cậy"
        case .lower: return "Cận dưới"
        case .upper: return "Cận trên"
        case .model: return "Mô hình"
        case .window: return "Khoảng số liệu"
        case .method: return "Phương pháp"
        case .unit: return "Đơn vị"
        case .source: return "Nguồn"
        case .scenario: return "Kịch bản"
        case .baseline: return "Giá trị cơ sở"
        case .target: return "Chỉ tiêu"
        case .comparator: return "So sánh"
        case .milestone: return "Mốc"
        case .verdict: return "Đánh giá"
        case .pAttain: return "P(đạt)"
        case .jointPAttain: return "P(đạt cả 2025 và 2030)"
        case .aarr: return "Tốc độ thay đổi bình quân năm (AARR)"
        case .requiredRate: return "Tốc độ cần đạt mỗi năm"
        case .mean: return "Trung bình"
        case .cost: return "Chi phí"
        case .observed: return "Số liệu thực tế"
        case .fitted: return "Ước lượng"
        case .projected: return "Dự báo"
        case .interval80: return "Khoảng dự báo 80 %"
        case .interval95: return "Khoảng dự báo 95 %"
        case .projectionStart: return "Bắt đầu dự báo"
        case .predictedProbability: return "Xác suất dự báo"
        case .observedFrequency: return "Tần suất thực tế"
        case .perfectCalibration: return "Hiệu chuẩn hoàn hảo"
        case .reliabilityTitle: return "Độ tin cậy của xác suất dự báo"
        case .scorecardTitle: return "Chỉ tiêu kế hoạch: có đạt được không?"
        case .fanChartTitle: return "Dự báo kèm độ bất định"
        case .legend: return "Chú giải"
        case .likely: return "Có khả năng đạt"
        case .uncertain: return "Chưa chắc chắn"
        case .unlikely: return "Khó đạt"
        case .offTrack: return "Chệch hướng"
        case .met: return "Đã đạt"
        case .noData: return "Không có số liệu"
        case .onTrack: return "Đúng tiến độ"
        case .someProgress: return "Có tiến bộ"
        case .noProgress: return "Không tiến bộ"
        case .worsening: return "Xấu đi"
        case .assessmentNotPossible: return "Không thể đánh giá"
        case .qualitative: return "Định tính"
        case .conditional: return "Có điều kiện"
        case .noTarget: return "Không có chỉ tiêu"
        case .methodsAndSources: return "Phương pháp và nguồn"
        case .version: return "Phiên bản chitieu"
        case .generated: return "Thời điểm tạo (UTC)"
        case .command: return "Lệnh"
        case .seed: return "Hạt giống ngẫu nhiên"
        case .options: return "Tùy chọn"
        case .dataFiles: return "Tệp số liệu"
        case .checksum: return "Mã kiểm tra SHA-256"
        case .methodsAndCaveats: return "Phương pháp và lưu ý"
        }
    }
}
