import Foundation
import Testing

/// `convert` to JSON-LD (issue 15): named graphs, base directions and JSON
/// literals, the context (the input's prefixes, `--context FILE`, none with
/// `--expanded`, the project's for an export), the fromRdf options, and the
/// RDF/XML 1.2 output of the same terms.
@Suite(.serialized) struct ConvertJSONLDTests {
    static let trig = """
    @prefix ex: <http://example.org/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ex:alice ex:name "Alice" ; ex:knows ex:bob ; a ex:Person .
    ex:g1 { ex:bob ex:name "Bob"@en ; ex:born "1990-01-02"^^xsd:date . }
    _:g2 { ex:carol ex:says "مرحبا"@ar--rtl ; ex:data "{\\"a\\":1}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> . }

    """

    func withFiles(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        try body(dir)
    }

    @Test func aDatasetGetsNamedGraphsDirectionsJSONAndTheInputsPrefixes() throws {
        try withFiles(["d.trig": Self.trig]) { dir in
            let r = try run(["convert", "d.trig", "-", "--to", "jsonld"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == """
            {
              "@context": {
                "@version": 1.1,
                "ex": "http://example.org/",
                "xsd": "http://www.w3.org/2001/XMLSchema#"
              },
              "@graph": [
                {
                  "@id": "ex:alice",
                  "@type": "ex:Person",
                  "ex:knows": {"@id": "ex:bob"},
                  "ex:name": "Alice"
                },
                {
                  "@id": "ex:g1",
                  "@graph": [
                    {
                      "@id": "ex:bob",
                      "ex:born": {"@value": "1990-01-02", "@type": "xsd:date"},
                      "ex:name": {"@value": "Bob", "@language": "en"}
                    }
                  ]
                },
                {
                  "@id": "_:g2",
                  "@graph": [
                    {
                      "@id": "ex:carol",
                      "ex:data": {"@value": {"a":1}, "@type": "@json"},
                      "ex:says": {"@value": "مرحبا", "@language": "ar", "@direction": "rtl"}
                    }
                  ]
                }
              ]
            }

            """)
            // Read back (convert keeps @direction as RDF 1.2), it is the same dataset.
            let written = try run(["convert", "d.trig", "d.jsonld"], in: dir)
            #expect(written.status == 0)
            let diff = try run(["diff", "d.trig", "d.jsonld"], in: dir)
            #expect(diff.status == 0, "\(diff.stdout)")
            // JSON-LD to JSON-LD: the prefixes come from the document's own context, so the output is the
            // same (the JSON-LD reader labels blank nodes afresh).
            let again = try run(["convert", "d.jsonld", "-", "--to", "jsonld"], in: dir)
            #expect(again.stdout == r.stdout.replacingOccurrences(of: "\"_:g2\"", with: "\"_:b0\""))
        }
    }

    @Test func expandedHasNoContext() throws {
        try withFiles(["d.trig": Self.trig]) { dir in
            let r = try run(["convert", "d.trig", "-", "--to", "jsonld", "--expanded"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == """
            [
              {
                "@id": "http://example.org/alice",
                "@type": ["http://example.org/Person"],
                "http://example.org/knows": [{"@id": "http://example.org/bob"}],
                "http://example.org/name": [{"@value": "Alice"}]
              },
              {
                "@id": "http://example.org/g1",
                "@graph": [
                  {
                    "@id": "http://example.org/bob",
                    "http://example.org/born": [{"@value": "1990-01-02", "@type": "http://www.w3.org/2001/XMLSchema#date"}],
                    "http://example.org/name": [{"@value": "Bob", "@language": "en"}]
                  }
                ]
              },
              {
                "@id": "_:g2",
                "@graph": [
                  {
                    "@id": "http://example.org/carol",
                    "http://example.org/data": [{"@value": {"a":1}, "@type": "@json"}],
                    "http://example.org/says": [{"@value": "مرحبا", "@language": "ar", "@direction": "rtl"}]
                  }
                ]
              }
            ]

            """)
        }
    }

    @Test func aContextFileIsUsedAndCheckedByReadingTheOutputBack() throws {
        let french = #"{"@context": {"ex": "http://example.org/", "@language": "fr"}}"#
        let list = #"{"@context": {"ex": "http://example.org/", "ex:knows": {"@id": "http://example.org/knows", "@container": "@list"}}}"#
        try withFiles(["d.trig": Self.trig, "fr.jsonld": french, "list.jsonld": list]) { dir in
            let r = try run(["convert", "d.trig", "-", "--to", "jsonld", "--context", "fr.jsonld"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            // A default language in the context: plain strings are value objects, so they stay plain.
            #expect(r.stdout.hasPrefix("""
            {
              "@context": [{"@language":"fr","ex":"http://example.org/"}, {"@version": 1.1}],
              "@graph": [
                {
                  "@id": "ex:alice",
                  "@type": "ex:Person",
                  "ex:knows": {"@id": "ex:bob"},
                  "ex:name": {"@value": "Alice"}
                },
            """))
            let bad = try run(["convert", "d.trig", "out.jsonld", "--context", "list.jsonld"], in: dir)
            #expect(bad.status == 2)
            #expect(bad.stderr == "prosegraph: out.jsonld: the context list.jsonld changes the data: compacted with it, the output does not read back as the input (first difference: <http://example.org/alice> <http://example.org/knows> <http://example.org/bob> .); write it without --context, or with --expanded\n")
            #expect(!FileManager.default.fileExists(atPath: dir + "/out.jsonld"))
        }
    }

    @Test func aProseGraphExportKeepsTheProjectContext() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for input in ["Output/graph.nt", "Output/graph.ttl", "Output/graph.rdf"] {
            let r = try run(["convert", input, dir + "/g.jsonld"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/g.jsonld")) == Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Output/graph.jsonld")), "\(input)")
        }
    }

    @Test func fromRdfOptions() throws {
        let nt = """
        <http://ex.org/s> <http://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#boolean> .
        <http://ex.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/T> .
        <http://ex.org/s> <http://ex.org/p> "x"^^<https://www.w3.org/ns/i18n#en_rtl> .

        """
        try withFiles(["n.nt": nt]) { dir in
            let r = try run(["convert", "n.nt", "-", "--to", "jsonld", "--use-native-types", "--use-rdf-type", "--rdf-direction", "i18n-datatype"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == """
            {
              "@context": {
                "@version": 1.1
              },
              "@graph": [
                {
                  "@id": "http://ex.org/s",
                  "http://ex.org/p": [true, {"@value": "x", "@language": "en", "@direction": "rtl"}],
                  "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": {"@id": "http://ex.org/T"}
                }
              ]
            }

            """)
            let plain = try run(["convert", "n.nt", "-", "--to", "jsonld"], in: dir)
            #expect(plain.stdout == """
            {
              "@graph": [
                {
                  "@id": "http://ex.org/s",
                  "@type": "http://ex.org/T",
                  "http://ex.org/p": [{"@value": "1", "@type": "http://www.w3.org/2001/XMLSchema#boolean"}, {"@value": "x", "@type": "https://www.w3.org/ns/i18n#en_rtl"}]
                }
              ]
            }

            """)
            let wrong = try run(["convert", "n.nt", "out.ttl", "--use-native-types"], in: dir)
            #expect(wrong.status == 64)
            #expect(wrong.stderr.hasPrefix("Error: --use-native-types applies to JSON-LD output only\n"))
        }
    }

    @Test func whatAFormatCannotCarryIsAnErrorNamingTheTerm() throws {
        let nt = """
        <http://ex.org/s> <http://ex.org/p> "chat"@en-gb--ltr .
        <http://ex.org/s> <http://ex.org/p> <<( <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> )>> .

        """
        try withFiles(["t.nt": nt, "j.nt": "<http://ex.org/s> <http://ex.org/p> \"bareword\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .\n",
                       "q.nq": "<http://ex.org/s> <http://ex.org/p> \"o\" <http://ex.org/g> .\n"]) { dir in
            let jsonld = try run(["convert", "t.nt", "out.jsonld"], in: dir)
            #expect(jsonld.status == 2)
            #expect(jsonld.stderr == "prosegraph: out.jsonld: JSON-LD: JSON-LD 1.1 cannot represent the RDF 1.2 triple term <<( <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> )>>\n")
            let json = try run(["convert", "j.nt", "out.jsonld"], in: dir)
            #expect(json.status == 2)
            #expect(json.stderr == "prosegraph: out.jsonld: JSON-LD: the literal \"bareword\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> is not JSON: unexpected 'b': expected a JSON value\n")
            let turtle = try run(["convert", "q.nq", "out.ttl"], in: dir)
            #expect(turtle.status == 2)
            #expect(turtle.stderr == "prosegraph: out.ttl: the input has named graphs, which turtle cannot hold: write N-Quads (.nq) or JSON-LD (.jsonld) instead\n")
            // RDF/XML 1.2 carries both terms, and our reader reads them back.
            let rdf = try run(["convert", "t.nt", "-", "--to", "rdfxml"], in: dir)
            #expect(rdf.status == 0)
            #expect(rdf.stdout.contains("""
                <ns1:p xmlns:ns1="http://ex.org/" rdf:version="1.2" xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0" xml:lang="en-gb" its:dir="ltr">chat</ns1:p>
                <ns1:p xmlns:ns1="http://ex.org/" rdf:version="1.2" rdf:parseType="Triple">
                  <rdf:Description rdf:about="http://ex.org/a">
                    <ns1:b xmlns:ns1="http://ex.org/" rdf:resource="http://ex.org/c"/>
                  </rdf:Description>
                </ns1:p>
            """))
            let back = try run(["convert", "t.nt", "t.rdf"], in: dir)
            #expect(back.status == 0)
            #expect(try run(["diff", "t.nt", "t.rdf"], in: dir).status == 0)
        }
    }
}
