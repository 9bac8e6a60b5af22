import ProseGraphModel

/// The project's JSON-LD 1.1 context: the prefixes of `PrefixMap.standard`,
/// `type` for `@type`, a term for every entity class, for `Document` and
/// `Statement`, for `Sentence` (`nif:Sentence`), and for every predicate of the
/// relation contract and of the provenance vocabulary (`sentence` is
/// `prov:wasDerivedFrom`; the sentence's own terms are NIF's names). Entity-valued terms are coerced to `@id`, typed
/// provenance values to their datatype; `date` is not coerced (it has three
/// datatypes), nor is `object` (its value is an entity or, for
/// `holdsPosition`, a string).
///
/// The context has no `@base` and no prefix for minted IRIs: the base is
/// chosen per run (`--base`), so entity, document and statement IRIs are
/// written in full by `JSONLDWriter`. Only the fixed vocabularies are
/// compacted (`Person`, `visited`, `wd:Q31`, `xsd:gYear`).
///
/// `Schemas/context.jsonld` is `document`, byte for byte (a unit test reads
/// the file and compares), and `JSONLDWriter` embeds the same text.
public struct JSONLDContext: Sendable {
    /// How a term's string values are read.
    public enum Coercion: Sendable, Hashable {
        /// `"@type": "@id"`: an IRI (compact IRIs allowed, terms not).
        case id
        /// `"@type": "@vocab"`: a term or an IRI.
        case vocab
        /// `"@type": "<datatype>"`: a literal of that datatype.
        case datatype(IRI)
    }

    public struct Term: Sendable, Hashable {
        public let name: String
        public let iri: IRI
        public let coercion: Coercion?
    }

    public let prefixes: PrefixMap
    /// Keyword aliases (`type` -> `@type`).
    public let aliases: [String: String]
    /// Term definitions, in the order the context lists them.
    public let terms: [Term]
    /// The context document, `{"@context": {...}}`, as `Schemas/context.jsonld` holds it.
    public let document: String

    private let termsByName: [String: Term]
    private let termsByIRI: [IRI: Term]

    init(prefixes: PrefixMap, aliases aliasList: [(String, String)], terms: [Term]) {
        self.prefixes = prefixes
        aliases = Dictionary(uniqueKeysWithValues: aliasList)
        self.terms = terms
        termsByName = Dictionary(uniqueKeysWithValues: terms.map { ($0.name, $0) })
        var byIRI: [IRI: Term] = [:]
        for t in terms where byIRI[t.iri] == nil { byIRI[t.iri] = t }
        termsByIRI = byIRI

        // No "@version": 1.1: the context uses no 1.1 feature, and JSON-LD 1.0 processors (Jena's)
        // refuse a context that declares it.
        var text = "{\n  \"@context\": {"
        var first = true
        func entry(_ name: String, _ value: String) {
            text += first ? "\n    " : ",\n    "
            first = false
            JSONText.append(name, to: &text)
            text += ": " + value
        }
        func string(_ s: String) -> String {
            var out = ""
            JSONText.append(s, to: &out)
            return out
        }
        for (prefix, namespace) in prefixes.entries { entry(prefix, string(namespace)) }
        for (alias, keyword) in aliasList { entry(alias, string(keyword)) }
        let compact = Compactor(prefixes: prefixes)
        for t in terms {
            let id = string(compact.compactIRI(t.iri.value) ?? t.iri.value)
            switch t.coercion {
            case nil: entry(t.name, id)
            case .id: entry(t.name, "{\"@id\": " + id + ", \"@type\": \"@id\"}")
            case .vocab: entry(t.name, "{\"@id\": " + id + ", \"@type\": \"@vocab\"}")
            case .datatype(let d):
                entry(t.name, "{\"@id\": " + id + ", \"@type\": " + string(compact.compactIRI(d.value) ?? d.value) + "}")
            }
        }
        text += "\n  }\n}\n"
        document = text
    }

