import ProseGraphModel

/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8): the expanded document
/// becomes quads. Rather than building the node map first, the expanded tree
/// is walked once: every node object gives its own triples in the graph it
/// sits in, which is the same dataset the node map gives (blank nodes
/// relabelled). Statements that cannot be RDF (a relative IRI, an
/// ill-formed language tag, a blank node predicate) are dropped, as the
/// algorithm says, and counted.
struct RDFConverter {
    /// How a base direction becomes RDF (`rdfDirection`).
    enum DirectionMode {
        case i18nDatatype
        case compoundLiteral
    }

    enum GraphName {
        case defaultGraph
        case named(Term)
        /// A graph whose name is not an IRI or blank node: its statements are dropped.
        case dropped
    }

    let rdfDirection: DirectionMode?
    /// Without `rdfDirection`: a language-tagged value keeps its direction (RDF 1.2).
    let directionalLiterals: Bool
    private(set) var quads: [Quad] = []
    private var seen: Set<Quad> = []
    private(set) var dropped = 0
    private var labels: [String: BlankNode] = [:]
    private var counter = 0

    init(rdfDirection: DirectionMode?, directionalLiterals: Bool = false) {
        self.rdfDirection = rdfDirection
        self.directionalLiterals = directionalLiterals
    }

    static let i18nNamespace = "https://www.w3.org/ns/i18n#"
    static let rdfFirst = IRI(RDF.namespace + "first")
    static let rdfRest = IRI(RDF.namespace + "rest")
    static let rdfNil = IRI(RDF.namespace + "nil")
    static let rdfValue = IRI(RDF.namespace + "value")
    static let rdfLanguage = IRI(RDF.namespace + "language")
    static let rdfDirectionIRI = IRI(RDF.namespace + "direction")
    static let rdfJSON = IRI(RDF.namespace + "JSON")

    /// The quads converted so far, leaving none (the streamed read hands them out node object by node object;
    /// the set of quads seen stays, so each quad is still given once).
    mutating func takeQuads() -> [Quad] {
        defer { quads.removeAll(keepingCapacity: true) }
        return quads
    }

    mutating func convert(_ expanded: JSONArray) {
        for item in expanded {
            if case .object(let node) = item, node["@value"] == nil, node["@list"] == nil {
                _ = self.node(node, graph: .defaultGraph)
            }
        }
    }

    // MARK: - Terms

    private mutating func fresh() -> BlankNode {
        defer { counter += 1 }
        return BlankNode("b\(counter)")
    }

    private mutating func blank(_ id: String) -> BlankNode {
        if let b = labels[id] { return b }
        let b = fresh()
        labels[id] = b
        return b
    }

    /// The term of an `@id` or `@type` value: a blank node, a well-formed IRI, or nil.
    private mutating func resource(_ value: JSONValue?) -> Term? {
        guard case .string(let s)? = value else { return nil }
        if JSONLDSyntax.isBlankNodeID(s) { return .blank(blank(s)) }
        if JSONLDSyntax.isWellFormedIRI(s) { return .iri(IRI(s)) }
        return nil
    }

    private func predicate(_ key: String) -> IRI? {
        JSONLDSyntax.isWellFormedIRI(key) && !JSONLDSyntax.isBlankNodeID(key) ? IRI(key) : nil
    }

    private mutating func add(_ s: Term?, _ p: IRI?, _ o: Term?, _ graph: GraphName) {
        guard let s, let p, let o else { dropped += 1; return }
        let quad: Quad
        switch graph {
        case .defaultGraph: quad = Quad(s, p, o)
        case .named(let g): quad = Quad(s, p, o, graph: g)
        case .dropped: dropped += 1; return
        }
        if seen.insert(quad).inserted { quads.append(quad) }
    }

    // MARK: - Objects

