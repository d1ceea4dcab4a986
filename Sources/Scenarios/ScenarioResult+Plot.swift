import Attainment

// MARK: - Yearly bands for charts

/// One year of a scenario's projection of one indicator: the central value and the 80 % and 95 %
/// intervals exactly as `ScenarioRunner` wrote them in its tidy rows (kinds `central`, `lower`/`upper` at
/// levels 80 and 95): analytic Student-t quantiles of the lever's predictive for trend levers, Monte Carlo
/// quantiles for resources and the budget lever. A chart reads these instead of projecting a second way.
public struct ScenarioYearBand: Sendable, Hashable {
    public let year: Int
    public let central: Double
    /// nil when the runner wrote no interval for the year (the base year of a resource, whose value is
    /// given, or a year without draws).
    public let pi80: ClosedInterval?
    public let pi95: ClosedInterval?
}

extension ScenarioResult {
    /// The yearly bands of `indicator`, oldest year first; empty when the scenario did not project it
    /// (no fit, or neither a target nor a lever names it).
    ///
    /// - Complexity: O(r) in the number of rows.
    public func bands(indicator: String) -> [ScenarioYearBand] {
        var central: [Int: Double] = [:]
        var bounds: [Int: [String: Double]] = [:]
        for row in rows where row.indicator == indicator {
            switch (row.kind, row.level) {
            case ("central", nil): central[row.year] = row.value
            case ("lower", .some(let level)), ("upper", .some(let level)):
                bounds[row.year, default: [:]]["\(row.kind)\(level)"] = row.value
            default: continue
            }
        }
        return central.keys.sorted().compactMap { year -> ScenarioYearBand? in
            guard let value = central[year] else { return nil }
            let b = bounds[year] ?? [:]
            func pair(_ level: Int) -> ClosedInterval? {
                guard let lower = b["lower\(level)"], let upper = b["upper\(level)"] else { return nil }
                return ClosedInterval(lower: lower, upper: upper)
            }
            return ScenarioYearBand(year: year, central: value, pi80: pair(80), pi95: pair(95))
        }
    }

    /// Why `indicator` has no projection in this run, from the runner's notes ("… not projected: …"), if
    /// it wrote one.
    public func unprojectedReason(indicator: String) -> String? {
        notes.first { $0.hasPrefix("\(indicator): not projected") }
    }
}
