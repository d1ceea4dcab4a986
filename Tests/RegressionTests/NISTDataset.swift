import Foundation
import LinearAlgebra
import Regression
import Testing

/// One NIST StRD linear-regression dataset: the certified values from the file header and the data block.
///
/// Provenance: the 11 `.dat` files in `Fixtures/nist/` are byte-for-byte copies (CRLF line ends kept) of
/// the NIST/ITL Statistical Reference Datasets, linear regression (https://www.itl.nist.gov/div898/strd/),
/// as stored in `shared/data/nist-strd/`. The certified values are computed by NIST in 500-digit
/// arithmetic and printed to 15 significant digits.
struct NISTDataset {
    let name: String
    /// Certified B₀…B_k (or B₁… for the no-intercept sets), in file order.
    let certifiedCoefficients: [Double]
    /// Certified standard deviations of the estimates.
    let certifiedStandardErrors: [Double]
    /// Certified residual standard deviation σ̂.
    let certifiedResidualSD: Double
    /// Certified R² (uncentred for NoInt1/NoInt2).
    let certifiedRSquared: Double
    /// Response y.
    let y: [Double]
    /// Predictor columns x₁…x_q, one array per row.
    let x: [[Double]]

    /// How the model's design is built from x (from the "Model:" line of each file).
    enum Model {
        /// y = B0 + B1·x + … + B_d·x^d (or without B0).
        case polynomial(degree: Int, intercept: Bool)
        /// y = B0 + B1·x1 + … + B_q·x_q (Longley).
        case linear
    }

    /// The model NIST states for each dataset.
    static let models: [String: Model] = [
        "Norris": .polynomial(degree: 1, intercept: true),
        "Pontius": .polynomial(degree: 2, intercept: true),
        "NoInt1": .polynomial(degree: 1, intercept: false),
        "NoInt2": .polynomial(degree: 1, intercept: false),
        "Filip": .polynomial(degree: 10, intercept: true),
        "Longley": .linear,
        "Wampler1": .polynomial(degree: 5, intercept: true),
        "Wampler2": .polynomial(degree: 5, intercept: true),
        "Wampler3": .polynomial(degree: 5, intercept: true),
        "Wampler4": .polynomial(degree: 5, intercept: true),
        "Wampler5": .polynomial(degree: 5, intercept: true),
    ]

    static let allNames = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
                           "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]

    var model: Model? { Self.models[name] }

    var hasIntercept: Bool {
        if case .polynomial(_, let intercept) = model { return intercept }
        return true
    }

    /// The design matrix for the certified model.
    func design() throws -> Matrix {
        let rows: [[Double]]
        switch model {
        case .polynomial(let degree, let intercept):
            rows = x.map { xs in
                let v = xs.first ?? .nan
                var powers: [Double] = []
                var power = 1.0
                for k in 0...degree {
                    if k > 0 || intercept { powers.append(power) }
                    power *= v
                }
                return powers
            }
        case .linear:
            rows = x.map { [1] + $0 }
        case nil:
            throw NISTParseError.unknown(name)
        }
        return try Matrix(rowMajor: rows)
    }

    func linearModel(scaleColumns: Bool = true) throws -> LinearModel {
        try LinearModel(design: design(), response: y, hasIntercept: hasIntercept, scaleColumns: scaleColumns)
    }

    // MARK: - Loading and parsing

    static func load(_ name: String) throws -> NISTDataset {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "dat",
                                                 subdirectory: "Fixtures/nist"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parse(name: name, text: text)
    }

