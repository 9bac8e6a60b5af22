import Testing
import ProseGraphFormats
import ProseGraphModel

private func rdfxml(_ body: String, base: String? = "http://ex.org/doc", attributes: String = "") throws -> [Triple] {
    let xml = """
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/"\(attributes)>
    \(body)
    </rdf:RDF>
    """
    return try RDFXMLReader(options: ReaderOptions(path: "t.rdf", base: base)).quads(Array(xml.utf8)).map(\.triple)
}

/// The message of the error reading `xml` throws, as `path:line:column: message`.
private func failure(_ xml: String, base: String? = "http://ex.org/doc") -> String? {
    do {
        _ = try RDFXMLReader(options: ReaderOptions(path: "t.rdf", base: base)).quads(Array(xml.utf8))
        return nil
    } catch {
        return "\(error)"
    }
}

private let head = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">\n"
private let ex = "http://ex.org/"
private func iri(_ s: String) -> Term { .iri(IRI(s)) }
private func lit(_ s: String) -> Term { .literal(Literal(s)) }

@Suite struct RDFXMLReaderTests {
    // MARK: The exporter's own output

    @Test func outputGraphReadsAsTheSameTriplesAsTheNTriples() throws {
        let rdf = try #require(repositoryFile("Output/graph.rdf"))
        let nt = try #require(repositoryFile("Output/graph.nt"))
        let fromXML = try RDFXMLReader(options: ReaderOptions(path: "Output/graph.rdf")).quads(rdf)
        let fromNT = try NTriplesReader(options: ReaderOptions(path: "Output/graph.nt")).quads(nt)
        #expect(fromXML.count == fromNT.count)
        #expect(Set(fromXML) == Set(fromNT))
        #expect(fromXML.count > 4000)
    }

    // MARK: Grammar

