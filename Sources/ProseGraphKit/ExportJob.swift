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
    public func run(progress: (String) -> Void = { _ in }) throws(Failure) -> Report {
        var report = Report()
        let corpus = try CorpusBuilder(inputs: inputs, strict: strict, rules: rules, jobs: jobs).build(keepDocuments: perDocument, progress: progress)
        report.documents = corpus.documents
        report.errors = corpus.errors
        let graph = corpus.graph
        progress("extracted \(graph.factCount) facts (\(graph.mentionCount) mentions) about \(graph.entities.count) entities")

        let minter = IRIMinter(base: base)
        if outputDirectory == Self.standardOutput {
            let count = try write(graph, as: formats[0], minter: minter, to: nil)
            report.written.append(("-", count))
            return report
        }
        var targets: [(directory: String, graph: KnowledgeGraph)] = [(outputDirectory, graph)]
        if perDocument {
            targets = corpus.perDocument.map { (FileSystem.join(outputDirectory, $0.id), $0.graph) }
        }
        for target in targets {
            do { try FileSystem.makeDirectory(target.directory) } catch { throw .output(error.description) }
            for format in formats {
                let path = FileSystem.join(target.directory, format.fileName)
                let count = try write(target.graph, as: format, minter: minter, to: path)
                report.written.append((path, count))
                progress("wrote \(path): \(count) \(format == .graphml ? "edges" : "triples")")
            }
        }
        return report
    }

    /// Writes one format to a file (atomically) or, with a nil path, to standard output.
    private func write(_ graph: KnowledgeGraph, as format: ExportFormat, minter: IRIMinter, to path: String?) throws(Failure) -> Int {
        let options = Serializer.Options(minter: minter, contextURL: contextURL)
        guard let path else {
            do { return try Serializer.write(graph, as: format, options: options, to: StandardOutputSink()) } catch {
                throw .output("<stdout>: \(error)")
            }
        }
        do {
            let file = try AtomicFile(path: path)
            do {
                let n = try Serializer.write(graph, as: format, options: options, to: file)
                try file.commit()
                return n
            } catch {
                file.discard()
                throw error
            }
        } catch let e as OutputError {
            throw .output(e.description)
        } catch {
            throw .output("\(path): \(error)")
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

    public func build(keepDocuments: Bool = false, progress: (String) -> Void = { _ in }) throws(ExportJob.Failure) -> Corpus {
        var graph = KnowledgeGraph()
        var perDocument: [(id: String, graph: KnowledgeGraph)] = []
        let (documents, errors) = try stream(progress: progress) { id, one throws(ExportJob.Failure) in
            graph.merge(one)
            if keepDocuments { perDocument.append((id, one)) }
        }
        return Corpus(graph: graph, documents: documents, errors: errors, perDocument: perDocument)
    }

    /// Reads and extracts the inputs batch by batch and hands each article's
    /// graph to `consume`, in input order (whatever `jobs` is), so memory stays
    /// bounded by a batch. Returns the articles read and the inputs rejected.
    public func stream(progress: (String) -> Void = { _ in },
                       consume: (_ documentID: String, KnowledgeGraph) throws(ExportJob.Failure) -> Void)
        throws(ExportJob.Failure) -> (documents: [String], errors: [InputError]) {
        let collected = Inputs.collect(inputs)
        if strict, let first = collected.errors.first { throw .input(first) }
        var documents: [String] = []
        var errors = collected.errors
        let ids = Inputs.documentIDs(collected.files)
        let pipeline = Pipeline(rules: rules)
        let files = Array(zip(collected.files, ids))
        // Batches keep memory bounded: a batch's articles are read and extracted
        // in parallel, then handed on in input order. With more than one job the
        // next batch is extracted while this thread hands on the current one
        // (merging or writing), so the workers do not wait for it.
        let batch = max(jobs * 16, 1)
        let slices = stride(from: 0, to: files.count, by: batch).map { Array(files[$0..<min($0 + batch, files.count)]) }
        let pipelined = jobs > 1
        var next = slices.isEmpty ? nil : BatchExtraction(slices[0], pipeline: pipeline, jobs: jobs, async: pipelined)
        for (k, slice) in slices.enumerated() {
            let current = next!
            next = k + 1 < slices.count ? BatchExtraction(slices[k + 1], pipeline: pipeline, jobs: jobs, async: pipelined) : nil
            let outcomes = current.outcomes()
            for ((path, id), outcome) in zip(slice, outcomes) {
                switch outcome {
                case .article(let one, let sentences):
                    try consume(id, one)
                    documents.append(path)
                    progress("read \(path): \(sentences) sentences")
                case .rejected(let error):
                    if strict { next?.wait(); throw .input(error) }
                    errors.append(error)
                }
            }
        }
        guard !documents.isEmpty else { throw .noArticles(errors) }
        return (documents, errors)
    }

    /// Reads and extracts files on `jobs` threads; the outcomes are in the files' order.
    static func extract(_ files: [(path: String, id: String)], pipeline: Pipeline, jobs: Int) -> [Outcome] {
        let results = OutcomeSlots(count: files.count)
        let work: @Sendable (Int) -> Void = { i in
            let (path, id) = files[i]
            do throws(InputError) {
                let bytes = try FileSystem.read(path)
                let article = try ArticleReader().read(bytes: bytes, path: path)
                var one = pipeline.extract(article, documentID: id)
                one.add(document: SourceDocument(id: id, title: article.title, path: path))
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

    init(_ files: [(path: String, id: String)], pipeline: Pipeline, jobs: Int, async: Bool) {
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
