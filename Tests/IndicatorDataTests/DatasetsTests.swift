import Foundation
import Testing
@testable import IndicatorData

// Reads every CSV under Datasets/ with the project's own readers and checks row counts and a handful of
// values against the sources they were copied or transcribed from:
// - shared/data/*.csv (copied byte for byte; counts from shared/data/README.md),
// - seed 000_… (Kon Tum plan appendix "Phụ lục: CÁC CHỈ TIÊU Y TẾ", 5/2024),
// - seed 003_… (Kon Tum Department of Health report for March 2024).
// The expected numbers below are typed from those sources, not from the CSV files.

// MARK: - Locating Datasets/

/// `…/Tests/IndicatorDataTests/DatasetsTests.swift` → `…/Datasets`.
private let datasetsRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Datasets", isDirectory: true)

private func dataset(_ relativePath: String) -> URL {
    datasetsRoot.appendingPathComponent(relativePath)
}

/// Source priority that settles the duplicate keys of `national/vietnam_national_alt.csv`, which holds
/// several sources per key by design (Datasets/README.md, B.2): SDG before WHO GHO before the rest.
private let altPriority = ["sdg_indicators", "ddf--who--gho", "IHR-costing", "systema_globalis",
                           "moh.gov.vn", "vdong.vn", "ngoisao.vn", "yenbai"]

/// The CSV files the data layer must read; the inventory test fails when a file is added or removed
/// without updating this list (and, by review, Datasets/README.md).
private let expectedFiles: [String: Int] = [
    // path: data rows (header excluded)
    "indicators.csv": 85,
    "derived_indicators.csv": 5,
    "regions.csv": 62,
    "intl/intl_series.csv": 6477,
    "kontum/kontum_province.csv": 156,
    "kontum/plan_baseline_2023.csv": 22,
    "kontum/plan_targets.csv": 51,
    "kontum/report_2024_03_district_cases.csv": 75,
    "kontum/report_2024_03_epi.csv": 33,
    "national/national_targets.csv": 22,
    "national/alt_sources.csv": 11,
    "national/vietnam_igme_child_mortality_bounds.csv": 243,
    "national/vietnam_national.csv": 460,
    "national/vietnam_national_alt.csv": 189,
    "provinces/vietnam_provinces_gso.csv": 11037,
]

private let seriesFiles = expectedFiles.keys.filter {
    $0 != "indicators.csv" && $0 != "kontum/plan_targets.csv" && $0 != "national/national_targets.csv"
        && $0 != "derived_indicators.csv" && $0 != "regions.csv" && $0 != "national/alt_sources.csv"
}.sorted()

private func readSeries(_ path: String, catalogue: IndicatorCatalogue? = nil) throws -> SeriesCollection {
    let priority = path == "national/vietnam_national_alt.csv" ? altPriority : []
    return try SeriesReader.read(contentsOf: dataset(path), displayName: "Datasets/\(path)",
                                 options: ReadOptions(sourcePriority: priority, catalogue: catalogue))
}

private func readCatalogue() throws -> IndicatorCatalogue {
    try IndicatorCatalogue.read(contentsOf: dataset("indicators.csv"), displayName: "Datasets/indicators.csv")
}

private func readTargets(_ path: String) throws -> [Target] {
    try Target.read(contentsOf: dataset(path), displayName: "Datasets/\(path)")
}

/// Exact comparison is right here: every value is a short decimal typed from a source, parsed by the
/// same grammar as the literal; a tolerance of 1e-12 only absorbs nothing but representation.
private func same(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-12 * max(1, abs(b))
}

@Suite("Datasets")
struct DatasetsTests {

    // MARK: - Inventory

