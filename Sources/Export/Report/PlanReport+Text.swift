import Foundation

/// The sentences of the plan report in English and Vietnamese (terms as in `Label`: "chỉ tiêu" = plan
/// target, "chỉ số" = indicator, "kịch bản" = scenario). Numbers in sentences use the language's marks.
struct ReportText {
    var language: Language
    var vi: Bool { language == .vi }

    enum Section { case summary, scorecard, charts, scenarios, verdicts, methods, provenance }

    func heading(_ section: Section) -> String {
        switch section {
        case .summary: return vi ? "Tóm tắt" : "Summary"
        case .scorecard: return Label.scorecardTitle.text(language)
        case .charts: return vi ? "Biểu đồ dự báo từng chỉ số" : "Fan chart of each indicator"
        case .scenarios: return vi ? "So sánh kịch bản" : "Scenario comparison"
        case .verdicts: return vi ? "Ý nghĩa của các mức đánh giá" : "What each verdict means"
        case .methods: return Label.methodsAndCaveats.text(language)
        case .provenance: return vi ? "Nguồn gốc số liệu" : "Data provenance"
        }
    }

    func title(_ region: String) -> String {
        vi ? "Khả năng đạt chỉ tiêu kế hoạch y tế — \(region)" : "Will the health plan targets be met? — \(region)"
    }

    func subtitle(years: [Int], generated: String, version: String) -> String {
        let milestones = years.map(String.init).joined(separator: vi ? " và " : " and ")
        return vi ? "Các mốc \(milestones) · lập ngày \(generated) · chitieu \(version)"
            : "Milestones \(milestones) · generated \(generated) · chitieu \(version)"
    }

    // MARK: - Summary

    func summary(region: String, indicators: Int, years: [Int], projected: Int) -> String {
        let milestones = years.map(String.init).joined(separator: vi ? " và " : " and ")
        return vi
            ? "\(region): \(indicators) chỉ số của kế hoạch được đánh giá so với chỉ tiêu năm \(milestones); "
                + "\(projected) chỉ số có dự báo. Mỗi mức đánh giá dựa trên xác suất đạt chỉ tiêu P(đạt), tính từ "
                + "phân phối dự báo của xu hướng."
            : "\(region): \(indicators) plan indicators judged against their \(milestones) targets; \(projected) "
                + "of them projected. Each verdict follows from the probability of meeting the target, P(attain), "
                + "read from the trend's predictive distribution."
    }

    var countsCaption: String { vi ? "Số chỉ tiêu theo mức đánh giá và năm" : "Targets by verdict and year" }

    func attention(year: Int) -> String {
        vi ? "Cần chú ý (khó đạt hoặc chệch hướng năm \(year)):" : "Needs attention (unlikely or off track in \(year)):"
    }

    // MARK: - Sections' introductions

    var scorecardIntro: String {
        vi ? "Mỗi dòng là một chỉ tiêu của một mốc: giá trị cơ sở, dự báo (trung vị) với khoảng dự báo 95 %, "
            + "P(đạt), mức đánh giá và xác suất đạt cả hai mốc. Số được làm tròn 3 chữ số có nghĩa; toàn bộ số "
            + "liệu với đủ độ chính xác: `chitieu attain --format csv`."
            : "One line per target and milestone: the baseline, the projection (median) with its 95 % prediction "
            + "interval, P(attain), the verdict and the probability of meeting both milestones. Numbers are "
            + "rounded to 3 significant digits; every number at full precision: `chitieu attain --format csv`."
    }

    var chartsIntro: String {
        vi ? "Số liệu thực tế (điểm), dự báo trung vị (đường) với khoảng dự báo 80 % và 95 % (dải màu), và chỉ "
            + "tiêu kế hoạch (hình thoi), cho mỗi chỉ số có dự báo; đúng các số mà bảng đánh giá dùng."
            : "Observed values (points), the projected median (line) with its 80 % and 95 % prediction intervals "
            + "(bands) and the plan's targets (diamonds), for each projected indicator: the numbers the "
            + "scorecard judges."
    }

    var scenariosIntro: String {
        vi ? "Mỗi kịch bản chạy trên xu hướng hiện tại (kịch bản cơ sở chính là bảng đánh giá ở trên); các đòn "
            + "bẩy thay đổi so với xu hướng đó. Chỉ hiện các dòng có dự báo. Chi phí: tổng chi phí của kịch bản và "
            + "phần tăng thêm so với kịch bản cơ sở, quy về năm gốc (giá trị hiện tại)."
            : "Each scenario runs on business as usual (the scorecard above); its levers change that trend. Only "
            + "rows with a projection are shown. Costs: the scenario's total and its increment over business as "
            + "usual, discounted to the base year (present value)."
    }

    var scenarioChartsIntro: String {
        vi ? "Các chỉ số mà đòn bẩy của kịch bản làm thay đổi, mỗi kịch bản một dải dự báo:"
            : "The indicators the scenarios' levers move, one fan per scenario:"
    }

    var costsCaption: String { vi ? "Chi phí của các kịch bản" : "Costs of the scenarios" }

