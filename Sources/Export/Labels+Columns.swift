import Foundation

/// Headers for people: each stable English column name that chitieu's commands write (CSV and JSON keep
/// those names) with its English and Vietnamese header for the text table, the workbook and the report.
/// Terms follow `Label` ("chỉ tiêu" = plan target, "chỉ số" = indicator).
public enum ColumnHeader {
    /// The header of `column` in `language`. Names built from a year (`p_2025`, `se_2030`) and
    /// scenario-prefixed names (`BAU median`) are translated by their parts; an unknown name is returned
    /// unchanged (a header that is already human text passes through).
    public static func text(_ column: String, _ language: Language) -> String {
        if let label = Label(rawValue: column), !headers.keys.contains(column) { return label.text(language) }
        if let entry = headers[column] { return language == .vi ? entry.vi : entry.en }
        if let year = yearSuffix(column, prefix: "p_") {
            return (language == .vi ? "P(đạt " : "P(attain ") + year + ")"
        }
        if let year = yearSuffix(column, prefix: "se_") {
            return (language == .vi ? "Sai số chuẩn P(đạt " : "SE of P(attain ") + year + ")"
        }
        if let space = column.lastIndex(of: " ") {
            let prefix = column[..<space], key = String(column[column.index(after: space)...])
            if headers[key] != nil || Label(rawValue: key) != nil { return "\(prefix): \(text(key, language))" }
        }
        return column
    }

    /// True when `column` has a translation (a test checks every tidy column of every command has one).
    public static func isKnown(_ column: String) -> Bool { text(column, .vi) != column }

    private static func yearSuffix(_ column: String, prefix: String) -> String? {
        guard column.hasPrefix(prefix) else { return nil }
        let rest = column.dropFirst(prefix.count)
        return rest.count == 4 && rest.allSatisfy(\.isNumber) ? String(rest) : nil
    }

