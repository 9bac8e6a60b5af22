import Foundation
import Testing
import ProseGraphFormats
import ProseGraphModel

/// There is no W3C N-Triples or Turtle suite in the reference data, so these
/// readers are held to every file of those formats the other suites carry:
/// each expected-output `.nt` of the RDF/XML suites, each `.nq` of rdf-canon
/// and json-ld-api, and each `manifest.ttl` (and other `.ttl`) of the W3C
/// suites. All must parse. Only the suites' own folders are read, so a full
/// clone of rdf-tests (with its bad-syntax N-Triples and Turtle) changes nothing.
@Suite struct NTriplesConformance {
    /// Every file under the folders `directories` whose name ends in `suffix`, sorted.
    static func files(under directories: [String], suffix: String) -> [String] {
        var found: [String] = []
        for root in directories {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let name = walker.nextObject() as? String {
                if name.hasSuffix(suffix) { found.append(root + "/" + name) }
            }
        }
        return found.sorted()
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(path: path, line: 0, column: 0, message: "cannot be read")
        }
        return [UInt8](data)
    }

    static func shortName(_ path: String) -> String {
        path.hasPrefix(Suites.root + "/") ? String(path.dropFirst(Suites.root.count + 1)) : path
    }

    /// Parses every file with `parse`, reports the numbers and records a failure per file that does not parse.
    static func run(_ suite: String, _ paths: [String], parse: ([UInt8], String) throws -> Int) {
        var passed = 0
        var statements = 0
        var failed: [String] = []
        for path in paths {
            do {
                statements += try parse(try bytes(path), path)
                passed += 1
            } catch {
                failed.append("\(shortName(path)): \(error)")
            }
        }
        Suites.report(suite, passed: passed, failed: failed, skipped: [])
        print("  (\(statements) statements in \(paths.count) files)")
        #expect(!paths.isEmpty, "no \(suite) files found under \(Suites.root)")
        #expect(failed.isEmpty, "\(failed.count) files did not parse, first: \(failed.first ?? "")")
    }

    @Test(.needs(.rdfXML11, .rdfXML12))
    func everyNTriplesFileOfRDFTests() {
        Self.run("n-triples (rdf-tests *.nt)", Self.files(under: [ReferenceData.rdfXML11.path, ReferenceData.rdfXML12.path], suffix: ".nt")) { bytes, path in
            var n = 0
            try NTriplesReader(options: ReaderOptions(path: Self.shortName(path))).read(bytes) { _ in n += 1 }
            return n
        }
    }

    @Test(.needs(.rdfCanon))
    func everyNQuadsFileOfRDFCanon() {
        Self.run("n-quads (rdf-canon rdfc10 *.nq)", Self.files(under: [ReferenceData.rdfCanon.path + "/rdfc10"], suffix: ".nq")) { bytes, path in
            var n = 0
            try NTriplesReader(options: ReaderOptions(path: Self.shortName(path)), quads: true).read(bytes) { _ in n += 1 }
            return n
        }
    }

    /// Every manifest of every suite (the RDF/XML, RDF 1.2, RDFC and SHACL
    /// ones), then every other Turtle file (the SHACL tests are Turtle).
    @Test(.needs(ReferenceData.w3c))
    func everyManifestAndTurtleFile() {
        let all = Self.files(under: ReferenceData.w3c.map(\.path), suffix: ".ttl")
        let manifests = all.filter { $0.hasSuffix("/manifest.ttl") }
        for (suite, paths) in [("turtle (w3c manifest.ttl)", manifests), ("turtle (w3c other *.ttl)", all.filter { !$0.hasSuffix("/manifest.ttl") })] {
            Self.run(suite, paths) { bytes, path in
                var n = 0
                try TurtleReader(options: ReaderOptions(path: Self.shortName(path), base: "file://" + path)).read(bytes) { _ in n += 1 }
                return n
            }
        }
    }

    /// The JSON-LD suite's expected outputs (toRdf) and inputs (fromRdf) are
    /// N-Quads too, except those of the tests that ask for generalized RDF
    /// (a blank node as predicate), which no N-Quads reader accepts: those
    /// are counted as skipped when they do not parse.
    @Test(.needs(.jsonLD))
    func everyNQuadsFileOfJSONLD() throws {
        let manifest = try JSONSerialization.jsonObject(with: Data(try Self.bytes(ReferenceData.jsonLD.path + "/toRdf-manifest.jsonld")))
        let tests = (manifest as? [String: Any])?["sequence"] as? [[String: Any]] ?? []
        let generalized = Set(tests.compactMap { test -> String? in
            guard (test["option"] as? [String: Any])?["produceGeneralizedRdf"] as? Bool == true else { return nil }
            return (test["expect"] as? String).map { ReferenceData.jsonLD.path + "/" + $0 }
        })
        var passed = 0
        var failed: [String] = []
        var skipped: [(String, String)] = []
        for path in Self.files(under: ["toRdf", "fromRdf"].map { ReferenceData.jsonLD.path + "/" + $0 }, suffix: ".nq") {
            do {
                try NTriplesReader(options: ReaderOptions(path: Self.shortName(path)), quads: true).read(try Self.bytes(path)) { _ in }
                passed += 1
            } catch {
                if generalized.contains(path) {
                    skipped.append((Self.shortName(path), "generalized RDF, not N-Quads: \(error)"))
                } else {
                    failed.append("\(Self.shortName(path)): \(error)")
                }
            }
        }
        Suites.report("n-quads (json-ld-api *.nq)", passed: passed, failed: failed, skipped: skipped)
        #expect(passed > 300)
        #expect(failed.isEmpty, "\(failed.count) files did not parse, first: \(failed.first ?? "")")
    }

    /// The canonical outputs are N-Quads in canonical form: reading one and
    /// writing its triples back (default-graph files only) gives the same bytes.
    @Test(.needs(.rdfCanon))
    func canonicalNQuadsReadBackByteForByte() throws {
        var compared = 0
        for path in Self.files(under: [ReferenceData.rdfCanon.path + "/rdfc10"], suffix: "-rdfc10.nq") {
            let bytes = try Self.bytes(path)
            var quads: [Quad] = []
            try NTriplesReader(options: ReaderOptions(path: path), quads: true).read(bytes) { quads.append($0) }
            guard quads.allSatisfy({ $0.graph == nil }) else { continue }
            let sink = MemorySink()
            var w = NTriplesWriter(sink: sink)
            for q in quads { try w.write(q.triple) }
            try w.finish()
            #expect(sink.bytes == bytes, "\(Self.shortName(path))")
            compared += 1
        }
        print("conformance n-quads canonical round trip: \(compared) default-graph files compared byte for byte")
        #expect(compared > 0)
    }
}
