import ProseGraphModel

/// The entities and facts of an export, read back from its triples: what
/// `prosegraph draw` pictures and `prosegraph report` lists.
///
/// Built from the quads of any export (RDF in any format, or prosegraph's
/// GraphML read as RDF): entities are the typed subjects (`pg:Country`,
/// `pg:City`, `pg:Place`, `pg:Person`, `pg:Organization`) and every term a
/// fact links; facts are the direct triples (`pg:visited`, `pg:holdsPosition`
/// ...), one per subject, predicate and object, each with its mentions: the
/// `rdf:Statement` nodes that reify it, with their date, rule, confidence and
/// the sentence they were derived from (`prov:wasDerivedFrom` a `nif:Sentence`:
/// its text, source document and offsets). A literal object (a position
/// title) is a node of its own, one per distinct value. Named graphs are merged.
///
/// Nodes, facts and mentions are sorted, so the same triples in any order give
/// the same graph, and every renderer over it is deterministic.
///
/// ```swift
/// let graph = FactGraph(quads: try RDFInput.read(path: "Output/graph.nt").quads)
/// let belgium = try graph.node(matching: "Belgium")
/// let around = graph.neighbourhood(of: belgium, depth: 1)
/// print(GraphPicture(around).dot())
/// ```
public struct FactGraph: Sendable {
    /// What a node is: one of the entity types of the relation inventory, an
    /// entity of another type, or a literal value.
    public enum Kind: Int, CaseIterable, Comparable, Sendable {
        case country, city, place, person, organization
        /// An IRI or blank node with no prosegraph entity type.
        case other
        /// A literal object, such as the position title of `pg:holdsPosition`.
        case literal

        /// The name shown for the kind: the class name for entity types
        /// ("Country"), "Other" and "Literal".
        public var name: String {
            switch self {
            case .country: return "Country"
            case .city: return "City"
            case .place: return "Place"
            case .person: return "Person"
            case .organization: return "Organization"
            case .other: return "Other"
            case .literal: return "Literal"
            }
        }

        /// The order nodes are sorted and grouped in: the five entity types, then other entities, then literals.
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// The kind a `pg:` class names, if it is one of the five entity types.
        static func from(class iri: IRI) -> Kind? {
            guard UTF8Order.hasPrefix(iri.value, PG.namespace) else { return nil }
            switch iri.localName {
            case "Country": return .country
            case "City": return .city
            case "Place": return .place
            case "Person": return .person
            case "Organization": return .organization
            default: return nil
            }
        }
    }

    /// An entity or a literal value.
    public struct Node: Hashable, Sendable {
        /// The node's RDF term: an IRI (or blank node) for an entity, a literal for a value.
        public let term: Term
        /// `rdfs:label`, else the IRI's last segment, else the literal's text.
        public let label: String
        /// The node's entity type, or `.other` or `.literal`.
        public let kind: Kind
        /// The Wikidata id from `owl:sameAs` (`Q31`), if any.
        public let wikidata: String?

        /// A node of the given term, label and kind.
        public init(term: Term, label: String, kind: Kind, wikidata: String? = nil) {
            self.term = term
            self.label = label
            self.kind = kind
            self.wikidata = wikidata
        }

        /// The IRI, the blank node's `_:id`, or the literal's text: what a reader
        /// of the export would search for.
        public var name: String {
            switch term {
            case .iri(let i): return i.value
            case .blank(let b): return b.description
            case .literal(let l): return l.lexical
            case .tripleTerm(let t): return Term.tripleTerm(t).description
            }
        }

        /// `Label (Kind, IRI)`, or `Label (Literal)`: how messages name a node.
        public var described: String {
            kind == .literal ? "\(label) (Literal)" : "\(label) (\(kind.name), \(name))"
        }
    }

    /// A source document (the `nif:referenceContext` of a mention's sentence).
    public struct Document: Hashable, Sendable {
        /// The document's IRI (`<base>document/<file>`).
        public let iri: IRI
        /// `pg:title` (else `rdfs:label`); GraphML does not carry it.
        public let title: String?
        /// `pg:sourcePath`: the article file the export was made from.
        public let path: String?

