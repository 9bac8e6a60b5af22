/// The property-graph view of a `KnowledgeGraph` (the other view is the RDF
/// graph of `rdfTriples`): what GraphML and graph databases read.
///
/// - Nodes: one per entity, and one per distinct literal object (the titles
///   of `holdsPosition`), so that every fact can be an edge. Source documents
///   are not nodes: each edge names its document by IRI.
/// - Edges: one per fact *mention*, directed subject -> object. A fact stated
///   twice (two dates, two sentences) is two parallel edges, each with its
///   own date and provenance, like the two `rdf:Statement` nodes of the RDF view.
///
/// Ids are XML name tokens (`xs:NMTOKEN`, as GraphML requires) derived from
/// content, never from positions, so an entity keeps its id when other
/// entities are added:
/// - an entity: its lower-cased type, a dot, and its slug (the last segment of
///   its IRI) — `country.belgium`, `person.mahmoud-abbas`. Slug characters other
///   than ASCII letters, digits and `-` are rewritten: `%` (of a percent-encoded
///   byte) becomes `_`, any other byte `.XX` (upper-case hex), so
///   `city/%E6%9D%B1` is `city._E6_9D_B1` and the mapping stays one-to-one;
/// - a literal: `literal.` and the slug of its text, encoded the same way
///   (`literal.prime-minister`). Two distinct texts with one slug ("Ambassador",
///   "ambassador") each get `.h` and the 16-hex-digit FNV-1a hash of their exact
///   text appended, which no encoded slug can produce;
/// - an edge (mention): `e` and the hash of its statement IRI
///   (`e3f0c…` for `<base>statement/3f0c…`). Mentions that would share a hash
///   (the same sentence twice, or two confidences for one sentence) are numbered
///   apart by `StatementKeys`; should two edges still share an id (a hash
///   collision), the second in `Mention.order` gets `-2`, the next `-3`.
///
/// Nodes are sorted by id, edges by id (byte order), so the view is
/// deterministic and independent of the order things were added in.
public struct PropertyGraph: Hashable, Sendable {
    /// The `type` of a literal node.
    public static let literalType = "Literal"

    public struct Node: Hashable, Sendable {
        public let id: String
        /// The entity's IRI; nil for a literal node.
        public let iri: IRI?
        /// The entity's canonical label, or the literal's text. Nil only for an
        /// entity a fact names but the graph never added (it has no label in RDF either).
        public let label: String?
        /// The entity type (`Country` ... `Organization`), or `Literal`.
        public let type: String
        /// Wikidata id such as `Q31`, where known.
        public let wikidata: String?

        public init(id: String, iri: IRI?, label: String?, type: String, wikidata: String?) {
            self.id = id
            self.iri = iri
            self.label = label
            self.type = type
            self.wikidata = wikidata
        }

        /// Neo4j labels in the form APOC's GraphML import reads: `:Country`.
        public var labels: String { ":" + type }
        public var isLiteral: Bool { iri == nil }
    }

    public struct Edge: Hashable, Sendable {
        public let id: String
        /// Node id of the subject.
        public let source: String
        /// Node id of the object (an entity or a literal node).
        public let target: String
        /// The predicate name (`visited`); also the relationship type.
        public let predicate: String
        public let predicateIRI: IRI
        /// The IRI of the `rdf:Statement` this mention is in the RDF view.
        public let statement: IRI
        /// The IRI of the source document (in RDF the `nif:referenceContext` of the mention's sentence).
        public let document: IRI
        /// Date, evidence sentence, offsets, rule and confidence.
        public let mention: Mention

        public init(id: String, source: String, target: String, predicate: String, predicateIRI: IRI,
                    statement: IRI, document: IRI, mention: Mention) {
            self.id = id
            self.source = source
            self.target = target
            self.predicate = predicate
            self.predicateIRI = predicateIRI
            self.statement = statement
            self.document = document
            self.mention = mention
        }

        /// The relationship type a graph database gives the edge: the predicate name.
        public var label: String { predicate }
    }

    /// Sorted by id.
    public let nodes: [Node]
    /// Sorted by id.
    public let edges: [Edge]

