import ProseGraphModel

/// Writes JSON-LD 1.1, compacted with the project context
/// (`JSONLDContext.standard`), streaming: one node object per run of triples
/// with the same subject, written when the subject changes, so only one
/// node is held in memory.
///
/// ```
/// {
///   "@context": { ...Schemas/context.jsonld... },   (or "@context": "<url>")
///   "@graph": [
///     {
///       "@id": "https://prosegraph.org/id/person/mahmoud-abbas",
///       "@type": "Person",
///       "holdsPosition": "President",
///       "label": "Mahmoud Abbas",
///       "visited": "https://prosegraph.org/id/country/belgium"
///     }
///   ]
/// }
/// ```
///
/// Keys are `@id`, `@type`, then the properties sorted by key. A property is
/// named by its context term, else by a compact IRI (`rdf:value`), else by
/// its full IRI. Values follow the term's coercion: an IRI is a plain string
/// where the term is coerced to `@id`/`@vocab`, else `{"@id": ...}`; a literal
/// of the coerced datatype is a plain string, a plain literal of an
/// uncoerced term a JSON string, anything else a value object
/// (`{"@value": "2015-02", "@type": "xsd:gYearMonth"}`, `{"@value": ..., "@language": ...}`).
/// Several values are an array, in the order the triples came. A value of a
/// term coerced to `xsd:integer` (the offsets) in canonical form is a JSON
/// number (`"startOffset": 1804`), which expands to exactly that literal;
/// other literals are strings, so no processor changes a lexical form (a JSON
/// number with a fraction would become an `xsd:double` such as `9.5E-1`:
/// the confidence, an `xsd:decimal`, stays `"0.95"`).
///
/// Minted IRIs (entities, documents, statements) are written in full: the
/// context has no `@base` and no prefix for the per-run base, so the output
/// reads the same whatever `--base` was. Expanding the output (JSON-LD
/// toRdf) gives exactly the triples written.
public struct JSONLDWriter {
    /// How the document refers to its context.
    public enum ContextReference: Sendable, Hashable {
        /// The whole context object, as `Schemas/context.jsonld` holds it.
        case embedded
        /// `"@context": "<url>"`: the URL of a copy of `Schemas/context.jsonld`.
        case url(String)
    }

    private let out: BufferedOutput
    private let context: JSONLDContext
    private let compactor: Compactor
    private var subject: Term?
    private var types: [String] = []
    private var properties: [String: [String]] = [:]
    private var nodes = 0
    private var finished = false
    public private(set) var count = 0

    public init(sink: ByteSink, context reference: ContextReference = .embedded) throws {
        out = BufferedOutput(sink)
        context = .standard
        compactor = Compactor(prefixes: context.prefixes)
        switch reference {
        case .embedded:
            // The context document minus its closing "\n}\n": the embedded
            // context is byte-identical to the file, indentation included.
            try out.append(String(context.document.utf8.dropLast(3))!)
        case .url(let url):
            try RDFTermCheck.iri(IRI(url), format: "JSON-LD")
            var text = "{\n  \"@context\": "
            JSONText.append(url, to: &text)
            try out.append(text)
        }
        try out.append(",\n  \"@graph\": [")
    }

    public mutating func write(_ t: Triple) throws {
        guard !finished else { throw SerializationError(format: "JSON-LD", message: "a triple was written after finish()") }
        try RDFTermCheck.notLiteralSubject(t, format: "JSON-LD")
        if subject != t.subject {
            try flushNode()
            subject = t.subject
        }
        if t.predicate == RDF.type, case .iri(let type) = t.object {
            try types.append(json(vocabIRI(type)))
        } else {
            let (key, coercion) = try self.key(t.predicate)
            try properties[key, default: []].append(value(t.object, coercion: coercion))
        }
        count += 1
    }

    /// Writes the last node, closes the document and flushes the buffer to the sink.
    public mutating func finish() throws {
        guard !finished else { return }
        try flushNode()
        finished = true
        try out.append(nodes == 0 ? "]\n}\n" : "\n  ]\n}\n")
        try out.flush()
    }

    // MARK: - Nodes