        /// A document of the given IRI, title and article path.
        public init(iri: IRI, title: String? = nil, path: String? = nil) {
            self.iri = iri
            self.title = title
            self.path = path
        }

        /// The title, else the IRI's last segment (`belgium-syria`).
        public var displayName: String { title ?? String(iri.localName) }
    }

    /// One mention of a fact: an `rdf:Statement` with its provenance. Any part
    /// the export does not hold is nil.
    public struct Mention: Hashable, Sendable {
        /// The statement node (`<base>statement/<hash>`).
        public let statement: Term
        /// `pg:date` as written: `2015`, `2015-02` or `2015-02-03`.
        public let date: String?
        /// The `nif:anchorOf` of the statement's sentence: the text the fact was read from.
        public let evidence: String?
        /// Index into `documents` of the sentence's `nif:referenceContext`.
        public let document: Int?
        /// The sentence's `nif:beginIndex`: its code point offset in its article.
        public let start: Int?
        /// The sentence's `nif:endIndex`: the code point offset just past it.
        public let end: Int?
        /// `pg:rule`: the id of the rule that produced it.
        public let rule: String?
        /// `pg:confidence` as written (`0.9`).
        public let confidence: String?

        /// A mention with the given parts (`document` indexes the graph's `documents`).
        public init(statement: Term, date: String? = nil, evidence: String? = nil, document: Int? = nil,
                    start: Int? = nil, end: Int? = nil, rule: String? = nil, confidence: String? = nil) {
            self.statement = statement
            self.date = date
            self.evidence = evidence
            self.document = document
            self.start = start
            self.end = end
            self.rule = rule
            self.confidence = confidence
        }
    }

    /// A fact: `subject predicate object`, with the mentions that state it.
    public struct Fact: Hashable, Sendable {
        /// Index into `nodes`.
        public let subject: Int
        /// The predicate (`pg:visited`).
        public let predicate: IRI
        /// Index into `nodes`.
        public let object: Int
        /// Sorted by date (undated last), document, offset.
        public let mentions: [Mention]

        /// A fact between two nodes (indices into the graph's `nodes`).
        public init(subject: Int, predicate: IRI, object: Int, mentions: [Mention]) {
            self.subject = subject
            self.predicate = predicate
            self.object = object
            self.mentions = mentions
        }

        /// The predicate's local name (`visited`).
        public var name: String { String(predicate.localName) }

        /// The distinct dates of its mentions, in order.
        public var dates: [String] {
            var seen: Set<String> = []
            return mentions.compactMap(\.date).filter { seen.insert($0).inserted }.sorted(by: FactGraph.dateOrder)
        }
    }

    /// Entities and values, sorted by kind (`Kind` order), label and term.
    public let nodes: [Node]
    /// Facts, sorted by subject, predicate and object.
    public let facts: [Fact]
    /// Documents the mentions cite, sorted by IRI.
    public let documents: [Document]
    /// The node a neighbourhood was taken around (`neighbourhood(of:depth:)`), and its depth.
    public let focus: (node: Int, depth: Int)?

    /// A graph of given parts; facts and mentions must refer to valid indices.
    public init(nodes: [Node], facts: [Fact], documents: [Document], focus: (node: Int, depth: Int)? = nil) {
        self.nodes = nodes
        self.facts = facts
        self.documents = documents
        self.focus = focus
    }

    /// The graph of these quads (see the type's description).
    public init(quads: some Sequence<Quad>) {
        var builder = Builder()
        for q in quads { builder.add(q) }
        self = builder.build()
    }

    /// Number of mentions over all facts.
    public var mentionCount: Int { facts.reduce(0) { $0 + $1.mentions.count } }

    /// Dates sort as written (ISO 8601 prefixes: `2015` < `2015-02` < `2015-02-03` < `2015-03`).
    public static func dateOrder(_ a: String, _ b: String) -> Bool { UTF8Order.less(a, b) }

    // MARK: - Finding an entity

