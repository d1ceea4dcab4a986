import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Temporary files of interrupted writes

/// The temporary files `AtomicFile` has open, removed when the process is stopped by SIGINT, SIGTERM or
/// SIGHUP, and the stale ones of earlier runs removed when the next run writes to the same target.
///
/// Signals: a `sigaction(2)` handler, installed with the first registration, unlinks every registered path
/// and re-raises the signal with its default action, so the process still dies of that signal (a shell
/// sees 130 or 143) and a parent is told the truth. The handler only calls async-signal-safe functions
/// (`unlink`, `sigaction`, `raise`) on memory allocated beforehand: a fixed table of `capacity` slots of
/// `pathCapacity` bytes each, with a flag per slot. A signal that the process ignores (`nohup` sets SIGHUP
/// to SIG_IGN) stays ignored; a blocked one is unblocked (see `installHandlers`).
///
/// Stale files: a run killed by SIGKILL or a power cut cannot clean up. Its temporary file is named
/// `.NAME.PID-RAND.tmp`; when a later write to NAME finds such a file whose PID is not a live process
/// (`kill(pid, 0)` fails with ESRCH), it removes it. Files of live processes (a concurrent write, or a PID
/// reused since) and names of any other shape are left alone.
enum TemporaryFiles {
    static let capacity = 64
    static let pathCapacity = 4096

    /// Slot storage: `capacity` × `pathCapacity` bytes of NUL-terminated paths, and one flag per slot
    /// (1 = in use). Allocated once, never freed, so the handler never reads freed memory.
    nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathCapacity)
    nonisolated(unsafe) private static let used: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// Registers `path` for removal on a signal; returns its slot (nil when the table is full or the path
    /// too long, in which case the file is only removed by the stale cleanup of a later run).
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < pathCapacity else { return nil }
        lock.lock()
        defer { lock.unlock() }
        installHandlers()
        guard let slot = (0..<capacity).first(where: { used[$0] == 0 }) else { return nil }
        let base = paths + slot * pathCapacity
        for (i, byte) in bytes.enumerated() { base[i] = CChar(bitPattern: byte) }
        base[bytes.count] = 0
        used[slot] = 1  // set last: the handler sees either no path or a whole one
        return slot
    }

    /// Forgets a slot (the file was renamed into place or removed).
    static func unregister(_ slot: Int?) {
        guard let slot, (0..<capacity).contains(slot) else { return }
        lock.lock()
        used[slot] = 0
        lock.unlock()
    }

    /// The registered paths (for tests).
    static func registered() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<capacity).filter { used[$0] != 0 }.map { String(cString: paths + $0 * pathCapacity) }
    }

    /// Signals that remove the registered files.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handler for `signals` once (caller holds `lock`).
    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for sig in signals {
            var action = sigaction()
            var previous = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = handleSignal
            #else
            action.__sigaction_handler.sa_handler = handleSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            guard sigaction(sig, &action, &previous) == 0 else { continue }
            #if canImport(Darwin)
            let wasIgnored = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == 1
            #else
            let wasIgnored = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1
            #endif
            if wasIgnored { _ = sigaction(sig, &previous, nil) }  // SIG_IGN (1) stays: e.g. SIGHUP under nohup
        }
        // A process started from a thread that blocks signals inherits the mask (libdispatch worker threads
        // block them and Foundation's Process passes the mask on): SIGTERM would stay pending forever and
        // neither stop the run nor remove the file. Unblock the three on this thread (new threads inherit it).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in signals { sigaddset(&unblock, sig) }
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// The handler: unlink every registered path, restore the default action, re-raise (the signal is
    /// blocked while the handler runs, so it is delivered, and the process dies of it, when this returns).
    private static let handleSignal: @convention(c) (Int32) -> Void = { sig in
        for slot in 0..<TemporaryFiles.capacity where TemporaryFiles.used[slot] != 0 {
            _ = unlink(TemporaryFiles.paths + slot * TemporaryFiles.pathCapacity)
        }
        var action = sigaction()
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = SIG_DFL
        #else
        action.__sigaction_handler.sa_handler = SIG_DFL
        #endif
        sigemptyset(&action.sa_mask)
        _ = sigaction(sig, &action, nil)
        _ = raise(sig)
    }

    // MARK: Stale files

    /// Whether `entry` is a temporary name of target `name` (`.NAME.PID-RAND.tmp`, digits only); its PID.
    static func temporaryPID(_ entry: String, name: String) -> pid_t? {
        let prefix = "." + name + "."
        guard entry.hasPrefix(prefix), entry.hasSuffix(".tmp") else { return nil }
        let middle = entry.dropFirst(prefix.count).dropLast(4)
        let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }

    /// Whether a process with this PID exists (EPERM: it exists, owned by someone else).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes the temporary files of target `name` in `directory` left by processes that no longer run;
    /// returns the paths removed.
    /// - Complexity: O(entries in the directory).
    @discardableResult
    static func removeStale(directory: String, name: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for entry in entries {
            guard let pid = temporaryPID(entry, name: name), pid != getpid(), !isAlive(pid) else { continue }
            let path = (directory as NSString).appendingPathComponent(entry)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }
}
