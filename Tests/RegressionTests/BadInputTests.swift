import LinearAlgebra
import Regression
import Testing

/// Every bad-input path ends in a typed `RegressionError` whose message says what is wrong and what to do.
@Suite("Bad input")
struct BadInputTests {
    /// A small valid design: intercept and t = 0…4.
    static let design = (try? Matrix(rowMajor: (0..<5).map { [1, Double($0)] })) ?? Matrix(rows: 0, columns: 0)
    static let response = [1.0, 2.1, 2.9, 4.2, 4.8]

    @Test("NaN in the design names its row and column")
    func nanInDesign() throws {
        var x = Self.design
        x[2, 1] = .nan
        try expectRegressionError(containing: "design value nan at row 2, column 1 is not a finite number; "
                                      + "remove or impute NaN/Inf values before fitting") {
            _ = try LinearModel(design: x, response: Self.response, hasIntercept: true)
        }
    }

    @Test("Inf in the response names its row")
    func infInResponse() throws {
        var y = Self.response
        y[3] = .infinity
        try expectRegressionError(containing: "response value inf at row 3 is not a finite number") {
            _ = try LinearModel(design: Self.design, response: y, hasIntercept: true)
        }
    }

    @Test("fewer rows than columns, and as many rows as columns")
    func tooFewRows() throws {
        let x = try Matrix(rowMajor: [[1, 0, 0], [1, 1, 1]])
        try expectRegressionError(containing: "2 observations for 3 parameters: need at least 4") {
            _ = try LinearModel(design: x, response: [1, 2], hasIntercept: true)
        }
        let square = try Matrix(rowMajor: [[1, 0], [1, 1]])
        try expectRegressionError(containing: "2 observations for 2 parameters: need at least 3 so that the "
                                      + "residual variance") {
            _ = try LinearModel(design: square, response: [1, 2], hasIntercept: true)
        }
    }

    @Test("zero, negative and NaN weights", arguments: [0.0, -1.0, Double.nan])
    func badWeight(weight: Double) throws {
        var w = [Double](repeating: 1, count: 5)
        w[1] = weight
        try expectRegressionError(containing: "weight \(weight) at row 1 is not allowed: WLS weights must be "
                                      + "finite and > 0") {
            _ = try LinearModel(design: Self.design, response: Self.response, weights: w, hasIntercept: true)
        }
    }

    @Test("mismatched shapes: response length, weight count, batch responses")
    func mismatchedShapes() throws {
        try expectRegressionError(containing: "the design matrix has 5 rows but the response has 4 values; "
                                      + "give one response per design row") {
            _ = try LinearModel(design: Self.design, response: Array(Self.response.prefix(4)), hasIntercept: true)
        }
        try expectRegressionError(containing: "3 weights for 5 observations; give one weight per observation") {
            _ = try LinearModel(design: Self.design, response: Self.response, weights: [1, 1, 1], hasIntercept: true)
        }
        let y = Matrix(rows: 4, columns: 2, repeating: 1)
        try expectRegressionError(containing: "the design matrix has 5 rows but the response has 4 values") {
            _ = try LinearModel.fitMany(design: Self.design, responses: y, hasIntercept: true)
        }
    }

    @Test("empty input: no rows, no columns, no series")
    func empty() throws {
        try expectRegressionError(containing: "empty input: the design matrix is 0×0") {
            _ = try LinearModel(design: Matrix(rows: 0, columns: 0), response: [], hasIntercept: false)
        }
        try expectRegressionError(containing: "empty input: the response has no values") {
            _ = try LinearModel(design: Self.design, response: [], hasIntercept: true)
        }
        try expectRegressionError(containing: "empty input: the responses matrix has no columns") {
            _ = try LinearModel.fitMany(design: Self.design, responses: Matrix(rows: 5, columns: 0),
                                        hasIntercept: true)
        }
    }

    @Test("a non-finite value in a batch names its row and series")
    func batchNonFinite() throws {
        var y = Matrix(rows: 5, columns: 3, repeating: 1)
        y[4, 2] = -.infinity
        try expectRegressionError(containing: "response value -inf at row 4 of series 2 is not a finite number") {
            _ = try LinearModel.fitMany(design: Self.design, responses: y, hasIntercept: true)
        }
    }

