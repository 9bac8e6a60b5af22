#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProseGraphFormats

/// A file that appears at its path only once it is complete: bytes go to a
/// temporary file in the same directory, which `commit()` flushes, syncs and
/// renames into place. If the process dies or `commit()` is never reached, the
/// previous file at the path is untouched (`discard()` or deinit removes the
/// temporary file; a killed process leaves its `.NAME.tmp-XXXXXX`).
/// `convert`, `patch` and `synth` write their single files this way; `export`
/// writes its set of files with `ExportSet`.
public final class AtomicFile: ByteSink {
    public let path: String
    private let tempPath: String
    private var fd: Int32
    private var done = false

    public init(path: String) throws(OutputError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = ((dir.isEmpty ? "/" : dir + "/") + "." + name + ".tmp-XXXXXX").utf8CString
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw OutputError(path: path, message: "cannot create a file in \(dir): \(FileSystem.lastError())")
        }
        self.fd = fd
        self.tempPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        _ = fchmod(fd, 0o644)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    deinit { discard() }

    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard !done else { throw OutputError(path: path, message: "write after the file was closed") }
        guard FileSystem.writeAll(fd, chunk) else {
            throw OutputError(path: path, message: "cannot write: \(FileSystem.lastError())")
        }
    }

    /// Syncs the data and renames the temporary file over `path`.
    public func commit() throws(OutputError) {
        guard !done else { return }
        if fsync(fd) != 0 { let e = FileSystem.lastError(); discard(); throw OutputError(path: path, message: "cannot sync: \(e)") }
        if close(fd) != 0 { let e = FileSystem.lastError(); fd = -1; discard(); throw OutputError(path: path, message: "cannot close: \(e)") }
        fd = -1
        if rename(tempPath, path) != 0 {
            let e = FileSystem.lastError()
            discard()
            throw OutputError(path: path, message: "cannot rename into place: \(e)")
        }
        done = true
        // Make the rename itself durable.
        FileSystem.syncDirectory(FileSystem.parent(of: path))
    }

    /// Removes the temporary file; the previous file at `path` stays.
    public func discard() {
        guard !done else { return }
        done = true
        if fd >= 0 { close(fd); fd = -1 }
        unlink(tempPath)
    }
}

/// Writes to standard output (for `-o -`).
public final class StandardOutputSink: ByteSink {
    public init() {}
    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < chunk.count {
            let n = Glibc.write(1, chunk.baseAddress! + offset, chunk.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: "<stdout>", message: "cannot write: \(FileSystem.lastError())")
            }
            offset += n
        }
    }
}
