import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel
import ProseGraphText

/// The formats `convert` and `patch` write: the export formats that take any
/// RDF graph, plus N-Quads.
public enum OutputFormat: String, CaseIterable, Sendable {
    case rdfxml, jsonld, ntriples, nquads, turtle

    public static func from(path: String) -> OutputFormat? {
        switch InputFormat.from(path: path) {
        case .rdfxml?: return .rdfxml
        case .jsonld?: return .jsonld
        case .ntriples?: return .ntriples
        case .nquads?: return .nquads
        case .turtle?: return .turtle
        default: return nil
        }
    }
}

/// How `convert` writes JSON-LD: the context (`--context FILE`, `--expanded`,
/// else derived from the input) and the fromRdf options.
public struct JSONLDOutput: Sendable, Hashable {
    /// No context: JSON-LD's expanded form.
    public var expanded: Bool
    /// A JSON-LD context file the output is compacted with.
    public var contextFile: String?
    public var options: JSONLDWriter.Options

    public init(expanded: Bool = false, contextFile: String? = nil, options: JSONLDWriter.Options = .init()) {
        self.expanded = expanded
        self.contextFile = contextFile
        self.options = options
    }
}

/// `prosegraph convert`, `canonicalize`, `diff` and `patch`, each one call.
public enum GraphJobs {
    /// Streams a file into another format: each quad is written as it is read, in
    /// input order (the Turtle, RDF/XML and JSON-LD writers group consecutive
    /// triples of a subject). Output goes to a temporary file renamed into place
    /// only when everything was read and written.
    ///
    /// JSON-LD is written from the whole dataset (read first, up to
    /// `limits.triples` quads), grouped by graph and subject in the order they
    /// first appear, with the context `jsonld` says: `--expanded` none, a
    /// `--context FILE` that one (the output is read back and must give the
    /// input's dataset, else it is an error), a prosegraph export the project
    /// context, anything else a context of the input's prefixes.
    public static func convert(input: String, from: InputFormat?, output: String, to format: OutputFormat,
                               base: String?, contexts: [String], limits: InputLimits = InputLimits(),
                               jsonld: JSONLDOutput = JSONLDOutput()) throws(ReadFailure) {
        if format == .jsonld {
            var prefixes = PrefixMap([])
            let quads = try RDFInput.read(path: input, format: from, base: base, contexts: contexts, limits: limits,
                                          prefixes: { prefixes.add(prefix: $0, namespace: $1) }).quads
            try writeJSONLD(quads, prefixes: prefixes, to: output, jsonld: jsonld, contexts: contexts)
            return
        }
        func run(_ sink: ByteSink) throws {
            var writer = try QuadWriter(format: format, sink: sink, name: output)
            try RDFInput.stream(path: input, format: from, base: base, contexts: contexts, limits: limits) { try writer.write($0) }
            try writer.finish()
        }
        do {
            if output == "-" {
                try run(StandardOutputSink())
            } else {
                let file = try AtomicFile(path: output)
                do { try run(file); try file.commit() } catch { file.discard(); throw error }
            }
        } catch let e as ReadFailure {
            throw e
        } catch let e as OutputError {
            throw ReadFailure(e.description)  // it names the file already
        } catch {
            throw ReadFailure("\(output == "-" ? "<stdout>" : output): \(error)")
        }
    }

