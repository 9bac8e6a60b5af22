import Testing
import ProseGraphFormats
import ProseGraphKit
#if canImport(Glibc)
import Glibc
#endif

/// The hostile inputs of `Tests/Fixtures/attacks/` through the entry points
/// the commands use: `RDFInput` (convert, canonicalize, diff, patch),
/// `GraphJobs.diffPropertyGraphs` (GraphML reading), `ValidateJob`
/// (validate). Each is refused with its exact error, quickly, and reads no
/// file and opens no connection: the XXE fixtures name a marker file whose
/// text never shows up, and the network fixtures are run again against a
/// socket this test listens on, which must see no connection.
@Suite struct Attacks {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ProseGraphKitTests/AttackTests.swift
        return parts.joined(separator: "/")
    }()
    static let fixtures = root + "/Tests/Fixtures/attacks/"
    static let schemas = root + "/Schemas"

    static let entities = "document type declarations that declare entities are refused (external entities and entity expansion are not supported)"
    static func externalDTD(_ url: String) -> String {
        "external DTDs are refused: the document type declaration names \"\(url)\" (DTDs are never loaded)"
    }
    /// Located where libxml2 noticed (its parser position), so a tree parse
    /// (validate) and the stream reader give slightly different columns.
    static let tooDeepXML = "elements are nested more than 256 levels deep (the XML nesting limit)"

    /// The file the XXE fixtures point at (`file:///tmp/prosegraph-attack-marker.txt`).
    static let marker: String = {
        let text = "PROSEGRAPH-MARKER-the-contents-must-never-appear"
        let f = fopen("/tmp/prosegraph-attack-marker.txt", "w")!
        fputs(text, f)
        fclose(f)
        return text
    }()

    /// Runs `body`, which must fail, and returns its error text and how long it took.
    static func failure(_ body: () throws(ReadFailure) -> Void) -> (message: String, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        var message = "no error"
        do { try body() } catch { message = error.description }
        let d = clock.now - start
        return (message, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }

    // MARK: RDF input (convert, canonicalize, diff, patch)

    @Test(arguments: [
        ("xxe-file.rdf", ":2:1: " + entities),
        ("xxe-parameter.rdf", ":2:1: " + entities),
        ("external-dtd.rdf", ":2:1: " + externalDTD("http://127.0.0.1:9/evil.dtd")),
        ("billion-laughs.rdf", ":2:1: " + entities),
        ("quadratic-blowup.rdf", ":2:1: " + entities),
        ("deep-100k.rdf", ":3:1542: " + tooDeepXML),
        // GraphML read as RDF (convert from GraphML).
        ("xxe-file.graphml", ":2:1: " + entities),
        ("xxe-parameter.graphml", ":2:1: " + entities),
        ("external-dtd.graphml", ":2:1: " + externalDTD("http://127.0.0.1:9/evil.dtd")),
        ("billion-laughs.graphml", ":2:1: " + entities),
        ("quadratic-blowup.graphml", ":2:1: " + entities),
        ("deep-100k.graphml", ":3:2841: " + tooDeepXML),
        ("deep-arrays-100k.jsonld", ":1:146: arrays and objects are nested more than 100 deep"),
        ("deep-objects-100k.jsonld", ":1:2027: arrays and objects are nested more than 100 deep"),
        ("deep-blank-nodes-100k.ttl", ":2:1287: terms are nested more than 256 levels deep"),
        ("deep-collections-100k.ttl", ":2:263: terms are nested more than 256 levels deep"),
        ("remote-context.jsonld", ":2:15: remote context http://127.0.0.1:9/context.jsonld is not available offline: pass it with --context FILE"),
        ("remote-import.jsonld", ":2:44: remote context http://127.0.0.1:9/import.jsonld is not available offline: pass it with --context FILE"),
        ("file-context.jsonld", ":2:15: remote context file:///etc/passwd is not available offline: pass it with --context FILE"),
    ])
    func rdfInputRefuses(_ name: String, _ expected: String) {
        let path = Self.fixtures + name
        _ = Self.marker
        let (message, seconds) = Self.failure { () throws(ReadFailure) in _ = try RDFInput.read(path: path) }
        #expect(message == path + expected)
        #expect(!message.contains(Self.marker))
        #expect(seconds < 2, "\(name) took \(seconds) s")
    }

    /// `convert` writes nothing for a refused input.
    @Test func convertWritesNothing() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let (message, _) = Self.failure { () throws(ReadFailure) in
            try GraphJobs.convert(input: Self.fixtures + "billion-laughs.rdf", from: nil, output: dir + "/out.nt", to: .ntriples,
                                  base: nil, contexts: [])
        }
        #expect(message == Self.fixtures + "billion-laughs.rdf:2:1: " + Self.entities)
        #expect(try FileSystem.list(dir) == [])
    }

    // MARK: GraphML reading (diff of two GraphML files)

    @Test(arguments: [
        ("xxe-file.graphml", ":2:1: " + entities),
        ("xxe-parameter.graphml", ":2:1: " + entities),
        ("external-dtd.graphml", ":2:1: " + externalDTD("http://127.0.0.1:9/evil.dtd")),
        ("billion-laughs.graphml", ":2:1: " + entities),
        ("quadratic-blowup.graphml", ":2:1: " + entities),
        ("deep-100k.graphml", ":3:2841: " + tooDeepXML),
    ])
    func graphMLReadingRefuses(_ name: String, _ expected: String) {
        let path = Self.fixtures + name
        let (message, seconds) = Self.failure { () throws(ReadFailure) in _ = try GraphJobs.diffPropertyGraphs(old: path, new: path) }
        #expect(message == path + expected)
        #expect(seconds < 2, "\(name) took \(seconds) s")
    }

    // MARK: validate

    @Test(arguments: [
        ("xxe-file.graphml", ":2:1: " + entities),
        ("xxe-parameter.graphml", ":2:1: " + entities),
        ("external-dtd.graphml", ":2:1: " + externalDTD("http://127.0.0.1:9/evil.dtd")),
        ("billion-laughs.graphml", ":2:1: " + entities),
        ("quadratic-blowup.graphml", ":2:1: " + entities),
        ("deep-100k.graphml", ":3:2835: " + tooDeepXML),
        ("xxe-file.rdf", ":2:1: " + entities),
        ("billion-laughs.rdf", ":2:1: " + entities),
        ("deep-objects-100k.jsonld", ":1:2027: arrays and objects are nested more than 100 deep"),
        ("deep-collections-100k.ttl", ":2:263: terms are nested more than 256 levels deep"),
        ("remote-context.jsonld", ":2:15: remote context http://127.0.0.1:9/context.jsonld is not available offline: pass it with --context FILE"),
    ])
    func validateCannotValidate(_ name: String, _ expected: String) throws {
        let path = Self.fixtures + name
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = try ValidateJob.run(file: path, format: nil, schemasDirectory: Self.schemas, shapes: nil)
        #expect(clock.now - start < .seconds(2))
        #expect(outcome.syntaxError == path + expected)
        #expect(outcome.exitStatus == 2)
        #expect(!outcome.conforms)
    }

    /// An `xsi:schemaLocation` (or `xsi:noNamespaceSchemaLocation`) is a hint
    /// that is never followed: the file is validated against the local schema
    /// (and conforms), nothing is fetched or read.
    @Test(arguments: ["schema-location.graphml", "no-namespace-schema-location.graphml"])
    func schemaLocationsAreNotFollowed(_ name: String) throws {
        let outcome = try ValidateJob.run(file: Self.fixtures + name, format: nil, schemasDirectory: Self.schemas, shapes: nil)
        #expect(outcome.syntaxError == nil)
        #expect(outcome.conforms)
        #expect(try outcome.render(.text) == Self.fixtures + name + ": conforms\n")
    }

    // MARK: Nothing is fetched

    /// The fixtures that name a URL, pointed at a socket this test listens on:
    /// the same refusal, and the socket sees no connection.
    @Test func networkReferencesOpenNoConnection() throws {
        let listener = try Listener()
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let url = "127.0.0.1:\(listener.port)"
        var checked = 0
        for name in ["xxe-parameter.rdf", "external-dtd.rdf", "xxe-parameter.graphml", "external-dtd.graphml",
                     "remote-context.jsonld", "remote-import.jsonld", "schema-location.graphml"] {
            let text = String(decoding: try FileSystem.read(Self.fixtures + name), as: UTF8.self)
            #expect(text.contains("127.0.0.1:9/"), "\(name)")
            let path = dir + "/" + name
            writeFile(path, Array(text.replacing("127.0.0.1:9/", with: url + "/").utf8))
            let (message, _) = Self.failure { () throws(ReadFailure) in _ = try RDFInput.read(path: path) }
            switch name {
            case "external-dtd.rdf", "external-dtd.graphml":
                #expect(message == path + ":2:1: " + Self.externalDTD("http://\(url)/evil.dtd"))
            case "remote-context.jsonld":
                #expect(message == path + ":2:15: remote context http://\(url)/context.jsonld is not available offline: pass it with --context FILE")
            case "remote-import.jsonld":
                #expect(message == path + ":2:44: remote context http://\(url)/import.jsonld is not available offline: pass it with --context FILE")
            case "schema-location.graphml":
                #expect(message == "no error")  // read as RDF: the hint is an ordinary attribute
            default:
                #expect(message == path + ":2:1: " + Self.entities)
            }
            if name.hasSuffix(".graphml") {
                let outcome = try ValidateJob.run(file: path, format: nil, schemasDirectory: Self.schemas, shapes: nil)
                #expect(outcome.conforms == (name == "schema-location.graphml"), "\(name)")
                _ = try? GraphJobs.diffPropertyGraphs(old: path, new: path)
            }
            checked += 1
        }
        #expect(checked == 7)
        #expect(listener.connections() == 0)
    }

    /// The listener itself works: a real connection is counted (so the check above can fail).
    @Test func theListenerSeesAConnection() throws {
        let listener = try Listener()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = Listener.loopback(port: listener.port)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(rc == 0)
        #expect(listener.connections() == 1)
    }

    /// A context next to the document is read (a relative reference); one
    /// outside its directory is not, even when it exists.
    @Test func onlyContextsBesideTheDocumentAreRead() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/doc", 0o755)
        let context = Array(#"{"@context": {"name": "http://ex.org/name"}}"#.utf8)
        writeFile(dir + "/doc/ctx.jsonld", context)
        writeFile(dir + "/outside.jsonld", context)
        writeFile(dir + "/doc/near.jsonld", Array(#"{"@context": "ctx.jsonld", "@id": "http://ex.org/a", "name": "x"}"#.utf8))
        writeFile(dir + "/doc/far.jsonld", Array(#"{"@context": "../outside.jsonld", "@id": "http://ex.org/a", "name": "x"}"#.utf8))
        let near = try RDFInput.read(path: dir + "/doc/near.jsonld").quads
        #expect(near.map(\.predicate.value) == ["http://ex.org/name"])
        let (message, _) = Self.failure { () throws(ReadFailure) in _ = try RDFInput.read(path: dir + "/doc/far.jsonld") }
        #expect(message == dir + "/doc/far.jsonld:1:14: remote context file://\(dir)/outside.jsonld is not available offline: pass it with --context FILE")
    }

    /// Just inside the nesting limits, documents are read (the bound is the limit, not a crash).
    @Test func nestingUpToTheLimitsIsRead() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let jsonld = #"{"@id": "http://ex.org/a", "http://ex.org/p": "# + String(repeating: #"{"http://ex.org/p": "#, count: 98)
            + "1" + String(repeating: "}", count: 99)
        writeFile(dir + "/deep.jsonld", Array(jsonld.utf8))
        #expect(try RDFInput.read(path: dir + "/deep.jsonld").quads.count == 99)
        let turtle = "<http://ex.org/a> <http://ex.org/p> " + String(repeating: "[ <http://ex.org/p> ", count: 256) + "1" + String(repeating: " ]", count: 256) + " ."
        writeFile(dir + "/deep.ttl", Array(turtle.utf8))
        #expect(try RDFInput.read(path: dir + "/deep.ttl").quads.count == 257)
    }
}

/// A TCP socket listening on 127.0.0.1 (a free port), to prove nothing connects to it.
final class Listener {
    let fd: Int32
    let port: UInt16

    struct Failure: Error {}

    static func loopback(port: UInt16) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        a.sin_port = port.bigEndian
        return a
    }

    init() throws {
        let sock = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard sock >= 0 else { throw Failure() }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { s in
                bind(sock, s, length) == 0 && listen(sock, 64) == 0 && getsockname(sock, s, &length) == 0
            }
        }
        guard bound, fcntl(sock, F_SETFL, O_NONBLOCK) == 0 else {
            close(sock)
            throw Failure()
        }
        fd = sock
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(fd) }

    /// How many connections were made so far (each is accepted and closed).
    func connections() -> Int {
        var n = 0
        while true {
            let c = accept(fd, nil, nil)
            guard c >= 0 else { return n }
            close(c)
            n += 1
        }
    }
}
