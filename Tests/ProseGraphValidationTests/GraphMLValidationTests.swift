import Testing
import ProseGraphFormats
import ProseGraphModel
import ProseGraphValidation

private enum Fixture {
    static let schema: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Schemas/graphml/prosegraph-graphml.xsd"
    }()

    /// A small document of the profile: lines 1-20 the header and keys, 21 `<graph>`,
    /// nodes from line 22 (country.norway 22-28, literal 29-33), the edge at 34 (its data 35-47;
    /// `dateEarliest` and `dateLatest` only when the date is valid).
    static func document(nodes: String = defaultNodes, edges: String = defaultEdge) -> [UInt8] {
        var s = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">

        """
        for k in GraphMLWriter.keys {
            s += "  <key id=\"\(k.id)\" for=\"\(k.domain.rawValue)\" attr.name=\"\(k.name)\" attr.type=\"\(k.type.rawValue)\"/>\n"
        }
        s += "  <graph id=\"G\" edgedefault=\"directed\">\n" + nodes + edges + "  </graph>\n</graphml>\n"
        return Array(s.utf8)
    }

    static let defaultNodes = """
        <node id="country.norway">
          <data key="iri">https://prosegraph.org/id/country/norway</data>
          <data key="name">Norway</data>
          <data key="type">Country</data>
          <data key="wikidata">Q20</data>
          <data key="labels">:Country</data>
        </node>
        <node id="literal.prime-minister">
          <data key="name">Prime Minister</data>
          <data key="type">Literal</data>
          <data key="labels">:Literal</data>
        </node>

    """

    static func edge(date: String = "2020-04", start: String = "0", end: String = "40", confidence: String = "0.9",
                     source: String = "country.norway", target: String = "literal.prime-minister", extra: String = "") -> String {
        """
            <edge id="e0003d920864b498c" source="\(source)" target="\(target)">
              <data key="label">holdsPosition</data>
              <data key="predicate">holdsPosition</data>
              <data key="predicateIRI">https://prosegraph.org/ontology#holdsPosition</data>
              <data key="statement">https://prosegraph.org/id/statement/0003d920864b498c</data>
              <data key="date">\(date)</data>\(bounds(date))
              <data key="source">https://prosegraph.org/id/document/norway</data>
              <data key="evidence">In April 2020, the Prime Minister spoke.</data>
              <data key="start">\(start)</data>
              <data key="end">\(end)</data>
              <data key="rule">title.before-name</data>
              <data key="confidence">\(confidence)</data>\(extra)
            </edge>

        """
    }

    static let defaultEdge = edge()

    /// The `dateEarliest` and `dateLatest` lines that follow a valid date.
    static func bounds(_ date: String) -> String {
        guard let d = FactDate(iso: date) else { return "" }
        return "\n      <data key=\"dateEarliest\">\(d.earliestDay)</data>\n      <data key=\"dateLatest\">\(d.latestDay)</data>"
    }

    static func validate(_ bytes: [UInt8]) throws -> [String] {
        try GraphMLValidation.validate(bytes: bytes, path: "g.graphml", schema: schema).map(\.description)
    }
}

@Test func aDocumentOfTheProfileHasNoIssues() throws {
    let issues = try Fixture.validate(Fixture.document())
    #expect(issues == [])
}

@Test func everyGraphProblemIsReportedWithItsPosition() throws {
    // Lines: <graph> 21, node country.norway 22 (without its name: 22-27), the literal node 28, the edge 33, its data 34-44 (an invalid date: no bounds).
    let nodes = Fixture.defaultNodes.replacing("      <data key=\"name\">Norway</data>\n", with: "")
    let doc = Fixture.document(nodes: nodes, edges: Fixture.edge(date: "April 2020", start: "abc", confidence: "1.5"))
    let issues = try Fixture.validate(doc)
    #expect(issues == [
        "22:5: profile: node 'country.norway' has no label (no data with key 'name')",
        "38:7: profile: edge 'e0003d920864b498c': the date 'April 2020' is not YYYY, YYYY-MM or YYYY-MM-DD",
        "41:7: graph: edge 'e0003d920864b498c': the value 'abc' of key 'start' is not a valid int",
        "44:7: profile: edge 'e0003d920864b498c': the confidence 1.5 is not between 0 and 1",
    ])
}

@Test func schemaErrorsComeWithLineAndColumn() throws {
    let nodes = Fixture.defaultNodes.replacing("<data key=\"type\">Country</data>",
                                              with: "<data key=\"type\">Country</data><data key=\"type\">City</data>")
    let issues = try Fixture.validate(Fixture.document(nodes: nodes))
    #expect(issues == [
        "25:38: schema: Element 'data': Duplicate key-sequence ['type'] in unique identity-constraint 'node_data_key_unique'",
        "27:7: schema: Element 'data': This element is not expected",
    ])
}

@Test func aSchemaErrorHidesTheGraphCheckOfTheSameLine() throws {
    let doc = Fixture.document(edges: Fixture.edge(target: "city.atlantis"))
    let issues = try Fixture.validate(doc)
    #expect(issues == [
        "34:5: schema: Element 'edge': No match found for key-sequence ['city.atlantis'] of keyref 'edge_target_ref'",
    ])
}

@Test func anAttributeErrorPointsAtTheAttribute() throws {
    let nodes = Fixture.defaultNodes.replacing("<data key=\"wikidata\">", with: "<data key=\"nickname\">")
    let issues = try Fixture.validate(Fixture.document(nodes: nodes))
    #expect(issues == [
        "26:13: schema: Element 'data', attribute 'key': [facet 'enumeration'] The value 'nickname' is not an element of the set {'iri', 'name', 'type', 'wikidata', 'labels'}",
    ])
}

@Test func profileRulesBeyondTheSchema() throws {
    let doc = Fixture.document(edges: Fixture.edge(start: "50", source: "literal.prime-minister", target: "country.norway"))
    let issues = try Fixture.validate(doc)
    #expect(issues == [
        "34:34: profile: edge 'e0003d920864b498c': the source 'literal.prime-minister' is a literal node, not an entity",
        "45:7: profile: edge 'e0003d920864b498c': the end offset 40 is not after the start offset 50",
    ])
}

@Test func dateBoundsFollowTheDate() throws {
    // The edge at 34: date 39, dateEarliest 40, dateLatest 41.
    var text = String(decoding: Fixture.document(), as: UTF8.self)
    text = text.replacing("<data key=\"dateLatest\">2020-04-30</data>", with: "<data key=\"dateLatest\">2020-05-31</data>")
    #expect(try Fixture.validate(Array(text.utf8)) == [
        "41:7: profile: edge 'e0003d920864b498c': the dateLatest '2020-05-31' is not 2020-04-30, the last day of 2020-04",
    ])
    // Without the date, its bounds stand alone (dateEarliest now at 39, dateLatest at 40).
    text = String(decoding: Fixture.document(), as: UTF8.self).replacing("\n      <data key=\"date\">2020-04</data>", with: "")
    #expect(try Fixture.validate(Array(text.utf8)) == [
        "39:7: profile: edge 'e0003d920864b498c' has 'dateEarliest' data but no 'date'",
        "40:7: profile: edge 'e0003d920864b498c' has 'dateLatest' data but no 'date'",
    ])
}

@Test func aSyntaxErrorIsTheOnlyIssue() throws {
    var text = String(decoding: Fixture.document(), as: UTF8.self)
    text = text.replacing("  </graph>", with: "  </grap>")
    let issues = try Fixture.validate(Array(text.utf8))
    #expect(issues == [
        "49:10: syntax: Opening and ending tag mismatch: graph line 21 and grap",
    ])
}

@Test func anUnreadableSchemaMeansNoValidation() {
    #expect(throws: GraphMLValidationError.self) {
        _ = try GraphMLValidation.validate(bytes: Fixture.document(), path: "g.graphml", schema: "/nonexistent/schema.xsd")
    }
}

@Test func theGraphMLReportRendersTextAndJSON() {
    let report = GraphMLReport(file: "g.graphml", issues: [
        GraphMLIssue(kind: .schema, line: 3, column: 5, message: "Element 'node': bad"),
        GraphMLIssue(kind: .syntax, line: nil, column: nil, message: "a \"quoted\" word"),
    ])
    #expect(report.text() == """
        g.graphml: does not conform: 2 problems
        g.graphml:3:5: schema: Element 'node': bad
        g.graphml: syntax: a "quoted" word

        """)
    #expect(report.json() == """
        {
          "file": "g.graphml",
          "conforms": false,
          "issueCount": 2,
          "issues": [
            {"line": 3, "column": 5, "kind": "schema", "message": "Element 'node': bad"},
            {"line": null, "column": null, "kind": "syntax", "message": "a \\"quoted\\" word"}
          ]
        }

        """)
    let clean = GraphMLReport(file: "g.graphml", issues: [])
    #expect(clean.text() == "g.graphml: conforms\n")
    #expect(clean.json() == "{\n  \"file\": \"g.graphml\",\n  \"conforms\": true,\n  \"issueCount\": 0,\n  \"issues\": []\n}\n")
}
