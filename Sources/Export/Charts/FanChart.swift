import Foundation

/// A fan chart: observed history as a line with points, the projected mean, nested 80 % and 95 %
/// prediction bands (95 % lighter, drawn first), plan targets as diamonds labelled with their comparator
/// ("2025: < 25"), and optionally several scenarios (one fan each, Okabe–Ito colours, named in the legend).
///
/// Written by hand as SVG 1.1 (no plotting package). Output is deterministic: coordinates have at most
/// two decimals and elements are emitted in a fixed order, so the same data gives the same bytes.
/// Axis ticks use Heckbert's nice numbers (`NiceScale`). All text is XML-escaped.
public struct FanChart: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var observed: [ChartPoint]
    public var fans: [FanSeries]
    public var targets: [TargetMarker]
    /// Language of the legend texts.
    public var language: Language
    /// Size in pixels; default 720×420 (fits an A4 report page at 96 dpi with margins).
    public var width: Double
    public var height: Double

    public init(title: String, xLabel: String? = nil, yLabel: String, observed: [ChartPoint],
                fans: [FanSeries], targets: [TargetMarker] = [], language: Language = .en,
                width: Double = 720, height: Double = 420) {
        self.title = title
        self.xLabel = xLabel ?? Label.year.text(language)
        self.yLabel = yLabel
        self.observed = observed
        self.fans = fans
        self.targets = targets
        self.language = language
        self.width = width
        self.height = height
    }

    // MARK: - Rendering

    /// The SVG document.
    /// - Throws: `ExportError.badChartData` for non-finite or non-nested values or an empty chart,
    ///   `.badOption` for a size outside 320×240 … 10000×10000.
    public func render() throws -> String {
        try ChartValidation.size(width: width, height: height, minimumWidth: 320, minimumHeight: 240)
        try ChartValidation.check(observed: observed, fans: fans, targets: targets)
        let (xScale, yScale) = try PlotFrame.scales(observed: observed, fans: fans, targets: targets,
                                                    xTicks: 7, yTicks: 9)
        var canvas = SVGCanvas(width: width, height: height)
        canvas.title(title)
        canvas.text(title, x: width / 2, y: 24, size: 16, anchor: .middle, bold: true)

        let legendTop = 40.0
        let legendRows = layoutLegend(maxWidth: width - 40)
        let left = 72.0, right = 28.0
        let top = legendTop + Double(legendRows.count) * 18 + 14
        let bottom = 52.0
        let frame = PlotFrame(left: left, top: top, width: width - left - right, height: height - top - bottom,
                              x: xScale, y: yScale, language: language)
        guard frame.height >= 60 else {
            throw ExportError(.badOption, message: "The chart is too short for its legend; use a larger height.")
        }
        drawLegend(legendRows, top: legendTop, on: &canvas)

        frame.drawAxes(on: &canvas, fontSize: 11)
        canvas.text(xLabel, x: frame.left + frame.width / 2, y: height - 12, size: 12, anchor: .middle)
        canvas.text(yLabel, x: 18, y: frame.top + frame.height / 2, size: 12, anchor: .middle, rotate: -90)

        frame.drawFans(fans, colours: fans.indices.map(ChartPalette.scenario), on: &canvas, lineWidth: 2.5)
        frame.drawObserved(observed, on: &canvas, lineWidth: 2, radius: 3.5)
        for target in targets.sorted(by: { $0.year < $1.year }) {
            frame.drawTarget(target, on: &canvas, size: 6, fontSize: 11)
        }
        return canvas.document()
    }

    /// Renders and writes the SVG atomically (see `AtomicFile`).
    public func write(to url: URL, overwrite: Bool) throws {
        try AtomicFile.write(Data(render().utf8), to: url, overwrite: overwrite)
    }

    // MARK: - Legend

    enum LegendSymbol: Equatable {
        case line(String), band(String, Double), observed, target
    }

    struct LegendItem: Equatable {
        let symbol: LegendSymbol
        let text: String
        var width: Double { 22 + 6 + SVGCanvas.textWidth(text, size: 11) + 16 }
    }

    func legendItems() -> [LegendItem] {
        var items: [LegendItem] = []
        if !observed.isEmpty { items.append(LegendItem(symbol: .observed, text: Label.observed.text(language))) }
        if fans.count == 1 {
            items.append(LegendItem(symbol: .line(ChartPalette.scenario(0)), text: Label.projected.text(language)))
        } else {
            for (index, fan) in fans.enumerated() {
                items.append(LegendItem(symbol: .line(ChartPalette.scenario(index)), text: fan.name))
            }
        }
        if !fans.isEmpty {
            // One fan: bands in its colour; several: neutral grey so the swatches explain shading only.
            let colour = fans.count == 1 ? ChartPalette.scenario(0) : "#666666"
            items.append(LegendItem(symbol: .band(colour, PlotFrame.opacity80), text: Label.interval80.text(language)))
            items.append(LegendItem(symbol: .band(colour, PlotFrame.opacity95), text: Label.interval95.text(language)))
        }
        if !targets.isEmpty { items.append(LegendItem(symbol: .target, text: Label.target.text(language))) }
        return items
    }

    /// Items packed into centred rows no wider than `maxWidth`.
    func layoutLegend(maxWidth: Double) -> [[LegendItem]] {
        var rows: [[LegendItem]] = []
        var current: [LegendItem] = []
        var used = 0.0
        for item in legendItems() {
            if !current.isEmpty && used + item.width > maxWidth {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(item)
            used += item.width
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    private func drawLegend(_ rows: [[LegendItem]], top: Double, on canvas: inout SVGCanvas) {
        for (rowIndex, row) in rows.enumerated() {
            let rowWidth = row.reduce(0) { $0 + $1.width } - 16
            var x = (width - rowWidth) / 2
            let y = top + Double(rowIndex) * 18
            for item in row {
                switch item.symbol {
                case .observed:
                    canvas.line(x1: x, y1: y, x2: x + 22, y2: y, stroke: ChartPalette.observed, width: 2)
                    canvas.circle(cx: x + 11, cy: y, r: 3.5, fill: ChartPalette.observed)
                case .line(let colour):
                    canvas.line(x1: x, y1: y, x2: x + 22, y2: y, stroke: colour, width: 2.5)
                case .band(let colour, let opacity):
                    canvas.rect(x: x, y: y - 6, width: 22, height: 12, fill: colour, opacity: opacity)
                case .target:
                    canvas.polygon([(x + 11, y - 6), (x + 17, y), (x + 11, y + 6), (x + 5, y)],
                                   fill: ChartPalette.target, opacity: 1)
                }
                canvas.text(item.text, x: x + 28, y: y + 4, size: 11)
                x += item.width
            }
        }
    }
}
