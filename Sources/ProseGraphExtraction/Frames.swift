import Yams

/// Relation frames: a predicate's trigger lexicon in its verbal and nominal
/// forms, with one argument frame (who is the agent, what is the target),
/// kept as data (`Resources/rules/frames.yaml`). Each frame compiles into the
/// patterns of an ordinary rule, one pattern family per form, so `explain`
/// shows a frame's id like any rule's and a new trigger word is one more
/// entry in a list, not a new pattern. Together with the clause layer
/// (`Clauses`), which removes modifiers, appositions and titles and shares
/// subjects across coordinated predicates, the short forms below cover the
/// long sentences they occur in.
///
/// Forms (A = the agent slot, T = the target slot, both lists):
/// - `verbs`: A verb T ("X visited Y", "X toured Y")
/// - `verbs-with: {P: [...]}`: A verb P T ("X travelled to Y", "X met with Y")
/// - `verbs-object-with: {P: [...]}`: A verb ... P T, the verb's own object between
///   ("X exports machinery to Y")
/// - `nouns` with `support` and `noun-preps`: A support (det) ... noun P T
///   ("X paid a state visit to Y", "X opened a resident embassy in Y"),
///   and, with `possessive: true`, A's ... noun P T ("X's visit to Y") and
///   noun of/by A P T ("the visit of X to Y")
/// - `passive-with: {P: [...]}`: A was verb ... P T ("X was received in Y",
///   "X was received by Y" with P = by)
/// - `passive-agent`: T was verb by A, the target the passive's subject ("Iraq was
///   recognised by Iran", "a stake in Y was acquired by X")
/// - `purpose: true`: A ... for (det)? noun P T ("X travelled to Y for talks with Z")
/// - `pair`: A and T verb ("X and Y met", "X and Y signed an agreement"); a list of three or more
///   agents gives one fact per pair ("A, B and C signed")
/// - `preposed: true`: during/on ... noun P T (date)?, A ("During a visit to Port Moresby, Albanese ...",
///   "During a visit to Paris on 6 and 7 October 2024, Tô Lâm ...")
public enum Frames {
    /// The rules of a frames file.
    public static func rules(yaml: String, file: String) throws -> [RelationRule] {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch let e as YamlError {
            throw RuleError(file: file, line: RuleSet.line(of: e), message: "not valid YAML: \(RuleSet.summary(e))")
        }
        guard let items = node?.sequence else { throw RuleError(file: file, line: 1, message: "a frames file is a YAML list of frames") }
        var out: [RelationRule] = []
        for item in items {
            let line = item.mark.map { $0.line }
            func fail(_ m: String) -> RuleError { RuleError(file: file, line: line, message: m) }
            guard let map = item.mapping else { throw fail("each frame is a mapping") }
            let known: Set<String> = ["id", "predicate", "agent", "target", "note", "verbs", "verbs-with", "nouns", "support", "noun-preps",
                                      "passive-with", "passive-support", "passive-agent", "pair", "possessive", "verbs-object-with", "preposed", "purpose", "confidence", "date", "subject-as", "object-as", "reported", "object"]
            for key in map.keys { if let k = key.string, !known.contains(k) { throw fail("unknown key '\(k)' (expected one of \(known.sorted().joined(separator: ", ")))") } }
            guard let id = map["id"]?.string, let predicate = map["predicate"]?.string,
                  let agent = map["agent"]?.string, let target = map["target"]?.string else {
                throw fail("a frame needs id, predicate, agent and target")
            }
            func words(_ n: Node?) -> [String] { n?.sequence?.compactMap(\.string) ?? [] }
            func alt(_ ws: [String]) -> String { "(" + ws.joined(separator: "|") + ")" }
            func prepMap(_ n: Node?) -> [(String, [String])] {
                guard let m = n?.mapping else { return [] }
                return m.compactMap { k, v in k.string.map { ($0, words(v)) } }.sorted { $0.0 < $1.0 }
            }
            let a = "{subject:\(agent)}", t = "{object:\(target)}"
            var patterns: [String] = []
            let verbs = words(map["verbs"])
            if !verbs.isEmpty { patterns.append("\(a)+ ~2 !\(alt(verbs)) (the)? \(t)+") }
            for (p, vs) in prepMap(map["verbs-with"]) where !vs.isEmpty {
                // A particle may come between ("travelling on to Ho Chi Minh City", "flew back to Y").
                patterns.append("\(a)+ ~2 !\(alt(vs)) (on|back|onward|onwards|home|straight|directly|over|down)? \(p) (the)? \(t)+")
                // Where from, then where to: "travelled from London to Corfu".
                if p == "to" { patterns.append("\(a)+ ~2 !\(alt(vs)) from (the)? {_:City|Country|Place} \(p) (the)? \(t)+") }
            }
            // A verb with its own object before the preposition: "X exports machinery to Y".
            for (p, vs) in prepMap(map["verbs-object-with"]) where !vs.isEmpty {
                patterns.append("\(a)+ ~2 !\(alt(vs)) ~12 \(p) (the)? \(t)+")
            }
            let nouns = words(map["nouns"]), support = words(map["support"]), preps = words(map["noun-preps"])
            if !nouns.isEmpty, !preps.isEmpty {
                if !support.isEmpty {
                    // "consulates general in A and B": "general" may follow the noun.
                    // "paid his first foreign trip as president to Abuja": "as" and a title may follow the noun;
                    // so may "of" and a title ("the first state visit of a federal president to the Netherlands").
                    patterns.append("\(a)+ ~2 !\(alt(support)) (a|an|the|his|her|its|their|two|three|several|many|first)? ~4 \(alt(nouns)) (general)? [ (as|of) (a|an|the)? {_:Title} ] \(alt(preps)) (the)? \(t)+")
                    // "held talks in Baku with Zakir Hasanov": the place between the noun and its preposition.
                    if preps.contains("with") {
                        patterns.append("\(a)+ ~2 !\(alt(support)) (a|an|the|his|her|its|their|two|three|several|many|first)? ~4 \(alt(nouns)) (in|at) (the)? {_:City|Country|Place} \(alt(preps)) (the)? \(t)+")
                    }
                }
                if map["possessive"]?.string == "true" {
                    patterns.append("{subject:\(agent)} 's ~3 !\(alt(nouns)) \(alt(preps)) (the)? \(t)+")
                    patterns.append("!\(alt(nouns)) (of|by) (the)? {subject:\(agent)} ,? \(alt(preps)) (the)? \(t)+")
                    // "during a visit to Baku by President Abdullah Gül"
                    patterns.append("!\(alt(nouns)) \(alt(preps)) (the)? \(t)+ by (the)? {subject:\(agent)}")
                }
            }
            // The noun's passive: "a state visit to Tehran was paid by King Faisal I".
            let passiveSupport = words(map["passive-support"])
            if !nouns.isEmpty, !preps.isEmpty, !passiveSupport.isEmpty {
                patterns.append("!\(alt(nouns)) \(alt(preps)) (the)? \(t)+ ~2 (was|were|is|are|been) \(alt(passiveSupport)) by (the)? {subject:\(agent)}+")
                // "a visit was paid by the President to Erbil"
                patterns.append("!\(alt(nouns)) (was|were|is|are|been) \(alt(passiveSupport)) by (the)? {subject:\(agent)}+ \(alt(preps)) (the)? \(t)+")
            }
            let passiveAgent = words(map["passive-agent"])
            if !passiveAgent.isEmpty {
                patterns.append("\(t)+ ~2 (was|were|is|are|been|being) !\(alt(passiveAgent)) ~2 by (the)? \(a)+")
            }
            for (p, vs) in prepMap(map["passive-with"]) where !vs.isEmpty {
                // No gap before the auxiliary: "X landed at Y and was received by Z" is not Y's reception
                // (the coordinated view reads "X was received by Z"; the core view drops "also").
                patterns.append("\(a)+ (was|were|is|are|been|being) !\(alt(vs)) ~5 \(p) (the)? \(t)+")
                // "X became one of the first foreign leaders to be received at the Élysée Palace": "the one" to be received
                // (the core view has dropped "first"; not "was expected to be received").
                patterns.append("\(a)+ (was|were|became|becomes) (the|one) ~5 to be !\(alt(vs)) ~5 \(p) (the)? \(t)+")
            }
            if map["preposed"]?.string == "true", !nouns.isEmpty, !preps.isEmpty {
                patterns.append("(during|on|in|at|after|following) (a|an|the|his|her|their|its)? ~3 !\(alt(nouns)) \(alt(preps)) (the)? \(t)+ [ (on|in|from|between) {_:Date} ] , (the)? \(a)+")
                // Inserted after the agent: "Ruto, on a visit to Tanzania in October 2022, met ...".
                patterns.append("\(a) , (during|on) (a|an|the|his|her|their|its)? ~3 !\(alt(nouns)) \(alt(preps)) (the)? \(t)+")
            }
            // The noun as the purpose of another verb: "X travelled to Tripoli in December 1999 for talks with Y".
            if map["purpose"]?.string == "true", !nouns.isEmpty, !preps.isEmpty {
                patterns.append("\(a)+ ~20 for (a|an|the)? ~2 !\(alt(nouns)) \(alt(preps)) (the)? \(t)+")
            }
            let pair = words(map["pair"])
            if !pair.isEmpty {
                // Only words a plural subject takes between: "X and Y is twinned" is no pair.
                patterns.append("{subject:\(agent)} and (the)? {object:\(target)} (are|were|have|had|both|also|jointly|then|later|formally|officially|first|finally)? (been|also|both|jointly)? !\(alt(pair))")
                // Three or more named: "A, Georgian President B and C signed": one fact per pair ("held" alone, as in
                // "held a joint press conference", is no meeting).
                let named = agent.split(separator: "|").filter { !$0.hasPrefix("Group") && $0 != "Pronoun" }.joined(separator: "|")
                let listVerbs = pair.filter { $0 != "held" && $0 != "hold" }
                if !named.isEmpty, !listVerbs.isEmpty { patterns.append("{pair:\(named)}+ ~2 !\(alt(listVerbs))") }
            }
            guard !patterns.isEmpty else { throw fail("frame '\(id)' has no trigger words") }
            var rule = "- id: \(id)\n  predicate: \(predicate)\n  patterns:\n"
            for p in patterns { rule += "    - \"\(p)\"\n" }
            for key in ["confidence", "date", "subject-as", "object-as", "reported", "object"] {
                if let v = map[key]?.string { rule += "  \(key): \(v)\n" }
            }
            do { out += try RuleSet(yaml: rule, file: file).rules } catch let e as RuleError {
                throw RuleError(file: file, line: line, message: "frame '\(id)': \(e.message)")
            }
        }
        return out
    }
}
