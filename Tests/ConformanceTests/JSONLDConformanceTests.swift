import Foundation
import Testing
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel

/// The W3C JSON-LD 1.1 toRdf suite, run from its manifest
/// (w3c/json-ld-api/toRdf-manifest.jsonld in the reference data, read as plain
/// JSON). Documents the tests load from the suite's base
/// (https://w3c.github.io/json-ld-api/tests/...) are served from the local
/// copy by the offline `DocumentLoader`; nothing is fetched.
///
/// Positive tests compare the quads read with the expected N-Quads as
/// datasets, blank nodes up to renaming (both sides canonicalized with
/// RDFC-1.0); negative tests must fail with the expected JSON-LD error code.
@Suite struct JSONLDConformance {
    static let directory = ReferenceData.jsonLD.path
    static let manifestPath = directory + "/toRdf-manifest.jsonld"
    static let suiteBase = "https://w3c.github.io/json-ld-api/tests/"

    /// The number of tests that pass today: a regression fails the suite.
    static let expectedPasses = 455

    struct Case {
        let id: String
        let name: String
        let types: [String]
        let input: String
        let expect: String?
        let errorCode: String?
        let options: [String: Any]

        var isNegative: Bool { types.contains("jld:NegativeEvaluationTest") }
        var isSyntaxOnly: Bool { types.contains("jld:PositiveSyntaxTest") }
    }

    /// The tests of a JSON-LD test manifest (its `sequence`), read as plain JSON.
    static func sequence(_ manifestPath: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        guard let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sequence = manifest["sequence"] as? [[String: Any]] else {
            throw ParseError(path: manifestPath, line: 1, column: 1, message: "not a test manifest")
        }
        return sequence
    }

    static func cases() throws -> [Case] {
        try sequence(manifestPath).map { t in
            Case(id: t["@id"] as? String ?? "?", name: t["name"] as? String ?? "",
                 types: t["@type"] as? [String] ?? [], input: t["input"] as? String ?? "",
                 expect: t["expect"] as? String, errorCode: t["expectErrorCode"] as? String,
                 options: t["option"] as? [String: Any] ?? [:])
        }
    }

    /// Why a test is not run, or nil to run it.
    static func skipReason(_ c: Case) -> String? {
        if c.options["specVersion"] as? String == "json-ld-1.0" {
            return "json-ld-1.0 only: a JSON-LD 1.0 processor's behaviour, which 1.1 changed"
        }
        if c.options["produceGeneralizedRdf"] as? Bool == true {
            return "produceGeneralizedRdf: its expected output has blank node predicates, which RDF (and Quad) cannot hold"
        }
        return nil
    }

    static func reader(for c: Case) -> JSONLDReader {
        var settings = JSONLDReader.Settings()
        if let mode = c.options["processingMode"] as? String, let m = JSONLDProcessingMode(rawValue: mode) {
            settings.processingMode = m
        }
        if let direction = c.options["rdfDirection"] as? String {
            settings.rdfDirection = JSONLDReader.RDFDirection(rawValue: direction)
        }
        if let expandContext = c.options["expandContext"] as? String {
            settings.expandContext = suiteBase + expandContext
        }
        let base = c.options["base"] as? String ?? suiteBase + c.input
        return JSONLDReader(options: ReaderOptions(path: c.input, base: base),
                            documentLoader: .offline([.directory(urlPrefix: suiteBase, path: directory + "/")]),
                            settings: settings)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + relative) else {
            throw ParseError(path: relative, line: 0, column: 0, message: "cannot be read")
        }
        return [UInt8](data)
    }

    /// The canonical N-Quads of a dataset: equal for isomorphic datasets.
    static func canonical(_ quads: [Quad]) throws -> String {
        try Canonicalizer().canonicalize(Dataset(quads)).nquads
    }

    /// nil when the test passes, else why it failed.
    static func run(_ c: Case) -> String? {
        let reader = reader(for: c)
        do {
            let input = try bytes(c.input)
            if c.isNegative {
                do {
                    _ = try reader.quads(input)
                    return "expected the error \"\(c.errorCode ?? "?")\", read without error"
                } catch let e as JSONLDError {
                    return e.code.rawValue == c.errorCode ? nil : "expected \"\(c.errorCode ?? "?")\", got \"\(e.code.rawValue)\": \(e)"
                } catch {
                    return "expected \"\(c.errorCode ?? "?")\", got \(error)"
                }
            }
            let quads = try reader.quads(input)
            if c.isSyntaxOnly { return nil }
            guard let expect = c.expect else { return "no expected output" }
            let expected = try NTriplesReader(options: ReaderOptions(path: expect), quads: true).quads(try bytes(expect))
            let got = try canonical(quads)
            let want = try canonical(expected)
            if got == want { return nil }
            return "datasets differ:\n--- got\n\(got)--- expected\n\(want)"
        } catch {
            return "\(error)"
        }
    }

    @Test(.needs(.jsonLD))
    func toRdf() throws {
        let all = try Self.cases()
        var passed = 0
        var failed: [String] = []
        var skipped: [(String, String)] = []
        for c in all {
            if let reason = Self.skipReason(c) {
                skipped.append(("\(c.id) \(c.name)", reason))
                continue
            }
            if let failure = Self.run(c) {
                failed.append("\(c.id) \(c.name): \(failure)")
            } else {
                passed += 1
            }
        }
        Suites.report("json-ld toRdf", passed: passed, failed: failed, skipped: skipped)
        #expect(all.count == 467, "the manifest has \(all.count) tests, expected 467")
        #expect(passed == Self.expectedPasses, "\(passed) of \(all.count) toRdf tests pass, expected \(Self.expectedPasses)")
        #expect(passed + failed.count + skipped.count == all.count)
    }
}

