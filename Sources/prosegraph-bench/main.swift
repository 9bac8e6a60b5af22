// prosegraph-bench: stage-by-stage throughput of prosegraph, in process, for release builds.
//
//   swift run -c release prosegraph-bench [--smoke] [--corpus DIR] [--runs N] [--size MB] [--seed S] [--schemas DIR] [--tsv FILE] [--generate DIR]
//
// Stages: extraction (1 thread and --jobs 2), each writer to a discarding sink,
// each reader on that writer's output, diff of two graphs differing by 1%,
// validation (SHACL on the RDF export, XSD + checks on the GraphML), and the
// peak resident memory (getrusage) after each stage. Without --corpus a
// deterministic synthetic corpus of --size MB (default 20) is generated in a
// temporary directory; --smoke defaults to Input/ and one run, and exits
// non-zero when a stage produced nothing. Benchmarks/README.md has the numbers.
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphKit
import ProseGraphModel
import ProseGraphValidation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Arguments

struct Arguments {
    var smoke = false
    var corpus: String?
    var runs: Int?
    var sizeMB = 20.0
    var schemas = "Schemas"
    var seed: UInt64 = 1
    var tsv: String?
    var generate: String?
    var extractOnly = false

    static let usage = """
    usage: prosegraph-bench [--smoke] [--corpus DIR] [--runs N] [--size MB] [--seed S] [--schemas DIR] [--tsv FILE] [--generate DIR] [--extract-only]
      --corpus DIR   articles to extract (default: a synthetic corpus of --size MB in a temporary directory;
                     with --smoke: Input)
      --runs N       timed runs per stage; the table shows the median and the best (default 3; --smoke: 1)
      --size MB      size of the generated corpus (default 20)
      --seed S       seed of the generated corpus (default 1)
      --schemas DIR  where shapes.ttl and graphml/prosegraph-graphml.xsd are (default Schemas)
      --tsv FILE     also write every run's seconds: stage<TAB>items<TAB>bytes<TAB>t1<TAB>t2...
      --generate DIR only write the synthetic corpus of --size MB (--seed S) to DIR, then exit
      --extract-only only the extraction stages (--jobs 1 and 2), for comparing extraction speed side by side
      --smoke        a quick check that every stage produces something (exit 1 if one does not)
    """

    static func parse(_ raw: [String]) -> Arguments {
        var a = Arguments()
        var i = 0
        func value(_ name: String) -> String {
            i += 1
            guard i < raw.count else { fail("\(name) needs a value") }
            return raw[i]
        }
        while i < raw.count {
            let arg = raw[i]
            switch arg {
            case "--smoke": a.smoke = true
            case "--corpus": a.corpus = value(arg)
            case "--runs":
                guard let n = Int(value(arg)), n >= 1 else { fail("--runs needs a positive number") }
                a.runs = n
            case "--size":
                guard let n = Double(value(arg)), n > 0 else { fail("--size needs a positive number of MB") }
                a.sizeMB = n
            case "--seed":
                guard let n = UInt64(value(arg)) else { fail("--seed needs a number") }
                a.seed = n
            case "--schemas": a.schemas = value(arg)
            case "--tsv": a.tsv = value(arg)
            case "--generate": a.generate = value(arg)
            case "--extract-only": a.extractOnly = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                // A bare directory, as older invocations pass it (`--smoke Input`).
                if arg.hasPrefix("-") || a.corpus != nil { fail("unexpected argument '\(arg)'") }
                a.corpus = arg
            }
            i += 1
        }
        return a
    }
}

func fail(_ message: String, status: Int32 = 2) -> Never {
    var err = "prosegraph-bench: \(message)\n"
    err.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(status)
}

// MARK: - Measuring

/// A progress line on standard error (the table goes to standard output at the end).
func progress(_ line: String) {
    var s = line + "\n"
    s.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

#if canImport(Glibc)
let RUSAGE_SELF_VALUE = Int32(RUSAGE_SELF.rawValue)
#else
let RUSAGE_SELF_VALUE = RUSAGE_SELF
#endif

/// Peak resident set size of this process so far, in MB.
func peakRSSMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF_VALUE, &usage)
    #if canImport(Darwin)
    return Double(usage.ru_maxrss) / 1_048_576
    #else
    return Double(usage.ru_maxrss) / 1024
    #endif
}

