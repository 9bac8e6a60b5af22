import ArgumentParser
import ProseGraphKit

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against gold facts: precision, recall and F1 per predicate.",
        discussion: """
        Reads the articles as `export` does, extracts their facts and compares \
        them with a gold file: one fact a line, \
        document<TAB>subject<TAB>predicate<TAB>object<TAB>date, alternatives \
        separated by '|'. Matching folds case and diacritics and drops \
        punctuation and a leading "the"; symmetric predicates match either way \
        round. A fact matches within its document (the gold's first column is \
        the article's title); only the gold of the articles read is scored. \
        Date accuracy counts matched gold lines whose date was found.

        Examples:
          prosegraph eval --gold Tests/Fixtures/gold/seeds.tsv Input/belgium-*.txt
          prosegraph eval --gold gold.tsv articles/ --misses
          prosegraph eval --gold gold.tsv --min-f1 0.9

        Exit status: 0 scored (and F1 at least --min-f1), 1 F1 below --min-f1, \
        2 unreadable input or gold file.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The gold facts (TSV).", valueName: "FILE"), completion: .file(extensions: ["tsv"]))
    var gold: String

    @Argument(help: ArgumentHelp("Article files or directories (default: Input).", valueName: "INPUT"), completion: .file())
    var inputs: [String] = []

    @Flag(name: .long, help: "List every false, missed and wrongly dated fact with its sentence.")
    var misses = false

    @Option(name: .long, help: ArgumentHelp("Exit 1 when overall F1 is below this.", valueName: "F1"))
    var minF1: Double?

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let limits = try self.limits.limits()
        let goldFacts: [Evaluation.GoldFact]
        do {
            let bytes = try LimitedRead.read(gold, limit: .inputSize, of: limits)
            goldFacts = try Evaluation.parseGold(String(decoding: bytes, as: UTF8.self), path: gold)
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(Status.failure)
        }
        let corpus: CorpusBuilder.Corpus
        do {
            var builder = CorpusBuilder(inputs: inputs.isEmpty ? ["Input"] : inputs, rules: try ruleOptions.ruleSet())
            builder.limits = limits
            let verbosity = verbosity
            corpus = try verbosity.timed("extraction") { try builder.build(detail: { verbosity.detail($0) }) }
        } catch let failure as ExportJob.Failure {
            if case .noArticles(let errors) = failure { for e in errors { Diagnostics.error(e.description) } }
            Diagnostics.error(failure.description)
            throw ExitCode(Status.failure)
        }
        for e in corpus.errors { Diagnostics.error(e.description) }
        // Only the gold of the articles read counts: a gold file may cover more articles than were given.
        let titles = Set(corpus.graph.documents.values.map(\.title))
        let scored = goldFacts.filter { titles.contains($0.document) }
        let unread = Set(goldFacts.map(\.document)).subtracting(titles)
        if !unread.isEmpty, !verbosity.quiet {
            Diagnostics.note("\(unread.count) of the gold file's documents \(unread.count == 1 ? "is" : "are") not among the articles read; \(goldFacts.count - scored.count) gold lines not scored")
        }
        let report = Evaluation.score(predicted: Evaluation.predictions(corpus.graph), gold: scored)
        if !verbosity.quiet { print(report.table(misses: misses), terminator: "") }
        if let minF1, report.overall.f1 < minF1 {
            Diagnostics.error("F1 \(report.overall.f1) is below --min-f1 \(minF1)")
            throw ExitCode(Status.partial)
        }
    }
}
