import Testing
import ProseGraphFormats
import ProseGraphModel
import ProseGraphXML

enum GraphMLFixture {
    /// The project's own GraphML schema: in the repository, so its checks always run.
    static let profileSchema = ReferenceData.repositoryRoot + "/Schemas/graphml/prosegraph-graphml.xsd"

    static func graphML(_ graph: PropertyGraph, options: GraphMLWriter.Options = .init()) throws -> String {
        let sink = MemorySink()
        var w = GraphMLWriter(sink: sink, options: options)
        try w.write(graph)
        try w.finish()
        return sink.string
    }

    /// Validity errors of `xml` against the schema at `path` (empty when valid).
    static func issues(_ xml: String, schema path: String, catalog: String? = nil) throws -> [String] {
        let schema = try XMLSchema(path: path, catalog: catalog)
        return try schema.validate(XMLDocument(bytes: Array(xml.utf8), url: "graph.graphml")).map(\.description)
    }

    static let doc = "belgium-palestine"
    static let s1 = "In February 2015, President Mahmoud Abbas visited Belgium."
    static let s2 = "Abbas visited Belgium again in January 2018."

    static func mention(_ date: FactDate?, _ sentence: String, _ start: Int, _ end: Int, rule: String = "visit.verb",
                        confidence: Double = 0.9, document: String = doc) -> Mention {
        Mention(date: date, provenance: Provenance(documentID: document, sentence: sentence, start: start, end: end),
                rule: rule, confidence: confidence)
    }