    /// A node object's statements; returns its subject (nil when its `@id` is not well-formed).
    @discardableResult
    private mutating func node(_ node: JSONObject, graph: GraphName) -> Term? {
        let subject: Term?
        if let id = node["@id"] {
            subject = resource(id)
        } else {
            subject = .blank(fresh())
        }
        for (key, value) in node.entries {
            switch key {
            case "@type":
                for type in value.asArray { add(subject, RDF.type, resource(type), graph) }
            case "@reverse":
                guard case .object(let reverse) = value else { continue }
                for (property, items) in reverse.entries {
                    let p = predicate(property)
                    for item in items.asArray {
                        guard case .object(let o) = item else { continue }
                        let object = self.node(o, graph: graph)
                        add(object, p, subject, graph)
                    }
                }
            case "@graph":
                let name: GraphName = subject.map { .named($0) } ?? .dropped
                for item in value.asArray {
                    if case .object(let o) = item, o["@value"] == nil, o["@list"] == nil {
                        self.node(o, graph: name)
                    }
                }
            case "@included":
                for item in value.asArray {
                    if case .object(let o) = item { self.node(o, graph: graph) }
                }
            default:
                if JSONLDSyntax.isKeyword(key) { continue }
                let p = predicate(key)
                for item in value.asArray {
                    let object = self.object(item, graph: graph)
                    add(subject, p, object, graph)
                }
            }
        }
        return subject
    }

    /// Object to RDF (§8.2) for a value, list or node object.
    private mutating func object(_ item: JSONValue, graph: GraphName) -> Term? {
        guard case .object(let o) = item else { return nil }
        if o["@value"] != nil { return literal(o, graph: graph) }
        if let list = o["@list"] { return self.list(list.asArray, graph: graph) }
        return node(o, graph: graph)
    }

    /// List Conversion (§8.3).
    private mutating func list(_ items: JSONArray, graph: GraphName) -> Term {
        if items.isEmpty { return .iri(Self.rdfNil) }
        let nodes = items.map { _ in Term.blank(fresh()) }
        for (i, item) in items.enumerated() {
            let object = self.object(item, graph: graph)
            add(nodes[i], Self.rdfFirst, object, graph)
            add(nodes[i], Self.rdfRest, i + 1 < nodes.count ? nodes[i + 1] : .iri(Self.rdfNil), graph)
        }
        return nodes[0]
    }

    private mutating func literal(_ o: JSONObject, graph: GraphName) -> Term? {
        let value = o["@value"]!
        var datatype: String?
        if let type = o["@type"] {
            guard case .string(let t) = type, t == "@json" || JSONLDSyntax.isWellFormedIRI(t) else { return nil }
            datatype = t
        }
        let language = o["@language"]?.string
        if let language, !JSONLDSyntax.isWellFormedLanguage(language) { return nil }

        let lexical: String
        if datatype == "@json" {
            lexical = CanonicalJSON.serialize(value)
            datatype = Self.rdfJSON.value
        } else {
            switch value {
            case .bool(let b):
                lexical = b ? "true" : "false"
                if datatype == nil { datatype = XSD.boolean.value }
            case .number(let n):
                if datatype != XSD.double.value, let integer = JSONLDNumber.canonicalInteger(n.lexical) {
                    lexical = integer
                    if datatype == nil { datatype = XSD.integer.value }
                } else {
                    lexical = JSONLDNumber.canonicalDouble(n.double)
                    if datatype == nil { datatype = XSD.double.value }
                }
            case .string(let s):
                lexical = s
            default:
                return nil
            }
        }

        if case .string(let direction)? = o["@direction"], let mode = rdfDirection {
            switch mode {
            case .i18nDatatype:
                let tag = (language ?? "").lowercased()
                return .literal(Literal(lexical, datatype: IRI(Self.i18nNamespace + tag + "_" + direction)))
            case .compoundLiteral:
                let b = Term.blank(fresh())
                add(b, Self.rdfValue, .literal(Literal(lexical)), graph)
                if let language { add(b, Self.rdfLanguage, .literal(Literal(language.lowercased())), graph) }
                add(b, Self.rdfDirectionIRI, .literal(Literal(direction)), graph)
                return b
            }
        }
        if let language, datatype == nil || datatype == RDF.langString.value {
            if directionalLiterals, case .string(let direction)? = o["@direction"] {
                return .literal(Literal(lexical, language: language, direction: direction))
            }
            return .literal(Literal(lexical, language: language))
        }
        return .literal(Literal(lexical, datatype: IRI(datatype ?? XSD.string.value)))
    }
}
