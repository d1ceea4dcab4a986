import CBLAS

// MARK: - BLAS level 2 and 3 operations used by the core

extension Matrix {
    /// General matrix product C = α·op(A)·op(B) (BLAS `dgemm`).
    ///
    /// - Parameters:
    ///   - other: the right operand B.
    ///   - transposeSelf: use Aᵀ instead of A.
    ///   - transposeOther: use Bᵀ instead of B.
    ///   - alpha: scale factor α.
    /// - Throws: `LinearAlgebraError.shapeMismatch` when the inner dimensions differ.
    /// - Complexity: O(m·n·k) flops, done by OpenBLAS.
    public func multiplied(by other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false,
                           alpha: Double = 1) throws -> Matrix {
        let m = transposeSelf ? columns : rows
        let k = transposeSelf ? rows : columns
        let kOther = transposeOther ? other.columns : other.rows
        let n = transposeOther ? other.rows : other.columns
        guard k == kOther else {
            throw LinearAlgebraError.shapeMismatch(
                "cannot multiply \(m)×\(k) by \(kOther)×\(n): inner dimensions differ")
        }
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return result }
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(CblasColMajor,
                                transposeSelf ? CblasTrans : CblasNoTrans,
                                transposeOther ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k), alpha,
                                a.baseAddress, Int32(max(rows, 1)),
                                b.baseAddress, Int32(max(other.rows, 1)),
                                0, c.baseAddress, Int32(max(m, 1)))
                }
            }
        }
        return result
    }

    /// Matrix–vector product y = α·op(A)·x (BLAS `dgemv`).
    /// - Throws: `LinearAlgebraError.shapeMismatch` when `x` has the wrong length.
    public func multiplied(by vector: [Double], transposed: Bool = false, alpha: Double = 1) throws -> [Double] {
        let inner = transposed ? rows : columns
        let outer = transposed ? columns : rows
        guard vector.count == inner else {
            throw LinearAlgebraError.shapeMismatch(
                "a vector of \(vector.count) values cannot multiply a \(rows)×\(columns) matrix"
                    + (transposed ? " (transposed)" : ""))
        }
        var result = [Double](repeating: 0, count: outer)
        guard rows > 0, columns > 0 else { return result }
        storage.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    cblas_dgemv(CblasColMajor, transposed ? CblasTrans : CblasNoTrans,
                                Int32(rows), Int32(columns), alpha, a.baseAddress, Int32(max(rows, 1)),
                                x.baseAddress, 1, 0, y.baseAddress, 1)
                }
            }
        }
        return result
    }

    /// The Gram matrix AᵀA (BLAS `dsyrk`, upper triangle computed, then mirrored).
    /// - Complexity: O(m·n²/2) flops.
    public func gram() -> Matrix {
        let n = columns
        var result = Matrix(rows: n, columns: n)
        guard n > 0, rows > 0 else { return result }
        storage.withUnsafeBufferPointer { a in
            result.storage.withUnsafeMutableBufferPointer { c in
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(n), Int32(rows),
                            1, a.baseAddress, Int32(rows), 0, c.baseAddress, Int32(n))
            }
        }
        for j in 0..<n {
            for i in (j + 1)..<n { result.storage[i + j * n] = result.storage[j + i * n] }
        }
        return result
    }
}