/// Counts the bytes written and keeps none of them.
final class DiscardingSink: ByteSink {
    var count = 0
    func write(_ chunk: UnsafeRawBufferPointer) throws { count += chunk.count }
}

struct Row {
    var stage: String
    var items: Int
    var unit: String
    var bytes: Int
    var times: [Double]
    var rss: Double
    var note: String = ""

    var median: Double {
        let s = times.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var best: Double { times.min() ?? 0 }
}

func fixed(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let r = (abs(x) * scale).rounded() / scale
    let whole = Int(r)
    var s = String(whole)
    if decimals > 0 {
        var frac = String(Int(((r - Double(whole)) * scale).rounded()))
        while frac.count < decimals { frac = "0" + frac }
        s += "." + frac
    }
    return x < 0 ? "-" + s : s
}

/// 1234567 -> "1.23M", 12345 -> "12.3k".
func human(_ x: Double) -> String {
    if !x.isFinite { return "-" }
    if x >= 1e6 { return fixed(x / 1e6, 2) + "M" }
    if x >= 1e3 { return fixed(x / 1e3, 1) + "k" }
    return fixed(x, 0)
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

var rows: [Row] = []
var empty: [String] = []

/// Times `body` `runs` times; `body` returns (items, bytes) of its work.
@MainActor
func measure(_ stage: String, unit: String, runs: Int, note: String = "", _ body: () throws -> (items: Int, bytes: Int)) {
    var times: [Double] = []
    var items = 0, bytes = 0
    for _ in 0..<runs {
        let t0 = now()
        do {
            (items, bytes) = try body()
        } catch {
            print("\(stage): FAILED: \(error)")
            empty.append(stage + " (error)")
            return
        }
        times.append(now() - t0)
    }
    if items == 0 { empty.append(stage) }
    let row = Row(stage: stage, items: items, unit: unit, bytes: bytes, times: times, rss: peakRSSMB(), note: note)
    rows.append(row)
    progress("\(stage): \(fixed(row.median, 3)) s")
}

func printHeader() {
    print("| " + pad("stage", 34) + " | " + pad("items", 14, right: true) + " | " + pad("median s", 9, right: true)
          + " | " + pad("best s", 8, right: true) + " | " + pad("MB/s", 7, right: true) + " | " + pad("items/s", 9, right: true)
          + " | " + pad("peak RSS MB", 11, right: true) + " | note")
    print("|" + String(repeating: "-", count: 36) + "|" + String(repeating: "-", count: 16) + ":|" + String(repeating: "-", count: 10)
          + ":|" + String(repeating: "-", count: 9) + ":|" + String(repeating: "-", count: 8) + ":|" + String(repeating: "-", count: 10)
          + ":|" + String(repeating: "-", count: 12) + ":|------|")
}

func printRow(_ r: Row) {
    let m = r.median
    let mbs = r.bytes > 0 && m > 0 ? fixed(Double(r.bytes) / 1e6 / m, 1) : "-"
    print("| " + pad(r.stage, 34) + " | " + pad(human(Double(r.items)) + " " + r.unit, 14, right: true)
          + " | " + pad(fixed(m, 3), 9, right: true) + " | " + pad(fixed(r.best, 3), 8, right: true)
          + " | " + pad(mbs, 7, right: true) + " | " + pad(m > 0 ? human(Double(r.items) / m) : "-", 9, right: true)
          + " | " + pad(fixed(r.rss, 0), 11, right: true) + " | " + r.note)
}

// MARK: - The run

let args = Arguments.parse(Array(CommandLine.arguments.dropFirst()))
let runs = args.runs ?? (args.smoke ? 1 : 3)

if let dir = args.generate {
    do {
        let r = try SynthJob(seed: args.seed, limit: .bytes(Int(args.sizeMB * 1_000_000)), outputDirectory: dir).run(every: 0)
        print("generated \(r.articles) articles, \(r.bytes) bytes (seed \(args.seed)) in \(dir)")
        exit(0)
    } catch {
        fail("cannot generate the corpus: \(error)")
    }
}

// The corpus: given, Input for --smoke, or generated.
var corpusDir: String
var generated: String?
if let c = args.corpus {
    corpusDir = c
} else if args.smoke {
    corpusDir = "Input"
} else {
    let dir = "/tmp/prosegraph-bench-\(getpid())"
    let t0 = now()
    do {
        let r = try SynthJob(seed: args.seed, limit: .bytes(Int(args.sizeMB * 1_000_000)), outputDirectory: dir).run(every: 0)
        progress("generated \(r.articles) articles, \(fixed(Double(r.bytes) / 1e6, 1)) MB (seed \(args.seed)) in \(dir) in \(fixed(now() - t0, 1)) s")
    } catch {
        fail("cannot generate the corpus: \(error)")
    }
    corpusDir = dir
    generated = dir
}

@MainActor
func removeGenerated() {
    guard let dir = generated, let files = try? FileSystem.list(dir) else { return }
    for f in files { unlink(dir + "/" + f) }
    rmdir(dir)
}

var corpusBytes = 0
do {
    let files = Inputs.collect([corpusDir]).files
    for f in files { corpusBytes += (try? FileSystem.read(f).count) ?? 0 }
}
progress("prosegraph-bench: corpus \(corpusDir), \(fixed(Double(corpusBytes) / 1e6, 2)) MB, \(runs) run(s) per stage, \(CorpusBuilder.cores) cores")

// Extraction.
var built: CorpusBuilder.Corpus?
for jobs in [1, 2] {
    measure("extract --jobs \(jobs)", unit: "facts", runs: runs, note: "") {
        let c = try CorpusBuilder(inputs: [corpusDir], jobs: jobs).build()
        built = c
        return (c.graph.factCount, corpusBytes)
    }
}
if let one = rows.first(where: { $0.stage == "extract --jobs 1" }), let two = rows.first(where: { $0.stage == "extract --jobs 2" }), two.median > 0 {
    rows[rows.count - 1].note = "speed-up over 1 job: \(fixed(one.median / two.median, 2))x"
}
guard let corpus = built else { fail("extraction failed", status: 1) }
let graph = corpus.graph
let facts = graph.factCount
if args.extractOnly { finish(corpus: corpus, facts: facts, triples: 0) }

// The sorted triples every RDF writer starts from.
var triples: [Triple] = []
measure("graph -> sorted triples", unit: "triples", runs: runs) {
    triples = graph.rdfTriples(minter: IRIMinter())
    return (triples.count, 0)
}

// Writers: the whole `Serializer.write(graph, ...)` call (triples included), to a discarding sink;
// the output is then kept once in memory for the readers.
let formats: [(ExportFormat, String)] = [(.ntriples, "N-Triples"), (.turtle, "Turtle"), (.rdfxml, "RDF/XML"), (.jsonld, "JSON-LD"), (.graphml, "GraphML")]
var outputs: [ExportFormat: [UInt8]] = [:]
for (format, name) in formats {
    var written = 0
    measure("write \(name)", unit: "facts", runs: runs) {
        let sink = DiscardingSink()
        written = try Serializer.write(graph, as: format, options: .init(), to: sink)
        return (facts, sink.count)
    }
    if let i = rows.indices.last, rows[i].stage == "write \(name)", rows[i].median > 0 {
        let what = format == .graphml ? "edges" : "triples"
        rows[i].note = "\(human(Double(written))) \(what), \(human(Double(written) / rows[i].median)) \(what)/s"
    }
    let mem = MemorySink()
    do { _ = try Serializer.write(graph, as: format, options: .init(), to: mem) } catch { print("\(name): \(error)") }
    outputs[format] = mem.bytes
}

// Readers, each on its writer's output.
var ntQuads: [Quad] = []
for (format, name) in formats {
    let bytes = outputs[format] ?? []
    let options = ReaderOptions(path: "graph." + format.fileExtension)
    measure("read \(name)", unit: "triples", runs: runs, note: format == .graphml ? "GraphML document + its RDF triples" : "") {
        var n = 0
        switch format {
        case .ntriples:
            var quads: [Quad] = []
            quads.reserveCapacity(triples.count)
            try NTriplesReader(options: options).read(bytes) { quads.append($0) }
            n = quads.count
            ntQuads = quads
        case .turtle: try TurtleReader(options: options).read(bytes) { _ in n += 1 }
        case .rdfxml: try RDFXMLReader(options: options).read(bytes) { _ in n += 1 }
        case .jsonld: _ = try JSONLDReader(options: options).read(bytes) { _ in n += 1 }
        case .graphml:
            let doc = try GraphMLReader(options: options).read(bytes)
            n = try GraphMLToRDF.triples(doc, path: options.path).count
        }
        return (n, bytes.count)
    }
}

// Diff: the N-Triples graph against a copy with 1% of its triples changed (every 100th object replaced).
var changed = ntQuads
var i = 0
while i < changed.count {
    let q = changed[i]
    changed[i] = Quad(q.subject, q.predicate, .literal(Literal("changed \(i)")))
    i += 100
}
measure("diff (1% changed) + report", unit: "triples", runs: runs) {
    let d = GraphDiff(old: ntQuads, new: changed)
    let report = DiffReport(d, old: ntQuads, new: changed)
    let changes = d.added.count + d.removed.count
    _ = report.factsAdded.count
    return (changes == 0 ? 0 : ntQuads.count + changed.count, 0)
}

// Validation.
let shapesPath = args.schemas + "/shapes.ttl"
let xsdPath = args.schemas + "/graphml/prosegraph-graphml.xsd"
if FileSystem.kind(shapesPath) == .file {
    do {
        let shapes = try ShapesGraph(try RDFInput.read(path: shapesPath).quads)
        var results = 0
        measure("validate SHACL (N-Triples export)", unit: "triples", runs: runs) {
            let report = SHACLValidator(shapes: shapes).validate(ntQuads)
            results = report.results.count
            return (ntQuads.count, outputs[.ntriples]?.count ?? 0)
        }
        if let i = rows.indices.last { rows[i].note = "\(results) results" }
    } catch {
        print("validate SHACL: FAILED: \(error)")
        empty.append("validate SHACL")
    }
} else {
    print("validate SHACL: skipped, no \(shapesPath) (use --schemas DIR)")
}
if FileSystem.kind(xsdPath) == .file {
    let bytes = outputs[.graphml] ?? []
    var issues = 0
    measure("validate GraphML (XSD + checks)", unit: "bytes", runs: runs) {
        issues = try GraphMLValidation.validate(bytes: bytes, path: "graph.graphml", schema: xsdPath).count
        return (bytes.count, bytes.count)
    }
    if let i = rows.indices.last { rows[i].note = "\(issues) issues" }
} else {
    print("validate GraphML: skipped, no \(xsdPath) (use --schemas DIR)")
}

/// The table (and the --tsv file), then exit: 1 if a stage produced nothing.
@MainActor
func finish(corpus: CorpusBuilder.Corpus, facts: Int, triples: Int) -> Never {
    print("")
    printHeader()
    for r in rows { printRow(r) }
    print("")
    print("corpus: \(corpus.documents.count) articles, \(fixed(Double(corpusBytes) / 1e6, 2)) MB, \(facts) facts, \(triples) triples; peak RSS \(fixed(peakRSSMB(), 0)) MB")
    if let path = args.tsv {
        var text = ""
        for r in rows { text += ([r.stage, String(r.items), String(r.bytes)] + r.times.map { String($0) }).joined(separator: "\t") + "\n" }
        do {
            let file = try AtomicFile(path: path)
            try Array(text.utf8).withUnsafeBytes { try file.write($0) }
            try file.commit()
        } catch {
            fail("\(path): \(error)")
        }
    }
    removeGenerated()
    if !empty.isEmpty {
        fail("these stages produced nothing: \(empty.joined(separator: ", "))", status: 1)
    }
    exit(0)
}

finish(corpus: corpus, facts: facts, triples: triples.count)
