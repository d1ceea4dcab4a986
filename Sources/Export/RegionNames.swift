import Foundation

/// Region names for titles and captions ("Kon Tum", not `VN-28`): code → Vietnamese and English name.
/// The CLI fills it from the regions file when there is one; `known` holds the names the bundled data's
/// documentation gives (shared/data/README.md: `VN`, Kon Tum `VN-28` and its districts, the Central
/// Highlands; `VN-29` Quảng Ngãi, which Kon Tum merged into in 2025; `VN-30` Gia Lai, ISO 3166-2).
public struct RegionNames: Sendable, Equatable {
    public struct Name: Sendable, Equatable {
        public var vi: String
        public var en: String
        public init(vi: String, en: String) {
            self.vi = vi
            self.en = en
        }
    }

    public var names: [String: Name]

    public init(_ names: [String: Name] = [:]) { self.names = names }

    /// The region's name in `language`, or the code when it has none.
    public func name(_ code: String, _ language: Language) -> String {
        guard let name = names[code] else { return code }
        let text = language == .vi ? name.vi : name.en
        return text.isEmpty ? code : text
    }

    /// "Kon Tum (VN-28)" for a title; the bare code when the name is unknown.
    public func title(_ code: String, _ language: Language) -> String {
        let name = name(code, language)
        return name == code ? code : "\(name) (\(code))"
    }

    /// These names, with `other`'s replacing them where both have a code.
    public func merging(_ other: RegionNames) -> RegionNames {
        RegionNames(names.merging(other.names) { _, new in new })
    }

    public static let known = RegionNames([
        "VN": Name(vi: "Việt Nam", en: "Viet Nam"),
        "VN-28": Name(vi: "Kon Tum", en: "Kon Tum"),
        "VN-29": Name(vi: "Quảng Ngãi", en: "Quang Ngai"),
        "VN-30": Name(vi: "Gia Lai", en: "Gia Lai"),
        "VN-CENTRAL_HIGHLANDS": Name(vi: "Tây Nguyên", en: "Central Highlands"),
        "VN-28-KON_TUM_CITY": Name(vi: "Thành phố Kon Tum", en: "Kon Tum City"),
        "VN-28-DAK_GLEI": Name(vi: "Đắk Glei", en: "Dak Glei"),
        "VN-28-NGOC_HOI": Name(vi: "Ngọc Hồi", en: "Ngoc Hoi"),
        "VN-28-DAK_TO": Name(vi: "Đắk Tô", en: "Dak To"),
        "VN-28-KON_PLONG": Name(vi: "Kon Plông", en: "Kon Plong"),
        "VN-28-KON_RAY": Name(vi: "Kon Rẫy", en: "Kon Ray"),
        "VN-28-DAK_HA": Name(vi: "Đắk Hà", en: "Dak Ha"),
        "VN-28-SA_THAY": Name(vi: "Sa Thầy", en: "Sa Thay"),
        "VN-28-TU_MO_RONG": Name(vi: "Tu Mơ Rông", en: "Tu Mo Rong"),
        "VN-28-IA_HDRAI": Name(vi: "Ia H'Drai", en: "Ia H'Drai"),
    ])
}
