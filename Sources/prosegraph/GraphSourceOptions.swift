import ArgumentParser
import ProseGraphKit

/// What `draw` and `report` read: the export, how to read it, and
/// `--around ENTITY --depth N`.
struct GraphSourceOptions: ParsableArguments {
    /// For the commands' discussions: what they read, and how ENTITY is matched.
    static let formats = "an export in any format prosegraph reads (RDF/XML, JSON-LD, N-Triples, N-Quads, Turtle, TriG, or prosegraph's GraphML)"
    static let entity = "ENTITY is an IRI or a label, matched exactly, else in any case; an unknown or ambiguous one is an error that names the candidates."

    @Argument(help: "The export ('-' for standard input, with --from).", completion: .file())
    var input: String

    @Option(name: .long, help: "Input format (default: from the extension).")
    var from: InputFormat?

    @Option(name: .long, help: ArgumentHelp("Show only the neighbourhood of this entity: its IRI, or its label (exact, else in any case).", valueName: "ENTITY"))
    var around: String?

    @Option(name: .long, help: ArgumentHelp("With --around: how many facts away from the entity to go (default 1).", valueName: "N"))
    var depth: Int?

    @OptionGroup var read: ReadOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if from == nil, input == "-" { throw ValidationError("reading standard input needs --from") }
        guard let depth else { return }
        guard around != nil else { throw ValidationError("--depth goes with --around ENTITY") }
        guard depth >= 1 else { throw ValidationError("--depth must be at least 1, got \(depth)") }
    }

    /// What to read and show.
    func selection() throws -> GraphSelection {
        var selection = GraphSelection(input: input, format: from, around: around, depth: depth ?? 1)
        selection.base = read.base
        selection.contexts = read.context
        selection.limits = try limits.limits()
        return selection
    }
}
