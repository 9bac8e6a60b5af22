import Testing
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel

/// Every RDF export format read back gives the graph written: on randomized
/// graphs with hostile strings (deterministic seeds), for each writer/reader pair.
@Suite struct RoundTrip {
    /// A small deterministic generator (SplitMix64): the same seed gives the same graphs everywhere.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
    }

    static let hostile = [
        "plain", "say \"hi\"", "a < b & c > d", "]]> end", "back\\slash", "new\nline", "tab\there", "cr\rhere",
        "𝄞 music", "שלום עולם", "مرحبا", "zero\u{200B}width", "combining e\u{301}", "emoji 🇧🇪", "'single' quotes",
        "trailing space ", "", "#hash @at", "\"\"\"triple quotes\"\"\"", "ünïcödé",
    ]

    static func graph(seed: UInt64, blankNodes: Bool) -> [Triple] {
        var r = Random(state: seed)
        let subjects: [Term] = (0..<6).map { .iri(IRI("https://ex.org/s/\($0)")) } + (blankNodes ? [.blank(BlankNode("b0")), .blank(BlankNode("b1"))] : [])
        let predicates = [RDFS.label, PG.term("visited"), PG.term("evidence"), PG.date, IRI("https://ex.org/vocab#p-1"), RDF.type]
        var out = Set<Triple>()
        for _ in 0..<60 {
            let s = r.pick(subjects), p = r.pick(predicates)
            let o: Term
            switch r.next() % 5 {
            case 0: o = r.pick(subjects)
            case 1: o = .literal(Literal(r.pick(hostile), language: r.pick(["en", "fr-be", "ar"])))
            case 2: o = .literal(Literal(r.pick(["2015-02", "2018", "1946-03-20"]), datatype: r.pick([XSD.gYearMonth, XSD.gYear, XSD.date])))
            case 3: o = .iri(IRI("https://ex.org/o/\(r.next() % 9)"))
            default: o = .literal(Literal(r.pick(hostile)))
            }
            out.insert(Triple(s, p, p == RDF.type ? .iri(IRI("https://ex.org/C\(r.next() % 3)")) : o))
        }
        return out.sorted()
    }

    func write(_ triples: [Triple], _ format: String) throws -> [UInt8] {
        let sink = MemorySink()
        switch format {
        case "nt": var w = NTriplesWriter(sink: sink); for t in triples { try w.write(t) }; try w.finish()
        case "ttl": var w = try TurtleWriter(sink: sink); for t in triples { try w.write(t) }; try w.finish()
        case "rdf": var w = try RDFXMLWriter(sink: sink); for t in triples { try w.write(t) }; try w.finish()
        default: var w = try JSONLDWriter(sink: sink); for t in triples { try w.write(t) }; try w.finish()
        }
        return sink.bytes
    }

    func read(_ bytes: [UInt8], _ format: String) throws -> [Quad] {
        var q: [Quad] = []
        let o = ReaderOptions(path: "roundtrip." + format)
        switch format {
        case "nt": try NTriplesReader(options: o).read(bytes) { q.append($0) }
        case "ttl": try TurtleReader(options: o).read(bytes) { q.append($0) }
        case "rdf": try RDFXMLReader(options: o).read(bytes) { q.append($0) }
        default: _ = try JSONLDReader(options: o).read(bytes) { q.append($0) }
        }
        return q
    }

    @Test(arguments: ["nt", "ttl", "rdf", "jsonld"])
    func randomGraphsSurviveAWriteAndARead(format: String) throws {
        for seed in UInt64(1)...25 {
            let triples = Self.graph(seed: seed, blankNodes: true)
            let back = try read(try write(triples, format), format)
            let written = triples.map { Quad($0) }
            #expect(Isomorphism.isIsomorphic(Set(written), Set(back)), "seed \(seed), \(format)")
        }
    }
}