    /// Two entities, a fact stated twice with two dates, and a holdsPosition literal.
    static func small(reversed: Bool = false) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        g.add(document: SourceDocument(id: doc, title: "Belgium–Palestine relations", path: "Input/belgium-palestine.txt"))
        let entities = [Entity(type: .country, label: "Belgium", wikidata: "Q31"), Entity(type: .person, label: "Mahmoud Abbas")]
        for e in reversed ? entities.reversed() : entities { g.add(entity: e) }
        let be = entities[0].key, ab = entities[1].key
        var facts = [
            Fact(subject: ab, predicate: "visited", object: .entity(be),
                 mentions: [mention(FactDate(year: 2015, month: 2), s1, 120, 178)]),
            Fact(subject: ab, predicate: "visited", object: .entity(be),
                 mentions: [mention(FactDate(year: 2018, month: 1), s2, 179, 223, confidence: 0.85)]),
            Fact(subject: ab, predicate: "holdsPosition", object: .literal("President"),
                 mentions: [mention(nil, s1, 120, 178, rule: "title.before-name", confidence: 1.0)]),
        ]
        if reversed { facts.reverse() }
        for f in facts { g.add(fact: f) }
        return g
    }

    static let hostileLabel = "Fish & Chips <\"Ltd\"> ]]> 𝄞"
    static let hostileEvidence = "He said \"no\" <b>&amp;</b> ]]> 𝄞\nשלום\r\ttab — محمود عباس"

    /// Labels, titles, rules and evidence with markup characters, quotes, `]]>`,
    /// a non-BMP character, right-to-left text and line breaks.
    static func hostile() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let o = g.add(entity: Entity(type: .organization, label: hostileLabel))
        let p = g.add(entity: Entity(type: .person, label: "محمود عباس"))
        let m = mention(FactDate(year: 2023, month: 4, day: 25), hostileEvidence, 0, 48, rule: "rule<&>\"x\"", confidence: 0.75, document: "d")
        g.add(fact: Fact(subject: p, predicate: "memberOf", object: .entity(o), mentions: [m]))
        g.add(fact: Fact(subject: p, predicate: "holdsPosition", object: .literal("\"Chargé\" <d'Affaires> & ]]>\nline two"), mentions: [m]))
        return g
    }

    static let header = """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd">
      <key id="iri" for="node" attr.name="iri" attr.type="string"/>
      <key id="name" for="node" attr.name="label" attr.type="string"/>
      <key id="type" for="node" attr.name="type" attr.type="string"/>
      <key id="wikidata" for="node" attr.name="wikidata" attr.type="string"/>
      <key id="labels" for="node" attr.name="labels" attr.type="string"/>
      <key id="label" for="edge" attr.name="label" attr.type="string"/>
      <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
      <key id="predicateIRI" for="edge" attr.name="predicateIRI" attr.type="string"/>
      <key id="statement" for="edge" attr.name="statement" attr.type="string"/>
      <key id="date" for="edge" attr.name="date" attr.type="string"/>
      <key id="dateEarliest" for="edge" attr.name="dateEarliest" attr.type="string"/>
      <key id="dateLatest" for="edge" attr.name="dateLatest" attr.type="string"/>
      <key id="source" for="edge" attr.name="source" attr.type="string"/>
      <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
      <key id="start" for="edge" attr.name="start" attr.type="int"/>
      <key id="end" for="edge" attr.name="end" attr.type="int"/>
      <key id="rule" for="edge" attr.name="rule" attr.type="string"/>
      <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
      <graph id="G" edgedefault="directed">

    """

    /// Every kind of node and edge the view makes: all entity types, an
    /// entity with no ASCII fold, a slug with an apostrophe, a label that folds
    /// to nothing, colliding literal slugs, an entity a fact names but the
    /// graph never added, and two mentions with one statement hash.
    static func varied() -> KnowledgeGraph {
        var g = small()
        var keys: [EntityKey] = []
        for t in EntityType.allCases { keys.append(g.add(entity: Entity(type: t, label: "Sample \(t.rawValue)"))) }
        let tokyo = g.add(entity: Entity(type: .city, label: "東京"))
        let sean = g.add(entity: Entity(type: .person, label: "Seán O’Neill"))
        let dots = g.add(entity: Entity(type: .place, label: "..."))
        let m = mention(FactDate(year: 2018), "S.", 1, 3)
        g.add(fact: Fact(subject: sean, predicate: "visited", object: .entity(tokyo), mentions: [m]))
        g.add(fact: Fact(subject: sean, predicate: "visited", object: .entity(dots), mentions: [m]))
        g.add(fact: Fact(subject: sean, predicate: "holdsPosition", object: .literal("Ambassador"), mentions: [m]))
        g.add(fact: Fact(subject: sean, predicate: "holdsPosition", object: .literal("ambassador"), mentions: [m]))
        let ghost = EntityKey(type: .country, slug: "atlantis")
        g.add(fact: Fact(subject: keys[0], predicate: "locatedIn", object: .entity(ghost), mentions: [m]))
        // Two mentions of one sentence that differ only in confidence (hashes leave confidence out).
        g.add(fact: Fact(subject: keys[1], predicate: "visited", object: .entity(keys[2]),
                         mentions: [m, mention(FactDate(year: 2018), "S.", 1, 3, confidence: 0.5)]))
        return g
    }
}

