#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProseGraphFormats
import ProseGraphText

/// The few file operations the jobs need, with errors that name the path.
public enum FileSystem {
    public enum Kind { case file, directory, missing, other }

    public static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Reads a whole file.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, message: "cannot read: \(lastError())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError(path: path, message: "cannot read: \(lastError())") }
        if st.st_mode & S_IFMT == S_IFDIR { throw InputError(path: path, message: "cannot read: it is a directory") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, message: "cannot read: \(lastError())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Reads all of standard input.
    public static func readStandardInput() throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: "<stdin>", message: "cannot read: \(lastError())")
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// The working directory.
    public static func currentDirectory() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return "." }
        return buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Names in a directory (no "." or ".."), sorted by bytes.
    public static func list(_ path: String) throws(InputError) -> [String] {
        guard let dir = opendir(path) else { throw InputError(path: path, message: "cannot list: \(lastError())") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Creates a directory and its parents.
    public static func makeDirectory(_ path: String) throws(OutputError) {
        if kind(path) == .directory { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            switch kind(prefix) {
            case .directory: break
            case .missing:
                if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                    throw OutputError(path: path, message: "cannot create the directory: \(lastError())")
                }
            case .file, .other:
                throw OutputError(path: path, message: "cannot create the directory: \(prefix) exists and is not a directory")
            }
            prefix += "/"
        }
    }

    static func lastError() -> String { SystemError.text(errno) }
    static func errorText(_ code: Int32) -> String { SystemError.text(code) }

    /// The status of a path (`lstat` when `follow` is false), or nil with errno set.
    static func status(_ path: String, follow: Bool = true) -> stat? {
        var st = stat()
        return (follow ? stat(path, &st) : lstat(path, &st)) == 0 ? st : nil
    }

    static func isDirectory(_ st: stat) -> Bool { st.st_mode & S_IFMT == S_IFDIR }

    /// The absolute path with every symbolic link, `.` and `..` resolved, or nil with errno set.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Names in a directory (no "." or ".."), unsorted, or nil with errno set.
    static func entries(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Makes a directory's entries (creations, renames, removals) durable. Best effort.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// Writes all of `bytes` to `fd`, retrying on EINTR; false with errno set on failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// The directory part of a path ("." when there is none).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last part of a path.
    static func lastComponent(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}

/// A failure to write an output, naming the path.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}
