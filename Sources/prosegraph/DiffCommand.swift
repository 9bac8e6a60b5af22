import ArgumentParser
import ProseGraphKit
import ProseGraphModel
#if canImport(Glibc)
import Glibc
#endif

struct DiffCommand: ParsableCommand {
    enum Style: String, ExpressibleByArgument, CaseIterable { case text, json, patch, sparql }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two exports, in any formats.",
        discussion: """
        Compares the two files as RDF graphs (blank nodes canonicalized with \
        RDFC-1.0), so old.rdf against new.jsonld is fine. Two GraphML files \
        are compared as property graphs instead (node ids, edge endpoints and \
        data; GraphML from any tool), and the report says so. The text report \
        groups changes for people: entities added and removed (by type and \
        label), facts added and removed (subject predicate object), and \
        qualifier changes of facts present in both (a date changed, a new \
        source), then totals. --format json is for programs; --format patch \
        prints an RDF Patch that `prosegraph patch OLD PATCH` applies to OLD \
        to give NEW; --format sparql prints SPARQL 1.1 Update (DELETE DATA, \
        INSERT DATA) that turns a store holding OLD into one holding NEW, \
        into the named graph --graph IRI when the export was loaded there.

        Examples:
          prosegraph diff last-night/graph.nt Output/graph.nt
          prosegraph diff old.rdf new.jsonld --format json
          prosegraph diff old.nt new.nt --format patch > changes.rdfp
          prosegraph diff old.nt new.nt --format sparql --graph https://example.org/g > update.ru

        Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble.
        """
    )

    @Argument(help: "The old file.", completion: .file())
    var old: String

    @Argument(help: "The new file.", completion: .file())
    var new: String

    @Option(name: .long, help: "Output: text (default), json, patch (RDF Patch) or sparql (SPARQL 1.1 Update).")
    var format: Style = .text

    @Option(name: .long, help: ArgumentHelp("--format sparql: the named graph the store holds OLD in (default: the default graph).", valueName: "IRI"))
    var graph: String?

    func validate() throws {
        if graph != nil, format != .sparql { throw ValidationError("--graph goes with --format sparql") }
        try validateGraphIRI(graph)
    }

    @Flag(name: .long, help: "No colour, even on a terminal.")
    var noColor = false

    @Option(name: .long, help: "Format of OLD (default: from the extension).")
    var fromOld: InputFormat?

    @Option(name: .long, help: "Format of NEW (default: from the extension).")
    var fromNew: InputFormat?

    @OptionGroup var read: ReadOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let limits = try self.limits.limits()
        if (fromOld ?? InputFormat.from(path: old)) == .graphml, (fromNew ?? InputFormat.from(path: new)) == .graphml {
            let d = try verbosity.timed("diff") {
                try runOrFail { () throws(ReadFailure) in try GraphJobs.diffPropertyGraphs(old: old, new: new, limits: limits) }
            }
            if verbosity.quiet {
                if !d.isEmpty { throw ExitCode(Status.partial) }
                return
            }
            switch format {
            case .text: print(d.text(color: !noColor && isatty(1) == 1), terminator: "")
            case .json: print(d.json(), terminator: "")
            case .patch, .sparql:
                Diagnostics.error("--format \(format.rawValue) is for RDF: GraphML files are compared as property graphs")
                throw ExitCode(Status.failure)
            }
            if !d.isEmpty { throw ExitCode(Status.partial) }
            return
        }
        let outcome = try verbosity.timed("diff") {
            try runOrFail { () throws(ReadFailure) in
                try GraphJobs.diff(old: old, new: new, oldFormat: fromOld, newFormat: fromNew, base: read.base, contexts: read.context, limits: limits,
                                   states: format == .patch)
            }
        }
        verbosity.detail("\(old): \(outcome.oldCount) triples; \(new): \(outcome.newCount) triples")
        if verbosity.quiet {
            if !outcome.report.diff.isEmpty { throw ExitCode(Status.partial) }
            return
        }
        switch format {
        case .text:
            let color = !noColor && isatty(1) == 1
            print(outcome.report.text(oldName: old, newName: new, oldCount: outcome.oldCount, newCount: outcome.newCount, color: color), terminator: "")
        case .json:
            print(outcome.report.json(), terminator: "")
        case .patch:
            print(outcome.report.diff.patch(id: outcome.newState, prev: outcome.oldState), terminator: "")
        case .sparql:
            do { print(try outcome.report.diff.sparqlUpdate(graph: graph.map { IRI($0) }), terminator: "") } catch {
                Diagnostics.error("\(new): \(error)")
                throw ExitCode(Status.failure)
            }
        }
        if !outcome.report.diff.isEmpty { throw ExitCode(Status.partial) }
    }
}
