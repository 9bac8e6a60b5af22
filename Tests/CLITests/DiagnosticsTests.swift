import Foundation
import Testing

/// Every command reports a bad input on stderr as
/// `prosegraph: file:line:column: message` (or `prosegraph: file: message`
/// where the problem has no position), with nothing on stdout.
@Suite struct DiagnosticsTests {
    static let edge = "Tests/Fixtures/text-edge/"
    static let attacks = "Tests/Fixtures/attacks/"

    func expectError(_ arguments: [String], _ stderr: String, status: Int32 = 2,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments)
        #expect(r.status == status, "\(arguments)", sourceLocation: sourceLocation)
        #expect(r.stdout == "", "\(arguments)", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, "\(arguments)", sourceLocation: sourceLocation)
    }

    @Test func articleCommands() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectError(["export", Self.edge + "nul.txt", "--out", dir + "/out", "--quiet"], """
            prosegraph: \(Self.edge)nul.txt:3:15: binary file: NUL byte at byte offset 45; articles are UTF-8 text
            prosegraph: no articles to export (1 input rejected)

            """)
        try expectError(["explain", Self.edge + "invalid-utf8.txt"],
                        "prosegraph: \(Self.edge)invalid-utf8.txt:3:5: invalid UTF-8 at byte offset 55 (byte 0xC3)\n")
        try expectError(["explain", Self.edge + "utf16le-no-bom.txt"],
                        "prosegraph: \(Self.edge)utf16le-no-bom.txt:1:1: UTF-16 text is not supported: save the article as UTF-8\n")
        // A sentence number past the article's last sentence, or below 1, is an error, not an empty explanation.
        try expectError(["explain", "Input/belgium-syria.txt", "--sentence", "99"],
                        "prosegraph: Input/belgium-syria.txt: --sentence 99: the article has 22 sentences\n")
        let zero = try run(["explain", "Input/belgium-syria.txt", "--sentence", "0"])
        #expect(zero.status == 64)
        #expect(zero.stderr.hasPrefix("Error: --sentence counts from 1, got 0\n"))
        try "d\ts\tvisited\to\t2015-13\n".write(toFile: dir + "/gold.tsv", atomically: true, encoding: .utf8)
        try expectError(["eval", "--gold", dir + "/gold.tsv", "Input/belgium-syria.txt"],
                        "prosegraph: \(dir)/gold.tsv:1:15: '2015-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n")
    }

    @Test func graphCommands() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectError(["convert", Self.attacks + "xxe-file.rdf", dir + "/out.nt"],
                        "prosegraph: \(Self.attacks)xxe-file.rdf:2:1: document type declarations that declare entities are refused (external entities and entity expansion are not supported)\n")
        try expectError(["canonicalize", Self.attacks + "deep-collections-100k.ttl"],
                        "prosegraph: \(Self.attacks)deep-collections-100k.ttl:2:263: terms are nested more than 256 levels deep\n")
        try expectError(["diff", Self.attacks + "external-dtd.graphml", "Output/graph.graphml"],
                        "prosegraph: \(Self.attacks)external-dtd.graphml:2:1: external DTDs are refused: the document type declaration names \"http://127.0.0.1:9/evil.dtd\" (DTDs are never loaded)\n")
        try expectError(["diff", "Output/graph.nt", Self.attacks + "remote-context.jsonld"],
                        "prosegraph: \(Self.attacks)remote-context.jsonld:2:15: remote context http://127.0.0.1:9/context.jsonld is not available offline: pass it with --context FILE\n")
        // An RDF Patch error is located in the patch line (it used to nest the quad's own position).
        try "TX .\nA <http://example.org/s> <http://example.org/p> .\nTC .\n".write(toFile: dir + "/p.rdfp", atomically: true, encoding: .utf8)
        try expectError(["patch", "Output/graph.nt", dir + "/p.rdfp"],
                        "prosegraph: \(dir)/p.rdfp:2:49: not a quad after A: expected an object (an IRI, a blank node, a literal or a triple term)\n")
        try "TX .\n  Q x\n".write(toFile: dir + "/q.rdfp", atomically: true, encoding: .utf8)
        try expectError(["patch", "Output/graph.nt", dir + "/q.rdfp"],
                        "prosegraph: \(dir)/q.rdfp:2:3: unknown RDF Patch line 'Q' (expected A, D, H, TX, TC, TA, PA or PD)\n")
        // An output that cannot be created is named once.
        try expectError(["convert", "Output/graph.nt", "/proc/no-such-dir/out.nt"],
                        "prosegraph: /proc/no-such-dir/out.nt: cannot create a file in /proc/no-such-dir: no such file or directory\n")
    }

    @Test func validate() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectError(["validate", Self.attacks + "billion-laughs.graphml"],
                        "prosegraph: \(Self.attacks)billion-laughs.graphml:2:1: document type declarations that declare entities are refused (external entities and entity expansion are not supported)\n")
        try expectError(["validate", Self.attacks + "deep-objects-100k.jsonld"],
                        "prosegraph: \(Self.attacks)deep-objects-100k.jsonld:1:2027: arrays and objects are nested more than 100 deep\n")
        try expectError(["validate", dir + "/missing.nt"], "prosegraph: \(dir)/missing.nt: cannot read: no such file or directory\n")
        try expectError(["validate", "Output/graph.nt", "--shapes", dir + "/missing.ttl"],
                        "prosegraph: \(dir)/missing.ttl: cannot read: no such file or directory\n")
        try expectError(["validate", "Output/graph.graphml", "--schemas", dir],
                        "prosegraph: \(dir)/graphml/prosegraph-graphml.xsd: the schema cannot be used: Failed to locate the main schema resource at '\(dir)/graphml/prosegraph-graphml.xsd'.\n")
        // With --report json the report says so on stdout too.
        let json = try run(["validate", Self.attacks + "external-dtd.rdf", "--report", "json"])
        #expect(json.status == 2)
        #expect(json.stderr == "prosegraph: \(Self.attacks)external-dtd.rdf:2:1: external DTDs are refused: the document type declaration names \"http://127.0.0.1:9/evil.dtd\" (DTDs are never loaded)\n")
        #expect(json.stdout == """
            {
              "file": "\(Self.attacks)external-dtd.rdf",
              "conforms": false,
              "syntaxError": "\(Self.attacks)external-dtd.rdf:2:1: external DTDs are refused: the document type declaration names \\"http://127.0.0.1:9/evil.dtd\\" (DTDs are never loaded)"
            }

            """)
    }

    @Test func synth() throws {
        try expectError(["synth", "--articles", "1", "--out", "/proc/no-such-dir"],
                        "prosegraph: /proc/no-such-dir: cannot create the directory: no such file or directory\n")
    }
}
