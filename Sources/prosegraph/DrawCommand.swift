import ArgumentParser
import ProseGraphKit
#if canImport(Glibc)
import Glibc
#endif

extension PictureFormat: ExpressibleByArgument {}
extension GraphPicture.Layout: ExpressibleByArgument {}

struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Draw an export, or the neighbourhood of one entity, as a picture (Graphviz DOT, SVG or PNG).",
        discussion: """
        Reads \(GraphSourceOptions.formats) and draws its entities and facts: one node per entity, shaped and coloured by \
        type (Country: rounded box, City: house, Place: hexagon, Person: \
        ellipse, Organization: component, a value such as a position title: \
        note), labelled with its label; one arrow per fact, labelled with the \
        predicate and the dates it was stated for. A legend shows the types. \
        The same input gives byte-identical DOT.

        Without -o, DOT goes to standard output. With -o FILE the format \
        comes from the extension (.dot or .gv, .svg, .png) unless --format \
        says it. SVG and PNG are drawn by Graphviz's dot program, which must \
        be on the PATH (apt-get install graphviz, or brew install graphviz); \
        without it, write DOT and draw it where Graphviz is.

        A whole export of thousands of entities is too large to read as one \
        picture: --around ENTITY draws what is at most --depth N facts \
        (default 1) away from one entity. \(GraphSourceOptions.entity) A \
        value such as 'Prime Minister' is reached but not gone through.

        Examples:
          prosegraph draw Output/graph.nt -o graph.svg
          prosegraph draw Output/graph.ttl --around Belgium -o belgium.png
          prosegraph draw Output/graph.rdf --around 'mahmoud abbas' --depth 2 -o ma.svg
          prosegraph draw Output/graph.nt --around https://prosegraph.org/id/city/doha
          prosegraph draw Output/graph.graphml --around Syria | dot -Tpdf -o syria.pdf
          prosegraph draw big.nt --around Kenya --layout sfdp -o kenya.svg

        Exit status: 0 drawn, 2 nothing written (an unreadable or invalid \
        input, an unknown or ambiguous --around, dot missing or failing, an \
        unwritable output), 64 a wrong command line.
        """
    )

    @OptionGroup var source: GraphSourceOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the picture ('-': standard output).", valueName: "FILE"),
            completion: .file(extensions: ["svg", "png", "dot", "gv"]))
    var out: String = "-"

    @Option(name: .long, help: ArgumentHelp("Picture format (default: from FILE's extension; DOT on standard output).", valueName: "FORMAT"))
    var format: PictureFormat?

    @Option(name: .long, help: ArgumentHelp("Graphviz layout engine: dot draws facts left to right; sfdp, fdp and neato spread a large graph out; circo and twopi draw circles.", valueName: "LAYOUT"))
    var layout: GraphPicture.Layout = .dot

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        if format == nil, out != "-", PictureFormat.from(path: out) == nil {
            throw ValidationError("cannot tell the picture format from '\(out)': name it .dot, .gv, .svg or .png, or use --format (dot, svg, png)")
        }
        if pictureFormat == .png, out == "-", isatty(1) == 1 {
            throw ValidationError("PNG is not for a terminal: write it to a file (-o FILE.png) or pipe it")
        }
    }

    /// --format, else the extension of -o, else DOT (standard output).
    var pictureFormat: PictureFormat { format ?? PictureFormat.from(path: out) ?? .dot }

    func run() throws {
        let verbosity = self.verbosity
        var job = DrawJob(selection: try source.selection(), output: out, format: pictureFormat)
        job.layout = layout
        let graph = try verbosity.timed("draw \(source.input)") {
            try runOrFail { () throws(ReadFailure) in try job.run(note: { verbosity.note("prosegraph: note: " + $0) }) }
        }
        verbosity.detail("\(job.selection.title(of: graph)) -> \(out == "-" ? "<stdout>" : out) (\(pictureFormat.displayName))")
    }
}
