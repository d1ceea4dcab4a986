import Foundation

/// The verdict categories a scorecard panel is coloured by.
public enum VerdictCategory: String, Sendable, CaseIterable {
    case likely, uncertain, unlikely
    case offTrack = "off_track"
    case met
    case noData = "no_data"

    /// The label shown in the panel and the legend.
    public var label: Label {
        switch self {
        case .likely: return .likely
        case .uncertain: return .uncertain
        case .unlikely: return .unlikely
        case .offTrack: return .offTrack
        case .met: return .met
        case .noData: return .noData
        }
    }

    /// A diverging green–amber–red scale (ColorBrewer RdYlGn ends, darkened for white text), blue for
    /// met (a different kind of good news), grey for no data.
    public var colour: String {
        switch self {
        case .met: return "#2166AC"
        case .likely: return "#1A9850"
        case .uncertain: return "#D98E04"
        case .unlikely: return "#E5541C"
        case .offTrack: return "#B2182B"
        case .noData: return "#8C8C8C"
        }
    }
}

/// One indicator's panel in the scorecard overview.
public struct ScorecardPanel: Sendable, Equatable {
    public var title: String
    /// A short line under the title, e.g. "P(đạt) = 0,82".
    public var subtitle: String?
    public var verdict: VerdictCategory
    public var observed: [ChartPoint]
    public var fan: [FanPoint]
    public var targets: [TargetMarker]

    public init(title: String, subtitle: String? = nil, verdict: VerdictCategory, observed: [ChartPoint] = [],
                fan: [FanPoint] = [], targets: [TargetMarker] = []) {
        self.title = title
        self.subtitle = subtitle
        self.verdict = verdict
        self.observed = observed
        self.fan = fan
        self.targets = targets
    }
}

/// A grid of small fan charts, one per plan indicator, each framed and headed in its verdict's colour,
/// with a legend of verdicts (Tufte's small multiples: same design in every panel, so the eye compares
/// data, not layouts). Each panel has its own y scale (indicators have different units) and shows only
/// the lowest and highest y tick and the first and last year to stay legible at small size.
public struct SmallMultiples: Sendable {
    public var title: String
    public var panels: [ScorecardPanel]
    public var columns: Int
    public var panelWidth: Double
    public var panelHeight: Double
    public var language: Language

    public init(title: String, panels: [ScorecardPanel], columns: Int = 3, panelWidth: Double = 260,
                panelHeight: Double = 180, language: Language = .en) {
        self.title = title
        self.panels = panels
        self.columns = columns
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
        self.language = language
    }

    static let gap = 14.0, margin = 16.0, headerHeight = 22.0

    /// Overall size in pixels.
    public var size: (width: Double, height: Double) {
        let columnCount = Double(max(1, min(columns, panels.count)))
        let rowCount = Double((panels.count + max(columns, 1) - 1) / max(columns, 1))
        let width = 2 * Self.margin + columnCount * panelWidth + (columnCount - 1) * Self.gap
        let height = 48 + rowCount * panelHeight + max(0, rowCount - 1) * Self.gap + 44
        return (width, height)
    }

    /// The SVG document.
    /// - Throws: `ExportError.badOption` for no panels, fewer than 1 column or panels smaller than
    ///   160×110; `.badChartData` for non-finite or non-nested values in a panel.
    public func render() throws -> String {
        guard !panels.isEmpty else {
            throw ExportError(.badOption, message: "The scorecard chart has no panels; select at least one indicator.")
        }
        guard columns >= 1 else {
            throw ExportError(.badOption, message: "The scorecard chart needs at least 1 column (got \(columns)).")
        }
        try ChartValidation.size(width: panelWidth, height: panelHeight, minimumWidth: 160, minimumHeight: 110)
        for panel in panels {
            try ChartValidation.check(observed: panel.observed, fans: [FanSeries(name: panel.title, points: panel.fan)],
                                      targets: panel.targets)
        }
        let (width, height) = size
        var canvas = SVGCanvas(width: width, height: height)
        canvas.title(title)
        canvas.text(title, x: width / 2, y: 28, size: 16, anchor: .middle, bold: true)
        for (index, panel) in panels.enumerated() {
            let x = Self.margin + Double(index % columns) * (panelWidth + Self.gap)
            let y = 48 + Double(index / columns) * (panelHeight + Self.gap)
            try drawPanel(panel, x: x, y: y, on: &canvas)
        }
        drawLegend(y: height - 22, width: width, on: &canvas)
        return canvas.document()
    }

