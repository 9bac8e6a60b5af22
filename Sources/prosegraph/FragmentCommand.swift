import ArgumentParser
import ProseGraphFormats
import ProseGraphKit
import ProseGraphModel

struct FragmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fragment",
        abstract: "Extract the articles listed on standard input and write their part of the graph as N-Quads lines (the per-partition step of a distributed export).",
        discussion: """
        Reads one article a line on standard input and writes its part of the \
        graph to standard output as soon as it is extracted, unsorted, with \
        the IRIs, facts and statements `export` gives it. A line is either a \
        plan line, ORDER<TAB>DOCUMENT-ID<TAB>SOURCE-PATH<TAB>PATH (what --plan \
        prints: the order, id and pg:sourcePath `export` gives the article in \
        the whole corpus), or a bare path: then the order is the line's number \
        (from 0), the id the slug of the file name, the source path the file \
        name. Empty lines are skipped.

        Every line written is an N-Triples line of the export, except an \
        entity's rdfs:label and owl:sameAs, which carry the graph \
        <urn:prosegraph:order:ORDER>: `export` keeps the first article's \
        label (and first Wikidata id), so a merge keeps, per subject and \
        predicate, the object with the smallest ORDER. The merge of every \
        fragment of a corpus (distinct lines, that rule, a sort) is the graph \
        `export --format ntriples` writes: Distributed/spark/ does it on \
        Apache Spark.

        A bad article (empty, not UTF-8, binary, no title line, too large) or \
        line is reported on standard error as file:line:column: message when \
        it is met, and skipped; a count of them ends the run.

        Examples:
          prosegraph fragment --plan Input/ > plan.tsv
          prosegraph fragment < plan.tsv > fragment.nq
          ls Input/*.txt | prosegraph fragment --jobs 2
          head -100 plan.tsv | prosegraph fragment > part-1.nq
          hdfs dfs -ls -C -R /corpus | grep '\\.txt$' | prosegraph fragment --plan-listed

        Exit status: 0 every article written, 1 some articles or lines rejected \
        (the others written), 2 standard output could not be written.
        """
    )

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Print the plan of these article files or directories (one plan line per article, in export's order) instead of extracting.", valueName: "INPUT"),
            completion: .file())
    var plan: [String] = []

    @Flag(name: .long, help: ArgumentHelp("Print the plan of the article paths listed on standard input, one a line, as SOURCE-PATH<TAB>PATH or a bare PATH (its source path: the file name), without reading them: for paths on a file system the binary cannot list (HDFS, S3)."))
    var planListed = false

    @Option(name: .long, help: ArgumentHelp("Base IRI entities, documents and statements are minted under.", valueName: "IRI"))
    var base: String = IRIMinter.defaultBase

    @Option(name: [.short, .long], help: ArgumentHelp("Articles extracted in parallel (one suits a Spark task, which has one core); the output is the same for any N.", valueName: "N"))
    var jobs: Int = 1

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        guard !(planListed && !plan.isEmpty) else { throw ValidationError("--plan and --plan-listed do not go together") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard base.hasSuffix("/") || base.hasSuffix("#"), base.contains(":") else {
            throw ValidationError("--base must be an absolute IRI ending in '/' or '#', got '\(base)'")
        }
    }

    func run() throws {
        let limits = try limitOptions.limits()
        if planListed || !plan.isEmpty {
            var listed: [String] = []
            if planListed { while let line = readLine(strippingNewline: true) { listed.append(line) } }
            let (articles, errors) = planListed ? (FragmentJob.plan(listed: listed), []) : FragmentJob.plan(plan, limits: limits)
            for e in errors { Diagnostics.error(e.description) }
            let out = StandardOutputSink()
            var text = ""
            for a in articles {
                text += a.planLine + "\n"
                if text.utf8.count >= 1 << 16 { try write(&text, to: out) }
            }
            try write(&text, to: out)
            try finish(rejected: errors.count, noun: "input")
            return
        }
        let job = FragmentJob(base: base, rules: try ruleOptions.ruleSet(), jobs: jobs, limits: limits)
        let verbosity = verbosity
        let report: FragmentJob.Report
        do {
            report = try verbosity.timed("fragment") {
                try job.run(next: { readLine(strippingNewline: true) }, to: StandardOutputSink()) { Diagnostics.error($0.description) }
            }
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(Status.failure)
        }
        verbosity.detail("wrote \(report.lines) lines of \(report.articles) article\(report.articles == 1 ? "" : "s")")
        try finish(rejected: report.errors.count, noun: "article or line")
    }

    private func write(_ text: inout String, to sink: StandardOutputSink) throws {
        do {
            try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(Status.failure)
        }
        text = ""
    }

    private func finish(rejected: Int, noun: String) throws {
        guard rejected > 0 else { return }
        let plural = noun == "input" ? "inputs" : "articles or lines"
        Diagnostics.error("\(rejected) \(rejected == 1 ? noun + " was" : plural + " were") rejected")
        throw ExitCode(Status.partial)
    }
}
