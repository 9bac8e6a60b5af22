import Foundation
import Testing

/// Output/ must be the export of Input/ by the current code: the README's main
/// command regenerates it, and this test fails when someone forgot to.
@Suite(.serialized) struct OutputIsCurrent {
    @Test func outputMatchesAFreshExportOfInput() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["export", "Input", "--out", dir, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let names = ["graph.graphml", "graph.jsonld", "graph.nt", "graph.rdf", "graph.ttl"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == names)
        for name in names {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            let committed = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Output/" + name))
            #expect(fresh == committed, "Output/\(name) is stale: run `swift run -c release prosegraph export`")
        }
    }

    @Test func exportToStandardOutputNeedsOneFormat() throws {
        let r = try run(["export", "Input/belgium-syria.txt", "-o", "-"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: -o - writes one format to standard output: choose it with --format\n"))
        let nt = try run(["export", "Input/belgium-syria.txt", "-o", "-", "--format", "ntriples", "-q"])
        #expect(nt.status == 0)
        #expect(nt.stdout.hasPrefix("<https://prosegraph.org/id/city/brussels> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://prosegraph.org/ontology#City> .\n"))
        #expect(nt.stderr == "")
    }

    @Test func perDocumentWritesOneSetPerArticle() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["export", "Input/belgium-syria.txt", "Input/belgium-malaysia.txt", "--per-document", "--out", dir,
                         "--format", "turtle,graphml", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["belgium-malaysia", "belgium-syria"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/belgium-syria").sorted() == ["graph.graphml", "graph.ttl"])
    }

    @Test func contextURLReplacesTheEmbeddedContext() throws {
        let r = try run(["export", "Input/belgium-syria.txt", "-o", "-", "--format", "jsonld", "-q",
                         "--context-url", "https://example.org/context.jsonld"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("{\n  \"@context\": \"https://example.org/context.jsonld\",\n  \"@graph\": ["))
        let bad = try run(["export", "--context-url", "context.jsonld"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: --context-url must be an absolute URL, got 'context.jsonld'\n"))
    }

    @Test func badRuleFileIsAUsageErrorNamingIt() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("- id: x\n  predicate: p\n  patterns:\n    - \"{subject:Town} visited {object:City}\"\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/rules.yaml"))
        let r = try run(["eval", "--gold", "Tests/Fixtures/gold/seeds.tsv", "--rules", dir + "/rules.yaml"])
        #expect(r.status == 64)
        #expect(r.stderr == "prosegraph: \(dir)/rules.yaml:4: rule 'x': unknown slot type 'Town' (types: Country, Demonym, City, Place, Person, Organization, Title, Name, Pronoun, Group, Date) in pattern \"{subject:Town} visited {object:City}\"\n")
    }

    @Test func evalPrintsTheTableAndHonoursMinF1() throws {
        // Only the Belgium–Malaysia gold counts (the other two seed articles were not read).
        let r = try run(["eval", "--gold", "Tests/Fixtures/gold/seeds.tsv", "Input/belgium-malaysia.txt", "--min-f1", "0.99"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("predicate                    tp   fp   fn      P      R     F1    dates\n"))
        #expect(r.stdout.hasSuffix("""
        overall                      32    0    3  1.000  0.914  0.955      9/9
        date accuracy: 9/9 = 1.000

        """))
        #expect(r.stderr == "2 of the gold file's documents are not among the articles read; 44 gold lines not scored\nprosegraph: F1 0.955223880597015 is below --min-f1 0.99\n")
    }

    @Test func explainShowsSpansAndRules() throws {
        let r = try run(["explain", "Input/belgium-syria.txt", "--sentence", "1"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("1 (line 11): [Belgium|Country=Belgium] – [Syria|Country=Syria] relations were established on [20 March 1946|Date=1946-03-20] when [M.R. Taymans|Name=M.R. Taymans] was appointed as [Chargé d'Affaires|Title:envoy=Chargé d'Affaires] of [Belgium|Country=Belgium] to [Syria|Country=Syria] with residence in [Beirut|City=Beirut] . \n"))
        #expect(r.stdout.contains("  relations.established: subjects [\"Belgium\"] objects [\"Syria\"]"))
    }
}