    private mutating func flushNode() throws {
        guard let subject else { return }
        var text = nodes == 0 ? "\n    {\n      \"@id\": " : ",\n    {\n      \"@id\": "
        switch subject {
        case .iri(let i): text += try json(documentIRI(i))
        case .blank(let b): text += json("_:" + b.id)
        case .literal, .tripleTerm: break
        }
        if !types.isEmpty {
            text += ",\n      \"@type\": " + Self.oneOrArray(types)
        }
        let keys = properties.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for key in keys {
            text += ",\n      " + json(key) + ": " + Self.oneOrArray(properties[key]!)
        }
        text += "\n    }"
        try out.append(text)
        nodes += 1
        self.subject = nil
        types.removeAll(keepingCapacity: true)
        properties.removeAll(keepingCapacity: true)
    }

    private static func oneOrArray(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }

    /// The key a predicate is written under, and the coercion its values follow.
    private func key(_ p: IRI) throws -> (String, JSONLDContext.Coercion?) {
        try RDFTermCheck.iri(p, format: "JSON-LD")
        if let term = context.term(for: p) { return (term.name, term.coercion) }
        return (try vocabIRI(p), nil)
    }

    private func value(_ o: Term, coercion: JSONLDContext.Coercion?) throws -> String {
        if case .tripleTerm = o {
            throw SerializationError(format: "JSON-LD", message: "JSON-LD 1.1 cannot represent the RDF 1.2 triple term \(o)")
        }
        if case .literal(let l) = o, l.direction != nil {
            throw SerializationError(format: "JSON-LD", message: "this writer does not write base directions (literal \(RDFTermCheck.quoted(l.lexical)))")
        }
        switch o {
        case .iri(let i):
            switch coercion {
            case .id: return try json(documentIRI(i))
            case .vocab: return try json(vocabIRI(i))
            case .datatype, nil: return try "{\"@id\": " + json(documentIRI(i)) + "}"
            }
        case .blank(let b):
            switch coercion {
            case .id, .vocab: return json("_:" + b.id)
            case .datatype, nil: return "{\"@id\": " + json("_:" + b.id) + "}"
            }
        case .literal(let l):
            if let lang = l.language {
                try RDFTermCheck.language(lang, of: l, format: "JSON-LD")
                return "{\"@value\": " + json(l.lexical) + ", \"@language\": " + json(lang) + "}"
            }
            if l.datatype == XSD.string {
                return coercion == nil ? json(l.lexical) : "{\"@value\": " + json(l.lexical) + "}"
            }
            try RDFTermCheck.iri(l.datatype, format: "JSON-LD")
            if coercion == .datatype(l.datatype) { return Self.number(l) ?? json(l.lexical) }
            return try "{\"@value\": " + json(l.lexical) + ", \"@type\": " + json(vocabIRI(l.datatype)) + "}"
        case .tripleTerm: throw SerializationError(format: "JSON-LD", message: "JSON-LD 1.1 cannot represent the RDF 1.2 triple term \(o)")
        }
    }

    // MARK: - IRIs

    /// An IRI where terms do not apply (`@id`, `@id`-coerced values): a
    /// compact IRI over a context prefix, else the IRI in full.
    private func documentIRI(_ i: IRI) throws -> String {
        try RDFTermCheck.iri(i, format: "JSON-LD")
        if let compact = compactor.compactIRI(i.value) { return compact }
        // A full IRI whose scheme is a context term would be read as a compact IRI.
        if let scheme = RDFTermCheck.scheme(of: i.value), context.defines(scheme),
           !i.value.utf8.dropFirst(scheme.utf8.count + 1).starts(with: "//".utf8) {
            throw SerializationError(format: "JSON-LD",
                                     message: "the IRI <\(i.value)> would be read as a compact IRI: its scheme '\(scheme)' is a term of the context")
        }
        return i.value
    }

    /// An IRI where terms apply (keys, `@type`, `@vocab`-coerced values): the
    /// term defined for exactly this IRI, else as `documentIRI`.
    private func vocabIRI(_ i: IRI) throws -> String {
        if let term = context.term(for: i) { return term.name }
        return try documentIRI(i)
    }

    private func json(_ s: String) -> String {
        var text = ""
        JSONText.append(s, to: &text)
        return text
    }

    /// `l` as a JSON number that JSON-LD's toRdf turns back into `l`; nil when there is none.
    static func number(_ l: Literal) -> String? {
        let x = l.lexical
        guard l.datatype == XSD.integer else { return nil }
        let digits = x.hasPrefix("-") ? x.dropFirst() : Substring(x)
        guard !digits.isEmpty, digits.count <= 20, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              digits == "0" ? x == "0" : !digits.hasPrefix("0") else { return nil }
        return x
    }
}