    /// The term defined for exactly this IRI (never a keyword alias).
    func term(for iri: IRI) -> Term? { termsByIRI[iri] }

    /// The definition of a term name, if the context has one.
    func term(named name: String) -> Term? { termsByName[name] }

    /// Whether `name` is defined in the context at all (term, prefix or alias).
    func defines(_ name: Substring) -> Bool {
        termsByName[String(name)] != nil || aliases[String(name)] != nil
            || prefixes.entries.contains { $0.prefix == name }
    }

    /// The predicates of the relation contract (relations.md), in its order.
    public static let contractPredicates: [(name: String, entityValued: Bool)] = [
        ("visited", true), ("metWith", true), ("holdsPosition", false), ("nationality", true),
        ("envoyTo", true), ("hasEmbassyIn", true), ("openedEmbassyIn", true), ("closedEmbassyIn", true),
        ("hasConsulateIn", true), ("openedConsulateIn", true), ("establishedRelationsWith", true),
        ("recognized", true), ("independenceFrom", true), ("suspendedRelationsWith", true),
        ("suspendedAidTo", true), ("sanctioned", true), ("twinnedWith", true), ("locatedIn", true),
        ("memberOf", true), ("signedAgreementWith", true), ("importsFrom", true), ("exportsTo", true),
        ("investedIn", true), ("basedIn", true),
    ]

    public static let standard: JSONLDContext = {
        var terms: [Term] = []
        for name in EntityType.allCases.map(\.rawValue) + ["Document"] {
            terms.append(Term(name: name, iri: PG.term(name), coercion: nil))
        }
        terms += [
            Term(name: "Statement", iri: RDF.statement, coercion: nil),
            Term(name: "label", iri: RDFS.label, coercion: nil),
            Term(name: "sameAs", iri: OWL.sameAs, coercion: .id),
            Term(name: "title", iri: PG.title, coercion: nil),
            Term(name: "sourcePath", iri: PG.sourcePath, coercion: nil),
            Term(name: "subject", iri: RDF.subject, coercion: .id),
            Term(name: "predicate", iri: RDF.predicate, coercion: .vocab),
            Term(name: "object", iri: RDF.object, coercion: nil),
            Term(name: "date", iri: PG.date, coercion: nil),
            Term(name: "dateEarliest", iri: PG.dateEarliest, coercion: .datatype(XSD.date)),
            Term(name: "dateLatest", iri: PG.dateLatest, coercion: .datatype(XSD.date)),
            Term(name: "sentence", iri: PROV.wasDerivedFrom, coercion: .id),
            Term(name: "rule", iri: PG.rule, coercion: nil),
            Term(name: "confidence", iri: PG.confidence, coercion: .datatype(XSD.decimal)),
            Term(name: "Sentence", iri: NIF.Sentence, coercion: nil),
            Term(name: "referenceContext", iri: NIF.referenceContext, coercion: .id),
            Term(name: "anchorOf", iri: NIF.anchorOf, coercion: nil),
            Term(name: "beginIndex", iri: NIF.beginIndex, coercion: .datatype(XSD.integer)),
            Term(name: "endIndex", iri: NIF.endIndex, coercion: .datatype(XSD.integer)),
        ]
        for (name, entityValued) in contractPredicates {
            terms.append(Term(name: name, iri: PG.term(name), coercion: entityValued ? .id : nil))
        }
        return JSONLDContext(prefixes: .standard, aliases: [("type", "@type")], terms: terms)
    }()
}

/// Compact IRIs against a context's prefixes.
struct Compactor {
    let prefixes: PrefixMap