    @Test func nodeAndPropertyElementsAttributesAndTypes() throws {
        let got = try rdfxml("""
          <ex:Person rdf:about="a" ex:name="Ann" xml:lang="en">
            <ex:knows rdf:resource="#b"/>
            <ex:age rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">42</ex:age>
            <ex:note xml:lang="">plain</ex:note>
            <ex:friend><rdf:Description rdf:about="c" rdf:type="http://ex.org/T"/></ex:friend>
            <ex:empty/>
          </ex:Person>
        """)
        let a = iri("http://ex.org/a")
        #expect(Set(got) == [
            Triple(a, RDF.type, iri(ex + "Person")),
            Triple(a, IRI(ex + "name"), .literal(Literal("Ann", language: "en"))),
            Triple(a, IRI(ex + "knows"), iri("http://ex.org/doc#b")),
            Triple(a, IRI(ex + "age"), .literal(Literal("42", datatype: XSD.integer))),
            Triple(a, IRI(ex + "note"), lit("plain")),
            Triple(a, IRI(ex + "friend"), iri("http://ex.org/c")),
            Triple(iri("http://ex.org/c"), RDF.type, iri(ex + "T")),
            Triple(a, IRI(ex + "empty"), .literal(Literal("", language: "en"))),
        ])
    }

    @Test func containersCollectionsAndBlankNodes() throws {
        let got = try rdfxml("""
          <rdf:Seq rdf:nodeID="s"><rdf:li>one</rdf:li><rdf:li rdf:resource="http://ex.org/two"/></rdf:Seq>
          <rdf:Description rdf:about="http://ex.org/l">
            <ex:list rdf:parseType="Collection"><rdf:Description rdf:about="http://ex.org/x"/></ex:list>
            <ex:none rdf:parseType="Collection"/>
            <ex:r rdf:parseType="Resource"><ex:q>v</ex:q></ex:r>
          </rdf:Description>
        """)
        let s = Term.blank(BlankNode("s"))
        #expect(got.contains(Triple(s, RDF.type, iri(RDF.namespace + "Seq"))))
        #expect(got.contains(Triple(s, IRI(RDF.namespace + "_1"), lit("one"))))
        #expect(got.contains(Triple(s, IRI(RDF.namespace + "_2"), iri(ex + "two"))))
        #expect(got.contains(Triple(iri(ex + "l"), IRI(ex + "none"), iri(RDF.namespace + "nil"))))
        let head = try #require(got.first { $0.predicate == IRI(ex + "list") }?.object)
        #expect(got.contains(Triple(head, IRI(RDF.namespace + "first"), iri(ex + "x"))))
        #expect(got.contains(Triple(head, IRI(RDF.namespace + "rest"), iri(RDF.namespace + "nil"))))
        let r = try #require(got.first { $0.predicate == IRI(ex + "r") }?.object)
        #expect(got.contains(Triple(r, IRI(ex + "q"), lit("v"))))
        // Fresh blank nodes cannot collide with rdf:nodeID labels (NCNames never start with a digit).
        guard case .blank(let b) = r else { Issue.record("not a blank node"); return }
        #expect(b.id.first?.isNumber == true)
    }

    @Test func reificationWithRDFIDAndBase() throws {
        let got = try rdfxml("""
          <rdf:Description rdf:about="http://ex.org/s" xml:base="http://other.org/dir/page#frag">
            <ex:p rdf:ID="r1">o</ex:p>
          </rdf:Description>
        """)
        let r = iri("http://other.org/dir/page#r1")
        #expect(Set(got) == [
            Triple(iri(ex + "s"), IRI(ex + "p"), lit("o")),
            Triple(r, RDF.type, iri(RDF.statement.value)),
            Triple(r, RDF.subject, iri(ex + "s")),
            Triple(r, RDF.predicate, iri(ex + "p")),
            Triple(r, RDF.object, lit("o")),
        ])
    }

    // MARK: rdf:parseType="Literal"

    @Test func xmlLiteralsAreExclusiveCanonicalXML() throws {
        let got = try rdfxml("""
          <rdf:Description rdf:about="http://ex.org/s" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:u="urn:unused">
            <ex:p rdf:parseType="Literal"><h:p z="1" h:a="&lt;&quot;&#9;" a='x'>a &amp; b &gt; c<br/><!--note--><?pi x?></h:p><plain xmlns="urn:d"><in/></plain></ex:p>
          </rdf:Description>
        """)
        let literal = try #require(got.first?.object.literal)
        #expect(literal.datatype == IRI(RDF.namespace + "XMLLiteral"))
        #expect(literal.lexical == """
        <h:p xmlns:h="http://www.w3.org/1999/xhtml" a="x" z="1" h:a="&lt;&quot;&#x9;">a &amp; b &gt; c<br></br><!--note--><?pi x?></h:p>\
        <plain xmlns="urn:d"><in></in></plain>
        """)
    }

    // MARK: RDF 1.2

    @Test func tripleTermsAnnotationsAndDirections() throws {
        let got = try rdfxml("""
          <rdf:Description rdf:about="http://ex.org/s" xmlns:its="http://www.w3.org/2005/11/its" its:dir="rtl" xml:lang="ar">
            <ex:says rdf:parseType="Triple"><rdf:Description rdf:about="http://ex.org/a" ex:p="x" xml:lang=""/></ex:says>
            <ex:name rdf:annotationNodeID="r">سلام</ex:name>
          </rdf:Description>
        """, attributes: " rdf:version=\"1.2\"")
        let name = Triple(iri(ex + "s"), IRI(ex + "name"), .literal(Literal("سلام", language: "ar", direction: "rtl")))
        #expect(Set(got) == [
            Triple(iri(ex + "s"), IRI(ex + "says"), .tripleTerm(Triple(iri(ex + "a"), IRI(ex + "p"), lit("x")))),
            name,
            Triple(.blank(BlankNode("r")), RDF.reifies, .tripleTerm(name)),
        ])
    }

    @Test func tripleTermsAndDirectionsNeedRDF12InScope() throws {
        let got = try rdfxml("""
          <rdf:Description rdf:about="http://ex.org/s" xmlns:its="http://www.w3.org/2005/11/its" its:dir="ltr" xml:lang="en">
            <ex:says rdf:parseType="Triple"><rdf:Description rdf:about="http://ex.org/a" ex:p="x"/></ex:says>
            <ex:name>hi</ex:name>
          </rdf:Description>
        """)
        #expect(got == [Triple(iri(ex + "s"), IRI(ex + "name"), .literal(Literal("hi", language: "en")))])
    }

    // MARK: Errors, located

    @Test(arguments: [
        // rdf: names the grammar forbids.
        (head + "  <rdf:Description rdf:about=\"x\" rdf:li=\"1\"/>\n</rdf:RDF>",
         "t.rdf:2:34: rdf:li is not allowed as an attribute"),
        (head + "  <rdf:Description>\n    <rdf:Description/>\n  </rdf:Description>\n</rdf:RDF>",
         "t.rdf:3:5: rdf:Description cannot be used as a property element"),
        (head + "  <rdf:li/>\n</rdf:RDF>",
         "t.rdf:2:3: rdf:li cannot be used as a node element"),
        (head + "  <ex:N rdf:bagID=\"b\"/>\n</rdf:RDF>",
         "t.rdf:2:9: rdf:bagID is not allowed as an attribute"),
        // rdf:ID and rdf:nodeID values.
        (head + "  <ex:N rdf:ID=\"1x\"/>\n</rdf:RDF>",
         "t.rdf:2:9: rdf:ID \"1x\" is not an XML NCName"),
        (head + "  <ex:N rdf:ID=\"a\"/>\n  <ex:N\n     rdf:ID=\"a\"/>\n</rdf:RDF>",
         "t.rdf:4:6: rdf:ID \"a\" is used twice with the same base (first at 2:9)"),
        (head + "  <ex:N rdf:nodeID=\"a b\"/>\n</rdf:RDF>",
         "t.rdf:2:9: rdf:nodeID \"a b\" is not an XML NCName"),
        // Productions.
        (head + "  <ex:N rdf:about=\"x\" rdf:nodeID=\"n\"/>\n</rdf:RDF>",
         "t.rdf:2:23: a node element can have only one of rdf:ID, rdf:about and rdf:nodeID"),
        (head + "  <ex:N>\n    <ex:p>text <ex:M/></ex:p>\n  </ex:N>\n</rdf:RDF>",
         "t.rdf:3:16: a property element cannot contain both text and a node element"),
        (head + "  <ex:N>\n    <ex:p><ex:M/><ex:M/></ex:p>\n  </ex:N>\n</rdf:RDF>",
         "t.rdf:3:18: a property element can contain only one node element"),
        (head + "  <ex:N>\n    <ex:p rdf:resource=\"a\" rdf:nodeID=\"b\"/>\n  </ex:N>\n</rdf:RDF>",
         "t.rdf:3:28: rdf:resource and rdf:nodeID cannot be used together"),
        (head + "  <ex:N>\n    <ex:p rdf:parseType=\"Literal\" ex:q=\"1\">x</ex:p>\n  </ex:N>\n</rdf:RDF>",
         "t.rdf:3:35: ex:q cannot be used with rdf:parseType"),
        (head + "  stray text\n</rdf:RDF>",
         "t.rdf:1:92: text is not allowed here; expected node elements"),
        (head + "  <ex:N about=\"x\" other=\"y\"/>\n</rdf:RDF>",
         "t.rdf:2:19: the attribute other has no namespace; RDF/XML attributes must be namespace-qualified"),
        (head + "  <N/>\n</rdf:RDF>",
         "t.rdf:2:3: the element N has no namespace; RDF/XML element names must be namespace-qualified"),
        // IRIs and XML.
        (head + "  <ex:N rdf:about=\"a b\"/>\n</rdf:RDF>",
         "t.rdf:2:9: the IRI <http://ex.org/a b> contains a space, which no IRI may contain"),
        (head + "  <ex:N>\n    <ex:p>x</ex:q>\n  </ex:N>\n</rdf:RDF>",
         "t.rdf:3:19: Opening and ending tag mismatch: p line 3 and q"),
        (head + "  <ex:N xml:lang=\"en_US\"/>\n</rdf:RDF>",
         "t.rdf:2:9: xml:lang \"en_US\" is not a well-formed language tag"),
    ])
    func errorsAreLocated(_ xml: String, _ message: String) {
        #expect(failure(xml) == message)
    }

    @Test func relativeIRIsNeedABase() {
        #expect(failure(head + "  <ex:N rdf:about=\"x\"/>\n</rdf:RDF>", base: nil)
                == "t.rdf:2:9: the IRI <x> of rdf:about is relative and there is no base IRI to resolve it against")
    }

    @Test func errorsOfTheSinkPassThrough() {
        struct Full: Error {}
        #expect(throws: Full.self) {
            try RDFXMLReader().read(Array((head + "<ex:N rdf:about=\"http://ex.org/a\" ex:p=\"1\"/></rdf:RDF>").utf8)) { _ in throw Full() }
        }
    }

    // MARK: Hostile input

    /// Nesting is bounded by libxml2 (256 levels), so the recursive descent is too.
    @Test func deepNestingReadsUpToLibxmlsLimitAndFailsBeyond() throws {
        func nested(_ levels: Int) -> String {
            head + String(repeating: "<ex:N><ex:p>", count: levels) + String(repeating: "</ex:p></ex:N>", count: levels) + "</rdf:RDF>"
        }
        let got = try RDFXMLReader().quads(Array(nested(120).utf8))
        #expect(got.count == 240)  // each level: an rdf:type and the property
        #expect(failure(nested(200)) == "t.rdf:2:1542: elements are nested more than 256 levels deep (the XML nesting limit)")
    }

    @Test func externalEntitiesAreRefused() {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
          <ex:N rdf:about="http://ex.org/a"><ex:p>&secret;</ex:p></ex:N>
        </rdf:RDF>
        """
        #expect(failure(xxe) == "t.rdf:2:1: document type declarations that declare entities are refused (external entities and entity expansion are not supported)")
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n <!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            xml += " <!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        xml += "]>\n" + head + "<ex:N rdf:about=\"http://ex.org/a\" ex:p=\"&lol9;\"><ex:q>&lol9;</ex:q></ex:N></rdf:RDF>\n"
        let clock = ContinuousClock()
        let start = clock.now
        let message = failure(xml)
        #expect(clock.now - start < .seconds(1))
        #expect(message?.hasPrefix("t.rdf:2:1: document type declarations that declare entities are refused") == true)
    }
}
