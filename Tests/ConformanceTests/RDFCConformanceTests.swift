import Foundation
import Testing
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel

/// The W3C RDF Dataset Canonicalization suite (RDFC-1.0), run from its
/// manifest, w3c/rdf-canon/manifest.jsonld in the reference data:
///  - rdfc:RDFC10EvalTest: the canonical N-Quads of `action` equal `result`, byte for byte;
///  - rdfc:RDFC10MapTest: the issued identifier map equals the JSON `result`;
///  - rdfc:RDFC10NegativeEvalTest: canonicalization must fail (a poison graph).
/// Inputs are read with NTriplesReader (quads: true), in file order.
@Suite struct RDFCConformance {
    struct Entry {
        let id: String
        let type: String
        let name: String
        let action: String
        let result: String?
        let hashAlgorithm: HashAlgorithm
    }

    /// What this implementation reaches; asserted exactly, so a regression fails.
    static let expectedEvalPassed = 64
    static let expectedMapPassed = 21
    static let expectedNegativePassed = 1

    static let suiteDirectory = ReferenceData.rdfCanon.path

    static func entries() throws -> [Entry] {
        let data = try Data(contentsOf: URL(fileURLWithPath: suiteDirectory + "/manifest.jsonld"))
        guard let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = manifest["entries"] as? [[String: Any]] else {
            throw ManifestError("manifest.jsonld has no entries list")
        }
        return try list.map { e in
            guard let id = e["id"] as? String, let type = e["type"] as? String, let action = e["action"] as? String else {
                throw ManifestError("an entry without id, type or action: \(e)")
            }
            let algorithm: HashAlgorithm
            switch e["hashAlgorithm"] as? String {
            case nil, "SHA256"?: algorithm = .sha256
            case "SHA384"?: algorithm = .sha384
            case let other?: throw ManifestError("\(id): unknown hash algorithm \(other)")
            }
            return Entry(id: id, type: type, name: e["name"] as? String ?? "", action: action,
                         result: e["result"] as? String, hashAlgorithm: algorithm)
        }
    }

    struct ManifestError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    static func read(_ relative: String) throws -> [UInt8] {
        let path = suiteDirectory + "/" + relative
        guard let data = FileManager.default.contents(atPath: path) else { throw ManifestError("cannot read \(path)") }
        return [UInt8](data)
    }

    static func quads(_ relative: String) throws -> [Quad] {
        try NTriplesReader(options: ReaderOptions(path: "rdf-canon/" + relative), quads: true).quads(read(relative))
    }

    @Test(.needs(.rdfCanon))
    func rdfc10() throws {
        var passed: [String: Int] = [:]
        var failed: [String: [String]] = [:]
        var skipped: [String: [(String, String)]] = [:]
        let kinds = ["rdfc:RDFC10EvalTest": "eval", "rdfc:RDFC10MapTest": "map", "rdfc:RDFC10NegativeEvalTest": "negative"]

        for e in try Self.entries() {
            guard let kind = kinds[e.type] else {
                skipped["other", default: []].append((e.id, "unknown test type \(e.type)"))
                continue
            }
            let label = "\(e.id) \(e.name)"
            let canonicalizer = Canonicalizer(hashAlgorithm: e.hashAlgorithm)
            do {
                let input = try Self.quads(e.action)
                switch kind {
                case "negative":
                    do {
                        let r = try canonicalizer.canonicalize(input)
                        failed[kind, default: []].append("\(label): did not fail (\(r.nDegreeCalls) N-degree calls)")
                    } catch is CanonicalizationError {
                        passed[kind, default: 0] += 1
                    }
                case "eval":
                    let expected = String(decoding: try Self.read(e.result ?? ""), as: UTF8.self)
                    let got = try canonicalizer.canonicalize(input).nquads
                    if got == expected { passed[kind, default: 0] += 1 } else {
                        failed[kind, default: []].append("\(label):\n--- expected\n\(expected)--- got\n\(got)")
                    }
                default:
                    let json = try JSONSerialization.jsonObject(with: Data(try Self.read(e.result ?? "")))
                    guard let expected = json as? [String: String] else { throw ManifestError("\(e.result ?? ""): not a map of strings") }
                    let got = try canonicalizer.canonicalize(input).issuedIdentifiers
                    if got == expected { passed[kind, default: 0] += 1 } else {
                        failed[kind, default: []].append("\(label): expected \(expected.sorted { $0.key < $1.key }), got \(got.sorted { $0.key < $1.key })")
                    }
                }
            } catch {
                failed[kind, default: []].append("\(label): \(error)")
            }
        }

        for kind in ["eval", "map", "negative", "other"] where passed[kind] != nil || failed[kind] != nil || skipped[kind] != nil {
            Suites.report("rdf-canon \(kind)", passed: passed[kind] ?? 0, failed: failed[kind] ?? [], skipped: skipped[kind] ?? [])
        }
        #expect(passed["eval"] ?? 0 == Self.expectedEvalPassed)
        #expect(passed["map"] ?? 0 == Self.expectedMapPassed)
        #expect(passed["negative"] ?? 0 == Self.expectedNegativePassed)
        let allFailed = failed.values.joined()
        #expect(allFailed.isEmpty, "failed: \(allFailed.prefix(3).joined(separator: "\n"))")
        #expect(skipped.isEmpty)
    }
}
