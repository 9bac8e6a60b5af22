import Testing
import ProseGraphKit
import ProseGraphFormats
import ProseGraphModel
#if canImport(Glibc)
import Glibc
#endif

/// A small export: four entities, three facts; one fact stated twice, on two
/// dates, one stated once with an evidence sentence full of characters to
/// escape, one asserted with no statement.
enum DrawFixture {
    static let id = "https://prosegraph.org/id/", pg = "https://prosegraph.org/ontology#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", xsd = "http://www.w3.org/2001/XMLSchema#"
    static let nif = NIF.namespace, prov = PROV.namespace

    /// The sentence statement `name` was read from.
    static func sentence(_ name: String) -> String { "<\(id)document/belgium-syria#\(name)>" }

    static func entity(_ path: String, _ type: String, _ label: String) -> String {
        "<\(id)\(path)> <\(rdf)type> <\(pg)\(type)> .\n<\(id)\(path)> <http://www.w3.org/2000/01/rdf-schema#label> \"\(label)\" .\n"
    }

    static func statement(_ name: String, _ s: String, _ p: String, _ o: String, date: (String, String)?, evidence: String) -> String {
        let st = "<\(id)statement/\(name)>"
        var text = "\(st) <\(rdf)type> <\(rdf)Statement> .\n\(st) <\(rdf)subject> <\(id)\(s)> .\n"
            + "\(st) <\(rdf)predicate> <\(pg)\(p)> .\n\(st) <\(rdf)object> \(o.hasPrefix("\"") ? o : "<\(id)\(o)>") .\n"
            + "\(st) <\(prov)wasDerivedFrom> \(sentence(name)) .\n\(sentence(name)) <\(rdf)type> <\(nif)Sentence> .\n"
            + "\(sentence(name)) <\(nif)anchorOf> \"\(evidence)\" .\n\(sentence(name)) <\(nif)referenceContext> <\(id)document/belgium-syria> .\n"
        if let (value, type) = date { text += "\(st) <\(pg)date> \"\(value)\"^^<\(xsd)\(type)> .\n" }
        return text
    }

    static let ntriples = entity("country/belgium", "Country", "Belgium")
        + "<\(id)country/belgium> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q31> .\n"
        + entity("country/syria", "Country", "Syria") + entity("city/damascus", "City", "Damascus")
        + entity("person/m-r-taymans", "Person", "M.R. Taymans")
        + "<\(id)country/belgium> <\(pg)hasEmbassyIn> <\(id)city/damascus> .\n"
        + "<\(id)country/belgium> <\(pg)establishedRelationsWith> <\(id)country/syria> .\n"
        + "<\(id)person/m-r-taymans> <\(pg)envoyTo> <\(id)country/syria> .\n"
        + "<\(id)document/belgium-syria> <\(rdf)type> <\(pg)Document> .\n"
        + "<\(id)document/belgium-syria> <\(pg)title> \"Belgium–Syria relations\" .\n"
        + "<\(id)document/belgium-syria> <\(pg)sourcePath> \"Input/belgium-syria.txt\" .\n"
        + statement("a1", "country/belgium", "hasEmbassyIn", "city/damascus", date: nil,
                    evidence: #"BELGIUM has an embassy in Damascus & a \"consulate\" <in Aleppo>."#)
        + "\(sentence("a1")) <\(nif)beginIndex> \"10\"^^<\(xsd)nonNegativeInteger> .\n"
        + "\(sentence("a1")) <\(nif)endIndex> \"72\"^^<\(xsd)nonNegativeInteger> .\n"
        + "<\(id)statement/a1> <\(pg)rule> \"embassy.has\" .\n<\(id)statement/a1> <\(pg)confidence> \"0.9\"^^<\(xsd)decimal> .\n"
        + statement("b2", "country/belgium", "establishedRelationsWith", "country/syria", date: ("1946-03-20", "date"),
                    evidence: "Belgium–Syria relations were established on 20 March 1946.")
        + statement("c3", "country/belgium", "establishedRelationsWith", "country/syria", date: ("1946", "gYear"),
                    evidence: "In 1946 the two countries, Belgium and Syria, opened relations.")

    static func quads(_ text: String = ntriples) throws -> [Quad] {
        var quads: [Quad] = []
        try NTriplesReader(options: ReaderOptions(path: "small.nt")).read(Array(text.utf8)) { quads.append($0) }
        return quads
    }

    static func graph(_ text: String = ntriples) throws -> FactGraph { FactGraph(quads: try quads(text)) }
}

