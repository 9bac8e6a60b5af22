import Testing
import ProseGraphFormats
import ProseGraphModel

/// N-Triples lines of the quads of a JSON-LD text, sorted (blank nodes as the reader labels them).
private func readJSONLD(_ text: String, base: String? = "https://ex.org/doc", loader: DocumentLoader = .offline(),
                        settings: JSONLDReader.Settings = .init()) throws -> [Quad] {
    try JSONLDReader(options: ReaderOptions(path: "x.jsonld", base: base), documentLoader: loader, settings: settings)
        .quads(Array(text.utf8))
}

/// The message a reader error prints, or nil when the text reads without error.
private func readError(_ text: String, loader: DocumentLoader = .offline()) -> String? {
    do {
        _ = try readJSONLD(text, loader: loader)
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite struct JSONLDReaderTests {
    let ex = "https://ex.org/"

    // MARK: - The export

    @Test func outputGraphReadsAsTheNTriplesExport() throws {
        let jsonld = try #require(repositoryFile("Output/graph.jsonld"))
        let nt = try #require(repositoryFile("Output/graph.nt"))
        let fromJSONLD = try JSONLDReader(options: ReaderOptions(path: "Output/graph.jsonld")).quads(jsonld)
        let fromNT = try NTriplesReader(options: ReaderOptions(path: "Output/graph.nt")).quads(nt)
        #expect(fromJSONLD.count == fromNT.count)
        #expect(Set(fromJSONLD) == Set(fromNT))
        #expect(!fromJSONLD.isEmpty)
    }

    /// Over `jsonld-size`, a document of the shape prosegraph writes is read one
    /// top-level node object at a time: the same quads, in the same order, with
    /// the same blank node labels as the whole-tree read (a blank node shared by
    /// two node objects, a named graph, a list, a relative IRI, a context term).
    @Test func largeDocumentsOfTheExportShapeAreStreamed() throws {
        let graph = """
            [{"@id": "a", "ex:p": {"@id": "_:shared"}, "ex:q": {"@list": ["x", "y"]}},
             {"@id": "_:shared", "ex:name": "S", "@type": "ex:T"},
             {"@id": "ex:g", "@graph": [{"@id": "b", "ex:p": {"@id": "_:shared"}}]},
             {"@id": "c", "ex:r": [{"ex:nested": "n"}, "v"]}]
            """
        let compacted = #"{"@context": {"ex": "https://ex.org/vocab#", "@base": "https://ex.org/"}, "@graph": "# + graph + "}"
        let expanded = "[" + """
            {"@id": "https://ex.org/a", "https://ex.org/p": [{"@id": "_:x"}]},
            {"@id": "_:x", "https://ex.org/p": [{"@value": "v", "@language": "en"}]}
            """ + "]"
        for text in [compacted, expanded] {
            let bytes = Array(text.utf8)
            var small = ReaderOptions(path: "x.jsonld", base: "https://ex.org/doc")
            small.limits.jsonldSize = 100
            let whole = try JSONLDReader(options: ReaderOptions(path: "x.jsonld", base: "https://ex.org/doc")).quads(bytes)
            let streamed = try JSONLDReader(options: small).quads(bytes)
            #expect(streamed == whole)
            #expect(!whole.isEmpty)
        }
    }

    /// Over `jsonld-size`, another shape is refused whole, and a top-level node object over it is refused at its place.
    @Test func largeDocumentsOfOtherShapesAreRefused() throws {
        var options = ReaderOptions(path: "x.jsonld", base: "https://ex.org/doc")
        options.limits.jsonldSize = 40
        let named = #"{"@context": {}, "@graph": [{"@id": "a", "https://ex.org/p": "v"}], "@id": "https://ex.org/g"}"#
        #expect(throws: InputLimitError(path: "x.jsonld", message: "the file is 94 bytes; the JSON-LD size limit is 40 bytes (raise it with --limit jsonld-size=SIZE)")) {
            try JSONLDReader(options: options).quads(Array(named.utf8))
        }
        let big = "[{\"@id\": \"a\"},\n  {\"@id\": \"b\", \"https://ex.org/p\": \"a longer value\"}]"
        #expect(throws: InputLimitError(path: "x.jsonld:2:3", message: "this top-level node object is 50 bytes; the JSON-LD size limit is 40 bytes (raise it with --limit jsonld-size=SIZE)")) {
            try JSONLDReader(options: options).quads(Array(big.utf8))
        }
    }

    @Test func writerOutputWithTheContextURLReadsBack() throws {
        let text = try jsonld(RDFFixture.small, context: .url(DocumentLoader.projectContextURLs[0]))
        let quads = try JSONLDReader().quads(Array(text.utf8))
        #expect(Set(quads.map(\.triple)) == Set(RDFFixture.small))
    }

    // MARK: - Malformed JSON

    @Test(arguments: [
        ("", "x.jsonld:1:1: empty input: expected a JSON value"),
        ("  \n ", "x.jsonld:2:2: expected a JSON value, found only white space"),
        ("{\"a\": 1,}", "x.jsonld:1:9: trailing comma before '}'"),
        ("{\"a\" 1}", "x.jsonld:1:6: expected ':' after the key \"a\", found '1'"),
        ("{\n  \"a\": [1, 2\n}", "x.jsonld:3:1: expected ',' or ']' after an array element, found '}'"),
        ("{\"a\": \"b", "x.jsonld:1:7: unterminated string"),
        ("{\"a\": tru}", "x.jsonld:1:7: invalid literal: expected 'true'"),
        ("{\"a\": 01}", "x.jsonld:1:7: invalid number: leading zeros are not allowed"),
        ("{\"a\": 1.}", "x.jsonld:1:7: invalid number: a digit must follow the decimal point"),
        ("{\"a\": \"x\ny\"}", "x.jsonld:1:9: control character 0x0A in a string: write it as an escape (\\n)"),
        ("{\"a\": \"\\q\"}", "x.jsonld:1:8: invalid escape '\\q' in a string"),
        ("{\"a\": \"\\ud800\"}", "x.jsonld:1:8: invalid \\u escape: the high surrogate U+D800 is not followed by a low surrogate"),
        ("{\"é\": 1} x", "x.jsonld:1:10: unexpected 'x' after the JSON value"),
        ("{\"a\": /* no */ 1}", "x.jsonld:1:7: unexpected '/': expected a JSON value"),
        ("{\"a\": 1", "x.jsonld:1:8: unexpected end of input: the object opened at 1:1 is not closed"),
    ])
    func malformedJSON(text: String, message: String) {
        #expect(readError(text) == message)
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Array("{\"a\":\n \"x".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        #expect(throws: ParseError(path: "x.jsonld", line: 2, column: 4, message: "invalid UTF-8: byte 0x28 at offset 10")) {
            _ = try JSONLDReader(options: ReaderOptions(path: "x.jsonld")).quads(bytes)
        }
    }

    // MARK: - Remote contexts

    @Test func remoteContextIsRefusedByName() throws {
        let text = "{\"@context\": \"https://example.org/c.jsonld\", \"@id\": \"https://ex.org/a\"}"
        let error = try #require(throws: JSONLDError.self) { _ = try readJSONLD(text) }
        #expect(error.code == .loadingRemoteContextFailed)
        #expect("\(error)" == "x.jsonld:1:14: remote context https://example.org/c.jsonld is not available offline: pass it with --context FILE")
    }

    @Test func remoteContextInAnArrayIsLocatedAtItsEntry() {
        let text = "{\n  \"@context\": [\n    {\"a\": \"https://ex.org/a\"},\n    \"other.jsonld\"\n  ]\n}"
        #expect(readError(text) == "x.jsonld:4:5: remote context https://ex.org/other.jsonld is not available offline: pass it with --context FILE")
    }

    @Test func projectContextIsAlwaysAvailable() throws {
        let text = """
            {"@context": "https://prosegraph.org/context.jsonld",
             "@id": "https://ex.org/a", "type": "Person", "label": "A", "visited": "https://ex.org/b"}
            """
        let quads = try readJSONLD(text)
        #expect(Set(quads.map(\.triple)) == [
            Triple(IRI(ex + "a"), RDF.type, .iri(PG.term("Person"))),
            Triple(IRI(ex + "a"), RDFS.label, .literal(Literal("A"))),
            Triple(IRI(ex + "a"), PG.term("visited"), .iri(IRI(ex + "b"))),
        ])
    }

    @Test func contextsComeFromTheLoader() throws {
        let loader = DocumentLoader.offline([.text(url: "https://example.org/c.jsonld", "{\"@context\": {\"name\": \"https://schema.org/name\"}}")])
        let quads = try readJSONLD("{\"@context\": \"https://example.org/c.jsonld\", \"@id\": \"a\", \"name\": \"N\"}", loader: loader)
        #expect(quads == [Quad(.iri(IRI(ex + "a")), IRI("https://schema.org/name"), .literal(Literal("N")))])
    }

    @Test func errorsInsideARemoteContextNameItsFile() {
        let loader = DocumentLoader.offline([.text(url: "https://example.org/c.jsonld", "{\"@context\": {\n  \"name\": 5\n}}")])
        #expect(readError("{\"@context\": \"https://example.org/c.jsonld\"}", loader: loader)
                == "https://example.org/c.jsonld:2:11: invalid term definition: term 'name': a term definition must be a string, an object or null, not a number")
    }

    // MARK: - JSON-LD errors

    @Test func jsonldErrorsCarryTheirCodeAndPlace() throws {
        let text = "{\n  \"@context\": {\"p\": {\"@id\": \"https://ex.org/p\", \"@container\": \"@bogus\"}},\n  \"p\": 1\n}"
        let error = try #require(throws: JSONLDError.self) { _ = try readJSONLD(text) }
        #expect(error.code == .invalidContainerMapping)
        #expect("\(error)" == "x.jsonld:2:21: invalid container mapping: term 'p': @container \"@bogus\" is not a container keyword")
    }

    @Test func collidingKeywords() throws {
        let error = try #require(throws: JSONLDError.self) {
            _ = try readJSONLD("{\"@context\": {\"id\": \"@id\"}, \"@id\": \"a\", \"id\": \"b\"}")
        }
        #expect(error.code == .collidingKeywords)
    }

    // MARK: - Values

    @Test func numbersKeepTheirExactValue() throws {
        let quads = try readJSONLD("""
            {"@id": "a", "https://ex.org/i": 12345678901234567890, "https://ex.org/d": 1.5,
             "https://ex.org/e": 1.0e2, "https://ex.org/b": true}
            """)
        let objects = Dictionary(uniqueKeysWithValues: quads.map { ($0.predicate.value, $0.object) })
        #expect(objects[ex + "i"] == .literal(Literal("12345678901234567890", datatype: XSD.integer)))
        #expect(objects[ex + "d"] == .literal(Literal("1.5E0", datatype: XSD.double)))
        #expect(objects[ex + "e"] == .literal(Literal("100", datatype: XSD.integer)))
        #expect(objects[ex + "b"] == .literal(Literal("true", datatype: XSD.boolean)))
    }

    @Test func jsonLiteralsAreCanonical() throws {
        let quads = try readJSONLD("""
            {"@context": {"j": {"@id": "https://ex.org/j", "@type": "@json"}},
             "@id": "a", "j": {"b": [1.0, 1e21, 0.000001, "\\u00e9\\n"], "a": null}}
            """)
        #expect(quads.first?.object == .literal(Literal("{\"a\":null,\"b\":[1,1e+21,0.000001,\"é\\n\"]}", datatype: IRI(RDF.namespace + "JSON"))))
    }

    @Test func listsBecomeRDFLists() throws {
        let quads = try readJSONLD("{\"@id\": \"a\", \"https://ex.org/l\": {\"@list\": [\"x\", \"y\"]}}")
        #expect(quads.count == 5)
        #expect(quads.contains { $0.predicate.value == RDF.namespace + "first" && $0.object == .literal(Literal("y")) })
        #expect(quads.contains { $0.object == .iri(IRI(RDF.namespace + "nil")) })
    }

    @Test func namedGraphs() throws {
        let quads = try readJSONLD("{\"@id\": \"g\", \"@graph\": [{\"@id\": \"a\", \"https://ex.org/p\": \"v\"}]}")
        #expect(quads == [Quad(.iri(IRI(ex + "a")), IRI(ex + "p"), .literal(Literal("v")), graph: .iri(IRI(ex + "g")))])
    }

    @Test func baseDirection() throws {
        let text = "{\"@id\": \"a\", \"https://ex.org/p\": {\"@value\": \"x\", \"@language\": \"en-US\", \"@direction\": \"rtl\"}}"
        #expect(try readJSONLD(text).first?.object == .literal(Literal("x", language: "en-us")))
        let i18n = try readJSONLD(text, settings: .init(rdfDirection: .i18nDatatype))
        #expect(i18n.first?.object == .literal(Literal("x", datatype: IRI("https://www.w3.org/ns/i18n#en-us_rtl"))))
        let compound = try readJSONLD(text, settings: .init(rdfDirection: .compoundLiteral))
        #expect(compound.count == 4)
    }

    @Test func relativeIRIsWithoutABaseAreDroppedAndCounted() throws {
        let reader = JSONLDReader(options: ReaderOptions(path: "x.jsonld"))
        var quads: [Quad] = []
        let summary = try reader.read(Array("{\"@id\": \"a\", \"https://ex.org/p\": \"v\", \"https://ex.org/q\": {\"@id\": \"https://ex.org/b\"}}".utf8)) {
            quads.append($0)
        }
        #expect(quads.isEmpty)
        #expect(summary == JSONLDReader.Summary(quads: 0, dropped: 2))
    }
}