    /// `prefix:suffix` for the longest namespace that starts `iri`, when the
    /// namespace ends in a URI gen-delim (so JSON-LD 1.1 lets the prefix
    /// expand) and the suffix does not start with `//` (which would read as
    /// an absolute IRI).
    func compactIRI(_ iri: String) -> String? {
        var best: (prefix: String, length: Int)?
        for (prefix, namespace) in prefixes.entries where !prefix.isEmpty && prefix != "_" {
            guard let last = namespace.utf8.last, Self.genDelims.contains(last),
                  UTF8Order.hasPrefix(iri, namespace) else { continue }
            let length = namespace.utf8.count
            if let best, best.length >= length { continue }
            if iri.utf8.dropFirst(length).starts(with: "//".utf8) { continue }
            best = (prefix, length)
        }
        guard let best else { return nil }
        return best.prefix + ":" + iri[iri.utf8.index(iri.startIndex, offsetBy: best.length)...]
    }

    /// `: / ? # [ ] @`
    static let genDelims: Set<UInt8> = [0x3A, 0x2F, 0x3F, 0x23, 0x5B, 0x5D, 0x40]
}

/// JSON string syntax: `"` and `\` escaped, `\b \t \n \f \r`, other control
/// characters as `\u00xx`, everything else (non-BMP included) as UTF-8.
public enum JSONText {
    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }

    public static func append(_ s: String, to out: inout String) {
        out += "\""
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            return true
        } ?? !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        if plain {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x08: out += "\\b"
                case 0x09: out += "\\t"
                case 0x0A: out += "\\n"
                case 0x0C: out += "\\f"
                case 0x0D: out += "\\r"
                case 0..<0x20:
                    let hex = String(u.value, radix: 16)
                    out += "\\u00" + (hex.count == 1 ? "0" + hex : hex)
                default:
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}

extension JSONLDWriter.ContextReference {
    /// The context of a JSON-LD context file (`{"@context": ...}`), for
    /// `.document`: its `@context` value as canonical JSON, and the prefixes
    /// the writer may compact with: the entries whose value is an absolute
    /// IRI string, or an object of `@id` alone (and `"@prefix": true`),
    /// ending in a URI gen-delim. A file that is not JSON, or has no
    /// `@context`, is an error naming the file.
    public static func contextFile(_ bytes: [UInt8], path: String) throws -> JSONLDWriter.ContextReference {
        let (document, _) = try JSONParser.parse(bytes, path: path)
        guard case .object(let o) = document, let context = o["@context"] else {
            throw SerializationError(format: "JSON-LD", message: "the context file \(path) has no \"@context\" (expected {\"@context\": ...})")
        }
        var prefixes = PrefixMap([])
        func collect(_ value: JSONValue) {
            switch value {
            case .array(let items): for item in items { collect(item) }
            case .object(let definitions):
                for (term, definition) in definitions.entries where JSONLDWriter.isUsablePrefix(term) {
                    var iri: String?
                    switch definition {
                    case .string(let s): iri = s
                    case .object(let d) where d.keys(within: ["@id", "@prefix"]) && d["@prefix"] != .bool(false):
                        iri = d["@id"]?.string
                    default: break
                    }
                    if let iri, RDFTermCheck.scheme(of: iri) != nil, let last = iri.utf8.last, Compactor.genDelims.contains(last) {
                        prefixes.add(prefix: term, namespace: iri)
                    }
                }
            default: break
            }
        }
        collect(context)
        return .document(json: CanonicalJSON.serialize(context), prefixes: prefixes)
    }

    /// Whether a dataset reads as a prosegraph export, which the project
    /// context fits: one graph, every predicate a term of that context (or
    /// `rdf:type` with a class of it), and at least one `pg:` predicate.
    public static func isProseGraphExport(_ quads: [Quad]) -> Bool {
        let context = JSONLDContext.standard
        var ontology = false
        for q in quads {
            guard q.graph == nil else { return false }
            if q.predicate == RDF.type {
                guard case .iri(let type) = q.object, context.term(for: type) != nil else { return false }
            } else {
                guard context.term(for: q.predicate) != nil else { return false }
                if UTF8Order.hasPrefix(q.predicate.value, PG.namespace) { ontology = true }
            }
        }
        return ontology
    }
}
