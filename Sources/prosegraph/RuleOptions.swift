import ArgumentParser
import ProseGraphExtraction
import ProseGraphKit

/// `--rules FILE`: user rule files added to the shipped rule set.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A YAML rule file to add to the default rules (repeatable). Format: see README, Relation rules.", valueName: "FILE"),
            completion: .file(extensions: ["yaml", "yml"]))
    var rules: [String] = []

    /// The shipped rules plus every `--rules` file; a bad file is a usage error naming it.
    func ruleSet() throws -> RuleSet {
        var set = RuleSet.standard
        for path in rules {
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(path) } catch { throw ValidationError(error.description) }
            do {
                set = set.adding(try RuleSet(yaml: String(decoding: bytes, as: UTF8.self), file: path))
            } catch {
                throw ValidationError("\(error)")
            }
        }
        return set
    }
}
