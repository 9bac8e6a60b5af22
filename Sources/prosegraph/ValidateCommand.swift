import ArgumentParser
import ProseGraphKit

extension ReportStyle: ExpressibleByArgument {}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check exports against their schemas: GraphML with XSD and graph checks, RDF with SHACL.",
        discussion: """
        GraphML: XML Schema validation (libxml2) against prosegraph's GraphML \
        schema (built in: a copy of Schemas/graphml/prosegraph-graphml.xsd; \
        --schemas DIR uses DIR/graphml/prosegraph-graphml.xsd), with line and \
        column, then the \
        checks XSD cannot express: every edge endpoint is a node, every data \
        element refers to a declared key of the right domain, values parse as \
        their attr.type, and prosegraph's profile (dates, offsets, the data \
        every node and edge carries).
        RDF/XML, JSON-LD, Turtle, N-Triples: syntax errors with line and \
        column, then SHACL Core validation against prosegraph's shapes (built \
        in: a copy of Schemas/shapes.ttl; --schemas DIR uses DIR/shapes.ttl), \
        or the shapes in --shapes FILE (which may be the data file itself).

        Reports: readable text grouped by focus node, with the entity's label \
        and, where the input has them, line numbers; --report json; --report \
        turtle for a standard sh:ValidationReport. Nothing is fetched from the \
        network.

        Examples:
          prosegraph validate Output/graph.graphml Output/graph.ttl
          prosegraph validate Output/graph.jsonld --report json
          prosegraph validate data.ttl --shapes data.ttl --report turtle

        A file that cannot be validated (unreadable, a syntax error, over a \
        --limit) is an error on standard error, `prosegraph: file:line:column: \
        message`; with --report json its report says so too.

        Exit status: 0 every file conforms, 1 a file does not, 2 a file could \
        not be validated (unreadable, a syntax error, a bad schema or shapes file).
        """
    )

    @Argument(help: "Files to validate.", completion: .file())
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Use the schemas in this directory (graphml/prosegraph-graphml.xsd, shapes.ttl) instead of the built-in copies of the repository's Schemas/.", valueName: "DIR"),
            completion: .directory)
    var schemas: String?

    @Option(name: .long, help: ArgumentHelp("Validate RDF against the SHACL shapes in this file instead.", valueName: "FILE"),
            completion: .file())
    var shapes: String?

    @Option(name: .long, help: "Input format (default: from each file's extension).")
    var from: InputFormat?

    @Option(name: .long, help: "Report: text (default), json or turtle.")
    var report: ReportStyle = .text

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let limits = try self.limits.limits()
        var status: Int32 = Status.ok
        for file in files {
            do {
                let outcome = try verbosity.timed("validate \(file)") {
                    try ValidateJob.run(file: file, format: from, schemasDirectory: schemas, shapes: shapes, limits: limits)
                }
                if let syntax = outcome.syntaxError {
                    // Not validated: an error like any other (the JSON report still says so for programs).
                    Diagnostics.error(syntax)
                    if report == .json, !verbosity.quiet { print(try outcome.render(.json), terminator: "") }
                } else if !verbosity.quiet {
                    print(try outcome.render(report), terminator: "")
                }
                status = max(status, outcome.exitStatus)
            } catch {
                Diagnostics.error("\(error)")
                status = Status.failure
            }
        }
        if status != Status.ok { throw ExitCode(status) }
    }
}
