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
        let corpus = try CorpusBuilder(inputs: inputs, strict: strict, rules: rules).build(keepDocuments: perDocument, progress: progress)
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
        switch format {
        case .ntriples:
            var w = NTriplesWriter(sink: sink)
            for t in triples { try w.write(t) }
            try w.finish()
        case .turtle:
            var w = try TurtleWriter(sink: sink)
            for t in triples { try w.write(t) }
            try w.finish()
        case .rdfxml:
            var w = try RDFXMLWriter(sink: sink)
            for t in triples { try w.write(t) }
            try w.finish()
        case .jsonld:
            var w = try JSONLDWriter(sink: sink, context: options.contextURL.map { .url($0) } ?? .embedded)
            for t in triples { try w.write(t) }
            try w.finish()
        case .graphml:
            throw SerializationError(format: "GraphML", message: "GraphML is written from the knowledge graph, not from triples")
        }
        return triples.count
    }
}

/// Reads the inputs and extracts one graph from all of them: shared by
/// `export` and `eval`.
public struct CorpusBuilder: Sendable {
    public var inputs: [String]
    public var strict: Bool
    public var rules: RuleSet

    public init(inputs: [String], strict: Bool = false, rules: RuleSet = .standard) {
        self.inputs = inputs
        self.strict = strict
        self.rules = rules
    }

    public struct Corpus: Sendable {
        public var graph = KnowledgeGraph()
        public var documents: [String] = []
        public var errors: [InputError] = []
        /// Each document's own graph, when asked for (`--per-document`).
        public var perDocument: [(id: String, graph: KnowledgeGraph)] = []
    }

    public func build(keepDocuments: Bool = false, progress: (String) -> Void = { _ in }) throws(ExportJob.Failure) -> Corpus {
        var corpus = Corpus()
        let collected = Inputs.collect(inputs)
        if strict, let first = collected.errors.first { throw .input(first) }
        corpus.errors = collected.errors
        let ids = Inputs.documentIDs(collected.files)
        let reader = ArticleReader()
        let pipeline = Pipeline(rules: rules)
        for (path, id) in zip(collected.files, ids) {
            do {
                let bytes = try FileSystem.read(path)
                let article = try reader.read(bytes: bytes, path: path)
                var one = pipeline.extract(article, documentID: id)
                one.add(document: SourceDocument(id: id, title: article.title, path: path))
                corpus.graph.merge(one)
                if keepDocuments { corpus.perDocument.append((id, one)) }
                corpus.documents.append(path)
                progress("read \(path): \(article.sentences.count) sentences")
            } catch {
                if strict { throw .input(error) }
                corpus.errors.append(error)
            }
        }
        guard !corpus.documents.isEmpty else { throw .noArticles(corpus.errors) }
        return corpus
    }
}
