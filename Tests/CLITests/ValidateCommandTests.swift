import Foundation
import Testing

@Suite(.serialized) struct ValidateCommandTests {
    @Test func untouchedExportsConform() throws {
        let r = try run(["validate", "Output/graph.graphml", "Output/graph.ttl", "Output/graph.nt", "Output/graph.rdf", "Output/graph.jsonld"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        Output/graph.graphml: conforms
        Output/graph.ttl: conforms
        Output/graph.nt: conforms
        Output/graph.rdf: conforms
        Output/graph.jsonld: conforms

        """)
    }

    /// The schemas are built in: validate works from any directory, and --schemas DIR / --shapes FILE override them.
    @Test func builtInSchemasWorkOutsideTheRepository() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["validate", repositoryRoot + "/Output/graph.graphml", repositoryRoot + "/Output/graph.ttl"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(repositoryRoot)/Output/graph.graphml: conforms\n\(repositoryRoot)/Output/graph.ttl: conforms\n")
        let missing = try run(["validate", repositoryRoot + "/Output/graph.graphml", "--schemas", dir], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("prosegraph: \(dir)/graphml/prosegraph-graphml.xsd"), "\(missing.stderr)")
        let shapes = try run(["validate", repositoryRoot + "/Output/graph.ttl", "--shapes", dir + "/none.ttl"], in: dir)
        #expect(shapes.status == 2)
        #expect(shapes.stderr == "prosegraph: \(dir)/none.ttl: cannot read: no such file or directory\n")
    }

    @Test func aMissingLabelIsReportedWithItsLine() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let nt = try String(contentsOfFile: repositoryRoot + "/Output/graph.nt", encoding: .utf8)
        let broken = nt.split(separator: "\n").filter { !$0.hasPrefix("<https://prosegraph.org/id/country/belgium> <http://www.w3.org/2000/01/rdf-schema#label>") }
        try (broken.joined(separator: "\n") + "\n").write(toFile: dir + "/broken.nt", atomically: true, encoding: .utf8)
        let r = try run(["validate", dir + "/broken.nt"])
        #expect(r.status == 1)
        #expect(r.stdout == """
        \(dir)/broken.nt: does not conform: 1 result on 1 focus node

        <https://prosegraph.org/id/country/belgium> (line 149)
          violation: rdfs:label: An entity must have exactly one rdfs:label (its canonical label). [sh:MinCountConstraintComponent, pgsh:EntityShape-label-count]

        """)
    }

    @Test func aSyntaxErrorCannotBeValidated() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "<https://ex.org/s> <https://ex.org/p> .\n".write(toFile: dir + "/bad.nt", atomically: true, encoding: .utf8)
        let r = try run(["validate", dir + "/bad.nt"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == "prosegraph: \(dir)/bad.nt:1:39: expected an object (an IRI, a blank node, a literal or a triple term)\n")
    }
}