    private static let headers: [String: (en: String, vi: String)] = [
        // Scorecard (attain)
        "plan_row": ("Plan row", "Dòng kế hoạch"),
        "name": ("Name", "Tên chỉ số"),
        "region": ("Region", "Địa bàn"),
        "baseline_year": ("Baseline year", "Năm cơ sở"),
        "baseline_flag": ("Baseline flag", "Ghi chú giá trị cơ sở"),
        "target_text": ("Target as written", "Chỉ tiêu (nguyên văn)"),
        "status": ("Status", "Trạng thái"),
        "projection": ("Projected (median)", "Dự báo (trung vị)"),
        "median": ("Median", "Trung vị"),
        "pi80_lower": ("80 % interval, lower", "Khoảng 80 %, cận dưới"),
        "pi80_upper": ("80 % interval, upper", "Khoảng 80 %, cận trên"),
        "pi95_lower": ("95 % interval, lower", "Khoảng 95 %, cận dưới"),
        "pi95_upper": ("95 % interval, upper", "Khoảng 95 %, cận trên"),
        "lower80": ("80 % interval, lower", "Khoảng 80 %, cận dưới"),
        "upper80": ("80 % interval, upper", "Khoảng 80 %, cận trên"),
        "lower95": ("95 % interval, lower", "Khoảng 95 %, cận dưới"),
        "upper95": ("95 % interval, upper", "Khoảng 95 %, cận trên"),
        "p_attain": ("P(attain)", "P(đạt)"),
        "p_attain_se": ("SE of P(attain)", "Sai số chuẩn P(đạt)"),
        "met_at_baseline": ("Met at baseline", "Đã đạt ở năm cơ sở"),
        "observed_rate": ("Observed annual rate", "Tốc độ thay đổi thực tế mỗi năm"),
        "rate_kind": ("Kind of rate", "Loại tốc độ"),
        "required_rate": ("Required annual rate", "Tốc độ cần đạt mỗi năm"),
        "acceleration": ("Acceleration needed", "Mức tăng tốc cần thiết"),
        "years_left": ("Years left", "Số năm còn lại"),
        "verdict": ("Verdict", "Đánh giá"),
        "verdict_jme": ("Verdict (UNICEF/JME)", "Đánh giá (UNICEF/JME)"),
        "verdict_unsd": ("Verdict (UN SDG progress chart)", "Đánh giá (biểu đồ tiến độ SDG của LHQ)"),
        "unsd_ratio": ("UNSD progress ratio", "Tỷ số tiến độ UNSD"),
        "verdict_opensdg": ("Verdict (open-sdg)", "Đánh giá (open-sdg)"),
        "p_joint": ("P(attain 2025 and 2030)", "P(đạt cả 2025 và 2030)"),
        "p_joint_se": ("SE of P(attain both)", "Sai số chuẩn P(đạt cả hai)"),
        "se_joint": ("SE of P(attain both)", "Sai số chuẩn P(đạt cả hai)"),
        "draws": ("Monte Carlo draws", "Số lần mô phỏng Monte Carlo"),
        "seed": ("Random seed", "Hạt giống ngẫu nhiên"),
        "warnings": ("Warnings", "Cảnh báo"),
        "n": ("Points", "Số điểm"),
        "points": ("Points", "Số điểm"),
        "total_cost": ("Total cost", "Tổng chi phí"),
        "cost_increment_pv": ("Cost over business as usual (present value)", "Chi phí tăng thêm so với kịch bản cơ sở (giá trị hiện tại)"),
        "intervals": ("Prediction intervals", "Khoảng dự báo"),
        "weights": ("Weights", "Trọng số"),
        "cost_per_point_gained": ("Cost per point gained", "Chi phí cho mỗi điểm tăng thêm"),
        // Backtest
        "group": ("Group", "Nhóm"),
        "lead_time": ("Lead time (years)", "Số năm dự báo trước"),
        "coverage_80": ("Coverage of the 80 % interval", "Tỷ lệ bao phủ của khoảng 80 %"),
        "coverage_95": ("Coverage of the 95 % interval", "Tỷ lệ bao phủ của khoảng 95 %"),
        "width_80_model": ("80 % width (model scale)", "Độ rộng khoảng 80 % (thang mô hình)"),
        "width_80_natural": ("80 % width (natural units)", "Độ rộng khoảng 80 % (đơn vị gốc)"),
        "winkler_80": ("Winkler score, 80 %", "Điểm Winkler, 80 %"),
        "winkler_95": ("Winkler score, 95 %", "Điểm Winkler, 95 %"),
        "mase_naive": ("MASE against no change", "MASE so với dự báo không đổi"),
        "mase_drift": ("MASE against drift", "MASE so với dự báo theo xu hướng"),
        // Data check
        "file": ("File", "Tệp"),
        "first_year": ("First year", "Năm đầu"),
        "last_year": ("Last year", "Năm cuối"),
        "observations": ("Observations", "Số quan sát"),
        "gaps": ("Missing years", "Các năm thiếu"),
        "years": ("Years", "Các năm"),
        "outliers": ("Outlying changes", "Thay đổi bất thường"),
        "missing": ("Missing values", "Giá trị thiếu"),
        // Indicator catalogue
        "code": ("Code", "Mã"),
        "name_vi": ("Name (Vietnamese)", "Tên (tiếng Việt)"),
        "name_en": ("Name (English)", "Tên (tiếng Anh)"),
        "unit_printed": ("Unit as printed", "Đơn vị (nguyên văn)"),
        "direction": ("Better when", "Tốt hơn khi"),
        "bounds": ("Bounds", "Giới hạn"),
        "lower_bound": ("Lower bound", "Giới hạn dưới"),
        "upper_bound": ("Upper bound", "Giới hạn trên"),
        "scale": ("Model scale", "Thang mô hình"),
        "national_series": ("National series", "Chuỗi quốc gia"),
        "national_comparable": ("Comparable with the national series", "So sánh được với chuỗi quốc gia"),
        "provincial_series": ("Provincial series", "Chuỗi cấp tỉnh"),
        "note": ("Note", "Ghi chú"),
    ]
}

