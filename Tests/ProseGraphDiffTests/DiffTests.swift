import Testing
@testable import ProseGraphDiff
import ProseGraphModel

/// A small graph like an export: Abbas visited Brussels (2015-02), Belgium has an embassy in Damascus.
func exportQuads(visitDate: FactDate = FactDate(year: 2015, month: 2), extraFact: Bool = false, withDamascus: Bool = true,
                 sentenceStart: Int = 10) -> [Quad] {
    var g = KnowledgeGraph()
    g.add(document: SourceDocument(id: "a", title: "A–B relations", path: "in/a.txt"))
    let abbas = g.add(entity: Entity(type: .person, label: "Mahmoud Abbas"))
    let brussels = g.add(entity: Entity(type: .city, label: "Brussels", wikidata: "Q239"))
    let belgium = g.add(entity: Entity(type: .country, label: "Belgium", wikidata: "Q31"))
    let prov = Provenance(documentID: "a", sentence: "Abbas visited Brussels.", start: sentenceStart, end: sentenceStart + 23)
    g.add(fact: Fact(subject: abbas, predicate: "visited", object: .entity(brussels),
                     mentions: [Mention(date: visitDate, provenance: prov, rule: "visit.verb", confidence: 0.9)]))
    if withDamascus {
        let damascus = g.add(entity: Entity(type: .city, label: "Damascus", wikidata: "Q3766"))
        g.add(fact: Fact(subject: belgium, predicate: "hasEmbassyIn", object: .entity(damascus),
                         mentions: [Mention(date: nil, provenance: prov, rule: "embassy.has", confidence: 0.9)]))
    }
    if extraFact {
        g.add(fact: Fact(subject: abbas, predicate: "visited", object: .entity(belgium),
                         mentions: [Mention(date: FactDate(year: 2018), provenance: prov, rule: "visit.verb", confidence: 0.9)]))
    }
    return g.rdfTriples().map { Quad($0) }
}

