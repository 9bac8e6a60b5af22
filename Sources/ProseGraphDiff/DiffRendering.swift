import ProseGraphFormats
import ProseGraphModel

extension DiffReport {
    /// The readable report: grouped changes, then totals. `color` adds ANSI colours.
    public func text(oldName: String, newName: String, oldCount: Int, newCount: Int, color: Bool) -> String {
        let green = color ? "\u{1B}[32m" : "", red = color ? "\u{1B}[31m" : "", yellow = color ? "\u{1B}[33m" : "",
            bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        var out = "\(bold)\(oldName)\(reset) (\(oldCount) triples) -> \(bold)\(newName)\(reset) (\(newCount) triples)\n"
        if diff.isEmpty {
            return out + "no differences\n"
        }
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n\(bold)\(title) (\(lines.count))\(reset)\n"
            for l in lines { out += l + "\n" }
        }
        section("Entities added", entitiesAdded.map { "  \(green)+ \($0.type) \($0.label)\(reset)" })
        section("Entities removed", entitiesRemoved.map { "  \(red)- \($0.type) \($0.label)\(reset)" })
        section("Facts added", factsAdded.map { "  \(green)+ \($0.subject) \($0.predicate) \($0.object)\(reset)" })
        section("Facts removed", factsRemoved.map { "  \(red)- \($0.subject) \($0.predicate) \($0.object)\(reset)" })
        section("Qualifiers changed", qualifiersChanged.map { q in
            let before = q.removed.isEmpty ? "" : q.removed.joined(separator: ", ")
            let after = q.added.isEmpty ? "" : q.added.joined(separator: ", ")
            return "  \(yellow)~ \(q.fact.subject) \(q.fact.predicate) \(q.fact.object): \(q.property) \(before.isEmpty ? "(none)" : before) -> \(after.isEmpty ? "(none)" : after)\(reset)"
        })
        section("Other triples added", otherAdded.map { "  \(green)+ \(NQuads.line($0))\(reset)" })
        section("Other triples removed", otherRemoved.map { "  \(red)- \(NQuads.line($0))\(reset)" })
        out += "\n\(diff.added.count) triples added, \(diff.removed.count) removed, \(diff.unchanged) unchanged\n"
        return out
    }

    /// The report as JSON for programs; keys in a fixed order.
    public func json() -> String {
        func s(_ v: String) -> String { JSONText.quoted(v) }
        func entity(_ e: EntityChange) -> String { "{\"iri\": \(s(e.iri)), \"label\": \(s(e.label)), \"type\": \(s(e.type))}" }
        func fact(_ f: FactChange) -> String { "{\"subject\": \(s(f.subject)), \"predicate\": \(s(f.predicate)), \"object\": \(s(f.object))}" }
        func list(_ items: [String]) -> String { items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]" }
        let q = qualifiersChanged.map { c in
            "{\"fact\": \(fact(c.fact)), \"property\": \(s(c.property)), \"removed\": [\(c.removed.map(s).joined(separator: ", "))], \"added\": [\(c.added.map(s).joined(separator: ", "))]}"
        }
        return """
        {
          "same": \(diff.isEmpty),
          "totals": {"added": \(diff.added.count), "removed": \(diff.removed.count), "unchanged": \(diff.unchanged)},
          "entitiesAdded": \(list(entitiesAdded.map(entity))),
          "entitiesRemoved": \(list(entitiesRemoved.map(entity))),
          "factsAdded": \(list(factsAdded.map(fact))),
          "factsRemoved": \(list(factsRemoved.map(fact))),
          "qualifiersChanged": \(list(q)),
          "otherAdded": \(list(otherAdded.map { s(NQuads.line($0)) })),
          "otherRemoved": \(list(otherRemoved.map { s(NQuads.line($0)) }))
        }

        """
    }
}

extension GraphDiff {
    /// An RDF Patch (https://afs.github.io/rdf-delta/rdf-patch.html): one
    /// transaction, deletions then additions, that applied to OLD gives NEW.
    public func patch() -> String {
        var out = "TX .\n"
        for q in removed { out += "D " + NQuads.line(q) + "\n" }
        for q in added { out += "A " + NQuads.line(q) + "\n" }
        return out + "TC .\n"
    }
}

/// One quad as a canonical N-Quads line (without the newline); a term no
/// IRIREF can hold (never in a graph a reader produced) falls back to its description.
public enum NQuads {
    public static func line(_ q: Quad) -> String {
        guard var text = try? Canonicalizer.canonicalNQuadsLine(q) else { return "\(q.subject) \(q.predicate) \(q.object) ." }
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

