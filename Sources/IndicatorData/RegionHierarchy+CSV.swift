import Foundation

// MARK: - Reading regions.csv

extension RegionHierarchy {
    static let expectedColumns = "code, name_vi, name_en, parent, valid_from, valid_to, successor, note"

    /// Reads a regions file (header `code,name_vi,name_en,parent,valid_from,valid_to,successor,note`; only
    /// `code` and `parent` are required). An empty `parent` makes the region a root (a nation). Dates are
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or empty.
    /// - Throws: `DataError` with line and column for a duplicate code, a region that is its own parent or
    ///   successor, a bad date, a parent cycle, or a successor or parent the file does not list.
    public static func read(contentsOf url: URL, displayName: String? = nil) throws -> RegionHierarchy {
        let table = try CSVTable(url: url, displayName: displayName, delimiter: .auto,
                                 emptyHint: "The first line must be the header: \(expectedColumns)")
        return try read(table)
    }

    /// Reads a regions file from bytes (`file` names it in errors).
    public static func read(bytes: [UInt8], file: String) throws -> RegionHierarchy {
        let table = try bytes.withUnsafeBufferPointer {
            try CSVTable(bytes: $0, file: file, delimiter: .auto,
                         emptyHint: "The first line must be the header: \(expectedColumns)")
        }
        return try read(table)
    }

    private static func read(_ t: CSVTable) throws -> RegionHierarchy {
        let h = t.header
        let code = try h.require("code", expected: expectedColumns)
        let parent = try h.require("parent", expected: expectedColumns)
        let col = { (name: String) in h.index(of: name) }
        var regions: [Region] = []
        var lines: [String: (line: Int, row: CSVTable.Row)] = [:]
        for row in t.rows {
            let c = try t.requiredCode(row, code, name: "code")
            try t.checkCode(row, parent, name: "parent")
            try t.checkCode(row, col("successor"), name: "successor")
            if let first = lines[c] {
                throw t.error(row, code, "region \"\(c)\" is listed twice (lines \(first.line) and \(row.line))",
                              "Keep one row per region code")
            }
            lines[c] = (row.line, row)
            let p = t.field(row, parent)
            guard p != c else {
                throw t.error(row, parent, "region \"\(c)\" is its own parent", "Give its parent region, or leave it empty for a nation")
            }
            for name in ["valid_from", "valid_to"] {
                let text = t.field(row, col(name))
                guard text.isEmpty || isDate(text) else {
                    throw t.error(row, col(name) ?? 0, "\(name) \"\(text)\" is not a date",
                                  "Write YYYY-MM-DD (e.g. 2025-07-01), or leave it empty")
                }
            }
            let successor = t.field(row, col("successor"))
            guard successor != c else {
                throw t.error(row, col("successor") ?? 0, "region \"\(c)\" is its own successor",
                              "Give the region it was merged into, or leave it empty")
            }
            regions.append(Region(code: c, nameVi: t.field(row, col("name_vi")), nameEn: t.field(row, col("name_en")),
                                  parent: p.isEmpty ? nil : p, validFrom: t.field(row, col("valid_from")),
                                  validTo: t.field(row, col("valid_to")), successor: successor.isEmpty ? nil : successor,
                                  note: t.field(row, col("note"))))
        }
        let hierarchy = RegionHierarchy(regions)
        for region in regions {
            guard let entry = lines[region.code] else { continue }
            if let s = region.successor, hierarchy.regions[s] == nil {
                throw t.error(entry.row, col("successor") ?? 0, "successor \"\(s)\" of \(region.code) is not listed",
                              "Add a row for \(s) (the merged unit), or fix the code")
            }
            if hierarchy.hasCycle(from: region.code) {
                throw t.error(entry.row, parent, "the parents of \(region.code) form a cycle",
                              "Make every chain of parents end at a region with an empty parent")
            }
        }
        return hierarchy
    }

    /// YYYY, YYYY-MM or YYYY-MM-DD with month 1…12 and day 1…31.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year > 0 else { return false }
        if parts.count >= 2 { guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return false } }
        if parts.count == 3 { guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { return false } }
        return true
    }
}
