import Foundation
import ProseGraphExtraction
import ProseGraphFormats
import ProseGraphModel
import ProseGraphText

/// What `prosegraph export` does, as one call: read the articles, build the
/// graph, write each format atomically.
public struct ExportJob: Sendable {
    public var inputs: [String]
    public var outputDirectory: String
    public var formats: [ExportFormat]
    /// The property-graph exports to write besides `formats` (CSV for bulk loaders, Cypher).
    public var propertyGraphFormats: [PropertyGraphFormat] = []
    /// Stop at the first bad input instead of reporting and skipping it.
    public var strict: Bool
    public var base: String
    /// The relation rules: the shipped set plus any `--rules` files.
    public var rules: RuleSet
    /// JSON-LD: reference the context by this URL instead of embedding it.
    public var contextURL: String?
    /// One set of files per article, in OUT/<document-id>/, instead of one for the corpus.
    public var perDocument: Bool
    /// Articles extracted in parallel; the output does not depend on it.
    public var jobs: Int = CorpusBuilder.cores
    /// Write each article's part as soon as it is extracted (`StreamingExport`):
    /// memory stays bounded for any corpus size; the graph is the same, its
    /// order is article order instead of sorted. Not with `perDocument`.
    public var stream = false
    /// What one article may hold (`InputLimits.articleSize`).
    public var limits = InputLimits()

