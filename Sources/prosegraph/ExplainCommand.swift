import ArgumentParser
import ProseGraphExtraction
import ProseGraphKit
import ProseGraphModel
import ProseGraphText

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how extraction reads an article: the entities, titles and dates it recognizes in each sentence, and the rules that match.",
        discussion: """
        Each sentence is printed with its recognized spans in brackets, \
        [text|Type=label], followed by the rules that match it. Use it to see \
        why a fact was or was not extracted, and to write your own rules.

        Examples:
          prosegraph explain Input/belgium-syria.txt
          prosegraph explain Input/belgium-syria.txt --sentence 3
          prosegraph explain article.txt --rules my-rules.yaml
        """
    )

    @Argument(help: "An article file.", completion: .file())
    var file: String

    @Option(name: .long, help: ArgumentHelp("Only the sentence with this number (1-based).", valueName: "N"))
    var sentence: Int?

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let sentence, sentence < 1 { throw ValidationError("--sentence counts from 1, got \(sentence)") }
    }

    func run() throws {
        let limits = try self.limits.limits()
        let article: Article
        do {
            article = try ArticleReader().read(bytes: try LimitedRead.read(file, limit: .articleSize, of: limits), path: file)
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(Status.failure)
        }
        if let sentence, sentence > article.sentences.count {
            let count = article.sentences.count
            Diagnostics.error("\(file): --sentence \(sentence): the article has \(count) sentence\(count == 1 ? "" : "s")")
            throw ExitCode(Status.failure)
        }
        let pipeline = Pipeline(rules: try ruleOptions.ruleSet())
        var context: FactDate? = nil, report: FactDate? = nil
        for (i, s) in article.sentences.enumerated() {
            let text = pipeline.explain(pipeline.readingText(of: s, in: article), contextDate: &context, reportDate: &report)
            if sentence == nil || sentence == i + 1 {
                print("\(i + 1) (line \(s.span.line)): \(text)", terminator: "")
            }
        }
    }
}
