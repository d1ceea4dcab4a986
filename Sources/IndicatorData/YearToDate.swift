// MARK: - YearToDate

/// A year-to-date figure set against its annual target: how much of the year has elapsed, how much of the
/// target has been reached, and the pace that implies.
///
/// - share of the year elapsed  e = (day of year of the end date) / (days in the year), e.g. 1 January–31
///   March 2024 = 91 / 366 = 0.2486 (2024 is a leap year);
/// - share of the target reached  r = value / target (for a count: cases or doses so far over the annual
///   target);
/// - pace  r / e: 1 means on course for the target at an even rate through the year; for a "lower is better"
///   target (a ceiling on cases) a pace above 1 means the ceiling will be passed at this rate;
/// - the even-rate annual figure  value / e (a linear extrapolation, labelled as such: seasonal counts such as
///   dengue are not even through the year).
///
/// Only meaningful for cumulative quantities (counts summed over the year); a rate so far is compared with its
/// target directly (`rateSoFar`).
public struct YearToDate: Sendable, Hashable, Encodable {
    public var key: SeriesKey
    public var year: Int
    /// The cumulative value to the end date.
    public var value: Double
    /// Last day covered.
    public var throughMonth: Int
    public var throughDay: Int
    public var target: Double
    public var comparator: Comparator?

    public init(key: SeriesKey, year: Int, value: Double, throughMonth: Int, throughDay: Int? = nil,
                target: Double, comparator: Comparator? = nil) {
        self.key = key
        self.year = year
        self.value = value
        self.throughMonth = min(max(throughMonth, 1), 12)
        self.throughDay = throughDay ?? Self.daysInMonth(self.throughMonth, year: year)
        self.target = target
        self.comparator = comparator
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the year of the end date (1 January = 1).
    public var dayOfYear: Int {
        (1..<throughMonth).reduce(0) { $0 + Self.daysInMonth($1, year: year) } + min(throughDay, Self.daysInMonth(throughMonth, year: year))
    }

    /// e: share of the year elapsed.
    public var shareElapsed: Double { Double(dayOfYear) / Double(Self.isLeap(year) ? 366 : 365) }

    /// r: share of the target reached (nil for a zero target).
    public var shareReached: Double? { target == 0 ? nil : value / target }

    /// r / e.
    public var pace: Double? { shareReached.map { $0 / shareElapsed } }

    /// value / e: the annual figure if the rest of the year continues at the same daily rate.
    public var evenRateAnnual: Double { value / shareElapsed }

    /// `2024-03-31`.
    public var endDate: String {
        "\(year)-" + (throughMonth < 10 ? "0" : "") + "\(throughMonth)-" + (throughDay < 10 ? "0" : "") + "\(throughDay)"
    }

    /// One line for people: `… to 2024-03-31: 24.9 % of the year elapsed, 28.0 % of the target 150 reached (pace 1.13)`.
    public var summary: String {
        func pct(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }
        var out = "\(key) \(year) to \(endDate): \(formatValue(value)); \(pct(shareElapsed)) of the year elapsed"
        if let r = shareReached, let p = pace {
            out += ", \(pct(r)) of the annual target \(comparator.map { $0.rawValue + " " } ?? "")\(formatValue(target)) reached "
                + "(pace \(String(format: "%.2f", p)); even-rate year \(formatValue((evenRateAnnual * 10).rounded() / 10)))"
        }
        return out
    }

    private enum CodingKeys: String, CodingKey {
        case key, year, value, endDate, target, comparator, shareElapsed, shareReached, pace, evenRateAnnual
    }

    /// The inputs and every derived share (JSON output of `data check`).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(year, forKey: .year)
        try c.encode(value, forKey: .value)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(target, forKey: .target)
        try c.encodeIfPresent(comparator, forKey: .comparator)
        try c.encode(shareElapsed, forKey: .shareElapsed)
        try c.encodeIfPresent(shareReached, forKey: .shareReached)
        try c.encodeIfPresent(pace, forKey: .pace)
        try c.encode(evenRateAnnual, forKey: .evenRateAnnual)
    }

    // MARK: Finding year-to-date figures

    /// Year-to-date figures in a collection: partial years of sub-annual imports whose periods run from
    /// the start of the year (summed counts), and tidy rows whose `period` column is a range
    /// `YYYY-01-01/YYYY-MM-DD` ending before 31 December (the March report's `…_ytd` rows).
    public static func figures(in collection: SeriesCollection) -> [(key: SeriesKey, year: Int, value: Double, month: Int, day: Int)] {
        var out: [(key: SeriesKey, year: Int, value: Double, month: Int, day: Int)] = []
        for p in collection.partialYears where p.figure.contiguous && p.rule == .sum && p.figure.throughMonth < 12 {
            out.append((p.key, p.year, p.figure.value, p.figure.throughMonth,
                        daysInMonth(p.figure.throughMonth, year: p.year)))
        }
        for s in collection.series {
            for o in s.observations {
                guard let range = o.provenance.extra["period"], let (month, day) = endOfRange(range, year: o.year),
                      month < 12 || day < 31 else { continue }
                out.append((s.key, o.year, o.value, month, day))
            }
        }
        return out
    }

    /// (month, day) of `YYYY-01-01/YYYY-MM-DD` when it starts on 1 January of `year`.
    static func endOfRange(_ text: String, year: Int) -> (Int, Int)? {
        let parts = text.split(separator: "/").map { $0.split(separator: "-").compactMap { Int($0) } }
        guard parts.count == 2, parts[0] == [year, 1, 1], parts[1].count == 3, parts[1][0] == year,
              (1...12).contains(parts[1][1]), (1...daysInMonth(parts[1][1], year: year)).contains(parts[1][2])
        else { return nil }
        return (parts[1][1], parts[1][2])
    }

    /// Every year-to-date figure of `collection` that has an annual target for the same indicator, region
    /// and year.
    public static func compare(_ collection: SeriesCollection, targets: [Target]) -> [YearToDate] {
        struct Key: Hashable { var series: SeriesKey; var year: Int }
        var byKey: [Key: Target] = [:]
        for t in targets where t.value != nil { byKey[Key(series: SeriesKey(indicator: t.indicator, region: t.region), year: t.year)] = t }
        return figures(in: collection).compactMap { f in
            guard let t = byKey[Key(series: f.key, year: f.year)], let target = t.value else { return nil }
            return YearToDate(key: f.key, year: f.year, value: f.value, throughMonth: f.month, throughDay: f.day,
                              target: target, comparator: t.comparator)
        }
    }
}