@Suite struct Diffs {
    @Test func identicalGraphsHaveNoDifferences() {
        let d = GraphDiff(old: exportQuads(), new: exportQuads().reversed())
        #expect(d.isEmpty)
        let r = DiffReport(d, old: exportQuads(), new: exportQuads())
        #expect(r.text(oldName: "old.nt", newName: "new.ttl", oldCount: 30, newCount: 30, color: false) ==
                "old.nt (30 triples) -> new.ttl (30 triples)\nno differences\n")
    }

    @Test func aChangedDateIsAQualifierChange() {
        let old = exportQuads(), new = exportQuads(visitDate: FactDate(year: 2015, month: 3))
        let r = DiffReport(GraphDiff(old: old, new: new), old: old, new: new)
        #expect(r.factsAdded.isEmpty && r.factsRemoved.isEmpty && r.entitiesAdded.isEmpty && r.otherAdded.isEmpty && r.otherRemoved.isEmpty)
        #expect(r.qualifiersChanged == [DiffReport.QualifierChange(
            fact: .init(subject: "Mahmoud Abbas", predicate: "visited", object: "Brussels"),
            property: "date", removed: ["2015-02"], added: ["2015-03"])])
    }

    @Test func aBoundThatNoLongerFollowsTheDateIsListed() {
        // The date's bounds are folded into a date change; a bound changed on its own is shown.
        let old = exportQuads()
        let new = old.map { q in
            q.predicate == PG.dateLatest ? Quad(q.subject, q.predicate, .literal(Literal("2015-03-31", datatype: XSD.date))) : q
        }
        let r = DiffReport(GraphDiff(old: old, new: new), old: old, new: new)
        #expect(r.qualifiersChanged == [DiffReport.QualifierChange(
            fact: .init(subject: "Mahmoud Abbas", predicate: "visited", object: "Brussels"),
            property: "dateLatest", removed: ["2015-02-28"], added: ["2015-03-31"])])
    }

    /// The visited fact's statement, copied under a second IRI (a second mention of the fact).
    static func withSecondStatement(_ quads: [Quad]) -> [Quad] {
        let node = quads.first { $0.predicate == RDF.predicate && $0.object == .iri(PG.term("visited")) }!.subject
        let copy = Term.iri(IRI("https://prosegraph.org/id/statement/second"))
        return quads + quads.filter { $0.subject == node }.map { Quad(copy, $0.predicate, $0.object) }
    }

    /// `quads` with the visited statement's `property` literal replaced.
    static func replacing(_ property: String, of quads: [Quad], with value: Literal) -> [Quad] {
        let node = quads.first { $0.predicate == RDF.predicate && $0.object == .iri(PG.term("visited")) }!.subject
        return quads.map { q in q.subject == node && q.predicate == PG.term(property) ? Quad(q.subject, q.predicate, .literal(value)) : q }
    }

    /// SPARQL 1.1 Update: DELETE DATA then INSERT DATA, the default graph's quads in --graph's GRAPH,
    /// a named graph's in its own; nothing when nothing changed; no blank node to delete.
    @Test func sparqlUpdate() throws {
        let a = Term.iri(IRI("http://ex.org/a")), p = IRI("http://ex.org/p"), g = Term.iri(IRI("http://ex.org/g"))
        let old = [Quad(a, p, .literal(Literal("1"))), Quad(a, p, .literal(Literal("x")), graph: g)]
        let new = [Quad(a, p, .literal(Literal("2"))), Quad(a, p, .literal(Literal("x")), graph: g)]
        #expect(try GraphDiff(old: old, new: new).sparqlUpdate() == """
            DELETE DATA {
              <http://ex.org/a> <http://ex.org/p> "1" .
            } ;
            INSERT DATA {
              <http://ex.org/a> <http://ex.org/p> "2" .
            }

            """)
        #expect(try GraphDiff(old: new, new: [Quad(a, p, .literal(Literal("y\n")), graph: g)]).sparqlUpdate(graph: IRI("http://ex.org/d")) == """
            DELETE DATA {
              GRAPH <http://ex.org/d> {
                <http://ex.org/a> <http://ex.org/p> "2" .
              }
              GRAPH <http://ex.org/g> {
                <http://ex.org/a> <http://ex.org/p> "x" .
              }
            } ;
            INSERT DATA {
              GRAPH <http://ex.org/g> {
                <http://ex.org/a> <http://ex.org/p> "y\\n" .
              }
            }

            """)
        #expect(try GraphDiff(old: old, new: old).sparqlUpdate() == "")
        #expect(throws: GraphDiff.SPARQLUpdateError(description: "DELETE DATA cannot name a blank node, and a removed quad has one: _:b <http://ex.org/p> \"1\" .")) {
            _ = try GraphDiff(old: [Quad(.blank(BlankNode("b")), p, .literal(Literal("1")))], new: []).sparqlUpdate()
        }
    }

    /// A lexical-only change on one statement shows its old value, although the fact's other statement still has it.
    @Test func aLexicalChangeOnOneStatementShowsTheOldValue() {
        let old = Self.withSecondStatement(exportQuads())
        let new = Self.replacing("confidence", of: old, with: Literal("0.90", datatype: XSD.decimal))
        let r = DiffReport(GraphDiff(old: old, new: new), old: old, new: new)
        #expect(r.qualifiersChanged == [DiffReport.QualifierChange(
            fact: .init(subject: "Mahmoud Abbas", predicate: "visited", object: "Brussels"),
            property: "confidence", removed: ["0.9"], added: ["0.90"])])
        #expect(r.factsAdded.isEmpty && r.factsRemoved.isEmpty && r.otherAdded.isEmpty && r.otherRemoved.isEmpty)
    }

    /// A datatype-only change is listed, with the datatypes (it was counted and listed nowhere).
    @Test func aDatatypeChangeIsListed() {
        let old = exportQuads()
        let new = Self.replacing("confidence", of: old, with: Literal("0.9", datatype: XSD.double))
        let r = DiffReport(GraphDiff(old: old, new: new), old: old, new: new)
        let text = r.text(oldName: "old.nt", newName: "new.nt", oldCount: old.count, newCount: new.count, color: false)
        #expect(text == """
        old.nt (\(old.count) triples) -> new.nt (\(new.count) triples)

        Qualifiers changed (1)
          ~ Mahmoud Abbas visited Brussels: confidence "0.9"^^xsd:decimal -> "0.9"^^xsd:double

        1 triples added, 1 removed, \(old.count - 1) unchanged

        """)
    }

    /// A sentence that moved (an edit earlier in its article) is a new sentence resource: the
    /// statements derived from it show the move; the sentences' own triples are not listed again.
    @Test func aMovedSentenceIsAQualifierChangeOfItsStatements() {
        let old = exportQuads(), new = exportQuads(sentenceStart: 20)
        let r = DiffReport(GraphDiff(old: old, new: new), old: old, new: new)
        let text = r.text(oldName: "old.nt", newName: "new.nt", oldCount: old.count, newCount: new.count, color: false)
        #expect(text == """
        old.nt (\(old.count) triples) -> new.nt (\(new.count) triples)

        Qualifiers changed (2)
          ~ Belgium hasEmbassyIn Damascus: wasDerivedFrom https://prosegraph.org/id/document/a#char=10,33 -> https://prosegraph.org/id/document/a#char=20,43
          ~ Mahmoud Abbas visited Brussels: wasDerivedFrom https://prosegraph.org/id/document/a#char=10,33 -> https://prosegraph.org/id/document/a#char=20,43

        7 triples added, 7 removed, \(old.count - 7) unchanged

        """)
    }

    @Test func anAddedFactAndARemovedEntityAreReportedExactly() {
        let old = exportQuads(), new = exportQuads(extraFact: true, withDamascus: false)
        let r = DiffReport(GraphDiff(old: old, new: new), old: old, new: new)
        #expect(r.factsAdded == [.init(subject: "Mahmoud Abbas", predicate: "visited", object: "Belgium")])
        #expect(r.factsRemoved == [.init(subject: "Belgium", predicate: "hasEmbassyIn", object: "Damascus")])
        #expect(r.entitiesRemoved == [.init(iri: "https://prosegraph.org/id/city/damascus", label: "Damascus", type: "City")])
        #expect(r.entitiesAdded.isEmpty && r.qualifiersChanged.isEmpty && r.otherAdded.isEmpty && r.otherRemoved.isEmpty)
        let text = r.text(oldName: "old.nt", newName: "new.nt", oldCount: old.count, newCount: new.count, color: false)
        #expect(text == """
        old.nt (\(old.count) triples) -> new.nt (\(new.count) triples)

        Entities removed (1)
          - City Damascus

        Facts added (1)
          + Mahmoud Abbas visited Belgium

        Facts removed (1)
          - Belgium hasEmbassyIn Damascus

        \(r.diff.added.count) triples added, \(r.diff.removed.count) removed, \(r.diff.unchanged) unchanged

        """)
    }

    @Test func patchLinesAreDeletionsThenAdditions() {
        let old = exportQuads(), new = exportQuads(visitDate: FactDate(year: 2015, month: 3))
        let patch = GraphDiff(old: old, new: new).patch()
        let lines = patch.split(separator: "\n")
        #expect(lines.first == "TX ." && lines.last == "TC .")
        #expect(lines.filter { $0.hasPrefix("D ") }.count == GraphDiff(old: old, new: new).removed.count)
        #expect(lines.contains { $0.hasPrefix("A ") && $0.contains("\"2015-03\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>") })
    }

    /// H id and H prev name the graph states (the SHA-256 of their canonical N-Quads), before TX.
    @Test func patchHeadersNameTheStates() {
        let a = Term.iri(IRI("http://ex.org/a")), p = IRI("http://ex.org/p")
        let old = [Quad(a, p, .literal(Literal("1")))], new = [Quad(a, p, .literal(Literal("2")))]
        #expect(GraphState.id(old) == "urn:prosegraph:graph:sha256:" + HashAlgorithm.sha256.hexDigest(Array("<http://ex.org/a> <http://ex.org/p> \"1\" .\n".utf8)))
        #expect(GraphState.id(old.reversed() + old) == GraphState.id(old))
        #expect(GraphDiff(old: old, new: new).patch(id: GraphState.id(new), prev: GraphState.id(old)) == """
            H id <\(GraphState.id(new))> .
            H prev <\(GraphState.id(old))> .
            TX .
            D <http://ex.org/a> <http://ex.org/p> "1" .
            A <http://ex.org/a> <http://ex.org/p> "2" .
            TC .

            """)
    }

    @Test func jsonReportHasStableKeys() {
        let old = exportQuads(), new = exportQuads(visitDate: FactDate(year: 2015, month: 3))
        let json = DiffReport(GraphDiff(old: old, new: new), old: old, new: new).json()
        #expect(json.hasPrefix("{\n  \"same\": false,\n  \"totals\": {\"added\": "))
        #expect(json.contains("\"qualifiersChanged\": [\n    {\"fact\": {\"subject\": \"Mahmoud Abbas\", \"predicate\": \"visited\", \"object\": \"Brussels\"}, \"property\": \"date\", \"removed\": [\"2015-02\"], \"added\": [\"2015-03\"]}\n  ]"))
    }
}
