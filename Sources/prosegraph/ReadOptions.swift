import ArgumentParser
import ProseGraphKit
import ProseGraphFormats

extension InputFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Options every command that reads RDF files shares.
struct ReadOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Base IRI relative references resolve against (default: the input file's URL).", valueName: "IRI"))
    var base: String?

    @Option(name: .long, help: ArgumentHelp("JSON-LD: a local copy of a remote @context, served for any URL ending in its file name (repeatable). Remote contexts are never fetched.", valueName: "FILE"),
            completion: .file(extensions: ["jsonld", "json"]))
    var context: [String] = []
}

/// Runs a job, turning a read failure into `prosegraph: message` and exit 2.
func runOrFail<T>(_ body: () throws(ReadFailure) -> T) throws -> T {
    do { return try body() } catch {
        Diagnostics.error(error.description)
        throw ExitCode(Status.failure)
    }
}

extension JSONLDWriter.RDFDirection: ExpressibleByArgument {}

/// `--graph IRI` (diff, push): an absolute IRI that N-Triples can write.
func validateGraphIRI(_ graph: String?) throws {
    if let graph, !(graph.contains(":") && !graph.contains(" ") && !graph.contains(">") && !graph.contains("<")) {
        throw ValidationError("--graph must be an absolute IRI, got '\(graph)'")
    }
}