    /// Writes a dataset as JSON-LD to a path (atomically) or to standard output ("-").
    static func writeJSONLD(_ quads: [Quad], prefixes: PrefixMap, to path: String, jsonld: JSONLDOutput,
                            contexts: [String]) throws(ReadFailure) {
        let name = path == "-" ? "<stdout>" : path
        let reference: JSONLDWriter.ContextReference
        if jsonld.expanded {
            reference = .expanded
        } else if let file = jsonld.contextFile {
            do {
                reference = try .contextFile(LimitedRead.read(file, limit: .jsonldSize, of: InputLimits()), path: file)
            } catch let e as InputError {
                throw ReadFailure(e.description)
            } catch {
                throw ReadFailure("\(error)")
            }
        } else if JSONLDWriter.ContextReference.isProseGraphExport(quads) {
            reference = .embedded
        } else {
            reference = .prefixes(prefixes)
        }
        var options = jsonld.options
        options.version11 = JSONLDWriter.needsVersion11(quads, options: options)
        // Grouped by graph, then subject, each in the order it first appears; a repeated quad once.
        var seen = Set<Quad>()
        let quads = quads.filter { seen.insert($0).inserted }
        var first: [Pair: Int] = [:]
        for q in quads where first[Pair(graph: q.graph, subject: q.subject)] == nil {
            first[Pair(graph: q.graph, subject: q.subject)] = first.count
        }
        var graphFirst: [Term?: Int] = [:]
        for q in quads where graphFirst[q.graph] == nil { graphFirst[q.graph] = graphFirst.count }
        let ordered = quads.enumerated().sorted { a, b in
            let (ga, gb) = (graphFirst[a.element.graph]!, graphFirst[b.element.graph]!)
            if ga != gb { return ga < gb }
            let (sa, sb) = (first[Pair(graph: a.element.graph, subject: a.element.subject)]!,
                            first[Pair(graph: b.element.graph, subject: b.element.subject)]!)
            return sa != sb ? sa < sb : a.offset < b.offset
        }.map(\.element)
        let sink = MemorySink()
        do {
            var writer = try JSONLDWriter(sink: sink, context: reference, options: options)
            try writer.write(dataset: ordered)
            try writer.finish()
        } catch {
            throw ReadFailure("\(name): \(error)")
        }
        // A user's context can change what a document means (a default language, a coercion):
        // the output must read back as the input.
        if case .document = reference, !options.useNativeTypes {
            var entries = contexts.map { DocumentLoader.Entry.named(path: $0) }
            if let file = jsonld.contextFile { entries.append(.named(path: file)) }
            let settings = JSONLDReader.Settings(rdfDirection: options.rdfDirection.map { $0 == .i18nDatatype ? .i18nDatatype : .compoundLiteral },
                                                 directionalLiterals: true)
            do {
                let back = try JSONLDReader(options: ReaderOptions(path: name), documentLoader: .offline(entries), settings: settings)
                    .quads(sink.bytes)
                let want = try Canonicalizer().canonicalize(quads).nquads
                let got = try Canonicalizer().canonicalize(back).nquads
                if want != got {
                    let missing = want.split(separator: "\n").first { !got.contains($0 + "\n") } ?? got.split(separator: "\n").first ?? ""
                    throw ReadFailure("\(name): the context \(jsonld.contextFile!) changes the data: compacted with it, the output does not read back as the input (first difference: \(missing)); write it without --context, or with --expanded")
                }
            } catch let e as ReadFailure {
                throw e
            } catch {
                throw ReadFailure("\(name): the output compacted with the context \(jsonld.contextFile!) cannot be read back: \(error)")
            }
        }
        do {
            if path == "-" {
                try sink.bytes.withUnsafeBytes { try StandardOutputSink().write($0) }
            } else {
                let file = try AtomicFile(path: path)
                do { try sink.bytes.withUnsafeBytes { try file.write($0) }; try file.commit() } catch { file.discard(); throw error }
            }
        } catch let e as OutputError {
            throw ReadFailure(e.description)
        } catch {
            throw ReadFailure("\(name): \(error)")
        }
    }

    private struct Pair: Hashable {
        let graph: Term?
        let subject: Term
    }