@Suite struct JSONLDDocumentLoaderTests {
    /// The repository's copy of the project context, as a `--context FILE` would give it.
    static var contextFile: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Schemas/context.jsonld"
    }

    @Test func aNamedFileServesURLsEndingInItsName() throws {
        let loader = DocumentLoader.offline([.named(path: Self.contextFile)])
        let text = "{\"@context\": \"https://example.org/ns/context.jsonld\", \"@id\": \"https://ex.org/a\", \"label\": \"A\"}"
        let quads = try JSONLDReader(documentLoader: loader).quads(Array(text.utf8))
        #expect(quads == [Quad(.iri(IRI("https://ex.org/a")), RDFS.label, .literal(Literal("A")))])
        #expect(try loader.document(at: "https://example.org/ns/other.jsonld") == nil)
    }

    @Test func aRelativeContextWithoutABaseIsFoundByName() throws {
        let text = "{\"@context\": \"context.jsonld\", \"@id\": \"https://ex.org/a\", \"label\": \"A\"}"
        let named = JSONLDReader(options: ReaderOptions(path: "x.jsonld"), documentLoader: .offline([.named(path: Self.contextFile)]))
        #expect(try named.quads(Array(text.utf8)).count == 1)
        let error = try #require(throws: JSONLDError.self) {
            _ = try JSONLDReader(options: ReaderOptions(path: "x.jsonld")).quads(Array(text.utf8))
        }
        #expect("\(error)" == "x.jsonld:1:14: remote context \"context.jsonld\" is a relative reference and the document has no base IRI: pass it with --context FILE")
    }

    @Test func aFileForAURL() throws {
        let loader = DocumentLoader.offline([.file(url: "https://example.org/c", path: Self.contextFile)])
        let document = try #require(try loader.document(at: "https://example.org/c#frag"))
        #expect(document.url == "https://example.org/c")
        #expect(document.bytes == Array(JSONLDContext.standard.document.utf8))
    }

    @Test func anUnreadableFileIsAnError() {
        let loader = DocumentLoader.offline([.file(url: "https://example.org/c", path: "/nonexistent/c.jsonld")])
        #expect(throws: DocumentLoader.LoadError.self) { _ = try loader.document(at: "https://example.org/c") }
    }
}
