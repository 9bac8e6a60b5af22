import Testing
import ProseGraphKit
import ProseGraphFormats
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp, removed by the caller.
func temporaryDirectory() throws -> String {
    var template = Array("/tmp/prosegraph-test-XXXXXX".utf8CString)
    try #require(mkdtemp(&template) != nil)
    return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    let f = fopen(path, "wb")!
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}

func remove(_ path: String) { _ = system("rm -rf '\(path)'") }

let article = Array("= Alpha–Beta relations =\n\nAlpha and Beta met. It rained.\n".utf8)

@Suite struct Export {
    @Test func writesAndIsDeterministic() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/in", 0o755)
        writeFile(dir + "/in/a.txt", article)
        let job = ExportJob(inputs: [dir + "/in"], outputDirectory: dir + "/out")
        let r1 = try job.run()
        let first = try FileSystem.read(dir + "/out/graph.nt")
        let r2 = try job.run()
        #expect(try FileSystem.read(dir + "/out/graph.nt") == first)
        #expect(r1.documents == [dir + "/in/a.txt"] && r2.errors.isEmpty)
        #expect(r1.written.map(\.count) == [4, 0, 4, 4, 4])  // RDF formats count triples, GraphML edges
        #expect(try FileSystem.list(dir + "/out") == ["graph.graphml", "graph.jsonld", "graph.nt", "graph.rdf", "graph.ttl"])  // no temporary files left
    }

    @Test func badFileIsReportedAndSkipped() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/in", 0o755)
        writeFile(dir + "/in/a.txt", article)
        writeFile(dir + "/in/b.txt", [])
        writeFile(dir + "/in/c.txt", Array("no title\n".utf8))
        writeFile(dir + "/in/notes.md", Array("ignored".utf8))
        let report = try ExportJob(inputs: [dir + "/in"], outputDirectory: dir + "/out").run()
        #expect(report.documents == [dir + "/in/a.txt"])
        #expect(report.errors.map(\.description) == [
            dir + "/in/b.txt:1:1: the file is empty",
            dir + "/in/c.txt:1:1: expected a title line like '= Title =', found 'no title'",
        ])
        #expect(FileSystem.kind(dir + "/out/graph.nt") == .file)
    }

    @Test func strictStopsBeforeWriting() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        writeFile(dir + "/a.txt", article)
        writeFile(dir + "/b.txt", [0x3D, 0x20, 0xFF])
        let job = ExportJob(inputs: [dir + "/a.txt", dir + "/b.txt"], outputDirectory: dir + "/out", strict: true)
        #expect(throws: ExportJob.Failure.self) { try job.run() }
        do { _ = try job.run() } catch { #expect(error.description == dir + "/b.txt:1:3: invalid UTF-8 at byte offset 2 (byte 0xFF)") }
        #expect(FileSystem.kind(dir + "/out") == .missing)
    }

    @Test func emptyDirectoryAndMissingPath() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let job = ExportJob(inputs: [dir, dir + "/missing.txt"], outputDirectory: dir + "/out")
        do {
            _ = try job.run()
            Issue.record("expected a failure")
        } catch {
            guard case .noArticles(let errors) = error else { Issue.record("wrong failure \(error)"); return }
            #expect(errors.map(\.description) == [
                dir + ": no articles (*.txt files) in this directory",
                dir + "/missing.txt: cannot read: no such file or directory",
            ])
            #expect(error.description == "no articles to export (2 inputs rejected)")
        }
    }

    @Test func unwritableOutputIsAClearError() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        writeFile(dir + "/a.txt", article)
        writeFile(dir + "/out", Array("a file, not a directory".utf8))
        do {
            _ = try ExportJob(inputs: [dir + "/a.txt"], outputDirectory: dir + "/out").run()
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == dir + "/out: cannot create the directory: \(dir)/out exists and is not a directory")
        }
        #expect(try FileSystem.read(dir + "/out") == Array("a file, not a directory".utf8))
    }

    @Test func atomicFileDiscardLeavesThePreviousFile() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        writeFile(dir + "/graph.nt", Array("old\n".utf8))
        let f = try AtomicFile(path: dir + "/graph.nt")
        try Array("new, partial".utf8).withUnsafeBytes { try f.write($0) }
        f.discard()
        #expect(try FileSystem.read(dir + "/graph.nt") == Array("old\n".utf8))
        #expect(try FileSystem.list(dir) == ["graph.nt"])
        let g = try AtomicFile(path: dir + "/graph.nt")
        try Array("new\n".utf8).withUnsafeBytes { try g.write($0) }
        try g.commit()
        #expect(try FileSystem.read(dir + "/graph.nt") == Array("new\n".utf8))
    }
}

@Suite struct ParallelExtraction {
    @Test func anyNumberOfJobsGivesTheSameGraph() throws {
        let input = repositoryRoot + "/Input"
        let one = try CorpusBuilder(inputs: [input], jobs: 1).build()
        let two = try CorpusBuilder(inputs: [input], jobs: 2).build()
        let five = try CorpusBuilder(inputs: [input], jobs: 5).build()
        #expect(one.graph.rdfTriples() == two.graph.rdfTriples())
        #expect(one.graph.rdfTriples() == five.graph.rdfTriples())
        #expect(one.documents == two.documents && two.documents == five.documents)
    }
}

let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()
