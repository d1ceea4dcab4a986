/// Errors of the scenario layer, each worded as what is wrong and what to do.
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A scenario file that cannot be used: YAML syntax or a semantic problem, located at
    /// `file:line:column` (1-based) with the fix. The CLI exits 78 (EX_CONFIG).
    case invalidFile(file: String, line: Int, column: Int, message: String)
    /// The population could not be projected.
    case population(String)
    /// An inverse problem with no solution under the given inputs.
    case unsolvable(String)
    /// Data the scenario needs is missing (an indicator without a series or a fit).
    case missingData(String)

    public var description: String {
        switch self {
        case .invalidFile(let file, let line, let column, let message):
            return line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
        case .population(let message), .unsolvable(let message), .missingData(let message):
            return message
        }
    }
}
