import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Limits per input

/// Peak resident memory of this process in bytes: `VmHWM` of /proc/self/status on Linux, `ru_maxrss` of
/// getrusage(2) elsewhere (KiB on Linux, bytes on macOS).
func peakResidentBytes() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kib = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") {
        return kib * 1024
    }
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)
    #endif
}

/// A thread that ends the run when one input takes longer than `limit`, or the process's peak resident
/// memory passes `memoryLimit` while an input is read (an input that hangs or allocates without bound is
/// never interrupted in-process: the watchdog prints what it was and exits 1).
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: ContinuousClock.Instant?
    private var label = ""
    private let limit: Duration
    private let memoryLimit: Int
    private let queue = DispatchQueue(label: "chitieu-fuzz.watchdog")
    private var timer: DispatchSourceTimer?

    init(limit: Duration, memoryLimit: Int) {
        self.limit = limit
        self.memoryLimit = memoryLimit
    }

    /// Starts checking every 100 ms.
    func start() {
        let t = DispatchSource.makeTimerSource(queue: queue)
        t.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        t.setEventHandler { [weak self] in self?.check() }
        t.resume()
        timer = t
    }

    /// Marks the start of an input (`label` says which, for the failure message).
    func begin(_ label: String) {
        lock.lock()
        started = .now
        self.label = label
        lock.unlock()
    }

    /// Marks the end of the current input.
    func end() {
        lock.lock()
        started = nil
        lock.unlock()
    }

    private func check() {
        lock.lock()
        let since = started
        let what = label
        lock.unlock()
        guard let since else { return }
        let elapsed = ContinuousClock.now - since
        if elapsed > limit {
            fail("\(what) still running after \(elapsed) (limit \(limit)): a hang")
        }
        let peak = peakResidentBytes()
        if peak > memoryLimit {
            fail("\(what): peak resident memory \(peak >> 20) MiB passed the limit of \(memoryLimit >> 20) MiB")
        }
    }

    private func fail(_ message: String) {
        FileHandle.standardError.write(Data("chitieu-fuzz: FAIL: \(message)\n".utf8))
        exit(1)
    }
}

// MARK: - Crashes

/// The message a fatal signal prints (built before each input, read by the handler: no allocation there).
nonisolated(unsafe) private var crashMessage = [CChar](repeating: 0, count: 1024)
nonisolated(unsafe) private var crashMessageLength = 0

/// Sets what a crash during the next input reports (the reproducer's path and the mutant's number).
func setCrashReport(_ text: String) {
    let bytes = Array(("\nchitieu-fuzz: FAIL: crashed on " + text + "\n").utf8.prefix(1023))
    for (i, byte) in bytes.enumerated() { crashMessage[i] = CChar(bitPattern: byte) }
    crashMessageLength = bytes.count
}

/// On SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT (a Swift trap, an overflow, a failed
/// allocation): writes the report set by `setCrashReport`, then dies of the same signal.
func installCrashReporter() {
    for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
        signal(sig) { received in
            crashMessage.withUnsafeBufferPointer { buffer in
                _ = write(2, buffer.baseAddress, crashMessageLength)
            }
            signal(received, SIG_DFL)
            raise(received)
        }
    }
}