    /// A failure to find the node `--around` names.
    public enum LookupError: Error, Sendable, Equatable, CustomStringConvertible {
        /// No IRI or label matches; `suggestions` are nodes whose label contains the query in any case.
        case unknown(query: String, suggestions: [String], more: Int)
        /// Several nodes have the label (exactly, or in another case).
        case ambiguous(query: String, candidates: [String])

        /// The message, without the file name (which the caller adds).
        public var description: String {
            switch self {
            case .unknown(let q, let s, _) where s.isEmpty:
                return "no entity has the IRI or label '\(q)', and no label contains it"
            case .unknown(let q, let s, let more):
                return "no entity has the IRI or label '\(q)'; labels that contain it: " + s.joined(separator: ", ")
                    + (more > 0 ? ", and \(more) more" : "")
            case .ambiguous(let q, let c):
                return "'\(q)' is ambiguous: \(c.count) nodes have this label: " + c.joined(separator: ", ") + "; give the IRI instead"
            }
        }
    }

    /// The node an IRI (bare or in `<>`) or a label names: an exact label first,
    /// then a label in any case; entities before literal values.
    public func node(matching query: String) throws(LookupError) -> Int {
        let iri = query.hasPrefix("<") && query.hasSuffix(">") && query.count > 1 ? String(query.dropFirst().dropLast()) : query
        if let i = nodes.firstIndex(where: { $0.kind != .literal && UTF8Order.compare($0.name, iri) == 0 }) { return i }
        let folded = query.lowercased()
        let tests: [(Node) -> Bool] = [{ UTF8Order.compare($0.label, query) == 0 }, { $0.label.lowercased() == folded }]
        for test in tests {
            for entities in [true, false] {
                let found = nodes.indices.filter { (nodes[$0].kind != .literal) == entities && test(nodes[$0]) }
                if found.count == 1 { return found[0] }
                if found.count > 1 { throw .ambiguous(query: query, candidates: found.map { nodes[$0].described }) }
            }
        }
        let limit = 10
        let containing = folded.isEmpty ? [] : nodes.filter { $0.label.lowercased().contains(folded) }
        throw .unknown(query: query, suggestions: containing.prefix(limit).map(\.described), more: max(0, containing.count - limit))
    }

    // MARK: - Neighbourhood

    /// The part of the graph within `depth` facts of `node` (in either
    /// direction), with every fact between the nodes kept: the induced subgraph,
    /// as networkx's `ego_graph`. Literal values are reached but not gone
    /// through (two people with one title are not neighbours through it).
    public func neighbourhood(of node: Int, depth: Int) -> FactGraph {
        var adjacent = [[Int]](repeating: [], count: nodes.count)
        for f in facts {
            adjacent[f.subject].append(f.object)
            adjacent[f.object].append(f.subject)
        }
        var distance = [Int](repeating: -1, count: nodes.count)
        distance[node] = 0
        var frontier = [node]
        for d in 0..<max(0, depth) {
            var next: [Int] = []
            for n in frontier where n == node || nodes[n].kind != .literal {
                for m in adjacent[n] where distance[m] < 0 {
                    distance[m] = d + 1
                    next.append(m)
                }
            }
            frontier = next
        }
        return subgraph(keeping: distance.map { $0 >= 0 }, focus: (node, depth))
    }

    /// The nodes `keep` marks, the facts between them and the documents they cite.
    func subgraph(keeping keep: [Bool], focus: (node: Int, depth: Int)?) -> FactGraph {
        var newIndex = [Int](repeating: -1, count: nodes.count)
        var kept: [Node] = []
        for (i, n) in nodes.enumerated() where keep[i] {
            newIndex[i] = kept.count
            kept.append(n)
        }
        var docIndex = [Int](repeating: -1, count: documents.count)
        var keptDocs: [Document] = []
        for f in facts where keep[f.subject] && keep[f.object] {
            for m in f.mentions { if let d = m.document { docIndex[d] = 0 } }
        }
        for (i, d) in documents.enumerated() where docIndex[i] == 0 {
            docIndex[i] = keptDocs.count
            keptDocs.append(d)
        }
        let keptFacts = facts.filter { keep[$0.subject] && keep[$0.object] }.map { f in
            Fact(subject: newIndex[f.subject], predicate: f.predicate, object: newIndex[f.object], mentions: f.mentions.map { m in
                Mention(statement: m.statement, date: m.date, evidence: m.evidence, document: m.document.map { docIndex[$0] },
                        start: m.start, end: m.end, rule: m.rule, confidence: m.confidence)
            })
        }
        return FactGraph(nodes: kept, facts: keptFacts, documents: keptDocs, focus: focus.map { (newIndex[$0.node], $0.depth) })
    }