    @Test("Datasets/ holds exactly the documented CSV files")
    func inventory() throws {
        let root = datasetsRoot.standardizedFileURL.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var found: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".csv") { found.append(item) }
        }
        #expect(found.sorted() == expectedFiles.keys.sorted())
        #expect(FileManager.default.fileExists(atPath: dataset("README.md").path))
    }

    @Test("each series file reads without error, with the catalogue's bounds, and has its row count",
          arguments: seriesFiles)
    func seriesFileReads(path: String) throws {
        let catalogue = try readCatalogue()
        let collection = try readSeries(path, catalogue: catalogue)
        #expect(collection.rowCount == expectedFiles[path])
        #expect(collection.missing.isEmpty, "no empty values in series files")
        let resolved = collection.resolvedDuplicates.count
        #expect(resolved == (path == "national/vietnam_national_alt.csv" ? 31 : 0))
        #expect(collection.observationCount + resolved == collection.rowCount)
        // Every series code of the copied and transcribed files that is not a report-only code is catalogued.
        if !path.hasPrefix("kontum/report_") {
            for key in collection.keys {
                #expect(catalogue[key.indicator] != nil, "\(key.indicator) in \(path) is not in indicators.csv")
            }
        }
    }

    @Test("the alternative national file has duplicate keys by design: an error without a source priority")
    func altFileNeedsPriority() throws {
        let error = try #require(throws: DataError.self) {
            try SeriesReader.read(contentsOf: dataset("national/vietnam_national_alt.csv"),
                                  displayName: "Datasets/national/vietnam_national_alt.csv")
        }
        #expect(error.kind == .badData)
        #expect(error.message.contains("duplicate"))
        #expect(error.file == "Datasets/national/vietnam_national_alt.csv")
    }

    // MARK: - Copies of shared/data

    @Test("national series: sanity values of shared/data/README.md")
    func nationalValues() throws {
        let vn = try readSeries("national/vietnam_national.csv")
        #expect(same(vn["u5mr", "VN"]?.value(in: 2020), 21.0))
        #expect(same(vn["u5mr", "VN"]?.value(in: 2023), 20.0))
        #expect(same(vn["imr", "VN"]?.value(in: 2023), 14.0))
        #expect(same(vn["mmr", "VN"]?.value(in: 2017), 43))
        #expect(same(vn["tb_incidence_per_100k", "VN"]?.value(in: 2023), 185))
        #expect(vn["tfr", "VN"]?.firstYear == 1990)
        let bounds = try readSeries("national/vietnam_igme_child_mortality_bounds.csv")
        #expect(same(bounds["u5mr_median", "VN"]?.value(in: 2010), 23.3))
        #expect(same(bounds["imr_median", "VN"]?.value(in: 2010), 18.6))
        let alt = try readSeries("national/vietnam_national_alt.csv")
        // WHO GHO pre-2000 stunting survey point (README B.2) and an MoH-only value (pharmacists 2019).
        #expect(same(alt["stunting_u5_pct", "VN"]?.value(in: 1994), 52.5))
        #expect(same(alt["pharmacists_per_10k", "VN"]?.value(in: 2019), 2.88))
    }

    @Test("Kon Tum province copy: values of shared/data/README.md")
    func kontumValues() throws {
        let kt = try readSeries("kontum/kontum_province.csv")
        #expect(same(kt["stunting_u5_pct", "VN-28"]?.value(in: 2023), 28.7))
        #expect(same(kt["tfr", "VN-28"]?.value(in: 2016), 2.49))
        #expect(same(kt["population_avg", "VN-28"]?.value(in: 2022), 579_914))
        #expect(same(kt["life_expectancy", "VN-28"]?.value(in: 2023), 69.7))
        #expect(same(kt["population_avg_derived", "VN-28-DAK_HA"]?.value(in: 2022), 79_590))
    }

    @Test("GSO provinces copy: 42 provinces + Hà Tây to 2007 + 6 regions + VN; Kon Tum values of README §9")
    func provincesValues() throws {
        let gso = try readSeries("provinces/vietnam_provinces_gso.csv")
        let regions = Set(gso.keys.map(\.region))
        // 42 provinces of README §9, plus VN-15 Hà Tây (1995–2007, merged into Hà Nội in 2008), 6 regions, VN.
        #expect(regions.count == 50)
        #expect(gso["population_avg", "VN-15"]?.lastYear == 2007)
        #expect(regions.filter { $0.hasPrefix("VN-REG-") }.count == 6)
        // README §9: "Kon Tum doctors 2016: 462 on this basis"; "Kon Tum doctors 2010 (156, between 249 and 354)".
        #expect(same(gso["doctors_dpoh_count", "VN-28"]?.value(in: 2016), 462))
        #expect(same(gso["doctors_dpoh_count", "VN-28"]?.value(in: 2010), 156))
        #expect(same(gso["doctors_dpoh_count", "VN-28"]?.value(in: 2009), 249))
        #expect(same(gso["doctors_dpoh_count", "VN-28"]?.value(in: 2011), 354))
        // Population in thousands (README §9), 22 years 1995–2016.
        let pop = try #require(gso["population_avg", "VN-28"])
        #expect(pop.unit == "thousand persons" && pop.count == 22 && pop.firstYear == 1995)
        #expect(gso["doctors_dpoh_count", "VN-28"]?.count == 15)
        #expect(gso["imr", "VN-28"]?.count == 11 && gso["immunization_full_u1_pct", "VN-28"]?.count == 5)
        #expect(gso["hiv_new_cases", "VN-28"]?.count == 6)
    }

    @Test("national targets copy: 22 targets, strict only where printed")
    func nationalTargets() throws {
        let targets = try readTargets("national/national_targets.csv")
        #expect(targets.count == 22)
        let stunting = try #require(targets.first { $0.indicator == "stunting_u5_pct" && $0.region == "VN-28" })
        #expect(stunting.year == 2025)
        #expect(same(stunting.value, 29.5))
        #expect(stunting.comparator == .lessOrEqual)
    }
}

