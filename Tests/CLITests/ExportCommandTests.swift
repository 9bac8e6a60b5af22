import Foundation
import Testing

@Suite(.serialized) struct ExportCommandTests {
    @Test func rootHelpTeaches() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        OVERVIEW: Turn prose articles into a knowledge graph, and export it as RDF and
        GraphML.

        prosegraph reads articles (see README.md, "Input format"), extracts
        entity-relation facts with their dates and source sentences, and writes the
        graph in standard formats.

        Start with:
          prosegraph export                                  read Input/, write Output/
          prosegraph draw Output/graph.nt -o graph.svg       a picture of the graph
          prosegraph report Output/graph.nt -o report.html   an HTML report of it
          prosegraph help export                             every option of a command

        USAGE: prosegraph <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          export                  Read articles and write the knowledge graph.
          eval                    Score extraction against gold facts: precision,
                                  recall and F1 per predicate.
          explain                 Show how extraction reads an article: the entities,
                                  titles and dates it recognizes in each sentence, and
                                  the rules that match.
          convert                 Convert an RDF file between RDF/XML, JSON-LD,
                                  N-Triples, N-Quads and Turtle.
          diff                    Show what changed between two exports, in any formats.
          patch                   Apply an RDF Patch (as `prosegraph diff --format
                                  patch` writes) to a file.
          push                    Send an export to a triple store (SPARQL 1.1 Graph
                                  Store HTTP Protocol), or only what changed since an
                                  older export (SPARQL 1.1 Update).
          canonicalize            Print the canonical N-Quads (RDFC-1.0) of an RDF file.
          validate                Check exports against their schemas: GraphML with XSD
                                  and graph checks, RDF with SHACL.
          synth                   Write a deterministic synthetic corpus of articles,
                                  for measuring extraction speed.
          fragment                Extract the articles listed on standard input and
                                  write their part of the graph as N-Quads lines (the
                                  per-partition step of a distributed export).
          draw                    Draw an export, or the neighbourhood of one entity,
                                  as a picture (Graphviz DOT, SVG or PNG).
          report                  Write an HTML report of an export, or of the
                                  neighbourhood of one entity: one self-contained file.

          See 'prosegraph help <subcommand>' for detailed help.

        """)
    }

    @Test func exportHelpHasExamplesAndExitStatuses() throws {
        let r = try run(["export", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:\n  prosegraph export\n  prosegraph export Input/belgium-syria.txt --out /tmp/syria\n"))
        #expect(r.stdout.contains("Exit status: 0 all exported, 1 some inputs rejected"))
        #expect(r.stdout.contains("USAGE: prosegraph export [<options>] [<INPUT> ...]\n"))
        #expect(r.stdout.contains("  -q, --quiet             Print only errors (diff, validate, eval: no report;\n"))
        #expect(r.stdout.contains("  -v, --verbose           Also print every article and file read or written,\n"))
    }

    @Test func defaultExportReadsInputAndWritesOutput() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/Input", withIntermediateDirectories: true)
        for name in ["belgium-palestine", "belgium-syria"] {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/Input/\(name).txt", toPath: dir + "/Input/\(name).txt")
        }
        let r = try run(["export"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "")
        #expect(r.stderr.hasSuffix("exported 2 articles to Output/\n"))
        let first = try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/graph.nt"))
        #expect(try run(["export", "--quiet"], in: dir).stderr == "")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/graph.nt")) == first)
    }

    /// The same articles in a folder of another name, typed another way, give the same bytes:
    /// pg:sourcePath is relative to the input folder.
    @Test func theInputFolderNameDoesNotChangeTheExport() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Input", toPath: dir + "/articles")
        let r = try run(["export", dir + "/articles/", "--out", dir + "/out", "--format", "ntriples", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/out/graph.nt")) == Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Output/graph.nt")))
        let one = try run(["export", dir + "/articles/belgium-syria.txt", "-o", "-", "--format", "ntriples"])
        #expect(one.stdout.contains("<https://prosegraph.org/id/document/belgium-syria> <https://prosegraph.org/ontology#sourcePath> \"belgium-syria.txt\" ."))
    }

    /// A one-word edit in one sentence re-mints only that sentence's statements: every statement
    /// IRI that disappears was derived from the edited sentence (later ones keep theirs; only
    /// their sentences' offsets move).
    @Test func anEditReMintsOnlyItsSentencesStatements() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Input", toPath: dir + "/in")
        let path = dir + "/in/belgium-palestine.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let sentence = "In February 2015, President Mahmoud Abbas visited Brussels and met with King Philippe."
        #expect(text.contains(sentence))
        try text.replacingOccurrences(of: sentence, with: sentence.replacingOccurrences(of: "February", with: "March"))
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try run(["export", dir + "/in", "--out", dir + "/out", "--format", "ntriples", "--quiet"]).status == 0)
        /// Statement IRI -> the text of the sentence it was derived from.
        func statements(_ file: String) throws -> [String: String] {
            var sentence: [String: String] = [:], text: [String: String] = [:]
            for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 2)
                if line.hasPrefix("<https://prosegraph.org/id/statement/") && line.contains("#wasDerivedFrom> ") {
                    sentence[String(parts[0])] = String(parts[2])
                } else if line.contains("#anchorOf> ") {
                    text[String(parts[0]) + " ."] = String(parts[2])
                }
            }
            return sentence.mapValues { text[$0]! }
        }
        let before = try statements(repositoryRoot + "/Output/graph.nt"), after = try statements(dir + "/out/graph.nt")
        let gone = before.keys.filter { after[$0] == nil }
        #expect(gone.count == 4)
        #expect(gone.allSatisfy { before[$0] == "\"\(sentence)\" ." })
        #expect(before.count == after.count)
    }

    @Test func badInputExitsOneAndNamesTheFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("= A =\n\nText.\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        try Data([0x3D, 0x20, 0x41, 0x0A, 0xC3, 0x28]).write(to: URL(fileURLWithPath: dir + "/b.txt"))
        let r = try run(["export", "a.txt", "b.txt", "--out", "out", "-q"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == """
        prosegraph: b.txt:2:1: invalid UTF-8 at byte offset 4 (byte 0xC3)
        prosegraph: 1 input was rejected