    /// Parses the header ("Certified Values") and the data block whose line range the header gives
    /// ("Data (lines 61 to 96)", 1-based, inclusive).
    static func parse(name: String, text: String) throws -> NISTDataset {
        // "\r\n" is one Character in Swift, and `isNewline`, so CRLF and LF files split the same way.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var dataRange: ClosedRange<Int>?
        var coefficients: [Double] = [], standardErrors: [Double] = []
        var residualSD: Double?, rSquared: Double?
        for line in lines {
            let tokens = line.split(whereSeparator: \.isWhitespace).map(String.init)
            if dataRange == nil, let i = tokens.firstIndex(of: "(lines"), tokens.first == "Data",
               i + 3 < tokens.count, let start = Int(tokens[i + 1]),
               let end = Int(tokens[i + 3].replacingOccurrences(of: ")", with: "")) {
                dataRange = start...end
            } else if tokens.count == 3, tokens[0].hasPrefix("B"), Int(tokens[0].dropFirst()) != nil,
                      let estimate = Double(tokens[1]), let sd = Double(tokens[2]) {
                coefficients.append(estimate)
                standardErrors.append(sd)
            } else if tokens.count == 3, tokens[0] == "Standard", tokens[1] == "Deviation",
                      let value = Double(tokens[2]) {
                residualSD = value
            } else if tokens.count == 2, tokens[0] == "R-Squared", let value = Double(tokens[1]) {
                rSquared = value
            }
        }
        guard let dataRange, let residualSD, let rSquared, !coefficients.isEmpty else {
            throw NISTParseError.missingCertifiedValues(name)
        }
        var y: [Double] = [], x: [[Double]] = []
        for lineNumber in dataRange {
            guard lines.indices.contains(lineNumber - 1) else { throw NISTParseError.badDataLine(name, lineNumber) }
            let values = lines[lineNumber - 1].split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            guard values.count >= 2 else { throw NISTParseError.badDataLine(name, lineNumber) }
            y.append(values[0])
            x.append(Array(values.dropFirst()))
        }
        return NISTDataset(name: name, certifiedCoefficients: coefficients,
                           certifiedStandardErrors: standardErrors, certifiedResidualSD: residualSD,
                           certifiedRSquared: rSquared, y: y, x: x)
    }
}

enum NISTParseError: Error, CustomStringConvertible {
    case missingCertifiedValues(String)
    case badDataLine(String, Int)
    case unknown(String)

    var description: String {
        switch self {
        case .missingCertifiedValues(let name): return "\(name): certified values not found in the header"
        case .badDataLine(let name, let line): return "\(name): line \(line) is not a data row"
        case .unknown(let name): return "\(name): no model known for this dataset"
        }
    }
}

// MARK: - Log relative error

/// LRE = −log₁₀(|est − cert| / |cert|), the number of correct significant digits (McCullough 1998,
/// "Assessing the reliability of statistical software", The American Statistician 52(4)); when the
/// certified value is 0 the absolute error is used, −log₁₀|est|. Capped at 15 (the digits NIST prints);
/// a non-finite estimate scores 0.
func logRelativeError(_ estimate: Double, certified: Double) -> Double {
    guard estimate.isFinite else { return 0 }
    let error = certified == 0 ? estimate.magnitude : (estimate - certified).magnitude / certified.magnitude
    guard error > 0 else { return 15 }
    return min(15, max(0, -log10(error)))
}

/// Minimum LRE per quantity class for one fit.
struct LRESummary: CustomStringConvertible {
    let coefficients: Double
    let standardErrors: Double
    let residualSD: Double
    let rSquared: Double

    var minimum: Double { min(coefficients, standardErrors, residualSD, rSquared) }

    var description: String {
        "LRE coefficients \(coefficients), standard errors \(standardErrors), residual SD \(residualSD), "
            + "R² \(rSquared)"
    }

    init(fit: RegressionFit, dataset d: NISTDataset) {
        coefficients = zip(fit.coefficients, d.certifiedCoefficients)
            .map { logRelativeError($0, certified: $1) }.min() ?? 0
        standardErrors = zip(fit.standardErrors, d.certifiedStandardErrors)
            .map { logRelativeError($0, certified: $1) }.min() ?? 0
        residualSD = logRelativeError(fit.sigma, certified: d.certifiedResidualSD)
        rSquared = logRelativeError(fit.rSquared, certified: d.certifiedRSquared)
    }
}
