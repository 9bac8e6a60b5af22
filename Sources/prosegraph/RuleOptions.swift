import ArgumentParser
import ProseGraphExtraction
import ProseGraphKit

/// `--rules FILE`: user rule files added to the shipped rule set.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A YAML rule file to add to the default rules (repeatable). Format: Sources/ProseGraphExtraction/Resources/rules/README.md (see README.md, section --rules FILE).", valueName: "FILE"),
            completion: .file(extensions: ["yaml", "yml"]))
    var rules: [String] = []

    /// The shipped rules plus every `--rules` file. A bad file is a usage
    /// error (exit 64), reported like every other bad input:
    /// `prosegraph: file:line: message`.
    func ruleSet() throws -> RuleSet {
        var set = RuleSet.standard
        for path in rules {
            do {
                let bytes = try FileSystem.read(path)
                set = set.adding(try RuleSet(bytes: bytes, file: path))
            } catch {
                Diagnostics.error("\(error)")
                throw ExitCode(ExitCode.validationFailure.rawValue)
            }
        }
        return set
    }
}
