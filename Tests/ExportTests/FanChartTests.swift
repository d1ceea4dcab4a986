import Foundation
import Testing
@testable import Export

@Suite("Fan chart SVG")
struct FanChartTests {
    static func chart(language: Language = .vi, fans: [FanSeries]? = nil) -> FanChart {
        FanChart(title: "Tỷ suất tử vong trẻ em dưới 5 tuổi, Kon Tum", yLabel: "‰ (phần nghìn)",
                 observed: ChartSamples.observed,
                 fans: fans ?? [FanSeries(name: "Xu hướng hiện tại", points: ChartSamples.fan())],
                 targets: ChartSamples.targets, language: language)
    }

    @Test func structure() throws {
        let svg = try Self.chart().render()
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.rootAttributes["width"] == "720")
        #expect(inspector.rootAttributes["height"] == "420")
        // Bands: one 95 % and one 80 % polygon; targets: 2 diamonds; legend: 1 diamond.
        #expect(inspector.counts["polygon"] == 2 + 2 + 1)
        // Observed line + projected mean line.
        #expect(inspector.counts["polyline"] == 2)
        // 14 observed points + 1 legend dot.
        #expect(inspector.counts["circle"] == 15)
        #expect(inspector.texts.contains("2025: < 25") == false)
        #expect(inspector.texts.contains("2025: < 30"))
        #expect(inspector.texts.contains("2030: ≤ 25"))
        #expect(inspector.texts.contains("Tỷ suất tử vong trẻ em dưới 5 tuổi, Kon Tum"))
        #expect(inspector.texts.contains(Label.interval80.text(.vi)))
        #expect(inspector.texts.contains(Label.interval95.text(.vi)))
        #expect(inspector.texts.contains("Năm"))
        // 95 % band drawn before (under) the 80 % band.
        let band95 = try #require(svg.range(of: "fill-opacity=\"0.15\"/>\n<polygon"))
        let band80 = try #require(svg.range(of: "fill-opacity=\"0.32\"/>\n<polyline"))
        #expect(band95.lowerBound < band80.lowerBound)
    }

    @Test func niceTicks() throws {
        let svg = try Self.chart().render()
        let inspector = try #require(SVGInspector.parse(svg))
        for year in ["2010", "2015", "2020", "2025", "2030"] { #expect(inspector.texts.contains(year)) }
        for value in ["15", "20", "25", "30", "40", "50"] { #expect(inspector.texts.contains(value)) }
    }

    @Test func escapesMarkupAndKeepsVietnamese() throws {
        var chart = Self.chart()
        chart.title = "A < B & C > \"D\" 'E' — Đắk Tô"
        chart.targets = [TargetMarker(year: 2025, value: 30, comparator: "<")]
        let svg = try chart.render()
        #expect(svg.contains("A &lt; B &amp; C &gt; &quot;D&quot; &apos;E&apos; — Đắk Tô"))
        #expect(svg.contains(">2025: &lt; 30</text>"))
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.texts.contains("A < B & C > \"D\" 'E' — Đắk Tô"))
    }

    @Test func severalScenariosHaveDistinctColoursAndLegend() throws {
        let fans = [FanSeries(name: "Cơ sở", points: ChartSamples.fan()),
                    FanSeries(name: "Tăng bác sĩ & y tế thôn bản", points: ChartSamples.fan(slope: -1.6))]
        let svg = try Self.chart(fans: fans).render()
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.counts["polyline"] == 3)
        #expect(inspector.counts["polygon"] == 4 + 2 + 1)
        #expect(inspector.texts.contains("Cơ sở"))
        #expect(inspector.texts.contains("Tăng bác sĩ & y tế thôn bản"))
        #expect(svg.contains("stroke=\"#0072B2\""))
        #expect(svg.contains("stroke=\"#D55E00\""))
    }

    @Test func vietnameseDecimalComma() throws {
        let marker = TargetMarker(year: 2030, value: 2.5, comparator: "≥")
        #expect(marker.label(.vi) == "2030: ≥ 2,5")
        #expect(marker.label == "2030: ≥ 2.5")
        var chart = Self.chart()
        chart.targets = [marker]
        chart.observed = chart.observed.map { ChartPoint(year: $0.year, value: $0.value / 10) }
        chart.fans = [FanSeries(name: "x", points: ChartSamples.fan(start: 3.2, slope: -0.1).map {
            FanPoint(year: $0.year, mean: $0.mean, lower80: $0.mean - 0.1, upper80: $0.mean + 0.1,
                     lower95: $0.mean - 0.2, upper95: $0.mean + 0.2)
        })]
        let inspector = try #require(SVGInspector.parse(try chart.render()))
        #expect(inspector.texts.contains("2030: ≥ 2,5"))
        #expect(inspector.texts.contains("2,5"))
        #expect(!inspector.texts.contains("2.5"))
    }

    @Test func deterministicBytes() throws {
        #expect(try Self.chart().render() == Self.chart().render())
        #expect(try Self.chart(language: .en).render().contains(">Observed</text>"))
    }

    @Test func badDataMessages() throws {
        var chart = Self.chart()
        chart.observed.append(ChartPoint(year: 2024, value: .nan))
        let nan = expectExportError { _ = try chart.render() }
        #expect(nan?.message == "The observed value for 2024 is nan; a chart needs finite numbers. "
                + "Drop that year or fix the input.")
        var crossed = Self.chart()
        crossed.fans[0].points[0].lower80 = crossed.fans[0].points[0].upper95 + 1
        let nested = expectExportError { _ = try crossed.render() }
        #expect(nested?.message.hasPrefix("The intervals of Xu hướng hiện tại for 2024 are not nested") == true)
        let empty = expectExportError {
            _ = try FanChart(title: "x", yLabel: "y", observed: [], fans: []).render()
        }
        #expect(empty?.message.hasPrefix("The chart has no observed, projected or target values") == true)
        var tiny = Self.chart()
        tiny.width = 100
        let size = expectExportError { _ = try tiny.render() }
        #expect(size?.message == "Chart size 100×420 is out of range; use a width of 320–10000 and a height of "
                + "240–10000 pixels.")
        #expect(size?.exitCode == 64)
    }

    /// Renders with rsvg-convert (Debian librsvg2-bin) and checks the PNG is non-empty and 720×420.
    @Test func rendersToPNGOfTheRightSize() throws {
        guard let png = try renderPNG(try Self.chart().render(), name: "fan-chart") else { return }
        #expect(png.count > 5_000)
        let size = try #require(pngSize(png))
        #expect(size.width == 720)
        #expect(size.height == 420)
        var wide = Self.chart(fans: [FanSeries(name: "Cơ sở", points: ChartSamples.fan()),
                                     FanSeries(name: "Can thiệp", points: ChartSamples.fan(slope: -1.6))])
        wide.width = 900
        wide.height = 500
        guard let png2 = try renderPNG(try wide.render(), name: "fan-chart-scenarios") else { return }
        #expect(pngSize(png2).map { [$0.width, $0.height] } == [900, 500])
    }
}