// MARK: - Kon Tum plan appendix (seed 000_…)

extension DatasetsTests {
    private func planTarget(_ targets: [Target], _ code: String, _ year: Int) throws -> Target {
        try #require(targets.first { $0.indicator == code && $0.year == year && $0.region == "VN-28" },
                     "plan_targets.csv has no \(code) \(year)")
    }

    @Test("plan targets: 51 rows, 26 codes, kinds as decided in Datasets/README.md A.1")
    func planTargetsShape() throws {
        let targets = try readTargets("kontum/plan_targets.csv")
        #expect(targets.count == 51)
        #expect(Set(targets.map(\.indicator)).count == 26)
        #expect(targets.allSatisfy { $0.region == "VN-28" && ($0.year == 2025 || $0.year == 2030) })
        var kinds: [TargetKind: Int] = [:]
        for t in targets { kinds[t.kind, default: 0] += 1 }
        #expect(kinds == [.level: 25, .strict: 13, .hold: 2, .conditional: 2, .qualitative: 3, .none: 6])
        // Numeric kinds carry a value and a comparator; the others carry neither.
        for t in targets {
            let numeric = t.kind == .level || t.kind == .strict || t.kind == .hold || t.kind == .conditional
            #expect((t.value != nil) == numeric, "\(t.indicator) \(t.year)")
            #expect((t.comparator != nil) == numeric, "\(t.indicator) \(t.year)")
            #expect(t.provenance.source.contains("000_0399673246106638"))
        }
    }

    @Test("plan row 21 stunting: <28,0 (2025) and <25,0 (2030), strict")
    func stuntingTargets() throws {
        let targets = try readTargets("kontum/plan_targets.csv")
        let t25 = try planTarget(targets, "stunting_u5_pct", 2025)
        #expect(same(t25.value, 28.0))
        #expect(t25.comparator == .lessThan)
        #expect(t25.kind == .strict)
        #expect(t25.text == "<28,0")
        #expect(t25.planRow == "21")
        let t30 = try planTarget(targets, "stunting_u5_pct", 2030)
        #expect(same(t30.value, 25.0))
        #expect(t30.text == "<25,0")
        // The 2023 value 28.7 does not meet the 2025 target (strictly below 28.0).
        #expect(t25.comparator?.isMet(28.7, target: 28.0) == false)
    }

    @Test("plan row 17 TFR 2,1: hold, judged equal within 2.05–2.15")
    func tfrHold() throws {
        let targets = try readTargets("kontum/plan_targets.csv")
        for year in [2025, 2030] {
            let t = try planTarget(targets, "tfr", year)
            #expect(t.kind == .hold)
            #expect(t.comparator == .equal)
            #expect(same(t.value, 2.1))
            #expect(t.text == "2,1")
            #expect(same(t.holdTolerance, 0.05))
            #expect(t.note.contains("2.05 <= TFR <= 2.15"))
            #expect(t.comparator?.isMet(2.14, target: 2.1, tolerance: t.holdTolerance) == true)
            #expect(t.comparator?.isMet(2.43, target: 2.1, tolerance: t.holdTolerance) == false)
            #expect(t.comparator?.isMet(2.0, target: 2.1, tolerance: t.holdTolerance) == false)
        }
    }

    @Test("plan row 7 EPI: conditional 95 % with its condition; the 12/14-vaccine inconsistency is noted")
    func epiConditional() throws {
        let targets = try readTargets("kontum/plan_targets.csv")
        let t25 = try planTarget(targets, "fully_immunized_u1_pct", 2025)
        #expect(t25.kind == .conditional)
        #expect(same(t25.value, 95))
        #expect(t25.comparator == .greaterOrEqual)
        #expect(t25.text == "95% với 12 loại vắc xin (trong trường hợp Bộ Y tế triển khai đủ 12 loại vắc xin)")
        let t30 = try planTarget(targets, "fully_immunized_u1_pct", 2030)
        #expect(t30.text.hasPrefix("95% với 14 loại vắc xin"))
        #expect(t30.note.contains("Inconsistency"))
    }

    @Test("plan rows 4, 5, 13, 15, 15.3, 11, 22: beds typo, 30/>30, met at baseline, qualitative, none")
    func hardRows() throws {
        let targets = try readTargets("kontum/plan_targets.csv")
        let beds25 = try planTarget(targets, "hospital_beds_per_10k", 2025)
        let beds30 = try planTarget(targets, "hospital_beds_per_10k", 2030)
        #expect(same(beds25.value, 42.5) && same(beds30.value, 40))
        #expect(beds25.note.contains("typo") && beds30.note.contains("Non-monotone"))
        let budget25 = try planTarget(targets, "preventive_budget_share_pct", 2025)
        let budget30 = try planTarget(targets, "preventive_budget_share_pct", 2030)
        #expect(budget25.kind == .level && budget25.comparator == .greaterOrEqual && same(budget25.value, 30))
        #expect(budget30.kind == .strict && budget30.comparator == .greaterThan && same(budget30.value, 30))
        let elderly = try planTarget(targets, "elderly_care_pct", 2025)
        #expect(same(elderly.value, 95) && elderly.note.contains("already"))
        let malaria = try planTarget(targets, "malaria_new_cases_per_100k", 2025)
        #expect(malaria.kind == .qualitative && malaria.text == "Loại trừ sốt rét")
        #expect(try planTarget(targets, "malaria_new_cases_per_100k", 2030).text == "Duy trì loại trừ sốt rét")
        let heading = targets.filter { $0.indicator == "end_aids_tb_malaria" }
        #expect(heading.map(\.year) == [2030] && heading.first?.kind == .qualitative)
        for code in ["uhc_service_coverage_index", "height_18_male_cm", "height_18_female_cm"] {
            let t = try planTarget(targets, code, 2030)
            #expect(t.kind == .none && t.value == nil)
            #expect(t.text.contains("Bộ Y tế") && t.text.contains("5 năm/ lần"))
        }
    }

    @Test("plan baseline 2023: 22 rows, 'Ước' flagged as estimate, row 7 keeps its remark")
    func baseline() throws {
        let b = try readSeries("kontum/plan_baseline_2023.csv")
        #expect(b.rowCount == 22)
        #expect(same(b["stunting_u5_pct", "VN-28"]?.value(in: 2023), 28.7))
        #expect(same(b["tfr", "VN-28"]?.value(in: 2023), 2.43))
        #expect(same(b["health_insurance_coverage_pct", "VN-28"]?.value(in: 2023), 93.46))
        #expect(same(b["malaria_new_cases_per_100k", "VN-28"]?.value(in: 2023), 0.34))
        var flagged: [String] = []
        for s in b.series {
            for o in s.observations where o.provenance.flag == "estimate" { flagged.append(s.indicator) }
        }
        #expect(flagged.sorted() == ["imr", "life_expectancy", "u5mr"])
        let epi = try #require(b["fully_immunized_u1_pct", "VN-28"]?.observations.first)
        #expect(same(epi.value, 52.5))
        #expect(epi.provenance.extra["text_vi"] == "52,5 (hiện nay Bộ Y tế mới triển khai 8 loại vắc xin)")
        #expect(b["uhc_service_coverage_index", "VN-28"] == nil)
    }
}