    /// Writes quads in a format to a path (atomically) or to standard output ("-").
    public static func write(_ quads: [Quad], as format: OutputFormat, to path: String) throws(ReadFailure) {
        if format == .jsonld {
            // As convert writes it: the project context for a prosegraph graph, else none; named graphs too.
            try writeJSONLD(quads.sorted(), prefixes: PrefixMap([]), to: path, jsonld: JSONLDOutput(), contexts: [])
            return
        }
        if format != .nquads, quads.contains(where: { $0.graph != nil }) {
            throw ReadFailure("\(path): the input has named graphs, which \(format.rawValue) cannot hold: write N-Quads (.nq) or JSON-LD (.jsonld) instead")
        }
        func emit(_ sink: ByteSink) throws {
            if format == .nquads {
                let text = try Canonicalizer.canonicalNQuads(quads)
                try Array(text.utf8).withUnsafeBytes { try sink.write($0) }
                return
            }
            var writer = try QuadWriter(format: format, sink: sink, name: path)
            for t in quads.map(\.triple).sorted() { try writer.write(Quad(t)) }
            try writer.finish()
        }
        do {
            if path == "-" {
                try emit(StandardOutputSink())
            } else {
                let file = try AtomicFile(path: path)
                do { try emit(file); try file.commit() } catch { file.discard(); throw error }
            }
        } catch let e as OutputError {
            throw ReadFailure(e.description)  // it names the file already
        } catch {
            throw ReadFailure("\(path == "-" ? "<stdout>" : path): \(error)")
        }
    }

    /// The quads with blank nodes relabelled canonically (RDFC-1.0), when there are any.
    public static func canonical(_ quads: [Quad]) throws(ReadFailure) -> [Quad] {
        func blank(_ t: Term?) -> Bool {
            switch t {
            case .blank?: return true
            case .tripleTerm(let tt)?: return blank(tt.subject) || blank(tt.object)
            default: return false
            }
        }
        guard quads.contains(where: { blank($0.subject) || blank($0.object) || blank($0.graph) }) else { return quads }
        do { return try Canonicalizer().canonicalize(quads).quads } catch { throw ReadFailure("\(error)") }
    }

    /// Canonical N-Quads of a file.
    public static func canonicalize(path: String, format: InputFormat?, base: String?, contexts: [String],
                                    limits: InputLimits = InputLimits()) throws(ReadFailure) -> String {
        let input = try RDFInput.read(path: path, format: format, base: base, contexts: contexts, limits: limits)
        do { return try Canonicalizer().canonicalize(input.quads).nquads } catch { throw ReadFailure("\(path): \(error)") }
    }

    public struct DiffOutcome: Sendable {
        public let report: DiffReport
        public let oldCount: Int
        public let newCount: Int
        /// The two graphs' state names (`GraphState.id`), when asked for (`states: true`).
        public var oldState: String? = nil
        public var newState: String? = nil
    }

    /// Reads two files in any formats and diffs them as RDF.
    public static func diff(old: String, new: String, oldFormat: InputFormat?, newFormat: InputFormat?,
                            base: String?, contexts: [String], limits: InputLimits = InputLimits(), states: Bool = false) throws(ReadFailure) -> DiffOutcome {
        // The two files are read on two threads (the old file's error is the one reported when both fail).
        let (a, b) = try Parallel.pair({ () throws(ReadFailure) -> [Quad] in
            try canonical(RDFInput.read(path: old, format: oldFormat, base: base, contexts: contexts, limits: limits).quads)
        }, { () throws(ReadFailure) -> [Quad] in
            try canonical(RDFInput.read(path: new, format: newFormat, base: base, contexts: contexts, limits: limits).quads)
        })
        let d = GraphDiff(old: a, new: b)
        var outcome = DiffOutcome(report: DiffReport(d, old: a, new: b), oldCount: d.unchanged + d.removed.count,
                                  newCount: d.unchanged + d.added.count)
        if states {
            outcome.oldState = GraphState.id(a)
            outcome.newState = GraphState.id(b)
        }
        return outcome
    }

