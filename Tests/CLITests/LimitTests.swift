import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a measured run of the tool gave: its output, exit status, peak
/// resident memory (its own `ru_maxrss`) and wall time.
struct MeasuredRun {
    let status: Int32
    let stdout: String
    let stderr: String
    let peakRSSMB: Double
    let seconds: Double
}

/// Runs the tool as a child process and measures its own peak RSS.
///
/// Linux records, at `exec`, the peak RSS of the memory the new program
/// replaces; a child spawned from this (large) test process would report
/// this process's RSS as its own peak. So a small Python process runs the
/// tool: it forks, execs the tool, and reports the `ru_maxrss` that `wait4`
/// gives for it (at least Python's own ~10 MB, never this process's).
/// `stdin` is a file to read standard input from.
func runMeasured(_ arguments: [String], stdin: String? = nil) throws -> MeasuredRun {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let rssPath = dir + "/rss"
    let script = """
        import os, sys
        pid = os.fork()
        if pid == 0:
            os.execv(sys.argv[2], sys.argv[2:])
        _, status, usage = os.wait4(pid, 0)
        with open(sys.argv[1], "w") as f:
            f.write(str(usage.ru_maxrss))
        sys.exit(os.waitstatus_to_exitcode(status) % 256)
        """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, rssPath, toolPath] + arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    if let stdin { p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin)) }
    let start = Date()
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    let kilobytes = try #require(Double((try? String(contentsOfFile: rssPath, encoding: .utf8)) ?? ""),
                                 "python3 did not report the peak RSS: \(String(decoding: e, as: UTF8.self))")
    return MeasuredRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                       stderr: String(decoding: e, as: UTF8.self), peakRSSMB: kilobytes / 1024, seconds: seconds)
}

/// Writes `count` copies of `line` (fast: one buffer written in large blocks).
func writeRepeated(_ path: String, head: String = "", line: String, count: Int, tail: String = "") throws {
    guard let f = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
    defer { fclose(f) }
    fputs(head, f)
    let perBlock = max(1, (1 << 20) / max(line.utf8.count, 1))
    let block = Array(String(repeating: line, count: perBlock).utf8)
    var left = count
    while left > 0 {
        let n = min(left, perBlock)
        let bytes = n * line.utf8.count
        _ = block.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, bytes, f) }
        left -= n
    }
    fputs(tail, f)
}

/// A file of `size` bytes that starts with `head` and ends with `tail`, the
/// rest a hole: its size is real (stat sees it) but writing it takes no time.
/// The limits refuse it from its size alone, so its middle is never read.
func writeSparse(_ path: String, size: Int, head: String, tail: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(fd) }
    _ = Array(head.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    let t = Array(tail.utf8)
    _ = t.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(size - t.count)) }
}

/// The resource bounds of the robustness issue, on generated inputs (nothing
/// huge is committed): each input either works in bounded memory or stops at
/// once with an error naming the limit and how to raise it. The peak RSS of
/// each run is measured and bounded.
@Suite(.serialized) struct LimitTests {
    /// A 500 MB single-line article: refused from its size, nothing read.
    @Test func aHalfGigabyteArticleIsRefusedBeforeItIsRead() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let article = dir + "/big.txt"
        try writeSparse(article, size: 500_000_000, head: "= Big =\n\nBelgium and Syria", tail: " signed it.\n")
        let r = try runMeasured(["export", article, "--out", dir + "/out"])
        #expect(r.status == 2)
        #expect(r.stderr == """
            prosegraph: \(article): the file is 500 MB; the article size limit is 8 MB (raise it with --limit article-size=SIZE)
            prosegraph: no articles to export (1 input rejected)

