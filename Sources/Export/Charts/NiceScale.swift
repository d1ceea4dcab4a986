import Foundation

/// Axis ticks at "nice" numbers (1, 2, 5 × 10^k), by Heckbert's loose labelling algorithm:
/// P. S. Heckbert, "Nice numbers for graph labels", in Graphics Gems (A. Glassner, ed.), Academic Press,
/// 1990, pp. 61–63.
///
///     range = nice(max − min, round: false)
///     step  = nice(range / (ticks − 1), round: true)
///     lower = floor(min / step) · step,  upper = ceil(max / step) · step
///     fraction digits = max(−floor(log10 step), 0)
///
/// The axis runs from `lower` to `upper`, which enclose the data ("loose" labels).
public struct NiceScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let step: Double
    /// Digits after the decimal point that show every tick exactly.
    public let fractionDigits: Int

    /// - Parameters:
    ///   - minimum, maximum: the data range (swapped if reversed; widened by ±1, or ±10 % of the value,
    ///     when equal, so a flat series still gets an axis).
    ///   - ticks: the desired number of tick marks (Heckbert's `NTICK`, default 5).
    ///   - minimumStep: the smallest step allowed (1 for calendar years).
    /// - Throws: `ExportError.badChartData` if a bound is NaN or infinite.
    public init(minimum: Double, maximum: Double, ticks: Int = 5, minimumStep: Double = 0) throws {
        guard minimum.isFinite, maximum.isFinite else {
            throw ExportError(.badChartData, message: "An axis range is not finite (\(minimum) to \(maximum)); "
                              + "remove NaN or infinite values from the chart data.")
        }
        var low = Swift.min(minimum, maximum), high = Swift.max(minimum, maximum)
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        // Near ±Double.greatestFiniteMagnitude the span, the rounded ends or the tick count overflow; such
        // values are not plottable magnitudes, so they are refused rather than trapped on (`Int(inf)`).
        let tickCount = Swift.min(Swift.max(ticks, 2), Self.maxTicks)
        let range = Self.niceNumber(high - low, round: false)
        var step = Self.niceNumber(range / Double(tickCount - 1), round: true)
        if step < minimumStep { step = minimumStep }
        let lower = (low / step).rounded(.down) * step
        let upper = (high / step).rounded(.up) * step
        let intervals = ((upper - lower) / step).rounded()
        guard (high - low).isFinite, step.isFinite, lower.isFinite, upper.isFinite,
              intervals.isFinite, intervals <= Double(Self.maxTicks) else {
            throw ExportError(.badChartData, message: "An axis range (\(minimum) to \(maximum)) is too large to draw; "
                              + "check the chart data for absurd values.")
        }
        self.step = step
        self.lower = lower
        self.upper = upper
        self.tickCount = Int(intervals) + 1
        self.fractionDigits = Swift.max(-Int(log10(step).rounded(.down)), 0)
    }

    /// Most ticks an axis may have (a guard against degenerate ranges, not a layout choice).
    static let maxTicks = 1000

    private let tickCount: Int

    /// The tick values from `lower` to `upper` inclusive (computed as lower + i·step to avoid drift).
    public var ticks: [Double] {
        (0..<Swift.max(tickCount, 1)).map { lower + Double($0) * step }
    }

    /// A tick label with `fractionDigits` decimals.
    public func label(_ value: Double) -> String {
        NumberFormatting.fixed(value, decimals: fractionDigits)
    }

    /// Heckbert's `nicenum`: a nice number approximately equal to `x`, rounded if `round`, else the
    /// ceiling (the smallest nice number ≥ x).
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = log10(x).rounded(.down)
        let fraction = x / pow(10, exponent)
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * pow(10, exponent)
    }
}
