#if canImport(Glibc)
import Glibc
#endif
import Testing
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel

/// A small property graph in GraphML; `date` is the date of edge e1,
/// `extraNode` adds a node, `dropEdge` leaves out edge e2.
private func graph(date: String = "2015-02", extraNode: Bool = false, dropEdge: Bool = false,
                   anonymous: [String] = [#"<edge source="be" target="sy"><data key="w">0.5</data></edge>"#]) throws -> GraphMLDocument {
    let xml = """
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="name" for="node" attr.name="label" attr.type="string"/>
      <key id="pop" for="node" attr.name="population" attr.type="long"/>
      <key id="date" for="edge" attr.name="date" attr.type="string"/>
      <key id="w" for="edge" attr.name="weight" attr.type="double"/>
      <graph id="G" edgedefault="directed">
        <node id="be"><data key="name">Belgium</data><data key="pop">11700000</data></node>
        <node id="sy"><data key="name">Syria</data></node>
        \(extraNode ? #"<node id="eg"><data key="name">Egypt</data></node>"# : "")
        <edge id="e1" source="be" target="sy"><data key="date">\(date)</data></edge>
        \(dropEdge ? "" : #"<edge id="e2" source="sy" target="be"><data key="w">1.0</data></edge>"#)
        \(anonymous.joined(separator: "\n"))
      </graph>
    </graphml>
    """
    return try GraphMLReader().read(Array(xml.utf8))
}

@Suite struct PropertyGraphDiffTests {
    static let heading = "comparing as property graphs (GraphML): node ids, edge endpoints and data\n"

    @Test func identicalIsEmpty() throws {
        let d = PropertyGraphDiff(old: try graph(), new: try graph())
        #expect(d.isEmpty)
        #expect(d.text(color: false) == Self.heading + "old: 2 nodes, 3 edges; new: 2 nodes, 3 edges\nno differences\n")
        #expect(d.json() == """
        {
          "comparison": "property graph",
          "same": true,
          "old": {"nodes": 2, "edges": 3},
          "new": {"nodes": 2, "edges": 3},
          "nodesAdded": [],
          "nodesRemoved": [],
          "nodesChanged": [],
          "edgesAdded": [],
          "edgesRemoved": [],
          "edgesChanged": []
        }

        """)
    }

    @Test func keyIDsAndOrderDoNotCount() throws {
        let a = try graph(anonymous: [#"<edge source="be" target="sy"/>"#, #"<edge source="sy" target="be"/>"#])
        let xml = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="x9" for="edge" attr.name="weight" attr.type="double"/>
          <key id="x1" for="node" attr.name="label" attr.type="string"/>
          <key id="x2" for="node" attr.name="population" attr.type="long"/>
          <key id="x3" for="edge" attr.name="date" attr.type="string"/>
          <graph edgedefault="directed">
            <edge source="sy" target="be"/>
            <edge id="e2" source="sy" target="be"><data key="x9">1</data></edge>
            <node id="sy"><data key="x1">Syria</data></node>
            <edge source="be" target="sy"/>
            <edge id="e1" source="be" target="sy"><data key="x3">2015-02</data></edge>
            <node id="be"><data key="x2">11700000</data><data key="x1">Belgium</data></node>
          </graph>
        </graphml>
        """
        #expect(PropertyGraphDiff(old: a, new: try GraphMLReader().read(Array(xml.utf8))).isEmpty)
    }

    /// The same graph written by prosegraph and rewritten by networkx (other key ids,
    /// `int` written as `long`): no difference, as number widths do not count.
    @Test func numberWidthsDoNotCount() throws {
        func file(_ relative: String) throws -> [UInt8] {
            var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
            parts.removeLast(3)
            let path = parts.joined(separator: "/") + "/" + relative
            let f = try #require(fopen(path, "rb"))
            defer { fclose(f) }
            var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096)
            while case let n = fread(&chunk, 1, chunk.count, f), n > 0 { bytes += chunk[..<n] }
            return bytes
        }
        let rewritten = try GraphMLReader().read(try file("Tests/Fixtures/graphml/networkx-prosegraph.graphml"))
        #expect(rewritten.edges.allSatisfy { $0.data["start"]?.type == .long })
        var ints = rewritten
        for i in ints.edges.indices {
            for k in ["start", "end"] { ints.edges[i].data[k] = ints.edges[i].data[k]?.integer.map { .int(Int32($0)) } }
            ints.edges[i] = GraphMLDocument.Edge(id: nil, source: ints.edges[i].source, target: ints.edges[i].target,
                                                 directed: true, data: ints.edges[i].data)
        }
        #expect(PropertyGraphDiff(old: rewritten, new: ints).isEmpty)
        ints.edges[0].data["start"] = .int(121)
        #expect(PropertyGraphDiff(old: rewritten, new: ints).edgesRemoved.count == 1)
    }

    @Test func changedDate() throws {
        let d = PropertyGraphDiff(old: try graph(), new: try graph(date: "2016-03"))
        #expect(d.edgesChanged.map(\.changes) == [[.init(key: "date", old: .string("2015-02"), new: .string("2016-03"))]])
        #expect(d.text(color: false) == Self.heading + """
        old: 2 nodes, 3 edges; new: 2 nodes, 3 edges

        Edges changed (1)
          ~ e1 (be -> sy)
            date: "2015-02" -> "2016-03"

        nodes: 0 added, 0 removed, 0 changed; edges: 0 added, 0 removed, 1 changed

        """)
        #expect(d.json().contains("""
          "edgesChanged": [
            {"old": {"id": "e1", "source": "be", "target": "sy", "directed": true, "data": {"date": "2015-02"}}, \
        "new": {"id": "e1", "source": "be", "target": "sy", "directed": true, "data": {"date": "2016-03"}}, \
        "changes": [{"key": "date", "old": "2015-02", "new": "2016-03"}]}
          ]
        """))
    }

    @Test func addedNode() throws {
        let d = PropertyGraphDiff(old: try graph(), new: try graph(extraNode: true))
        #expect(d.nodesAdded.map(\.id) == ["eg"])
        #expect(d.text(color: false) == Self.heading + """
        old: 2 nodes, 3 edges; new: 3 nodes, 3 edges

        Nodes added (1)
          + eg {label: "Egypt"}

        nodes: 1 added, 0 removed, 0 changed; edges: 0 added, 0 removed, 0 changed

        """)
        #expect(d.json().contains(#""nodesAdded": [\#n    {"id": "eg", "data": {"label": "Egypt"}}\#n  ],"#))
    }

    @Test func removedEdge() throws {
        let d = PropertyGraphDiff(old: try graph(), new: try graph(dropEdge: true))
        #expect(d.text(color: false) == Self.heading + """
        old: 2 nodes, 3 edges; new: 2 nodes, 2 edges

        Edges removed (1)
          - e2 (sy -> be) {weight: 1.0}

        nodes: 0 added, 0 removed, 0 changed; edges: 0 added, 1 removed, 0 changed

        """)
        #expect(d.json().contains(#""edgesRemoved": [\#n    {"id": "e2", "source": "sy", "target": "be", "directed": true, "data": {"weight": 1.0}}\#n  ],"#))
    }

    @Test func everythingAtOnceInColor() throws {
        let old = try graph(anonymous: [#"<edge source="be" target="sy"><data key="w">0.5</data></edge>"#])
        var new = try graph(date: "2016", extraNode: true, dropEdge: true,
                            anonymous: [#"<edge source="be" target="sy"><data key="w">0.75</data></edge>"#])
        new.nodes[0].data["population"] = .long(11_800_000)
        new.nodes[1].data["population"] = .long(22_000_000)
        let d = PropertyGraphDiff(old: old, new: new)
        let (g, r, y, b, o) = ("\u{1B}[32m", "\u{1B}[31m", "\u{1B}[33m", "\u{1B}[1m", "\u{1B}[0m")
        #expect(d.text(color: true) == Self.heading + """
        old: 2 nodes, 3 edges; new: 3 nodes, 2 edges

        \(b)Nodes added (1)\(o)
          \(g)+ eg {label: "Egypt"}\(o)

        \(b)Nodes changed (2)\(o)
          \(y)~ be
            population: 11700000 -> 11800000\(o)
          \(y)~ sy
            population: (none) -> 22000000\(o)

        \(b)Edges added (1)\(o)
          \(g)+ be -> sy {weight: 0.75}\(o)

        \(b)Edges removed (2)\(o)
          \(r)- e2 (sy -> be) {weight: 1.0}\(o)
          \(r)- be -> sy {weight: 0.5}\(o)

        \(b)Edges changed (1)\(o)
          \(y)~ e1 (be -> sy)
            date: "2015-02" -> "2016"\(o)

        nodes: 1 added, 0 removed, 2 changed; edges: 1 added, 2 removed, 1 changed

        """)
    }

    @Test func idMatchedEdgeWithNewEndpoints() throws {
        let old = try graph()
        let xml = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="date" for="edge" attr.name="date" attr.type="string"/>
          <graph edgedefault="directed">
            <node id="be"/><node id="sy"/>
            <edge id="e1" source="sy" target="be" directed="false"><data key="date">2015-02</data></edge>
          </graph>
        </graphml>
        """
        let d = PropertyGraphDiff(old: GraphMLDocument(nodes: [], edges: old.edges.filter { $0.id == "e1" }),
                                  new: GraphMLDocument(nodes: [], edges: try GraphMLReader().read(Array(xml.utf8)).edges))
        #expect(d.text(color: false).contains("""
          ~ e1 (sy -- be)
            endpoints: e1 (be -> sy) -> e1 (sy -- be)

        """))
    }

    @Test func parallelAnonymousEdgesAreAMultiset() throws {
        let one = #"<edge source="be" target="sy"/>"#
        let d = PropertyGraphDiff(old: try graph(anonymous: [one, one]), new: try graph(anonymous: [one]))
        #expect(d.edgesRemoved.map { "\($0.source)->\($0.target) \($0.id ?? "-")" } == ["be->sy -"])
        #expect(d.edgesAdded.isEmpty)
    }

    @Test func largeGraphsDiffQuickly() throws {
        // 20 000 nodes and edges each: hashing, not pairwise comparison.
        var nodes: [GraphMLDocument.Node] = [], edges: [GraphMLDocument.Edge] = []
        for i in 0..<20_000 {
            nodes.append(.init(id: "n\(i)", data: ["i": .long(Int64(i))]))
            edges.append(.init(id: nil, source: "n\(i)", target: "n\((i + 1) % 20_000)", directed: true, data: [:]))
        }
        let old = GraphMLDocument(nodes: nodes, edges: edges)
        var new = old
        new.edges.removeLast()
        let d = PropertyGraphDiff(old: old, new: new)
        #expect(d.edgesRemoved.count == 1 && d.edgesAdded.isEmpty && d.nodesChanged.isEmpty)
    }
}
