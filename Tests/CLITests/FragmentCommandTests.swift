import Foundation
import Testing

/// `prosegraph fragment` (issue 17): the per-partition step of the distributed export.
@Suite struct FragmentCommandTests {
    @Test func helpHasExamplesAndExitStatuses() throws {
        let r = try run(["fragment", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("  prosegraph fragment --plan Input/ > plan.tsv\n"))
        #expect(r.stdout.contains("  ls Input/*.txt | prosegraph fragment --jobs 2\n"))
        #expect(r.stdout.contains("Exit status: 0 every article written, 1 some articles or lines rejected"))
    }

    @Test func planGivesExportsOrderIdsAndSourcePaths() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: dir + "/corpus/" + sub, withIntermediateDirectories: true)
            try Data("= Title \(sub) =\n\nText.\n".utf8).write(to: URL(fileURLWithPath: dir + "/corpus/\(sub)/Same Name.txt"))
        }
        let r = try run(["fragment", "--plan", "corpus", "missing.txt"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "0\tsame-name\ta/Same Name.txt\tcorpus/a/Same Name.txt\n1\tsame-name-2\tb/Same Name.txt\tcorpus/b/Same Name.txt\n")
        #expect(r.stderr == """
        prosegraph: missing.txt: cannot read: no such file or directory
        prosegraph: 1 input was rejected

        """)
    }

    @Test func planListedMakesIdsUniqueWithoutReadingTheFiles() throws {
        let r = try run(["fragment", "--plan-listed"], input: "a/Same Name.txt\thdfs://nn/corpus/a/Same Name.txt\n\nhdfs://nn/corpus/b/Same Name.txt\n")
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout == "0\tsame-name\ta/Same Name.txt\thdfs://nn/corpus/a/Same Name.txt\n1\tsame-name-2\tSame Name.txt\thdfs://nn/corpus/b/Same Name.txt\n")
        let both = try run(["fragment", "--plan-listed", "--plan", "Input"])
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: --plan and --plan-listed do not go together\n"))
    }

    /// The fragments merged by the rule the help states (distinct lines; per subject and predicate of
    /// an order graph, the object of the smallest order) are the export's triples, whatever the split.
    @Test func mergedFragmentsAreTheExport() throws {
        let plan = try run(["fragment", "--plan", "Input"])
        #expect(plan.status == 0 && plan.stderr.isEmpty)
        let lines = plan.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        // Two partitions, the second first: the merge must not depend on the order fragments come in.
        let second = try run(["fragment", "--jobs", "2"], input: lines[5...].joined(separator: "\n") + "\n")
        let first = try run(["fragment"], input: lines[..<5].joined(separator: "\n") + "\n")
        #expect(first.status == 0 && second.status == 0 && first.stderr.isEmpty && second.stderr.isEmpty)
        var triples = Set<String>()
        var firstObject: [String: (order: Int, object: String)] = [:]
        let graph = try Regex(#"^(<[^>]*> <[^>]*>) (.*) <urn:prosegraph:order:(\d+)> \.$"#)
        for line in (second.stdout + first.stdout).split(separator: "\n").map(String.init) {
            guard let m = try graph.wholeMatch(in: line), let key = m[1].substring, let object = m[2].substring,
                  let order = m[3].substring.flatMap({ Int($0) }) else {
                triples.insert(line)
                continue
            }
            if let old = firstObject[String(key)], old.order <= order { continue }
            firstObject[String(key)] = (order, String(object))
        }
        for (key, value) in firstObject { triples.insert("\(key) \(value.object) .") }
        let export = try run(["export", "Input", "--format", "ntriples", "-o", "-", "--quiet"])
        #expect(triples == Set(export.stdout.split(separator: "\n").map(String.init)))
        #expect(triples.count == 5188)
        #expect(first.stdout.contains("<https://prosegraph.org/id/city/brussels> <http://www.w3.org/2000/01/rdf-schema#label> \"Brussels\" <urn:prosegraph:order:0> .\n"))
    }

    @Test func aBarePathIsOrderedByItsLineAndNamedByItsFile() throws {
        let r = try run(["fragment"], input: "\nInput/belgium-syria.txt\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("<https://prosegraph.org/id/document/belgium-syria> <https://prosegraph.org/ontology#sourcePath> \"belgium-syria.txt\" .\n"))
        #expect(r.stdout.contains("<https://prosegraph.org/id/country/syria> <http://www.w3.org/2000/01/rdf-schema#label> \"Syria\" <urn:prosegraph:order:1> .\n"))
    }

    @Test func badArticlesAndLinesAreReportedAndSkipped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([0x3D, 0x20, 0x41, 0x0A, 0xC3, 0x28]).write(to: URL(fileURLWithPath: dir + "/bad.txt"))
        try Data("= A =\n\nText.\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        let r = try run(["fragment"], in: dir, input: "bad.txt\nx\ty\na.txt\n")
        #expect(r.status == 1)
        #expect(r.stderr == """
        prosegraph: <stdin>:2: not a plan line (ORDER<TAB>DOCUMENT-ID<TAB>SOURCE-PATH<TAB>PATH, ORDER a whole number) nor a path without tabs
        prosegraph: bad.txt:2:1: invalid UTF-8 at byte offset 4 (byte 0xC3)
        prosegraph: 2 articles or lines were rejected

        """)
        #expect(r.stdout == """
        <https://prosegraph.org/id/document/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://prosegraph.org/ontology#Document> .
        <https://prosegraph.org/id/document/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .
        <https://prosegraph.org/id/document/a> <https://prosegraph.org/ontology#sourcePath> "a.txt" .
        <https://prosegraph.org/id/document/a> <https://prosegraph.org/ontology#title> "A" .

        """)
    }
}
