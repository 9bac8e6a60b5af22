#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the JSON-LD reader gets the documents a document refers to (remote
/// `@context`s and `@import`s). It never goes to the network: a URL is
/// served from a local file or from memory, or it is not available, and the
/// reader then stops with an error naming the URL.
///
/// ```swift
/// let loader = DocumentLoader.offline([
///     .file(url: "https://schema.org/", path: "schema.jsonld"),
///     .named(path: "ctx.jsonld"),            // any URL ending in /ctx.jsonld
///     .directory(urlPrefix: "https://w3c.github.io/json-ld-api/tests/", path: "reference/json-ld-api/"),
/// ])
/// ```
///
/// `offline` always serves the project context (`Schemas/context.jsonld`, the
/// text `JSONLDWriter` embeds) at `DocumentLoader.projectContextURLs`.
public struct DocumentLoader: Sendable {
    /// A loaded document: its URL (the base for what it refers to), a name
    /// for messages (a file path) and its bytes.
    public struct Document: Sendable {
        public let url: String
        public let path: String
        public let bytes: [UInt8]

        public init(url: String, path: String, bytes: [UInt8]) {
            self.url = url
            self.path = path
            self.bytes = bytes
        }
    }

    /// One way `offline` serves URLs.
    public enum Entry: Sendable, Hashable {
        /// This URL is this file.
        case file(url: String, path: String)
        /// Any URL whose last path segment is this file's name (`--context ctx.jsonld`
        /// serves `https://example.org/ns/ctx.jsonld`, and the relative reference
        /// `ctx.jsonld` of a document read without a base).
        case named(path: String)
        /// URLs under a prefix are files under a directory (the prefix's rest is the relative path).
        case directory(urlPrefix: String, path: String)
        /// This URL is this text.
        case text(url: String, String)
        /// `file:` URLs are the local files they name.
        case fileURLs
    }

    /// A document that exists but could not be read.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let url: String
        public let message: String
        public var description: String { message }
    }

    /// The URLs the project context is published under (`export --context-url`).
    public static let projectContextURLs: [String] = ["https://prosegraph.org/context.jsonld"]

    private let loader: @Sendable (String) throws -> Document?

    /// A loader from a function: nil means the URL is not available offline;
    /// a thrown error means it is but could not be read.
    public init(_ load: @escaping @Sendable (_ url: String) throws -> Document?) {
        loader = load
    }

    /// The document at `url`, or nil when this loader does not have it.
    public func document(at url: String) throws -> Document? {
        try loader(url)
    }

    /// Only the project context and the given entries, in order; never the network.
    public static func offline(_ entries: [Entry] = []) -> DocumentLoader {
        DocumentLoader { url in
            let key = withoutFragment(url)
            if projectContextURLs.contains(key) {
                return Document(url: key, path: "Schemas/context.jsonld", bytes: Array(JSONLDContext.standard.document.utf8))
            }
            for entry in entries {
                switch entry {
                case .file(let u, let path) where withoutFragment(u) == key:
                    return Document(url: key, path: path, bytes: try readFile(path, for: key))
                case .named(let path):
                    let name = path.split(separator: "/").last.map(String.init) ?? path
                    let segment = key.split(separator: "?").first.map(String.init) ?? key
                    if !name.isEmpty, segment == name || segment.hasSuffix("/" + name) {
                        return Document(url: key, path: path, bytes: try readFile(path, for: key))
                    }
                case .directory(let prefix, let dir) where key.hasPrefix(prefix):
                    let rest = String(key.dropFirst(prefix.count))
                    guard !rest.split(separator: "/").contains("..") else { continue }
                    let file = dir.hasSuffix("/") ? dir + rest : dir + "/" + rest
                    guard isRegularFile(file) else { continue }
                    return Document(url: key, path: file, bytes: try readFile(file, for: key))
                case .text(let u, let text) where withoutFragment(u) == key:
                    return Document(url: key, path: key, bytes: Array(text.utf8))
                case .fileURLs where key.hasPrefix("file://"):
                    let file = percentDecoded(String(key.dropFirst("file://".count)))
                    guard isRegularFile(file) else { continue }
                    return Document(url: key, path: file, bytes: try readFile(file, for: key))
                default:
                    continue
                }
            }
            return nil
        }
    }

    private static func withoutFragment(_ url: String) -> String {
        if let hash = url.firstIndex(of: "#") { return String(url[..<hash]) }
        return url
    }

    private static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var out: [UInt8] = []
        var bytes = Array(s.utf8)[...]
        while let b = bytes.popFirst() {
            if b == UInt8(ascii: "%"), bytes.count >= 2,
               let v = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) {
                out.append(v)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    private static func readFile(_ path: String, for url: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            let reason = SystemError.text(errno)
            throw LoadError(url: url, message: "cannot read \(path) (given for \(url)): \(reason)")
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n > 0 { bytes += chunk[..<n] }
            if n < chunk.count {
                if ferror(f) != 0 {
                    throw LoadError(url: url, message: "cannot read \(path) (given for \(url)): read error")
                }
                break
            }
        }
        return bytes
    }
}