            """)
        #expect(r.peakRSSMB < 100, "peak RSS \(r.peakRSSMB) MB")
        #expect(r.seconds < 5)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/graph.nt"))
        let explain = try runMeasured(["explain", article])
        #expect(explain.status == 2)
        #expect(explain.stderr == "prosegraph: \(article): the file is 500 MB; the article size limit is 8 MB (raise it with --limit article-size=SIZE)\n")
        #expect(explain.peakRSSMB < 100, "peak RSS \(explain.peakRSSMB) MB")
    }

    /// An article of ten million lines: read line by line, in bounded memory (with the size limit raised to let it in).
    @Test func tenMillionLinesOfArticleAreReadInBoundedMemory() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let article = dir + "/lines.txt"
        try writeRepeated(article, head: "= Lines =\n", line: "\n", count: 10_000_000, tail: "Belgium opened an embassy in Damascus.\n")
        let refused = try runMeasured(["explain", article])
        #expect(refused.stderr == "prosegraph: \(article): the file is 10.0 MB; the article size limit is 8 MB (raise it with --limit article-size=SIZE)\n")
        let r = try runMeasured(["export", article, "--limit", "article-size=16MB", "--out", dir + "/out", "--format", "ntriples", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        let nt = try String(contentsOfFile: dir + "/out/graph.nt", encoding: .utf8)
        // The sentence after ten million line ends, at its exact code point offsets.
        let sentence = "<https://prosegraph.org/id/document/lines#char=10000010,10000048>"
        #expect(nt.contains(sentence + " <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> \"10000010\"^^<http://www.w3.org/2001/XMLSchema#integer> ."))
        #expect(nt.contains(sentence + " <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> \"10000048\"^^<http://www.w3.org/2001/XMLSchema#integer> ."))
        #expect(r.peakRSSMB < 200, "peak RSS \(r.peakRSSMB) MB")
    }

    /// Ten million N-Triples lines: over the input size limit, refused from
    /// the size; let in, the commands that hold the graph stop at the triple limit.
    @Test func tenMillionTriples() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let nt = dir + "/ten-million.nt"
        try writeRepeated(nt, line: "<x:a> <x:b> <x:c> .\n", count: 10_000_000)
        let convert = try runMeasured(["convert", nt, dir + "/out.ttl", "--limit", "input-size=100MB"])
        #expect(convert.status == 2)
        #expect(convert.stderr == "prosegraph: \(nt): the file is 200 MB; the input size limit is 100 MB (raise it with --limit input-size=SIZE)\n")
        #expect(convert.peakRSSMB < 100, "peak RSS \(convert.peakRSSMB) MB")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.ttl"))
        let canonical = try runMeasured(["canonicalize", nt, "--limit", "triples=100000"])
        #expect(canonical.status == 2)
        #expect(canonical.stdout == "")
        #expect(canonical.stderr == "prosegraph: \(nt): the input holds more than 100000 triples; the triple limit is 100000 (raise it with --limit triples=N)\n")
        // The file (200 MB) and 100,000 quads.
        #expect(canonical.peakRSSMB < 400, "peak RSS \(canonical.peakRSSMB) MB")
    }

    /// JSON-LD is read up to the input size limit like every format. A document
    /// over its own size limit (which bounds the tree the reader builds) is read
    /// node object by node object when it has the shape prosegraph writes (a
    /// top-level array, or `@context` and `@graph` alone); then the limit bounds
    /// each top-level node object. Any other document over it is refused.
    @Test func jsonLDOverItsLimit() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let node = #"{"@id": "http://ex.org/s", "http://ex.org/p": "a value"},"# + "\n"
        let gigabyte = dir + "/gigabyte.jsonld"
        try writeSparse(gigabyte, size: 1_000_000_000, head: "[" + node, tail: #"{"@id": "http://ex.org/z"}]"# + "\n")
        let big = try runMeasured(["convert", gigabyte, dir + "/out.nt"])
        #expect(big.status == 2)
        #expect(big.stderr == "prosegraph: \(gigabyte): the file is 1 GB; the input size limit is 512 MB (raise it with --limit input-size=SIZE)\n")
        #expect(big.peakRSSMB < 100, "peak RSS \(big.peakRSSMB) MB")

        // 36 MB on standard input, a top-level array: streamed, one node object at a time.
        let array = dir + "/array.jsonld"
        try writeRepeated(array, head: "[", line: node, count: 600_000, tail: #"{"@id": "http://ex.org/z"}]"# + "\n")
        let piped = try runMeasured(["convert", "-", dir + "/out.nt", "--from", "jsonld"], stdin: array)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr == "")
        #expect(try String(contentsOfFile: dir + "/out.nt", encoding: .utf8) == "<http://ex.org/s> <http://ex.org/p> \"a value\" .\n")
        #expect(piped.peakRSSMB < 300, "peak RSS \(piped.peakRSSMB) MB")

        // Under the limit it is read as one tree: 20,000 nodes.
        let small = dir + "/small.jsonld"
        try writeRepeated(small, head: "[", line: node, count: 20_000, tail: #"{"@id": "http://ex.org/z"}]"# + "\n")
        let ok = try runMeasured(["convert", small, dir + "/small.nt"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try String(contentsOfFile: dir + "/small.nt", encoding: .utf8) == "<http://ex.org/s> <http://ex.org/p> \"a value\" .\n")
        #expect(ok.peakRSSMB < 500, "peak RSS \(ok.peakRSSMB) MB")

        // Another shape over the limit (one node object with 2 MB of values) is refused from its size.
        let values = (0..<100_000).map { "\"v\($0)\"" }.joined(separator: ",")
        var one = #"{"@id": "http://ex.org/s", "http://ex.org/p": ["# + values + "]"
        one += String(repeating: " ", count: 2_000_000 - one.utf8.count - 2) + "}\n"
        try one.write(toFile: dir + "/one.jsonld", atomically: false, encoding: .utf8)
        let refused = try runMeasured(["convert", dir + "/one.jsonld", dir + "/one.nt", "--limit", "jsonld-size=1MB"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "prosegraph: \(dir)/one.jsonld: the file is 2 MB; the JSON-LD size limit is 1 MB (raise it with --limit jsonld-size=SIZE)\n")

        // The streamed shape with one top-level node object over the limit: refused at that object.
        var object = #"{"@id": "http://ex.org/big", "http://ex.org/p": ["# + values + "]"
        object += String(repeating: " ", count: 1_500_000 - object.utf8.count - 1) + "}"
        let graph = #"{"@context": {"ex": "http://ex.org/"}, "@graph": ["# + "\n" + #"{"@id": "ex:s", "ex:p": "a"},"# + "\n" + object + "\n]}\n"
        try graph.write(toFile: dir + "/graph.jsonld", atomically: false, encoding: .utf8)
        let tooBig = try runMeasured(["convert", dir + "/graph.jsonld", dir + "/graph.nt", "--limit", "jsonld-size=1MB"])
        #expect(tooBig.status == 2)
        #expect(tooBig.stderr == "prosegraph: \(dir)/graph.jsonld:3:1: this top-level node object is 1.5 MB; the JSON-LD size limit is 1 MB (raise it with --limit jsonld-size=SIZE)\n")
        let raised = try runMeasured(["convert", dir + "/graph.jsonld", dir + "/graph.nt", "--limit", "jsonld-size=2MB"])
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(try String(contentsOfFile: dir + "/graph.nt", encoding: .utf8).split(separator: "\n").count == 100_001)
    }

    /// A GraphML with a million keys stops at the key limit, at the key past it, in every command that reads GraphML.
    @Test func aMillionGraphMLKeys() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/keys.graphml"
        guard let f = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        for i in 0..<1_000_000 {
            text += "  <key id=\"k\(i)\" for=\"node\" attr.name=\"a\(i)\" attr.type=\"string\"/>\n"
            if text.utf8.count > 1 << 20 { fputs(text, f); text = "" }
        }
        fputs(text + "  <graph edgedefault=\"directed\"><node id=\"n\"/></graph>\n</graphml>\n", f)
        fclose(f)
        let message = "\(path):10003:3: the file declares more than 10000 keys; the GraphML key limit is 10000 (raise it with --limit graphml-keys=N)"
        for command in [["convert", path, dir + "/out.nt"], ["diff", path, path], ["validate", path, "--schemas", repositoryRoot + "/Schemas"]] {
            let r = try runMeasured(command)
            #expect(r.status == 2, "\(command[0])")
            #expect(r.stdout == "", "\(command[0])")
            #expect(r.stderr == "prosegraph: " + message + "\n", "\(command[0])")
            #expect(r.peakRSSMB < 300, "\(command[0]): peak RSS \(r.peakRSSMB) MB")
            #expect(r.seconds < 10, "\(command[0]): \(r.seconds) s")
        }
    }

    @Test func limitsAreUsageErrorsWhenMalformed() throws {
        let r = try run(["convert", "a.nt", "b.nt", "--limit", "jsonld=1"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: unknown limit 'jsonld'; the limits are article-size, input-size, jsonld-size, graphml-keys, triples\n"))
        let size = try run(["export", "--limit", "article-size=big"])
        #expect(size.status == 64)
        #expect(size.stderr.hasPrefix("Error: --limit article-size takes a size such as 8MB, 512MB or 2GB, got 'big'\n"))
        let count = try run(["diff", "a.nt", "b.nt", "--limit", "triples=0"])
        #expect(count.status == 64)
        #expect(count.stderr.hasPrefix("Error: --limit triples takes a positive whole number, got '0'\n"))
        let form = try run(["validate", "a.nt", "--limit", "triples"])
        #expect(form.status == 64)
        #expect(form.stderr.hasPrefix("Error: --limit takes NAME=VALUE, got 'triples' (names: article-size, input-size, jsonld-size, graphml-keys, triples)\n"))
    }

    @Test func everyReadingCommandTakesLimits() throws {
        for command in ["export", "eval", "explain", "convert", "canonicalize", "diff", "patch", "validate"] {
            let help = try run([command, "--help"]).stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            #expect(help.contains("--limit <NAME=VALUE> Raise or lower a limit on one input (repeatable): article-size (default 8MB), "
                                  + "input-size (default 512MB), jsonld-size (default 32MB), graphml-keys (default 10000), triples (default 1000000). "
                                  + "Sizes take KB, MB, GB (powers of 1000) or KiB, MiB, GiB."), "\(command)")
        }
    }
}