    /// Renders and writes the SVG atomically (see `AtomicFile`).
    public func write(to url: URL, overwrite: Bool) throws {
        try AtomicFile.write(Data(render().utf8), to: url, overwrite: overwrite)
    }

    // MARK: - Drawing

    private func drawPanel(_ panel: ScorecardPanel, x: Double, y: Double, on canvas: inout SVGCanvas) throws {
        let colour = panel.verdict.colour
        canvas.rect(x: x, y: y, width: panelWidth, height: panelHeight, fill: colour, stroke: colour,
                    strokeWidth: 1.5, opacity: 0.07, radius: 4)
        canvas.rect(x: x, y: y, width: panelWidth, height: Self.headerHeight, fill: colour, radius: 4)
        canvas.text(Self.truncate(panel.title, width: panelWidth - 12, size: 12), x: x + 6, y: y + 15, size: 12,
                    bold: true, fill: "#ffffff")
        let fans = panel.fan.isEmpty ? [] : [FanSeries(name: panel.title, points: panel.fan)]
        let hasData = !panel.observed.isEmpty || !fans.isEmpty
        if hasData || panel.verdict != .noData {
            canvas.text(panel.verdict.label.text(language), x: x + panelWidth - 6, y: y + panelHeight - 6, size: 11,
                        anchor: .end, bold: true, fill: colour)
        }
        if let subtitle = panel.subtitle {
            canvas.text(Self.truncate(subtitle, width: panelWidth - 12, size: 10), x: x + 6, y: y + Self.headerHeight + 13,
                        size: 10, fill: "#333333")
        }
        guard hasData else {
            canvas.text(Label.noData.text(language), x: x + panelWidth / 2, y: y + panelHeight / 2 + 8, size: 12,
                        anchor: .middle, fill: VerdictCategory.noData.colour)
            return
        }
        let (xScale, yScale) = try PlotFrame.scales(observed: panel.observed, fans: fans, targets: panel.targets,
                                                    xTicks: 4, yTicks: 6)
        let plotTop = y + Self.headerHeight + (panel.subtitle == nil ? 10 : 22)
        let frame = PlotFrame(left: x + 40, top: plotTop, width: panelWidth - 52,
                              height: y + panelHeight - 34 - plotTop, x: xScale, y: yScale, language: language)
        // Gridlines at every tick, labels only at the ends.
        frame.drawAxes(on: &canvas, fontSize: 9, xLabels: false, yLabels: false)
        for value in [yScale.lower, yScale.upper] {
            canvas.text(language.localizedNumber(yScale.label(value)), x: frame.left - 4, y: frame.py(value) + 3, size: 9, anchor: .end,
                        fill: ChartPalette.axis)
        }
        for year in [xScale.lower, xScale.upper] {
            canvas.text(xScale.label(year), x: frame.px(year), y: frame.bottom + 13, size: 9, anchor: .middle,
                        fill: ChartPalette.axis)
        }
        frame.drawFans(fans, colours: [ChartPalette.scenario(0)], on: &canvas, lineWidth: 1.8)
        frame.drawObserved(panel.observed, on: &canvas, lineWidth: 1.5, radius: 2)
        for target in panel.targets { frame.drawTarget(target, on: &canvas, size: 4, fontSize: nil) }
    }

    private func drawLegend(y: Double, width: Double, on canvas: inout SVGCanvas) {
        let items = VerdictCategory.allCases.map { ($0, $0.label.text(language)) }
        let itemWidths = items.map { 16 + 6 + SVGCanvas.textWidth($0.1, size: 11) + 14 }
        var x = max(Self.margin, (width - itemWidths.reduce(0, +)) / 2)
        for ((category, text), itemWidth) in zip(items, itemWidths) {
            canvas.rect(x: x, y: y - 10, width: 16, height: 12, fill: category.colour, radius: 2)
            canvas.text(text, x: x + 22, y: y, size: 11)
            x += itemWidth
        }
    }

    /// Shortens `text` with an ellipsis so it fits `width` at font `size` (estimated widths).
    static func truncate(_ text: String, width: Double, size: Double) -> String {
        guard SVGCanvas.textWidth(text, size: size) > width else { return text }
        let keep = max(1, Int(width / (size * 0.6)) - 1)
        return String(text.prefix(keep)) + "…"
    }
}
