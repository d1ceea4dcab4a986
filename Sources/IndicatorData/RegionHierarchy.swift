import Foundation

// MARK: - Regions

/// One region of a hierarchy (`Datasets/regions.csv`): code, names, parent, validity and, for a unit merged
/// into another, its successor.
public struct Region: Sendable, Hashable, Codable {
    public var code: String
    public var nameVi: String
    public var nameEn: String
    /// The region a projection borrows from and whose series the children aggregate into; nil for a nation.
    public var parent: String?
    /// First and last day the unit existed ("2025-07-01"), empty when open-ended.
    public var validFrom: String
    public var validTo: String
    /// The unit this one was merged into (VN-28 → VN-QNG from 1 July 2025), if any.
    public var successor: String?
    public var note: String

    public init(code: String, nameVi: String = "", nameEn: String = "", parent: String? = nil,
                validFrom: String = "", validTo: String = "", successor: String? = nil, note: String = "") {
        self.code = code
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
        self.successor = successor
        self.note = note
    }
}

/// Which region is whose parent, and which units were merged into which.
///
/// The default rule is ISO 3166-2's: the parent of a subdivision `XX-YYY` is the country `XX`; a code with
/// more parts (`VN-28-DAK_HA`, a district) has the code without its last part (`VN-28`) as parent. A
/// regions file overrides the rule for the codes it lists (any hierarchy: commune → district → province →
/// nation, a file's own codes), and states mergers through `successor`.
public struct RegionHierarchy: Sendable, Hashable {
    public let regions: [String: Region]
    /// File order of the codes (for listings).
    public let order: [String]

    public init(_ regions: [Region] = []) {
        var byCode: [String: Region] = [:]
        var order: [String] = []
        for region in regions where byCode[region.code] == nil {
            byCode[region.code] = region
            order.append(region.code)
        }
        self.regions = byCode
        self.order = order
    }

    /// The ISO 3166-2 rule: the code without its last `-` part ("VN-28" → "VN", "VN-28-DAK_HA" → "VN-28");
    /// nil for a code without a hyphen (a country).
    public static func isoParent(of code: String) -> String? {
        guard let dash = code.lastIndex(of: "-"), dash > code.startIndex else { return nil }
        return String(code[..<dash])
    }

    /// The parent of `code`: the regions file's when it lists the code (nil there = a root), else the ISO rule.
    public func parent(of code: String) -> String? {
        if let region = regions[code] { return region.parent }
        return Self.isoParent(of: code)
    }

    /// Parent, grandparent, … up to the root (at most 16 levels; a cycle stops the walk).
    public func ancestors(of code: String) -> [String] {
        var out: [String] = []
        var seen: Set<String> = [code]
        var current = code
        while out.count < 16, let next = parent(of: current), !seen.contains(next) {
            out.append(next)
            seen.insert(next)
            current = next
        }
        return out
    }

    /// True when following parents from `code` comes back to a region already visited.
    public func hasCycle(from code: String) -> Bool {
        let chain = ancestors(of: code)
        guard let next = parent(of: chain.last ?? code) else { return false }
        return next == code || chain.contains(next)
    }

    /// Regions the file lists with `code` as parent, in file order.
    public func children(of code: String) -> [String] {
        order.filter { regions[$0]?.parent == code }
    }

    /// Units merged into `code` (their `successor`), in file order.
    public func predecessors(of code: String) -> [String] {
        order.filter { regions[$0]?.successor == code }
    }

    /// What `code` aggregates from: its merged predecessors when it has any, else its children.
    public func members(of code: String) -> [String] {
        let merged = predecessors(of: code)
        return merged.isEmpty ? children(of: code) : merged
    }

    /// "Kon Tum (VN-28)" in the language asked for, or the bare code when the file does not name it.
    public func displayName(_ code: String, vietnamese: Bool = false) -> String {
        guard let region = regions[code] else { return code }
        let name = vietnamese && !region.nameVi.isEmpty ? region.nameVi : region.nameEn
        return name.isEmpty ? code : "\(name) (\(code))"
    }
}
