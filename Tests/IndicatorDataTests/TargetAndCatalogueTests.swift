import Foundation
import IndicatorData
import Testing

@Suite("Targets, catalogue, summary")
struct TargetAndCatalogueTests {
    @Test("plan targets layout: kinds, comparators, empty values for qualitative and none")
    func planTargets() throws {
        let text = """
            indicator_code,region,year,value,comparator,kind,text_vi,note,plan_row,unit,source
            stunting_u5_pct,VN-28,2025,28.0,<,strict,"<28,0",,21,%,plan appendix
            tfr,VN-28,2030,2.1,=,hold,"2,1",replacement level,17,births per woman,plan appendix
            malaria_new_cases_per_100k,VN-28,2025,,,qualitative,Loại trừ sốt rét,,15.3,,plan appendix
            fully_immunized_u1_pct,VN-28,2030,95,>=,conditional,95% với 12 loại vắc xin,if the Ministry deploys all 12,7,%,plan appendix

            """
        let targets = try Target.read(bytes: Array(text.utf8), file: "plan_targets.csv")
        #expect(targets.count == 4)
        let stunting = try #require(targets.first)
        #expect(stunting.value == 28.0)
        #expect(stunting.comparator == .lessThan)
        #expect(stunting.kind == .strict)
        #expect(stunting.text == "<28,0")
        #expect(stunting.planRow == "21")
        #expect(stunting.provenance.line == 2)
        let tfr = try #require(targets.dropFirst().first)
        #expect(tfr.kind == .hold)
        #expect(tfr.holdTolerance == 0.05)
        #expect(targets[2].value == nil && targets[2].comparator == nil && targets[2].kind == .qualitative)
        #expect(targets[3].kind == .conditional && targets[3].note == "if the Ministry deploys all 12")
    }

    @Test("shared targets layout: kind inferred (strict for < and >, level otherwise)")
    func sharedTargets() throws {
        let text = """
            indicator_code,region,year,value,unit,source,comparator
            stunting_u5_pct,VN,2025,17,% of children under 5,NNS,<
            imr,VN,2025,12.5,"deaths per 1,000 live births",MoH,<=

            """
        let targets = try Target.read(bytes: Array(text.utf8), file: "targets.csv")
        #expect(targets.map(\.kind) == [.strict, .level])
        #expect(targets.map(\.text) == ["<17", "<=12.5"])
        #expect(targets.last?.provenance.source == "MoH")
    }

    @Test("duplicate targets name both lines")
    func duplicateTargets() throws {
        let text = "indicator_code,region,year,value,comparator\nimr,VN,2025,12.5,<=\nimr,VN,2025,12,<=\n"
        let error = try #require(throws: DataError.self) { try Target.read(bytes: Array(text.utf8), file: "t.csv") }
        #expect(error.description.hasPrefix("t.csv:3:3: duplicate target (imr, VN, 2025): also at line 2"))
    }

    /// Issue 13: targets outside the catalogue's bounds (`u5mr <= -5`, `dtp3_pct >= 120`) were accepted;
    /// with a catalogue they are refused at the cell, on the slow and the columnar path alike.
    @Test("targets outside the catalogue's bounds are refused", arguments: [
        ("hiv_new_infections,VN,2030,-5,<=", "t.csv:2:4: target value -5 for hiv_new_infections is below the indicator's lower bound 0"),
        ("dtp3_pct,VN,2030,120,>=", "t.csv:2:4: target value 120 for dtp3_pct is above the indicator's upper bound 100"),
    ])
    func targetsOutsideBounds(row: String, expected: String) throws {
        let cat = try IndicatorCatalogue.read(contentsOf: fixtureURL("catalogue_small.csv"))
        let text = "indicator_code,region,year,value,comparator\n\(row)\n"
        let options = ReadOptions(catalogue: cat)
        let error = try #require(throws: DataError.self) { try Target.read(bytes: Array(text.utf8), file: "t.csv", options: options) }
        #expect(error.description.hasPrefix(expected), "\(error)")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: DataError.self) { try Target.readColumns(contentsOf: url, displayName: "t.csv", options: options) }
        #expect(try Target.read(bytes: Array(text.utf8), file: "t.csv").count == 1)  // no catalogue: no bounds
    }

