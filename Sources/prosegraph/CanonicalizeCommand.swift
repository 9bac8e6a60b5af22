import ArgumentParser
import ProseGraphKit

struct CanonicalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Print the canonical N-Quads (RDFC-1.0) of an RDF file.",
        discussion: """
        Two files that differ only in blank node labels, triple order or syntax \
        give the same output, so `cmp` or `diff` on canonical N-Quads compares \
        graphs.

        Examples:
          prosegraph canonicalize Output/graph.jsonld | sha256sum
          prosegraph canonicalize a.ttl > a.nq && prosegraph canonicalize b.rdf > b.nq && cmp a.nq b.nq
        """
    )

    @Argument(help: "The input file ('-' for standard input, with --from).", completion: .file())
    var input: String

    @Option(name: .long, help: "Input format (default: from the extension).")
    var from: InputFormat?

    @OptionGroup var read: ReadOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let limits = try self.limits.limits()
        let text = try verbosity.timed("canonicalize \(input)") {
            try runOrFail { () throws(ReadFailure) in
                try GraphJobs.canonicalize(path: input, format: from, base: read.base, contexts: read.context, limits: limits)
            }
        }
        print(text, terminator: "")
    }
}