    /// Reads two GraphML files and diffs them as property graphs (node ids, edge endpoints and data).
    public static func diffPropertyGraphs(old: String, new: String, limits: InputLimits = InputLimits()) throws(ReadFailure) -> PropertyGraphDiff {
        func load(_ path: String) throws(ReadFailure) -> GraphMLDocument {
            do {
                let bytes = try LimitedRead.read(path, limit: .inputSize, of: limits)
                return try GraphMLReader(options: ReaderOptions(path: path == "-" ? "<stdin>" : path, limits: limits)).read(bytes)
            } catch let e as InputError {
                throw ReadFailure(e.description)
            } catch {
                throw ReadFailure("\(error)")
            }
        }
        return PropertyGraphDiff(old: try load(old), new: try load(new))
    }

    /// Applies an RDF Patch to a file's quads (blank nodes canonical, as `diff` wrote them).
    public static func patch(old: String, oldFormat: InputFormat?, patch: String, base: String?,
                             contexts: [String], limits: InputLimits = InputLimits()) throws(ReadFailure) -> [Quad] {
        let before = try canonical(RDFInput.read(path: old, format: oldFormat, base: base, contexts: contexts, limits: limits).quads)
        let bytes: [UInt8]
        do { bytes = try LimitedRead.read(patch, limit: .inputSize, of: limits) } catch { throw ReadFailure(error.description) }
        let parsed = try RDFPatch.parseWithHeaders(bytes, path: patch)
        // H prev names the graph the patch was made against: applied to another, it would give a third.
        if let prev = parsed.headers["prev"] {
            let state = GraphState.id(before)
            guard state == prev else {
                throw ReadFailure("\(patch): the patch is for another graph: its H prev is <\(prev)>, \(old) is <\(state)>")
            }
        }
        var quads = Set(before)
        for change in parsed.changes {
            switch change {
            case .add(let q): quads.insert(q)
            case .delete(let q): quads.remove(q)
            }
        }
        let after = quads.sorted()
        if let id = parsed.headers["id"] {
            let state = GraphState.id(after)
            guard state == id else {
                throw ReadFailure("\(patch): applied to \(old) it gives <\(state)>, not the graph its H id names (<\(id)>)")
            }
        }
        return after
    }
}

/// RDF Patch (https://afs.github.io/rdf-delta/rdf-patch.html): `A`/`D` quad
/// lines; headers (`H`), transaction markers (`TX`, `TC`, `TA`) and prefix
/// lines (`PA`, `PD`) are accepted and carry no change.
public enum RDFPatch {
    public enum Change: Sendable { case add(Quad), delete(Quad) }

    public static func parse(_ bytes: [UInt8], path: String) throws(ReadFailure) -> [Change] {
        try parseWithHeaders(bytes, path: path).changes
    }

