import ProseGraphExtraction
import ProseGraphFormats
import ProseGraphModel
import ProseGraphText

/// `prosegraph fragment`: the per-partition step of a distributed export
/// (Distributed/spark/). It reads article lines on standard input and writes
/// each article's part of the graph as N-Quads lines as soon as the article is
/// extracted: no sorting and no state across articles, so any split of a
/// corpus into partitions gives, once merged, the graph `export` writes.
///
/// The lines are the export's own triples (`KnowledgeGraph.rdfTriples`, the
/// code path `export --stream` writes), all in the default graph except the
/// two an export merges across articles: an entity's `rdfs:label` and
/// `owl:sameAs`. The export keeps the first article's label (and the first
/// Wikidata id found), so those two come in the graph
/// `<urn:prosegraph:order:N>`, N being the article's place in the corpus; the
/// merge keeps, per subject and predicate, the object of the smallest N.
/// Everything else merges as a set union (distinct lines).
public struct FragmentJob: Sendable {
    /// The graph name prefix that carries an entity triple's article order.
    public static let orderGraph = "urn:prosegraph:order:"

    public var base: String
    public var rules: RuleSet
    /// Articles extracted in parallel; the output does not depend on it.
    public var jobs: Int
    public var limits: InputLimits

    public init(base: String = IRIMinter.defaultBase, rules: RuleSet = .standard, jobs: Int = 1, limits: InputLimits = InputLimits()) {
        self.base = base
        self.rules = rules
        self.jobs = max(1, jobs)
        self.limits = limits
    }

    /// One article of a plan: its place in the corpus, document id, source path (`pg:sourcePath`) and file.
    public struct Article: Sendable, Equatable {
        public var order: Int
        public var id: String
        public var source: String
        public var path: String

        /// `ORDER<TAB>DOCUMENT-ID<TAB>SOURCE-PATH<TAB>PATH`, what `fragment --plan` prints.
        public var planLine: String { "\(order)\t\(id)\t\(source)\t\(path)" }
    }
}

extension FragmentJob.Article {
    /// A plan line, or a bare path: then the order is `number` (the line's
    /// place in the stream, from 0), the id the slug of the file name
    /// (`Inputs.documentIDs`), the source path the file name.
    public init(line: String, number: Int) throws(InputError) {
        guard line.contains("\t") else {
            self.init(order: number, id: Inputs.documentIDs([line])[0],
                      source: line.split(separator: "/").last.map(String.init) ?? line, path: line)
            return
        }
        let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, let order = Int(fields[0]), order >= 0, !fields[1].isEmpty, !fields[3].isEmpty else {
            throw InputError(path: "<stdin>", line: number + 1, column: nil,
                             message: "not a plan line (ORDER<TAB>DOCUMENT-ID<TAB>SOURCE-PATH<TAB>PATH, ORDER a whole number) nor a path without tabs")
        }
        self.init(order: order, id: fields[1], source: fields[2], path: fields[3])
    }
}

extension FragmentJob {
    /// The plan of a corpus: every article of `inputs` in the order `export`
    /// reads them, with the ids and source paths `export` gives them; and the
    /// inputs rejected before reading (missing, too large, an empty directory).
    public static func plan(_ inputs: [String], limits: InputLimits = InputLimits()) -> (articles: [Article], errors: [InputError]) {
        let collected = Inputs.collect(inputs, limits: limits)
        let articles = collected.articles.enumerated().map { Article(order: $0, id: $1.id, source: $1.source, path: $1.path) }
        return (articles, collected.errors)
    }

    /// The plan of article paths listed by someone else (a distributed file
    /// system the binary cannot read): `lines` are `SOURCE-PATH<TAB>PATH`, or a
    /// bare path whose source path is its file name; empty lines are skipped.
    /// The files are not touched; ids are made unique as `export` makes them.
    public static func plan(listed lines: [String]) -> [Article] {
        let listed = lines.filter { !$0.isEmpty }.map { line -> (source: String, path: String) in
            guard let tab = line.firstIndex(of: "\t") else { return (line.split(separator: "/").last.map(String.init) ?? line, line) }
            return (String(line[..<tab]), String(line[line.index(after: tab)...]))
        }
        let ids = Inputs.documentIDs(listed.map(\.path))
        return listed.enumerated().map { Article(order: $0, id: ids[$0], source: $1.source, path: $1.path) }
    }

    public struct Report: Sendable {
        public var articles = 0
        public var errors: [InputError] = []
        public var lines = 0
    }

    /// Reads lines from `next` (nil at the end) in batches, extracts each
    /// batch's articles on `jobs` threads and writes their lines to `sink` in
    /// input order. A bad article or line goes to `rejected` at once and the
    /// run goes on.
    public func run(next: () -> String?, to sink: ByteSink, rejected: (InputError) -> Void) throws -> Report {
        var report = Report()
        let minter = IRIMinter(base: base)
        let pipeline = Pipeline(rules: rules)
        var writer = try QuadWriter(format: .nquads, sink: sink, name: "<stdout>")
        var number = 0
        var done = false
        func reject(_ e: InputError) {
            report.errors.append(e)
            rejected(e)
        }
        while !done {
            var batch: [Article] = []
            while batch.count < jobs * 16, let line = next() {
                defer { number += 1 }
                if line.isEmpty { continue }
                do throws(InputError) {
                    let article = try Article(line: line, number: number)
                    if let size = LimitedRead.oversize(article.path, limit: limits.articleSize) {
                        throw InputError(path: article.path, message: limits.tooLarge(.articleSize, bytes: size))
                    }
                    batch.append(article)
                } catch {
                    reject(error)
                }
            }
            done = batch.count < jobs * 16
            let outcomes = CorpusBuilder.extract(batch.map { (path: $0.path, id: $0.id, source: $0.source) }, pipeline: pipeline, jobs: jobs)
            for (article, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .article(let graph, _):
                    let quads = Self.quads(of: graph, order: article.order, minter: minter)
                    for q in quads { try writer.write(q) }
                    report.lines += quads.count
                    report.articles += 1
                case .rejected(let error):
                    reject(error)
                }
            }
        }
        try writer.finish()
        return report
    }

    /// One article's lines: its triples as the export writes them, the entities'
    /// labels and Wikidata ids in the graph of the article's order.
    static func quads(of article: KnowledgeGraph, order: Int, minter: IRIMinter) -> [Quad] {
        var out = article.rdfTriples(minter: minter, entities: false) { _ in true }.map { Quad($0) }
        var entities = KnowledgeGraph()
        for e in article.sortedEntities { entities.add(entity: e) }
        let graph = Term.iri(IRI(orderGraph + String(order)))
        for t in entities.rdfTriples(minter: minter) {
            out.append(t.predicate == RDFS.label || t.predicate == OWL.sameAs ? Quad(t, graph: graph) : Quad(t))
        }
        return out
    }
}
