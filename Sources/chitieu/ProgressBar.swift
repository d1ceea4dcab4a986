import Foundation

/// A one-line progress bar on stderr for long work (backtest, the calibration fit, `attain --joint`, `report`,
/// `scenario run`): `label [########............] done/total`.
///
/// Drawn only when stderr is a terminal (`isatty(STDERR_FILENO)`), never with `--quiet`, never when `TERM` is
/// `dumb` or `CI` is set; otherwise every call does nothing, so a pipe or a log file never gets a carriage
/// return. Redrawn at most 10 times a second (and once at the first step, so short work shows it too);
/// `finish()` clears the line (`\r` then ESC[K, erase to end of line), so the messages that follow start on a
/// clean line. Thread-safe: workers of `DispatchQueue.concurrentPerform` may call `advance()`.
final class ProgressBar: @unchecked Sendable {
    /// Minimum time between two redraws: 0.1 s.
    static let redrawInterval: UInt64 = 100_000_000
    /// Characters of the bar between the brackets.
    static let barWidth = 24

    let label: String
    /// Whether anything is drawn (see `shouldDraw`).
    let isDrawn: Bool
    // `@unchecked Sendable` is sound: every mutable field below is read and written under `lock`.
    private let lock = NSLock()
    private var total: Int
    private var done = 0
    private var lastDraw: UInt64?
    private var visible = false

    /// - Parameters:
    ///   - label: what is being counted, e.g. "backtest: series".
    ///   - total: the number of steps (can be set later with `update(_:of:)`).
    ///   - quiet: the command's `--quiet`.
    init(_ label: String, total: Int, quiet: Bool,
         isTerminal: Bool = isatty(STDERR_FILENO) == 1,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.label = label
        self.total = total
        isDrawn = Self.shouldDraw(quiet: quiet, isTerminal: isTerminal, environment: environment)
    }

    /// True when stderr is a terminal, not `--quiet`, `TERM` is not `dumb` and `CI` is unset or empty.
    static func shouldDraw(quiet: Bool, isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal, !quiet, environment["TERM"] != "dumb" else { return false }
        return (environment["CI"] ?? "").isEmpty
    }

    /// One more step done (or `steps`).
    func advance(by steps: Int = 1) {
        guard isDrawn else { return }
        lock.lock()
        defer { lock.unlock() }
        done += steps
        drawIfDue()
    }

    /// `done` of `total` steps done (for callbacks that report both, e.g. `ScenarioRunner.run(progress:)`).
    func update(_ done: Int, of total: Int) {
        guard isDrawn else { return }
        lock.lock()
        defer { lock.unlock() }
        self.done = done
        self.total = total
        drawIfDue()
    }

    /// Clears the bar's line if it was drawn. Call once, when the work ends (also on errors, with `defer`).
    func finish() {
        guard isDrawn else { return }
        lock.lock()
        defer { lock.unlock() }
        if visible { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        visible = false
    }

    /// The text of the bar: `label [####....] done/total`, the bar filled in proportion done/total.
    static func line(label: String, done: Int, total: Int) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        return "\(label) [\(bar)] \(done)/\(total)"
    }

    /// Draws when the last redraw is at least `redrawInterval` old (caller holds `lock`).
    private func drawIfDue() {
        let now = DispatchTime.now().uptimeNanoseconds
        if let lastDraw, now - lastDraw < Self.redrawInterval { return }
        lastDraw = now
        visible = true
        FileHandle.standardError.write(Data(("\r" + Self.line(label: label, done: done, total: total) + "\u{1B}[K").utf8))
    }
}
