import CLAPACKE

/// Which LAPACK driver solves a least-squares problem.
public enum LeastSquaresDriver: Sendable, Equatable, CustomStringConvertible {
    /// Divide-and-conquer SVD (`dgelsd`). Singular values below `rcond · σ_max` count as zero;
    /// `nil` uses the default `rcond = ε · max(m, n)` (numpy's `lstsq` default, a tolerance that
    /// scales with the rounding error expected in a matrix of that size).
    case svd(rcond: Double? = nil)
    /// Householder QR without pivoting (`dgeqrf`, `dormqr`, `dtrtrs`). Rank is judged from the
    /// diagonal of R against `ε · max(m, n) · |r₁₁|`.
    case qr

    /// The default driver: SVD with the default `rcond`.
    public static let `default` = LeastSquaresDriver.svd(rcond: nil)

    public var description: String {
        switch self {
        case .svd(let rcond): return rcond.map { "svd(dgelsd, rcond=\(formatScientific($0)))" } ?? "svd(dgelsd)"
        case .qr: return "qr(dgeqrf+dormqr+dtrtrs)"
        }
    }
}

/// The solution of min ‖A·X − B‖₂ for one or many right-hand sides.
///
/// Mirrors scipy's `lstsq` return `(x, residues, rank, s)` and names the driver used.
public struct LeastSquaresSolution: Sendable {
    /// n × k solution, one column per right-hand side.
    public let solution: Matrix
    /// Numerical rank of A at the tolerance used.
    public let rank: Int
    /// Singular values of A, largest first (SVD driver only).
    public let singularValues: [Double]?
    /// Upper-triangular n × n factor R of A = QR (QR driver only).
    public let r: Matrix?
    /// Residual sum of squares ‖A·xⱼ − bⱼ‖² per right-hand side, from the last m − n elements of Qᵀb.
    public let residualSumOfSquares: [Double]
    /// The driver that produced this solution.
    public let driver: LeastSquaresDriver

    /// σ_max / σ_min (SVD) or |r|max / |r|min on R's diagonal (QR, an estimate).
    public var conditionNumber: Double {
        if let s = singularValues, let first = s.first, let last = s.last { return first / last }
        if let r {
            let d = r.diagonal.map(\.magnitude)
            return (d.max() ?? .nan) / (d.min() ?? .nan)
        }
        return .nan
    }

    /// The solution for a single right-hand side (column 0).
    public var coefficients: [Double] { solution.column(0) }
}

/// Default relative tolerance ε · max(m, n), as numpy's `lstsq` uses.
@inlinable
public func defaultRcond(rows: Int, columns: Int) -> Double {
    Double.ulpOfOne * Double(max(rows, columns))
}

extension Matrix {
    /// Solves min ‖A·X − B‖₂ with A = `self` (m × n, m ≥ n, full column rank) for every column of B
    /// in one LAPACK call: many series that share one design matrix are fitted together.
    ///
    /// - Parameters:
    ///   - rhs: B, m × k.
    ///   - driver: `.svd(rcond:)` (default) or `.qr`.
    /// - Returns: the solution, rank, singular values or R, and the residual sum of squares per column.
    /// - Throws: `LinearAlgebraError` for empty, non-finite, mis-shaped or underdetermined input, and
    ///   `.rankDeficient` (with advice) when the numerical rank is below n: a rank-deficient problem is
    ///   reported, never silently given a minimum-norm answer.
    /// - Complexity: O(m·n²) for the factorisation plus O(m·n·k) for the right-hand sides.
    public func leastSquares(_ rhs: Matrix, driver: LeastSquaresDriver = .default) throws -> LeastSquaresSolution {
        try validateLeastSquares(rhs)
        switch driver {
        case .svd(let rcond):
            return try solveSVD(rhs, rcond: rcond ?? defaultRcond(rows: rows, columns: columns))
        case .qr:
            return try solveQR(rhs)
        }
    }

    /// Single right-hand-side convenience for `leastSquares(_:driver:)`.
    public func leastSquares(_ b: [Double], driver: LeastSquaresDriver = .default) throws -> LeastSquaresSolution {
        try leastSquares(Matrix(rows: b.count, columns: 1, columnMajor: b), driver: driver)
    }

    private func validateLeastSquares(_ rhs: Matrix) throws {
        guard rows > 0, columns > 0 else {
            throw LinearAlgebraError.empty("design matrix is \(rows)×\(columns)")
        }
        guard rhs.columns > 0 else { throw LinearAlgebraError.empty("no right-hand side") }
        guard rhs.rows == rows else {
            throw LinearAlgebraError.shapeMismatch(
                "design matrix has \(rows) rows but the right-hand side has \(rhs.rows)")
        }
        guard rows >= columns else { throw LinearAlgebraError.underdetermined(rows: rows, columns: columns) }
        guard isFinite else { throw LinearAlgebraError.nonFinite("the design matrix") }
        guard rhs.isFinite else { throw LinearAlgebraError.nonFinite("the right-hand side") }
        guard rows <= Int(Int32.max), columns <= Int(Int32.max), rhs.columns <= Int(Int32.max),
              rows * rhs.columns <= Int(Int32.max) * 64 else {
            throw LinearAlgebraError.shapeMismatch("problem too large for 32-bit LAPACK integers")
        }
    }

