#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IRI, kept as its string form. Validity is checked where IRIs are minted
/// or parsed, not on every construction, so the hot paths stay cheap.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<\(value)>" }
    public static func < (a: IRI, b: IRI) -> Bool { UTF8Order.less(a.value, b.value) }
    public static func == (a: IRI, b: IRI) -> Bool { UTF8Order.compare(a.value, b.value) == 0 }

    /// The part after the last `#` or `/`: the predicate name the contract reads.
    public var localName: Substring {
        if let i = value.lastIndex(where: { $0 == "#" || $0 == "/" }) {
            return value[value.index(after: i)...]
        }
        return value[...]
    }
}

/// A blank node label, without the `_:` prefix.
public struct BlankNode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let id: String
    public init(_ id: String) { self.id = id }
    public var description: String { "_:\(id)" }
    public static func < (a: BlankNode, b: BlankNode) -> Bool { UTF8Order.less(a.id, b.id) }
    public static func == (a: BlankNode, b: BlankNode) -> Bool { UTF8Order.compare(a.id, b.id) == 0 }
}

/// An RDF literal: a lexical form with a datatype, or a language-tagged
/// string, optionally with a base direction (RDF 1.2).
public struct Literal: Hashable, Comparable, Sendable {
    public let lexical: String
    public let datatype: IRI
    /// Lower-cased BCP 47 tag; when set, `datatype` is rdf:langString (rdf:dirLangString with a direction).
    public let language: String?
    /// RDF 1.2 base direction: "ltr" or "rtl".
    public let direction: String?

    public init(_ lexical: String, datatype: IRI = XSD.string) {
        self.lexical = lexical
        self.datatype = datatype
        self.language = nil
        self.direction = nil
    }

    public init(_ lexical: String, language: String, direction: String? = nil) {
        self.lexical = lexical
        self.datatype = direction == nil ? RDF.langString : RDF.dirLangString
        self.language = language.lowercased()
        self.direction = direction
    }

    public static func < (a: Literal, b: Literal) -> Bool { compare(a, b) < 0 }
    /// Equal when every part is the same bytes (RDF term equality; Swift's
    /// String `==` would identify canonically equivalent texts).
    public static func == (a: Literal, b: Literal) -> Bool { compare(a, b) == 0 }

    /// Three-way order: lexical form, datatype, language, direction (UTF-8 byte order).
    @inline(__always)
    public static func compare(_ a: Literal, _ b: Literal) -> Int {
        let c = UTF8Order.compare(a.lexical, b.lexical)
        if c != 0 { return c }
        let d = UTF8Order.compare(a.datatype.value, b.datatype.value)
        if d != 0 { return d }
        if a.language != nil || b.language != nil {
            let l = UTF8Order.compare(a.language ?? "", b.language ?? "")
            if l != 0 { return l }
        }
        if a.direction == nil && b.direction == nil { return 0 }
        return UTF8Order.compare(a.direction ?? "", b.direction ?? "")
    }
}

/// Any RDF term. Subjects are `.iri` or `.blank`; predicates are always IRIs;
/// an object may also be an RDF 1.2 triple term.
public enum Term: Hashable, Comparable, Sendable {
    case iri(IRI)
    case blank(BlankNode)
    case literal(Literal)
    // Only this case is boxed: the others stay inline, so sorting and
    // comparing terms does not touch a heap box per term.
    indirect case tripleTerm(Triple)

    public var iri: IRI? { if case .iri(let i) = self { return i } else { return nil } }
    public var literal: Literal? { if case .literal(let l) = self { return l } else { return nil } }
    public var isLiteral: Bool { if case .literal = self { return true } else { return false } }

    /// Order used by every deterministic writer: IRIs, then blank nodes, then literals.
    public static func < (a: Term, b: Term) -> Bool { compare(a, b) < 0 }

    /// Three-way form of `<`: negative, zero or positive.
    @inline(__always)
    public static func compare(_ a: Term, _ b: Term) -> Int {
        switch (a, b) {
        case (.iri(let x), .iri(let y)): return UTF8Order.compare(x.value, y.value)
        case (.blank(let x), .blank(let y)): return UTF8Order.compare(x.id, y.id)
        case (.literal(let x), .literal(let y)): return Literal.compare(x, y)
        case (.tripleTerm(let x), .tripleTerm(let y)): return Triple.compare(x, y)
        default: return a.rank - b.rank
        }
    }

