import ArgumentParser
import ProseGraphKit

struct PatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patch",
        abstract: "Apply an RDF Patch (as `prosegraph diff --format patch` writes) to a file.",
        discussion: """
        Reads OLD in any format, applies the patch's D (delete) and A (add) \
        lines, and writes the result (default: N-Quads to standard output).

        Examples:
          prosegraph diff old.nt new.nt --format patch > changes.rdfp
          prosegraph patch old.nt changes.rdfp -o rebuilt.nt
        """
    )

    @Argument(help: "The file to patch.", completion: .file())
    var old: String

    @Argument(help: "The RDF Patch.", completion: .file())
    var patch: String

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the result ('-': standard output).", valueName: "OUT"))
    var out: String = "-"

    @Option(name: .long, help: "Format of OLD (default: from the extension).")
    var from: InputFormat?

    @Option(name: .long, help: "Output format (default: from OUT's extension; N-Quads for standard output).")
    var to: OutputFormat?

    @OptionGroup var read: ReadOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let limits = try self.limits.limits()
        let quads = try verbosity.timed("patch \(old)") {
            try runOrFail { () throws(ReadFailure) in
                try GraphJobs.patch(old: old, oldFormat: from, patch: patch, base: read.base, contexts: read.context, limits: limits)
            }
        }
        verbosity.detail("\(quads.count) quads after the patch")
        let format = to ?? OutputFormat.from(path: out) ?? .nquads
        try runOrFail { () throws(ReadFailure) in try GraphJobs.write(quads, as: format, to: out) }
    }
}