    public init(inputs: [String] = ["Input"], outputDirectory: String = "Output",
                formats: [ExportFormat] = ExportFormat.writable, strict: Bool = false,
                base: String = IRIMinter.defaultBase, rules: RuleSet = .standard, contextURL: String? = nil,
                perDocument: Bool = false) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.strict = strict
        self.base = base
        self.rules = rules
        self.contextURL = contextURL
        self.perDocument = perDocument
    }

    /// `-o -`: write the one format to standard output.
    public static let standardOutput = "-"

    public struct Report: Sendable {
        /// Articles read and exported.
        public var documents: [String] = []
        /// Inputs rejected (each reported, skipped unless strict).
        public var errors: [InputError] = []
        /// Files written, with the number of triples (or elements) in each.
        public var written: [(path: String, count: Int)] = []
        /// How the set was made visible (nil for standard output).
        public var commit: ExportSet.Mode?
        /// Leftovers of earlier runs that were kept (they hold files prosegraph did not write).
        public var warnings: [String] = []
    }

    /// A failure that stops the whole job before anything is written.
    public enum Failure: Error, CustomStringConvertible {
        case input(InputError)
        case noArticles([InputError])
        case output(String)

        public var description: String {
            switch self {
            case .input(let e): return e.description
            case .noArticles(let errors):
                return errors.isEmpty ? "no articles to export" : "no articles to export (\(errors.count) input\(errors.count == 1 ? "" : "s") rejected)"
            case .output(let m): return m
            }
        }
    }

    /// Runs the job. `progress` receives one line per step; errors of single
    /// inputs are in the report (and, with `strict`, thrown).
    ///
    /// The files are written as one set (`ExportSet`): all of them are staged
    /// and synced before any becomes visible, and the previous export stays
    /// whole until then. The output folder is checked, and leftovers of killed
    /// runs are cleaned up, before the articles are read.
    /// `detail` receives one line per article read (`--verbose`).
    public func run(progress: (String) -> Void = { _ in }, detail: (String) -> Void = { _ in }) throws(Failure) -> Report {
        var report = Report()
        var set: ExportSet?
        if outputDirectory != Self.standardOutput {
            do {
                set = try ExportSet(directory: outputDirectory, ownedNames: Set(ExportFormat.allCases.map(\.fileName) + PropertyGraphFormat.allFileNames))
            } catch {
                throw .output(error.description)
            }
            for note in set?.notes ?? [] { progress(note) }
        }
        var builder = CorpusBuilder(inputs: inputs, strict: strict, rules: rules, jobs: jobs)
        builder.limits = limits
        if stream && !perDocument { return try runStreaming(builder, set: set, progress: progress, detail: detail) }
        let corpus = try builder.build(keepDocuments: perDocument, progress: progress, detail: detail)
        report.documents = corpus.documents
        report.errors = corpus.errors
        let graph = corpus.graph
        progress("extracted \(graph.factCount) facts (\(graph.mentionCount) mentions) about \(graph.entities.count) entities")

        let options = Serializer.Options(minter: IRIMinter(base: base), contextURL: contextURL)
        guard let set else {
            do {
                let count = try Serializer.write(graph, as: formats[0], options: options, to: StandardOutputSink())
                report.written.append(("-", count))
            } catch {
                throw .output("<stdout>: \(error)")
            }
            return report
        }
        let units: [(folder: String?, graph: KnowledgeGraph)] = perDocument ? corpus.perDocument.map { ($0.id, $0.graph) } : [(nil, graph)]
        var counts: [(path: String, count: Int, noun: String)] = []
        let notesBefore = set.notes.count
        do throws(OutputError) {
            try set.stage(folders: units.compactMap(\.folder))
            for unit in units {
                // The RDF formats share one sorted triple list, made once.
                let triples = formats.contains { $0 != .graphml } ? unit.graph.rdfTriples(minter: options.minter) : []
                for format in formats {
                    let file = try set.file(format.fileName, in: unit.folder)
                    counts.append((file.path, try Self.write(unit.graph, triples: triples, as: format, options: options, to: file),
                                   format == .graphml ? "edges" : "triples"))
                }
                if !propertyGraphFormats.isEmpty {
                    let view = PropertyGraph(graph: unit.graph, minter: options.minter)
                    for format in propertyGraphFormats { counts += try format.write(view, into: set, folder: unit.folder) }
                }
            }
            report.commit = try set.commit()
        } catch {
            set.discard()
            throw .output(error.description)
        }
        for note in set.notes.dropFirst(notesBefore) { progress(note) }
        if case .perFile(let reason)? = report.commit {
            progress("\(outputDirectory): replaced file by file: \(reason)")
        }
        for c in counts {
            report.written.append((c.path, c.count))
            progress("wrote \(c.path): \(c.count) \(c.noun)")
        }
        report.warnings = set.warnings
        return report
    }

    /// `run` with `stream`: the writers run while the articles are extracted.
    private func runStreaming(_ builder: CorpusBuilder, set: ExportSet?, progress: (String) -> Void,
                              detail: (String) -> Void) throws(Failure) -> Report {
        var report = Report()
        var staged: [StagedFile] = []
        var export: StreamingExport
        do {
            var sinks: [(ExportFormat, ByteSink)] = []
            var spillDirectory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
            if let set {
                try set.stage()
                for format in formats {
                    let file = try set.file(format.fileName)
                    staged.append(file)
                    sinks.append((format, file))
                }
                spillDirectory = set.stagingPath ?? spillDirectory
            } else {
                sinks = [(formats[0], StandardOutputSink())]
            }
            export = try StreamingExport(sinks: sinks, minter: IRIMinter(base: base), contextURL: contextURL,
                                         spillDirectory: spillDirectory)
        } catch {
            set?.discard()
            throw .output(Self.outputFailure(error, staged))
        }
        do throws(Failure) {
            let read = try builder.stream(progress: progress, detail: detail) { _, article throws(Failure) in
                do { try export.add(article) } catch { throw .output(Self.outputFailure(error, staged)) }
            }
            report.documents = read.documents
            report.errors = read.errors
            let counts: [ExportFormat: Int]
            do {
                counts = try export.finish()
                for file in staged { try file.close() }
            } catch {
                throw Failure.output(Self.outputFailure(error, staged))
            }
            guard let set else {
                report.written.append(("-", counts[formats[0]] ?? 0))
                return report
            }
            do { report.commit = try set.commit() } catch { throw Failure.output(error.description) }
            for note in set.notes { progress(note) }
            if case .perFile(let reason)? = report.commit {
                progress("\(outputDirectory): replaced file by file: \(reason)")
            }
            for (format, file) in zip(formats, staged) {
                let count = counts[format] ?? 0
                report.written.append((file.path, count))
                progress("wrote \(file.path): \(count) \(format == .graphml ? "edges" : "triples")")
            }
            report.warnings = set.warnings
            return report
        } catch {
            set?.discard()
            throw error
        }
    }

    /// The message for a failed write: a staged file's own error (a full disk) first.
    private static func outputFailure(_ error: any Error, _ staged: [StagedFile]) -> String {
        if let failure = staged.lazy.compactMap(\.failure).first { return failure.description }
        if let e = error as? OutputError { return e.description }
        return "\(error)"
    }

    /// Writes one format into a staged file and syncs it. The error is the
    /// file's own (a full disk) when the writer failed because of it.
    private static func write(_ graph: KnowledgeGraph, triples: [Triple], as format: ExportFormat, options: Serializer.Options,
                              to file: StagedFile) throws(OutputError) -> Int {
        do {
            let count = format == .graphml ? try Serializer.write(graph, as: format, options: options, to: file)
                : try Serializer.write(triples, as: format, options: options, to: file)
            try file.close()
            return count
        } catch {
            if let failure = file.failure { throw failure }
            if let e = error as? OutputError { throw e }
            throw OutputError(path: file.path, message: "\(error)")
        }
    }
}