enum CI {
    static let enabled = getenv("CI").map { String(cString: $0) == "true" } ?? false
}

@Suite struct GraphPictureTests {
    @Test func smallGraphGivesExactDOT() throws {
        let graph = try DrawFixture.graph()
        #expect(graph.nodes.map(\.label) == ["Belgium", "Syria", "Damascus", "M.R. Taymans"])
        #expect(graph.facts.map(\.mentions.count) == [2, 1, 0])
        #expect(graph.nodes[0].wikidata == "Q31" && graph.documents.map(\.displayName) == ["Belgium–Syria relations"])
        #expect(GraphPicture(graph, title: "small.nt").dot() == """
        digraph prosegraph {
          graph [layout=dot, rankdir=LR, overlap=false, fontname="Helvetica", fontsize=12, labelloc=t, label="small.nt"];
          node [fontname="Helvetica", fontsize=10];
          edge [fontname="Helvetica", fontsize=8, color="#555555", fontcolor="#333333"];

          n1 [label="Belgium", shape=box, style="rounded,filled", fillcolor="#9ecae1", tooltip="https://prosegraph.org/id/country/belgium"];
          n2 [label="Syria", shape=box, style="rounded,filled", fillcolor="#9ecae1", tooltip="https://prosegraph.org/id/country/syria"];
          n3 [label="Damascus", shape=house, style=filled, fillcolor="#fdae6b", tooltip="https://prosegraph.org/id/city/damascus"];
          n4 [label="M.R. Taymans", shape=ellipse, style=filled, fillcolor="#a1d99b", tooltip="https://prosegraph.org/id/person/m-r-taymans"];

          n1 -> n2 [label="establishedRelationsWith\\n1946, 1946-03-20", tooltip="Belgium establishedRelationsWith Syria (2 mentions)"];
          n1 -> n3 [label="hasEmbassyIn", tooltip="Belgium hasEmbassyIn Damascus (1 mention)"];
          n4 -> n2 [label="envoyTo", tooltip="M.R. Taymans envoyTo Syria"];

          subgraph cluster_legend {
            graph [label="Legend", fontsize=10, style=dashed, color="#aaaaaa"];
            legend_country [label="Country", shape=box, style="rounded,filled", fillcolor="#9ecae1"];
            legend_city [label="City", shape=house, style=filled, fillcolor="#fdae6b"];
            legend_person [label="Person", shape=ellipse, style=filled, fillcolor="#a1d99b"];
          }
        }

        """)
    }

    @Test func aroundAnEntityAtDepthOneGivesExactDOT() throws {
        // A title (a literal object) is a note; from Taymans at depth 1: Syria and the title, not Belgium or Damascus.
        // sfdp draws no clusters: the legend is a row of cells under the title, in an HTML-like label.
        let text = DrawFixture.ntriples
            + "<\(DrawFixture.id)person/m-r-taymans> <\(DrawFixture.pg)holdsPosition> \"Chargé d'Affaires\" .\n"
        let graph = try DrawFixture.graph(text)
        let around = graph.neighbourhood(of: try graph.node(matching: "m.r. TAYMANS"), depth: 1)
        #expect(GraphPicture(around, title: "around \"M.R. Taymans\" & co", layout: .sfdp).dot() == """
        digraph prosegraph {
          graph [layout=sfdp, rankdir=LR, overlap=false, fontname="Helvetica", fontsize=12, labelloc=t, label=<<table border="0" cellspacing="3"><tr><td colspan="3">around &quot;M.R. Taymans&quot; &amp; co</td></tr><tr><td border="1" bgcolor="#9ecae1">Country</td><td border="1" bgcolor="#a1d99b">Person</td><td border="1" bgcolor="#ffffff">Literal</td></tr></table>>];
          node [fontname="Helvetica", fontsize=10];
          edge [fontname="Helvetica", fontsize=8, color="#555555", fontcolor="#333333"];

          n1 [label="Syria", shape=box, style="rounded,filled", fillcolor="#9ecae1", tooltip="https://prosegraph.org/id/country/syria"];
          n2 [label="M.R. Taymans", shape=ellipse, style=filled, fillcolor="#a1d99b", penwidth=3, tooltip="https://prosegraph.org/id/person/m-r-taymans"];
          n3 [label="Chargé d'Affaires", shape=note, style=solid, tooltip="Chargé d'Affaires"];

          n2 -> n1 [label="envoyTo", tooltip="M.R. Taymans envoyTo Syria"];
          n2 -> n3 [label="holdsPosition", tooltip="M.R. Taymans holdsPosition Chargé d'Affaires"];
        }

        """)
        // Depth 2 from Syria reaches Damascus through Belgium; the title is reached, but not gone through.
        let syria = try graph.node(matching: "Syria")
        #expect(graph.neighbourhood(of: syria, depth: 1).nodes.map(\.label) == ["Belgium", "Syria", "M.R. Taymans"])
        #expect(graph.neighbourhood(of: syria, depth: 2).nodes.map(\.label) == ["Belgium", "Syria", "Damascus", "M.R. Taymans", "Chargé d'Affaires"])
    }

    @Test func sameTriplesInAnyOrderGiveTheSameBytes() throws {
        let quads = try DrawFixture.quads()
        let a = FactGraph(quads: quads), b = FactGraph(quads: quads.reversed())
        #expect(GraphPicture(a).dot() == GraphPicture(b).dot())
        #expect(GraphReport(a, title: "t").html() == GraphReport(b, title: "t").html())
    }

    @Test func labelsAreEscapedForGraphviz() throws {
        let text = DrawFixture.entity("organization/x", "Organization", #"A \"B\" \\ C & D &lt; E"#)
            + "<\(DrawFixture.id)organization/x> <\(DrawFixture.pg)basedIn> <\(DrawFixture.id)country/belgium> .\n"
        let dot = GraphPicture(try DrawFixture.graph(text)).dot()
        #expect(dot.contains(#"n1 [label="A \"B\" \\ C &amp; D &amp;lt; E", shape=component"#))
        // An IRI with no type or label: the dashed "other" shape, labelled with its last segment.
        #expect(dot.contains(##"n2 [label="belgium", shape=ellipse, style=dashed, color="#888888""##))
    }

    @Test func entityLookupNamesTheCandidates() throws {
        let graph = try DrawFixture.graph(DrawFixture.ntriples + DrawFixture.entity("place/syria-street", "Place", "syria")
                                          + DrawFixture.entity("place/syria-square", "Place", "syria"))
        #expect(graph.nodes[try graph.node(matching: "Syria")].name == "https://prosegraph.org/id/country/syria")
        #expect(graph.nodes[try graph.node(matching: "<https://prosegraph.org/id/city/damascus>")].label == "Damascus")
        #expect(graph.nodes[try graph.node(matching: "damascus")].label == "Damascus")
        #expect(throws: FactGraph.LookupError.ambiguous(query: "syria", candidates: [
            "syria (Place, https://prosegraph.org/id/place/syria-square)", "syria (Place, https://prosegraph.org/id/place/syria-street)",
        ])) { try graph.node(matching: "syria") }
        #expect(throws: FactGraph.LookupError.ambiguous(query: "SYRIA", candidates: [
            "Syria (Country, https://prosegraph.org/id/country/syria)", "syria (Place, https://prosegraph.org/id/place/syria-square)",
            "syria (Place, https://prosegraph.org/id/place/syria-street)",
        ])) { try graph.node(matching: "SYRIA") }
    }

    @Test func unknownAndAmbiguousEntitiesAreErrorsNamingTheFile() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        writeFile(dir + "/small.nt", Array(DrawFixture.ntriples.utf8))
        func failure(_ around: String) -> String? {
            do { _ = try GraphSelection(input: dir + "/small.nt", around: around).load(); return nil } catch { return error.description }
        }
        #expect(failure("Atlantis") == "\(dir)/small.nt: no entity has the IRI or label 'Atlantis', and no label contains it")
        #expect(failure("s") == "\(dir)/small.nt: no entity has the IRI or label 's'; labels that contain it: "
            + "Syria (Country, https://prosegraph.org/id/country/syria), "
            + "Damascus (City, https://prosegraph.org/id/city/damascus), M.R. Taymans (Person, https://prosegraph.org/id/person/m-r-taymans)")
        let around = try GraphSelection(input: dir + "/small.nt", around: "belgium", depth: 1).load()
        #expect(GraphSelection(input: dir + "/small.nt").title(of: around) == "\(dir)/small.nt, around Belgium (depth 1): 3 entities, 2 facts")
    }

    @Test func missingGraphvizIsAClearError() throws {
        #expect(Graphviz(searchPath: "/nonexistent:/also-not").program == nil)
        #expect(Graphviz(searchPath: "").program == nil)
        let message = "out.svg: drawing SVG needs Graphviz's dot program, which is not on the PATH: install Graphviz "
            + "(Debian, Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or write DOT instead (-o FILE.dot, or --format dot)"
        #expect(throws: ReadFailure.self) { try Graphviz(program: nil).render("digraph {}", as: .svg, for: "out.svg") }
        do { _ = try Graphviz(program: nil).render("digraph {}", as: .svg, for: "out.svg") } catch { #expect(error.description == message) }
        // DOT needs no Graphviz.
        #expect(try Graphviz(program: nil).render("digraph {}\n", as: .dot, for: "out.dot") == Array("digraph {}\n".utf8))
        // The job fails before reading anything, and writes nothing.
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        var job = DrawJob(selection: GraphSelection(input: dir + "/missing.nt"), output: dir + "/g.png", format: .png)
        job.graphviz = Graphviz(searchPath: dir)
        do { try job.run(); Issue.record("no error") } catch {
            #expect(error.description.hasPrefix("\(dir)/g.png: drawing PNG needs Graphviz's dot program, which is not on the PATH"))
        }
        #expect(FileSystem.kind(dir + "/g.png") == .missing)
    }

    @Test func pictureFormatsComeFromExtensions() {
        #expect(PictureFormat.from(path: "a/b.SVG") == .svg && PictureFormat.from(path: "x.gv") == .dot && PictureFormat.from(path: "x.png") == .png)
        #expect(PictureFormat.from(path: "x.html") == nil && PictureFormat.from(path: "dir.svg/x") == nil && PictureFormat.from(path: "-") == nil)
    }

    /// Runs where dot is on the PATH, and always under CI=true (where a missing dot fails).
    @Test(.enabled(if: Graphviz().program != nil || CI.enabled, "Graphviz's dot is not on the PATH"))
    func graphvizDrawsSVGAndPNG() throws {
        let dot = GraphPicture(try DrawFixture.graph()).dot()
        let svg = String(decoding: try Graphviz().render(dot, as: .svg, for: "g.svg"), as: UTF8.self)
        #expect(svg.contains("<svg") && svg.contains(">M.R. Taymans</text>") && svg.contains(">establishedRelationsWith</text>"))
        // The HTML-like label of layouts without clusters, with a title to escape, is valid for Graphviz.
        let sfdp = GraphPicture(try DrawFixture.graph(), title: #"a "b" & <c>"#, layout: .sfdp).dot()
        let svg2 = String(decoding: try Graphviz().render(sfdp, as: .svg, for: "g.svg"), as: UTF8.self)
        #expect(svg2.contains(">a &quot;b&quot; &amp; &lt;c&gt;</text>") && svg2.contains(">Person</text>"))
        let png = try Graphviz().render(dot, as: .png, for: "g.png")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        do { _ = try Graphviz().render("digraph { a -> }", as: .svg, for: "bad.svg"); Issue.record("no error") } catch {
            #expect(error.description.hasPrefix("bad.svg: \(Graphviz().program!) failed (exit status 1): Error: "))
        }
    }
}
