import ArgumentParser
import ProseGraphFormats
import ProseGraphKit
import ProseGraphModel

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Read articles and write the knowledge graph.",
        discussion: """
        INPUT is an article file or a directory; a directory gives every *.txt \
        below it, in name order. With no INPUT, reads Input/. Each format is \
        written to OUT/graph.<ext> (graph.rdf, graph.graphml, graph.jsonld, \
        graph.nt, graph.ttl). --format csv writes graph.nodes.csv and \
        graph.relationships.csv for neo4j-admin import and graph.kuzu.cypher \
        (Kùzu tables and COPY from the two files); --format cypher writes \
        graph.cypher (one statement a line, for Neo4j, Memgraph, FalkorDB \
        and Kùzu) and graph.kuzu-schema.cypher (Kùzu's tables, run first); \
        these two are not part of the default. All files are first written and synced in a \
        hidden folder next to OUT, which then replaces OUT in one step (other \
        files in OUT are kept), so a run that is killed or fails leaves the \
        previous export or the new one, never a mix or a truncated file \
        (README.md says when files are replaced one by one instead). The \
        same input and options give byte-identical files.

        The graph is built in memory and written sorted. With --stream each \
        article's part is written as soon as it is extracted, so memory \
        stays bounded for a corpus of any size: the same graph (the same \
        triples, nodes and edges), in article order instead of sorted, \
        entities last (GraphML: nodes first, as GraphML readers expect; its \
        edges wait in an unlinked temporary file until then).

        A bad article (empty, not UTF-8, binary, no title line) is reported \
        as file:line:column and skipped; the others are still exported and \
        the exit status is 1. With --strict the first bad article stops the \
        run before anything is written.

        Examples:
          prosegraph export
          prosegraph export Input/belgium-syria.txt --out /tmp/syria
          prosegraph export articles/ --format ntriples,turtle --strict
          prosegraph export --format jsonld -o - | jq .
          prosegraph export --per-document --out /tmp/by-article
          prosegraph export big-corpus/ --stream --out /tmp/big

        Exit status: 0 all exported, 1 some inputs rejected (the rest \
        exported), 2 nothing exported (no articles, an unwritable output \
        folder, a full disk: the previous export is left as it was).
        """
    )

    @Argument(help: ArgumentHelp("Article files or directories.", valueName: "INPUT"), completion: .file())
    var inputs: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Directory to write the exports to; '-' writes the one --format to standard output.", valueName: "DIR"),
            completion: .directory)
    var out: String = "Output"

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Formats to write, comma-separated: \(Self.formatNames.joined(separator: ",")) (default: \(ExportFormat.writable.map(\.rawValue).joined(separator: ","))).",
                               valueName: "FORMAT"))
    var format: [String] = []

    @Flag(name: .long, help: "Write one set of files per article, in DIR/<article>/.")
    var perDocument = false

    @Flag(name: .long, help: ArgumentHelp("Write each article's part of the graph as soon as it is extracted: memory stays bounded for corpora of any size. Same graph, in article order instead of sorted."))
    var stream = false

    @Option(name: .long, help: ArgumentHelp("JSON-LD: refer to the context at this URL (a copy of Schemas/context.jsonld) instead of embedding it.", valueName: "URL"))
    var contextURL: String?

    @Option(name: .long, help: ArgumentHelp("Base IRI entities, documents and statements are minted under.", valueName: "IRI"))
    var base: String = IRIMinter.defaultBase

    @Flag(name: .long, help: "Stop at the first bad input; write nothing.")
    var strict = false

    @OptionGroup var verbosity: Verbosity

    @Option(name: [.short, .long], help: ArgumentHelp("Articles extracted in parallel (default: all cores); the output is the same for any N.", valueName: "N"))
    var jobs: Int = CorpusBuilder.cores

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var limitOptions: LimitOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard !(stream && perDocument) else { throw ValidationError("--stream and --per-document do not go together") }
        let chosen = try formats()
        let propertyGraph = try propertyGraphFormats()
        if let f = propertyGraph.first {
            guard !stream else { throw ValidationError("--stream does not write --format \(f.rawValue): it needs the whole graph") }
            guard out != ExportJob.standardOutput else { throw ValidationError("--format \(f.rawValue) writes several files: it does not go with -o -") }
        }
        if out == ExportJob.standardOutput {
            guard chosen.count == 1 else { throw ValidationError("-o - writes one format to standard output: choose it with --format") }
            guard !perDocument else { throw ValidationError("--per-document writes files: it does not go with -o -") }
        }
        if let url = contextURL, !(url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("file:")) {
            throw ValidationError("--context-url must be an absolute URL, got '\(url)'")
        }
        guard base.hasSuffix("/") || base.hasSuffix("#"), base.contains(":") else {
            throw ValidationError("--base must be an absolute IRI ending in '/' or '#', got '\(base)'")
        }
    }

    static let formatNames = ExportFormat.writable.map(\.rawValue) + PropertyGraphFormat.allCases.map(\.rawValue)

    var formatList: [Substring] { format.flatMap { $0.split(separator: ",") } }

    func formats() throws -> [ExportFormat] {
        if format.isEmpty { return ExportFormat.writable }
        var result: [ExportFormat] = []
        for name in formatList where PropertyGraphFormat(rawValue: String(name)) == nil {
            guard let f = ExportFormat(rawValue: String(name)) else {
                throw ValidationError("unknown format '\(name)'; choose from \(Self.formatNames.joined(separator: ", "))")
            }
            guard ExportFormat.writable.contains(f) else {
                throw ValidationError("\(f.displayName) export is not available in this version; choose from \(ExportFormat.writable.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(f) { result.append(f) }
        }
        return result
    }

    func propertyGraphFormats() throws -> [PropertyGraphFormat] {
        var result: [PropertyGraphFormat] = []
        for name in formatList {
            if let f = PropertyGraphFormat(rawValue: String(name)), !result.contains(f) { result.append(f) }
        }
        return result
    }

    func run() throws {
        var job = ExportJob(inputs: inputs.isEmpty ? ["Input"] : inputs, outputDirectory: out,
                            formats: try formats(), strict: strict, base: base, rules: try ruleOptions.ruleSet(),
                            contextURL: contextURL, perDocument: perDocument)
        job.jobs = jobs
        job.propertyGraphFormats = try propertyGraphFormats()
        job.stream = stream
        job.limits = try limitOptions.limits()
        let verbosity = self.verbosity
        do {
            let report = try verbosity.timed("export") {
                try job.run(progress: { verbosity.note($0) }, detail: { verbosity.detail($0) })
            }
            for e in report.errors { Diagnostics.error(e.description) }
            for w in report.warnings { Diagnostics.error("warning: " + w) }
            if out != ExportJob.standardOutput {
                verbosity.note("exported \(report.documents.count) article\(report.documents.count == 1 ? "" : "s") to \(out)/")
            }
            if !report.errors.isEmpty {
                Diagnostics.error("\(report.errors.count) input\(report.errors.count == 1 ? " was" : "s were") rejected")
                throw ExitCode(Status.partial)
            }
        } catch let failure as ExportJob.Failure {
            if case .noArticles(let errors) = failure { for e in errors { Diagnostics.error(e.description) } }
            Diagnostics.error(failure.description)
            throw ExitCode(Status.failure)
        }
    }
}