    private var rank: Int {
        switch self {
        case .iri: return 0
        case .blank: return 1
        case .literal: return 2
        case .tripleTerm: return 3
        }
    }
}

public struct Triple: Hashable, Comparable, Sendable {
    public let subject: Term
    public let predicate: IRI
    public let object: Term

    public init(_ subject: Term, _ predicate: IRI, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public init(_ subject: IRI, _ predicate: IRI, _ object: Term) {
        self.init(.iri(subject), predicate, object)
    }

    public static func < (a: Triple, b: Triple) -> Bool { compare(a, b) < 0 }

    /// Three-way order: subject, predicate, object.
    public static func compare(_ a: Triple, _ b: Triple) -> Int {
        let s = Term.compare(a.subject, b.subject)
        if s != 0 { return s }
        let p = UTF8Order.compare(a.predicate.value, b.predicate.value)
        if p != 0 { return p }
        return Term.compare(a.object, b.object)
    }
}

/// A triple in a named graph (nil: the default graph): what N-Quads, JSON-LD
/// datasets and RDF Dataset Canonicalization work with.
public struct Quad: Hashable, Comparable, Sendable {
    public let subject: Term
    public let predicate: IRI
    public let object: Term
    /// `.iri` or `.blank`; nil for the default graph.
    public let graph: Term?

    public init(_ subject: Term, _ predicate: IRI, _ object: Term, graph: Term? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    public init(_ t: Triple, graph: Term? = nil) {
        self.init(t.subject, t.predicate, t.object, graph: graph)
    }

    public var triple: Triple { Triple(subject, predicate, object) }

    public static func < (a: Quad, b: Quad) -> Bool { compare(a, b) < 0 }

    /// Three-way order: graph (the default graph first), subject, predicate, object.
    public static func compare(_ a: Quad, _ b: Quad) -> Int {
        switch (a.graph, b.graph) {
        case (nil, nil): break
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?):
            let g = Term.compare(x, y)
            if g != 0 { return g }
        }
        let s = Term.compare(a.subject, b.subject)
        if s != 0 { return s }
        let p = UTF8Order.compare(a.predicate.value, b.predicate.value)
        if p != 0 { return p }
        return Term.compare(a.object, b.object)
    }
}

extension Term: CustomStringConvertible {
    /// An N-Triples-like rendering for messages (not an escaping serializer).
    public var description: String {
        switch self {
        case .iri(let i): return i.description
        case .blank(let b): return b.description
        case .literal(let l):
            if let lang = l.language { return "\"\(l.lexical)\"@\(lang)" + (l.direction.map { "--" + $0 } ?? "") }
            return l.datatype == XSD.string ? "\"\(l.lexical)\"" : "\"\(l.lexical)\"^^\(l.datatype)"
        case .tripleTerm(let t): return "<<( \(t.subject) \(t.predicate) \(t.object) )>>"
        }
    }
}

/// Byte order of UTF-8 strings (code point order), compared with memcmp on the
/// strings' contiguous storage: the order every deterministic writer sorts by.
public enum UTF8Order {
    @inline(__always)
    public static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// Negative, zero or positive as `a` sorts before, with or after `b`.
    @inline(__always)
    public static func compare(_ a: String, _ b: String) -> Int {
        if let r = a.utf8.withContiguousStorageIfAvailable({ pa in
            b.utf8.withContiguousStorageIfAvailable { pb in compare(pa, pb) }
        }), let r { return r }
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in compare(pa, pb) } }
    }

    /// Whether `s` starts with the bytes of `prefix` (no Unicode equivalence).
    @inline(__always)
    public static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        let n = prefix.utf8.count
        guard s.utf8.count >= n else { return false }
        if n == 0 { return true }
        if let r = s.utf8.withContiguousStorageIfAvailable({ ps in
            prefix.utf8.withContiguousStorageIfAvailable { pp in memcmp(ps.baseAddress!, pp.baseAddress!, n) == 0 }
        }), let r { return r }
        return s.utf8.starts(with: prefix.utf8)
    }

    @inline(__always)
    static func compare(_ pa: UnsafeBufferPointer<UInt8>, _ pb: UnsafeBufferPointer<UInt8>) -> Int {
        if pa.baseAddress == pb.baseAddress && pa.count == pb.count { return 0 }
        let n = min(pa.count, pb.count)
        if n > 0 {
            let c = memcmp(pa.baseAddress!, pb.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return pa.count - pb.count
    }
}
