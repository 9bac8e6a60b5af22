/// The RDF formats `push` sends, with their media types (as registered with IANA,
/// and as Oxigraph, Virtuoso, Fuseki and GraphDB read them).
public enum PushFormat: String, Sendable, CaseIterable {
    case ntriples, nquads, turtle, trig, rdfxml, jsonld

    public var mediaType: String {
        switch self {
        case .ntriples: return "application/n-triples"
        case .nquads: return "application/n-quads"
        case .turtle: return "text/turtle"
        case .trig: return "application/trig"
        case .rdfxml: return "application/rdf+xml"
        case .jsonld: return "application/ld+json"
        }
    }

    /// One statement a line: such a file can be sent in batches of lines.
    public var isLineBased: Bool { self == .ntriples || self == .nquads }

    /// A dataset format (quads): sent to the store's whole dataset, not to one graph.
    public var isDataset: Bool { self == .nquads || self == .trig }
}

/// Where a Graph Store HTTP Protocol request goes (SPARQL 1.1 Graph Store
/// HTTP Protocol, section 4: indirect graph identification).
public enum GraphStoreURL {
    /// `endpoint?graph=IRI` (the IRI percent-encoded), `endpoint?default` without
    /// a graph, or the endpoint as it is for a dataset format.
    public static func url(endpoint: String, graph: String?, dataset: Bool = false) -> String {
        if dataset { return endpoint }
        let separator = endpoint.contains("?") ? "&" : "?"
        guard let graph else { return endpoint + separator + "default" }
        return endpoint + separator + "graph=" + percentEncoded(graph)
    }

    /// Every byte but the unreserved characters (RFC 3986 2.3) as %XX.
    public static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
            }
        }
        return out
    }

    /// The SPARQL Update endpoint of the stores whose Graph Store endpoint names it:
    /// Oxigraph `/store` -> `/update`, Virtuoso `/sparql-graph-crud-auth` -> `/sparql-auth`
    /// and `/sparql-graph-crud` -> `/sparql`, Fuseki `/DATASET/data` -> `/DATASET/update`;
    /// nil for any other (then `--update-url` is needed).
    public static func updateURL(forGraphStore endpoint: String) -> String? {
        let base = endpoint.split(separator: "?", maxSplits: 1).first.map(String.init) ?? endpoint
        let pairs = [("/sparql-graph-crud-auth", "/sparql-auth"), ("/sparql-graph-crud", "/sparql"), ("/store", "/update"), ("/data", "/update")]
        for (suffix, replacement) in pairs where base.hasSuffix(suffix) {
            return String(base.dropLast(suffix.count)) + replacement
        }
        return nil
    }

    /// The request target of an absolute URL (its path and query), as Digest authentication names it.
    public static func requestTarget(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let target = String(rest[slash...].prefix { $0 != "#" })
        return target.hasPrefix("?") ? "/" + target : target
    }

    /// The host of an absolute URL (no port, no user info, brackets kept off an IPv6 address).
    public static func host(_ url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        return String(authority.prefix { $0 != ":" })
    }
}

/// Line batches of an N-Triples or N-Quads file: each batch is whole lines and
/// holds at most `size` statements (blank and comment lines do not count).
public struct LineBatches: Sendable, Equatable {
    /// Byte ranges of the file, in order, covering it whole.
    public let ranges: [Range<Int>]
    /// Statements in each batch.
    public let counts: [Int]
    public var total: Int { counts.reduce(0, +) }

    public init(_ bytes: [UInt8], size: Int) {
        precondition(size > 0)
        var ranges: [Range<Int>] = [], counts: [Int] = []
        var start = 0, count = 0, lineStart = 0
        var i = 0
        func isStatement(_ from: Int, _ to: Int) -> Bool {
            var j = from
            while j < to, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
            return j < to && bytes[j] != UInt8(ascii: "#")
        }
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                let end = min(i + 1, bytes.count)
                if isStatement(lineStart, i) {
                    count += 1
                    if count == size {
                        ranges.append(start..<end); counts.append(count)
                        start = end; count = 0
                    }
                }
                lineStart = end
            }
            i += 1
        }
        if count > 0 || ranges.isEmpty {
            ranges.append(start..<bytes.count); counts.append(count)
        } else if start < bytes.count {
            // Trailing blank or comment lines go with the last batch.
            ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<bytes.count
        }
        self.ranges = ranges
        self.counts = counts
    }

    /// Whether the file may name a blank node (`_:` anywhere, even in a literal):
    /// a blank node label means one node only within one request, so such a file
    /// is sent whole.
    public static func mayHaveBlankNodes(_ bytes: [UInt8]) -> Bool {
        var i = 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: ":"), bytes[i - 1] == UInt8(ascii: "_") { return true }
            i += 1
        }
        return false
    }
}
