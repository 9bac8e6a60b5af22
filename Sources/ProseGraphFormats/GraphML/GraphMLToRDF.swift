import ProseGraphModel

/// Turns prosegraph's own GraphML profile (what `GraphMLWriter` writes) back
/// into the RDF triples `KnowledgeGraph.rdfTriples` gives for the same
/// entities, facts and mentions — all of them except the documents' own
/// triples (`pg:Document`, title, path), which GraphML does not carry; edges
/// still name their document (`source` data: the `nif:referenceContext` of their sentence).
///
/// - A node with `iri` data is an entity: `rdf:type pg:<type>`, `rdfs:label`
///   and, with `wikidata`, `owl:sameAs wd:<Q>`. A node without a `label` is an
///   entity a fact names but the graph never added: it has no triples of its
///   own, as in `rdfTriples`. A node without `iri` is a literal node; its
///   `label` is the literal.
/// - An edge is one mention: the direct triple `source predicateIRI target`
///   and its `rdf:Statement` (`statement` data) with subject, predicate,
///   object, date (typed `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` by its
///   granularity), rule, confidence and `prov:wasDerivedFrom` its sentence:
///   `<source>#char=<start>,<end>`, a `nif:Sentence` with the edge's `source`
///   (`nif:referenceContext`), `evidence` (`nif:anchorOf`), `start` and `end`
///   (`nif:beginIndex`, `nif:endIndex`).
///
/// The result is sorted and free of duplicates (a sentence's triples come
/// once however many edges cite it).
public enum GraphMLToRDF {
    public static func triples(_ doc: GraphMLDocument, path: String = "<input>") throws -> [Triple] {
        for (name, domain) in [("iri", GraphMLDocument.Key.Domain.node), ("predicateIRI", .edge), ("statement", .edge)]
        where doc.key(named: name, for: domain) == nil {
            throw ParseError(path: path, line: 1, column: 1,
                             message: "the GraphML is not prosegraph's profile: it declares no \(domain.rawValue) key named '\(name)'")
        }
        // Collected with repeats, then sorted once without them (`sortedUnique`, cheaper than a set and a sort).
        var out: [Triple] = []
        out.reserveCapacity(doc.nodes.count * 3 + doc.edges.count * 13)
        var terms: [String: Term] = [:]
        for n in doc.nodes {
            func fail(_ message: String) -> ParseError {
                ParseError(path: path, line: n.line, column: n.column, message: "node '\(n.id)': \(message)")
            }
            let label = try string(n.data, "label", fail)
            guard let iriText = try string(n.data, "iri", fail) else {
                guard let label else { throw fail("a literal node (no iri) has no label") }
                terms[n.id] = .literal(Literal(label))
                continue
            }
            let iri = try Self.iri(iriText, "iri", fail)
            terms[n.id] = .iri(iri)
            guard let label else { continue }
            guard let type = try string(n.data, "type", fail) else { throw fail("no type") }
            out.append(Triple(iri, RDF.type, .iri(try Self.iri(PG.term(type).value, "type", fail))))
            out.append(Triple(iri, RDFS.label, .literal(Literal(label))))
            if let q = try string(n.data, "wikidata", fail) {
                out.append(Triple(iri, OWL.sameAs, .iri(try Self.iri(Wikidata.entity(q).value, "wikidata", fail))))
            }
        }
        for e in doc.edges {
            let name = e.id.map { "edge '\($0)'" } ?? "edge '\(e.source)' -> '\(e.target)'"
            func fail(_ message: String) -> ParseError {
                ParseError(path: path, line: e.line, column: e.column, message: "\(name): \(message)")
            }
            func need(_ key: String) throws -> String {
                guard let v = try string(e.data, key, fail) else { throw fail("no '\(key)' data") }
                return v
            }
            func offset(_ key: String) throws -> String {
                guard let v = e.data[key] else { throw fail("no '\(key)' data") }
                guard let n = v.integer, n >= 0 else { throw fail("'\(key)' is \(v), not a non-negative integer") }
                return String(n)
            }
            guard case .iri(let s)? = terms[e.source] else { throw fail("the source '\(e.source)' is not an entity node") }
            guard let o = terms[e.target] else { throw fail("the target '\(e.target)' is not a node") }
            let p = try Self.iri(try need("predicateIRI"), "predicateIRI", fail)
            out.append(Triple(s, p, o))
            let st = try Self.iri(try need("statement"), "statement", fail)
            out.append(Triple(st, RDF.type, .iri(RDF.statement)))
            out.append(Triple(st, RDF.subject, .iri(s)))
            out.append(Triple(st, RDF.predicate, .iri(p)))
            out.append(Triple(st, RDF.object, o))
            if let text = try string(e.data, "date", fail) {
                guard let date = FactDate(iso: text) else { throw fail("the date '\(text)' is not YYYY, YYYY-MM or YYYY-MM-DD") }
                out.append(Triple(st, PG.date, .literal(Literal(date.description, datatype: date.datatype))))
                out.append(Triple(st, PG.dateEarliest, .literal(Literal(date.earliestDay.description, datatype: XSD.date))))
                out.append(Triple(st, PG.dateLatest, .literal(Literal(date.latestDay.description, datatype: XSD.date))))
            }
            // The sentence: the document's IRI and the offsets name it, as `IRIMinter.sentence` does.
            let document = try Self.iri(try need("source"), "source", fail)
            let start = try offset("start"), end = try offset("end")
            let sentence = SentenceResource.iri(document: document, start: start, end: end)
            out.append(Triple(st, PROV.wasDerivedFrom, .iri(sentence)))
            out += SentenceResource.triples(sentence, document: document, text: try need("evidence"), start: start, end: end)
            out.append(Triple(st, PG.rule, .literal(Literal(try need("rule")))))
            guard let c = e.data["confidence"] else { throw fail("no 'confidence' data") }
            guard let confidence = c.number, confidence.isFinite else { throw fail("the confidence \(c) is not a number") }
            out.append(Triple(st, PG.confidence, .literal(Literal(confidenceLexical(confidence), datatype: XSD.decimal))))
        }
        return out.sortedUnique()
    }

    /// Data that names an IRI: absolute, with no character an IRI may not contain (as every RDF reader requires).
    private static func iri(_ text: String, _ key: String, _ fail: (String) -> ParseError) throws -> IRI {
        if let bad = NTriplesSyntax.firstNonIRIChar(text) {
            throw fail("'\(key)' data: the IRI <\(text)> contains \(NTriplesSyntax.describe(bad)), which no IRI may contain")
        }
        guard IRIResolver.isAbsolute(text) else { throw fail("'\(key)' data: <\(text)> is not an absolute IRI") }
        return IRI(text)
    }

    /// The string data `key`; nil when absent, an error when of another type.
    private static func string(_ data: [String: GraphMLValue], _ key: String, _ fail: (String) -> ParseError) throws -> String? {
        guard let v = data[key] else { return nil }
        guard let s = v.string else { throw fail("'\(key)' is \(v.type.rawValue) data, not a string") }
        return s
    }


    /// The writer's canonical xsd:decimal form (`Mention.confidenceLexical`).
    private static func confidenceLexical(_ c: Double) -> String {
        Mention(date: nil, provenance: Provenance(documentID: "", sentence: "", start: 0, end: 0), rule: "", confidence: c)
            .confidenceLexical
    }
}
