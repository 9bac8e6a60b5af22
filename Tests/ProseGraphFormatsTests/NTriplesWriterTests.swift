import Testing
import ProseGraphFormats
import ProseGraphModel

func ntriples(_ triples: [Triple]) throws -> String {
    let sink = MemorySink()
    var w = NTriplesWriter(sink: sink)
    for t in triples { try w.write(t) }
    try w.finish()
    return sink.string
}

@Suite struct NTriples {
    let s = IRI("https://ex.org/s")
    let p = IRI("https://ex.org/p")

    @Test func exactBytes() throws {
        let out = try ntriples([
            Triple(s, p, .iri(IRI("https://ex.org/o"))),
            Triple(s, p, .literal(Literal("plain"))),
            Triple(s, p, .literal(Literal("2015-02", datatype: XSD.gYearMonth))),
            Triple(s, p, .literal(Literal("Bonjour", language: "FR"))),
            Triple(.blank(BlankNode("b0")), p, .blank(BlankNode("b1"))),
        ])
        #expect(out == """
        <https://ex.org/s> <https://ex.org/p> <https://ex.org/o> .
        <https://ex.org/s> <https://ex.org/p> "plain" .
        <https://ex.org/s> <https://ex.org/p> "2015-02"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .
        <https://ex.org/s> <https://ex.org/p> "Bonjour"@fr .
        _:b0 <https://ex.org/p> _:b1 .

        """)
    }

    @Test func hostileLiteralsAreEscaped() throws {
        let out = try ntriples([Triple(s, p, .literal(Literal("say \"hi\"\\ <&> ]]>\nline\ttab\r\u{1}\u{7F} 𝄞 مرحبا")))])
        #expect(out == "<https://ex.org/s> <https://ex.org/p> \"say \\\"hi\\\"\\\\ <&> ]]>\\nline\\ttab\\r\\u0001\\u007F 𝄞 مرحبا\" .\n")
    }

    /// Canonical N-Triples escapes the noncharacters U+FFFE and U+FFFF; U+FFFD and U+10FFFF stay raw.
    @Test func nonCharactersAreEscaped() throws {
        let out = try ntriples([Triple(s, p, .literal(Literal("a\u{FFFE}b\u{FFFF}c\u{FFFD}d\u{10FFFF}")))])
        #expect(out == "<https://ex.org/s> <https://ex.org/p> \"a\\uFFFEb\\uFFFFc\u{FFFD}d\u{10FFFF}\" .\n")
    }

    @Test func unwritableIRIIsAnError() {
        #expect(throws: SerializationError(format: "N-Triples", message: "the IRI <https://ex.org/a b> contains a space, which no IRI may contain")) {
            _ = try ntriples([Triple(IRI("https://ex.org/a b"), p, .literal(Literal("x")))])
        }
        #expect(throws: SerializationError(format: "N-Triples", message: "the IRI <https://ex.org/a>b> contains '>' (U+003E), which no IRI may contain")) {
            _ = try ntriples([Triple(s, p, .iri(IRI("https://ex.org/a>b")))])
        }
        // Found by the writer audit: a relative IRI was written, and then refused by every reader.
        #expect(throws: SerializationError(format: "N-Triples", message: "the IRI <relative/x> is relative; only absolute IRIs (with a scheme) can be written")) {
            _ = try ntriples([Triple(s, p, .iri(IRI("relative/x")))])
        }
        #expect(throws: SerializationError(format: "N-Triples", message: "the literal \"x\" cannot be the subject of a triple")) {
            _ = try ntriples([Triple(.literal(Literal("x")), p, .iri(s))])
        }
    }

    @Test func largeOutputIsFlushedCompletely() throws {
        let many = (0..<5000).map { Triple(s, p, .literal(Literal("value \($0)"))) }
        let out = try ntriples(many)
        #expect(out.split(separator: "\n").count == 5000)
        #expect(out.hasSuffix("\"value 4999\" .\n"))
    }
}

@Suite struct Model {
    @Test func slugs() {
        #expect(Slug.make("Liège") == "liege")
        #expect(Slug.make("Chargé d'Affaires") == "charge-d-affaires")
        #expect(Slug.make("Belgium–Palestine relations") == "belgium-palestine-relations")
        #expect(Slug.make("Ærø Straße") == "aero-strasse")
        #expect(Slug.make("東京") == "%E6%9D%B1%E4%BA%AC")
        #expect(Slug.make("...") == "_")
        #expect(Slug.make("Seán O’Neill") == Slug.make("Seán O'Neill"))
        #expect(Slug.make("Seán O’Neill") == "sean-o-neill")
    }

    @Test func matchKeys() {
        #expect(Fold.matchKey("The Global Coalition to Defeat ISIS") == "global coalition to defeat isis")
        #expect(Fold.matchKey("M.R. Taymans") == "mr taymans")
        #expect(Fold.matchKey("Sébastien Lecornu") == "sebastien lecornu")
        #expect(Fold.matchKey("Abdel Fattah el-Sisi") == "abdel fattah el sisi")
    }

    @Test func dates() {
        #expect(FactDate(iso: "2015-02")?.description == "2015-02")
        #expect(FactDate(iso: "2015-02")?.datatype == XSD.gYearMonth)
        #expect(FactDate(iso: "1946-03-20")?.datatype == XSD.date)
        #expect(FactDate(iso: "2018")?.datatype == XSD.gYear)
        #expect(FactDate(iso: "2018-13") == nil)
        #expect(FactDate(iso: "18") == nil)
        // Interval bounds: the first and the last day a date can mean, leap years counted.
        for (iso, first, last) in [("2015", "2015-01-01", "2015-12-31"), ("2015-02", "2015-02-01", "2015-02-28"),
                                   ("2016-02", "2016-02-01", "2016-02-29"), ("2000-02", "2000-02-01", "2000-02-29"),
                                   ("1900-02", "1900-02-01", "1900-02-28"), ("2015-04", "2015-04-01", "2015-04-30"),
                                   ("2015-02-03", "2015-02-03", "2015-02-03")] {
            let d = FactDate(iso: iso)
            #expect(d?.earliestDay.description == first && d?.latestDay.description == last, "\(iso)")
            #expect(d?.earliestDay.datatype == XSD.date && d?.latestDay.datatype == XSD.date)
        }
    }

    @Test func graphIsDeterministicAndMentionsMerge() {
        let minter = IRIMinter(base: "https://ex.org/")
        func build(reversed: Bool) -> [Triple] {
            var g = KnowledgeGraph()
            let docs = [SourceDocument(id: "a", title: "A", path: "in/a.txt"), SourceDocument(id: "b", title: "B", path: "in/b.txt")]
            for d in reversed ? docs.reversed() : docs { g.add(document: d) }
            let be = g.add(entity: Entity(type: .country, label: "Belgium", wikidata: "Q31"))
            let p = g.add(entity: Entity(type: .person, label: "Mahmoud Abbas"))
            let m1 = Mention(date: FactDate(year: 2015, month: 2), provenance: Provenance(documentID: "a", sentence: "S1", start: 0, end: 2), rule: "r", confidence: 0.9)
            let m2 = Mention(date: FactDate(year: 2018, month: 1), provenance: Provenance(documentID: "a", sentence: "S2", start: 3, end: 5), rule: "r", confidence: 0.9)
            for m in reversed ? [m2, m1, m1] : [m1, m2] { g.add(fact: Fact(subject: p, predicate: "visited", object: .entity(be), mentions: [m])) }
            return g.rdfTriples(minter: minter)
        }
        let a = build(reversed: false), b = build(reversed: true)
        #expect(a == b)
        #expect(a.filter { $0.predicate == PG.term("visited") }.count == 1)
        #expect(a.filter { $0.object == .iri(RDF.statement) }.count == 2)
        #expect(a.contains(Triple(IRI("https://ex.org/country/belgium"), OWL.sameAs, .iri(IRI("http://www.wikidata.org/entity/Q31")))))
    }
}
