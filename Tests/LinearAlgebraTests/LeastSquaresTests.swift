import Testing
@testable import LinearAlgebra

/// Parity and error tests for the LAPACK least-squares wrappers.
/// Accuracy against NIST StRD certified values lives in RegressionTests.
@Suite struct LeastSquaresTests {
    /// A small well-conditioned design: intercept and centred year.
    static let design = try! Matrix(columns: [
        [1, 1, 1, 1, 1, 1], [-5, -4, -3, -2, -1, 0],
    ])
    static let y1: [Double] = [3.1, 2.9, 2.6, 2.55, 2.3, 2.1]
    static let y2: [Double] = [10, 11.2, 11.9, 13.1, 14.2, 14.8]

    @Test func qrAndSVDAgreeOnWellConditionedProblem() throws {
        let svd = try Self.design.leastSquares(Self.y1, driver: .svd())
        let qr = try Self.design.leastSquares(Self.y1, driver: .qr)
        for (a, b) in zip(svd.coefficients, qr.coefficients) {
            #expect(abs(a - b) <= 1e-10 * max(1, abs(a)), "svd \(a) vs qr \(b)")
        }
        #expect(abs(svd.residualSumOfSquares[0] - qr.residualSumOfSquares[0]) < 1e-12)
        #expect(svd.rank == 2 && qr.rank == 2)
    }

    @Test func multipleRightHandSidesEqualColumnByColumnFits() throws {
        let b = try Matrix(columns: [Self.y1, Self.y2])
        for driver in [LeastSquaresDriver.svd(), .qr] {
            let joint = try Self.design.leastSquares(b, driver: driver)
            for (j, y) in [Self.y1, Self.y2].enumerated() {
                let single = try Self.design.leastSquares(y, driver: driver)
                #expect(joint.solution.column(j) == single.coefficients
                        || zip(joint.solution.column(j), single.coefficients).allSatisfy { abs($0 - $1) < 1e-13 })
                #expect(abs(joint.residualSumOfSquares[j] - single.residualSumOfSquares[0]) < 1e-12)
            }
        }
    }

    @Test func residualSumOfSquaresMatchesDirectComputation() throws {
        let fit = try Self.design.leastSquares(Self.y2)
        let fitted = try Self.design.multiplied(by: fit.coefficients)
        let rss = zip(Self.y2, fitted).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        #expect(abs(rss - fit.residualSumOfSquares[0]) < 1e-12)
    }

    @Test func inverseGramMatchesExplicitInverse() throws {
        // For X = [1, t], (XᵀX)⁻¹ = 1/(n·Stt − St²) · [[Stt, −St], [−St, n]].
        let t: [Double] = [-5, -4, -3, -2, -1, 0]
        let n = Double(t.count), st = t.reduce(0, +), stt = t.map { $0 * $0 }.reduce(0, +)
        let det = n * stt - st * st
        let inv = try Self.design.inverseGram()
        #expect(abs(inv[0, 0] - stt / det) < 1e-14)
        #expect(abs(inv[0, 1] + st / det) < 1e-14)
        #expect(abs(inv[1, 0] + st / det) < 1e-14)
        #expect(abs(inv[1, 1] - n / det) < 1e-14)
    }

    @Test func gramAndCholeskyRoundTrip() throws {
        let g = Self.design.gram()
        let l = try g.choleskyLower()
        let back = try l.multiplied(by: l, transposeOther: true)
        for (a, b) in zip(back.storage, g.storage) { #expect(abs(a - b) < 1e-12) }
    }

    // MARK: - Bad input

    @Test func rankDeficientDesignIsReportedNotSolved() throws {
        let x = try Matrix(columns: [[1, 1, 1, 1], [2, 2, 2, 2]])
        for driver in [LeastSquaresDriver.svd(), .qr] {
            #expect {
                _ = try x.leastSquares([1, 2, 3, 4], driver: driver)
            } throws: { error in
                guard case LinearAlgebraError.rankDeficient(let rank, let columns, _, _, let advice)? =
                        error as? LinearAlgebraError else { return false }
                return rank == 1 && columns == 2 && !advice.isEmpty
            }
        }
    }

    @Test func nonFiniteInputIsRejected() throws {
        #expect(throws: LinearAlgebraError.nonFinite("the right-hand side")) {
            _ = try Self.design.leastSquares([1, 2, .nan, 4, 5, 6])
        }
        var x = Self.design
        x[2, 1] = .infinity
        #expect(throws: LinearAlgebraError.nonFinite("the design matrix")) {
            _ = try x.leastSquares(Self.y1)
        }
    }

    @Test func fewerRowsThanColumnsIsRejected() throws {
        let x = try Matrix(rowMajor: [[1, 2, 3]])
        #expect(throws: LinearAlgebraError.underdetermined(rows: 1, columns: 3)) {
            _ = try x.leastSquares([1])
        }
    }

    @Test func mismatchedShapesAreRejected() throws {
        #expect(throws: LinearAlgebraError.self) { _ = try Self.design.leastSquares([1, 2, 3]) }
        #expect(throws: LinearAlgebraError.self) { _ = try Matrix(rowMajor: [[1, 2], [3]]) }
        #expect(throws: LinearAlgebraError.self) { _ = try Matrix(rows: 2, columns: 2, columnMajor: [1]) }
        #expect(throws: LinearAlgebraError.self) { _ = try Self.design.multiplied(by: Self.design) }
    }

    @Test func emptyInputIsRejected() throws {
        #expect(throws: LinearAlgebraError.self) { _ = try Matrix(rows: 0, columns: 0).leastSquares([]) }
    }

    @Test func errorMessagesNameTheRoutine() {
        let e = LAPACKError(routine: "dgelsd", info: 2)
        #expect(e.description.contains("dgelsd") && e.description.contains("did not converge"))
        #expect(LAPACKError(routine: "dgeqrf", info: -4).description.contains("argument 4"))
    }
}