@Suite struct GraphMLWriting {
    @Test func exactBytes() throws {
        let out = try GraphMLFixture.graphML(PropertyGraph(graph: GraphMLFixture.small()))
        #expect(out == GraphMLFixture.header + """
            <node id="country.belgium">
              <data key="iri">https://prosegraph.org/id/country/belgium</data>
              <data key="name">Belgium</data>
              <data key="type">Country</data>
              <data key="wikidata">Q31</data>
              <data key="labels">:Country</data>
            </node>
            <node id="literal.president">
              <data key="name">President</data>
              <data key="type">Literal</data>
              <data key="labels">:Literal</data>
            </node>
            <node id="person.mahmoud-abbas">
              <data key="iri">https://prosegraph.org/id/person/mahmoud-abbas</data>
              <data key="name">Mahmoud Abbas</data>
              <data key="type">Person</data>
              <data key="labels">:Person</data>
            </node>
            <edge id="e10e07f3a043f09b3" source="person.mahmoud-abbas" target="country.belgium">
              <data key="label">visited</data>
              <data key="predicate">visited</data>
              <data key="predicateIRI">https://prosegraph.org/ontology#visited</data>
              <data key="statement">https://prosegraph.org/id/statement/10e07f3a043f09b3</data>
              <data key="date">2015-02</data>
              <data key="dateEarliest">2015-02-01</data>
              <data key="dateLatest">2015-02-28</data>
              <data key="source">https://prosegraph.org/id/document/belgium-palestine</data>
              <data key="evidence">In February 2015, President Mahmoud Abbas visited Belgium.</data>
              <data key="start">120</data>
              <data key="end">178</data>
              <data key="rule">visit.verb</data>
              <data key="confidence">0.9</data>
            </edge>
            <edge id="e89c69f6ec3b89133" source="person.mahmoud-abbas" target="country.belgium">
              <data key="label">visited</data>
              <data key="predicate">visited</data>
              <data key="predicateIRI">https://prosegraph.org/ontology#visited</data>
              <data key="statement">https://prosegraph.org/id/statement/89c69f6ec3b89133</data>
              <data key="date">2018-01</data>
              <data key="dateEarliest">2018-01-01</data>
              <data key="dateLatest">2018-01-31</data>
              <data key="source">https://prosegraph.org/id/document/belgium-palestine</data>
              <data key="evidence">Abbas visited Belgium again in January 2018.</data>
              <data key="start">179</data>
              <data key="end">223</data>
              <data key="rule">visit.verb</data>
              <data key="confidence">0.85</data>
            </edge>
            <edge id="ecbd101e492a6a7d3" source="person.mahmoud-abbas" target="literal.president">
              <data key="label">holdsPosition</data>
              <data key="predicate">holdsPosition</data>
              <data key="predicateIRI">https://prosegraph.org/ontology#holdsPosition</data>
              <data key="statement">https://prosegraph.org/id/statement/cbd101e492a6a7d3</data>
              <data key="source">https://prosegraph.org/id/document/belgium-palestine</data>
              <data key="evidence">In February 2015, President Mahmoud Abbas visited Belgium.</data>
              <data key="start">120</data>
              <data key="end">178</data>
              <data key="rule">title.before-name</data>
              <data key="confidence">1</data>
            </edge>
          </graph>
        </graphml>

        """)
    }

    @Test func keyTableIsTheDeclaredOne() {
        let table = GraphMLWriter.keys.map { "\($0.id) \($0.domain.rawValue) \($0.name) \($0.type.rawValue)" }
        #expect(table == [
            "iri node iri string", "name node label string", "type node type string",
            "wikidata node wikidata string", "labels node labels string",
            "label edge label string", "predicate edge predicate string", "predicateIRI edge predicateIRI string",
            "statement edge statement string", "date edge date string", "dateEarliest edge dateEarliest string",
            "dateLatest edge dateLatest string", "source edge source string",
            "evidence edge evidence string", "start edge start int", "end edge end int",
            "rule edge rule string", "confidence edge confidence double",
        ])
    }

    @Test func hostileTextIsEscaped() throws {
        let pg = PropertyGraph(graph: GraphMLFixture.hostile())
        let out = try GraphMLFixture.graphML(pg)
        let person = "person._D9_85_D8_AD_D9_85_D9_88_D8_AF-_D8_B9_D8_A8_D8_A7_D8_B3"
        let ids = pg.edges.map(\.id)
        #expect(pg.nodes.map(\.id) == ["literal.charge-d-affaires-line-two", "organization.fish-chips-ltd-_F0_9D_84_9E", person])
        #expect(out == GraphMLFixture.header + """
            <node id="literal.charge-d-affaires-line-two">
              <data key="name">&quot;Chargé&quot; &lt;d'Affaires&gt; &amp; ]]&gt;
        line two</data>
              <data key="type">Literal</data>
              <data key="labels">:Literal</data>
            </node>
            <node id="organization.fish-chips-ltd-_F0_9D_84_9E">
              <data key="iri">https://prosegraph.org/id/organization/fish-chips-ltd-%F0%9D%84%9E</data>
              <data key="name">Fish &amp; Chips &lt;&quot;Ltd&quot;&gt; ]]&gt; 𝄞</data>
              <data key="type">Organization</data>
              <data key="labels">:Organization</data>
            </node>
            <node id="\(person)">
              <data key="iri">https://prosegraph.org/id/person/%D9%85%D8%AD%D9%85%D9%88%D8%AF-%D8%B9%D8%A8%D8%A7%D8%B3</data>
              <data key="name">محمود عباس</data>
              <data key="type">Person</data>
              <data key="labels">:Person</data>
            </node>
            <edge id="\(ids[0])" source="\(person)" target="\(pg.edges[0].target)">
              <data key="label">\(pg.edges[0].predicate)</data>
              <data key="predicate">\(pg.edges[0].predicate)</data>
              <data key="predicateIRI">https://prosegraph.org/ontology#\(pg.edges[0].predicate)</data>
              <data key="statement">https://prosegraph.org/id/statement/\(ids[0].dropFirst())</data>
              <data key="date">2023-04-25</data>
              <data key="dateEarliest">2023-04-25</data>
              <data key="dateLatest">2023-04-25</data>
              <data key="source">https://prosegraph.org/id/document/d</data>
              <data key="evidence">He said &quot;no&quot; &lt;b&gt;&amp;amp;&lt;/b&gt; ]]&gt; 𝄞
        שלום&#13;\ttab — محمود عباس</data>
              <data key="start">0</data>
              <data key="end">48</data>
              <data key="rule">rule&lt;&amp;&gt;&quot;x&quot;</data>
              <data key="confidence">0.75</data>
            </edge>
            <edge id="\(ids[1])" source="\(person)" target="\(pg.edges[1].target)">
              <data key="label">\(pg.edges[1].predicate)</data>
              <data key="predicate">\(pg.edges[1].predicate)</data>
              <data key="predicateIRI">https://prosegraph.org/ontology#\(pg.edges[1].predicate)</data>
              <data key="statement">https://prosegraph.org/id/statement/\(ids[1].dropFirst())</data>
              <data key="date">2023-04-25</data>
              <data key="dateEarliest">2023-04-25</data>
              <data key="dateLatest">2023-04-25</data>
              <data key="source">https://prosegraph.org/id/document/d</data>
              <data key="evidence">He said &quot;no&quot; &lt;b&gt;&amp;amp;&lt;/b&gt; ]]&gt; 𝄞
        שלום&#13;\ttab — محمود عباس</data>
              <data key="start">0</data>
              <data key="end">48</data>
              <data key="rule">rule&lt;&amp;&gt;&quot;x&quot;</data>
              <data key="confidence">0.75</data>
            </edge>
          </graph>
        </graphml>

        """)
        #expect(Set(pg.edges.map(\.predicate)) == ["memberOf", "holdsPosition"])
    }

    @Test func controlCharactersAreAnError() throws {
        var g = KnowledgeGraph()
        let a = g.add(entity: Entity(type: .person, label: "A"))
        let b = g.add(entity: Entity(type: .country, label: "B"))
        g.add(fact: Fact(subject: a, predicate: "visited", object: .entity(b),
                         mentions: [GraphMLFixture.mention(nil, "bell \u{7} here", 0, 11)]))
        let pg = PropertyGraph(graph: g)
        #expect(throws: SerializationError(format: "GraphML", message: "edge \(pg.edges[0].id), data evidence: text contains U+0007, which XML 1.0 cannot represent")) {
            _ = try GraphMLFixture.graphML(pg)
        }
        var h = KnowledgeGraph()
        h.add(entity: Entity(type: .person, label: "Bad\u{FFFE}name"))
        #expect(throws: SerializationError(format: "GraphML", message: "node person.bad_EF_BF_BEname, data name: text contains U+FFFE, which XML 1.0 cannot represent")) {
            _ = try GraphMLFixture.graphML(PropertyGraph(graph: h))
        }
    }

    @Test func emptyGraphAndUnindentedOutput() throws {
        let empty = try GraphMLFixture.graphML(PropertyGraph(graph: KnowledgeGraph()), options: .init(indent: false, schemaLocation: false))
        #expect(empty == """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">\(GraphMLWriter.keys.map { "<key id=\"\($0.id)\" for=\"\($0.domain.rawValue)\" attr.name=\"\($0.name)\" attr.type=\"\($0.type.rawValue)\"/>" }.joined())<graph id="G" edgedefault="directed"/></graphml>

        """)
        #expect(try GraphMLFixture.issues(empty, schema: GraphMLFixture.profileSchema) == [])
    }

    @Test func misuseIsAnError() throws {
        let pg = PropertyGraph(graph: GraphMLFixture.small())
        func writer() -> GraphMLWriter { GraphMLWriter(sink: MemorySink()) }

        var w = writer()
        try w.write(pg.nodes[0])
        #expect(throws: SerializationError(format: "GraphML", message: "node country.belgium is written twice")) { try w.write(pg.nodes[0]) }

        w = writer()
        try w.write(pg.nodes[0])
        #expect(throws: SerializationError(format: "GraphML", message: "edge e10e07f3a043f09b3 names node person.mahmoud-abbas, which was not written before it")) {
            try w.write(pg.edges[0])
        }

        w = writer()
        for n in pg.nodes { try w.write(n) }
        try w.write(pg.edges[0])
        #expect(throws: SerializationError(format: "GraphML", message: "edge e10e07f3a043f09b3 is written twice")) { try w.write(pg.edges[0]) }
        #expect(throws: SerializationError(format: "GraphML", message: "node country.belgium comes after an edge; every node must be written before the edges")) {
            try w.write(pg.nodes[0])
        }
        try w.finish()
        #expect(w.nodeCount == 3 && w.edgeCount == 1)
        #expect(throws: SerializationError(format: "GraphML", message: "the writer is already finished")) { try w.write(pg.edges[1]) }

        w = writer()
        let bad = PropertyGraph.Node(id: "country/belgium", iri: nil, label: "B", type: "Country", wikidata: nil)
        #expect(throws: SerializationError(format: "GraphML", message: "the node id 'country/belgium' is not an XML name token")) { try w.write(bad) }
    }

    @Test func largeGraphIsWrittenCompletely() throws {
        var g = KnowledgeGraph()
        var keys: [EntityKey] = []
        for i in 0..<500 { keys.append(g.add(entity: Entity(type: .city, label: "City \(i)"))) }
        for i in 0..<2000 {
            g.add(fact: Fact(subject: keys[i % 500], predicate: "twinnedWith", object: .entity(keys[(i * 7 + 1) % 500]),
                             mentions: [GraphMLFixture.mention(FactDate(year: 1900 + i % 100), "Sentence \(i).", i * 20, i * 20 + 12)]))
        }
        let pg = PropertyGraph(graph: g)
        let sink = MemorySink()
        var w = GraphMLWriter(sink: sink)
        try w.write(pg)
        try w.finish()
        #expect(w.nodeCount == 500 && w.edgeCount == 2000)
        #expect(sink.string.hasSuffix("    </edge>\n  </graph>\n</graphml>\n"))
        #expect(try GraphMLFixture.issues(sink.string, schema: GraphMLFixture.profileSchema) == [])
    }
}

@Suite struct GraphMLIDs {
    @Test func nodeIDsComeFromTypeAndSlug() {
        func id(_ t: EntityType, _ label: String) -> String { PropertyGraph.nodeID(for: Entity(type: t, label: label).key) }
        #expect(id(.country, "Belgium") == "country.belgium")
        #expect(id(.person, "Mahmoud Abbas") == "person.mahmoud-abbas")
        #expect(id(.city, "Liège") == "city.liege")
        #expect(id(.organization, "European Union") == "organization.european-union")
        #expect(id(.city, "東京") == "city._E6_9D_B1_E4_BA_AC")  // slug %E6%9D%B1%E4%BA%AC
        #expect(id(.person, "Seán O’Neill") == "person.sean-o-neill")
        #expect(id(.place, "...") == "place..5F")  // slug _
    }

    @Test func viewIsIndependentOfInsertionOrder() throws {
        let a = PropertyGraph(graph: GraphMLFixture.small()), b = PropertyGraph(graph: GraphMLFixture.small(reversed: true))
        #expect(a == b)
        #expect(try GraphMLFixture.graphML(a) == GraphMLFixture.graphML(b))
    }

    @Test func idsAreStableWhenTheGraphGrows() {
        let small = PropertyGraph(graph: GraphMLFixture.small())
        var bigger = GraphMLFixture.small()
        let aa = bigger.add(entity: Entity(type: .country, label: "Austria"))  // sorts before Belgium
        let ab = bigger.add(entity: Entity(type: .person, label: "Abdullah"))
        bigger.add(fact: Fact(subject: ab, predicate: "visited", object: .entity(aa),
                              mentions: [GraphMLFixture.mention(FactDate(year: 2019), "S.", 0, 2)]))
        let big = PropertyGraph(graph: bigger)
        #expect(big.nodes.count == small.nodes.count + 2 && big.edges.count == small.edges.count + 1)
        #expect(Set(small.nodes).isSubset(of: Set(big.nodes)))
        #expect(Set(small.edges).isSubset(of: Set(big.edges)))
    }

    @Test func edgeIDsMatchTheStatementIRIsOfTheRDFView() {
        let minter = IRIMinter(base: "https://ex.org/kg/")
        let g = GraphMLFixture.varied()
        let pg = PropertyGraph(graph: g, minter: minter)
        let statements = Set(g.rdfTriples(minter: minter).filter { $0.object == .iri(RDF.statement) }.compactMap(\.subject.iri))
        #expect(Set(pg.edges.map(\.statement)) == statements)
        for e in pg.edges {
            let hash = e.statement.value.dropFirst("https://ex.org/kg/statement/".count)
            #expect(e.id == "e" + hash || e.id.hasPrefix("e" + hash + "-"))
        }
        #expect(pg.edges.count == g.sortedFacts.reduce(0) { $0 + $1.mentions.count })
    }

    @Test func specialNodesAndEdges() throws {
        let pg = PropertyGraph(graph: GraphMLFixture.varied())
        let byID = Dictionary(uniqueKeysWithValues: pg.nodes.map { ($0.id, $0) })
        // Two texts with one slug: both carry the hash of their exact text.
        let ambassadors = pg.nodes.filter { $0.id.hasPrefix("literal.ambassador") }
        #expect(ambassadors.map(\.label) == ["Ambassador", "ambassador"] || ambassadors.map(\.label) == ["ambassador", "Ambassador"])
        #expect(ambassadors.allSatisfy { $0.id.count == "literal.ambassador.h".count + 16 && $0.iri == nil && $0.type == "Literal" })
        // A single text keeps the plain slug.
        #expect(byID["literal.president"]?.label == "President")
        // An entity a fact names but the graph never added: no label, as in RDF.
        #expect(byID["country.atlantis"] == PropertyGraph.Node(id: "country.atlantis", iri: IRI("https://prosegraph.org/id/country/atlantis"),
                                                                label: nil, type: "Country", wikidata: nil))
        // Two mentions of one sentence that differ only in confidence: numbered apart (StatementKeys),
        // two statements and two edges.
        let twins = pg.edges.filter { $0.source == "city.sample-city" && $0.target == "place.sample-place" }
        #expect(twins.count == 2)
        #expect(twins[0].statement != twins[1].statement && twins.allSatisfy { !$0.id.contains("-") })
        #expect(Set(pg.nodes.map(\.id)).count == pg.nodes.count && Set(pg.edges.map(\.id)).count == pg.edges.count)
        #expect(pg.nodes.map(\.id) == pg.nodes.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(pg.edges.map(\.id) == pg.edges.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}

@Suite struct GraphMLValidation {
    static let documents: [(String, KnowledgeGraph)] = [
        ("small", GraphMLFixture.small()), ("hostile", GraphMLFixture.hostile()),
        ("varied", GraphMLFixture.varied()), ("empty", KnowledgeGraph()),
    ]

    @Test func validAgainstTheProfileSchema() throws {
        for (name, g) in Self.documents {
            let xml = try GraphMLFixture.graphML(PropertyGraph(graph: g))
            #expect(try GraphMLFixture.issues(xml, schema: GraphMLFixture.profileSchema) == [], "\(name)")
        }
    }

    @Test func theProfileSchemaRejectsBrokenDocuments() throws {
        let xml = try GraphMLFixture.graphML(PropertyGraph(graph: GraphMLFixture.small()))
        func issues(_ from: String, _ to: String) throws -> [String] {
            #expect(xml.contains(from))
            return try GraphMLFixture.issues(xml.replacing(from, with: to, maxReplacements: 1), schema: GraphMLFixture.profileSchema)
        }
        #expect(try issues("target=\"literal.president\"", "target=\"literal.nobody\"") == [
            "70: Element '{http://graphml.graphdrawing.org/xmlns}edge': No match found for key-sequence ['literal.nobody'] of keyref '{http://graphml.graphdrawing.org/xmlns}edge_target_ref'.",
        ])
        let duplicate = try issues("<data key=\"wikidata\">", "<data key=\"type\">")
        #expect(duplicate.first ==
            "26: Element '{http://graphml.graphdrawing.org/xmlns}data': Duplicate key-sequence ['type'] in unique identity-constraint '{http://graphml.graphdrawing.org/xmlns}node_data_key_unique'.")
        let wrongDomain = try issues("<data key=\"wikidata\">", "<data key=\"label\">")
        #expect(wrongDomain.first ==
            "26: Element '{http://graphml.graphdrawing.org/xmlns}data', attribute 'key': [facet 'enumeration'] The value 'label' is not an element of the set {'iri', 'name', 'type', 'wikidata', 'labels'}.")
        #expect(try issues("<node id=\"country.belgium\">", "<node id=\"country/belgium\">").isEmpty == false)
        #expect(try issues("  <key id=\"date\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>\n", "") == [
            "20: Element '{http://graphml.graphdrawing.org/xmlns}graph': This element is not expected. Expected is ( {http://graphml.graphdrawing.org/xmlns}key ).",
        ])
    }

    /// CI always has the official XSDs: there a missing folder fails, saying what to set.
    @Test func officialSchemaIsPresentUnderCI() {
        ReferenceData.requireUnderCI([.graphML])
    }

    /// The official GraphML 1.1 XSDs and their catalog are reference data
    /// (`graphml/` in PROSEGRAPH_SUITES); without them this test is skipped
    /// and says so. The profile schema above needs nothing and always runs.
    @Test(.needs(.graphML))
    func validAgainstTheOfficialSchema() throws {
        let dir = ReferenceData.graphML.path
        for (name, g) in Self.documents {
            let xml = try GraphMLFixture.graphML(PropertyGraph(graph: g))
            #expect(try GraphMLFixture.issues(xml, schema: dir + "/graphml.xsd", catalog: dir + "/catalog.xml") == [], "\(name)")
        }
    }
}
