import Foundation

/// One bin of a reliability diagram.
public struct ReliabilityBin: Sendable, Equatable {
    /// Mean predicted probability of the cases in the bin.
    public var meanPredicted: Double
    /// Fraction of those cases where the event happened.
    public var observedFrequency: Double
    /// Number of cases.
    public var count: Int

    public init(meanPredicted: Double, observedFrequency: Double, count: Int) {
        self.meanPredicted = meanPredicted
        self.observedFrequency = observedFrequency
        self.count = count
    }
}

/// A reliability diagram (calibration plot) for the backtest: predicted probability, binned into
/// equal-count groups (deciles by default), against the observed frequency, with the diagonal of perfect
/// calibration. Points above the diagonal mean the event happened more often than predicted.
/// (Murphy & Winkler 1977, "Reliability of subjective probability forecasts of precipitation and
/// temperature", J. R. Stat. Soc. C 26:41–47; equal-count bins as in Bröcker & Smith 2007.)
public struct ReliabilityPlot: Sendable {
    public var bins: [ReliabilityBin]
    public var title: String
    public var language: Language
    public var width: Double
    public var height: Double

    public init(bins: [ReliabilityBin], title: String? = nil, language: Language = .en,
                width: Double = 440, height: Double = 440) {
        self.bins = bins
        self.title = title ?? Label.reliabilityTitle.text(language)
        self.language = language
        self.width = width
        self.height = height
    }

    /// Sorts the cases by predicted probability and splits them into `binCount` groups of (nearly) equal
    /// size; each bin holds the mean prediction and the observed frequency of its group.
    /// - Throws: `ExportError.badChartData` if the arrays differ in length, are empty, or a probability is
    ///   outside [0, 1] or NaN; `.badOption` if `binCount` < 1.
    /// - Complexity: O(n log n).
    public static func bins(predicted: [Double], outcomes: [Bool], binCount: Int = 10) throws -> [ReliabilityBin] {
        guard binCount >= 1 else {
            throw ExportError(.badOption, message: "A reliability plot needs at least 1 bin (got \(binCount)).")
        }
        guard predicted.count == outcomes.count else {
            throw ExportError(.badChartData, message: "There are \(predicted.count) predicted probabilities but "
                              + "\(outcomes.count) outcomes; give one outcome per prediction.")
        }
        guard !predicted.isEmpty else {
            throw ExportError(.badChartData, message: "A reliability plot needs at least one prediction; "
                              + "the backtest produced none.")
        }
        if let bad = predicted.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw ExportError(.badChartData, message: "Predicted probability \(bad) is outside [0, 1]; "
                              + "probabilities must lie between 0 and 1.")
        }
        let cases = zip(predicted, outcomes).sorted { $0.0 < $1.0 }
        let groups = min(binCount, cases.count)
        var result: [ReliabilityBin] = []
        for group in 0..<groups {
            let start = group * cases.count / groups, end = (group + 1) * cases.count / groups
            let slice = cases[start..<end]
            let meanPredicted = slice.reduce(0) { $0 + $1.0 } / Double(slice.count)
            let frequency = Double(slice.filter(\.1).count) / Double(slice.count)
            result.append(ReliabilityBin(meanPredicted: meanPredicted, observedFrequency: frequency, count: slice.count))
        }
        return result
    }

    /// The SVG document.
    /// - Throws: `ExportError.badChartData` if there are no bins or a value is outside [0, 1];
    ///   `.badOption` for a size below 240×240.
    public func render() throws -> String {
        try ChartValidation.size(width: width, height: height, minimumWidth: 240, minimumHeight: 240)
        guard !bins.isEmpty else {
            throw ExportError(.badChartData, message: "The reliability plot has no bins; run the backtest first.")
        }
        for bin in bins where !(0...1).contains(bin.meanPredicted) || !(0...1).contains(bin.observedFrequency) {
            throw ExportError(.badChartData, message: "A reliability bin lies outside [0, 1] "
                              + "(predicted \(bin.meanPredicted), observed \(bin.observedFrequency)).")
        }
        let unit = try NiceScale(minimum: 0, maximum: 1, ticks: 6)
        var canvas = SVGCanvas(width: width, height: height)
        canvas.title(title)
        canvas.text(title, x: width / 2, y: 24, size: 14, anchor: .middle, bold: true)
        let frame = PlotFrame(left: 58, top: 44, width: width - 58 - 20, height: height - 44 - 54, x: unit, y: unit,
                              language: language)
        frame.drawAxes(on: &canvas, fontSize: 10)
        canvas.text(Label.predictedProbability.text(language), x: frame.left + frame.width / 2, y: height - 12,
                    size: 12, anchor: .middle)
        canvas.text(Label.observedFrequency.text(language), x: 16, y: frame.top + frame.height / 2, size: 12,
                    anchor: .middle, rotate: -90)
        canvas.line(x1: frame.px(0), y1: frame.py(0), x2: frame.px(1), y2: frame.py(1), stroke: "#888888",
                    width: 1.2, dash: "5 4")
        // Key for the diagonal in the bottom-right corner, where a calibrated backtest has no points.
        let keyY = frame.py(0.04), keyRight = frame.px(0.98)
        let keyText = Label.perfectCalibration.text(language)
        let keyLeft = keyRight - SVGCanvas.textWidth(keyText, size: 10) - 28
        canvas.line(x1: keyLeft, y1: keyY - 3, x2: keyLeft + 22, y2: keyY - 3, stroke: "#888888", width: 1.2, dash: "5 4")
        canvas.text(keyText, x: keyRight, y: keyY, size: 10, anchor: .end, fill: "#555555")
        let points = bins.map { (frame.px($0.meanPredicted), frame.py($0.observedFrequency)) }
        canvas.polyline(points, stroke: ChartPalette.scenario(0), width: 1.8)
        let largest = Double(bins.map(\.count).max() ?? 1)
        for (bin, point) in zip(bins, points) {
            // Area proportional to the number of cases.
            let radius = 2.5 + 4.5 * (Double(bin.count) / max(largest, 1)).squareRoot()
            canvas.circle(cx: point.0, cy: point.1, r: radius, fill: ChartPalette.scenario(0), stroke: "#ffffff")
        }
        return canvas.document()
    }

    /// Renders and writes the SVG atomically (see `AtomicFile`).
    public func write(to url: URL, overwrite: Bool) throws {
        try AtomicFile.write(Data(render().utf8), to: url, overwrite: overwrite)
    }
}