    @Test("catalogue: fields, optional columns, lookup by series code")
    func catalogue() throws {
        let cat = try IndicatorCatalogue.read(contentsOf: fixtureURL("catalogue_small.csv"))
        #expect(cat.indicators.count == 2)
        let epi = try #require(cat["fully_immunized_u1_pct"])
        #expect(epi.group == .outcome)
        #expect(epi.direction == .higherIsBetter)
        #expect(epi.lowerBound == 0 && epi.upperBound == 100)
        #expect(epi.scale == .logit)
        #expect(epi.nationalSeries == "dtp3_pct" && !epi.nationalComparable)
        #expect(epi.nameVi == "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ")
        #expect(cat.entry(forSeries: "dtp3_pct")?.code == "fully_immunized_u1_pct")
        #expect(cat["hiv_new_infections"]?.upperBound == nil)
    }

    /// Iglewicz & Hoaglin (1993) M_i = 0.6745 (x_i − median) / MAD, worked by hand:
    /// x = [1, 2, 3, 4, 100], median 3, |x − 3| = [2, 1, 0, 1, 97], MAD = 1, M(100) = 0.6745 · 97 = 65.4265.
    @Test("modified z-score matches the hand-worked formula")
    func modifiedZ() throws {
        let z = try #require(ModifiedZScore.scores([1, 2, 3, 4, 100]))
        #expect(abs(z[4] - 65.4265) < 1e-12)
        #expect(abs(z[0] - (-1.349)) < 1e-12)
        // MAD = 0: mean absolute deviation fallback. median 5, MeanAD = 0.25, M(6) = 1 / (1.253314 · 0.25).
        let fallback = try #require(ModifiedZScore.scores([5, 5, 5, 6]))
        #expect(abs(fallback[3] - 1 / (1.253314 * 0.25)) < 1e-12)
        #expect(ModifiedZScore.scores([5, 5, 5, 5]) == nil, "no spread: nothing to score")
    }

    @Test("summary: gaps inside the range and a spike flagged as two changes")
    func summary() throws {
        // Shaped like DTP3 2013. Changes per year: 1, 2, −34, 34, 1, 1 (2015→2017 over 2 years), 1, −1, 2;
        // median 1, MAD 1, so M(−34) = 0.6745·35 and M(34) = 0.6745·33, the others ≤ 1.35.
        let years = [2010, 2011, 2012, 2013, 2014, 2015, 2017, 2018, 2019, 2020]
        let values = [90.0, 91, 93, 59, 93, 94, 96, 97, 96, 98]
        let obs = zip(years, values).map { Observation(year: $0, value: $1, provenance: Provenance(file: "", line: 0, source: "")) }
        let summary = try #require(SeriesSummary(Series(indicator: "dtp3_pct", region: "VN", unit: "%", observations: obs)))
        #expect(summary.gaps == [2016])
        #expect(summary.outliers.map(\.year) == [2013, 2014])
        #expect(abs((summary.outliers.first?.score ?? 0) - (-0.6745 * 35)) < 1e-12)
        #expect(summary.firstYear == 2010 && summary.lastYear == 2020 && summary.count == 10)
    }

    @Test("BundledData finds Datasets/ from the current directory or CHITIEU_DATASETS")
    func bundled() throws {
        // The test process runs inside the package, so walking up finds <root>/Datasets.
        let root = try BundledData.root()
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("indicators.csv").path))
        #expect(root.lastPathComponent == "Datasets")
        let error = try #require(throws: DataError.self) { try BundledData.file("no/such.csv") }
        #expect(error.exitCode == 66)
        #expect(error.message == "bundled file is missing")
    }
}
