import Foundation
import IndicatorData
import Projection

// MARK: - Levers

/// A change to an indicator's projected path, in the vocabulary of WHO's billionaiRe package
/// (`scenario_bau`, `scenario_aroc`/AARR, `scenario_fixed_target`, `scenario_halt_rise`, …; WHO Division of
/// Data, Analytics and Delivery for Impact, github.com/gpw13/billionaiRe, "Scenarios" vignette).
public enum TrendLever: Sendable, Hashable, CustomStringConvertible {
    /// Business as usual: the fitted trend.
    case bau
    /// A fixed average annual rate of reduction r (a fraction a year: 0.03 = 3 %) from the start year:
    /// y_t = y_s·(1 − r)^(t − s). A negative r is a rate of increase.
    case aarr(Double)
    /// Multiply the fitted slope on the model scale by k from the start year:
    /// z_t = z_bau(t) + (k − 1)·b·max(0, t − s). With k = 1 the added term is exactly 0, so the path is
    /// `bau` bit for bit.
    case accelerate(Double)
    /// A straight line on the model scale from the start value through each numeric target in year order,
    /// holding the last target afterwards.
    case targetPath
    /// Hold the start value (the last observed value when the start year is the last observed year).
    case halt
    /// A given path: straight lines on the natural scale between the start value and the given
    /// (year, value) points, holding the last point afterwards.
    case values([Int: Double])

    /// Levers that start from the start-year value (observed if available) rather than the fitted line.
    var startsFromValue: Bool {
        switch self {
        case .bau, .accelerate: return false
        case .aarr, .targetPath, .halt, .values: return true
        }
    }

    public var description: String {
        switch self {
        case .bau: return "bau"
        case .aarr(let r): return "aarr \(formatPercent(r)) a year"
        case .accelerate(let k): return "accelerate ×\(k)"
        case .targetPath: return "target_path"
        case .halt: return "halt"
        case .values(let v): return "values (\(v.count) year(s))"
        }
    }
}

/// A lever with its start year and caps.
public struct TrendLeverSpec: Sendable, Hashable {
    public var lever: TrendLever
    /// First year the lever acts from (s); `nil` = the fit's anchor (last observed year).
    public var startYear: Int?
    /// Lower/upper caps on the natural scale; validated to lie within the indicator's bounds.
    public var capLower: Double?
    public var capUpper: Double?

    public init(lever: TrendLever, startYear: Int? = nil, capLower: Double? = nil, capUpper: Double? = nil) {
        self.lever = lever
        self.startYear = startYear
        self.capLower = capLower
        self.capUpper = capUpper
    }

    public static let bau = TrendLeverSpec(lever: .bau)
}

// MARK: - Central path

/// The central path of a lever applied to a fit, plus what the Monte Carlo needs.
public struct LeverPath: Sendable {
    public let fit: TrendFit
    public let spec: TrendLeverSpec
    /// Natural-scale bounds applied to every value (caps ∩ indicator bounds).
    public let lower: Double
    public let upper: Double
    /// Central values by year on the natural scale, capped.
    public let central: [Int: Double]
    /// The centre on the model scale, g(central), by year; absent where the capped central value is outside
    /// the transform's domain (e.g. exactly 0 on a log scale), where the path is then held, not perturbed.
    /// For `bau` and `accelerate` the lever's own model-scale value is kept (no g(g⁻¹(z)) round trip), so
    /// `bau` has exactly the fit's predictive location and `accelerate: 1` equals `bau` bit for bit.
    public let location: [Int: Double]

