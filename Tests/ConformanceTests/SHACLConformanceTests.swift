import Foundation
import Testing
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel
import ProseGraphValidation

/// The W3C SHACL Core test suite, run from its manifest (which includes one
/// sub-manifest per area). Each test names a data graph and a shapes graph
/// (often the manifest file itself) and gives the expected
/// `sh:ValidationReport`; the engine's report must be isomorphic to it once
/// `sh:resultMessage` is removed (as the W3C test suite compares them).
@Suite struct SHACLConformance {
    static let suiteRoot = ReferenceData.shaclCore.path
    static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    static let sht = "http://www.w3.org/ns/shacl-test#"
    /// The number of tests that pass: raise it when more pass, never lower it.
    static let expectedPassing = 98

    struct Test {
        let name: String
        let dataPath: String
        let shapesPath: String
        /// The expected report's triples, blank nodes as read from the manifest.
        let expected: [Quad]
    }

    static func read(_ path: String) throws -> [Quad] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(path: path, line: 0, column: 0, message: "cannot be read")
        }
        return try TurtleReader(options: ReaderOptions(path: path, base: "file://" + path)).quads([UInt8](data))
    }

    static func file(_ t: Term?) -> String? {
        guard case .iri(let i)? = t, i.value.hasPrefix("file://") else { return nil }
        return String(i.value.dropFirst("file://".count))
    }

    /// Every test of the manifest at `path` and the manifests it includes.
    static func tests(_ path: String) throws -> [Test] {
        let quads = try read(path)
        func objects(_ s: Term, _ p: String) -> [Term] {
            quads.filter { $0.subject == s && $0.predicate.value == p }.map(\.object)
        }
        func list(_ head: Term) -> [Term] {
            var out: [Term] = []
            var node = head
            while node != .iri(IRI(RDF.namespace + "nil")), let f = objects(node, RDF.namespace + "first").first {
                out.append(f)
                guard let r = objects(node, RDF.namespace + "rest").first else { break }
                node = r
            }
            return out
        }
        var found: [Test] = []
        let manifest = Term.iri(IRI("file://" + path))
        for include in objects(manifest, mf + "include") {
            if let p = file(include) { found += try tests(p) }
        }
        for head in objects(manifest, mf + "entries") {
            for entry in list(head) {
                let name = file(entry).map { String($0.dropFirst(suiteRoot.count + 1)) } ?? "\(entry)"
                guard let action = objects(entry, mf + "action").first,
                      let data = file(objects(action, sht + "dataGraph").first),
                      let shapes = file(objects(action, sht + "shapesGraph").first),
                      let result = objects(entry, mf + "result").first else { continue }
                // The report: the result node and the blank nodes below it, except what a
                // result points at (focus node, value, source shape), which are the data's or shapes' own.
                var expected: [Quad] = []
                var stack = [result]
                var seen = Set<Term>()
                while let node = stack.popLast() {
                    guard seen.insert(node).inserted else { continue }
                    for q in quads where q.subject == node && q.predicate != SH.resultMessage {
                        expected.append(Quad(q.subject, q.predicate, q.object))
                        guard case .blank = q.object else { continue }
                        if [SH.result, SH.resultPath].contains(q.predicate) || node != result && !isResultLink(q.predicate) {
                            stack.append(q.object)
                        }
                    }
                }
                found.append(Test(name: name, dataPath: data, shapesPath: shapes, expected: expected))
            }
        }
        return found
    }

    static func isResultLink(_ p: IRI) -> Bool {
        [SH.focusNode, SH.value, SH.sourceShape].contains(p)
    }

    @Test(.needs(.shaclCore))
    func shaclCore() throws {
        let all = try Self.tests(Self.suiteRoot + "/manifest.ttl")
        var passed = 0
        var failed: [String] = []
        var cache: [String: [Quad]] = [:]
        func load(_ p: String) throws -> [Quad] {
            if let q = cache[p] { return q }
            let q = try Self.read(p)
            cache[p] = q
            return q
        }
        for test in all {
            do {
                let shapes = try ShapesGraph(try load(test.shapesPath))
                let report = SHACLValidator(shapes: shapes).validate(try load(test.dataPath))
                let actual = shaclReportTriples(report).filter { $0.predicate != SH.resultMessage }.map { Quad($0) }
                if Isomorphism.isIsomorphic(actual, test.expected) {
                    passed += 1
                } else {
                    let want = test.expected.filter { $0.predicate == SH.result }.count
                    failed.append("\(test.name): \(report.results.count) results, expected \(want)"
                        + (ProcessInfo.processInfo.environment["SHACL_DEBUG"] != nil ? "\n" + turtle(report) : ""))
                }
            } catch {
                failed.append("\(test.name): \(error)")
            }
        }
        Suites.report("shacl-core", passed: passed, failed: failed, skipped: [])
        #expect(all.count == 98, "expected the 98 SHACL Core tests, found \(all.count)")
        #expect(passed == Self.expectedPassing, "\(passed) of \(all.count) pass, first failure: \(failed.first ?? "")")
    }
}
