import Foundation
import Testing
@testable import ProseGraphStore

@Suite struct GraphStoreTests {
    @Test func urls() {
        #expect(GraphStoreURL.url(endpoint: "http://h:7878/store", graph: nil) == "http://h:7878/store?default")
        #expect(GraphStoreURL.url(endpoint: "http://h:7878/store", graph: "https://example.org/g?x=1#f")
                == "http://h:7878/store?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1%23f")
        #expect(GraphStoreURL.url(endpoint: "http://h/ds?key=1", graph: "urn:x") == "http://h/ds?key=1&graph=urn%3Ax")
        #expect(GraphStoreURL.url(endpoint: "http://h:7878/store", graph: nil, dataset: true) == "http://h:7878/store")
        #expect(GraphStoreURL.percentEncoded("https://ex.org/é ~_-.") == "https%3A%2F%2Fex.org%2F%C3%A9%20~_-.")
    }

    @Test func updateEndpointBesideTheGraphStore() {
        #expect(GraphStoreURL.updateURL(forGraphStore: "http://127.0.0.1:7878/store") == "http://127.0.0.1:7878/update")
        #expect(GraphStoreURL.updateURL(forGraphStore: "http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql-auth")
        #expect(GraphStoreURL.updateURL(forGraphStore: "http://h:8890/sparql-graph-crud") == "http://h:8890/sparql")
        #expect(GraphStoreURL.updateURL(forGraphStore: "http://h:3030/ds/data?x") == "http://h:3030/ds/update")
        #expect(GraphStoreURL.updateURL(forGraphStore: "http://h/rdf-graphs/service") == nil)
    }

    @Test func requestTargetAndHost() {
        #expect(GraphStoreURL.requestTarget("http://h:8890/sparql-graph-crud-auth?graph=a%3Ab") == "/sparql-graph-crud-auth?graph=a%3Ab")
        #expect(GraphStoreURL.requestTarget("http://h:8890?default") == "/?default")
        #expect(GraphStoreURL.requestTarget("http://h:8890") == "/")
        #expect(GraphStoreURL.host("http://u:p@Store.example:80/x") == "Store.example")
        #expect(GraphStoreURL.host("http://[::1]:7878/store") == "::1")
        #expect(GraphStoreURL.host("store") == nil)
    }

    @Test func mediaTypes() {
        #expect(PushFormat.allCases.map(\.mediaType) == ["application/n-triples", "application/n-quads", "text/turtle", "application/trig",
                                                         "application/rdf+xml", "application/ld+json"])
        #expect(PushFormat.allCases.filter(\.isLineBased) == [.ntriples, .nquads])
    }

    @Test func lineBatches() {
        let text = Array("# head\n<a> <b> <c> .\n\n<a> <b> <d> .\n<a> <b> <e> .\n# tail\n".utf8)
        let two = LineBatches(text, size: 2)
        #expect(two.counts == [2, 1])
        #expect(two.ranges.map { String(decoding: text[$0], as: UTF8.self) } == ["# head\n<a> <b> <c> .\n\n<a> <b> <d> .\n", "<a> <b> <e> .\n# tail\n"])
        let one = LineBatches(text, size: 1)
        #expect(one.counts == [1, 1, 1])
        #expect(one.ranges.last.map { String(decoding: text[$0], as: UTF8.self) } == "<a> <b> <e> .\n# tail\n")
        #expect(LineBatches(text, size: 3).counts == [3])
        #expect(LineBatches(text, size: 3).ranges == [0..<text.count])
        // No newline at the end; CRLF lines; an empty file is one empty batch.
        let crlf = Array("<a> <b> <c> .\r\n<a> <b> <d> .".utf8)
        #expect(LineBatches(crlf, size: 1).ranges == [0..<15, 15..<crlf.count])
        #expect(LineBatches([], size: 5).ranges == [0..<0])
        #expect(LineBatches([], size: 5).counts == [0])
    }

    @Test func blankNodesKeepAFileWhole() {
        #expect(LineBatches.mayHaveBlankNodes(Array("_:b0 <p> <o> .\n".utf8)))
        #expect(!LineBatches.mayHaveBlankNodes(Array("<s> <p> \"a:b\" .\n".utf8)))
    }

    @Test func failureMessages() {
        let html = Data("<html><head><title>Error</title></head><body><h3>Virtuoso 37000 Error SP030:</h3>\n\n  SPARQL compiler &amp; line 1</body></html>".utf8)
        #expect(StoreClient.serverMessage(html, contentType: "text/html; charset=UTF-8") == "Error Virtuoso 37000 Error SP030: SPARQL compiler & line 1")
        #expect(StoreClient.failure(method: "PUT", url: "http://h/store?default", status: 415, body: Data("Unsupported media type\n".utf8),
                                    contentType: "text/plain", hasCredentials: false)
                == "PUT http://h/store?default: HTTP 415 Unsupported Media Type: Unsupported media type")
        #expect(StoreClient.failure(method: "PUT", url: "http://h/x", status: 401, body: Data(), contentType: nil, hasCredentials: true)
                == "PUT http://h/x: HTTP 401 Unauthorized (the store refused the credentials)")
        #expect(StoreClient.failure(method: "POST", url: "http://h/x", status: 299 + 300, body: Data(String(repeating: "x ", count: 200).utf8), contentType: nil, hasCredentials: false)
                == "POST http://h/x: HTTP 599: " + String(repeating: "x ", count: 150).dropLast() + "...")
    }
}
