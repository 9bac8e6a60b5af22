import ArgumentParser
import ProseGraphFormats
import ProseGraphKit

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an RDF file between RDF/XML, JSON-LD, N-Triples, N-Quads and Turtle.",
        discussion: """
        Formats come from the file extensions (.rdf .jsonld .nt .nq .ttl; also \
        .xml .owl .json .trig on input) or --from/--to; '-' is standard input \
        or output. Quads are written as they are read, in input order (JSON-LD: \
        grouped by graph and subject). A \
        rejected input exits 2 with file:line:column: message; nothing is \
        written then. A term the output format cannot carry (a named graph in \
        Turtle, a triple term in JSON-LD) is an error naming it.

        JSON-LD output holds named graphs and base directions. Its context is \
        the first --context FILE when one is given (the output must read \
        back as the input, else it is an error), none with --expanded, \
        prosegraph's own for a prosegraph export, else a context of the input's \
        prefixes (Turtle, TriG, RDF/XML and a JSON-LD document's own context \
        declare them).

        Examples:
          prosegraph convert Output/graph.nt /tmp/graph.ttl
          prosegraph convert data.rdf - --to ntriples | sort
          cat doc.jsonld | prosegraph convert - out.nq --from jsonld --context ctx.jsonld
          prosegraph convert data.trig data.jsonld --expanded
          prosegraph convert data.nq data.jsonld --context my-context.jsonld
          prosegraph convert data.nq - --to jsonld --use-native-types --rdf-direction i18n-datatype
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

    @Flag(name: .long, help: "JSON-LD output: expanded form, with no context (every IRI in full).")
    var expanded = false

    @Flag(name: .long, help: ArgumentHelp("JSON-LD output: xsd:boolean, xsd:integer and xsd:double literals as JSON true/false and numbers (fromRdf useNativeTypes).",
                                          discussion: "Lossy by design: \"1\"^^xsd:boolean reads back as \"true\", \"1.0E0\"^^xsd:double as 1 (an xsd:integer)."))
    var useNativeTypes = false

    @Flag(name: .long, help: "JSON-LD output: rdf:type as a property like any other, not @type (fromRdf useRdfType).")
    var useRdfType = false

    @Option(name: .long, help: ArgumentHelp("JSON-LD output: directional strings encoded in the input, written as @direction (fromRdf rdfDirection): i18n-datatype (\"x\"^^<https://www.w3.org/ns/i18n#en_rtl>) or compound-literal (a blank node with rdf:value, rdf:language, rdf:direction).",
                                            valueName: "MODE"))
    var rdfDirection: JSONLDWriter.RDFDirection?

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        if from == nil, input == "-" { throw ValidationError("reading standard input needs --from") }
        if to == nil, OutputFormat.from(path: output) == nil {
            throw ValidationError("cannot tell the output format from '\(output)': use --to (\(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let jsonldOnly = [(expanded, "--expanded"), (useNativeTypes, "--use-native-types"), (useRdfType, "--use-rdf-type"),
                          (rdfDirection != nil, "--rdf-direction")].filter(\.0).map(\.1)
        if let option = jsonldOnly.first, (to ?? OutputFormat.from(path: output)) != .jsonld {
            throw ValidationError("\(option) applies to JSON-LD output only")
        }
    }

    func run() throws {
        let limits = try self.limits.limits()
        try verbosity.timed("convert \(input) -> \(output)") {
            try runOrFail { () throws(ReadFailure) in
                try GraphJobs.convert(input: input, from: from, output: output, to: to ?? OutputFormat.from(path: output)!,
                                      base: read.base, contexts: read.context, limits: limits,
                                      jsonld: JSONLDOutput(expanded: expanded, contextFile: expanded ? nil : read.context.first,
                                                           options: .init(useNativeTypes: useNativeTypes, useRdfType: useRdfType,
                                                                          rdfDirection: rdfDirection)))
            }
        }
    }
}
