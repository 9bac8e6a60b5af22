import ProseGraphFormats
import ProseGraphModel

/// The difference between two datasets whose blank nodes are already
/// canonical (or absent): quads only in the old one and only in the new one,
/// found by sorting both sides once and merging, so two million-quad exports
/// diff in one pass without pairwise comparison.
public struct GraphDiff: Sendable {
    public let removed: [Quad]
    public let added: [Quad]
    public let unchanged: Int

    public var isEmpty: Bool { removed.isEmpty && added.isEmpty }

    public init(old: [Quad], new: [Quad]) {
        let a = Self.sortedUnique(old), b = Self.sortedUnique(new)
        var removed: [Quad] = [], added: [Quad] = []
        var i = 0, j = 0, same = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                removed.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                added.append(b[j]); j += 1
            } else {
                same += 1; i += 1; j += 1
            }
        }
        self.removed = removed
        self.added = added
        self.unchanged = same
    }

    static func sortedUnique(_ q: [Quad]) -> [Quad] {
        var s = q.sorted()
        var w = 0
        for r in s.indices where w == 0 || s[r] != s[w - 1] {
            s[w] = s[r]
            w += 1
        }
        s.removeLast(s.count - w)
        return s
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
        var touchedFacts = Set<Triple>()
        for (_, fact) in Self.statedFacts(old, of: touched) { touchedFacts.insert(fact) }
        for (_, fact) in Self.statedFacts(new, of: touched) { touchedFacts.insert(fact) }
        let factSubjects = Set(touchedFacts.map(\.subject))
        var about = Set<Term>()
        for q in old where q.predicate == RDF.subject && factSubjects.contains(q.object) { about.insert(q.subject) }
        for q in new where q.predicate == RDF.subject && factSubjects.contains(q.object) { about.insert(q.subject) }
        var candidates = touched
        for (node, fact) in Self.statedFacts(old, of: about) where touchedFacts.contains(fact) { candidates.insert(node) }
        for (node, fact) in Self.statedFacts(new, of: about) where touchedFacts.contains(fact) { candidates.insert(node) }
        let oldStatements = Statements(old.filter { candidates.contains($0.subject) })
        let newStatements = Statements(new.filter { candidates.contains($0.subject) })
        for t in touched { if case .iri(let i) = t { named.insert(i.value) } }
        for q in diff.added + diff.removed { if case .iri(let i) = q.object { named.insert(i.value) } }
        for fact in Array(oldStatements.nodesByFact.keys) + Array(newStatements.nodesByFact.keys) {
            if case .iri(let i) = fact.subject { named.insert(i.value) }
            if case .iri(let i) = fact.object { named.insert(i.value) }
        }
        let oldIndex = Labels(old, only: named), newIndex = Labels(new, only: named)
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
            // Statement nodes are reported through their facts and qualifiers, never as loose triples.
            if statementNodes.contains(q.subject) { return }
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

    static let provenance: Set<String> = ["date", "dateEarliest", "dateLatest", "source", "evidence", "startOffset", "endOffset", "rule", "confidence", "title", "sourcePath"]

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
                guard p == RDF.subject || p == RDF.predicate || p == RDF.object || (p.value.hasPrefix(PG.namespace) && DiffReport.provenance.contains(String(p.localName)))
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