    /// The changes and the headers (`H key value .`: key -> value, an IRI without its brackets).
    public static func parseWithHeaders(_ bytes: [UInt8], path: String) throws(ReadFailure) -> (changes: [Change], headers: [String: String]) {
        var changes: [Change] = []
        var headers: [String: String] = [:]
        let reader = NTriplesReader(options: ReaderOptions(path: path), quads: true)
        // Invalid UTF-8 is an error, as in every reader (decoding would replace it with U+FFFD),
        // reported when the line that holds it is reached (lines end at LF only here).
        let invalid = UTF8Text.firstInvalidOffset(in: bytes)
        for (i, raw) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = Array(raw)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let bad = invalid, bad < raw.endIndex {
                let byte = String(bytes[bad], radix: 16, uppercase: true)
                let column = 1 + UTF8Text.scalarCount(in: bytes, raw.startIndex..<bad)
                throw ReadFailure("\(path):\(i + 1):\(column): invalid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte) at offset \(bad))")
            }
            let text = String(decoding: line, as: UTF8.self)
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let word = trimmed.prefix { $0 != " " && $0 != "\t" }
            // Columns count Unicode scalars from 1, like the readers'.
            let wordColumn = text.unicodeScalars.count - trimmed.unicodeScalars.count + 1
            let at = "\(path):\(i + 1):"
            switch word {
            case "A", "D":
                let rest = trimmed.dropFirst(word.count)
                let body = Array(rest.utf8)
                var found: [Quad] = []
                do { try reader.read(body) { found.append($0) } } catch let e as ParseError {
                    // The quad's own error, at its column in the patch line.
                    let column = text.unicodeScalars.count - rest.unicodeScalars.count + e.column
                    throw ReadFailure("\(at)\(column): not a quad after \(word): \(e.message)")
                } catch {
                    throw ReadFailure("\(at)\(wordColumn): not a quad after \(word): \(error)")
                }
                guard found.count == 1 else { throw ReadFailure("\(at)\(wordColumn): expected one quad after \(word)") }
                changes.append(word == "A" ? .add(found[0]) : .delete(found[0]))
            case "H":
                var rest = trimmed.dropFirst(1).drop { $0 == " " || $0 == "\t" }
                let key = rest.prefix { $0 != " " && $0 != "\t" }
                rest = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
                var value = String(rest)
                while let last = value.last, last == " " || last == "\t" { value.removeLast() }
                if value.hasSuffix(".") { value.removeLast() }
                while let last = value.last, last == " " || last == "\t" { value.removeLast() }
                if value.hasPrefix("<"), value.hasSuffix(">") { value = String(value.dropFirst().dropLast()) }
                headers[String(key)] = value
            case "TX", "TC", "TA", "PA", "PD":
                continue
            default:
                throw ReadFailure("\(at)\(wordColumn): unknown RDF Patch line '\(word)' (expected A, D, H, TX, TC, TA, PA or PD)")
            }
        }
        return (changes, headers)
    }
}

/// One writer for any output format, fed quads one at a time: what `convert`
/// streams into and what `export` and `patch` write sorted triples through.
struct QuadWriter {
    private enum Inner {
        case nt(NTriplesWriter), ttl(TurtleWriter), rdf(RDFXMLWriter), jsonld(JSONLDWriter), nq(BufferedOutput)
    }
    private var inner: Inner
    private let format: OutputFormat
    private let name: String

    /// `contextURL`: JSON-LD refers to its context at this URL instead of embedding it.
    init(format: OutputFormat, sink: ByteSink, name: String, contextURL: String? = nil) throws {
        self.format = format
        self.name = name
        switch format {
        case .ntriples: inner = .nt(NTriplesWriter(sink: sink))
        case .turtle: inner = .ttl(try TurtleWriter(sink: sink))
        case .rdfxml: inner = .rdf(try RDFXMLWriter(sink: sink))
        case .jsonld: inner = .jsonld(try JSONLDWriter(sink: sink, context: contextURL.map { .url($0) } ?? .embedded))
        case .nquads: inner = .nq(BufferedOutput(sink))
        }
    }

    mutating func write(_ q: Quad) throws {
        if case .nq(let out) = inner {
            try out.append(try Canonicalizer.canonicalNQuadsLine(q))
            return
        }
        guard q.graph == nil else {
            throw ReadFailure("\(name): the input has named graphs, which \(format.rawValue) cannot hold: write N-Quads (.nq) or JSON-LD (.jsonld) instead")
        }
        switch inner {
        case .nt(var w): try w.write(q.triple); inner = .nt(w)
        case .ttl(var w): try w.write(q.triple); inner = .ttl(w)
        case .rdf(var w): try w.write(q.triple); inner = .rdf(w)
        case .jsonld(var w): try w.write(q.triple); inner = .jsonld(w)
        case .nq: break
        }
    }

    mutating func finish() throws {
        switch inner {
        case .nt(var w): try w.finish()
        case .ttl(var w): try w.finish()
        case .rdf(var w): try w.finish()
        case .jsonld(var w): try w.finish()
        case .nq(let out): try out.flush()
        }
    }
}