    private static func residualSums(_ b: [Double], rows m: Int, columns n: Int, rhs k: Int) -> [Double] {
        (0..<k).map { j in
            var sum = 0.0
            var i = n
            while i < m { let v = b[i + j * m]; sum += v * v; i += 1 }
            return sum
        }
    }

    // MARK: - SVD driver (dgelsd)

    private func solveSVD(_ rhs: Matrix, rcond: Double) throws -> LeastSquaresSolution {
        let m = Int32(rows), n = Int32(columns), k = Int32(rhs.columns)
        var a = storage
        var b = rhs.storage
        var s = [Double](repeating: 0, count: columns)
        var rank: Int32 = 0
        var workQuery = 0.0
        var iworkQuery: Int32 = 0
        // Workspace query: lwork = -1 returns the optimal lwork in work[0] and the minimal liwork in iwork[0].
        var info = LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, m, n, k, &a, m, &b, m, &s, rcond, &rank,
                                       &workQuery, -1, &iworkQuery)
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dgelsd", info: info)) }
        var work = [Double](repeating: 0, count: max(Int(workQuery), 1))
        var iwork = [Int32](repeating: 0, count: max(Int(iworkQuery), 1))
        info = LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, m, n, k, &a, m, &b, m, &s, rcond, &rank,
                                   &work, Int32(work.count), &iwork)
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dgelsd", info: info)) }
        let condition = (s.first ?? .nan) / (s.last ?? .nan)
        guard Int(rank) == columns else {
            throw LinearAlgebraError.rankDeficient(
                rank: Int(rank), columns: columns, conditionNumber: condition, tolerance: rcond,
                advice: "Scale each column to unit length before solving (equilibration; Regression's "
                    + "LinearModel does this by default), centre the predictors (e.g. year − last year), "
                    + "use the QR driver, or drop a redundant column. A smaller rcond is not a fix: on NIST "
                    + "Filip, rcond 1e-16 gives a full-rank answer with fewer than 6 correct digits.")
        }
        var solution = Matrix(rows: columns, columns: rhs.columns)
        for j in 0..<rhs.columns {
            for i in 0..<columns { solution.storage[i + j * columns] = b[i + j * rows] }
        }
        return LeastSquaresSolution(
            solution: solution, rank: Int(rank), singularValues: s, r: nil,
            residualSumOfSquares: Matrix.residualSums(b, rows: rows, columns: columns, rhs: rhs.columns),
            driver: .svd(rcond: rcond))
    }

    // MARK: - QR driver (dgeqrf + dormqr + dtrtrs)

    private func solveQR(_ rhs: Matrix) throws -> LeastSquaresSolution {
        let m = Int32(rows), n = Int32(columns), k = Int32(rhs.columns)
        var b = rhs.storage
        // A = QR
        var (a, tau, r) = try householderQR()
        var query = 0.0
        var work: [Double]
        var info: Int32
        let diagonal = r.diagonal.map(\.magnitude)
        let largest = diagonal.max() ?? 0
        let tolerance = defaultRcond(rows: rows, columns: columns) * largest
        let rank = diagonal.filter { $0 > tolerance }.count
        guard rank == columns else {
            throw LinearAlgebraError.rankDeficient(
                rank: rank, columns: columns, conditionNumber: largest / (diagonal.min() ?? 0),
                tolerance: defaultRcond(rows: rows, columns: columns),
                advice: "Drop or combine the redundant columns, or centre the predictors and scale each "
                    + "column to unit length.")
        }

        // B ← Qᵀ B
        info = LAPACKE_dormqr_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")),
                                   m, k, n, &a, m, &tau, &b, m, &query, -1)
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dormqr", info: info)) }
        work = [Double](repeating: 0, count: max(Int(query), 1))
        info = LAPACKE_dormqr_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")),
                                   m, k, n, &a, m, &tau, &b, m, &work, Int32(work.count))
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dormqr", info: info)) }

        // Solve R X = (Qᵀ B)[0..<n]
        info = LAPACKE_dtrtrs_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")),
                                   Int8(UInt8(ascii: "N")), n, k, &a, m, &b, m)
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dtrtrs", info: info)) }

        var solution = Matrix(rows: columns, columns: rhs.columns)
        for j in 0..<rhs.columns {
            for i in 0..<columns { solution.storage[i + j * columns] = b[i + j * rows] }
        }
        return LeastSquaresSolution(
            solution: solution, rank: rank, singularValues: nil, r: r,
            residualSumOfSquares: Matrix.residualSums(b, rows: rows, columns: columns, rhs: rhs.columns),
            driver: .qr)
    }
}
