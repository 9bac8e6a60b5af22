import Testing
import ProseGraphFormats
import ProseGraphModel

func rdfxml(_ triples: [Triple], prefixes: PrefixMap = .standard) throws -> String {
    let sink = MemorySink()
    var w = try RDFXMLWriter(sink: sink, prefixes: prefixes)
    for t in triples { try w.write(t) }
    try w.finish()
    return sink.string
}

final class FailingSink: ByteSink {
    struct Full: Error, Equatable {}
    func write(_ chunk: UnsafeRawBufferPointer) throws { throw Full() }
}

@Suite struct RDFXMLWriterTests {
    let s = RDFFixture.s, p = RDFFixture.p
    static let root = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" \
    xmlns:owl="http://www.w3.org/2002/07/owl#" xmlns:xsd="http://www.w3.org/2001/XMLSchema#" \
    xmlns:pg="https://prosegraph.org/ontology#" xmlns:wd="http://www.wikidata.org/entity/" \
    xmlns:nif="http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" xmlns:prov="http://www.w3.org/ns/prov#">
    """

    @Test func exactBytes() throws {
        #expect(try rdfxml(RDFFixture.small) == Self.root + """

          <rdf:Description rdf:about="https://ex.org/id/person/abbas">
            <rdf:type rdf:resource="https://prosegraph.org/ontology#Person"/>
            <rdfs:label>Mahmoud Abbas</rdfs:label>
            <rdfs:label xml:lang="ar">محمود عباس</rdfs:label>
            <pg:holdsPosition>Chairman</pg:holdsPosition>
            <pg:holdsPosition>President</pg:holdsPosition>
            <pg:visited rdf:resource="https://ex.org/id/country/belgium"/>
          </rdf:Description>
          <rdf:Description rdf:nodeID="b0">
            <rdf:subject rdf:resource="https://ex.org/id/person/abbas"/>
            <pg:date rdf:datatype="http://www.w3.org/2001/XMLSchema#gYearMonth">2015-02</pg:date>
          </rdf:Description>
        </rdf:RDF>

        """)
    }

    @Test func emptyGraph() throws {
        #expect(try rdfxml([]) == String(Self.root.dropLast()) + "/>\n")
    }

    @Test func hostileLiteralsAreEscaped() throws {
        let out = try rdfxml([
            Triple(IRI("https://ex.org/s?a=1&b=2"), PG.term("evidence"), .literal(Literal(RDFFixture.hostile))),
            Triple(IRI("https://ex.org/s?a=1&b=2"), PG.term("evidence"), .literal(Literal(""))),
        ])
        // A carriage return would be read back as a line feed: libxml2 writes it as &#13;.
        #expect(out == Self.root + """

