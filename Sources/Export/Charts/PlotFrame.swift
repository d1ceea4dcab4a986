import Foundation

/// A plotting rectangle with its two scales: maps data to pixels and draws the shared pieces
/// (grid, axes, fans, observed line, target markers) for the fan chart and the small multiples.
struct PlotFrame {
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    let x: NiceScale
    let y: NiceScale
    /// Decides the decimal mark of value labels.
    var language: Language = .en

    var right: Double { left + width }
    var bottom: Double { top + height }

    func px(_ value: Double) -> Double { left + (value - x.lower) / (x.upper - x.lower) * width }
    func py(_ value: Double) -> Double { top + (y.upper - value) / (y.upper - y.lower) * height }

    /// Scales enclosing every observed, projected and target value; years step by at least 1.
    static func scales(observed: [ChartPoint], fans: [FanSeries], targets: [TargetMarker],
                       xTicks: Int, yTicks: Int) throws -> (NiceScale, NiceScale) {
        let years = observed.map(\.year) + fans.flatMap { $0.points.map(\.year) } + targets.map(\.year)
        let values = observed.map(\.value) + fans.flatMap { $0.points.flatMap(\.values) } + targets.map(\.value)
        guard let minYear = years.min(), let maxYear = years.max(),
              let minValue = values.min(), let maxValue = values.max() else {
            throw ExportError(.badChartData, message: "The chart has no observed, projected or target values; "
                              + "there is nothing to draw. Check the indicator and region.")
        }
        let xScale = try NiceScale(minimum: minYear, maximum: maxYear, ticks: xTicks, minimumStep: 1)
        let yScale = try NiceScale(minimum: minValue, maximum: maxValue, ticks: yTicks)
        return (xScale, yScale)
    }

    // MARK: - Drawing

    /// Horizontal grid lines at the y ticks, the axis lines, and tick labels.
    func drawAxes(on canvas: inout SVGCanvas, fontSize: Double, xLabels: Bool = true, yLabels: Bool = true) {
        for tick in y.ticks {
            canvas.line(x1: left, y1: py(tick), x2: right, y2: py(tick), stroke: ChartPalette.grid, width: 1)
            if yLabels {
                canvas.text(language.localizedNumber(y.label(tick)), x: left - 6, y: py(tick) + fontSize * 0.35, size: fontSize,
                            anchor: .end, fill: ChartPalette.axis)
            }
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: ChartPalette.axis, width: 1)
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: ChartPalette.axis, width: 1)
        for tick in x.ticks {
            canvas.line(x1: px(tick), y1: bottom, x2: px(tick), y2: bottom + 4, stroke: ChartPalette.axis, width: 1)
            if xLabels {
                canvas.text(language.localizedNumber(x.label(tick)), x: px(tick), y: bottom + 4 + fontSize * 1.1, size: fontSize,
                            anchor: .middle, fill: ChartPalette.axis)
            }
        }
    }

    /// Bands and mean lines of every fan: all 95 % bands first (lighter), then all 80 % bands, then the
    /// mean lines on top, so nested bands read correctly and no band hides another fan's mean.
    func drawFans(_ fans: [FanSeries], colours: [String], on canvas: inout SVGCanvas, lineWidth: Double) {
        let sorted = fans.map { $0.points.sorted { $0.year < $1.year } }
        for (points, colour) in zip(sorted, colours) where points.count > 1 {
            canvas.polygon(band(points, lower: \.lower95, upper: \.upper95), fill: colour, opacity: Self.opacity95)
        }
        for (points, colour) in zip(sorted, colours) where points.count > 1 {
            canvas.polygon(band(points, lower: \.lower80, upper: \.upper80), fill: colour, opacity: Self.opacity80)
        }
        for (points, colour) in zip(sorted, colours) {
            canvas.polyline(points.map { (px($0.year), py($0.mean)) }, stroke: colour, width: lineWidth)
            if points.count == 1, let only = points.first {
                canvas.line(x1: px(only.year), y1: py(only.lower95), x2: px(only.year), y2: py(only.upper95),
                            stroke: colour, width: lineWidth, opacity: 0.5)
                canvas.circle(cx: px(only.year), cy: py(only.mean), r: lineWidth + 1, fill: colour)
            }
        }
    }

    static let opacity95 = 0.15
    static let opacity80 = 0.32

    private func band(_ points: [FanPoint], lower: KeyPath<FanPoint, Double>, upper: KeyPath<FanPoint, Double>)
        -> [(Double, Double)] {
        points.map { (px($0.year), py($0[keyPath: upper])) } + points.reversed().map { (px($0.year), py($0[keyPath: lower])) }
    }

    /// Observed history: a line with a dot at each year.
    func drawObserved(_ observed: [ChartPoint], on canvas: inout SVGCanvas, lineWidth: Double, radius: Double) {
        let points = observed.sorted { $0.year < $1.year }
        canvas.polyline(points.map { (px($0.year), py($0.value)) }, stroke: ChartPalette.observed, width: lineWidth)
        for point in points {
            canvas.circle(cx: px(point.year), cy: py(point.value), r: radius, fill: ChartPalette.observed,
                          stroke: "#ffffff", strokeWidth: 1)
        }
    }

    /// A target: a diamond at (year, value), optionally with its label ("2025: < 25") above it, or below
    /// when there is no room above, right- or left-aligned near the plot's edges.
    func drawTarget(_ target: TargetMarker, on canvas: inout SVGCanvas, size: Double, fontSize: Double?) {
        let cx = px(target.year), cy = py(target.value)
        canvas.line(x1: left, y1: cy, x2: right, y2: cy, stroke: ChartPalette.target, width: 1, dash: "2 3", opacity: 0.45)
        canvas.polygon([(cx, cy - size), (cx + size, cy), (cx, cy + size), (cx - size, cy)],
                       fill: ChartPalette.target, opacity: 1, stroke: "#ffffff")
        guard let fontSize else { return }
        let label = target.label(language)
        let halfWidth = SVGCanvas.textWidth(label, size: fontSize) / 2
        let anchor: SVGCanvas.Anchor = cx + halfWidth > right ? .end : (cx - halfWidth < left ? .start : .middle)
        let textX = anchor == .end ? cx : (anchor == .start ? cx - size : cx)
        let above = cy - size - 5
        let textY = above - fontSize < top ? cy + size + fontSize + 2 : above
        canvas.text(label, x: textX, y: textY, size: fontSize, anchor: anchor, bold: true, fill: ChartPalette.target,
                    halo: true)
    }
}
