import Foundation
import Testing
import ProseGraphKit
import ProseGraphFormats
import ProseGraphModel

/// `export --stream` writes the same graph as the in-memory export, in
/// article order instead of sorted.
@Suite struct StreamingExports {
    /// `export --stream` of Input/ into `dir`; returns the triples (GraphML: edges) per format.
    func stream(into dir: String, jobs: Int) throws -> [ExportFormat: Int] {
        var job = ExportJob(inputs: [repositoryRoot + "/Input"], outputDirectory: dir)
        job.stream = true
        job.jobs = jobs
        let report = try job.run()
        #expect(report.documents.count == 11)
        var counts: [ExportFormat: Int] = [:]
        for (path, count) in report.written {
            counts[ExportFormat.allCases.first { path.hasSuffix("/" + $0.fileName) }!] = count
        }
        return counts
    }

    @Test func sameGraphAsTheInMemoryExport() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let counts = try stream(into: dir, jobs: 2)
        let reference = try ExportJob(inputs: [repositoryRoot + "/Input"], outputDirectory: dir + "/ref").run()
        let referenceCounts = Dictionary(uniqueKeysWithValues: reference.written.map { (String($0.path.split(separator: "/").last!), $0.count) })

        // N-Triples: the same lines, in another order.
        let streamed = try String(decoding: FileSystem.read(dir + "/graph.nt"), as: UTF8.self).split(separator: "\n")
        let inMemory = try String(decoding: FileSystem.read(dir + "/ref/graph.nt"), as: UTF8.self).split(separator: "\n")
        #expect(streamed.count == inMemory.count)
        let byBytes: (Substring, Substring) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let sameLines = streamed.sorted(by: byBytes) == inMemory.sorted(by: byBytes)
        #expect(sameLines)
        let reordered = streamed != inMemory  // really streamed: article order, not sorted
        #expect(reordered)

        for format in ExportFormat.allCases {
            #expect(counts[format] == referenceCounts[format.fileName], "\(format)")
            let a = try RDFInput.read(path: dir + "/" + format.fileName).quads
            let b = try RDFInput.read(path: dir + "/ref/" + format.fileName).quads
            let same = Set(a) == Set(b)
            #expect(same, "\(format)")
            #expect(a.count == b.count, "\(format)")
        }
        // GraphML: the same nodes and edges (the reader checks that every edge's ends are nodes before it).
        let g = try GraphMLReader().read(FileSystem.read(dir + "/graph.graphml"))
        let r = try GraphMLReader().read(FileSystem.read(dir + "/ref/graph.graphml"))
        let nodeIDs: (GraphMLDocument) -> Set<String> = { Set($0.nodes.map(\.id)) }
        let edgeIDs: (GraphMLDocument) -> Set<String> = { Set($0.edges.map { $0.id ?? "" }) }
        #expect(nodeIDs(g) == nodeIDs(r))
        #expect(edgeIDs(g) == edgeIDs(r))
        #expect(g.nodes.count == 229)
        #expect(g.edges.count == 412)
        // Nothing left next to the output but the exports themselves.
        #expect(try FileSystem.list(dir) == ["graph.graphml", "graph.jsonld", "graph.nt", "graph.rdf", "graph.ttl", "ref"])
    }

    @Test func outputDoesNotDependOnJobs() throws {
        let one = try temporaryDirectory(), two = try temporaryDirectory()
        defer { remove(one); remove(two) }
        _ = try stream(into: one, jobs: 1)
        _ = try stream(into: two, jobs: 2)
        for format in ExportFormat.allCases {
            #expect(try FileSystem.read(one + "/" + format.fileName) == FileSystem.read(two + "/" + format.fileName), "\(format)")
        }
    }
}
