import Foundation
import Testing

/// `draw` and `report` through the built tool.
@Suite(.serialized) struct DrawCommandTests {
    /// Runs the tool with PATH set to `path` only (so that `dot` is or is not found).
    func runWithPath(_ path: String, _ arguments: [String]) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: toolPath)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        p.environment = ["PATH": path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self))
    }

    /// Graphviz's dot on the PATH; under CI=true the tests that need it run (and fail) without it.
    static let dotIsInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: $0 + "/dot") }
    static let needsDot = dotIsInstalled || ProcessInfo.processInfo.environment["CI"] == "true"

    @Test func drawsDOTToStandardOutputDeterministically() throws {
        let a = try run(["draw", "Output/graph.nt", "--around", "belgium"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stderr == "")
        #expect(a.stdout.hasPrefix("digraph prosegraph {\n  graph [layout=dot, rankdir=LR, overlap=false, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=\"Output/graph.nt, around Belgium (depth 1): "))
        #expect(a.stdout.contains("[label=\"Belgium\", shape=box, style=\"rounded,filled\", fillcolor=\"#9ecae1\", penwidth=3, tooltip=\"https://prosegraph.org/id/country/belgium\"];\n"))
        #expect(a.stdout.contains("[label=\"Mahmoud Abbas\", shape=ellipse"))
        #expect(a.stdout.hasSuffix("  }\n}\n"))
        // Every export format gives the same picture (GraphML too: the picture needs no document titles).
        for ext in ["ttl", "rdf", "jsonld", "graphml"] {
            let b = try run(["draw", "Output/graph." + ext, "--around", "https://prosegraph.org/id/country/belgium"])
            #expect(b.stdout == a.stdout.replacingOccurrences(of: "label=\"Output/graph.nt,", with: "label=\"Output/graph.\(ext),"), "\(ext)")
        }
    }

    @Test func unknownEntityAndBadOptionsAreErrors() throws {
        let unknown = try run(["draw", "Output/graph.nt", "--around", "Atlantis"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr == "prosegraph: Output/graph.nt: no entity has the IRI or label 'Atlantis', and no label contains it\n")
        let report = try run(["report", "Output/graph.graphml", "--around", "Atlantis"])
        #expect(report.status == 2)
        #expect(report.stderr == "prosegraph: Output/graph.graphml: no entity has the IRI or label 'Atlantis', and no label contains it\n")
        let depth = try run(["draw", "Output/graph.nt", "--depth", "2"])
        #expect(depth.status == 64)
        #expect(depth.stderr.hasPrefix("Error: --depth goes with --around ENTITY\n"))
        let zero = try run(["report", "Output/graph.nt", "--around", "Belgium", "--depth", "0"])
        #expect(zero.status == 64)
        #expect(zero.stderr.hasPrefix("Error: --depth must be at least 1, got 0\n"))
        let ext = try run(["draw", "Output/graph.nt", "-o", "/tmp/graph.pdf"])
        #expect(ext.status == 64)
        #expect(ext.stderr.hasPrefix("Error: cannot tell the picture format from '/tmp/graph.pdf': name it .dot, .gv, .svg or .png, or use --format (dot, svg, png)\n"))
    }

    @Test func withoutGraphvizSVGIsAClearErrorAndDOTStillWorks() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runWithPath(dir, ["draw", "Output/graph.nt", "-o", dir + "/g.svg"])
        #expect(r.status == 2)
        #expect(r.stderr == "prosegraph: \(dir)/g.svg: drawing SVG needs Graphviz's dot program, which is not on the PATH: install Graphviz "
            + "(Debian, Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or write DOT instead (-o FILE.dot, or --format dot)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
        let dot = try runWithPath(dir, ["draw", "Output/graph.nt", "-o", dir + "/g.gv"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(try String(contentsOfFile: dir + "/g.gv", encoding: .utf8).hasPrefix("digraph prosegraph {\n"))
    }

    @Test(.enabled(if: needsDot, "Graphviz's dot is not on the PATH")) func drawsSVGAndPNGWithGraphviz() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let svg = try run(["draw", "Output/graph.graphml", "--around", "Mahmoud Abbas", "--depth", "2", "-o", dir + "/abbas.svg"])
        #expect(svg.status == 0, "\(svg.stderr)")
        let text = try String(contentsOfFile: dir + "/abbas.svg", encoding: .utf8)
        #expect(text.contains("<svg") && text.contains(">Mahmoud Abbas</text>") && text.contains(">Brussels</text>"))
        let png = try run(["draw", "Output/graph.nt", "--around", "Syria", "-o", dir + "/syria.out", "--format", "png", "-v"])
        #expect(png.status == 0, "\(png.stderr)")
        #expect(png.stderr.hasPrefix("draw Output/graph.nt: "))
        #expect(png.stderr.hasSuffix(" -> \(dir)/syria.out (PNG)\n"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/syria.out"))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["abbas.svg", "syria.out"])  // no temporary files
    }

    @Test func reportWritesOneSelfContainedFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["report", "Output/graph.nt", "-o", dir + "/report.html"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "" && r.stderr == "")
        let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
        #expect(html.contains("<h1>Output/graph.nt: "))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=\"http"))
        // The same facts from GraphML (which carries no document titles) and to standard output.
        let graphml = try run(["report", "Output/graph.graphml"])
        #expect(graphml.status == 0)
        func facts(_ s: String) -> Substring? { s.firstMatch(of: /id="count-facts">(\d+)</)?.output.1 }
        #expect(facts(graphml.stdout) != nil && facts(graphml.stdout) == facts(html))
    }

    @Test func drawHelpTeaches() throws {
        let r = try run(["draw", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        OVERVIEW: Draw an export, or the neighbourhood of one entity, as a picture
        (Graphviz DOT, SVG or PNG).

        Reads an export in any format prosegraph reads (RDF/XML, JSON-LD, N-Triples,
        N-Quads, Turtle, TriG, or prosegraph's GraphML) and draws its entities and
        facts: one node per entity, shaped and coloured by type (Country: rounded box,
        City: house, Place: hexagon, Person: ellipse, Organization: component, a value
        such as a position title: note), labelled with its label; one arrow per fact,
        labelled with the predicate and the dates it was stated for. A legend shows the
        types. The same input gives byte-identical DOT.

        Without -o, DOT goes to standard output. With -o FILE the format comes from the
        extension (.dot or .gv, .svg, .png) unless --format says it. SVG and PNG are
        drawn by Graphviz's dot program, which must be on the PATH (apt-get install
        graphviz, or brew install graphviz); without it, write DOT and draw it where
        Graphviz is.

        A whole export of thousands of entities is too large to read as one picture:
        --around ENTITY draws what is at most --depth N facts (default 1) away from one
        entity. ENTITY is an IRI or a label, matched exactly, else in any case; an
        unknown or ambiguous one is an error that names the candidates. A value such as
        'Prime Minister' is reached but not gone through.

        Examples:
          prosegraph draw Output/graph.nt -o graph.svg
          prosegraph draw Output/graph.ttl --around Belgium -o belgium.png
          prosegraph draw Output/graph.rdf --around 'mahmoud abbas' --depth 2 -o ma.svg
          prosegraph draw Output/graph.nt --around https://prosegraph.org/id/city/doha
          prosegraph draw Output/graph.graphml --around Syria | dot -Tpdf -o syria.pdf
          prosegraph draw big.nt --around Kenya --layout sfdp -o kenya.svg

        Exit status: 0 drawn, 2 nothing written (an unreadable or invalid input, an
        unknown or ambiguous --around, dot missing or failing, an unwritable output),
        64 a wrong command line.

        USAGE: prosegraph draw <input> [--from <from>] [--around <ENTITY>] [--depth <N>] [--base <IRI>] [--context <FILE> ...] [--limit <NAME=VALUE> ...] [--out <FILE>] [--format <FORMAT>] [--layout <LAYOUT>] [--quiet] [--verbose]

        ARGUMENTS:
          <input>                 The export ('-' for standard input, with --from).

        OPTIONS:
          --from <from>           Input format (default: from the extension). (values:
                                  rdfxml, jsonld, ntriples, nquads, turtle, trig,
                                  graphml)
          --around <ENTITY>       Show only the neighbourhood of this entity: its IRI,
                                  or its label (exact, else in any case).
          --depth <N>             With --around: how many facts away from the entity to
                                  go (default 1).
          --base <IRI>            Base IRI relative references resolve against
                                  (default: the input file's URL).
          --context <FILE>        JSON-LD: a local copy of a remote @context, served
                                  for any URL ending in its file name (repeatable).
                                  Remote contexts are never fetched.
          --limit <NAME=VALUE>    Raise or lower a limit on one input (repeatable):
                                  article-size (default 8MB), input-size (default
                                  512MB), jsonld-size (default 32MB), graphml-keys
                                  (default 10000), triples (default 1000000). Sizes
                                  take KB, MB, GB (powers of 1000) or KiB, MiB, GiB.
          -o, --out <FILE>        Where to write the picture ('-': standard output).
                                  (default: -)
          --format <FORMAT>       Picture format (default: from FILE's extension; DOT
                                  on standard output). (values: dot, svg, png)
          --layout <LAYOUT>       Graphviz layout engine: dot draws facts left to
                                  right; sfdp, fdp and neato spread a large graph out;
                                  circo and twopi draw circles. (values: dot, neato,
                                  fdp, sfdp, circo, twopi; default: dot)
          -q, --quiet             Print only errors (diff, validate, eval: no report;
                                  the exit status tells).
          -v, --verbose           Also print every article and file read or written,
                                  with counts and the time taken.
          --version               Show the version.
          -h, --help              Show help information.


        """)
    }
}