/// The W3C JSON-LD 1.1 fromRdf suite (w3c/json-ld-api/fromRdf-manifest.jsonld):
/// each input (N-Quads) is written by `JSONLDWriter` with the test's options
/// (`useNativeTypes`, `useRdfType`, `rdfDirection`), twice: in expanded form
/// and compacted with a context of prefixes (`rdf`, `xsd`...). A positive
/// test passes when both outputs, read back (toRdf with the test's
/// `rdfDirection`), give the dataset the expected output gives; a negative
/// test (an `rdf:JSON` literal that is not JSON) when writing fails, naming
/// the literal.
///
/// Two tests expect a lossy output that the writer does not produce: their
/// outputs read back as exactly the input instead (`losslessDeviations`).
@Suite struct JSONLDFromRDFConformance {
    static let directory = ReferenceData.jsonLD.path
    static let manifestPath = directory + "/fromRdf-manifest.jsonld"

    static let expectedPasses = 51

    /// Tests whose expected output drops or rewrites part of the input, and why ours does not.
    static let losslessDeviations: [String: String] = [
        "#t0016": "the expected output folds the list into @list and drops its rdf:type rdf:List triples; ours keeps every triple",
        "#t0028": "the expected output rewrites the rdf:JSON literal {\"x\": 1} to canonical JSON ({\"x\":1}); ours keeps its lexical form (a typed string)",
    ]

    struct Case {
        let id: String
        let name: String
        let negative: Bool
        let input: String
        let expect: String?
        let options: [String: Any]
    }

    static func cases() throws -> [Case] {
        try JSONLDConformance.sequence(manifestPath).map { t in
            Case(id: t["@id"] as? String ?? "?", name: t["name"] as? String ?? "",
                 negative: (t["@type"] as? [String] ?? []).contains("jld:NegativeEvaluationTest"),
                 input: t["input"] as? String ?? "", expect: t["expect"] as? String,
                 options: t["option"] as? [String: Any] ?? [:])
        }
    }

    enum Outcome: Equatable { case passed, deviation, failed(String) }

    static func run(_ c: Case) -> Outcome {
        var options = JSONLDWriter.Options(useNativeTypes: c.options["useNativeTypes"] as? Bool ?? false,
                                           useRdfType: c.options["useRdfType"] as? Bool ?? false,
                                           rdfDirection: (c.options["rdfDirection"] as? String).flatMap(JSONLDWriter.RDFDirection.init(rawValue:)))
        let direction = (c.options["rdfDirection"] as? String).flatMap(JSONLDReader.RDFDirection.init(rawValue:))
        func read(_ bytes: [UInt8], _ path: String) throws -> String {
            let quads = try JSONLDReader(options: ReaderOptions(path: path, base: JSONLDConformance.suiteBase + path),
                                         settings: .init(rdfDirection: direction)).quads(bytes)
            return try JSONLDConformance.canonical(quads)
        }
        do {
            let input = try NTriplesReader(options: ReaderOptions(path: c.input), quads: true).quads(try JSONLDConformance.bytes(c.input))
            options.version11 = JSONLDWriter.needsVersion11(input, options: options)
            var outputs: [[UInt8]] = []
            for reference in [JSONLDWriter.ContextReference.expanded, .prefixes(.standard)] {
                let sink = MemorySink()
                var w = try JSONLDWriter(sink: sink, context: reference, options: options)
                try w.write(dataset: input)
                try w.finish()
                outputs.append(sink.bytes)
            }
            if c.negative { return .failed("written without error: \(String(decoding: outputs[0], as: UTF8.self))") }
            guard let expect = c.expect else { return .failed("no expected output") }
            let want = try read(try JSONLDConformance.bytes(expect), expect)
            let got = try outputs.map { try read($0, c.input) }
            if got.allSatisfy({ $0 == want }) { return .passed }
            if losslessDeviations[c.id] != nil, try got.allSatisfy({ $0 == (try JSONLDConformance.canonical(input)) }) { return .deviation }
            return .failed("datasets differ:\n--- got\n\(got[0])--- expected\n\(want)")
        } catch let e as SerializationError where c.negative {
            return e.message.contains("is not JSON") ? .passed : .failed("expected an invalid JSON literal error, got \(e)")
        } catch {
            return .failed("\(error)")
        }
    }

    @Test(.needs(.jsonLD))
    func fromRdf() throws {
        let all = try Self.cases()
        var passed = 0
        var failed: [String] = []
        var skipped: [(String, String)] = []
        for c in all {
            if c.options["specVersion"] as? String == "json-ld-1.0" {
                skipped.append(("\(c.id) \(c.name)", "json-ld-1.0 only: a JSON-LD 1.0 processor's behaviour, which 1.1 changed"))
                continue
            }
            switch Self.run(c) {
            case .passed: passed += 1
            case .deviation: skipped.append(("\(c.id) \(c.name)", "lossless deviation: " + Self.losslessDeviations[c.id]!))
            case .failed(let why): failed.append("\(c.id) \(c.name): \(why)")
            }
        }
        Suites.report("json-ld fromRdf", passed: passed, failed: failed, skipped: skipped)
        #expect(all.count == 54, "the manifest has \(all.count) tests, expected 54")
        #expect(passed == Self.expectedPasses, "\(passed) of \(all.count) fromRdf tests pass, expected \(Self.expectedPasses)")
        #expect(skipped.count == 3)
        #expect(failed.isEmpty)
    }
}
