import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic file output: a run either leaves the complete new file or nothing.
///
/// Protocol (the classic write-temp-then-rename, cf. `rename(2)`: "If newpath already exists, it will be
/// atomically replaced"): create a uniquely named temporary file in the target's directory (same file
/// system, so the rename is atomic) with `O_CREAT | O_EXCL`, write, `fsync(2)`, close, then
///  - with `overwrite`: `rename(2)` over the target;
///  - without: `link(2)` to the target, which fails with `EEXIST` if a file appeared meanwhile (no
///    check-then-replace race), then unlink the temporary name;
/// and finally `fsync` the directory so the new name survives a crash. On any failure, including an
/// error thrown by the caller's body in the streaming variant, the temporary file is removed.
///
/// Interruptions (`TemporaryFiles`): the temporary file is registered while it exists, and SIGINT, SIGTERM
/// or SIGHUP remove it before the process dies of the signal; temporary files of the same target left by
/// processes that no longer run (SIGKILL, a power cut) are removed when the next write to it starts.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    /// - Throws: `ExportError` — `.fileExists` (exit 64) if the file exists and `overwrite` is false,
    ///   `.cannotCreate` (73) if the directory is missing or not writable or the target is a directory,
    ///   `.ioError` (74) if writing, syncing or renaming fails.
    public static func write(_ data: Data, to url: URL, overwrite: Bool) throws {
        try write(to: url, overwrite: overwrite) { sink in try sink.write(data) }
    }

    /// Streams output to `url` atomically: `body` writes chunks to the sink, which go to the temporary
    /// file; only when `body` returns is the file synced and renamed into place. If `body` throws, the
    /// temporary file is removed, the target is untouched, and the body's error is rethrown unchanged.
    /// - Throws: the body's error, or `ExportError` as for `write(_:to:overwrite:)`.
    public static func write(to url: URL, overwrite: Bool, _ body: (inout OutputSink) throws -> Void) throws {
        let target = url.standardizedFileURL.path
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        try checkTarget(target, directory: directory, overwrite: overwrite)
        TemporaryFiles.removeStale(directory: directory, name: name)

        let temporary = (directory as NSString).appendingPathComponent(".\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        // Registered (and the signal handlers installed) before the file exists: a signal that arrives
        // just after `open` still finds the path to remove.
        let slot = TemporaryFiles.register(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = lastError()
            TemporaryFiles.unregister(slot)
            throw ExportError(.cannotCreate, path: target,
                              message: "Cannot create \(target): \(reason) in \(directory). "
                              + "Choose a directory that exists and that you can write to.")
        }
        var sink = OutputSink(descriptor: fd, path: target)
        var committed = false
        defer {
            if sink.isOpen { _ = close(fd) }
            if !committed { _ = unlink(temporary) }
            TemporaryFiles.unregister(slot)
        }
        holdForSignalTests()
        try body(&sink)
        try sink.flush()
        if fsync(fd) != 0 {
            throw ExportError(.ioError, path: target, message: "Cannot sync \(target) to disk: \(lastError()). Nothing was written.")
        }
        sink.isOpen = false
        if close(fd) != 0 {
            throw ExportError(.ioError, path: target, message: "Cannot close \(target): \(lastError()). Nothing was written.")
        }
        if overwrite {
            if rename(temporary, target) != 0 {
                throw ExportError(.ioError, path: target,
                                  message: "Cannot move the finished file into place at \(target): \(lastError()). Nothing was written.")
            }
        } else {
            if link(temporary, target) == 0 {
                _ = unlink(temporary)
            } else {
                let code = errno
                if code == EEXIST {
                    throw ExportError(.fileExists, path: target,
                                      message: "\(target) already exists; use --force to replace it, or choose another --out path.")
                }
                // File systems without hard links (FAT, some network mounts) refuse link(2): fall back to
                // check-then-rename, which can only race with another process creating the same file.
                guard code == EPERM || code == EOPNOTSUPP || code == ENOTSUP || code == EMLINK || code == ENOSYS else {
                    throw ExportError(.ioError, path: target,
                                      message: "Cannot create \(target): \(String(cString: strerror(code))). Nothing was written.")
                }
                if access(target, F_OK) == 0 {
                    throw ExportError(.fileExists, path: target,
                                      message: "\(target) already exists; use --force to replace it, or choose another --out path.")
                }
                if rename(temporary, target) != 0 {
                    throw ExportError(.ioError, path: target,
                                      message: "Cannot move the finished file into place at \(target): \(lastError()). Nothing was written.")
                }
            }
        }
        committed = true
        syncDirectory(directory)
    }

    // MARK: - Helpers

    /// Test hook: with `CHITIEU_TEST_HOLD_TEMPORARY=SECONDS` (0 < SECONDS ≤ 60) in the environment, waits that
    /// long once the temporary file exists, so that a test can send a signal while a write is under way
    /// (`AtomicSignalCLITests`). Unset, as in every normal run, it does nothing.
    private static func holdForSignalTests() {
        guard let text = ProcessInfo.processInfo.environment["CHITIEU_TEST_HOLD_TEMPORARY"],
              let seconds = Double(text), seconds > 0, seconds <= 60 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }

    private static func checkTarget(_ target: String, directory: String, overwrite: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw ExportError(.cannotCreate, path: target,
                                  message: "\(target) is a directory; give a file name with --out.")
            }
            if !overwrite {
                throw ExportError(.fileExists, path: target,
                                  message: "\(target) already exists; use --force to replace it, or choose another --out path.")
            }
        }
        var directoryIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &directoryIsDirectory),
              directoryIsDirectory.boolValue else {
            throw ExportError(.cannotCreate, path: target,
                              message: "Cannot create \(target): the directory \(directory) does not exist. "
                              + "Create it first or choose another --out path.")
        }
    }

    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)  // best effort: some file systems refuse fsync on directories
        _ = close(fd)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

