import Testing
import ProseGraphFormats
import ProseGraphModel
#if canImport(Glibc)
import Glibc
#endif

func jsonld(_ triples: [Triple], context: JSONLDWriter.ContextReference = .url("https://prosegraph.org/context.jsonld")) throws -> String {
    let sink = MemorySink()
    var w = try JSONLDWriter(sink: sink, context: context)
    for t in triples { try w.write(t) }
    try w.finish()
    return sink.string
}

/// The bytes of a file of the repository, found from this source file's path.
func repositoryFile(_ relative: String, from file: String = #filePath) -> [UInt8]? {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/ProseGraphFormatsTests/<file>
    let path = parts.joined(separator: "/") + "/" + relative
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        if n <= 0 { break }
        bytes += chunk[..<n]
    }
    return bytes
}

@Suite struct JSONLDWriterTests {
    let s = RDFFixture.s, p = RDFFixture.p
    static let head = "{\n  \"@context\": \"https://prosegraph.org/context.jsonld\",\n  \"@graph\": ["

    @Test func exactBytes() throws {
        #expect(try jsonld(RDFFixture.small) == Self.head + """

            {
              "@id": "https://ex.org/id/person/abbas",
              "@type": "Person",
              "holdsPosition": ["Chairman", "President"],
              "label": ["Mahmoud Abbas", {"@value": "محمود عباس", "@language": "ar"}],
              "visited": "https://ex.org/id/country/belgium"
            },
            {
              "@id": "_:b0",
              "date": {"@value": "2015-02", "@type": "xsd:gYearMonth"},
              "subject": "https://ex.org/id/person/abbas"
            }
          ]
        }

        """)
    }

    @Test func emptyGraph() throws {
        #expect(try jsonld([]) == Self.head + "]\n}\n")
    }

    @Test func schemaFileIsTheEmbeddedContext() throws {
        let file = try #require(repositoryFile("Schemas/context.jsonld"), "Schemas/context.jsonld is missing")
        #expect(String(decoding: file, as: UTF8.self) == JSONLDContext.standard.document)
        // The writer embeds the file's context object byte for byte.
        let out = try jsonld([], context: .embedded)
        #expect(out == String(JSONLDContext.standard.document.dropLast(3)) + ",\n  \"@graph\": []\n}\n")
    }

    @Test func contextDefinesEveryContractPredicate() {
        let context = JSONLDContext.standard
        #expect(JSONLDContext.contractPredicates.count == 24)
        for (name, entityValued) in JSONLDContext.contractPredicates {
            let term = context.terms.first { $0.name == name }
            #expect(term?.iri == PG.term(name))
            #expect(term?.coercion == (entityValued ? .id : nil), "\(name)")
        }
        #expect(context.terms.first { $0.name == "holdsPosition" }?.coercion == nil)
        #expect(context.document.contains("\n    \"visited\": {\"@id\": \"pg:visited\", \"@type\": \"@id\"},\n"))
        #expect(context.document.contains("\n    \"beginIndex\": {\"@id\": \"nif:beginIndex\", \"@type\": \"xsd:integer\"},\n"))
        #expect(context.document.contains("\n    \"sentence\": {\"@id\": \"prov:wasDerivedFrom\", \"@type\": \"@id\"},\n"))
        #expect(context.document.contains("\n    \"date\": \"pg:date\",\n"))
        #expect(context.document.contains("\n    \"type\": \"@type\",\n"))
    }

    @Test func valuesFollowTheTermCoercion() throws {
        let st = IRI("https://ex.org/id/statement/01")
        let out = try jsonld([
            Triple(st, RDF.object, .literal(Literal("Prime Minister"))),
            Triple(st, RDF.object, .iri(IRI("https://ex.org/id/country/belgium"))),
            Triple(st, RDF.predicate, .iri(PG.term("visited"))),
            Triple(st, RDF.predicate, .iri(RDF.type)),
            Triple(st, RDF.predicate, .iri(IRI("https://ex.org/vocab/p"))),
            Triple(st, RDF.type, .iri(RDF.statement)),
            Triple(st, RDF.type, .iri(IRI("https://ex.org/vocab/Thing"))),
            Triple(st, RDF.type, .literal(Literal("not a class"))),
            Triple(st, OWL.sameAs, .iri(Wikidata.entity("Q31"))),
            Triple(st, PG.confidence, .literal(Literal("0.9", datatype: XSD.decimal))),
            Triple(st, PG.confidence, .literal(Literal("9.0E-1", datatype: XSD.double))),
            Triple(st, NIF.referenceContext, .literal(Literal("not an IRI"))),
            Triple(st, NIF.beginIndex, .literal(Literal("12", datatype: XSD.integer))),
            Triple(st, NIF.beginIndex, .literal(Literal("012", datatype: XSD.integer))),
            Triple(st, NIF.beginIndex, .literal(Literal("-1", datatype: XSD.integer))),
            Triple(st, NIF.beginIndex, .literal(Literal("12", datatype: XSD.nonNegativeInteger))),
            Triple(st, NIF.beginIndex, .literal(Literal("12"))),
            Triple(st, IRI("https://ex.org/vocab/q"), .blank(BlankNode("b1"))),
            Triple(st, IRI("https://ex.org/vocab/q"), .literal(Literal("12", datatype: IRI("https://ex.org/dt")))),
            Triple(st, PG.term("undefinedTerm"), .literal(Literal("x"))),
        ])
        #expect(out == Self.head + """

            {
              "@id": "https://ex.org/id/statement/01",
              "@type": ["Statement", "https://ex.org/vocab/Thing"],
              "beginIndex": [12, "012", -1, {"@value": "12", "@type": "xsd:nonNegativeInteger"}, {"@value": "12"}],
              "confidence": ["0.9", {"@value": "9.0E-1", "@type": "xsd:double"}],
              "https://ex.org/vocab/q": [{"@id": "_:b1"}, {"@value": "12", "@type": "https://ex.org/dt"}],
              "object": ["Prime Minister", {"@id": "https://ex.org/id/country/belgium"}],
              "pg:undefinedTerm": "x",
              "predicate": ["visited", "rdf:type", "https://ex.org/vocab/p"],
              "rdf:type": "not a class",
              "referenceContext": {"@value": "not an IRI"},
              "sameAs": "wd:Q31"
            }
          ]
        }

        """)
    }

    @Test func hostileStringsAreEscaped() throws {
        let out = try jsonld([
            Triple(s, NIF.anchorOf, .literal(Literal(RDFFixture.hostile))),
            Triple(s, NIF.anchorOf, .literal(Literal("nul\u{0} us\u{1F} del\u{7F} bs\u{8} ff\u{C} \u{2028}"))),
        ])
        #expect(out == Self.head + """

            {
              "@id": "https://ex.org/s",
              "anchorOf": ["say \\"hi\\"\\\\ <&> ]]> 'x'\\nline\\ttab\\r\\n 𝄞 مرحبا", "nul\\u0000 us\\u001f del\u{7F} bs\\b ff\\f \u{2028}"]
            }
          ]
        }

        """)
    }

    @Test func largeOutputIsFlushedCompletely() throws {
        let triples = (0..<3000).map { Triple(IRI("https://ex.org/s\($0)"), NIF.anchorOf, .literal(Literal("value \($0)"))) }
        let out = try jsonld(triples)
        #expect(out.hasPrefix(Self.head + "\n    {\n      \"@id\": \"https://ex.org/s0\",\n      \"anchorOf\": \"value 0\"\n    },\n"))
        #expect(out.hasSuffix("    {\n      \"@id\": \"https://ex.org/s2999\",\n      \"anchorOf\": \"value 2999\"\n    }\n  ]\n}\n"))
        #expect(out.split(separator: "\n").count == 3000 * 4 + 5)
    }

    @Test func writingAfterFinishIsAnError() throws {
        var w = try JSONLDWriter(sink: MemorySink())
        try w.finish()
        #expect(throws: SerializationError(format: "JSON-LD", message: "a triple was written after finish()")) {
            try w.write(Triple(s, p, .literal(Literal("x"))))
        }
    }

    @Test func unwritableTermsAreErrorsNamingThem() {
        #expect(throws: SerializationError(format: "JSON-LD", message: "the IRI <https://ex.org/a b> contains a space, which no IRI may contain")) {
            _ = try jsonld([Triple(s, p, .iri(IRI("https://ex.org/a b")))])
        }
        #expect(throws: SerializationError(format: "JSON-LD", message: "the IRI <statement/1> is relative; only absolute IRIs (with a scheme) can be written")) {
            _ = try jsonld([Triple(IRI("statement/1"), p, .literal(Literal("x")))])
        }
        #expect(throws: SerializationError(format: "JSON-LD", message: "the IRI <label:x> would be read as a compact IRI: its scheme 'label' is a term of the context")) {
            _ = try jsonld([Triple(s, p, .iri(IRI("label:x")))])
        }
        #expect(throws: SerializationError(format: "JSON-LD", message: "the language tag 'x-' of the literal \"a\" is not well-formed")) {
            _ = try jsonld([Triple(s, p, .literal(Literal("a", language: "x-")))])
        }
        #expect(throws: SerializationError(format: "JSON-LD", message: "the literal \"x\" cannot be the subject of a triple")) {
            _ = try jsonld([Triple(.literal(Literal("x")), p, .literal(Literal("y")))])
        }
    }

    // MARK: - Datasets, JSON-LD 1.1 values and the fromRdf options (issue 15)

    func dataset(_ quads: [Quad], _ context: JSONLDWriter.ContextReference, _ options: JSONLDWriter.Options = .init()) throws -> String {
        let sink = MemorySink()
        var options = options
        options.version11 = JSONLDWriter.needsVersion11(quads, options: options)
        var w = try JSONLDWriter(sink: sink, context: context, options: options)
        try w.write(dataset: quads)
        try w.finish()
        return sink.string
    }

    @Test func namedGraphsAreGraphObjectsBesideTheDefaultGraph() throws {
        let g = IRI("https://ex.org/g")
        let out = try dataset([
            Quad(.iri(s), p, .literal(Literal("default"))),
            Quad(.iri(s), p, .literal(Literal("in g")), graph: .iri(g)),
            Quad(.blank(BlankNode("x")), p, .iri(s), graph: .iri(g)),
            Quad(.iri(s), p, .literal(Literal("in _:h")), graph: .blank(BlankNode("h"))),
            Quad(.iri(g), RDFS.label, .literal(Literal("the graph g"))),
        ], .url("https://prosegraph.org/context.jsonld"))
        #expect(out == Self.head + """

            {
              "@id": "https://ex.org/s",
              "https://ex.org/p": "default"
            },
            {
              "@id": "https://ex.org/g",
              "@graph": [
                {
                  "@id": "https://ex.org/s",
                  "https://ex.org/p": "in g"
                },
                {
                  "@id": "_:x",
                  "https://ex.org/p": {"@id": "https://ex.org/s"}
                }
              ]
            },
            {
              "@id": "_:h",
              "@graph": [
                {
                  "@id": "https://ex.org/s",
                  "https://ex.org/p": "in _:h"
                }
              ]
            },
            {
              "@id": "https://ex.org/g",
              "label": "the graph g"
            }
          ]
        }

        """)
    }

    @Test func aDirectionOrJSONValueDeclaresVersion11() throws {
        let quads = [Quad(.iri(s), p, .literal(Literal("chat", language: "en-GB", direction: "ltr")))]
        #expect(try dataset(quads, .url("https://prosegraph.org/context.jsonld")) == """
        {
          "@context": ["https://prosegraph.org/context.jsonld", {"@version": 1.1}],
          "@graph": [
            {
              "@id": "https://ex.org/s",
              "https://ex.org/p": {"@value": "chat", "@language": "en-gb", "@direction": "ltr"}
            }
          ]
        }

        """)
        #expect(try dataset(quads, .embedded).hasPrefix("{\n  \"@context\": {\n    \"@version\": 1.1,\n    \"rdf\": "))
        #expect(try dataset([], .embedded) == jsonld([], context: .embedded))
        // Without "@version": 1.1 a direction is an error naming the literal, never dropped.
        #expect(throws: SerializationError(format: "JSON-LD", message: "the literal \"chat\"@en-gb--ltr has a base direction, which needs a JSON-LD 1.1 context (\"@version\": 1.1)")) {
            _ = try jsonld(quads.map(\.triple))
        }
    }

    @Test func jsonLiteralsAreCheckedAndKeptExactly() throws {
        let json = IRI(RDF.namespace + "JSON")
        let out = try dataset([
            Quad(.iri(s), p, .literal(Literal("{\"a\":[1,true]}", datatype: json))),
            Quad(.iri(s), p, .literal(Literal("{\"a\": 1}", datatype: json))),
        ], .prefixes(PrefixMap([("ex", "https://ex.org/")])))
        #expect(out == """
        {
          "@context": {
            "@version": 1.1,
            "ex": "https://ex.org/"
          },
          "@graph": [
            {
              "@id": "ex:s",
              "ex:p": [{"@value": {"a":[1,true]}, "@type": "@json"}, {"@value": "{\\"a\\": 1}", "@type": "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"}]
            }
          ]
        }

        """)
        #expect(throws: SerializationError(format: "JSON-LD", message: "the literal \"[{]\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> is not JSON: expected a string key in the object, found ']'")) {
            _ = try dataset([Quad(.iri(s), p, .literal(Literal("[{]", datatype: json)))], .expanded)
        }
    }

    @Test func nativeTypesAndCompoundLiterals() throws {
        let values: [Literal] = [
            Literal("+7", datatype: XSD.integer), Literal("012", datatype: XSD.integer), Literal("1", datatype: XSD.boolean),
            Literal("1.5E0", datatype: XSD.double), Literal("INF", datatype: XSD.double), Literal("0.50", datatype: XSD.decimal),
        ]
        let out = try dataset(values.map { Quad(.iri(s), p, .literal($0)) }, .expanded, .init(useNativeTypes: true))
        #expect(out == """
        [
          {
            "@id": "https://ex.org/s",
            "https://ex.org/p": [{"@value": 7}, {"@value": 12}, {"@value": true}, {"@value": 1.5}, {"@value": "INF", "@type": "http://www.w3.org/2001/XMLSchema#double"}, {"@value": "0.50", "@type": "http://www.w3.org/2001/XMLSchema#decimal"}]
          }
        ]

        """)
        let b = Term.blank(BlankNode("c"))
        let compound = [
            Quad(.iri(s), p, b),
            Quad(b, IRI(RDF.namespace + "value"), .literal(Literal("שלום"))),
            Quad(b, IRI(RDF.namespace + "language"), .literal(Literal("he"))),
            Quad(b, IRI(RDF.namespace + "direction"), .literal(Literal("rtl"))),
        ]
        #expect(try dataset(compound, .expanded, .init(rdfDirection: .compoundLiteral)) == """
        [
          {
            "@id": "https://ex.org/s",
            "https://ex.org/p": [{"@value": "שלום", "@language": "he", "@direction": "rtl"}]
          }
        ]

        """)
        // Used twice, the blank node is a node: read back, one value object would become two nodes.
        let twice = try dataset(compound + [Quad(.iri(p), p, b)], .expanded, .init(rdfDirection: .compoundLiteral))
        #expect(twice.contains("\"@id\": \"_:c\",\n    \"http://www.w3.org/1999/02/22-rdf-syntax-ns#direction\": [{\"@value\": \"rtl\"}]"))
    }
}