    // MARK: - Building

    /// Collects quads one at a time (a reader's stream) and builds the graph.
    public struct Builder {
        private struct Statement {
            var subject: Term?, predicate: IRI?, object: Term?
            var date: String?, sentence: Term?, rule: String?, confidence: String?
        }
        /// A `nif:Sentence`: its text, document and offsets.
        private struct Sentence {
            var text: String?, document: IRI?, start: Int?, end: Int?
        }
        private var kinds: [Term: Kind] = [:]
        private var typed: Set<Term> = []
        private var labels: [Term: String] = [:]
        private var wikidata: [Term: String] = [:]
        private var statements: [Term: Statement] = [:]
        private var sentences: [Term: Sentence] = [:]
        private var documentIRIs: Set<IRI> = []
        private var titles: [IRI: String] = [:]
        private var docLabels: [IRI: String] = [:]
        private var paths: [IRI: String] = [:]
        private var triples: Set<Triple> = []

        /// An empty builder.
        public init() {}

        /// Predicates that describe nodes, documents and statements rather than state facts.
        private static let metadata: Set<IRI> = [
            RDF.type, RDFS.label, RDFS.comment, OWL.sameAs, RDF.subject, RDF.predicate, RDF.object,
            PG.date, PG.dateEarliest, PG.dateLatest, PROV.wasDerivedFrom, PG.rule, PG.confidence, PG.title, PG.sourcePath,
            NIF.anchorOf, NIF.referenceContext, NIF.beginIndex, NIF.endIndex,
        ]

        /// Takes in one quad (its graph name is ignored).
        public mutating func add(_ q: Quad) {
            let s = q.subject, p = q.predicate, o = q.object
            switch p {
            case RDF.type:
                guard let c = o.iri else { return }
                if c == PG.Document, let d = s.iri { documentIRIs.insert(d); return }
                if c == RDF.statement {
                    if statements[s] == nil { statements[s] = Statement() }
                    return
                }
                if c == NIF.Sentence {
                    if sentences[s] == nil { sentences[s] = Sentence() }
                    return
                }
                typed.insert(s)
                if let k = Kind.from(class: c), k < (kinds[s] ?? .other) { kinds[s] = k }
            case RDFS.label:
                if let l = o.literal {
                    if let d = s.iri { docLabels[d] = Self.first(docLabels[d], l.lexical) }
                    labels[s] = Self.first(labels[s], l.lexical)
                }
            case OWL.sameAs:
                if let i = o.iri, UTF8Order.hasPrefix(i.value, Wikidata.entityNamespace) {
                    wikidata[s] = Self.first(wikidata[s], String(i.localName))
                }
            case RDF.subject: statements[s, default: Statement()].subject = o
            case RDF.predicate: statements[s, default: Statement()].predicate = o.iri
            case RDF.object: statements[s, default: Statement()].object = o
            case PG.date: statements[s, default: Statement()].date = o.literal?.lexical
            case PROV.wasDerivedFrom: statements[s, default: Statement()].sentence = o
            case NIF.anchorOf: sentences[s, default: Sentence()].text = o.literal?.lexical
            case NIF.referenceContext: sentences[s, default: Sentence()].document = o.iri
            case NIF.beginIndex: sentences[s, default: Sentence()].start = o.literal.flatMap { Int($0.lexical) }
            case NIF.endIndex: sentences[s, default: Sentence()].end = o.literal.flatMap { Int($0.lexical) }
            case PG.rule: statements[s, default: Statement()].rule = o.literal?.lexical
            case PG.confidence: statements[s, default: Statement()].confidence = o.literal?.lexical
            case PG.title: if let d = s.iri, let l = o.literal { titles[d] = Self.first(titles[d], l.lexical) }
            case PG.sourcePath: if let d = s.iri, let l = o.literal { paths[d] = Self.first(paths[d], l.lexical) }
            default:
                if !Self.metadata.contains(p) { triples.insert(q.triple) }
            }
        }