/// Picks and drives the writer for a format.
public enum Serializer {
    public struct Options: Sendable {
        public var minter: IRIMinter
        public var contextURL: String?
        public init(minter: IRIMinter = IRIMinter(), contextURL: String? = nil) {
            self.minter = minter
            self.contextURL = contextURL
        }
    }

    /// Writes the graph; returns the number of triples (GraphML: edges) written.
    public static func write(_ graph: KnowledgeGraph, as format: ExportFormat, options: Options, to sink: ByteSink) throws -> Int {
        if format == .graphml {
            var w = GraphMLWriter(sink: sink)
            try w.write(PropertyGraph(graph: graph, minter: options.minter))
            try w.finish()
            return w.edgeCount
        }
        return try write(graph.rdfTriples(minter: options.minter), as: format, options: options, to: sink)
    }

    /// Writes sorted triples in an RDF format.
    public static func write(_ triples: [Triple], as format: ExportFormat, options: Options, to sink: ByteSink) throws -> Int {
        guard let rdf = OutputFormat(rawValue: format.rawValue) else {
            throw SerializationError(format: "GraphML", message: "GraphML is written from the knowledge graph, not from triples")
        }
        var w = try QuadWriter(format: rdf, sink: sink, name: format.fileName, contextURL: options.contextURL)
        for t in triples { try w.write(Quad(t)) }
        try w.finish()
        return triples.count
    }
}

/// Reads the inputs and extracts one graph from all of them: shared by
/// `export` and `eval`.
public struct CorpusBuilder: Sendable {
    public var inputs: [String]
    public var strict: Bool
    public var rules: RuleSet
    /// Articles extracted in parallel (default: the number of cores). The
    /// result does not depend on it: documents are merged in input order.
    public var jobs: Int
    /// An article over `limits.articleSize` is rejected from its size, before it is read.
    public var limits = InputLimits()

    public init(inputs: [String], strict: Bool = false, rules: RuleSet = .standard, jobs: Int = CorpusBuilder.cores) {
        self.inputs = inputs
        self.strict = strict
        self.rules = rules
        self.jobs = max(1, jobs)
    }

    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public struct Corpus: Sendable {
        public var graph = KnowledgeGraph()
        public var documents: [String] = []
        public var errors: [InputError] = []
        /// Each document's own graph, when asked for (`--per-document`).
        public var perDocument: [(id: String, graph: KnowledgeGraph)] = []
    }

    /// What reading and extracting one file gave.
    enum Outcome: Sendable {
        case article(KnowledgeGraph, sentences: Int)
        case rejected(InputError)
    }

    public func build(keepDocuments: Bool = false, progress: (String) -> Void = { _ in },
                      detail: (String) -> Void = { _ in }) throws(ExportJob.Failure) -> Corpus {
        var graph = KnowledgeGraph()
        var perDocument: [(id: String, graph: KnowledgeGraph)] = []
        let (documents, errors) = try stream(progress: progress, detail: detail) { id, one throws(ExportJob.Failure) in
            graph.merge(one)
            if keepDocuments { perDocument.append((id, one)) }
        }
        return Corpus(graph: graph, documents: documents, errors: errors, perDocument: perDocument)
    }

