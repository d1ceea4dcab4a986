import Foundation

/// Notes of a run (model choice, thin data, no projection, borrowing, …) in the reader's language.
///
/// The layers below word their notes in English, as plain strings; this table translates their fixed
/// phrases for `--lang vi` when they are shown (stderr, the report, chart footnotes, the workbook's methods
/// sheet), keeping codes, numbers, model labels and file names as they are. Text that comes from the data
/// files (a catalogue's comparability note, a source's name) is data and stays as written. A phrase not in
/// the table passes through unchanged; `NoteTextTests` and the `--lang vi` CLI test keep the table in step
/// with the notes the bundled plan produces.
public enum NoteText {
    /// `note` in `language` (English: unchanged).
    public static func localized(_ note: String, _ language: Language) -> String {
        guard language == .vi else { return note }
        var out = note
        for rule in rules {
            let range = NSRange(out.startIndex..., in: out)
            out = rule.pattern.stringByReplacingMatches(in: out, range: range, withTemplate: rule.template)
        }
        return out
    }

    /// The prefix of a note line on stderr ("note: ", "ghi chú: ").
    public static func notePrefix(_ language: Language) -> String { language == .vi ? "ghi chú: " : "note: " }

    /// The prefix of a warning line on stderr ("warning: ", "cảnh báo: ").
    public static func warningPrefix(_ language: Language) -> String { language == .vi ? "cảnh báo: " : "warning: " }

    struct Rule: @unchecked Sendable {
        let pattern: NSRegularExpression
        let template: String
    }

