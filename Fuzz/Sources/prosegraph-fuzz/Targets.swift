import ProseGraphDiff
import ProseGraphExtraction
import ProseGraphFormats
import ProseGraphKit
import ProseGraphModel
import ProseGraphText
import ProseGraphValidation

/// Every reader entry point of prosegraph, each called the way the CLI calls
/// it, on bytes instead of a file. `run` returns a one-line outcome: `ok: ...`
/// with counts, or `error: <message>` for a thrown Swift error, which is a
/// normal outcome. A crash, trap, hang or sanitizer report is a finding.
///
/// Two oracles turn silent wrong results into traps (findings too): a reader
/// of a UTF-8 format that accepts invalid UTF-8, and quads that do not come
/// back unchanged through canonical N-Quads (written as `convert` and
/// `canonicalize` write them, read back with the N-Quads reader).
///
/// Tests/ProseGraphKitTests/FuzzRegressionTests.swift replays the saved
/// findings through the same calls: keep the two in step.
enum FuzzTarget: String, CaseIterable, Sendable {
    case article, ntriples, nquads, turtle, trig, rdfxml, jsonld, graphml, rdfpatch
    case shaclShapes = "shacl-shapes"
    case rules

    /// The name readers put in their messages.
    static let path = "<fuzz>"
    /// The base relative references resolve against (the CLI uses the file's URL).
    static let base = "file:///fuzz/input"

    func run(_ bytes: [UInt8]) -> String {
        do {
            return "ok: " + (try outcome(bytes))
        } catch {
            return "error: \(error)"
        }
    }

    private func outcome(_ bytes: [UInt8]) throws -> String {
        let options = ReaderOptions(path: Self.path, base: Self.base)
        switch self {
        case .article:
            // ExportJob: ArticleReader (with sentence splitting), then the extraction pipeline.
            let article = try ArticleReader().read(bytes: bytes, path: Self.path)
            var graph = FuzzFixtures.pipeline.extract(article, documentID: "fuzz")
            graph.add(document: SourceDocument(id: "fuzz", title: article.title, path: Self.path))
            // The exported triples, checked like a reader's quads.
            return "\(article.sentences.count) sentences, \(graph.factCount) facts, " + check(bytes, graph.rdfTriples().map { Quad($0) })
        case .ntriples:
            return check(bytes, try Self.collect { try NTriplesReader(options: options).read(bytes, $0) })
        case .nquads:
            return check(bytes, try Self.collect { try NTriplesReader(options: options, quads: true).read(bytes, $0) })
        case .turtle:
            return check(bytes, try Self.collect { try TurtleReader(options: options).read(bytes, $0) })
        case .trig:
            return check(bytes, try Self.collect { try TurtleReader(options: options, trig: true).read(bytes, $0) })
        case .rdfxml:
            return check(bytes, try Self.collect { try RDFXMLReader(options: options).read(bytes, $0) })
        case .jsonld:
            // Offline only: the project context and two in-memory documents, never the network or files.
            let reader = JSONLDReader(options: options, documentLoader: FuzzFixtures.loader)
            var quads: [Quad] = []
            let summary = try reader.read(bytes) { quads.append($0) }
            return "\(summary.dropped) dropped, " + check(bytes, quads)
        case .graphml:
            // RDFInput: prosegraph's GraphML profile, as the RDF it was written from.
            let doc = try GraphMLReader(options: options).read(bytes)
            let triples = try GraphMLToRDF.triples(doc, path: Self.path)
            return "\(doc.nodes.count) nodes, \(doc.edges.count) edges, " + check(bytes, triples.map { Quad($0) })
        case .rdfpatch:
            let changes = try RDFPatch.parse(bytes, path: Self.path)
            return "\(changes.count) changes, " + check(bytes, changes.map { change -> Quad in
                switch change { case .add(let q), .delete(let q): return q }
            })
        case .shaclShapes:
            // ValidateJob: the shapes file is Turtle; compile it, then validate a
            // tiny data graph and (as the W3C core tests do) the file itself.
            let quads = try TurtleReader(options: options).quads(bytes)
            let shapes = try ShapesGraph(quads)
            let validator = SHACLValidator(shapes: shapes)
            let onData = validator.validate(FuzzFixtures.dataGraph)
            let onSelf = validator.validate(quads)
            return "\(shapes.count) shapes, \(onData.results.count) results on the data, \(onSelf.results.count) on itself"
        case .rules:
            // --rules FILE: parse, then run the rules on a small article.
            let set = try RuleSet(bytes: bytes, file: Self.path)
            let graph = Pipeline(rules: set).extract(FuzzFixtures.article, documentID: "fuzz")
            return "\(set.rules.count) rules, \(graph.factCount) facts"
        }
    }

