/// A dense, column-major matrix of `Double`, laid out exactly as BLAS and LAPACK expect
/// (`lda == rows`), so that it can be handed to them without copying.
///
/// Element (i, j) lives at `storage[i + j * rows]`. Shapes are checked by the throwing
/// initialisers; the subscripts are for code that already knows its indices are valid.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n).
    public let columns: Int
    /// Column-major storage, `rows * columns` elements.
    public internal(set) var storage: [Double]

    /// A matrix of zeros.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.storage = Array(repeating: value, count: self.rows * self.columns)
    }

    /// Wraps column-major storage.
    /// - Throws: `LinearAlgebraError.shapeMismatch` when `storage.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) throws {
        guard rows >= 0, columns >= 0, storage.count == rows * columns else {
            throw LinearAlgebraError.shapeMismatch(
                "column-major storage of \(storage.count) values cannot be a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// Builds a matrix from rows (row-major nested arrays, the way people write matrices).
    /// - Throws: `LinearAlgebraError.shapeMismatch` when the rows have different lengths.
    public init(rowMajor nested: [[Double]]) throws {
        let m = nested.count
        let n = nested.first?.count ?? 0
        var storage = [Double](repeating: 0, count: m * n)
        for (i, row) in nested.enumerated() {
            guard row.count == n else {
                throw LinearAlgebraError.shapeMismatch("row \(i) has \(row.count) values, row 0 has \(n)")
            }
            for (j, value) in row.enumerated() { storage[i + j * m] = value }
        }
        self.rows = m
        self.columns = n
        self.storage = storage
    }

    /// Builds a matrix whose columns are the given vectors.
    /// - Throws: `LinearAlgebraError.shapeMismatch` when the columns have different lengths.
    public init(columns vectors: [[Double]]) throws {
        let m = vectors.first?.count ?? 0
        for (j, column) in vectors.enumerated() where column.count != m {
            throw LinearAlgebraError.shapeMismatch("column \(j) has \(column.count) values, column 0 has \(m)")
        }
        self.rows = m
        self.columns = vectors.count
        self.storage = vectors.flatMap { $0 }
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix.storage[i + i * n] = 1 }
        return matrix
    }

    // MARK: - Access

    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The transpose, materialised.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.storage[j + i * columns] = storage[i + j * rows] }
        }
        return result
    }

    /// Diagonal elements.
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { storage[$0 + $0 * rows] }
    }

    /// True when every element is finite (no NaN, no ±Inf).
    public var isFinite: Bool { storage.allSatisfy(\.isFinite) }

    /// Returns a copy with row `i` multiplied by `factors[i]` (used for WLS: rows scaled by √w).
    public func scalingRows(by factors: [Double]) throws -> Matrix {
        guard factors.count == rows else {
            throw LinearAlgebraError.shapeMismatch("\(factors.count) row factors for a matrix of \(rows) rows")
        }
        var result = self
        for j in 0..<columns {
            for i in 0..<rows { result.storage[i + j * rows] *= factors[i] }
        }
        return result
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        (0..<rows).map { i in row(i).map { String($0) }.joined(separator: "\t") }.joined(separator: "\n")
    }
}