/// Code values that tidy columns hold (CSV and JSON keep the codes), as people read them: the kinds of
/// rows and targets, the verdicts of the UNICEF/JME, UNSD and open-sdg ladders, yes/no.
public enum CodeLabel {
    /// `value` of `column` in `language`; `nil` when the column has no code list or the value is not in it.
    public static func text(_ value: String, column: String, _ language: Language) -> String? {
        if column == "method", language == .vi, !value.isEmpty { return NoteText.method(value, .vi) }
        guard let list = lists[column], let entry = list[value] else { return nil }
        return language == .vi ? entry.vi : entry.en
    }

    private typealias List = [String: (en: String, vi: String)]

    private static let kinds: List = [
        "observed": ("Observed", "Số liệu thực tế"), "fitted": ("Fitted", "Ước lượng"),
        "projected": ("Projected", "Dự báo"), "target": ("Target", "Chỉ tiêu"),
        "level": ("Level to reach", "Mức cần đạt"), "strict": ("Strict bound", "Ngưỡng (không kể bằng)"),
        "hold": ("Level to hold", "Mức cần duy trì"), "qualitative": ("Qualitative", "Định tính"),
        "conditional": ("Conditional", "Có điều kiện"), "none": ("No target", "Không có chỉ tiêu"),
        "p_attain": ("P(attain)", "P(đạt)"), "p_attain_se": ("SE of P(attain)", "Sai số chuẩn P(đạt)"),
        "series": ("series", "chuỗi số liệu"), "targets": ("targets", "chỉ tiêu"),
        "catalogue": ("catalogue", "danh mục chỉ số"),
    ]
    private static let jme: List = [
        "on track": ("On track", "Đúng tiến độ"), "some progress": ("Some progress", "Có tiến bộ"),
        "no progress": ("No progress", "Không tiến bộ"), "worsening": ("Worsening", "Xấu đi"),
        "assessment not possible": ("Assessment not possible", "Không thể đánh giá"),
    ]
    private static let unsd: List = [
        "target met": ("Target met", "Đã đạt mục tiêu"),
        "substantial progress/on track": ("Substantial progress/on track", "Tiến bộ đáng kể/đúng tiến độ"),
        "fair progress, acceleration needed": ("Fair progress, acceleration needed", "Có tiến bộ, cần đẩy nhanh"),
        "limited or no progress": ("Limited or no progress", "Tiến bộ hạn chế hoặc không tiến bộ"),
        "deterioration": ("Deterioration", "Xấu đi"), "not assessable": ("Not assessable", "Không thể đánh giá"),
    ]
    private static let openSDG: List = [
        "target_achieved": ("Target achieved", "Đã đạt mục tiêu"), "on_track": ("On track", "Đúng tiến độ"),
        "progress_needs_acceleration": ("Progress needs acceleration", "Có tiến bộ, cần đẩy nhanh"),
        "limited_progress": ("Limited progress", "Tiến bộ hạn chế"), "deterioration": ("Deterioration", "Xấu đi"),
        "not_assessable": ("Not assessable", "Không thể đánh giá"),
    ]
    private static let yesNo: List = ["yes": ("Yes", "Có"), "no": ("No", "Không"),
                                      "true": ("Yes", "Có"), "false": ("No", "Không")]
    private static let status: List = ["assessed": ("Assessed", "Đã đánh giá")]
    private static let direction: List = ["higher": ("higher", "cao hơn"), "lower": ("lower", "thấp hơn")]
    private static let group: List = [
        "input": ("input", "đầu vào"), "activity": ("activity", "hoạt động"), "outcome": ("outcome", "kết quả"),
        "impact": ("impact", "tác động"),
    ]

    private static let lists: [String: List] = [
        "kind": kinds, "verdict_jme": jme, "verdict_unsd": unsd, "verdict_opensdg": openSDG,
        "met_at_baseline": yesNo, "national_comparable": yesNo, "status": status, "direction": direction,
        "group": group,
    ]
}
