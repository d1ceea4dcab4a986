import CLAPACKE

extension Matrix {
    /// (AᵀA)⁻¹ for a full-column-rank A, computed from the QR factor R (A = QR, so AᵀA = RᵀR)
    /// with `dgeqrf` then `dpotri`, never by forming and inverting AᵀA: the condition number is
    /// that of A, not its square. This is the unscaled covariance of least-squares coefficients.
    ///
    /// - Throws: `LinearAlgebraError` for empty, non-finite or underdetermined input, and
    ///   `.lapack` (`dpotri`) when R is singular.
    /// - Complexity: O(m·n²).
    public func inverseGram() throws -> Matrix {
        guard rows > 0, columns > 0 else { throw LinearAlgebraError.empty("matrix is \(rows)×\(columns)") }
        guard rows >= columns else { throw LinearAlgebraError.underdetermined(rows: rows, columns: columns) }
        guard isFinite else { throw LinearAlgebraError.nonFinite("the matrix") }
        let n = Int32(columns)
        let factor = try householderQR()
        var r = factor.r.storage
        // dpotri takes the Cholesky factor U of AᵀA = UᵀU; R is such a factor (row signs cancel).
        let info = LAPACKE_dpotri_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), n, &r, n)
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dpotri", info: info)) }
        var result = try Matrix(rows: columns, columns: columns, columnMajor: r)
        for j in 0..<columns {
            for i in (j + 1)..<columns { result.storage[i + j * columns] = result.storage[j + i * columns] }
        }
        return result
    }

    /// Householder QR of `self` (m × n, m ≥ n) by `dgeqrf` with a workspace query: the packed factor
    /// (R on and above the diagonal, the reflectors below, as LAPACK leaves them), the reflector scalars τ,
    /// and R extracted as an n × n upper-triangular matrix.
    func householderQR() throws -> (packed: [Double], tau: [Double], r: Matrix) {
        let m = Int32(rows), n = Int32(columns)
        var a = storage
        var tau = [Double](repeating: 0, count: columns)
        var query = 0.0
        var info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, &a, m, &tau, &query, -1)
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dgeqrf", info: info)) }
        var work = [Double](repeating: 0, count: max(Int(query), 1))
        info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, &a, m, &tau, &work, Int32(work.count))
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dgeqrf", info: info)) }
        var r = Matrix(rows: columns, columns: columns)
        for j in 0..<columns {
            for i in 0...j { r.storage[i + j * columns] = a[i + j * rows] }
        }
        return (a, tau, r)
    }

    /// Lower Cholesky factor L with A = L·Lᵀ (`dpotrf`), for drawing correlated normals.
    /// - Throws: `LinearAlgebraError.shapeMismatch` for a non-square matrix, `.lapack` (`dpotrf`) when A is
    ///   not positive definite.
    public func choleskyLower() throws -> Matrix {
        guard rows == columns else {
            throw LinearAlgebraError.shapeMismatch("Cholesky needs a square matrix, got \(rows)×\(columns)")
        }
        guard rows > 0 else { throw LinearAlgebraError.empty("0×0 matrix") }
        guard isFinite else { throw LinearAlgebraError.nonFinite("the matrix") }
        var a = storage
        let n = Int32(rows)
        let info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), n, &a, n)
        guard info == 0 else { throw LinearAlgebraError.lapack(LAPACKError(routine: "dpotrf", info: info)) }
        for j in 0..<rows {
            for i in 0..<j { a[i + j * rows] = 0 }
        }
        return try Matrix(rows: rows, columns: columns, columnMajor: a)
    }
}