        """)
        #expect(FileManager.default.fileExists(atPath: dir + "/out/graph.nt"))
    }

    @Test func nothingToExportExitsTwo() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["export", "--out", "out"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == """
        prosegraph: Input: cannot read: no such file or directory
        prosegraph: no articles to export (1 input rejected)

        """)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func streamWritesTheSameTriplesAndRefusesPerDocument() throws {
        let streamed = try run(["export", "Input", "--stream", "--format", "ntriples", "-o", "-", "--quiet"])
        let sorted = try run(["export", "Input", "--format", "ntriples", "-o", "-", "--quiet"])
        #expect(streamed.status == 0 && sorted.status == 0)
        let lines = { (s: String) in s.split(separator: "\n").map(String.init).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        let same = lines(streamed.stdout) == lines(sorted.stdout)
        #expect(same)
        #expect(streamed.stdout.split(separator: "\n").count == 5188)
        let r = try run(["export", "--stream", "--per-document", "--out", "/tmp/unused"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --stream and --per-document do not go together\n"))
    }

    @Test func quietAndVerboseBehave() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let normal = try run(["export", "Input/belgium-syria.txt", "--out", dir, "--format", "ntriples"])
        #expect(normal.status == 0)
        #expect(normal.stderr == """
            extracted 12 facts (14 mentions) about 8 entities
            wrote \(dir)/graph.nt: 199 triples
            exported 1 article to \(dir)/

            """)
        let verbose = try run(["export", "Input/belgium-syria.txt", "--out", dir, "--format", "ntriples", "-v"])
        #expect(verbose.status == 0)
        #expect(verbose.stderr.hasPrefix("read Input/belgium-syria.txt: 22 sentences\nextracted 12 facts"))
        #expect(verbose.stderr.contains("\nexport: ") && verbose.stderr.hasSuffix(" s\nexported 1 article to \(dir)/\n"))
        let quiet = try run(["export", "Input/belgium-syria.txt", "--out", dir, "--format", "ntriples", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)
        // diff and validate: only the exit status.
        let diff = try run(["diff", "-q", "Output/graph.nt", dir + "/graph.nt"])
        #expect(diff.status == 1 && diff.stdout.isEmpty && diff.stderr.isEmpty)
        let same = try run(["diff", "-q", "Output/graph.rdf", "Output/graph.nt"])
        #expect(same.status == 0 && same.stdout.isEmpty && same.stderr.isEmpty)
        let valid = try run(["validate", "-q", "Output/graph.graphml"])
        #expect(valid.status == 0 && valid.stdout.isEmpty && valid.stderr.isEmpty)
        let both = try run(["diff", "-q", "-v", "Output/graph.nt", "Output/graph.nt"])
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: --quiet and --verbose do not go together\n"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let r = try run(["export", "--format", "parquet"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: unknown format 'parquet'; choose from rdfxml, graphml, jsonld, ntriples, turtle, csv, cypher\n"))
    }
}
