import ProseGraphFormats
import ProseGraphModel

/// The difference between two datasets whose blank nodes are already
/// canonical (or absent): quads only in the old one and only in the new one,
/// each list sorted and without duplicates.
///
/// Found by fingerprints, not by sorting the quads: each side's quads are
/// hashed once and the (hash, index) pairs sorted (two threads, one per
/// side); a merge over the two sorted lists pairs equal hashes, quads with the
/// same hash are compared in full (so a hash collision cannot hide a change),
/// and only the changes are sorted. Sorting the quads themselves moved every
/// quad, a value with five reference counts, some twenty times.
public struct GraphDiff: Sendable {
    public let removed: [Quad]
    public let added: [Quad]
    public let unchanged: Int

    public var isEmpty: Bool { removed.isEmpty && added.isEmpty }

    public init(old: [Quad], new: [Quad]) {
        let (ka, kb) = Parallel.pair({ Self.fingerprints(old) }, { Self.fingerprints(new) })
        var removed: [Quad] = [], added: [Quad] = []
        var i = 0, j = 0, same = 0
        while i < ka.count || j < kb.count {
            let h = j == kb.count || (i < ka.count && ka[i].hash < kb[j].hash) ? ka[i].hash : kb[j].hash
            let i0 = i, j0 = j
            while i < ka.count, ka[i].hash == h { i += 1 }
            while j < kb.count, kb[j].hash == h { j += 1 }
            if i - i0 <= 1 && j - j0 <= 1 {
                // The usual case: at most one quad of each side with this hash.
                switch (i - i0, j - j0) {
                case (1, 0): removed.append(old[Int(ka[i0].index)])
                case (0, 1): added.append(new[Int(kb[j0].index)])
                default:
                    // Compared in place: binding the two quads first would copy them (five retains each).
                    let x = Int(ka[i0].index), y = Int(kb[j0].index)
                    if old[x] == new[y] { same += 1 } else { removed.append(old[x]); added.append(new[y]) }
                }
                continue
            }
            // Duplicates, or a hash collision: compare the quads in full.
            let a = Self.distinct(ka[i0..<i].map { old[Int($0.index)] })
            let b = Self.distinct(kb[j0..<j].map { new[Int($0.index)] })
            for x in a { if b.contains(x) { same += 1 } else { removed.append(x) } }
            for y in b where !a.contains(y) { added.append(y) }
        }
        removed.sort()
        added.sort()
        self.removed = removed
        self.added = added
        self.unchanged = same
    }

    struct Fingerprint {
        let hash: Int
        let index: Int32
    }

    /// Each quad's hash with its index, sorted by hash.
    static func fingerprints(_ quads: [Quad]) -> [Fingerprint] {
        precondition(quads.count < Int(Int32.max), "more quads than a diff can index")
        var out: [Fingerprint] = []
        out.reserveCapacity(quads.count)
        for i in quads.indices { out.append(Fingerprint(hash: quads[i].hashValue, index: Int32(i))) }
        out.sort { $0.hash < $1.hash }
        return out
    }

    /// The quads without repeats, in their first order (a handful: those sharing one hash).
    static func distinct(_ quads: [Quad]) -> [Quad] {
        var out: [Quad] = []
        for q in quads where !out.contains(q) { out.append(q) }
        return out
    }
}

/// A diff grouped for people: entities added or removed (by label and type),
/// facts (subject predicate object) added or removed, and qualifier changes of
/// facts present on both sides (a date changed, a new source), with totals.
public struct DiffReport: Sendable {
    public struct EntityChange: Sendable, Hashable { public let iri: String; public let label: String; public let type: String }
    public struct FactChange: Sendable, Hashable {
        public let subject: String
        public let predicate: String
        public let object: String
    }
    public struct QualifierChange: Sendable, Hashable {
        public let fact: FactChange
        public let property: String
        public let removed: [String]
        public let added: [String]
    }

    public var entitiesAdded: [EntityChange] = []
    public var entitiesRemoved: [EntityChange] = []
    public var factsAdded: [FactChange] = []
    public var factsRemoved: [FactChange] = []
    public var qualifiersChanged: [QualifierChange] = []
    /// Every other added or removed triple (documents, labels of unchanged entities ...).
    public var otherAdded: [Quad] = []
    public var otherRemoved: [Quad] = []
    public let diff: GraphDiff

    static let entityTypes: Set<String> = ["Country", "City", "Place", "Person", "Organization"]

