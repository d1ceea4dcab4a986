/// Errors of the projection layer, worded as what to do next.
public enum ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidModel(String)
    case outsideDomain(value: Double, transform: String)
    case tooShort(key: String, points: Int, minimum: Int)
    case noData(String)
    case fitFailed(String)

    public var description: String {
        switch self {
        case .invalidModel(let message): return message
        case .outsideDomain(let value, let transform):
            return "value \(value) is outside the domain of the \(transform) scale; "
                + "use --model linear, or check the value and the indicator's bounds in the catalogue"
        case .tooShort(let key, let points, let minimum):
            return "\(key) has \(points) data point(s) in the fit window; at least \(minimum) are needed "
                + "for a trend. Widen --window or add data (a sparse regional series borrows the national slope "
                + "when a comparable national series has enough points)"
        case .noData(let message): return message
        case .fitFailed(let message): return message
        }
    }
}