@Suite("Nice numbers (Heckbert 1990)")
struct NiceScaleTests {
    @Test func examples() throws {
        let scale = try NiceScale(minimum: 23.1, maximum: 48.0, ticks: 6)
        // range = nice(24.9, round: false) = 50, step = nice(50 / 5, round: true) = 10.
        #expect(scale.lower == 20 && scale.upper == 50 && scale.step == 10)
        #expect(scale.ticks == [20, 30, 40, 50])
        let finer = try NiceScale(minimum: 19.6, maximum: 48.0, ticks: 9)
        #expect(finer.ticks == [15, 20, 25, 30, 35, 40, 45, 50])
        let small = try NiceScale(minimum: 0.013, maximum: 0.087)
        #expect(small.step == 0.02 && small.fractionDigits == 2)
        #expect(small.ticks.map(small.label) == ["0.00", "0.02", "0.04", "0.06", "0.08", "0.10"])
        let years = try NiceScale(minimum: 2020, maximum: 2022, ticks: 7, minimumStep: 1)
        #expect(years.step == 1 && years.ticks == [2020, 2021, 2022])
        let flat = try NiceScale(minimum: 5, maximum: 5)
        #expect(flat.lower <= 4.5 && flat.upper >= 5.5)
    }

    @Test func niceNumberTable() {
        #expect(NiceScale.niceNumber(0.7, round: false) == 1)
        #expect(NiceScale.niceNumber(1.4, round: true) == 1)
        #expect(NiceScale.niceNumber(2.9, round: true) == 2)
        #expect(NiceScale.niceNumber(6.9, round: true) == 5)
        #expect(NiceScale.niceNumber(7.1, round: true) == 10)
        #expect(NiceScale.niceNumber(340, round: false) == 500)
    }

    @Test func rejectsNonFinite() {
        let error = expectExportError { _ = try NiceScale(minimum: 0, maximum: .infinity) }
        #expect(error?.message.hasPrefix("An axis range is not finite") == true)
    }

    /// Issue 13: a chart value ≥ ~1.2e308 trapped in `ticks` (`Int(inf)`: the span or the rounded upper end
    /// overflowed). Such ranges are refused with a message; the largest plottable ones still work.
    @Test(arguments: [[0.0, 1.2e308], [-1e308, 1e308], [1.7e308, 1.79e308], [-Double.greatestFiniteMagnitude, 0]])
    func hugeRangesAreRefusedNotTrapped(range: [Double]) {
        let error = expectExportError { _ = try NiceScale(minimum: range[0], maximum: range[1]).ticks }
        #expect(error?.message.contains("too large to draw") == true, "\(String(describing: error))")
    }

    @Test func largeButFiniteRangesStillWork() throws {
        let scale = try NiceScale(minimum: 0, maximum: 3e307)
        #expect(scale.ticks.count >= 2 && scale.ticks.count <= 12 && scale.ticks.allSatisfy(\.isFinite))
    }
}

/// Byte-for-byte comparison with a recorded SVG. Re-record after an intended change with
/// `CHITIEU_RECORD_GOLDEN=1 swift test --filter FanChartGoldenTests`, then look at the PNG.
@Suite("Fan chart golden file")
struct FanChartGoldenTests {
    @Test func matchesGoldenFile() throws {
        let svg = try FanChartTests.chart().render()
        if ProcessInfo.processInfo.environment["CHITIEU_RECORD_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/fan-chart-golden.svg")
            try Data(svg.utf8).write(to: source)
            return
        }
        let url = try #require(Bundle.module.url(forResource: "fan-chart-golden", withExtension: "svg",
                                                 subdirectory: "Fixtures"))
        let golden = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(svg == golden, "fan chart differs from Fixtures/fan-chart-golden.svg; if intended, re-record")
    }
}