// MARK: - March 2024 report (seed 003_…) and the catalogue

extension DatasetsTests {
    @Test("EPI table: TCĐĐ 58,7 % is a second 2023 source for plan row 7 (plan: 52,5 %)")
    func epiReport() throws {
        let r = try readSeries("kontum/report_2024_03_epi.csv")
        #expect(same(r["fully_immunized_u1_pct", "VN-28"]?.value(in: 2023), 58.7))
        #expect(same(r["epi_fully_immunized_cumulative", "VN-28"]?.value(in: 2023), 6477))
        #expect(same(r["epi_bcg_cumulative", "VN-28"]?.value(in: 2023), 10594))
        #expect(same(r["epi_bopv3_coverage_pct", "VN-28"]?.value(in: 2023), 77.5))
        #expect(same(r["epi_dpt_hepb_hib3_coverage_pct", "VN-28"]?.value(in: 2023), 27.8))
        #expect(same(r["epi_je3_catchup", "VN-28"]?.value(in: 2024), 997))
    }

    @Test("district cases: district figures sum to the printed province totals")
    func districtCases() throws {
        let r = try readSeries("kontum/report_2024_03_district_cases.csv")
        let printedTotals: [String: Double] = [
            "tb_new_cases_month": 46, "tb_cases_ytd": 94, "varicella_new_cases_month": 27,
            "varicella_cases_ytd": 42, "mumps_new_cases_month": 22, "mumps_cases_ytd": 48,
            "dengue_new_cases_month": 5, "dengue_cases_ytd": 13, "hfmd_cases_ytd": 3,
        ]
        for (code, total) in printedTotals {
            #expect(same(r[code, "VN-28"]?.value(in: 2024), total), "\(code) province total")
            let districts = r.series(indicator: code).filter { $0.region.hasPrefix("VN-28-") }
            let sum = districts.compactMap { $0.value(in: 2024) }.reduce(0, +)
            #expect(same(sum, total), "\(code): districts sum to \(sum), printed total \(total)")
        }
        #expect(same(r["tb_cases_ytd", "VN-28-IA_HDRAI"]?.value(in: 2024), 3))
        #expect(same(r["malaria_new_cases_ytd", "VN-28"]?.value(in: 2024), 0))
    }

