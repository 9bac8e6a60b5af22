import Testing
import ProseGraphDiff
import ProseGraphExtraction
import ProseGraphFormats
import ProseGraphKit
import ProseGraphModel
import ProseGraphText
import ProseGraphValidation

/// Replays every input saved under Tests/Fixtures/fuzz/<target>/ (crashes the
/// fuzzers found, and small inputs that exercise error paths) through the entry
/// point of the fuzz target of that name, and checks its exact outcome.
///
/// `FuzzReplay.outcome` makes the same calls, with the same options, as
/// `FuzzTarget.run` in Fuzz/Sources/prosegraph-fuzz/Targets.swift (keep the two
/// in step), so `PG_FUZZ_PRINT=1 PG_FUZZ_TARGET=<target> prosegraph-fuzz FILE`
/// prints exactly the outcome expected here.
enum FuzzReplay {
    static let path = "<fuzz>"
    static let base = "file:///fuzz/input"
    static let fixtures = repositoryRoot + "/Tests/Fixtures/fuzz"

    static let pipeline = Pipeline()

    static let loader = DocumentLoader.offline([
        .text(url: "file:///fuzz/context.jsonld",
              #"{"@context": {"@vocab": "http://example.org/", "name": {"@id": "http://schema.org/name", "@language": "en"}, "knows": {"@type": "@id"}}}"#),
        .text(url: "file:///fuzz/loop.jsonld", #"{"@context": "loop.jsonld"}"#),
    ])

    static let dataGraph: [Quad] = {
        let text = """
        @prefix ex: <http://example.org/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:a a ex:Person, rdfs:Resource ; rdfs:label "Alice"@en, "Alicia" ; ex:age 42 ; ex:knows ex:b, _:c ;
            ex:born "1990-01-02"^^xsd:date ; ex:list (1 2.5 "three") .
        ex:b a ex:Person ; ex:age "x" ; ex:knows ex:a ; ex:score 1.0e3 .
        _:c ex:value true ; rdfs:label "c" .
        """
        return (try? TurtleReader(options: ReaderOptions(path: "data.ttl")).quads(Array(text.utf8))) ?? []
    }()

    static let article: Article? = {
        let text = """
        = Belgium–Syria relations =

        Infobox
        - Party1: Belgium
        - Mission1: Belgian Embassy, Damascus

        Belgium–Syria relations were established on 20 March 1946. King Philippe visited Damascus in May 2015.
        Syria opened an embassy in Brussels in 1950. The two countries signed an agreement in 2001.
        """
        return try? ArticleReader().read(bytes: Array(text.utf8), path: "article.txt")
    }()

    /// `ok: <counts>` or `error: <message>`.
    static func outcome(target: String, bytes: [UInt8]) -> String {
        do {
            return "ok: " + (try run(target: target, bytes: bytes))
        } catch {
            return "error: \(error)"
        }
    }

    private static func run(target: String, bytes: [UInt8]) throws -> String {
        let options = ReaderOptions(path: path, base: base)
        func collect(_ read: ((Quad) throws -> Void) throws -> Void) throws -> [Quad] {
            var quads: [Quad] = []
            try read { quads.append($0) }
            return quads
        }
        switch target {
        case "article":
            let article = try ArticleReader().read(bytes: bytes, path: path)
            var graph = pipeline.extract(article, documentID: "fuzz")
            graph.add(document: SourceDocument(id: "fuzz", title: article.title, path: path))
            return "\(article.sentences.count) sentences, \(graph.factCount) facts, " + check(target, bytes, graph.rdfTriples().map { Quad($0) })
        case "ntriples":
            return check(target, bytes, try collect { try NTriplesReader(options: options).read(bytes, $0) })
        case "nquads":
            return check(target, bytes, try collect { try NTriplesReader(options: options, quads: true).read(bytes, $0) })
        case "turtle":
            return check(target, bytes, try collect { try TurtleReader(options: options).read(bytes, $0) })
        case "trig":
            return check(target, bytes, try collect { try TurtleReader(options: options, trig: true).read(bytes, $0) })
        case "rdfxml":
            return check(target, bytes, try collect { try RDFXMLReader(options: options).read(bytes, $0) })
        case "jsonld":
            var quads: [Quad] = []
            let summary = try JSONLDReader(options: options, documentLoader: loader).read(bytes) { quads.append($0) }
            return "\(summary.dropped) dropped, " + check(target, bytes, quads)
        case "graphml":
            let doc = try GraphMLReader(options: options).read(bytes)
            let triples = try GraphMLToRDF.triples(doc, path: path)
            return "\(doc.nodes.count) nodes, \(doc.edges.count) edges, " + check(target, bytes, triples.map { Quad($0) })
        case "rdfpatch":
            let changes = try RDFPatch.parse(bytes, path: path)
            return "\(changes.count) changes, " + check(target, bytes, changes.map { change -> Quad in
                switch change { case .add(let q), .delete(let q): return q }
            })
        case "shacl-shapes":
            let quads = try TurtleReader(options: options).quads(bytes)
            let shapes = try ShapesGraph(quads)
            let validator = SHACLValidator(shapes: shapes)
            let onData = validator.validate(dataGraph)
            let onSelf = validator.validate(quads)
            return "\(shapes.count) shapes, \(onData.results.count) results on the data, \(onSelf.results.count) on itself"
        case "rules":
            let set = try RuleSet(bytes: bytes, file: path)
            guard let article else { return "the fixed article does not parse" }
            let graph = Pipeline(rules: set).extract(article, documentID: "fuzz")
            return "\(set.rules.count) rules, \(graph.factCount) facts"
        default:
            return "unknown fuzz target '\(target)'"
        }
    }

    /// The fuzz targets' oracles, reported instead of trapping: a reader of a
    /// UTF-8 format that accepted invalid UTF-8, and the quads through
    /// canonical N-Quads and back ("same", "not written: <why>", or what failed).
    private static func check(_ target: String, _ input: [UInt8], _ quads: [Quad]) -> String {
        if target != "rdfxml" && target != "graphml" && !isUTF8(input) { return "accepted invalid UTF-8" }
        return "\(quads.count) quads; N-Quads: " + roundTrip(quads)
    }

    static func isUTF8(_ input: [UInt8]) -> Bool {
        var bytes = input.makeIterator(), utf8 = UTF8()
        while true {
            switch utf8.decode(&bytes) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func roundTrip(_ quads: [Quad]) -> String {
        var text = ""
        for q in quads {
            do { text += try Canonicalizer.canonicalNQuadsLine(q) } catch { return "not written: \(error)" }
        }
        let back: [Quad]
        do { back = try NTriplesReader(options: ReaderOptions(path: "roundtrip.nq"), quads: true).quads(Array(text.utf8)) } catch {
            return "written, but do not read back: \(error)"
        }
        guard back == quads else {
            let diff = zip(quads, back).first { $0 != $1 }.map { "\($0.0) became \($0.1)" } ?? "\(quads.count) quads became \(back.count)"
            return "change through N-Quads: \(diff)"
        }
        return "same"
    }

    /// Every saved input, as `target/name`.
    static func savedInputs() throws -> [String] {
        var out: [String] = []
        for target in try FileSystem.list(fixtures) where FileSystem.kind(fixtures + "/" + target) == .directory {
            for name in try FileSystem.list(fixtures + "/" + target) { out.append(target + "/" + name) }
        }
        return out
    }
}

@Suite struct FuzzRegression {
    /// The exact outcome of every file under Tests/Fixtures/fuzz/.
    static let expected: [String: String] = [
        // article: ArticleReader, sentence splitting, the extraction pipeline
        "article/empty-headings.txt": "ok: 2 sentences, 0 facts, 4 quads; N-Quads: same",
        "article/truncated-utf8.txt": "error: <fuzz>:3:8: invalid UTF-8 at byte offset 28 (byte 0xC3)",
        "article/unbalanced-quote.txt": "ok: 1 sentences, 0 facts, 4 quads; N-Quads: same",
        "article/utf16-bom.txt": "error: <fuzz>:1:1: UTF-16 text is not supported: save the article as UTF-8",
        // N-Triples
        "ntriples/graph-in-ntriples.nt": "error: <fuzz>:1:51: expected '.' at the end of the triple",
        "ntriples/no-final-dot.nt": "error: <fuzz>:1:69: expected '.' at the end of the triple",
        "ntriples/surrogate-escape.nt": "error: <fuzz>:1:48: invalid escape: \\uD800 is not a Unicode scalar value",
        "ntriples/truncated-literal.nt": "error: <fuzz>:1:62: expected '\"' before the end of the line (a line break in a string is written \\n)",
        // N-Quads
        "nquads/blank-graph.nq": "ok: 2 quads; N-Quads: same",
        "nquads/five-terms.nq": "error: <fuzz>:1:93: expected '.' at the end of the quad",
        "nquads/literal-graph.nq": "error: <fuzz>:1:70: expected a graph name or '.' at the end of the quad",
        // Turtle
        "turtle/deep-blank-nodes.ttl": "error: <fuzz>:2:1287: terms are nested more than 256 levels deep",
        "turtle/deep-collections.ttl": "error: <fuzz>:2:263: terms are nested more than 256 levels deep",
        "turtle/surrogate-escape.ttl": "error: <fuzz>:2:8: invalid escape: \\uDC00 is not a Unicode scalar value",
        "turtle/truncated-statement.ttl": "error: <fuzz>:2:9: expected '.' at the end of the statement",
        "turtle/unterminated-long-string.ttl": "error: <fuzz>:2:7: the string is not closed: expected a closing \"\"\" before the end of the input",
        // TriG
        "trig/graphs.trig": "ok: 7 quads; N-Quads: same",
        "trig/nested-graph.trig": "error: <fuzz>:2:20: expected a predicate (an IRI, a prefixed name or 'a')",
        "trig/unclosed-graph.trig": "error: <fuzz>:3:1: expected '.' or '}' after the triples",
        // RDF/XML
        "rdfxml/conflicting-identifiers.rdf": "error: <fuzz>:3:20: a node element can have only one of rdf:ID, rdf:about and rdf:nodeID",
        // Fuzz finding (round-trip oracle): an rdf:nodeID or rdf:annotationNodeID may end in '.', which no
        // N-Triples label can; the N-Quads writer wrote '_:a.' and its own reader rejected the line.
        "rdfxml/annotation-node-id-trailing-dot.rdf": "ok: 2 quads; N-Quads: not written: N-Triples: the blank node label 'triple1UTF-8.' is not a valid N-Triples BLANK_NODE_LABEL",
        "rdfxml/node-id-trailing-dot.rdf": "ok: 1 quads; N-Quads: not written: N-Triples: the blank node label 'a.' is not a valid N-Triples BLANK_NODE_LABEL",
        "rdfxml/deep-elements.rdf": "error: <fuzz>:2:1638: elements are nested more than 256 levels deep (the XML nesting limit)",
        "rdfxml/deep-parse-type-resource.rdf": "ok: 250 quads; N-Quads: same",
        "rdfxml/external-entity.rdf": "error: <fuzz>:2:1: document type declarations that declare entities are refused (external entities and entity expansion are not supported)",
        "rdfxml/truncated.rdf": "error: <fuzz>:3:62: Extra content at the end of the document",
        // JSON-LD (offline loader: the project context, context.jsonld and loop.jsonld)
        "jsonld/context-file.jsonld": "ok: 0 dropped, 9 quads; N-Quads: same",
        "jsonld/context-loop.jsonld": "error: file:///fuzz/loop.jsonld:1:14: context overflow: more than 32 nested remote contexts (a context that includes itself?) at file:///fuzz/loop.jsonld",
        "jsonld/deep-arrays.jsonld": "error: <fuzz>:1:101: arrays and objects are nested more than 100 deep",
        "jsonld/remote-context.jsonld": "error: <fuzz>:1:14: remote context https://example.org/unknown.jsonld is not available offline: pass it with --context FILE",
        "jsonld/truncated.jsonld": "error: <fuzz>:1:86: unterminated string",
        // GraphML, then GraphMLToRDF
        "graphml/external-entity.graphml": "error: <fuzz>:2:1: document type declarations that declare entities are refused (external entities and entity expansion are not supported)",
        // Fuzz finding (round-trip oracle): GraphML data became IRIs unchecked, so a relative one was written
        // to N-Quads, which its reader rejects; one with a space could not be written at all.
        "graphml/iri-with-space.graphml": "error: <fuzz>:7:5: node 'a': 'iri' data: the IRI <https://prosegraph.org/id/country/new zealand> contains a space, which no IRI may contain",
        "graphml/relative-source-iri.graphml": "error: <fuzz>:9:5: edge 'e1': 'source' data: <h~tps://prosegraph.org/id/document/chile-new-zealand> is not an absolute IRI",
        "graphml/not-profile.graphml": "error: <fuzz>:1:1: the GraphML is not prosegraph's profile: it declares no node key named 'iri'",
        "graphml/truncated.graphml": "error: <fuzz>:2:186: Extra content at the end of the document",
        "graphml/undeclared-key.graphml": "error: <fuzz>:2:105: data refers to the undeclared key 'nokey'",
        // RDF Patch
        // Was "ok: 1 changes": the line was decoded with U+FFFD for the bad byte, so the patch added "caf\u{FFFD}".
        "rdfpatch/invalid-utf8.rdfp": "error: <fuzz>:2:33: invalid UTF-8 (byte 0xC3 at offset 48)",
        "rdfpatch/short-quad.rdfp": "error: <fuzz>:2:49: not a quad after A: expected an object (an IRI, a blank node, a literal or a triple term)",
        "rdfpatch/two-quads-one-line.rdfp": "error: <fuzz>:1:55: not a quad after A: expected the end of the line after the quad",
        "rdfpatch/unknown-line.rdfp": "error: <fuzz>:3:1: unknown RDF Patch line 'Q' (expected A, D, H, TX, TC, TA, PA or PD)",
        "rdfpatch/valid.rdfp": "ok: 2 changes, 2 quads; N-Quads: same",
        // SHACL shapes: compiled, then run on a small data graph and on themselves
        "shacl-shapes/cyclic-list.ttl": "error: shape <http://example.org/S>: the value of sh:in is not a well-formed RDF list",
        "shacl-shapes/cyclic-path.ttl": "error: shape _:_g1: sh:path: _:l is not a well-formed non-empty list",
        "shacl-shapes/not-itself.ttl": "ok: 1 shapes, 0 results on the data, 0 on itself",
        "shacl-shapes/self-inverse-path.ttl": "error: shape _:_g1: sh:path: nested too deep",
        "shacl-shapes/self-reference.ttl": "ok: 1 shapes, 0 results on the data, 0 on itself",
        // Rule files (--rules), then the rules run on a small article
        "rules/deep-flow.yaml": "error: <fuzz>:1: not valid YAML: Maximum nesting level reached, set with yaml_set_max_nest_level())",
        "rules/five-optional-groups.yaml": "error: <fuzz>:4: rule 'x': more than four optional groups in pattern \"{subject:Person} [ a ] [ a ] [ a ] [ a ] [ a ] visited {object:City}\"",
        "rules/invalid-utf8.yaml": "error: <fuzz>:3: the file is not valid UTF-8 (byte offset 63)",
        "rules/optional-groups-exponential.yaml": "error: <fuzz>:4: rule 'x': more than four optional groups in pattern \"{subject:Person} [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] [ a ] visited {object:City}\"",
        "rules/not-a-list.yaml": "error: <fuzz>:1: a rule file is a YAML list of rules",
        "rules/unclosed-group.yaml": "error: <fuzz>:3: rule 'a': '[' without ']' in pattern \"{subject:Person} [ visited {object:City}\"",
        "rules/unknown-slot-type.yaml": "error: <fuzz>:3: rule 'a': unknown slot type 'Town' (types: Country, Demonym, City, Place, Person, Organization, Title, Name, Pronoun, Group, Date) in pattern \"{subject:Town} visited {object:Country}\"",
        "rules/valid.yaml": "ok: 1 rules, 1 facts",
        "rules/yaml-escape.yaml": "ok: 1 rules, 0 facts",
    ]

    @Test func everySavedInputHasAnExpectedOutcome() throws {
        let saved = try FuzzReplay.savedInputs()
        #expect(saved.filter { Self.expected[$0] == nil } == [], "saved inputs without an expected outcome")
        #expect(Self.expected.keys.filter { !saved.contains($0) }.sorted() == [], "expected outcomes without a saved input")
    }

    @Test(arguments: expected.keys.sorted())
    func replay(_ name: String) throws {
        let bytes = try FileSystem.read(FuzzReplay.fixtures + "/" + name)
        let target = String(name.prefix { $0 != "/" })
        #expect(FuzzReplay.outcome(target: target, bytes: bytes) == Self.expected[name])
    }
}
