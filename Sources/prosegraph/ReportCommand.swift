import ArgumentParser
import ProseGraphKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report of an export, or of the neighbourhood of one entity: one self-contained file.",
        discussion: """
        Reads \(GraphSourceOptions.formats) and writes one HTML file that any browser opens offline: inline CSS, no script, \
        nothing fetched. It shows the entities grouped by type with counts, \
        a timeline of the dated facts (by date), and every fact with the \
        sentences that state it, the subject and object marked where the \
        sentence names them, and each sentence's source document, offsets, \
        rule and confidence. The same input gives byte-identical HTML.

        Without -o, the HTML goes to standard output. For a big export, \
        --around ENTITY reports what is at most --depth N facts (default 1) \
        away from one entity. \(GraphSourceOptions.entity)

        Examples:
          prosegraph report Output/graph.nt -o report.html
          prosegraph report Output/graph.graphml --around Belgium -o belgium.html
          prosegraph report big.nt --around 'Narendra Modi' --depth 2 -o modi.html

        Exit status: 0 written, 2 nothing written (an unreadable or invalid \
        input, an unknown or ambiguous --around, an unwritable output), 64 a \
        wrong command line.
        """
    )

    @OptionGroup var source: GraphSourceOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the HTML ('-': standard output).", valueName: "FILE"),
            completion: .file(extensions: ["html"]))
    var out: String = "-"

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let job = ReportJob(selection: try source.selection(), output: out)
        let graph = try verbosity.timed("report \(source.input)") {
            try runOrFail { () throws(ReadFailure) in try job.run() }
        }
        verbosity.detail("\(job.selection.title(of: graph)) -> \(out == "-" ? "<stdout>" : out)")
    }
}
