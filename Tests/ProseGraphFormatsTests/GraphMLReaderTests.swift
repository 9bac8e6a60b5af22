import Testing
import ProseGraphFormats
import ProseGraphModel

private func read(_ xml: String, path: String = "t.graphml") throws -> GraphMLDocument {
    try GraphMLReader(options: ReaderOptions(path: path)).read(Array(xml.utf8))
}

/// The message of the error reading `xml` throws (`path:line:column: message`).
private func failure(_ xml: String) -> String {
    do {
        _ = try read(xml)
        return "no error"
    } catch {
        return "\(error)"
    }
}

/// Lines 1-5 declare two keys and open the graph; the body starts on line 6.
private func document(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="k0" for="node" attr.name="name" attr.type="string"/>
      <key id="k1" for="edge" attr.name="n" attr.type="int"/>
      <graph id="G" edgedefault="directed">
    \(body)
      </graph>
    </graphml>
    """
}

/// Triples of prosegraph's RDF view but the documents' own (GraphML does not carry them).
private func withoutDocuments(_ triples: some Sequence<Triple>) -> Set<Triple> {
    // A document's IRI has no fragment; its sentences' (`#char=b,e`) do, and GraphML carries those.
    Set(triples.filter { t in !(t.subject.iri.map { $0.value.hasPrefix(IRIMinter.defaultBase + "document/") && !$0.value.contains("#") } ?? false) })
}

@Suite struct GraphMLReaderTests {
    @Test func exactValues() throws {
        let doc = try read("""
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="k0" for="node" attr.name="name" attr.type="string"/>
          <key id="k1" for="edge" attr.name="weight" attr.type="double"><default>1.5</default></key>
          <key id="k2" for="all" attr.name="flag" attr.type="boolean"/>
          <key id="k3" for="node" attr.name="count" attr.type="int"/>
          <key id="k4" for="edge" attr.name="big" attr.type="long"/>
          <key id="k5" for="node" attr.name="ratio" attr.type="float"/>
          <key id="k6" for="graph"/>
          <graph id="G" edgedefault="undirected">
            <data key="k6">about</data>
            <node id="a"><data key="k0">Alpha &amp; co </data><data key="k3"> 42 </data><data key="k2">TRUE</data></node>
            <node id="b"><data key="k5">0.25</data></node>
            <edge source="a" target="b"/>
            <edge id="e1" source="b" target="a" directed="true"><data key="k1">2</data><data key="k4">-9000000000</data></edge>
          </graph>
        </graphml>
        """)
        #expect(doc.keys == [
            .init(id: "k0", domain: .node, name: "name", type: .string),
            .init(id: "k1", domain: .edge, name: "weight", type: .double, defaultValue: .double(1.5)),
            .init(id: "k2", domain: .all, name: "flag", type: .boolean),
            .init(id: "k3", domain: .node, name: "count", type: .int),
            .init(id: "k4", domain: .edge, name: "big", type: .long),
            .init(id: "k5", domain: .node, name: "ratio", type: .float),
            .init(id: "k6", domain: .graph, name: nil, type: .string),
        ])
        #expect(doc.graphs == [.init(id: "G", directed: false, data: ["k6": .string("about")])])
        #expect(doc.nodes == [
            .init(id: "a", data: ["name": .string("Alpha & co "), "count": .int(42), "flag": .boolean(true)], line: 12, column: 5),
            .init(id: "b", data: ["ratio": .float(0.25)], line: 13, column: 5),
        ])
        #expect(doc.edges == [
            .init(id: nil, source: "a", target: "b", directed: false, data: ["weight": .double(1.5)], line: 14, column: 5),
            .init(id: "e1", source: "b", target: "a", directed: true, data: ["weight": .double(2), "big": .long(-9_000_000_000)],
                  line: 15, column: 5),
        ])
    }

    @Test func valueParsing() {
        #expect(GraphMLValue.parse("True", as: .boolean) == .boolean(true))
        #expect(GraphMLValue.parse("0", as: .boolean) == .boolean(false))
        #expect(GraphMLValue.parse("yes", as: .boolean) == nil)
        #expect(GraphMLValue.parse("2147483647", as: .int) == .int(.max))
        #expect(GraphMLValue.parse("2147483648", as: .int) == nil)
        #expect(GraphMLValue.parse("2147483648", as: .long) == .long(2_147_483_648))
        #expect(GraphMLValue.parse("+7", as: .long) == .long(7))
        #expect(GraphMLValue.parse("1.5", as: .int) == nil)
        #expect(GraphMLValue.parse("1e3", as: .double) == .double(1000))
        #expect(GraphMLValue.parse("-INF", as: .double) == .double(-.infinity))
        #expect(GraphMLValue.parse("0x10", as: .double) == nil)
        #expect(GraphMLValue.parse("1.5.2", as: .double) == nil)
        #expect(GraphMLValue.parse(" a ", as: .string) == .string(" a "))
        #expect(GraphMLValue.string("say \"hi\"\n").description == #""say \"hi\"\n""#)
    }

    @Test func edgeBeforeItsNodeIsFine() throws {
        let doc = try read(document("""
            <edge source="a" target="b"/>
            <node id="a"/>
            <node id="b"/>
        """))
        #expect(doc.edges.map(\.directed) == [true])
    }

    /// Of two errors, the first in document order is reported, however close the
    /// second follows (a syntax error right after a duplicate node id).
    @Test func theFirstOfTwoErrorsIsReported() {
        let text = #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/><node id="a"></graph></graphml>"#
        #expect(failure(text) == "t.graphml:1:100: the node id 'a' is used twice (first at 1:86)")
    }

    @Test func errors() {
        #expect(failure(document(#"    <node id="a"><data key="zz">x</data></node>"#))
            == "t.graphml:6:24: data refers to the undeclared key 'zz'")
        #expect(failure(document("""
            <node id="a"/>
            <edge source="a" target="a"><data key="k1">x1</data></edge>
        """)) == "t.graphml:7:33: the value 'x1' of key 'k1' (n) is not a valid int")
        #expect(failure(document("""
            <node id="a"/>
            <edge id="e9" source="a" target="nowhere"/>
        """)) == "t.graphml:7:5: edge 'e9': the target 'nowhere' is not a declared node")
        #expect(failure(document(#"    <edge source="x" target="y"/>"#))
            == "t.graphml:6:5: edge 'x' -> 'y': the source 'x' is not a declared node")
        #expect(failure(document("""
            <node id="a"/>
              <node id="a"/>
        """)) == "t.graphml:7:7: the node id 'a' is used twice (first at 6:5)")
        #expect(failure(document("""
            <node id="a"/>
            <edge id="e" source="a" target="a"/>
            <edge id="e" source="a" target="a"/>
        """)) == "t.graphml:8:5: the edge id 'e' is used twice (first at 7:5)")
        #expect(failure("""
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="k" for="node" attr.name="n" attr.type="integer"/>
        </graphml>
        """) == "t.graphml:2:40: key 'k' has the unknown attr.type 'integer' (GraphML defines boolean, int, long, float, double, string)")
        #expect(failure(document(#"    <node id="a"><data key="k1">1</data></node>"#))
            == "t.graphml:6:24: the key 'k1' is declared for edge, not for node (data of node 'a')")
        #expect(failure(document(#"    <node id="a"><data key="k0">x</data><data key="k0">y</data></node>"#))
            == "t.graphml:6:41: node 'a' has a second value for 'name' (key 'k0')")
        #expect(failure(document(#"    <edge target="a"/>"#)) == "t.graphml:6:5: <edge> has no source attribute")
        #expect(failure(#"<graph xmlns="http://graphml.graphdrawing.org/xmlns"/>"#)
            == "t.graphml:1:1: the root element is <graph>, not a GraphML <graphml> element")
        #expect(failure("""
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="k" for="node" attr.name="n" attr.type="int"><default>many</default></key>
        </graphml>
        """) == "t.graphml:2:56: the default 'many' of key 'k' is not a valid int")
        #expect(failure("<graphml>\n  <graph>\n</graphml>").hasPrefix("t.graphml:3:"))
    }

    // MARK: prosegraph's own GraphML

    static func roundTrip(_ graph: KnowledgeGraph) throws -> (read: [Triple], expected: Set<Triple>) {
        let xml = try GraphMLFixture.graphML(PropertyGraph(graph: graph))
        let triples = try GraphMLToRDF.triples(try read(xml))
        return (triples, withoutDocuments(graph.rdfTriples()))
    }

    @Test(arguments: ["small", "varied", "hostile"])
    func prosegraphRoundTrip(_ name: String) throws {
        let graph = name == "small" ? GraphMLFixture.small() : name == "varied" ? GraphMLFixture.varied() : GraphMLFixture.hostile()
        let (triples, expected) = try Self.roundTrip(graph)
        #expect(Set(triples) == expected)
        #expect(triples == triples.sorted())
        #expect(Set(triples).count == triples.count)
    }

    @Test func smallGraphExactly() throws {
        let doc = try read(try GraphMLFixture.graphML(PropertyGraph(graph: GraphMLFixture.small())))
        #expect(doc.nodes.map(\.id) == ["country.belgium", "literal.president", "person.mahmoud-abbas"])
        #expect(doc.nodes[0].data == [
            "iri": .string("https://prosegraph.org/id/country/belgium"), "label": .string("Belgium"), "type": .string("Country"),
            "wikidata": .string("Q31"), "labels": .string(":Country"),
        ])
        let visit = try #require(doc.edges.first { $0.data["date"] == .string("2015-02") })
        #expect(visit.source == "person.mahmoud-abbas" && visit.target == "country.belgium" && visit.directed)
        #expect(visit.data["start"] == .int(120) && visit.data["end"] == .int(178) && visit.data["confidence"] == .double(0.9))
        #expect(visit.data["label"] == .string("visited"))
        let triples = try GraphMLToRDF.triples(doc)
        let st = try #require(visit.data["statement"]?.string)
        #expect(triples.filter { $0.subject == .iri(IRI(st)) }.map(\.object.description) == [
            "<https://prosegraph.org/id/country/belgium>",  // rdf:object
            "<https://prosegraph.org/ontology#visited>",  // rdf:predicate
            "<https://prosegraph.org/id/person/mahmoud-abbas>",  // rdf:subject
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>",  // rdf:type
            "<https://prosegraph.org/id/document/belgium-palestine#char=120,178>",  // prov:wasDerivedFrom
            "\"0.9\"^^<http://www.w3.org/2001/XMLSchema#decimal>",  // pg:confidence
            "\"2015-02\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>",  // pg:date
            "\"2015-02-01\"^^<http://www.w3.org/2001/XMLSchema#date>",  // pg:dateEarliest
            "\"2015-02-28\"^^<http://www.w3.org/2001/XMLSchema#date>",  // pg:dateLatest
            "\"visit.verb\"",  // pg:rule
        ])
        // The sentence, once, however many edges cite it.
        let sentence = Term.iri(IRI("https://prosegraph.org/id/document/belgium-palestine#char=120,178"))
        #expect(triples.filter { $0.subject == sentence }.map(\.object.description) == [
            "\"In February 2015, President Mahmoud Abbas visited Belgium.\"",  // nif:anchorOf
            "\"120\"^^<http://www.w3.org/2001/XMLSchema#integer>",  // nif:beginIndex
            "\"178\"^^<http://www.w3.org/2001/XMLSchema#integer>",  // nif:endIndex
            "<https://prosegraph.org/id/document/belgium-palestine>",  // nif:referenceContext
            "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence>",  // rdf:type
        ])
    }

    @Test func outputGraphMLGivesOutputNTriplesWithoutDocuments() throws {
        let graphml = try #require(repositoryFile("Output/graph.graphml"))
        let nt = try #require(repositoryFile("Output/graph.nt"))
        let doc = try GraphMLReader(options: ReaderOptions(path: "Output/graph.graphml")).read(graphml)
        let fromGraphML = try GraphMLToRDF.triples(doc, path: "Output/graph.graphml")
        let fromNT = try NTriplesReader(options: ReaderOptions(path: "Output/graph.nt")).quads(nt).map(\.triple)
        let expected = withoutDocuments(fromNT)
        #expect(expected.count < fromNT.count)
        #expect(fromGraphML.count == expected.count)
        #expect(Set(fromGraphML) == expected)
    }

    @Test func notProsegraphProfile() throws {
        let doc = try read(document(#"    <node id="a"><data key="k0">x</data></node>"#))
        #expect(throws: ParseError(path: "<input>", line: 1, column: 1,
                                   message: "the GraphML is not prosegraph's profile: it declares no node key named 'iri'")) {
            try GraphMLToRDF.triples(doc)
        }
    }

    @Test func profileErrorsNameTheEdge() throws {
        var xml = try GraphMLFixture.graphML(PropertyGraph(graph: GraphMLFixture.small()))
        xml = xml.replacing("<data key=\"date\">2015-02</data>", with: "<data key=\"date\">Feb 2015</data>")
        let doc = try read(xml)
        let edge = try #require(doc.edges.first { $0.data["date"] == .string("Feb 2015") })
        #expect(throws: ParseError(path: "x", line: edge.line, column: 5,
                                   message: "edge '\(edge.id!)': the date 'Feb 2015' is not YYYY, YYYY-MM or YYYY-MM-DD")) {
            try GraphMLToRDF.triples(doc, path: "x")
        }
    }

    // MARK: Other tools' GraphML

    @Test func networkx() throws {
        let doc = try GraphMLReader().read(try #require(repositoryFile("Tests/Fixtures/graphml/networkx.graphml")))
        #expect(doc.keys.map(\.id) == ["d6", "d5", "d4", "d3", "d2", "d1", "d0"])
        #expect(doc.graphs == [.init(id: nil, directed: true, data: ["name": .string("relations")])])
        #expect(doc.nodes.map(\.id) == ["belgium", "syria", "damascus"])
        #expect(doc.nodes[0].data == ["label": .string("Belgium"), "population": .long(11_700_000), "capital": .boolean(true)])
        #expect(doc.nodes[1].data["capital"] == .boolean(false))
        #expect(doc.nodes[2].data == ["label": .string("Damascus")])
        #expect(doc.edges == [
            .init(id: nil, source: "belgium", target: "syria", directed: true,
                  data: ["relation": .string("relationsWith"), "since": .long(1946), "weight": .double(0.9)], line: 24, column: 5),
            .init(id: nil, source: "damascus", target: "syria", directed: true,
                  data: ["relation": .string("locatedIn"), "weight": .double(1.0)], line: 29, column: 5),
        ])
    }

    /// prosegraph's GraphML of `GraphMLFixture.small()` read and written again by networkx
    /// (`nx.write_graphml(nx.read_graphml(f))`): key ids `d0`..., `int` offsets as `long`.
    @Test func networkxRewrittenProsegraphGraphML() throws {
        let doc = try GraphMLReader().read(try #require(repositoryFile("Tests/Fixtures/graphml/networkx-prosegraph.graphml")))
        #expect(doc.key(named: "start", for: .edge)?.type == .long)
        #expect(Set(try GraphMLToRDF.triples(doc)) == withoutDocuments(GraphMLFixture.small().rdfTriples()))
    }

    @Test func igraph() throws {
        let doc = try GraphMLReader().read(try #require(repositoryFile("Tests/Fixtures/graphml/igraph.graphml")))
        #expect(doc.keys.map(\.attributeName) == ["title", "name", "wikidata", "members", "year", "weight"])
        #expect(doc.graphs == [.init(id: "G", directed: false, data: ["title": .string("neighbours")])])
        #expect(doc.nodes.map(\.id) == ["n0", "n1", "n2"])
        #expect(doc.nodes[2].data == ["name": .string("Egypt"), "wikidata": .string("Q79"), "members": .double(105)])
        #expect(doc.edges.map { "\($0.source)-\($0.target) \($0.directed) \($0.data["year"]!) \($0.data["weight"]!)" }
            == ["n0-n1 false 1946.0 0.5", "n1-n2 false 1922.0 2.25"])
    }

    @Test func yEdExtensionsInData() throws {
        let doc = try GraphMLReader().read(try #require(repositoryFile("Tests/Fixtures/graphml/yed.graphml")))
        #expect(doc.keys.first { $0.id == "d6" } == .init(id: "d6", domain: .node, name: nil, type: .string))
        #expect(doc.graphs == [
            .init(id: "G", directed: true, data: ["Description": .string("")]),
            .init(id: "n1:", directed: true, parentNode: "n1"),
        ])
        #expect(doc.data == ["d7": .string("")])
        #expect(doc.nodes.map(\.id) == ["n0", "n1", "n1::n0"])
        #expect(doc.nodes[0].data == ["description": .string("A country"), "d6": .string("Belgium")])
        #expect(doc.nodes[1].data == ["d6": .string("Syria")])
        #expect(doc.nodes[2].data == ["url": .string("https://en.wikipedia.org/wiki/Damascus"), "d6": .string("Damascus")])
        #expect(doc.edges.map(\.id) == ["e0", "e1"])
        #expect(doc.edges[0].data == ["weight": .double(1.0), "d10": .string("has embassy in")])
        #expect(doc.edges[1].data == ["weight": .double(2.5), "d10": .string("")])
        #expect(doc.edges[0].target == "n1::n0")
    }
}
