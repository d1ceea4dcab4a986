import Foundation

// MARK: - Reading derived_indicators.csv

extension Derivation {
    static let expectedColumns = "code, numerator, denominator, denominator_multiplier, denominator_unit, per, "
        + "feeds, basis, unit, note"

    /// Reads a derivations file (header `code,numerator,denominator,denominator_multiplier,denominator_unit,
    /// per,feeds,basis,unit,note`). `numerator` is one series code or codes joined by ` + ` / ` - `
    /// ("patient_beds_dpoh_total_count - patient_beds_dpoh_commune_station_count"); `denominator` may be
    /// empty; `denominator_multiplier` defaults to 1; `per` is required (10000, 100000, 100 or 1).
    /// - Throws: `DataError` naming the line and column of the first bad cell; duplicate codes name both lines.
    public static func read(contentsOf url: URL, displayName: String? = nil) throws -> [Derivation] {
        let table = try CSVTable(url: url, displayName: displayName, delimiter: .auto,
                                 emptyHint: "The first line must be the header: \(expectedColumns)")
        return try read(table)
    }

    /// Reads derivations from bytes (`file` names it in errors).
    public static func read(bytes: [UInt8], file: String) throws -> [Derivation] {
        let table = try bytes.withUnsafeBufferPointer {
            try CSVTable(bytes: $0, file: file, delimiter: .auto,
                         emptyHint: "The first line must be the header: \(expectedColumns)")
        }
        return try read(table)
    }

    private static func read(_ t: CSVTable) throws -> [Derivation] {
        let h = t.header
        let code = try h.require("code", expected: expectedColumns)
        let numerator = try h.require("numerator", expected: expectedColumns)
        let per = try h.require("per", expected: expectedColumns)
        let col = { (name: String) in h.index(of: name) }
        let format = NumberFormat()
        var out: [Derivation] = []
        var lines: [String: Int] = [:]
        for row in t.rows {
            let c = try t.required(row, code, name: "code")
            if let first = lines[c] {
                throw t.error(row, code, "derived code \"\(c)\" is listed twice (lines \(first) and \(row.line))",
                              "Keep one row per derived code")
            }
            lines[c] = row.line
            let terms = try parseTerms(try t.required(row, numerator, name: "numerator"), t: t, row: row,
                                       column: numerator)
            guard let perValue = try t.number(row, per, format: format), perValue > 0 else {
                throw t.error(row, per, "per must be a positive number (10000 for a density per 10,000)",
                              "Write 10000, 100000, 100 or 1")
            }
            let multiplier = try t.number(row, col("denominator_multiplier"), format: format) ?? 1
            guard multiplier > 0 else {
                throw t.error(row, col("denominator_multiplier") ?? 0, "denominator_multiplier must be positive",
                              "Write 1000 when the denominator is published in thousands, else 1")
            }
            let nonEmpty = { (s: String) -> String? in s.isEmpty ? nil : s }
            out.append(Derivation(
                code: c, numerator: terms, denominator: nonEmpty(t.field(row, col("denominator"))),
                denominatorMultiplier: multiplier, denominatorUnit: t.field(row, col("denominator_unit")),
                per: perValue, feeds: nonEmpty(t.field(row, col("feeds"))), basis: t.field(row, col("basis")),
                unit: t.field(row, col("unit"))))
        }
        return out
    }

    /// "a - b + c" → [+a, −b, +c]. Codes are [A-Za-z0-9_]+; signs are separated by spaces.
    static func parseTerms(_ text: String, t: CSVTable, row: CSVTable.Row, column: Int) throws -> [Term] {
        var terms: [Term] = []
        var sign = 1.0
        var expectCode = true
        for token in text.split(separator: " ", omittingEmptySubsequences: true) {
            if expectCode {
                guard token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw t.error(row, column, "numerator term \"\(token)\" is not a series code",
                                  "Write series codes joined by \" + \" or \" - \"")
                }
                terms.append(Term(code: String(token), sign: sign))
            } else {
                guard token == "+" || token == "-" else {
                    throw t.error(row, column, "expected + or - between numerator codes, got \"\(token)\"",
                                  "Write series codes joined by \" + \" or \" - \"")
                }
                sign = token == "-" ? -1 : 1
            }
            expectCode.toggle()
        }
        guard !terms.isEmpty, !expectCode else {
            throw t.error(row, column, "numerator \"\(text)\" ends with a sign or is empty",
                          "Write series codes joined by \" + \" or \" - \"")
        }
        return terms
    }
}