    /// Reads and extracts the inputs batch by batch and hands each article's
    /// graph to `consume`, in input order (whatever `jobs` is), so memory stays
    /// bounded by a batch. Returns the articles read and the inputs rejected.
    /// `progress` gets a line every 1000 articles, `detail` one per article.
    public func stream(progress: (String) -> Void = { _ in }, detail: (String) -> Void = { _ in },
                       consume: (_ documentID: String, KnowledgeGraph) throws(ExportJob.Failure) -> Void)
        throws(ExportJob.Failure) -> (documents: [String], errors: [InputError]) {
        let collected = Inputs.collect(inputs, limits: limits)
        if strict, let first = collected.errors.first { throw .input(first) }
        var documents: [String] = []
        var errors = collected.errors
        let pipeline = Pipeline(rules: rules)
        let files = collected.articles
        // Batches keep memory bounded: a batch's articles are read and extracted
        // in parallel, then handed on in input order. With more than one job the
        // next batch is extracted while this thread hands on the current one
        // (merging or writing), so the workers do not wait for it.
        let batch = max(jobs * 16, 1)
        let slices = stride(from: 0, to: files.count, by: batch).map { Array(files[$0..<min($0 + batch, files.count)]) }
        let pipelined = jobs > 1
        var done = 0
        var next = slices.isEmpty ? nil : BatchExtraction(slices[0], pipeline: pipeline, jobs: jobs, async: pipelined)
        for (k, slice) in slices.enumerated() {
            let current = next!
            next = k + 1 < slices.count ? BatchExtraction(slices[k + 1], pipeline: pipeline, jobs: jobs, async: pipelined) : nil
            let outcomes = current.outcomes()
            for ((path, id, _), outcome) in zip(slice, outcomes) {
                switch outcome {
                case .article(let one, let sentences):
                    try consume(id, one)
                    documents.append(path)
                    detail("read \(path): \(sentences) sentences")
                case .rejected(let error):
                    if strict { next?.wait(); throw .input(error) }
                    errors.append(error)
                }
                done += 1
                if done % 1000 == 0, done < files.count { progress("read \(done) of \(files.count) articles") }
            }
        }
        guard !documents.isEmpty else { throw .noArticles(errors) }
        return (documents, errors)
    }

    /// Reads and extracts files on `jobs` threads; the outcomes are in the files' order.
    static func extract(_ files: [(path: String, id: String, source: String)], pipeline: Pipeline, jobs: Int) -> [Outcome] {
        let results = OutcomeSlots(count: files.count)
        let work: @Sendable (Int) -> Void = { i in
            let (path, id, source) = files[i]
            do throws(InputError) {
                let bytes = try FileSystem.read(path)
                let article = try ArticleReader().read(bytes: bytes, path: path)
                var one = pipeline.extract(article, documentID: id)
                one.add(document: SourceDocument(id: id, title: article.title, path: source))
                results.set(i, .article(one, sentences: article.sentences.count))
            } catch {
                results.set(i, .rejected(error))
            }
        }
        if jobs == 1 || files.count == 1 {
            for i in files.indices { work(i) }
        } else {
            let next = Counter()
            let threads = min(jobs, files.count)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let i = next.take(below: files.count) { work(i) }
            }
        }
        return results.all()
    }
}

/// One batch's extraction, run on the calling thread or, with `async`, on a
/// background thread (which spreads it over `jobs` workers) while the caller
/// goes on; `outcomes()` waits for it.
final class BatchExtraction: @unchecked Sendable {
    private var result: [CorpusBuilder.Outcome] = []
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ files: [(path: String, id: String, source: String)], pipeline: Pipeline, jobs: Int, async: Bool) {
        if async {
            DispatchQueue.global().async { [self] in
                result = CorpusBuilder.extract(files, pipeline: pipeline, jobs: jobs)
                done.signal()
            }
        } else {
            result = CorpusBuilder.extract(files, pipeline: pipeline, jobs: jobs)
            done.signal()
        }
    }

    /// Waits until the batch is extracted (once; later calls return at once).
    func wait() {
        if !waited { done.wait(); waited = true }
    }

    func outcomes() -> [CorpusBuilder.Outcome] {
        wait()
        return result
    }
}

/// Slots the worker threads fill, one per file, guarded by a lock.
final class OutcomeSlots: @unchecked Sendable {
    private var slots: [CorpusBuilder.Outcome?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: CorpusBuilder.Outcome) { lock.lock(); slots[i] = o; lock.unlock() }
    func all() -> [CorpusBuilder.Outcome] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

/// Hands out 0, 1, 2 ... to worker threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