    /// English pattern → Vietnamese template (`$1`… are the pattern's groups), applied in order: the longer,
    /// more specific phrases first.
    static let rules: [Rule] = [
        // Borrowing the national slope (PlanProjector, national shift).
        (#"(\S+) @ (\S+): (\d+) provincial point\(s\); projected with the national slope from (\S+) \((.+?)\) shifted to the provincial level in (\d{4})"#,
         "$1 @ $2: $3 điểm số liệu của tỉnh; dự báo bằng độ dốc quốc gia của $4 ($5), dịch về mức của tỉnh năm $6"),
        (#"(\S+) @ (\S+): (\d+) regional point\(s\); projected with the slope of its parent region (\S+) \((.+?)\) shifted to its level in (\d{4})"#,
         "$1 @ $2: $3 điểm số liệu của địa phương; dự báo bằng độ dốc của vùng cấp trên $4 ($5), dịch về mức của địa phương năm $6"),
        (#"the interval includes the dispersion of provinces around the shifted national trend, estimated from other provinces"#,
         "khoảng dự báo gồm cả độ phân tán của các tỉnh quanh xu hướng quốc gia đã dịch chuyển, ước lượng từ các tỉnh khác"),
        (#"fewer than (\d+) provincial points, so the interval cannot include the provincial-vs-national dispersion and understates the uncertainty"#,
         "ít hơn $1 điểm số liệu của tỉnh, nên khoảng dự báo không tính được độ phân tán giữa tỉnh và quốc gia và đánh giá thấp độ bất định"),
        // The region's own slope on another basis (PlanProjector, own-slope shift).
        (#"(\S+) @ (\S+): (\d+) plan-basis point\(s\); projected with the region's own slope from (\S+) \((.+?)\) shifted to the plan's level in (\d{4}): the bases differ in level \(a level break, not a trend\), so only the slope is used"#,
         "$1 @ $2: $3 điểm số liệu theo cơ sở của kế hoạch; dự báo bằng độ dốc riêng của địa phương từ $4 ($5), dịch về mức của kế hoạch năm $6: hai cơ sở khác nhau về mức (một bước gãy về mức, không phải xu hướng), nên chỉ dùng độ dốc"),
        (#"the interval includes the dispersion of provinces around their own slope shifted to a later level, estimated from other provinces"#,
         "khoảng dự báo gồm cả độ phân tán của các tỉnh quanh độ dốc riêng của chúng khi dịch về một mức sau, ước lượng từ các tỉnh khác"),
        (#"fewer than 3 plan-basis points, so the interval cannot include a drift between the plan's basis and (.+)$"#,
         "ít hơn 3 điểm số liệu theo cơ sở của kế hoạch, nên khoảng dự báo không tính được độ lệch dần giữa cơ sở của kế hoạch và $1"),
        (#"the own slope of (.+?) is not backtested for (.+?) \(no ownSlope entry in (\S+)\)"#,
         "độ dốc riêng của $1 chưa được kiểm định ngược cho $2 (không có mục ownSlope trong $3)"),
        // Alternative national sources and conflicting values.
        (#"(\S+) @ (\S+): (\d{4}) = (\S+) is from an alternative source \((.+); (\S+) says why it measures the same thing\)"#,
         "$1 @ $2: $3 = $4 lấy từ một nguồn khác ($5; $6 nêu lý do nguồn này đo cùng một đại lượng)"),
        (#"; (\d{4}(?:, \d{4})*) from an alternative source\)"#, "; $1 từ một nguồn khác)"),
        (#"conflicting (\d{4}) values: (\S+) \((.+?); used\) vs (\S+) \((.+?)\), not resolved: the verdicts use (\S+); check which figure the plan means"#,
         "hai giá trị năm $1 mâu thuẫn nhau: $2 ($3; được dùng) và $4 ($5), chưa được giải quyết: kết luận dùng $6; cần kiểm tra kế hoạch muốn nói số nào"),
        // Pace ladders (Scorecard).
        (#"pace ladders \(JME, UNSD, open-sdg\) use the projection's pace: (.+?) on the (\S+) scale, the fitted slope at full strength, (AAR[RI]) (-?[\d.]+) %/yr (\d{4})→(\d{4})"#,
         "các thang đánh giá theo tốc độ (JME, UNSD, open-sdg) dùng tốc độ của dự báo: $1 trên thang $2, giữ nguyên độ dốc ước lượng, $3 $4 %/năm $5→$6"),
        (#"pace ladders \(JME, UNSD, open-sdg\) use the projection's pace: (.+?) on the (\S+) scale, slope × κ = ([\d.]+) \(calibrated slope attenuation\), (AAR[RI]) (-?[\d.]+) %/yr (\d{4})→(\d{4})"#,
         "các thang đánh giá theo tốc độ (JME, UNSD, open-sdg) dùng tốc độ của dự báo: $1 trên thang $2, độ dốc × κ = $3 (hệ số giảm độ dốc đã hiệu chuẩn), $4 $5 %/năm $6→$7"),
        // Reference class (level held).
        (#"(\d+) point\(s\) and no usable comparator; reference-class forecast: the (\d{4}) level held, with the spread of provinces around their held level"#,
         "$1 điểm số liệu và không có chuỗi so sánh dùng được; dự báo theo nhóm tham chiếu: giữ mức năm $2, với độ phân tán của các tỉnh quanh mức được giữ"),
        (#"method reference-class level-held \((?:family |own group, no indicator family: )(\S+)\): not a trend; the interval is the spread of Viet Nam provinces around their held level, in-sample 80/95 % coverage ([\d./]+) %, ([\d./]+) % on held-out provinces"#,
         "phương pháp giữ mức theo nhóm tham chiếu (nhóm $1): không phải xu hướng; khoảng dự báo là độ phân tán của các tỉnh Việt Nam quanh mức được giữ, độ bao phủ 80/95 % trong mẫu $2 %, $3 % trên các tỉnh để kiểm định"),
        (#"; no reference class for (\S+) \(no indicator family\) in this run's calibration \((\S+) has none for it, or --intervals ols\): a level held without the provinces' spread covered ([\d/]+) % of 80/95 % intervals on held-out provinces, too little to use"#,
         "; không có nhóm tham chiếu cho $1 (chỉ tiêu không thuộc nhóm chỉ tiêu nào) trong hiệu chuẩn của lần chạy này ($2 không có, hoặc --intervals ols): giữ mức mà không tính độ phân tán của các tỉnh chỉ bao phủ $3 % khoảng 80/95 % trên các tỉnh để kiểm định, quá ít để dùng"),
        (#"; no reference class for the (\S+) family in this run's calibration \((\S+) has none for it, or --intervals ols\): a level held without the provinces' spread covered ([\d/]+) % of 80/95 % intervals on held-out provinces, too little to use"#,
         "; không có nhóm tham chiếu cho nhóm $1 trong hiệu chuẩn của lần chạy này ($2 không có, hoặc --intervals ols): giữ mức mà không tính độ phân tán của các tỉnh chỉ bao phủ $3 % khoảng 80/95 % trên các tỉnh để kiểm định, quá ít để dùng"),
        (#"no regional data point to hold for a reference-class forecast"#,
         "không có điểm số liệu địa phương để giữ mức cho dự báo theo nhóm tham chiếu"),
        (#"reference-class forecast, no trend: "#, "dự báo theo nhóm tham chiếu, không có xu hướng: "),
        (#"; not a trend"#, "; không phải xu hướng"),
        // Why there is no own trend.
        (#"(\d+) regional point\(s\), fewer than (\d+) for an own trend"#,
         "$1 điểm số liệu của địa phương, ít hơn $2 điểm cần cho xu hướng riêng"),
        (#"own trend on only (\d+) regional points \(fewer than (\d+)\)"#,
         "xu hướng riêng trên chỉ $1 điểm số liệu của địa phương (ít hơn $2)"),
        (#", and the national series (\S+) measures something different \((.+?)\); pass --allow-proxy to borrow its slope anyway"#,
         ", và chuỗi quốc gia $1 đo một đại lượng khác ($2); dùng --allow-proxy nếu vẫn muốn mượn độ dốc của nó"),
        (#", and the national trend cannot be used: "#, ", và the national trend cannot be used: "),
        (#"the national trend cannot be used: (\S+) @ (\S+) has (\d+) data point\(s\) in the fit window; at least (\d+) are needed for a trend\. Widen --window or add data \(a sparse regional series borrows the national slope when a comparable national series has enough points\)"#,
         "không dùng được xu hướng quốc gia: $1 @ $2 có $3 điểm số liệu trong khoảng ước lượng, cần ít nhất $4 điểm cho một xu hướng. Mở rộng --window hoặc bổ sung số liệu (chuỗi địa phương thưa mượn độ dốc quốc gia khi chuỗi quốc gia so sánh được có đủ điểm)"),
        (#"no regional data point to anchor the national trend"#, "không có điểm số liệu địa phương để neo xu hướng quốc gia"),
        (#", and no national series for (\S+)"#, ", và không có chuỗi quốc gia cho $1"),
        (#", and no (\S+) series for (\S+)"#, ", và không có chuỗi $1 cho $2"),
        // Thin data, model choice, sensitivity.
        (#"only (\d+) points in (\S+); the interval rests on (\d+) residual degree\(s\) of freedom and is very wide"#,
         "chỉ có $1 điểm trong $2; khoảng dự báo dựa trên $3 bậc tự do phần dư nên rất rộng"),
        (#"window sensitivity: the (\d{4}) projection moves by (\S+) across fit-window starts ±(\d+) years"#,
         "độ nhạy theo khoảng số liệu: dự báo năm $1 thay đổi $2 khi năm đầu của khoảng ước lượng dịch ±$3 năm"),
        (#"model choice: "#, "lựa chọn mô hình: "),
        (#"no usable series for this indicator"#, "không có chuỗi số liệu dùng được cho chỉ số này"),
        (#"no usable series"#, "không có chuỗi số liệu dùng được"),
        // Statuses at the front of a reason.
        (#"not projected: "#, "không dự báo: "),
        (#"assessment not possible: "#, "không thể đánh giá: "),
        // Scenario runs: population and resources.
        (#"population model: log-linear OLS fit to (\S+) (\S+), window (\S+) \(n=(\d+)\): growth (\S+) % a year \(SE (\S+) %\), fitted (\d{4}) population (\d+)"#,
         "mô hình dân số: hồi quy OLS log-tuyến tính của $1 $2, khoảng $3 (n=$4): tăng $5 % mỗi năm (sai số chuẩn $6 %), dân số ước lượng năm $7 là $8"),
        (#"population growth is drawn in the Monte Carlo with SD (\S+) %; to state it instead, write"#,
         "tốc độ tăng dân số được rút ngẫu nhiên trong mô phỏng Monte Carlo với độ lệch chuẩn $1 %; muốn cho trước, hãy viết"),
        (#" in the scenario file"#, " trong tệp kịch bản"),
        (#"(\S+): start stock in (\d{4}) "#, "$1: số lượng ban đầu năm $2: "),
        (#"= observed density (\S+) per 10,000"#, "= mật độ quan sát $1 trên 10.000 dân"),
        (#"= the trend's median density (\S+) per 10,000"#, "= mật độ trung vị của xu hướng $1 trên 10.000 dân"),
        (#"= density (\S+) per 10,000"#, "= mật độ $1 trên 10.000 dân"),
        (#"× (?:fitted )?(\d{4}) population (\d+) / 10,000"#, "× dân số năm $1 là $2 / 10.000"),
        (#"= the data's (\S+) in (\d{4})"#, "= số liệu $1 năm $2"),
        (#"the lever adds (\S+) entrants a year to business as usual; median, intervals and P\(attain\) are the analytic business-as-usual values plus the paired Monte Carlo difference \(common random numbers\)"#,
         "đòn bẩy thêm $1 người vào mỗi năm so với kịch bản cơ sở; trung vị, khoảng dự báo và P(đạt) là giá trị giải tích của kịch bản cơ sở cộng chênh lệch Monte Carlo theo cặp (cùng số ngẫu nhiên)"),
        (#"attrition fixed at (\S+) % a year \(no attrition_sd in the file\): the lever's part carries no attrition uncertainty; add `attrition_sd: 0.01` to draw it"#,
         "tỷ lệ nghỉ việc cố định $1 % mỗi năm (tệp không có attrition_sd): phần của đòn bẩy không tính độ bất định của tỷ lệ nghỉ việc; thêm `attrition_sd: 0.01` để rút ngẫu nhiên"),
        (#"business as usual is the (\S+) trend \((.+?)\), as in the scorecard; it stands for a net intake h̄ = ΔS \+ a·S = (\S+) a year at attrition (\S+) %"#,
         "kịch bản cơ sở là xu hướng của $1 ($2), như trong bảng đánh giá; tương ứng với số tuyển ròng h̄ = ΔS + a·S = $3 mỗi năm với tỷ lệ nghỉ việc $4 %"),
        (#"\(net hiring implied by the history of (\S+) × population, (\S+)\)"#,
         "(số tuyển ròng suy ra từ lịch sử của $1 × dân số, $2)"),
        (#"\(fewer than two observed years: implied by the business-as-usual median path (\S+)\)"#,
         "(ít hơn hai năm quan sát: suy ra từ đường trung vị của kịch bản cơ sở $1)"),
        (#"the data's (\S+) is (\S+) in (\d{4}) = (\S+) per 10,000 at the modelled (\d{4}) population"#,
         "số liệu $1 là $2 năm $3 = $4 trên 10.000 dân theo dân số mô hình năm $5"),
        (#"(\S+) unit costs are ILLUSTRATIVE \((.+?)\); replace them with the province's figures before using the totals"#,
         "đơn giá $1 chỉ để MINH HỌA ($2); thay bằng số liệu của tỉnh trước khi dùng các tổng số"),
        (#"\(group (\S+): "#, "(nhóm $1: "),
        (#"; the national series (\S+) measures something different \((.+?)\); pass --allow-proxy to borrow its slope anyway"#,
         "; chuỗi quốc gia $1 đo một đại lượng khác ($2); dùng --allow-proxy nếu vẫn muốn mượn độ dốc của nó"),
        (#", and (độ dốc riêng|không)"#, ", và $1"),
        (#"\(no indicator family\)"#, "(không thuộc nhóm chỉ tiêu nào)"),
        (#"\bthe ([a-z]+) family\b"#, "nhóm chỉ tiêu $1"),
        (#"/yr"#, "/năm"),
    ].map { Rule(pattern: try! NSRegularExpression(pattern: $0.0), template: $0.1) }
}
