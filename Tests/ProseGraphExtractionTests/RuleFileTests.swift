import Testing
import ProseGraphExtraction
import ProseGraphModel
import ProseGraphText

@Suite("Rule files") struct RuleFileTests {
    /// The error RuleSet(yaml:file:) throws for `yaml`, if any.
    private func error(_ yaml: String) -> RuleError? {
        do {
            _ = try RuleSet(yaml: yaml, file: "my-rules.yaml")
            return nil
        } catch let e as RuleError {
            return e
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func aFileThatIsNotAList() {
        let e = error("id: a\npredicate: visited\n")
        #expect(e?.message == "a rule file is a YAML list of rules")
        #expect(e?.description == "my-rules.yaml:1: a rule file is a YAML list of rules")
    }

    @Test func anUnknownKey() {
        let e = error("""
        - id: a
          predicat: visited
          patterns: ["{subject:Person} visited {object:City}"]
        """)
        #expect(e?.message == "unknown key 'predicat' (expected one of confidence, date, id, keys, note, object, object-as, patterns, predicate, reported, scope, subject, subject-as)")
        #expect(e?.line == 1)
    }

    @Test func aMissingID() {
        let e = error("""
        - predicate: visited
          patterns: ["{subject:Person} visited {object:City}"]
        """)
        #expect(e?.message == "a rule needs an 'id'")
    }

    @Test func aDuplicateID() {
        let e = error("""
        - id: a
          predicate: visited
          patterns: ["{subject:Person} visited {object:City}"]
        - id: a
          predicate: toured
          patterns: ["{subject:Person} toured {object:City}"]
        """)
        #expect(e?.message == "rule id 'a' is used twice")
        #expect(e?.description == "my-rules.yaml:4: rule id 'a' is used twice")
    }

    @Test func anUnknownSlotType() {
        let e = error("""
        - id: a
          predicate: visited
          patterns:
            - "{subject:Person} visited {object:Town}"
        """)
        #expect(e?.message == #"rule 'a': unknown slot type 'Town' (types: Country, Demonym, City, Place, Person, Organization, Title, Name, Pronoun, Group, Date) in pattern "{subject:Person} visited {object:Town}""#)
        #expect(e?.line == 4)
    }

    @Test func alternativesWithSpaces() {
        let e = error("""
        - id: a
          predicate: visited
          patterns:
            - "{subject:Person} (paid a|made a) visit to {object:Country}"
        """)
        #expect(e?.message == #"rule 'a': '(paid': alternatives are written (a|b) without spaces; write multi-word alternatives as separate patterns in pattern "{subject:Person} (paid a|made a) visit to {object:Country}""#)
    }

    @Test func anUnbalancedOptionalGroup() {
        let e = error("""
        - id: a
          predicate: visited
          patterns:
            - "{subject:Person} visited [ the {object:Country}"
        """)
        #expect(e?.message == #"rule 'a': '[' without ']' in pattern "{subject:Person} visited [ the {object:Country}""#)
    }

    @Test func aPatternWithoutAnObjectSlot() {
        let e = error("""
        - id: a
          predicate: visited
          patterns:
            - "{subject:Person} visited Paris"
        """)
        #expect(e?.message == #"rule 'a': pattern "{subject:Person} visited Paris" needs a {subject:...} and an {object:...} slot, or a {pair:...} slot"#)
    }

    @Test func aPatternWithoutASubjectSlot() {
        let e = error("""
        - id: a
          predicate: visited
          patterns:
            - "visited {object:City}"
        """)
        #expect(e?.message == #"rule 'a': pattern "visited {object:City}" needs a {subject:...} and an {object:...} slot, or a {pair:...} slot"#)
    }

    @Test func aBadDateMode() {
        let e = error("""
        - id: a
          predicate: visited
          patterns: ["{subject:Person} visited {object:City}"]
          date: weekly
        """)
        #expect(e?.message == "rule 'a': date is 'sentence' or 'none'")
    }

    @Test func theStandardRulesLoad() {
        #expect(RuleSet.standard.rules.count > 20)
        #expect(error("- id: a\n  predicate: visited\n  patterns: [\"{subject:Person} visited {object:City}\"]\n") == nil)
    }

    @Test func aUserRuleAddsANewPredicate() throws {
        let custom = try RuleSet(yaml: """
        - id: city.hosted
          predicate: hosted
          note: 'Nairobi hosted the United Nations Climate Change Conference'
          patterns:
            - "{subject:City} hosted (the)? {object:Organization}"
        """, file: "hosted.yaml")
        let text = "= Kenya–United Nations relations =\n\nIn 2006, Nairobi hosted the United Nations Climate Change Conference.\n"
        let article = try ArticleReader().read(bytes: Array(text.utf8), path: "test.txt")

        func hosted(_ p: Pipeline) -> [String] {
            let graph = p.extract(article, documentID: "test")
            return graph.sortedFacts.filter { $0.predicate == "hosted" }.map { f in
                guard case .entity(let o) = f.object else { return "literal" }
                let dates = f.mentions.compactMap { $0.date?.description }.joined(separator: ",")
                return "\(graph.entities[f.subject]!.label) hosted \(graph.entities[o]!.label) \(dates)"
            }
        }
        #expect(hosted(Pipeline(rules: RuleSet.standard.adding(custom))) == ["Nairobi hosted United Nations Climate Change Conference 2006"])
        #expect(hosted(Pipeline()) == [])
    }
}
