import ProseGraphModel

/// A syntax error in an input, located like a compiler diagnostic:
/// `path:line:column: message` (line and column 1-based; column in characters).
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// What every reader is told: the name of the input (for messages) and the
/// base IRI relative references resolve against.
public struct ReaderOptions: Sendable {
    public var path: String
    public var base: String?
    /// What the input may hold (GraphML keys, JSON-LD size).
    public var limits: InputLimits

    public init(path: String = "<input>", base: String? = nil, limits: InputLimits = InputLimits()) {
        self.path = path
        self.base = base
        self.limits = limits
    }
}

/// How much one input may hold, so that every command either works in
/// bounded memory or stops with an error that names the limit and how to
/// raise it (`--limit NAME=VALUE` on the command line). At the defaults a
/// command's peak memory stays under 2 GB (README, "Limits", has the numbers).
///
/// Nesting depth is bounded too, but not configurable: the readers recurse
/// per level, so the bound protects the stack. XML elements nest at most 256
/// levels (libxml2), Turtle and N-Triples terms 256, JSON arrays and objects 100.
public struct InputLimits: Sendable, Hashable {
    /// The limits, by their command-line names.
    public enum Name: String, CaseIterable, Sendable {
        /// Largest article file, in bytes (export, eval, explain).
        case articleSize = "article-size"
        /// Largest RDF (JSON-LD too), GraphML, RDF Patch or gold file, in bytes.
        case inputSize = "input-size"
        /// Largest JSON-LD tree, in bytes: a whole document, read as one tree and expansion;
        /// a larger document of the shape prosegraph writes is read one top-level node
        /// object at a time, each at most this large (`JSONLDReader.read`).
        case jsonldSize = "jsonld-size"
        /// Most `<key>` elements a GraphML file may declare.
        case graphmlKeys = "graphml-keys"
        /// Most triples (quads) read from one input by the commands that hold
        /// a whole graph: canonicalize, diff, patch, validate.
        case triples

        /// Sizes are in bytes; the others are counts.
        public var isSize: Bool { self == .articleSize || self == .inputSize || self == .jsonldSize }

        /// How messages name the limit: "the JSON-LD size limit".
        var title: String {
            switch self {
            case .articleSize: return "the article size limit"
            case .inputSize: return "the input size limit"
            case .jsonldSize: return "the JSON-LD size limit"
            case .graphmlKeys: return "the GraphML key limit"
            case .triples: return "the triple limit"
            }
        }
    }

    public var articleSize = 8_000_000
    public var inputSize = 512_000_000
    public var jsonldSize = 32_000_000
    public var graphmlKeys = 10_000
    public var triples = 1_000_000

    public init() {}

    public subscript(name: Name) -> Int {
        get {
            switch name {
            case .articleSize: return articleSize
            case .inputSize: return inputSize
            case .jsonldSize: return jsonldSize
            case .graphmlKeys: return graphmlKeys
            case .triples: return triples
            }
        }
        set {
            switch name {
            case .articleSize: articleSize = newValue
            case .inputSize: inputSize = newValue
            case .jsonldSize: jsonldSize = newValue
            case .graphmlKeys: graphmlKeys = newValue
            case .triples: triples = newValue
            }
        }
    }

    /// The value of a limit as written on the command line: `8MB`, `10000`.
    public func shown(_ name: Name) -> String {
        name.isSize ? Self.size(self[name]) : String(self[name])
    }

    /// "… is N; the JSON-LD size limit is 32 MB (raise it with --limit jsonld-size=SIZE)".
    public func exceeded(_ name: Name, what: String) -> String {
        "\(what); \(name.title) is \(shown(name)) (raise it with --limit \(name.rawValue)=\(name.isSize ? "SIZE" : "N"))"
    }

    /// The message for a file of `bytes` over a size limit.
    public func tooLarge(_ name: Name, bytes: Int) -> String {
        exceeded(name, what: "the file is \(Self.size(bytes))")
    }

    /// The message for a stream (standard input) that went past a size limit.
    public func streamTooLarge(_ name: Name) -> String {
        exceeded(name, what: "the input is larger than \(Self.size(self[name]))")
    }

    /// Bytes for people, in powers of 1000: `512 MB`, `1.0 GB`, `524.3 MB`, `900 bytes`.
    public static func size(_ bytes: Int) -> String {
        for (unit, name) in [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")] where bytes >= unit {
            if bytes % unit == 0 { return "\(bytes / unit) \(name)" }
            let tenths = (bytes * 10 + unit / 2) / unit
            return "\(tenths / 10).\(tenths % 10) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// Parses `8MB`, `512 MB`, `1GB`, `64MiB`, `1000` (bytes): KB, MB, GB are
    /// powers of 1000, KiB, MiB, GiB of 1024. Nil for anything else or zero.
    public static func parseSize(_ text: String) -> Int? {
        let s = String(text.filter { $0 != " " })
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        let units: [String: Int] = ["": 1, "B": 1, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000,
                                    "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000]
        guard let unit = units[s.dropFirst(digits.count).uppercased()] else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: unit)
        return overflow || v <= 0 ? nil : v
    }

    /// Sets a limit from `NAME=VALUE`; the error says what is wrong, for a usage message.
    public mutating func set(_ assignment: String) throws(LimitError) {
        guard let eq = assignment.firstIndex(of: "=") else {
            throw LimitError("--limit takes NAME=VALUE, got '\(assignment)' (names: \(Name.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let key = String(assignment[..<eq]), text = String(assignment[assignment.index(after: eq)...])
        guard let name = Name(rawValue: key) else {
            throw LimitError("unknown limit '\(key)'; the limits are \(Name.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if name.isSize {
            guard let v = Self.parseSize(text) else {
                throw LimitError("--limit \(key) takes a size such as 8MB, 512MB or 2GB, got '\(text)'")
            }
            self[name] = v
        } else {
            guard let v = Int(text), v > 0 else { throw LimitError("--limit \(key) takes a positive whole number, got '\(text)'") }
            self[name] = v
        }
    }
}

/// A malformed `--limit` setting.
public struct LimitError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// An input over one of its `InputLimits`: `path: message` (no position: the
/// input as a whole is too large).
public struct InputLimitError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
