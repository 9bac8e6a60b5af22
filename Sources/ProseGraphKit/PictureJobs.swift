import ProseGraphFormats
import ProseGraphModel

/// Which part of an export to show: the file, how to read it, and optionally
/// the neighbourhood of one entity. What `DrawJob` and `ReportJob` share.
public struct GraphSelection: Sendable {
    /// The export: any format `RDFInput` reads (GraphML too); "-" is standard input.
    public var input: String
    /// Its format (nil: from the extension).
    public var format: InputFormat?
    /// The base IRI relative references resolve against (nil: the input file's URL).
    public var base: String?
    /// JSON-LD: local copies of remote contexts (as `RDFInput` takes them).
    public var contexts: [String] = []
    /// What one input may hold; `triples` bounds the quads read.
    public var limits = InputLimits()
    /// An entity's IRI or label: show only what is within `depth` facts of it.
    public var around: String?
    /// How many facts away from `around` to go (at least 1).
    public var depth = 1

    /// A selection of an export file, whole or around one entity.
    public init(input: String, format: InputFormat? = nil, around: String? = nil, depth: Int = 1) {
        self.input = input
        self.format = format
        self.around = around
        self.depth = depth
    }

    /// The input's name in messages.
    public var name: String { input == "-" ? "<stdin>" : input }

    /// Reads the export (at most `limits.triples` triples) into a graph, narrowed
    /// to the neighbourhood of `around` when it is set. An unknown or ambiguous
    /// `around` is an error naming the file and the candidates.
    public func load() throws(ReadFailure) -> FactGraph {
        var builder = FactGraph.Builder()
        var count = 0
        let name = self.name, limits = self.limits
        try RDFInput.stream(path: input, format: format, base: base, contexts: contexts, limits: limits) { q in
            count += 1
            guard count <= limits.triples else {
                throw ReadFailure("\(name): \(limits.exceeded(.triples, what: "the input holds more than \(limits.triples) triples"))")
            }
            builder.add(q)
        }
        let graph = builder.build()
        guard let around else { return graph }
        do {
            return graph.neighbourhood(of: try graph.node(matching: around), depth: depth)
        } catch {
            throw ReadFailure("\(name): \(error)")
        }
    }

    /// A caption for a graph read from this selection: the file, the focus, the counts.
    public func title(of graph: FactGraph) -> String {
        var t = name
        if let focus = graph.focus { t += ", around \(graph.nodes[focus.node].label) (depth \(focus.depth))" }
        let entities = graph.nodes.count(where: { $0.kind != .literal })
        return t + ": \(entities) entit\(entities == 1 ? "y" : "ies"), \(graph.facts.count) fact\(graph.facts.count == 1 ? "" : "s")"
    }
}

/// `prosegraph draw`: an export (or a neighbourhood of it) as DOT, SVG or PNG.
public struct DrawJob: Sendable {
    /// What to draw.
    public var selection: GraphSelection
    /// A file, or "-" for standard output.
    public var output: String
    /// DOT, SVG or PNG.
    public var format: PictureFormat
    /// The Graphviz layout engine.
    public var layout: GraphPicture.Layout = .dot
    /// Where `dot` comes from (default: the PATH).
    public var graphviz = Graphviz()

    /// A job that draws a selection into a file ("-": standard output) in a format.
    public init(selection: GraphSelection, output: String, format: PictureFormat) {
        self.selection = selection
        self.output = output
        self.format = format
    }

    /// Above this many nodes, Graphviz takes minutes (a 16,000-node graph did
    /// not finish in 5 minutes), and `run` says so before it starts.
    public static let largeGraph = 2_000

    /// Reads, draws and writes (a file only once it is complete); returns the graph drawn.
    /// Graphviz is looked for before the input is read, so a missing `dot` fails at once.
    /// `note` hears of a graph too large to draw quickly, before Graphviz starts on it.
    @discardableResult
    public func run(note: (String) -> Void = { _ in }) throws(ReadFailure) -> FactGraph {
        let outputName = output == "-" ? "<stdout>" : output
        if format != .dot, graphviz.program == nil { throw Graphviz.notInstalled(format, output: outputName) }
        let graph = try selection.load()
        if format != .dot, graph.nodes.count > Self.largeGraph {
            note("\(selection.name): \(graph.nodes.count) nodes and \(graph.facts.count) facts: Graphviz may take many minutes on a graph this size; "
                + "--around ENTITY draws the neighbourhood of one entity")
        }
        let dot = GraphPicture(graph, title: selection.title(of: graph), layout: layout).dot()
        try OutputFile.write(try graphviz.render(dot, as: format, for: outputName), to: output)
        return graph
    }
}

/// `prosegraph report`: an export (or a neighbourhood of it) as one self-contained HTML file.
public struct ReportJob: Sendable {
    /// What to report on.
    public var selection: GraphSelection
    /// A file, or "-" for standard output.
    public var output: String

    /// A job that reports on a selection into a file ("-": standard output).
    public init(selection: GraphSelection, output: String) {
        self.selection = selection
        self.output = output
    }

    /// Reads, renders and writes (a file only once it is complete); returns the graph reported.
    @discardableResult
    public func run() throws(ReadFailure) -> FactGraph {
        let graph = try selection.load()
        try OutputFile.write(Array(GraphReport(graph, title: selection.title(of: graph)).html().utf8), to: output)
        return graph
    }
}

/// Writes bytes to a path, atomically, or to standard output ("-").
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws(ReadFailure) {
        do {
            if path == "-" {
                try bytes.withUnsafeBytes { try StandardOutputSink().write($0) }
            } else {
                let file = try AtomicFile(path: path)
                do { try bytes.withUnsafeBytes { try file.write($0) }; try file.commit() } catch { file.discard(); throw error }
            }
        } catch let e as OutputError {
            throw ReadFailure(e.description)  // it names the file already
        } catch {
            throw ReadFailure("\(path == "-" ? "<stdout>" : path): \(error)")
        }
    }
}