// MARK: - OutputSink

/// `write(2)`, named apart from `OutputSink.write` so the call inside the sink reaches the C function.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// Where the streaming variant of `AtomicFile.write` sends its chunks: a buffered writer on the
/// temporary file. Only `AtomicFile` creates one.
public struct OutputSink {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    fileprivate var isOpen = true
    /// Bytes accepted so far.
    public private(set) var bytesWritten = 0

    fileprivate init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(Self.bufferSize)
    }

    private static let bufferSize = 1 << 16

    /// Appends bytes.
    /// - Throws: `ExportError.ioError` if the disk write fails (e.g. the disk is full).
    public mutating func write(_ data: Data) throws {
        buffer.append(contentsOf: data)
        bytesWritten += data.count
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends the UTF-8 encoding of `string`.
    public mutating func write(_ string: String) throws { try write(Data(string.utf8)) }

    /// Appends bytes; a chunk of at least the buffer's size goes to the file directly, without a copy (the
    /// batch CSV hands over parts of megabytes).
    /// - Throws: `ExportError.ioError` if the disk write fails.
    public mutating func write(bytes: [UInt8]) throws {
        guard bytes.count >= Self.bufferSize else {
            buffer.append(contentsOf: bytes)
            bytesWritten += bytes.count
            if buffer.count >= Self.bufferSize { try flush() }
            return
        }
        try flush()
        try bytes.withUnsafeBytes { try writeAll($0) }
        bytesWritten += bytes.count
    }

    /// Writes the buffered bytes to the file.
    mutating func flush() throws {
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// write(2) until every byte of `raw` is written (retrying on EINTR and short writes).
    private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = systemWrite(descriptor, base + offset, raw.count - offset)
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                throw ExportError(.ioError, path: path,
                                  message: "Writing \(path) failed: \(AtomicFile.lastError()). Nothing was written; "
                                  + "free some disk space or choose another --out path.")
            }
            offset += written
        }
    }
}