    /// Builds what the target keeps for the whole run (fixtures, the
    /// gazetteer, lazily built tables) before fuzzing starts: LeakSanitizer
    /// would otherwise report them as leaks of the first input (Swift strings
    /// and enums hold pointers with tag bits that it does not recognize).
    func warmUp() {
        switch self {
        case .article: _ = FuzzFixtures.pipeline
        case .jsonld: _ = FuzzFixtures.loader
        case .shaclShapes: _ = FuzzFixtures.dataGraph
        case .rules: _ = FuzzFixtures.article
        default: break
        }
        for seed in FuzzFixtures.warmUpInputs[self] ?? [] { _ = run(Array(seed.utf8)) }
    }

    private static func collect(_ read: ((Quad) throws -> Void) throws -> Void) throws -> [Quad] {
        var quads: [Quad] = []
        try read { quads.append($0) }
        return quads
    }

    /// The oracles, on an input the reader accepted: returns "N quads; N-Quads: same"
    /// (or "not written: <why>" for a term N-Quads cannot carry); traps when one fails.
    private func check(_ input: [UInt8], _ quads: [Quad]) -> String {
        switch self {
        case .rdfxml, .graphml: break  // XML may declare another encoding
        default:
            if !FuzzOracle.isUTF8(input) { fatalError("oracle: the \(rawValue) reader accepted invalid UTF-8") }
        }
        let trip = FuzzOracle.roundTrip(quads)
        if trip.failed { fatalError("oracle: quads from the \(rawValue) reader \(trip.text)") }
        return "\(quads.count) quads; N-Quads: \(trip.text)"
    }
}

/// The oracles (FuzzRegressionTests.swift has the same).
enum FuzzOracle {
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

    /// The quads written as canonical N-Quads lines (as `convert` and
    /// `canonicalize` write them) and read back with the N-Quads reader: "same",
    /// "not written: <why>" (a term N-Quads cannot carry: the writer says so,
    /// which is not a finding), or a failure.
    static func roundTrip(_ quads: [Quad]) -> (text: String, failed: Bool) {
        var text = ""
        for q in quads {
            do { text += try Canonicalizer.canonicalNQuadsLine(q) } catch { return ("not written: \(error)", false) }
        }
        let back: [Quad]
        do { back = try NTriplesReader(options: ReaderOptions(path: "roundtrip.nq"), quads: true).quads(Array(text.utf8)) } catch {
            return ("written, but do not read back: \(error)", true)
        }
        guard back == quads else {
            let diff = zip(quads, back).first { $0 != $1 }.map { "\($0.0) became \($0.1)" } ?? "\(quads.count) quads became \(back.count)"
            return ("change through N-Quads: \(diff)", true)
        }
        return ("same", false)
    }
}

/// What the targets share, built once.
enum FuzzFixtures {
    /// Inputs run once by `warmUp`, to fill lazily built tables.
    static let warmUpInputs: [FuzzTarget: [String]] = [
        .article: ["= Belgium–Syria relations =\n\nKing Philippe visited Damascus on 3 May 2015 and met President Assad.\n"],
        .jsonld: [#"{"@context": ["https://prosegraph.org/context.jsonld", "context.jsonld"], "@id": "http://e/a", "name": "x"}"#],
        .shaclShapes: ["@prefix sh: <http://www.w3.org/ns/shacl#> .\n[] a sh:NodeShape ; sh:targetNode <http://example.org/a> ; sh:pattern \"^A\" ; sh:datatype <http://www.w3.org/2001/XMLSchema#string> .\n"],
        .rules: ["- id: w\n  predicate: visited\n  patterns: [\"{subject:Person} visited {object:City}\"]\n"],
    ]

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
        do { return try TurtleReader(options: ReaderOptions(path: "data.ttl")).quads(Array(text.utf8)) } catch {
            fatalError("the fuzz data graph does not parse: \(error)")
        }
    }()

    static let article: Article = {
        let text = """
        = Belgium–Syria relations =

        Infobox
        - Party1: Belgium
        - Mission1: Belgian Embassy, Damascus

        Belgium–Syria relations were established on 20 March 1946. King Philippe visited Damascus in May 2015.
        Syria opened an embassy in Brussels in 1950. The two countries signed an agreement in 2001.
        """
        do { return try ArticleReader().read(bytes: Array(text.utf8), path: "article.txt") } catch {
            fatalError("the fuzz article does not parse: \(error)")
        }
    }()
}
