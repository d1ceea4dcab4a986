import Foundation

/// A small batch input in a fresh temporary folder: synthetic u5mr series 2009–2023 for each region (a 3 %
/// yearly decline from `level`, with a deterministic ±2 % wiggle), optionally a TFR series falling from 2.6,
/// and the given targets file. Several regions in the targets put `attain` on the batch path.
struct BatchFixture {
    let dir: URL
    let series: URL
    let targets: URL

    init(regions: [(String, Double)], tfr: Bool = false, targets: String) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var text = "indicator_code,region,year,value\n"
        for (region, level) in regions {
            for (i, year) in (2009...2023).enumerated() {
                text += "u5mr,\(region),\(year),\(level * pow(0.97, Double(i)) * (1 + 0.01 * Double((i * 7) % 5 - 2)))\n"
                if tfr { text += "tfr,\(region),\(year),\(2.6 - 0.02 * Double(i) + 0.01 * (Double((i * 3) % 4) - 1.5))\n" }
            }
        }
        series = dir.appendingPathComponent("s.csv")
        self.targets = dir.appendingPathComponent("t.csv")
        try Data(text.utf8).write(to: series)
        try Data(targets.utf8).write(to: self.targets)
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: dir) }
}
