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

    static func cases() throws -> [Case] {
        let data = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        guard let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sequence = manifest["sequence"] as? [[String: Any]] else {
            throw ParseError(path: manifestPath, line: 1, column: 1, message: "not a test manifest")
        }
        return sequence.map { t in
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
