import Foundation
import Testing

/// `convert`, `diff`, `patch` and `canonicalize` through the built tool, on Output/.
@Suite(.serialized) struct GraphCommandTests {
    @Test func identicalGraphsInTwoFormatsAreTheSame() throws {
        let r = try run(["diff", "Output/graph.rdf", "Output/graph.jsonld"])
        #expect(r.status == 0)
        #expect(r.stdout == "Output/graph.rdf (5188 triples) -> Output/graph.jsonld (5188 triples)\nno differences\n")
    }

    @Test func changedDateAddedFactRemovedEntityAreReportedExactly() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines = try String(contentsOfFile: repositoryRoot + "/Output/graph.nt", encoding: .utf8).split(separator: "\n").map(String.init)
        // A changed date: Anwar Ibrahim's visit of Belgium, 2025-01-19 -> 2025-01-20 (its pg:date and the two bounds,
        // pg:dateEarliest and pg:dateLatest, shown once as the date).
        lines = lines.map { $0.replacingOccurrences(of: "\"2025-01-19\"", with: "\"2025-01-20\"") }
        // A removed entity: Jomo Kenyatta University (type, label, its locatedIn fact and that fact's 7-triple statement;
        // the statement's sentence stays, as a sentence of the document).
        let jkuat = "<https://prosegraph.org/id/organization/jomo-kenyatta-university-of-agriculture-and-technology>"
        let statements = Set(lines.filter { $0.contains("#subject> \(jkuat)") }.map { String($0.split(separator: " ")[0]) })
        lines = lines.filter { !$0.hasPrefix(jkuat) && !statements.contains(String($0.split(separator: " ")[0])) }
        // An added fact.
        lines.append("<https://prosegraph.org/id/person/anwar-ibrahim> <https://prosegraph.org/ontology#visited> <https://prosegraph.org/id/city/brussels> .")
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/new.nt", atomically: true, encoding: .utf8)

        let r = try run(["diff", "Output/graph.nt", dir + "/new.nt", "--no-color"])
        #expect(r.status == 1)
        #expect(r.stdout == """
        Output/graph.nt (5188 triples) -> \(dir)/new.nt (\(lines.count) triples)

        Entities removed (1)
          - Organization Jomo Kenyatta University of Agriculture and Technology

        Facts added (1)
          + Anwar Ibrahim visited Brussels

        Facts removed (1)
          - Jomo Kenyatta University of Agriculture and Technology locatedIn Juja

        Qualifiers changed (1)
          ~ Anwar Ibrahim visited Belgium: date 2025-01-19 -> 2025-01-20

        4 triples added, 13 removed, 5175 unchanged

