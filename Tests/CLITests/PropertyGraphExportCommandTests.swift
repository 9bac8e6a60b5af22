import Foundation
import Testing

/// `export --format csv,cypher`: the files, their progress lines, byte-identical
/// runs, and the combinations that cannot write them.
@Suite struct PropertyGraphExportCommandTests {
    @Test func csvAndCypherWriteTheirFilesIdenticallyTwice() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = repositoryRoot + "/Input/belgium-syria.txt"
        let r = try run(["export", input, "--format", "csv,cypher", "--out", dir + "/a"])
        #expect(r.status == 0)
        let wrote = r.stderr.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.map { $0.split(separator: ":")[0] }
        #expect(wrote == ["graph.nodes.csv", "graph.relationships.csv", "graph.kuzu.cypher", "graph.cypher", "graph.kuzu-schema.cypher"]
            .map { "wrote \(dir)/a/\($0)"[...] })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/a").sorted()
            == ["graph.cypher", "graph.kuzu-schema.cypher", "graph.kuzu.cypher", "graph.nodes.csv", "graph.relationships.csv"])
        #expect(try run(["export", input, "--format", "cypher,csv", "--out", dir + "/b", "-q"]).status == 0)
        for name in ["graph.cypher", "graph.kuzu-schema.cypher", "graph.kuzu.cypher", "graph.nodes.csv", "graph.relationships.csv"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a/" + name)) == Data(contentsOf: URL(fileURLWithPath: dir + "/b/" + name)), "\(name)")
        }
    }

    @Test func notWithStreamOrStandardOutput() throws {
        let stream = try run(["export", "--format", "csv", "--stream"])
        #expect(stream.status == 64)
        #expect(stream.stderr.hasPrefix("Error: --stream does not write --format csv: it needs the whole graph\n"))
        let stdout = try run(["export", "--format", "cypher", "-o", "-"])
        #expect(stdout.status == 64)
        #expect(stdout.stderr.hasPrefix("Error: --format cypher writes several files: it does not go with -o -\n"))
    }
}