    var verdictsIntro: String {
        vi ? "Mức đánh giá của chitieu chỉ dựa vào P(đạt) của từng mốc; màu như trong các biểu đồ."
            : "chitieu's verdict depends on P(attain) at each milestone only; the colours are the charts'."
    }

    var otherLadders: String {
        vi ? "Các cách đánh giá khác (UNICEF/JME, biểu đồ tiến độ SDG của LHQ, open-sdg) dựa trên tốc độ thay đổi "
            + "và được ghi trong `chitieu attain --format csv` (cột verdict_jme, verdict_unsd, verdict_opensdg)."
            : "The other ladders (UNICEF/JME, the UN SDG progress chart, open-sdg) judge the pace of change; they "
            + "are in `chitieu attain --format csv` (columns verdict_jme, verdict_unsd, verdict_opensdg)."
    }

    // MARK: - Methods and caveats

    func methods(calibrated: Bool, draws: Int, seed: UInt64) -> [String] {
        let intervals = vi
            ? (calibrated ? "Khoảng dự báo được hiệu chuẩn bằng kiểm định ngược (backtest) trên các tỉnh, để khoảng "
                + "80 % chứa giá trị thực khoảng 80 % số lần." : "Khoảng dự báo là khoảng OLS cổ điển (chưa hiệu chuẩn).")
            : (calibrated ? "The intervals are calibrated by backtests on the provinces, so that an 80 % interval "
                + "holds the outcome about 80 % of the time." : "The intervals are classical OLS intervals (not calibrated).")
        let draw = PeopleNumber.format(draws, language)
        if vi {
            return [
                "Mỗi chỉ số được dự báo bằng xu hướng tuyến tính trên thang của nó (log, logit hoặc tuyến tính), ước "
                    + "lượng bằng bình phương tối thiểu trên các năm có số liệu. Khi tỉnh có quá ít điểm, dùng độ dốc "
                    + "quốc gia dịch về mức của tỉnh; khi không có xu hướng, dùng mức hiện tại với độ phân tán của "
                    + "nhóm chỉ số (reference class). " + intervals,
                "P(đạt) là xác suất giá trị của năm mốc đạt chỉ tiêu theo phân phối dự báo. Xác suất đạt cả hai mốc "
                    + "tính bằng \(draw) lần mô phỏng Monte Carlo với hạt giống \(seed).",
            ]
        }
        return [
            "Each indicator is projected by a linear trend on its scale (log, logit or linear), fitted by least "
                + "squares over its observed years. With too few provincial points the national slope is shifted "
                + "to the provincial level; with no trend at all, the current level is held with its indicator "
                + "family's dispersion (reference class). " + intervals,
            "P(attain) is the probability that the milestone year's value meets the target under the predictive "
                + "distribution. The probability of meeting both milestones comes from \(draw) Monte Carlo draws "
                + "with seed \(seed).",
        ]
    }

    var caveatsIntro: String { vi ? "Những điều cần lưu ý:" : "Caveats:" }

    var caveats: [String] {
        vi ? [
            "Dự báo giả định xu hướng đã quan sát tiếp tục; chính sách hay cú sốc mới không có trong số liệu.",
            "Chỉ tiêu định tính hoặc có điều kiện không có xác suất; chúng được ghi là không đánh giá được.",
            "Số liệu tỉnh ít năm cho khoảng dự báo rộng: một mức \"chưa chắc chắn\" có thể là do thiếu số liệu.",
            "Mức đánh giá không phải là đánh giá công tác của địa phương; nó nói về khả năng theo xu hướng.",
        ] : [
            "Projections assume the observed trend continues; new policies or shocks are not in the data.",
            "Qualitative or conditional targets have no probability; they are shown as not assessable.",
            "Provincial series with few years give wide intervals: an \"uncertain\" verdict may reflect thin data.",
            "A verdict is not a judgement of a province's work; it speaks of chances on the current trend.",
        ]
    }

    var notesIntro: String { vi ? "Ghi chú của lần chạy này:" : "Notes of this run:" }

    // MARK: - Provenance

    var filesIntro: String {
        vi ? "Các tệp số liệu đã đọc, với mã băm SHA-256 (để kiểm tra đúng tệp):"
            : "The data files read, with their SHA-256 checksums (to check they are the same files):"
    }

    /// A run setting's value as people read it: the words of `ModelSettings` and the options translated,
    /// codes and numbers as they are.
    func setting(_ value: String) -> String {
        guard vi else { return value }
        let words = ["catalogue default per indicator": "thang mặc định của từng chỉ số (danh mục)",
                     "calibrated": "đã hiệu chuẩn", "ols": "OLS cổ điển", "all": "tất cả các năm", "auto": "tự động",
                     "none": "không (OLS)"]
        if let word = words[value] { return word }
        if value.hasPrefix("recency:") { return "ưu tiên năm gần đây (λ = \(language.localizedNumber(String(value.dropFirst(8)))))" }
        return value
    }

    func scenarioFiles(_ names: [String]) -> String {
        guard !names.isEmpty else { return "" }
        return (vi ? "Kịch bản: " : "Scenarios: ") + names.joined(separator: ", ") + "."
    }
}

extension ReportText {
    /// A run note in `language` (`NoteText`).
    static func localizedNote(_ note: String, _ language: Language) -> String { NoteText.localized(note, language) }
}