    /// Applies `spec` to `fit` for `years`.
    ///
    /// - Parameters:
    ///   - observed: the series the fit came from; its value in the start year, if any, is the start value
    ///     of `halt`, `aarr`, `target_path` and `values` (otherwise the fitted value there).
    ///   - targets: numeric targets of this indicator (for `target_path`).
    ///   - bounds: the indicator's natural bounds (catalogue), if any.
    public init(fit: TrendFit, spec: TrendLeverSpec, years: [Int], observed: Series?, targets: [Target],
                bounds: (lower: Double?, upper: Double?)) {
        self.fit = fit
        self.spec = spec
        let lo = max(spec.capLower ?? -Double.infinity, bounds.lower ?? -Double.infinity)
        let hi = min(spec.capUpper ?? Double.infinity, bounds.upper ?? Double.infinity)
        lower = lo
        upper = hi
        let g = fit.transform
        let s = spec.startYear ?? fit.anchorYear
        // The projection's location, a + κ·b·h with the calibration's slope attenuation (as `fit.predictive`).
        let zBau: (Int) -> Double = {
            fit.calibration.location(intercept: fit.intercept, slope: fit.slope, horizon: $0 - fit.anchorYear)
        }
        let startValue = observed?.value(in: s) ?? g.inverse(zBau(s))
        var path: [Int: Double] = [:]
        var locations: [Int: Double] = [:]
        for t in years {
            let y: Double
            var z: Double?
            if t <= s, spec.lever.startsFromValue {
                if t == s { y = startValue } else { z = zBau(t); y = g.inverse(zBau(t)) }
            } else {
                switch spec.lever {
                case .bau:
                    z = zBau(t)
                    y = g.inverse(zBau(t))
                case .accelerate(let k):
                    let bauSlope = fit.calibration.slopeFactor(horizon: t - fit.anchorYear) * fit.slope
                    let zk = zBau(t) + (k - 1) * bauSlope * Double(max(0, t - s))
                    z = zk
                    y = g.inverse(zk)
                case .aarr(let r):
                    y = startValue * Foundation.pow(1 - r, Double(t - s))
                case .halt:
                    y = startValue
                case .targetPath:
                    let knots = targets.filter { $0.year > s }.compactMap { target in
                        target.value.flatMap { v in (try? g.forward(v)).map { (target.year, $0) } }
                    }.sorted { $0.0 < $1.0 }
                    let z0 = (try? g.forward(startValue)) ?? zBau(s)
                    y = g.inverse(Self.interpolate(t, start: (s, z0), knots: knots))
                case .values(let given):
                    let knots = given.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                    y = Self.interpolate(t, start: (s, startValue), knots: knots)
                }
            }
            let capped = Swift.min(Swift.max(y, lo), hi)
            path[t] = capped
            if let z, capped == y {
                locations[t] = z
            } else if let zc = try? g.forward(capped), zc.isFinite {
                locations[t] = zc
            }
        }
        central = path
        location = locations
    }

    /// The distribution of this lever's value in `year` before capping: the fit's predictive distribution
    /// (same scale, calibration factor and degrees of freedom) moved to the lever's centre on the model scale.
    /// The lever moves the centre and keeps the trend's uncertainty, so for `bau` this is
    /// `fit.predictive(year:)` itself. `nil` where the path is held (no model-scale centre).
    public func predictive(year: Int) -> PredictiveDistribution? {
        guard let z = location[year] else { return nil }
        let p = fit.predictive(year: year)
        return PredictiveDistribution(year: year, location: z, scale: p.scale, meanScale: p.meanScale,
                                      degreesOfFreedom: p.degreesOfFreedom, transform: p.transform,
                                      calibrationFactor: p.calibrationFactor)
    }

    /// Piecewise-linear interpolation through (start, knots…), holding the last knot after it.
    static func interpolate(_ t: Int, start: (Int, Double), knots: [(Int, Double)]) -> Double {
        var previous = start
        for knot in knots where knot.0 > previous.0 {
            if t <= knot.0 {
                let w = Double(t - previous.0) / Double(knot.0 - previous.0)
                return previous.1 + w * (knot.1 - previous.1)
            }
            previous = knot
        }
        return previous.1
    }

    /// A Monte Carlo value: the central value moved by `deviation` on the model scale, then capped.
    /// A central value outside the transform's domain (exactly at a logit bound) is kept as is.
    public func perturbed(year: Int, deviation: Double) -> Double {
        guard let c = central[year] else { return .nan }
        let y = location[year].map { fit.transform.inverse($0 + deviation) } ?? c
        return Swift.min(Swift.max(y, lower), upper)
    }
}
