import Foundation
import Testing

/// `prosegraph push` without a store: what it refuses, and how a failure reads.
/// Tests/interop/test_push.py runs it against real Oxigraph and Virtuoso servers.
@Suite struct PushCommandTests {
    @Test func noServerOnThePortIsExitTwoWithTheRequest() throws {
        // Port 1 on loopback: nothing listens there.
        let r = try run(["push", "Output/graph.nt", "--to", "http://127.0.0.1:1/store"])
        #expect(r.status == 2)
        #expect(r.stderr == "prosegraph: PUT http://127.0.0.1:1/store?default: cannot connect to the server\n")
        let named = try run(["push", "Output/graph.nt", "--to", "http://127.0.0.1:1/store", "--graph", "https://example.org/g", "--add"])
        #expect(named.stderr == "prosegraph: POST http://127.0.0.1:1/store?graph=https%3A%2F%2Fexample.org%2Fg: cannot connect to the server\n")
    }

    @Test func whatItCannotSend() throws {
        let graphml = try run(["push", "Output/graph.graphml", "--to", "http://127.0.0.1:1/store"])
        #expect(graphml.status == 2)
        #expect(graphml.stderr == "prosegraph: Output/graph.graphml: GraphML is not RDF: push an RDF export (graph.nt, graph.ttl, graph.rdf, graph.jsonld)\n")
        let missing = try run(["push", "no/such.nt", "--to", "http://127.0.0.1:1/store"])
        #expect((missing.status, missing.stderr) == (2, "prosegraph: no/such.nt: cannot read: no such file or directory\n"))
        let unknown = try run(["push", "README.md", "--to", "http://127.0.0.1:1/store"])
        #expect((unknown.status, unknown.stderr) == (2, "prosegraph: README.md: unknown format (give --from, or a file ending in .nt, .nq, .ttl, .trig, .rdf or .jsonld)\n"))
        let quads = try run(["push", "Output/graph.nt", "--from", "nquads", "--to", "http://127.0.0.1:1/store", "--graph", "https://example.org/g"])
        #expect((quads.status, quads.stderr) == (2, "prosegraph: Output/graph.nt: N-Quads names its own graphs: --graph goes with a triples format\n"))
        let netrc = try run(["push", "Output/graph.nt", "--to", "http://127.0.0.1:1/store", "--netrc", "no/such-netrc"])
        #expect((netrc.status, netrc.stderr) == (2, "prosegraph: no/such-netrc: cannot read the netrc file\n"))
    }

    @Test(arguments: [
        (["--to", "ftp://h/store"], "--to must be an http:// or https:// URL, got 'ftp://h/store'"),
        (["--to", "http://h/store", "--graph", "not an iri"], "--graph must be an absolute IRI, got 'not an iri'"),
        (["--to", "http://h/store", "--batch", "0"], "--batch must be at least 1, got 0"),
        (["--to", "http://h/store", "--update-url", "http://h/update"], "--update-url goes with --since"),
        (["--to", "http://h/store", "--since", "Output/graph.nt", "--add"], "--add goes with a whole export, not with --since (a delta changes only what changed)"),
        (["--to", "http://h/rdf-graphs", "--since", "Output/graph.nt"], "--since needs --update-url: the update endpoint beside 'http://h/rdf-graphs' is not known"),
    ])
    func wrongCommandLinesAreExit64(arguments: [String], message: String) throws {
        let r = try run(["push", "Output/graph.nt"] + arguments)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: " + message + "\n"))
    }

    @Test func helpShowsExamples() throws {
        let help = try run(["push", "--help"]).stdout
        #expect(help.contains("  prosegraph push today/graph.nt --since yesterday/graph.nt \\\n    --to http://127.0.0.1:7878/store --batch 5000\n"))
        #expect(help.contains("  --replace               The graph holds exactly the export afterwards (HTTP\n"))
    }
}
