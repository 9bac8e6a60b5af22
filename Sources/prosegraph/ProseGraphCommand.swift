import ArgumentParser

@main
struct ProseGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prosegraph",
        abstract: "Turn prose articles into a knowledge graph, and export it as RDF and GraphML.",
        discussion: """
        prosegraph reads articles (see README.md, "Input format"), extracts \
        entity-relation facts with their dates and source sentences, and writes \
        the graph in standard formats.

        Start with:
          prosegraph export                                  read Input/, write Output/
          prosegraph draw Output/graph.nt -o graph.svg       a picture of the graph
          prosegraph report Output/graph.nt -o report.html   an HTML report of it
          prosegraph help export                             every option of a command
        """,
        version: "0.1.0",
        subcommands: [ExportCommand.self, EvalCommand.self, ExplainCommand.self, ConvertCommand.self, DiffCommand.self, PatchCommand.self, PushCommand.self, CanonicalizeCommand.self, ValidateCommand.self, SynthCommand.self, FragmentCommand.self, DrawCommand.self, ReportCommand.self]
    )
}
