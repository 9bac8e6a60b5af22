import ArgumentParser
import ProseGraphKit

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a deterministic synthetic corpus of articles, for measuring extraction speed.",
        discussion: """
        Writes DIR/synth-000001.txt, DIR/synth-000002.txt, ... in the input \
        format (README.md, "Input format"): bilateral-relations articles with \
        titles, infoboxes, sections, "High level visits" lists and "See also" \
        links, made by recombining varied sentence patterns (every predicate \
        of the relation inventory, and non-facts such as calls and telephone \
        calls) over the gazetteer's countries, cities and organizations, with \
        generated people and companies. The same --seed gives byte-identical \
        files on every run and platform; article N does not depend on how \
        many are written. Each file is written under a temporary name and \
        renamed into place once complete (not synced to disk: the corpus is \
        throwaway input).

        Give either --articles or --size; --size writes articles until their \
        total reaches the size (KB, MB, GB are powers of 1000; KiB, MiB, GiB \
        of 1024). Progress goes to standard error every 1000 articles unless \
        --quiet.

        Examples:
          prosegraph synth --articles 50 --out /tmp/synth
          prosegraph synth --size 100MB --seed 7 --out /tmp/synth-100mb
          prosegraph synth --size 1GB --out /tmp/big --quiet

        Exit status: 0 written, 2 the directory or a file could not be written.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Number of articles to write.", valueName: "N"))
    var articles: Int?

    @Option(name: .long, help: ArgumentHelp("Write articles until their total size reaches this (1MB, 100MB, 1GB).", valueName: "SIZE"))
    var size: String?

    @Option(name: .long, help: ArgumentHelp("Seed of the generator.", valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: [.short, .long], help: ArgumentHelp("Directory to write the articles to.", valueName: "DIR"), completion: .directory)
    var out: String

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        switch (articles, size) {
        case (nil, nil): throw ValidationError("give --articles N or --size SIZE")
        case (.some, .some): throw ValidationError("--articles and --size do not go together")
        case (let n?, nil): guard n >= 1 else { throw ValidationError("--articles must be at least 1, got \(n)") }
        case (nil, let s?): guard SynthJob.parseSize(s) != nil else {
            throw ValidationError("--size must be a positive size such as 1MB, 100MB or 1GB, got '\(s)'")
        }
        }
    }

    func run() throws {
        let limit: SynthJob.Limit = articles.map { .articles($0) } ?? .bytes(SynthJob.parseSize(size!)!)
        let job = SynthJob(seed: seed, limit: limit, outputDirectory: out)
        let verbosity = verbosity
        do {
            let result = try verbosity.timed("synth") {
                try job.run { r in verbosity.note("\(r.articles) articles, \(Self.megabytes(r.bytes)) MB") }
            }
            verbosity.note("wrote \(result.articles) articles (\(Self.megabytes(result.bytes)) MB) to \(out)")
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(Status.failure)
        }
    }

    /// Bytes as megabytes with one decimal, without Foundation's formatting.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