    @Test("catalogue: 26 plan indicators, three non-comparable national series flagged, beds unit")
    func catalogue() throws {
        let c = try readCatalogue()
        #expect(c.indicators.count == 85)
        let plan = c.indicators.filter { !$0.planRow.isEmpty }
        #expect(plan.count == 26)
        let nonComparable = c.indicators.filter { $0.nationalSeries != nil && !$0.nationalComparable }
        #expect(nonComparable.map(\.code).sorted() ==
                ["hiv_new_detections_per_100k", "nurses_per_10k", "tb_new_cases_per_100k"])
        #expect(c["nurses_per_10k"]?.nationalSeries == "nurses_midwives_per_10k")
        #expect(c["tb_new_cases_per_100k"]?.nationalSeries == "tb_incidence_per_100k")
        #expect(c["hiv_new_detections_per_100k"]?.nationalSeries == "hiv_incidence_per_1000_uninfected")
        let beds = try #require(c["hospital_beds_per_10k"])
        #expect(beds.unit == "hospital beds per 10,000 population")
        #expect(beds.unitPrinted == "Người")
        #expect(beds.note.contains("typo"))
        #expect(c["stunting_u5_pct"]?.scale == .logit && c["stunting_u5_pct"]?.upperBound == 100)
        #expect(c["tfr"]?.scale == .log && c["life_expectancy"]?.scale == .linear)
        #expect(c["imr"]?.direction == .lowerIsBetter && c["physicians_per_10k"]?.direction == .higherIsBetter)
        #expect(c["u5mr"]?.provincialSeries == "u5mr" && c["uhc_service_coverage_index"]?.provincialSeries == nil)
        #expect(c["height_18_female_cm"]?.group == .impact && c["nurses_midwives_per_10k"]?.group == nil)
    }
}
