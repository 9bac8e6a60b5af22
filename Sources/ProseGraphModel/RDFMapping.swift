/// Mints the IRIs of an export from a base IRI. Entity IRIs come from the
/// entity's type and canonical label, document IRIs from the file name, and
/// statement IRIs from a hash of the statement's content, so the same input
/// always gives the same IRIs and no blank node is ever needed.
public struct IRIMinter: Sendable {
    /// Default base, documented in the README: `https://prosegraph.org/id/`.
    public static let defaultBase = "https://prosegraph.org/id/"

    public let base: String

    public init(base: String = IRIMinter.defaultBase) {
        self.base = base
    }

    public func entity(_ key: EntityKey) -> IRI {
        IRI(base + key.type.rawValue.lowercased() + "/" + key.slug)
    }

    public func document(_ id: String) -> IRI { IRI(base + "document/" + id) }

    /// A sentence of a document: the document's IRI with an RFC 5147 fragment of the sentence's
    /// code point offsets, as NIF's offset-based IRIs have it (`<base>document/belgium-syria#char=1804,1990`).
    /// A sentence has one IRI however many statements point to it.
    public func sentence(_ p: Provenance) -> IRI {
        SentenceResource.iri(document: document(p.documentID), start: String(p.start), end: String(p.end))
    }

    public func statement(contentHash: UInt64) -> IRI {
        IRI(base + "statement/" + StableHash.hex(contentHash))
    }

    public func predicate(_ name: String) -> IRI { PG.term(name) }

    public func entityClass(_ type: EntityType) -> IRI { PG.term(type.rawValue) }
}

/// FNV-1a, 64 bits: stable across runs and platforms (Swift's Hasher is seeded
/// per process, so it cannot mint IRIs).
public enum StableHash {
    public static func fnv1a(_ parts: [String]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, part) in parts.enumerated() {
            if i > 0 { h = (h ^ 0x1F) &* 0x100_0000_01b3 }  // unit separator between parts
            for b in part.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return h
    }

    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

extension KnowledgeGraph {
    /// The RDF graph of "How exports show it" in the relation contract, sorted.
    public func rdfTriples(minter: IRIMinter = IRIMinter()) -> [Triple] {
        rdfTriples(minter: minter, entities: true, factTriple: { _ in true })
    }

    /// Part of the RDF graph, sorted: `entities` includes the entities' own
    /// triples (type, label, sameAs); `factTriple` says whether a fact's
    /// `subject predicate object` triple is included (its statements always
    /// are). Streaming exports write each document's part and the entities
    /// once at the end.
    public func rdfTriples(minter: IRIMinter, entities includeEntities: Bool,
                           factTriple: (FactIdentity) -> Bool) -> [Triple] {
        var out: [Triple] = []
        out.reserveCapacity(documents.count * 4 + entities.count * 3 + mentionCount * 13)
        // Every triple is appended in a run that shares its subject; sorting
        // the runs by subject and then each subject's few triples gives the
        // same order as sorting all triples, for a fraction of the work.
        var blocks: [SubjectBlock] = []
        blocks.reserveCapacity(documents.count + entities.count + factCount + mentionCount * 2)
        // Each sentence is written once, before the first statement that points to it.
        var sentences = Set<Provenance>()
        func block(_ subject: IRI, from start: Int) {
            blocks.append(SubjectBlock(subject: subject.value, start: start, end: out.count))
        }
        for doc in sortedDocuments {
            let d = minter.document(doc.id)
            let start = out.count
            out.append(Triple(d, RDF.type, .iri(PG.Document)))
            out.append(Triple(d, RDFS.label, .literal(Literal(doc.title))))
            out.append(Triple(d, PG.title, .literal(Literal(doc.title))))
            out.append(Triple(d, PG.sourcePath, .literal(Literal(doc.path))))
            block(d, from: start)
        }
        for e in includeEntities ? sortedEntities : [] {
            let s = minter.entity(e.key)
            let start = out.count
            out.append(Triple(s, RDF.type, .iri(minter.entityClass(e.type))))
            out.append(Triple(s, RDFS.label, .literal(Literal(e.label))))
            if let q = e.wikidata { out.append(Triple(s, OWL.sameAs, .iri(Wikidata.entity(q)))) }
            block(s, from: start)
        }
        for fact in sortedFacts {
            let s = minter.entity(fact.subject)
            let p = minter.predicate(fact.predicate)
            let o: Term
            switch fact.object {
            case .entity(let k): o = .iri(minter.entity(k))
            case .literal(let text): o = .literal(Literal(text))
            }
            if factTriple(fact.identity) {
                out.append(Triple(.iri(s), p, o))
                block(s, from: out.count - 1)
            }
            var keys = StatementKeys()
            for m in fact.mentions {
                let st = minter.statement(contentHash: keys.hash(m, subject: s, predicate: p, object: o))
                let start = out.count
                out.append(Triple(st, RDF.type, .iri(RDF.statement)))
                out.append(Triple(st, RDF.subject, .iri(s)))
                out.append(Triple(st, RDF.predicate, .iri(p)))
                out.append(Triple(st, RDF.object, o))
                if let date = m.date {
                    out.append(Triple(st, PG.date, .literal(Literal(date.description, datatype: date.datatype))))
                    out.append(Triple(st, PG.dateEarliest, .literal(Literal(date.earliestDay.description, datatype: XSD.date))))
                    out.append(Triple(st, PG.dateLatest, .literal(Literal(date.latestDay.description, datatype: XSD.date))))
                }
                let sentence = minter.sentence(m.provenance)
                out.append(Triple(st, PROV.wasDerivedFrom, .iri(sentence)))
                out.append(Triple(st, PG.rule, .literal(Literal(m.rule))))
                out.append(Triple(st, PG.confidence, .literal(Literal(m.confidenceLexical, datatype: XSD.decimal))))
                block(st, from: start)
                if sentences.insert(m.provenance).inserted {
                    let start = out.count
                    let pr = m.provenance
                    out.append(contentsOf: SentenceResource.triples(sentence, document: minter.document(pr.documentID), text: pr.sentence,
                                                                    start: String(pr.start), end: String(pr.end)))
                    block(sentence, from: start)
                }
            }
        }
        return SubjectBlock.sorted(out, blocks: blocks)
    }
}

/// The sentence a statement was read from, written once as its own NIF resource
/// (`IRIMinter.sentence`); both the RDF view and GraphML -> RDF mint it here.
public enum SentenceResource {
    /// `<document>#char=<start>,<end>` (RFC 5147; start and end in their canonical decimal form).
    public static func iri(document: IRI, start: String, end: String) -> IRI {
        IRI(document.value + "#char=" + start + "," + end)
    }

