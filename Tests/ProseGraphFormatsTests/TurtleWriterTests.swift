import Testing
import ProseGraphFormats
import ProseGraphModel

func turtle(_ triples: [Triple], prefixes: PrefixMap = .standard) throws -> String {
    let sink = MemorySink()
    var w = try TurtleWriter(sink: sink, prefixes: prefixes)
    for t in triples { try w.write(t) }
    try w.finish()
    return sink.string
}

@Suite struct TurtleWriterTests {
    let s = RDFFixture.s, p = RDFFixture.p
    static let header = """
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix owl: <http://www.w3.org/2002/07/owl#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix pg: <https://prosegraph.org/ontology#> .
    @prefix wd: <http://www.wikidata.org/entity/> .
    @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
    @prefix prov: <http://www.w3.org/ns/prov#> .

    """

    @Test func exactBytes() throws {
        #expect(try turtle(RDFFixture.small) == Self.header + """

        <https://ex.org/id/person/abbas> a pg:Person ;
            rdfs:label "Mahmoud Abbas", "محمود عباس"@ar ;
            pg:holdsPosition "Chairman", "President" ;
            pg:visited <https://ex.org/id/country/belgium> .

        _:b0 rdf:subject <https://ex.org/id/person/abbas> ;
            pg:date "2015-02"^^xsd:gYearMonth .

        """)
    }

    @Test func emptyGraphIsOnlyThePrefixes() throws {
        #expect(try turtle([]) == Self.header)
        #expect(try turtle([], prefixes: PrefixMap([])) == "")
        #expect(try turtle([Triple(s, p, .literal(Literal("x")))], prefixes: PrefixMap([])) == "<https://ex.org/s> <https://ex.org/p> \"x\" .\n")
    }

    @Test func hostileLiteralsAreEscapedLikeNTriples() throws {
        let out = try turtle([
            Triple(s, p, .literal(Literal(RDFFixture.hostile))),
            Triple(s, p, .literal(Literal("bell\u{7} nul\u{0} del\u{7F}"))),
        ], prefixes: PrefixMap([]))
        #expect(out == """
        <https://ex.org/s> <https://ex.org/p> "say \\"hi\\"\\\\ <&> ]]> 'x'\\nline\\ttab\\r\\n 𝄞 مرحبا", "bell\\u0007 nul\\u0000 del\\u007F" .

        """)
    }

    @Test func prefixedNamesOnlyWhereTheLocalPartIsAPNLocal() throws {
        let prefixes = PrefixMap([("ex", "https://ex.org/"), ("id", "https://ex.org/id/"), ("", "urn:x:"), ("wd", Wikidata.entityNamespace)])
        let out = try turtle([
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/p"), .iri(IRI("https://ex.org/id/a/b"))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/p"), .iri(IRI("https://ex.org/id/a."))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/p"), .iri(IRI("https://ex.org/id/%E6%9D%B1x"))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/p"), .iri(IRI("https://ex.org/id/%ZZ"))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/p"), .iri(IRI("https://ex.org/id/1a.b:c-d"))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/p"), .iri(IRI("https://ex.org/id/"))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/q"), .iri(IRI("urn:x:y"))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/q"), .iri(Wikidata.entity("Q31"))),
            Triple(IRI("https://ex.org/id/person"), IRI("https://ex.org/q"), .iri(IRI("https://ex.org/idle"))),
        ], prefixes: prefixes)
        #expect(out == """
        @prefix ex: <https://ex.org/> .
        @prefix id: <https://ex.org/id/> .
        @prefix : <urn:x:> .
        @prefix wd: <http://www.wikidata.org/entity/> .

        id:person ex:p <https://ex.org/id/a/b>, <https://ex.org/id/a.>, id:%E6%9D%B1x, <https://ex.org/id/%ZZ>, id:1a.b:c-d, id: ;
            ex:q :y, wd:Q31, ex:idle .

        """)
    }

    @Test func unsortedInputIsStillTheSameGraph() throws {
        let out = try turtle([
            Triple(s, p, .literal(Literal("1"))),
            Triple(.blank(BlankNode("b1")), p, .blank(BlankNode("b2"))),
            Triple(s, p, .literal(Literal("2"))),
        ], prefixes: PrefixMap([]))
        #expect(out == """
        <https://ex.org/s> <https://ex.org/p> "1" .

        _:b1 <https://ex.org/p> _:b2 .

        <https://ex.org/s> <https://ex.org/p> "2" .

        """)
    }

    @Test func unwritableTermsAreErrorsNamingThem() {
        #expect(throws: SerializationError(format: "Turtle", message: "the IRI <https://ex.org/a b> contains a space, which no IRI may contain")) {
            _ = try turtle([Triple(IRI("https://ex.org/a b"), p, .literal(Literal("x")))])
        }
        #expect(throws: SerializationError(format: "Turtle", message: "the IRI <https://ex.org/a>b> contains '>' (U+003E), which no IRI may contain")) {
            _ = try turtle([Triple(s, p, .iri(IRI("https://ex.org/a>b")))])
        }
        #expect(throws: SerializationError(format: "Turtle", message: "the IRI <country/belgium> is relative; only absolute IRIs (with a scheme) can be written")) {
            _ = try turtle([Triple(s, p, .iri(IRI("country/belgium")))])
        }
        #expect(throws: SerializationError(format: "Turtle", message: "the language tag 'en us' of the literal \"Hi\\n\" is not well-formed")) {
            _ = try turtle([Triple(s, p, .literal(Literal("Hi\n", language: "en us")))])
        }
        #expect(throws: SerializationError(format: "Turtle", message: "the literal \"x\" cannot be the subject of a triple")) {
            _ = try turtle([Triple(.literal(Literal("x")), p, .literal(Literal("y")))])
        }
        #expect(throws: SerializationError(format: "Turtle", message: "the blank node label 'a b' is not a valid Turtle BLANK_NODE_LABEL")) {
            _ = try turtle([Triple(s, p, .blank(BlankNode("a b")))])
        }
        #expect(throws: SerializationError(format: "Turtle", message: "'1x' is not a valid Turtle prefix name")) {
            _ = try turtle([], prefixes: PrefixMap([("1x", "https://ex.org/")]))
        }
    }

    @Test func aFailedTripleWritesNothing() throws {
        let sink = MemorySink()
        var w = try TurtleWriter(sink: sink, prefixes: PrefixMap([]))
        try w.write(Triple(s, p, .literal(Literal("ok"))))
        #expect(throws: SerializationError.self) { try w.write(Triple(s, p, .iri(IRI("no scheme")))) }
        #expect(throws: SerializationError.self) { try w.write(Triple(IRI("https://ex.org/t"), p, .literal(Literal("x", language: "-")))) }
        try w.finish()
        #expect(sink.string == "<https://ex.org/s> <https://ex.org/p> \"ok\" .\n")
    }

    @Test func largeOutputIsFlushedCompletely() throws {
        let out = try turtle((0..<5000).map { Triple(s, p, .literal(Literal("value \($0)"))) }, prefixes: PrefixMap([]))
        let expected = "<https://ex.org/s> <https://ex.org/p> " + (0..<5000).map { "\"value \($0)\"" }.joined(separator: ", ") + " .\n"
        #expect(out == expected)
        #expect(out.hasSuffix(", \"value 4999\" .\n"))
    }

    @Test func languageTagsThatAreWellFormedPass() throws {
        let out = try turtle([Triple(s, p, .literal(Literal("Hi", language: "en-GB-oxendict"))), Triple(s, p, .literal(Literal("Hoi", language: "nl-1996")))],
                             prefixes: PrefixMap([]))
        #expect(out == "<https://ex.org/s> <https://ex.org/p> \"Hi\"@en-gb-oxendict, \"Hoi\"@nl-1996 .\n")
    }
}
