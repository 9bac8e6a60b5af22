import ArgumentParser
import Foundation
import ProseGraphKit

struct PushCommand: AsyncParsableCommand {
    enum Mode: String, EnumerableFlag {
        case replace, add

        static func help(for value: Mode) -> ArgumentHelp? {
            switch value {
            case .replace: return "The graph holds exactly the export afterwards (HTTP PUT; the default)."
            case .add: return "Add the export to what the graph holds (HTTP POST)."
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send an export to a triple store (SPARQL 1.1 Graph Store HTTP Protocol), or only what changed since an older export (SPARQL 1.1 Update).",
        discussion: """
        URL is the store's Graph Store endpoint (Oxigraph: http://HOST:7878/store; \
        Virtuoso: http://HOST:8890/sparql-graph-crud-auth; Fuseki: http://HOST:3030/DATASET/data). \
        The export goes into the named graph --graph IRI (?graph=IRI), else into \
        the default graph (?default); N-Quads and TriG go to the store's dataset. \
        The media type follows the export's format (application/n-triples, \
        text/turtle, application/rdf+xml, application/ld+json, application/n-quads). \
        N-Triples and N-Quads are sent in batches of --batch lines (with --replace \
        the first batch is a PUT, the others POSTs), with progress on stderr; \
        other formats go in one request.

        With --since OLD, only the difference from OLD to EXPORT is sent, as SPARQL \
        1.1 Update (DELETE DATA, then INSERT DATA, --batch triples a request) to \
        --update-url, by default the update endpoint beside URL (Oxigraph /store -> \
        /update, Virtuoso /sparql-graph-crud-auth -> /sparql-auth, Fuseki /data -> /update).

        Credentials, for a store that asks (HTTP 401; Basic or Digest, as it asks): \
        --netrc FILE, else PROSEGRAPH_USER and PROSEGRAPH_PASSWORD from the \
        environment, else ~/.netrc, its entry for URL's host.

        Examples:
          prosegraph push Output/graph.nt --to http://127.0.0.1:7878/store
          prosegraph push Output/graph.ttl --to http://127.0.0.1:7878/store \\
            --graph https://example.org/exports --add
          export PROSEGRAPH_USER=dba PROSEGRAPH_PASSWORD=dba
          prosegraph push Output/graph.nt \\
            --to http://127.0.0.1:8890/sparql-graph-crud-auth \\
            --graph https://example.org/exports
          prosegraph push today/graph.nt --since yesterday/graph.nt \\
            --to http://127.0.0.1:7878/store --batch 5000

        Exit status: 0 sent, 1 a request failed after earlier ones had changed the \
        store (it holds part of the export or delta), 2 nothing was stored (an \
        unreadable export, an HTTP error, no connection), 64 a wrong command line.
        """
    )

    @Argument(help: "The export to send (N-Triples, N-Quads, Turtle, TriG, RDF/XML or JSON-LD).", completion: .file())
    var export: String

    @Option(name: .long, help: ArgumentHelp("The store's Graph Store HTTP Protocol endpoint.", valueName: "URL"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("The named graph to write (default: the default graph).", valueName: "IRI"))
    var graph: String?

    @Flag(help: "Replace the graph (default) or add to it.")
    var mode: Mode?

    @Option(name: .long, help: ArgumentHelp("Send only what changed since OLD, an earlier export the store holds, as SPARQL Update.", valueName: "OLD"),
            completion: .file())
    var since: String?

    @Option(name: .customLong("update-url"), help: ArgumentHelp("--since: the store's SPARQL Update endpoint (default: beside URL, see above).", valueName: "URL"))
    var updateURL: String?

    @Option(name: .long, help: ArgumentHelp("Statements a request: N-Triples/N-Quads lines (default \(PushJob.defaultBatch)), or triples an update with --since (default \(PushJob.defaultUpdateBatch)).", valueName: "N"))
    var batch: Int?

    @Option(name: .long, help: ArgumentHelp("Read credentials from this netrc file (its entry for URL's host).", valueName: "FILE"), completion: .file())
    var netrc: String?

    @Option(name: .long, help: "Format of EXPORT (default: from the extension).")
    var from: InputFormat?

    @OptionGroup var read: ReadOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        for (name, url) in [("--to", to), ("--update-url", updateURL)] {
            if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
                throw ValidationError("\(name) must be an http:// or https:// URL, got '\(url)'")
            }
        }
        try validateGraphIRI(graph)
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1, got \(batch)") }
        if since == nil, updateURL != nil { throw ValidationError("--update-url goes with --since") }
        if since != nil, let mode { throw ValidationError("--\(mode.rawValue) goes with a whole export, not with --since (a delta changes only what changed)") }
        if since != nil, updateURL == nil, GraphStoreURL.updateURL(forGraphStore: to) == nil {
            throw ValidationError("--since needs --update-url: the update endpoint beside '\(to)' is not known")
        }
    }

    func run() async throws {
        let credentials: Credentials?
        do {
            credentials = try CredentialLookup.resolve(host: GraphStoreURL.host(to), environment: ProcessInfo.processInfo.environment,
                                                       netrc: netrc, home: ProcessInfo.processInfo.environment["HOME"])
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(Status.failure)
        }
        let client = StoreClient(credentials: credentials)
        let quiet = verbosity.quiet
        let progress: @Sendable (String) -> Void = { if !quiet { Diagnostics.note($0) } }
        let start = Date()
        do {
            if let since {
                let url = updateURL ?? GraphStoreURL.updateURL(forGraphStore: to)!
                let s = try await PushJob.pushDelta(new: export, old: since, newFormat: from, oldFormat: nil, base: read.base, contexts: read.context,
                                                    limits: try limits.limits(), updateURL: url, graph: graph,
                                                    batch: batch ?? PushJob.defaultUpdateBatch, client: client, progress: progress)
                if s.removed + s.added == 0 {
                    verbosity.note("\(export): no differences from \(since): nothing sent")
                } else {
                    verbosity.note("\(export): \(s.removed) triples removed, \(s.added) added through \(s.url) (\(s.requests) \(s.requests == 1 ? "request" : "requests"))")
                }
            } else {
                let s = try await PushJob.push(path: export, format: from, endpoint: to, graph: graph, replace: (mode ?? .replace) == .replace,
                                               batch: batch ?? PushJob.defaultBatch, client: client, progress: progress)
                let what = s.statements.map { "\($0) statements" } ?? "\(s.bytes) bytes"
                let how = (mode ?? .replace) == .replace ? "replaced" : "added"
                verbosity.note("\(export): \(what) sent to \(s.url) (\(how); \(s.requests) \(s.requests == 1 ? "request" : "requests"))")
            }
        } catch let failure as PushJob.Failure {
            Diagnostics.error(failure.description)
            throw ExitCode(failure.stored ? Status.partial : Status.failure)
        }
        verbosity.detail(String(format: "push: %.2f s", Date().timeIntervalSince(start)))
    }
}