    /// A sentence's own triples: `nif:Sentence`, its document (`nif:referenceContext`), its text
    /// (`nif:anchorOf`) and its code point offsets (`nif:beginIndex`, `nif:endIndex`, end exclusive), typed
    /// `xsd:integer`, not NIF's `xsd:nonNegativeInteger`: stores (Oxigraph) give a `nonNegativeInteger`
    /// back as an `xsd:integer`, and an export must read back from a store as the same graph.
    public static func triples(_ sentence: IRI, document: IRI, text: String, start: String, end: String) -> [Triple] {
        [Triple(sentence, RDF.type, .iri(NIF.Sentence)),
         Triple(sentence, NIF.referenceContext, .iri(document)),
         Triple(sentence, NIF.anchorOf, .literal(Literal(text))),
         Triple(sentence, NIF.beginIndex, .literal(Literal(start, datatype: XSD.integer))),
         Triple(sentence, NIF.endIndex, .literal(Literal(end, datatype: XSD.integer)))]
    }
}

/// A run of triples in an array that all have one IRI subject.
struct SubjectBlock {
    let subject: String
    let start: Int
    let end: Int

    /// The triples in writer order (`Triple.<`), given runs that cover every
    /// triple: runs sorted by subject, then each subject's triples sorted.
    static func sorted(_ triples: [Triple], blocks: [SubjectBlock]) -> [Triple] {
        let order = blocks.sorted { UTF8Order.less($0.subject, $1.subject) }
        var result: [Triple] = []
        result.reserveCapacity(triples.count)
        var group: [Triple] = []
        var i = 0
        while i < order.count {
            var j = i + 1
            while j < order.count, UTF8Order.compare(order[j].subject, order[i].subject) == 0 { j += 1 }
            group.removeAll(keepingCapacity: true)
            for b in order[i..<j] { group.append(contentsOf: triples[b.start..<b.end]) }
            group.sort()
            result.append(contentsOf: group)
            i = j
        }
        return result
    }
}

extension Mention {
    /// Confidence rounded to two places, as an `xsd:decimal` in its XSD 1.1 canonical form
    /// ("0.9", "0.85", "1", "0"): the form triple stores (Oxigraph, Jena) give it back.
    public var confidenceLexical: String {
        let hundredths = Int((confidence * 100).rounded())
        let whole = hundredths / 100, frac = hundredths % 100
        if frac == 0 { return "\(whole)" }
        return frac % 10 == 0 ? "\(whole).\(frac / 10)" : "\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// What a statement IRI is minted from: the fact, the date, the document, the sentence's text
    /// and the rule, not the sentence's offsets, so an edit elsewhere in the article (which moves
    /// the offsets) keeps the IRI; `occurrence` tells apart mentions that would still share one
    /// (the same sentence twice in a document), counted by `StatementKeys`.
    func contentHash(subject: IRI, predicate: IRI, object: Term, occurrence: Int = 0) -> UInt64 {
        let objectText: String
        switch object {
        case .iri(let i): objectText = i.value
        case .blank(let b): objectText = "_:" + b.id
        case .literal(let l): objectText = "\"" + l.lexical
        case .tripleTerm(let t): objectText = "<<(\(t.subject) \(t.predicate) \(t.object))>>"  // never minted by extraction
        }
        var parts = [subject.value, predicate.value, objectText, date?.description ?? "", provenance.documentID, provenance.sentence, rule]
        if occurrence > 0 { parts.append(String(occurrence)) }
        return StableHash.fnv1a(parts)
    }
}

/// Numbers the mentions of one fact that would mint the same statement IRI (the same
/// sentence twice in a document), in the order the mentions are written.
struct StatementKeys {
    private var seen: [UInt64: Int] = [:]

    mutating func hash(_ m: Mention, subject: IRI, predicate: IRI, object: Term) -> UInt64 {
        let first = m.contentHash(subject: subject, predicate: predicate, object: object)
        let n = seen[first, default: 0]
        seen[first] = n + 1
        return n == 0 ? first : m.contentHash(subject: subject, predicate: predicate, object: object, occurrence: n)
    }
}