        /// Of two values, the first in byte order (a node with two labels keeps one, whatever the input order).
        private static func first(_ a: String?, _ b: String) -> String {
            guard let a else { return b }
            return UTF8Order.less(b, a) ? b : a
        }

        /// The graph of every quad added so far, sorted.
        public func build() -> FactGraph {
            // A statement's own triples (and a document's or a sentence's) are not facts.
            let reified = Set(statements.keys).union(sentences.keys)
            func isDocument(_ t: Term) -> Bool { t.iri.map { documentIRIs.contains($0) } ?? false }
            var factTriples = triples.filter { !reified.contains($0.subject) && !isDocument($0.subject) }
            var mentions: [Triple: [(term: Term, statement: Statement)]] = [:]
            var sources: Set<IRI> = []
            for (term, st) in statements {
                guard let s = st.subject, let p = st.predicate, let o = st.object else { continue }
                let t = Triple(s, p, o)
                factTriples.insert(t)
                mentions[t, default: []].append((term, st))
                if let d = st.sentence.flatMap({ sentences[$0]?.document }) { sources.insert(d) }
            }
            // Nodes: typed entities and every end of a fact.
            var terms = typed
            for t in factTriples { terms.insert(t.subject); terms.insert(t.object) }
            let nodes = terms.map { term -> Node in
                let kind: Kind = term.isLiteral ? .literal : (kinds[term] ?? .other)
                let label: String
                switch term {
                case .literal(let l): label = l.lexical
                case .iri(let i): label = labels[term] ?? String(i.localName)
                default: label = labels[term] ?? term.description
                }
                return Node(term: term, label: label, kind: kind, wikidata: wikidata[term])
            }.sorted { a, b in
                if a.kind != b.kind { return a.kind < b.kind }
                let c = UTF8Order.compare(a.label, b.label)
                return c != 0 ? c < 0 : a.term < b.term
            }
            var index: [Term: Int] = [:]
            index.reserveCapacity(nodes.count)
            for (i, n) in nodes.enumerated() { index[n.term] = i }
            // Documents: declared ones and every cited source.
            let documents = documentIRIs.union(sources).sorted().map { Document(iri: $0, title: titles[$0] ?? docLabels[$0], path: paths[$0]) }
            var docIndex: [IRI: Int] = [:]
            for (i, d) in documents.enumerated() { docIndex[d.iri] = i }
            let facts = factTriples.map { t -> Fact in
                let ms = (mentions[t] ?? []).map { term, st in
                    let sentence = st.sentence.flatMap { sentences[$0] }
                    return Mention(statement: term, date: st.date, evidence: sentence?.text, document: sentence?.document.flatMap { docIndex[$0] },
                                   start: sentence?.start, end: sentence?.end, rule: st.rule, confidence: st.confidence)
                }.sorted(by: Self.mentionOrder)
                return Fact(subject: index[t.subject]!, predicate: t.predicate, object: index[t.object]!, mentions: ms)
            }.sorted { a, b in
                if a.subject != b.subject { return a.subject < b.subject }
                let c = UTF8Order.compare(a.predicate.value, b.predicate.value)
                return c != 0 ? c < 0 : a.object < b.object
            }
            return FactGraph(nodes: nodes, facts: facts, documents: documents)
        }

        private static func mentionOrder(_ a: Mention, _ b: Mention) -> Bool {
            switch (a.date, b.date) {
            case (let x?, let y?) where x != y: return FactGraph.dateOrder(x, y)
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.document != b.document { return (a.document ?? Int.max) < (b.document ?? Int.max) }
            if a.start != b.start { return (a.start ?? Int.max) < (b.start ?? Int.max) }
            return a.statement < b.statement
        }
    }
}
