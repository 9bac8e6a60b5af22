import Foundation
import Testing

/// The README is true against the code: every `prosegraph <subcommand>` it shows in code
/// (fenced blocks and inline code) is a subcommand, and every option written after it is
/// one that subcommand's --help lists.
@Suite struct ReadmeTests {
    /// (subcommand, options) for each `prosegraph <word> ...` in the README's code.
    static func uses(_ readme: String) throws -> [(command: String, options: [String], line: String)] {
        var code: [String] = []
        let fence = try NSRegularExpression(pattern: "```[a-z]*\\n(.*?)```", options: [.dotMatchesLineSeparators])
        let whole = NSRange(readme.startIndex..., in: readme)
        for m in fence.matches(in: readme, range: whole) {
            code += readme[Range(m.range(at: 1), in: readme)!].split(separator: "\n").map(String.init)
        }
        let prose = fence.stringByReplacingMatches(in: readme, range: whole, withTemplate: "")
        let inline = try NSRegularExpression(pattern: "`([^`\\n]+)`")
        for m in inline.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)) {
            code.append(String(prose[Range(m.range(at: 1), in: prose)!]))
        }
        let command = try NSRegularExpression(pattern: "(?<![-\\w/.])prosegraph (?!-)([a-z][a-z-]*)")
        let option = try NSRegularExpression(pattern: "(?<![\\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])\\b")
        var out: [(String, [String], String)] = []
        for raw in code {
            // A shell comment is prose: "Benchmarks/compare.sh   # prosegraph vs the peers".
            let line = raw.components(separatedBy: " #").first ?? raw
            let ns = line as NSString
            for m in command.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let sub = ns.substring(with: m.range(at: 1))
                // The options up to the next pipe, redirection or command separator.
                var tail = ns.substring(from: m.range.location + m.range.length)
                if let cut = tail.firstIndex(where: { "|;&>".contains($0) }) { tail = String(tail[..<cut]) }
                let t = tail as NSString
                let options = option.matches(in: tail, range: NSRange(location: 0, length: t.length)).map { t.substring(with: $0.range(at: 1)) }
                out.append((sub, options, raw))
            }
        }
        return out
    }

    @Test func everyCommandAndOptionInTheREADMEExists() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let uses = try Self.uses(readme)
        #expect(uses.count > 40, "the README shows \(uses.count) commands")
        let top = try run(["--help"]).stdout
        let subcommands = Set(top.components(separatedBy: "SUBCOMMANDS:").last!.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return line.hasPrefix("  ") && !line.hasPrefix("   ") ? words.first.map(String.init) : nil
        })
        #expect(subcommands.isSuperset(of: ["export", "eval", "explain", "convert", "diff", "patch", "canonicalize", "validate", "synth"]))
        var help: [String: String] = [:]
        var wrong: [String] = []
        for use in uses {
            guard subcommands.contains(use.command) || use.command == "help" else {
                wrong.append("no subcommand '\(use.command)': \(use.line)")
                continue
            }
            if help[use.command] == nil { help[use.command] = try run([use.command, "--help"]).stdout }
            for o in use.options where !help[use.command]!.contains(o.hasPrefix("--") ? o + " " : o + ",") && !help[use.command]!.contains(o + "\n") {
                wrong.append("'\(use.command)' has no option \(o): \(use.line)")
            }
        }
        #expect(wrong == [])
    }
}
