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

    public init(inputs: [String] = ["Input"], outputDirectory: String = "Output",
                formats: [ExportFormat] = ExportFormat.writable, strict: Bool = false,
                base: String = IRIMinter.defaultBase, rules: RuleSet = .standard) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.strict = strict
        self.base = base
        self.rules = rules
    }

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
        let corpus = try CorpusBuilder(inputs: inputs, strict: strict, rules: rules).build(progress: progress)
        report.documents = corpus.documents
        report.errors = corpus.errors
        let graph = corpus.graph
        progress("extracted \(graph.factCount) facts (\(graph.mentionCount) mentions) about \(graph.entities.count) entities")

        let triples = graph.rdfTriples(minter: IRIMinter(base: base))
        do { try FileSystem.makeDirectory(outputDirectory) } catch { throw .output(error.description) }
        for format in formats {
            let path = FileSystem.join(outputDirectory, format.fileName)
            let count = try write(triples, as: format, to: path)
            report.written.append((path, count))
            progress("wrote \(path): \(count) triples")
        }
        return report
    }

    private func write(_ triples: [Triple], as format: ExportFormat, to path: String) throws(Failure) -> Int {
        do {
            let file = try AtomicFile(path: path)
            do {
                let n = try Serializer.write(triples, as: format, to: file)
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

/// Picks the writer for a format.
enum Serializer {
    static func write(_ triples: [Triple], as format: ExportFormat, to sink: ByteSink) throws -> Int {
        switch format {
        case .ntriples:
            var w = NTriplesWriter(sink: sink)
            for t in triples { try w.write(t) }
            try w.finish()
            return w.count
        case .rdfxml, .graphml, .jsonld, .turtle:
            throw SerializationError(format: format.displayName, message: "not writable in this version")
        }
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
    }

    public func build(progress: (String) -> Void = { _ in }) throws(ExportJob.Failure) -> Corpus {
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
                corpus.graph.add(document: SourceDocument(id: id, title: article.title, path: path))
                corpus.graph.merge(pipeline.extract(article, documentID: id))
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
