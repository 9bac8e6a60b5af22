import ArgumentParser
import ProseGraphKit

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an RDF file between RDF/XML, JSON-LD, N-Triples, N-Quads and Turtle.",
        discussion: """
        Formats come from the file extensions (.rdf .jsonld .nt .nq .ttl; also \
        .xml .owl .json .trig on input) or --from/--to; '-' is standard input \
        or output. Quads are written as they are read, in input order. A \
        rejected input exits 2 with file:line:column: message; nothing is \
        written then.

        Examples:
          prosegraph convert Output/graph.nt /tmp/graph.ttl
          prosegraph convert data.rdf - --to ntriples | sort
          cat doc.jsonld | prosegraph convert - out.nq --from jsonld --context ctx.jsonld
        """
    )

    @Argument(help: "The input file ('-' for standard input).", completion: .file())
    var input: String

    @Argument(help: "The output file ('-' for standard output).", completion: .file())
    var output: String

    @Option(name: .long, help: "Input format (default: from the extension).")
    var from: InputFormat?

    @Option(name: .long, help: "Output format (default: from the extension).")
    var to: OutputFormat?

    @OptionGroup var read: ReadOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        if from == nil, input == "-" { throw ValidationError("reading standard input needs --from") }
        if to == nil, OutputFormat.from(path: output) == nil {
            throw ValidationError("cannot tell the output format from '\(output)': use --to (\(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let limits = try self.limits.limits()
        try verbosity.timed("convert \(input) -> \(output)") {
            try runOrFail { () throws(ReadFailure) in
                try GraphJobs.convert(input: input, from: from, output: output, to: to ?? OutputFormat.from(path: output)!,
                                      base: read.base, contexts: read.context, limits: limits)
            }
        }
    }
}