    public init(_ diff: GraphDiff, old: [Quad], new: [Quad]) {
        self.diff = diff
        // Only what the changes touch is indexed: the changed quads' subjects (whole statement
        // nodes among them) and the IRIs the report has to name, so a 1% diff of a large graph
        // stays a 1% job after the merge.
        var touched = Set<Term>()
        var named = Set<String>()
        for q in diff.added { touched.insert(q.subject) }
        for q in diff.removed { touched.insert(q.subject) }
        // A fact's qualifiers are compared over all its statements, changed or not: find the facts the
        // changed statements state, then every statement about their subjects.
        // Only statements of those facts matter, not every statement about the facts' subjects
        // (an entity such as a country is the subject of a large part of a corpus).
        // Each step scans both sides in full: the old side on another thread, the new one on this.
        let touchedSet = touched
        var touchedFacts = Set<Triple>()
        let (oldFacts, newFacts) = Parallel.pair({ Self.statedFacts(old, of: touchedSet) }, { Self.statedFacts(new, of: touchedSet) })
        for (_, fact) in oldFacts { touchedFacts.insert(fact) }
        for (_, fact) in newFacts { touchedFacts.insert(fact) }
        let factSubjects = Set(touchedFacts.map(\.subject))
        let (oldAbout, newAbout) = Parallel.pair({ Self.statementsAbout(old, factSubjects) }, { Self.statementsAbout(new, factSubjects) })
        let about = oldAbout.union(newAbout)
        var candidates = touched
        let (oldAboutFacts, newAboutFacts) = Parallel.pair({ Self.statedFacts(old, of: about) }, { Self.statedFacts(new, of: about) })
        for (node, fact) in oldAboutFacts where touchedFacts.contains(fact) { candidates.insert(node) }
        for (node, fact) in newAboutFacts where touchedFacts.contains(fact) { candidates.insert(node) }
        let chosen = candidates
        let (oldStatements, newStatements) = Parallel.pair({ Statements(old.filter { chosen.contains($0.subject) }) },
                                                           { Statements(new.filter { chosen.contains($0.subject) }) })
        for t in touched { if case .iri(let i) = t { named.insert(i.value) } }
        for q in diff.added + diff.removed { if case .iri(let i) = q.object { named.insert(i.value) } }
        for fact in Array(oldStatements.nodesByFact.keys) + Array(newStatements.nodesByFact.keys) {
            if case .iri(let i) = fact.subject { named.insert(i.value) }
            if case .iri(let i) = fact.object { named.insert(i.value) }
        }
        let names = named
        let (oldIndex, newIndex) = Parallel.pair({ Labels(old, only: names) }, { Labels(new, only: names) })
        func name(_ t: Term, _ primary: Labels, _ secondary: Labels) -> String {
            switch t {
            case .iri(let i): return primary.label[i.value] ?? secondary.label[i.value] ?? i.value
            case .literal(let l): return "\"\(l.lexical)\""
            default: return t.description
            }
        }
        // Entities: subjects typed with an entity class on one side only.
        for (iri, type) in newIndex.type where oldIndex.type[iri] == nil && Self.entityTypes.contains(type) {
            entitiesAdded.append(EntityChange(iri: iri, label: newIndex.label[iri] ?? iri, type: type))
        }
        for (iri, type) in oldIndex.type where newIndex.type[iri] == nil && Self.entityTypes.contains(type) {
            entitiesRemoved.append(EntityChange(iri: iri, label: oldIndex.label[iri] ?? iri, type: type))
        }
        let addedEntities = Set(entitiesAdded.map(\.iri)), removedEntities = Set(entitiesRemoved.map(\.iri))
        // Statements whose fact exists on both sides but whose qualifiers differ. A statement node on
        // both sides is compared with itself ("confidence 0.9 -> 0.90", whatever the fact's other
        // statements say); the statements on one side only are compared as a whole ("a new source").
        // Values compare with their datatype: a change of datatype or of lexical form alone is a change.
        for (fact, oldNodes) in oldStatements.nodesByFact {
            guard let newNodes = newStatements.nodesByFact[fact] else { continue }
            let f = FactChange(subject: name(fact.subject, newIndex, oldIndex), predicate: fact.predicate.localName.description,
                               object: name(fact.object, newIndex, oldIndex))
            var changes: [String: (removed: Set<QualifierValue>, added: Set<QualifierValue>)] = [:]
            func compare(_ o: [String: Set<QualifierValue>], _ n: [String: Set<QualifierValue>]) {
                for property in Set(o.keys).union(n.keys) {
                    let a = o[property] ?? [], b = n[property] ?? []
                    guard a != b else { continue }
                    changes[property, default: ([], [])].removed.formUnion(a.subtracting(b))
                    changes[property, default: ([], [])].added.formUnion(b.subtracting(a))
                }
            }
            for node in oldNodes.intersection(newNodes) {
                compare(oldStatements.values[node] ?? [:], newStatements.values[node] ?? [:])
            }
            func union(_ nodes: Set<Term>, _ s: Statements) -> [String: Set<QualifierValue>] {
                var out: [String: Set<QualifierValue>] = [:]
                for node in nodes { for (k, v) in s.values[node] ?? [:] { out[k, default: []].formUnion(v) } }
                return out
            }
            compare(union(oldNodes.subtracting(newNodes), oldStatements), union(newNodes.subtracting(oldNodes), newStatements))
            // pg:dateEarliest and pg:dateLatest follow pg:date: a changed date is shown once, as
            // the date, unless its bounds changed otherwise than the date says.
            if let date = changes["date"] {
                func days(_ values: Set<QualifierValue>, _ day: (FactDate) -> FactDate) -> Set<String>? {
                    var out: Set<String> = []
                    for v in values {
                        guard let d = FactDate(iso: v.lexical) else { return nil }
                        out.insert(day(d).description)
                    }
                    return out
                }
                for (bound, day) in [("dateEarliest", { (d: FactDate) in d.earliestDay }), ("dateLatest", { (d: FactDate) in d.latestDay })] {
                    guard let c = changes[bound], Set(c.removed.map(\.lexical)) == days(date.removed, day),
                          Set(c.added.map(\.lexical)) == days(date.added, day) else { continue }
                    changes[bound] = nil
                }
            }
            for (property, c) in changes.sorted(by: { $0.key < $1.key }) where !c.removed.isEmpty || !c.added.isEmpty {
                // Show the datatype only where it is what changed ("1634"^^xsd:nonNegativeInteger -> "1634"^^xsd:integer).
                let lexicals = Set(c.removed.map(\.lexical)).intersection(c.added.map(\.lexical))
                func shown(_ v: QualifierValue) -> String { lexicals.contains(v.lexical) ? v.typed : v.lexical }
                qualifiersChanged.append(QualifierChange(fact: f, property: property, removed: c.removed.map(shown).sorted(),
                                                         added: c.added.map(shown).sorted()))
            }
        }
        let rdf = RDF.namespace, rdfs = RDFS.namespace
        let statementNodes = oldStatements.nodes.union(newStatements.nodes)
        func classify(_ q: Quad, added: Bool) {
            // Statement nodes are reported through their facts and qualifiers, never as loose triples;
            // so are sentences, through the statements' `wasDerivedFrom` (the sentence's IRI names its
            // document and offsets; a change of its text is a change of the statement's IRI).
            if statementNodes.contains(q.subject) || Self.isSentenceTriple(q) { return }
            let p = q.predicate.value
            let subjectIRI = q.subject.iri?.value ?? ""
            let entityChange = added ? addedEntities.contains(subjectIRI) : removedEntities.contains(subjectIRI)
            if entityChange && (p == rdf + "type" || p == rdfs + "label" || p == OWL.namespace + "sameAs") { return }
            let isFact = p.hasPrefix(PG.namespace) && !Self.provenance.contains(String(q.predicate.localName)) && q.graph == nil
                && !subjectIRI.contains("/statement/") && !subjectIRI.contains("/document/")
            if isFact {
                let f = FactChange(subject: name(q.subject, added ? newIndex : oldIndex, added ? oldIndex : newIndex),
                                   predicate: String(q.predicate.localName),
                                   object: name(q.object, added ? newIndex : oldIndex, added ? oldIndex : newIndex))
                if added { factsAdded.append(f) } else { factsRemoved.append(f) }
            } else if added { otherAdded.append(q) } else { otherRemoved.append(q) }
        }
        for q in diff.added { classify(q, added: true) }
        for q in diff.removed { classify(q, added: false) }
        entitiesAdded.sort { ($0.type, $0.label) < ($1.type, $1.label) }
        entitiesRemoved.sort { ($0.type, $0.label) < ($1.type, $1.label) }
        let byText: (FactChange, FactChange) -> Bool = { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
        factsAdded.sort(by: byText)
        factsRemoved.sort(by: byText)
        qualifiersChanged.sort { a, b in byText(a.fact, b.fact) || (a.fact == b.fact && a.property < b.property) }
    }

    /// The statement nodes whose rdf:subject is one of `subjects`.
    static func statementsAbout(_ quads: [Quad], _ subjects: Set<Term>) -> Set<Term> {
        var about = Set<Term>()
        guard !subjects.isEmpty else { return about }
        for q in quads where q.predicate == RDF.subject && subjects.contains(q.object) { about.insert(q.subject) }
        return about
    }

    /// The fact (rdf:subject, rdf:predicate, rdf:object) each of `nodes` states, where complete.
    static func statedFacts(_ quads: [Quad], of nodes: Set<Term>) -> [Term: Triple] {
        var parts: [Term: (s: Term?, p: IRI?, o: Term?)] = [:]
        guard !nodes.isEmpty else { return [:] }
        for q in quads {
            let p = q.predicate
            guard p == RDF.subject || p == RDF.predicate || p == RDF.object, nodes.contains(q.subject) else { continue }
            if p == RDF.subject {
                parts[q.subject, default: (nil, nil, nil)].s = q.object
            } else if p == RDF.predicate {
                parts[q.subject, default: (nil, nil, nil)].p = q.object.iri
            } else {
                parts[q.subject, default: (nil, nil, nil)].o = q.object
            }
        }
        var facts: [Term: Triple] = [:]
        for (node, e) in parts {
            if let s = e.s, let p = e.p, let o = e.o { facts[node] = Triple(s, p, o) }
        }
        return facts
    }

    /// pg: terms that qualify statements and documents rather than state facts; `source`,
    /// `evidence`, `startOffset` and `endOffset` are what exports wrote before sentences
    /// were resources of their own, so a diff against such an export still reads them so.
    static let provenance: Set<String> = ["date", "dateEarliest", "dateLatest", "source", "evidence", "startOffset", "endOffset", "rule", "confidence", "title", "sourcePath"]

    /// A triple of a sentence resource (`nif:Sentence` and its NIF properties).
    static func isSentenceTriple(_ q: Quad) -> Bool {
        q.predicate.value.hasPrefix(NIF.namespace) || (q.predicate == RDF.type && q.object == .iri(NIF.Sentence))
    }

    /// Labels and types of IRIs, for naming things in the report.
    struct Labels {
        var label: [String: String] = [:]
        var type: [String: String] = [:]
        init(_ quads: [Quad], only: Set<String>) {
            for q in quads where q.predicate == RDFS.label || q.predicate == RDF.type {
                guard case .iri(let s) = q.subject, only.contains(s.value) else { continue }
                if q.predicate == RDFS.label, case .literal(let l) = q.object, label[s.value] == nil { label[s.value] = l.lexical }
                if q.predicate == RDF.type, case .iri(let t) = q.object, type[s.value] == nil { type[s.value] = String(t.localName) }
            }
        }
    }

    /// A qualifier's value: an IRI, or a literal's lexical form with its datatype or language.
    struct QualifierValue: Hashable {
        let lexical: String
        /// The value as N-Triples writes it, compacted (`"1634"^^xsd:integer`, `"x"@en`, an IRI).
        let typed: String
        init(_ t: Term) {
            switch t {
            case .literal(let l):
                lexical = l.lexical
                if let language = l.language { typed = "\"\(l.lexical)\"@\(language)" }
                else if l.datatype == XSD.string { typed = "\"\(l.lexical)\"" }
                else {
                    let dt = l.datatype.value.hasPrefix(XSD.namespace) ? "xsd:" + l.datatype.value.dropFirst(XSD.namespace.count) : "<\(l.datatype.value)>"
                    typed = "\"\(l.lexical)\"^^\(dt)"
                }
            case .iri(let i): lexical = i.value; typed = "<\(i.value)>"
            default: lexical = t.description; typed = t.description
            }
        }
    }

    /// Reified statements grouped by the fact they state: for each statement node, its
    /// qualifier values (property -> set of values); for each fact, its statement nodes.
    struct Statements {
        var values: [Term: [String: Set<QualifierValue>]] = [:]
        var nodesByFact: [Triple: Set<Term>] = [:]
        var nodes = Set<Term>()
        init(_ all: [Quad]) {
            var parts: [Term: (s: Term?, p: IRI?, o: Term?, values: [String: Set<QualifierValue>])] = [:]
            for q in all {
                let p = q.predicate
                guard p == RDF.subject || p == RDF.predicate || p == RDF.object || p == PROV.wasDerivedFrom
                        || (p.value.hasPrefix(PG.namespace) && DiffReport.provenance.contains(String(p.localName)))
                        || (p == RDF.type && q.object == .iri(RDF.statement)) else { continue }
                if parts[q.subject] == nil { parts[q.subject] = (nil, nil, nil, [:]) }
                switch p {
                case RDF.subject: parts[q.subject]!.s = q.object
                case RDF.predicate: parts[q.subject]!.p = q.object.iri
                case RDF.object: parts[q.subject]!.o = q.object
                case RDF.type: break
                default:
                    // Mutated in place: a copy of the entry would copy its dictionary on every insert.
                    parts[q.subject]!.values[String(p.localName), default: []].insert(QualifierValue(q.object))
                }
            }
            for (node, e) in parts {
                guard let s = e.s, let p = e.p, let o = e.o else { continue }
                nodes.insert(node)
                values[node] = e.values
                nodesByFact[Triple(s, p, o), default: []].insert(node)
            }
        }
    }
}
