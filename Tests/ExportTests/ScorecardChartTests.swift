import Foundation
import Testing
@testable import Export

@Suite("Small multiples and reliability plot")
struct ScorecardChartTests {
    static func panels() -> [ScorecardPanel] {
        let observed = ChartSamples.observed
        return [
            ScorecardPanel(title: "Tử vong trẻ em < 5 tuổi (‰)", subtitle: "P(đạt) = 0,82", verdict: .likely,
                           observed: observed, fan: ChartSamples.fan(), targets: ChartSamples.targets),
            ScorecardPanel(title: "Suy dinh dưỡng thấp còi (%)", subtitle: "P(đạt) = 0,41", verdict: .uncertain,
                           observed: observed, fan: ChartSamples.fan(slope: -0.6), targets: ChartSamples.targets),
            ScorecardPanel(title: "Bác sĩ / 10.000 dân", verdict: .offTrack,
                           observed: observed.map { ChartPoint(year: $0.year, value: 60 - $0.value) },
                           fan: ChartSamples.fan(start: 27.6, slope: 0.4).map {
                               FanPoint(year: $0.year, mean: $0.mean, lower80: $0.lower80, upper80: $0.upper80,
                                        lower95: $0.lower95, upper95: $0.upper95)
                           },
                           targets: [TargetMarker(year: 2030, value: 35, comparator: "≥")]),
            ScorecardPanel(title: "Tổng tỷ suất sinh", verdict: .met, observed: observed),
            ScorecardPanel(title: "Tiêm chủng đầy đủ & đúng lịch", verdict: .noData),
        ]
    }

    @Test func smallMultiplesStructure() throws {
        let chart = SmallMultiples(title: "Chỉ tiêu kế hoạch Kon Tum", panels: Self.panels(), columns: 3, language: .vi)
        let svg = try chart.render()
        let inspector = try #require(SVGInspector.parse(svg))
        let expectedWidth: Double = 2 * 16 + 3 * 260 + 2 * 14
        #expect(chart.size.width == expectedWidth)
        #expect(inspector.rootAttributes["width"] == SVGCanvas.n(chart.size.width))
        // Per panel: background + header rect; legend: one swatch per verdict; plus the page background.
        let expectedRects: Int = 1 + 5 * 2 + VerdictCategory.allCases.count
        #expect(inspector.counts["rect"] == expectedRects)
        for category in VerdictCategory.allCases {
            #expect(inspector.texts.contains(category.label.text(.vi)), "legend lacks \(category)")
            #expect(svg.contains("fill=\"\(category.colour)\""))
        }
        #expect(inspector.texts.contains("Tiêm chủng đầy đủ & đúng lịch"))
        #expect(svg.contains("Tiêm chủng đầy đủ &amp; đúng lịch"))
        // Two fans (4 band polygons) + 5 target diamonds.
        let expectedPolygons: Int = 3 * 2 + 5
        #expect(inspector.counts["polygon"] == expectedPolygons)
    }

    @Test func smallMultiplesBadOptions() {
        let none = expectExportError { _ = try SmallMultiples(title: "x", panels: []).render() }
        #expect(none?.message == "The scorecard chart has no panels; select at least one indicator.")
        let columns = expectExportError { _ = try SmallMultiples(title: "x", panels: Self.panels(), columns: 0).render() }
        #expect(columns?.message == "The scorecard chart needs at least 1 column (got 0).")
    }

    @Test func smallMultiplesRenderToPNG() throws {
        let chart = SmallMultiples(title: "Chỉ tiêu kế hoạch Kon Tum", panels: Self.panels(), language: .vi)
        guard let png = try renderPNG(try chart.render(), name: "small-multiples") else { return }
        let size = try #require(pngSize(png))
        #expect(Double(size.width) == chart.size.width)
        #expect(Double(size.height) == chart.size.height)
    }

    // MARK: - Reliability

    @Test func equalCountBins() throws {
        let predicted = (0..<20).map { Double($0) / 20 }
        let outcomes = (0..<20).map { $0 % 4 == 0 || $0 >= 15 }
        let bins = try ReliabilityPlot.bins(predicted: predicted, outcomes: outcomes, binCount: 4)
        #expect(bins.map(\.count) == [5, 5, 5, 5])
        #expect(bins.map(\.meanPredicted) == [0.1, 0.35, 0.6, 0.85])
        #expect(bins.map(\.observedFrequency) == [0.4, 0.2, 0.2, 1.0])
        #expect(try ReliabilityPlot.bins(predicted: [0.5, 0.2], outcomes: [true, false], binCount: 10).count == 2)
    }

    @Test func binsRejectBadInput() {
        let length = expectExportError { _ = try ReliabilityPlot.bins(predicted: [0.1], outcomes: []) }
        #expect(length?.message == "There are 1 predicted probabilities but 0 outcomes; give one outcome per prediction.")
        let range = expectExportError { _ = try ReliabilityPlot.bins(predicted: [1.2], outcomes: [true]) }
        #expect(range?.message == "Predicted probability 1.2 is outside [0, 1]; probabilities must lie between 0 and 1.")
        let nan = expectExportError { _ = try ReliabilityPlot.bins(predicted: [.nan], outcomes: [true]) }
        #expect(nan?.message.hasPrefix("Predicted probability nan is outside [0, 1]") == true)
    }

    @Test func reliabilityPlotStructureAndPNG() throws {
        let predicted = (0..<200).map { Double($0) / 200 }
        let outcomes = predicted.enumerated().map { Double(($0.offset * 37) % 100) / 100 < $0.element }
        let plot = ReliabilityPlot(bins: try ReliabilityPlot.bins(predicted: predicted, outcomes: outcomes),
                                   language: .vi)
        let svg = try plot.render()
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.counts["circle"] == 10)
        #expect(inspector.texts.contains("Hiệu chuẩn hoàn hảo"))
        // Vietnamese decimal comma on the axes.
        #expect(inspector.texts.contains("0,0") && inspector.texts.contains("1,0"))
        #expect(!inspector.texts.contains("0.2"))
        guard let png = try renderPNG(svg, name: "reliability") else { return }
        #expect(pngSize(png).map { [$0.width, $0.height] } == [440, 440])
    }
}
