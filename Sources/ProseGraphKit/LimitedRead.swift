#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProseGraphFormats
import ProseGraphText

/// Reads whole inputs under a size limit (`InputLimits`): a file larger than
/// the limit is refused from its size, before a byte is read; a stream
/// (standard input, a file that grows while it is read) is refused as soon as
/// it passes the limit. Either way memory stays bounded by the limit.
public enum LimitedRead {
    /// Reads `path` ("-": standard input). The error names the file
    /// (`<stdin>` for standard input), its size, the limit and how to raise it.
    public static func read(_ path: String, limit name: InputLimits.Name, of limits: InputLimits) throws(InputError) -> [UInt8] {
        let limit = limits[name]
        if path == "-" {
            guard let bytes = try readStream(0, path: "<stdin>", atMost: limit) else {
                throw InputError(path: "<stdin>", message: limits.streamTooLarge(name))
            }
            return bytes
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, message: "cannot read: \(lastError())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError(path: path, message: "cannot read: \(lastError())") }
        if st.st_mode & S_IFMT == S_IFDIR { throw InputError(path: path, message: "cannot read: it is a directory") }
        if st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) > limit {
            throw InputError(path: path, message: limits.tooLarge(name, bytes: Int(st.st_size)))
        }
        let expected = st.st_mode & S_IFMT == S_IFREG ? Int(st.st_size) : 0
        guard let bytes = try readStream(fd, path: path, atMost: limit, expected: expected) else {
            throw InputError(path: path, message: limits.streamTooLarge(name))
        }
        return bytes
    }

    /// The size of a regular file over `limit`, or nil when it is within it (or not a regular file).
    public static func oversize(_ path: String, limit: Int) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) > limit else { return nil }
        return Int(st.st_size)
    }

    /// Everything up to the end of `fd`, or nil once more than `atMost` bytes came.
    private static func readStream(_ fd: Int32, path: String, atMost limit: Int, expected: Int = 0) throws(InputError) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expected, limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, message: "cannot read: \(lastError())")
            }
            if n == 0 { return bytes }
            if bytes.count + n > limit { return nil }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    private static func lastError() -> String { SystemError.text(errno) }
}