    public init(graph: KnowledgeGraph, minter: IRIMinter = IRIMinter()) {
        let facts = graph.sortedFacts
        var texts = Set<String>(), referenced = Set<EntityKey>()
        for f in facts { Self.collect(f, texts: &texts, referenced: &referenced) }
        let (nodes, literalIDs) = Self.nodes(entities: graph.sortedEntities, literalTexts: texts,
                                             referenced: referenced, minter: minter)
        self.nodes = nodes
        self.edges = Self.edges(of: facts, minter: minter, literalID: { literalIDs[$0]! })
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// Notes the literal objects and entity keys a fact uses (for `nodes`).
    public static func collect(_ f: Fact, texts: inout Set<String>, referenced: inout Set<EntityKey>) {
        referenced.insert(f.subject)
        switch f.object {
        case .entity(let k): referenced.insert(k)
        case .literal(let text): texts.insert(text)
        }
    }

    /// The nodes, sorted by id: the entities, an unlabelled node for each
    /// referenced entity key the graph never added, and one node per literal
    /// text; with the literal texts' node ids.
    public static func nodes(entities: [Entity], literalTexts: Set<String>, referenced: Set<EntityKey>,
                             minter: IRIMinter) -> (nodes: [Node], literalIDs: [String: String]) {
        var nodes: [String: Node] = [:]
        for e in entities {
            let id = Self.nodeID(for: e.key)
            nodes[id] = Node(id: id, iri: minter.entity(e.key), label: e.label, type: e.type.rawValue, wikidata: e.wikidata)
        }
        // Literal objects: one node per distinct text.
        var textsBySlug: [String: Set<String>] = [:]
        for text in literalTexts { textsBySlug[Slug.make(text), default: []].insert(text) }
        var literalIDs: [String: String] = [:]
        for (slug, texts) in textsBySlug {
            for text in texts {
                var id = "literal." + Self.encode(slug)
                if texts.count > 1 { id += ".h" + StableHash.hex(StableHash.fnv1a([text])) }
                literalIDs[text] = id
                nodes[id] = Node(id: id, iri: nil, label: text, type: Self.literalType, wikidata: nil)
            }
        }
        for key in referenced where nodes[Self.nodeID(for: key)] == nil {
            let id = Self.nodeID(for: key)
            nodes[id] = Node(id: id, iri: minter.entity(key), label: nil, type: key.type.rawValue, wikidata: nil)
        }
        return (nodes.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }, literalIDs)
    }

    /// One edge per mention of the facts (sorted facts, as `sortedFacts` gives
    /// them), in that order; `literalID` names the node of a literal object.
    public static func edges(of facts: [Fact], minter: IRIMinter, literalID: (String) -> String) -> [Edge] {
        var edges: [Edge] = []
        var usedEdgeIDs: [String: Int] = [:]
        for f in facts {
            let s = minter.entity(f.subject)
            let p = minter.predicate(f.predicate)
            let sourceID = Self.nodeID(for: f.subject)
            let o: Term, targetID: String
            switch f.object {
            case .entity(let k):
                o = .iri(minter.entity(k))
                targetID = Self.nodeID(for: k)
            case .literal(let text):
                o = .literal(Literal(text))
                targetID = literalID(text)
            }
            var keys = StatementKeys()
            for m in f.mentions {
                let hash = keys.hash(m, subject: s, predicate: p, object: o)
                var id = "e" + StableHash.hex(hash)
                if let n = usedEdgeIDs[id] {
                    usedEdgeIDs[id] = n + 1
                    id += "-\(n + 1)"
                } else {
                    usedEdgeIDs[id] = 1
                }
                edges.append(Edge(id: id, source: sourceID, target: targetID, predicate: f.predicate, predicateIRI: p,
                                  statement: minter.statement(contentHash: hash),
                                  document: minter.document(m.provenance.documentID), mention: m))
            }
        }
        return edges
    }

    /// The node id of an entity: `country.belgium`.
    public static func nodeID(for key: EntityKey) -> String {
        key.type.rawValue.lowercased() + "." + encode(key.slug)
    }

    /// Rewrites a slug into name characters, one-to-one: ASCII letters, digits
    /// and `-` are kept, `%` becomes `_`, every other byte `.XX`.
    static func encode(_ slug: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slug.utf8.count)
        for b in slug.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D:
                out.append(b)
            case 0x25:
                out.append(0x5F)
            default:
                out.append(0x2E)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}

extension FactObject {
    var entityKey: EntityKey? {
        if case .entity(let k) = self { return k } else { return nil }
    }
}