        """)

        // The patch made by diff, applied with patch, reproduces NEW exactly.
        let patch = try run(["diff", "Output/graph.nt", dir + "/new.nt", "--format", "patch"])
        #expect(patch.status == 1)
        try patch.stdout.write(toFile: dir + "/changes.rdfp", atomically: true, encoding: .utf8)
        let applied = try run(["patch", "Output/graph.nt", dir + "/changes.rdfp", "-o", dir + "/rebuilt.ttl"])
        #expect(applied.status == 0, "\(applied.stderr)")
        let same = try run(["diff", dir + "/new.nt", dir + "/rebuilt.ttl"])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("no differences\n"))

        let json = try run(["diff", "Output/graph.nt", dir + "/new.nt", "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.hasPrefix("{\n  \"same\": false,\n  \"totals\": {\"added\": 4, \"removed\": 13, \"unchanged\": 5175},\n"))
    }

    /// Patches chain by their headers: one's H id is the next's H prev; patch refuses a patch made
    /// against another graph, and one that does not give the graph its H id names.
    @Test func patchesChainAndCheckTheirGraphs() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try String(contentsOfFile: repositoryRoot + "/Output/graph.nt", encoding: .utf8).split(separator: "\n").map(String.init)
        try (lines.prefix(200).joined(separator: "\n") + "\n").write(toFile: dir + "/a.nt", atomically: true, encoding: .utf8)
        try (lines.prefix(199).joined(separator: "\n") + "\n").write(toFile: dir + "/b.nt", atomically: true, encoding: .utf8)
        try (lines.prefix(199).joined(separator: "\n") + "\n<http://ex.org/x> <http://ex.org/p> \"new\" .\n").write(toFile: dir + "/c.nt", atomically: true, encoding: .utf8)
        let ab = try run(["diff", dir + "/a.nt", dir + "/b.nt", "--format", "patch"]).stdout
        let bc = try run(["diff", dir + "/b.nt", dir + "/c.nt", "--format", "patch"]).stdout
        func header(_ patch: String, _ key: String) -> String? {
            patch.split(separator: "\n").first { $0.hasPrefix("H \(key) ") }.map { String($0.dropFirst(key.count + 3).dropLast(2)) }
        }
        #expect(header(bc, "prev") != nil && header(bc, "prev") == header(ab, "id"))
        try ab.write(toFile: dir + "/ab.rdfp", atomically: true, encoding: .utf8)
        try bc.write(toFile: dir + "/bc.rdfp", atomically: true, encoding: .utf8)
        #expect(try run(["patch", dir + "/a.nt", dir + "/ab.rdfp", "-o", dir + "/b2.nt"]).status == 0)
        #expect(try run(["patch", dir + "/b2.nt", dir + "/bc.rdfp", "-o", dir + "/c2.nt"]).status == 0)
        #expect(try run(["diff", dir + "/c.nt", dir + "/c2.nt"]).status == 0)
        let wrong = try run(["patch", dir + "/a.nt", dir + "/bc.rdfp", "-o", dir + "/x.nt"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "prosegraph: \(dir)/bc.rdfp: the patch is for another graph: its H prev is \(header(bc, "prev")!), \(dir)/a.nt is \(header(ab, "prev")!)\n")
        // A patch whose changes were edited no longer gives the graph its H id names.
        try ab.replacingOccurrences(of: "\nD ", with: "\n# D ").write(toFile: dir + "/edited.rdfp", atomically: true, encoding: .utf8)
        let edited = try run(["patch", dir + "/a.nt", dir + "/edited.rdfp", "-o", dir + "/y.nt"])
        #expect(edited.status == 2)
        #expect(edited.stderr.hasPrefix("prosegraph: \(dir)/edited.rdfp: applied to \(dir)/a.nt it gives <urn:prosegraph:graph:sha256:"))
        #expect(edited.stderr.hasSuffix(">, not the graph its H id names (\(header(ab, "id")!))\n"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.nt") && !FileManager.default.fileExists(atPath: dir + "/y.nt"))
    }

    @Test func convertRoundTripsEveryFormat() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for ext in ["rdf", "jsonld", "ttl", "nq"] {
            let r = try run(["convert", "Output/graph.nt", dir + "/g." + ext])
            #expect(r.status == 0, "\(r.stderr)")
            let back = try run(["diff", "Output/graph.nt", dir + "/g." + ext])
            #expect(back.status == 0, "\(ext): \(back.stdout)")
        }
    }

    @Test func rejectedInputExitsTwoWithItsPosition() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "<http://ex.org/s> <http://ex.org/p> \"unterminated .\n".write(toFile: dir + "/bad.nt", atomically: true, encoding: .utf8)
        let r = try run(["convert", dir + "/bad.nt", dir + "/out.ttl"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("prosegraph: \(dir)/bad.nt:1:"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.ttl"))
        let unknown = try run(["convert", dir + "/bad.csv", dir + "/out.ttl"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "prosegraph: \(dir)/bad.csv: cannot tell the format from the file name: use --from (rdfxml, jsonld, ntriples, nquads, turtle, trig, graphml)\n")
    }

    @Test func canonicalizeIgnoresBlankNodeLabels() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "_:x <http://ex.org/p> _:y .\n_:y <http://ex.org/q> \"v\" .\n".write(toFile: dir + "/a.nt", atomically: true, encoding: .utf8)
        try "_:b2 <http://ex.org/q> \"v\" .\n_:b1 <http://ex.org/p> _:b2 .\n".write(toFile: dir + "/b.nt", atomically: true, encoding: .utf8)
        let a = try run(["canonicalize", dir + "/a.nt"]), b = try run(["canonicalize", dir + "/b.nt"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout == "_:c14n0 <http://ex.org/p> _:c14n1 .\n_:c14n1 <http://ex.org/q> \"v\" .\n")
        let d = try run(["diff", dir + "/a.nt", dir + "/b.nt"])
        #expect(d.status == 0)
    }
}

@Suite(.serialized) struct GraphMLCommandTests {
    @Test func twoGraphMLFilesAreComparedAsPropertyGraphs() throws {
        let same = try run(["diff", "Output/graph.graphml", "Output/graph.graphml"])
        #expect(same.status == 0)
        #expect(same.stdout == """
        comparing as property graphs (GraphML): node ids, edge endpoints and data
        old: 229 nodes, 412 edges; new: 229 nodes, 412 edges
        no differences

        """)
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try String(contentsOfFile: repositoryRoot + "/Output/graph.graphml", encoding: .utf8)
        try text.replacingOccurrences(of: "<data key=\"date\">2025-01-19</data>", with: "<data key=\"date\">2025-01-20</data>")
            .write(toFile: dir + "/new.graphml", atomically: true, encoding: .utf8)
        let changed = try run(["diff", "Output/graph.graphml", dir + "/new.graphml", "--no-color"])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("  ~ e73d20aca5c05cc57 (person.anwar-ibrahim -> country.belgium)\n    date: \"2025-01-19\" -> \"2025-01-20\"\n"))
        let patch = try run(["diff", "Output/graph.graphml", dir + "/new.graphml", "--format", "patch"])
        #expect(patch.status == 2)
        #expect(patch.stderr == "prosegraph: --format patch is for RDF: GraphML files are compared as property graphs\n")
    }

    @Test func graphMLReadsAsTheRDFItWasWrittenFrom() throws {
        // GraphML carries no document titles: the difference is exactly the 44 document triples (11 documents x 4).
        let r = try run(["diff", "Output/graph.nt", "Output/graph.graphml", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("{\n  \"same\": false,\n  \"totals\": {\"added\": 0, \"removed\": 44, \"unchanged\": 5144},\n"))
    }
}
