/// An IRI, kept as its string form. Validity is checked where IRIs are minted
/// or parsed, not on every construction, so the hot paths stay cheap.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<\(value)>" }
    public static func < (a: IRI, b: IRI) -> Bool { a.value.utf8.lexicographicallyPrecedes(b.value.utf8) }

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
    public static func < (a: BlankNode, b: BlankNode) -> Bool { a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
}

/// An RDF literal: a lexical form with a datatype, or a language-tagged string.
public struct Literal: Hashable, Comparable, Sendable {
    public let lexical: String
    public let datatype: IRI
    /// Lower-cased BCP 47 tag; when set, `datatype` is rdf:langString.
    public let language: String?

    public init(_ lexical: String, datatype: IRI = XSD.string) {
        self.lexical = lexical
        self.datatype = datatype
        self.language = nil
    }

    public init(_ lexical: String, language: String) {
        self.lexical = lexical
        self.datatype = RDF.langString
        self.language = language.lowercased()
    }

    public static func < (a: Literal, b: Literal) -> Bool {
        if a.lexical != b.lexical { return a.lexical.utf8.lexicographicallyPrecedes(b.lexical.utf8) }
        if a.datatype != b.datatype { return a.datatype < b.datatype }
        return (a.language ?? "").utf8.lexicographicallyPrecedes((b.language ?? "").utf8)
    }
}

/// Any RDF term. Subjects are `.iri` or `.blank`; predicates are always IRIs.
public enum Term: Hashable, Comparable, Sendable {
    case iri(IRI)
    case blank(BlankNode)
    case literal(Literal)

    public var iri: IRI? { if case .iri(let i) = self { return i } else { return nil } }
    public var literal: Literal? { if case .literal(let l) = self { return l } else { return nil } }
    public var isLiteral: Bool { if case .literal = self { return true } else { return false } }

    /// Order used by every deterministic writer: IRIs, then blank nodes, then literals.
    public static func < (a: Term, b: Term) -> Bool {
        switch (a, b) {
        case (.iri(let x), .iri(let y)): return x < y
        case (.blank(let x), .blank(let y)): return x < y
        case (.literal(let x), .literal(let y)): return x < y
        default: return a.rank < b.rank
        }
    }

    private var rank: Int {
        switch self {
        case .iri: return 0
        case .blank: return 1
        case .literal: return 2
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

    public static func < (a: Triple, b: Triple) -> Bool {
        if a.subject != b.subject { return a.subject < b.subject }
        if a.predicate != b.predicate { return a.predicate < b.predicate }
        return a.object < b.object
    }
}