          <rdf:Description rdf:about="https://ex.org/s?a=1&amp;b=2">
            <pg:evidence>say &quot;hi&quot;\\ &lt;&amp;&gt; ]]&gt; 'x'
        line\ttab&#13;
         𝄞 مرحبا</pg:evidence>
            <pg:evidence></pg:evidence>
          </rdf:Description>
        </rdf:RDF>

        """)
    }

    @Test func undeclaredNamespacesAreDeclaredOnThePropertyElement() throws {
        let out = try rdfxml([
            Triple(s, IRI("https://ex.org/vocab#knows"), .iri(IRI("https://ex.org/o"))),
            Triple(s, IRI("https://ex.org/p/2019/a.b-c"), .literal(Literal("1", datatype: XSD.integer))),
            Triple(s, PG.term("x/y"), .literal(Literal("split inside the pg namespace"))),
        ], prefixes: PrefixMap([("ns1", "urn:taken:")]))
        #expect(out == """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ns1="urn:taken:">
          <rdf:Description rdf:about="https://ex.org/s">
            <ns2:knows xmlns:ns2="https://ex.org/vocab#" rdf:resource="https://ex.org/o"/>
            <ns2:a.b-c xmlns:ns2="https://ex.org/p/2019/" rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">1</ns2:a.b-c>
            <ns2:y xmlns:ns2="https://prosegraph.org/ontology#x/">split inside the pg namespace</ns2:y>
          </rdf:Description>
        </rdf:RDF>

        """)
    }

    @Test func theEmptyPrefixIsTheDefaultNamespace() throws {
        let out = try rdfxml([Triple(s, PG.term("visited"), .iri(IRI("https://ex.org/o")))], prefixes: PrefixMap([("", PG.namespace)]))
        #expect(out == """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="https://prosegraph.org/ontology#">
          <rdf:Description rdf:about="https://ex.org/s">
            <visited rdf:resource="https://ex.org/o"/>
          </rdf:Description>
        </rdf:RDF>

        """)
    }

    @Test func unwritableTermsAreErrorsNamingThem() {
        #expect(throws: SerializationError(format: "RDF/XML", message: "the literal \"bell\\u0007 \\\"x\\\"\" contains U+0007, which XML 1.0 cannot represent")) {
            _ = try rdfxml([Triple(s, p, .literal(Literal("bell\u{7} \"x\"")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the literal \"\u{FFFE}\" contains U+FFFE, which XML 1.0 cannot represent")) {
            _ = try rdfxml([Triple(s, p, .literal(Literal("\u{FFFE}")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the predicate <https://ex.org/p/> cannot be written as an RDF/XML property element (it does not end in an XML name)")) {
            _ = try rdfxml([Triple(s, IRI("https://ex.org/p/"), .literal(Literal("x")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the predicate <https://ex.org/2019> cannot be written as an RDF/XML property element (it does not end in an XML name)")) {
            _ = try rdfxml([Triple(s, IRI("https://ex.org/2019"), .literal(Literal("x")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the predicate <http://www.w3.org/1999/02/22-rdf-syntax-ns#li> cannot be written as an RDF/XML property element (RDF/XML reserves that name)")) {
            _ = try rdfxml([Triple(s, IRI(RDF.namespace + "li"), .literal(Literal("x")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the IRI <https://ex.org/a b> contains a space, which no IRI may contain")) {
            _ = try rdfxml([Triple(s, p, .iri(IRI("https://ex.org/a b")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the IRI <#me> is relative; only absolute IRIs (with a scheme) can be written")) {
            _ = try rdfxml([Triple(IRI("#me"), p, .literal(Literal("x")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the blank node _:0b cannot be written: its label is not an XML NCName (rdf:nodeID)")) {
            _ = try rdfxml([Triple(s, p, .blank(BlankNode("0b")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the language tag 'en_gb' of the literal \"Hi\" is not well-formed")) {
            _ = try rdfxml([Triple(s, p, .literal(Literal("Hi", language: "en_GB")))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "'xmlfoo' cannot be declared as an XML namespace prefix")) {
            _ = try rdfxml([], prefixes: PrefixMap([("xmlfoo", "https://ex.org/")]))
        }
    }

    @Test func rdf12TermsAreWrittenInRDFXML12WhereTheyOccur() throws {
        let inner = Triple(.blank(BlankNode("b1")), IRI("https://ex.org/q"), .literal(Literal("مرحبا", language: "ar", direction: "rtl")))
        let out = try rdfxml([
            Triple(s, p, .literal(Literal("chat", language: "en-GB", direction: "ltr"))),
            Triple(s, p, .tripleTerm(Triple(s, IRI("https://ex.org/q"), .tripleTerm(inner)))),
            Triple(s, p, .literal(Literal("plain", language: "en"))),
        ])
        #expect(out == Self.root + """

          <rdf:Description rdf:about="https://ex.org/s">
            <ns1:p xmlns:ns1="https://ex.org/" rdf:version="1.2" xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0" xml:lang="en-gb" its:dir="ltr">chat</ns1:p>
            <ns1:p xmlns:ns1="https://ex.org/" rdf:version="1.2" rdf:parseType="Triple">
              <rdf:Description rdf:about="https://ex.org/s">
                <ns1:q xmlns:ns1="https://ex.org/" rdf:parseType="Triple">
                  <rdf:Description rdf:nodeID="b1">
                    <ns1:q xmlns:ns1="https://ex.org/" xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0" xml:lang="ar" its:dir="rtl">مرحبا</ns1:q>
                  </rdf:Description>
                </ns1:q>
              </rdf:Description>
            </ns1:p>
            <ns1:p xmlns:ns1="https://ex.org/" xml:lang="en">plain</ns1:p>
          </rdf:Description>
        </rdf:RDF>

        """)
        // Our reader gives back exactly these triples (blank nodes up to renaming: b1 stays b1 here).
        let back = try RDFXMLReader().quads(Array(out.utf8)).map(\.triple)
        #expect(back.count == 3)
        #expect(back[0].object == .literal(Literal("chat", language: "en-gb", direction: "ltr")))
        #expect(back[1].object == .tripleTerm(Triple(s, IRI("https://ex.org/q"), .tripleTerm(inner))))
    }

    @Test func aTripleTermThatCannotBeWrittenWritesNothing() throws {
        #expect(throws: SerializationError(format: "RDF/XML", message: "the literal \"\\u0001\" contains U+0001, which XML 1.0 cannot represent")) {
            _ = try rdfxml([Triple(s, p, .tripleTerm(Triple(s, p, .literal(Literal("\u{1}")))))])
        }
        #expect(throws: SerializationError(format: "RDF/XML", message: "the predicate <https://ex.org/p/> cannot be written as an RDF/XML property element (it does not end in an XML name)")) {
            _ = try rdfxml([Triple(s, p, .tripleTerm(Triple(s, IRI("https://ex.org/p/"), .iri(s))))])
        }
        // Found by the writer audit: libxml2 reads a namespace name written with &amp; as "&#38;".
        #expect(throws: SerializationError(format: "RDF/XML", message: "the predicate <https://ex.org/a?x=1&y=2#frag> cannot be written as an RDF/XML property element (its namespace part <https://ex.org/a?x=1&y=2#> has an '&', which XML readers built on libxml2 read back as '&#38;')")) {
            _ = try rdfxml([Triple(s, IRI("https://ex.org/a?x=1&y=2#frag"), .iri(s))])
        }
    }

    @Test func aSinkFailureReachesTheCallerUnchanged() throws {
        var w = try RDFXMLWriter(sink: FailingSink())
        for t in RDFFixture.small { try w.write(t) }
        #expect(throws: FailingSink.Full()) { try w.finish() }
        // A failure while libxml2 is writing (past the 64 KiB buffer) too.
        var big = try RDFXMLWriter(sink: FailingSink())
        #expect(throws: FailingSink.Full()) {
            for i in 0..<5000 { try big.write(Triple(RDFFixture.s, RDFFixture.p, .literal(Literal("value \(i)")))) }
        }
    }

    @Test func largeOutputIsFlushedCompletely() throws {
        let out = try rdfxml((0..<5000).map { Triple(RDFFixture.s, PG.term("evidence"), .literal(Literal("value \($0)"))) })
        #expect(out.split(separator: "\n").count == 5000 + 5)
        #expect(out.hasSuffix("<pg:evidence>value 4999</pg:evidence>\n  </rdf:Description>\n</rdf:RDF>\n"))
    }

    @Test func aFailedTripleWritesNothing() throws {
        let sink = MemorySink()
        var w = try RDFXMLWriter(sink: sink, prefixes: PrefixMap([]))
        try w.write(Triple(RDFFixture.s, RDFFixture.p, .literal(Literal("ok"))))
        #expect(throws: SerializationError.self) { try w.write(Triple(IRI("https://ex.org/t"), RDFFixture.p, .literal(Literal("\u{1}")))) }
        try w.finish()
        #expect(sink.string == """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="https://ex.org/s">
            <ns1:p xmlns:ns1="https://ex.org/">ok</ns1:p>
          </rdf:Description>
        </rdf:RDF>

        """)
    }
}