    @Test("hasIntercept without a constant column")
    func missingIntercept() throws {
        let x = try Matrix(rowMajor: (0..<5).map { [Double($0), Double($0 * $0)] })
        try expectRegressionError(containing: "hasIntercept is true but no column of the design is a non-zero "
                                      + "constant; add a column of ones or pass hasIntercept: false") {
            _ = try LinearModel(design: x, response: Self.response, hasIntercept: true)
        }
    }

    @Test("a duplicated column is rank deficient, with advice to drop one", arguments: [true, false])
    func duplicatedColumn(scaleColumns: Bool) throws {
        let x = try Matrix(rowMajor: (0..<5).map { [1, Double($0), Double($0)] })
        let model = try LinearModel(design: x, response: Self.response, hasIntercept: true,
                                    scaleColumns: scaleColumns)
        for driver in [LeastSquaresDriver.default, .qr] {
            try expectRegressionError(containing: "rank deficient design: numerical rank 2 of 3 columns") {
                _ = try model.fit(driver: driver)
            }
            try expectRegressionError(containing: "drop one") { _ = try model.fit(driver: driver) }
        }
    }
}

/// Runs `body`, expecting a `RegressionError` whose description contains `fragment`.
func expectRegressionError(containing fragment: String, sourceLocation: SourceLocation = #_sourceLocation,
                           _ body: () throws -> Void) throws {
    do {
        try body()
        Issue.record("expected a RegressionError containing “\(fragment)”, nothing was thrown",
                     sourceLocation: sourceLocation)
    } catch let error as RegressionError {
        #expect(error.description.contains(fragment),
                "expected “\(fragment)” in “\(error.description)”", sourceLocation: sourceLocation)
    }
}

/// Bad input to prediction: wrong width, non-finite points, levels outside (0, 1), bad new weights.
@Suite("Bad input to prediction")
struct PredictionBadInputTests {
    static func fit() throws -> RegressionFit {
        try LinearModel(design: BadInputTests.design, response: BadInputTests.response, hasIntercept: true).fit()
    }

    @Test("new points with the wrong number of columns")
    func wrongWidth() throws {
        let fit = try Self.fit()
        try expectRegressionError(containing: "new points have 3 columns but the model has 2 parameters; "
                                      + "build the new rows exactly as the design rows") {
            _ = try fit.predict(at: Matrix(rowMajor: [[1, 5, 25]]))
        }
        let batch = try LinearModel.fitMany(design: BadInputTests.design,
                                            responses: Matrix(columns: [BadInputTests.response]), hasIntercept: true)
        try expectRegressionError(containing: "new points have 1 columns but the model has 2 parameters") {
            _ = try batch.predict(at: Matrix(rowMajor: [[1]]))
        }
    }

    @Test("non-finite new point and no new points")
    func nonFiniteAndEmpty() throws {
        let fit = try Self.fit()
        try expectRegressionError(containing: "new point value nan at row 1, column 1 is not a finite number") {
            _ = try fit.predict(at: Matrix(rowMajor: [[1, 5], [1, .nan]]))
        }
        try expectRegressionError(containing: "empty input: no new points to predict at") {
            _ = try fit.predict(at: Matrix(rows: 0, columns: 2))
        }
    }

    @Test("levels outside (0, 1)", arguments: [0.0, 1.0, 95.0, -0.5, Double.nan])
    func badLevel(level: Double) throws {
        let fit = try Self.fit()
        try expectRegressionError(containing: "confidence level \(level) is not in (0, 1); give levels such as "
                                      + "0.8 or 0.95") {
            _ = try fit.predict(at: Matrix(rowMajor: [[1, 5]]), levels: [0.8, level])
        }
    }

    @Test("new-observation weights: wrong count or not positive")
    func badNewWeights() throws {
        let fit = try Self.fit()
        try expectRegressionError(containing: "2 weights for 1 observations") {
            _ = try fit.predict(at: Matrix(rowMajor: [[1, 5]]), weights: [1, 1])
        }
        try expectRegressionError(containing: "weight 0.0 at row 0 is not allowed") {
            _ = try fit.predict(at: Matrix(rowMajor: [[1, 5]]), weights: [0])
        }
    }
}
