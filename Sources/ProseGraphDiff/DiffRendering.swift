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
    /// `id` and `prev` become the `H id` and `H prev` headers: prosegraph names a
    /// graph state by the hash of its canonical N-Quads (`GraphState.id`), so a
    /// patch's `prev` is the graph it applies to and its `id` the graph it gives,
    /// and patches from successive exports chain (one's `id` is the next's `prev`).
    public func patch(id: String? = nil, prev: String? = nil) -> String {
        var out = ""
        if let id { out += "H id <\(id)> .\n" }
        if let prev { out += "H prev <\(prev)> .\n" }
        out += "TX .\n"
        for q in removed { out += "D " + NQuads.line(q) + "\n" }
        for q in added { out += "A " + NQuads.line(q) + "\n" }
        return out + "TC .\n"
    }
}

extension GraphDiff {
    public struct SPARQLUpdateError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// SPARQL 1.1 Update that turns a store holding OLD into one holding NEW: `DELETE DATA`
    /// then `INSERT DATA`, each quad of a named graph inside its `GRAPH`, and the default
    /// graph's quads inside `GRAPH <graph>` when `graph` is given (an export loaded into a
    /// named graph). Empty when nothing changed. `DELETE DATA` cannot name a blank node:
    /// a removed quad with one is an error (exports never have blank nodes).
    public func sparqlUpdate(graph: IRI? = nil) throws(SPARQLUpdateError) -> String {
        func block(_ keyword: String, _ quads: [Quad]) throws(SPARQLUpdateError) -> String {
            var byGraph: [Term?: [String]] = [:]
            var order: [Term?] = []
            for q in quads {
                func blank(_ t: Term?) -> Bool { if case .blank? = t { return true } else { return false } }
                if keyword == "DELETE", blank(q.subject) || blank(q.object) || blank(q.graph) {
                    throw SPARQLUpdateError(description: "DELETE DATA cannot name a blank node, and a removed quad has one: \(NQuads.line(q))")
                }
                let g = q.graph ?? graph.map(Term.iri)
                if byGraph[g] == nil { order.append(g) }
                byGraph[g, default: []].append(NQuads.line(Quad(q.subject, q.predicate, q.object)))
            }
            var out = "\(keyword) DATA {\n"
            for g in order {
                let lines = byGraph[g]!
                if let g {
                    out += "  GRAPH \(NQuads.term(g)) {\n" + lines.map { "    " + $0 + "\n" }.joined() + "  }\n"
                } else {
                    out += lines.map { "  " + $0 + "\n" }.joined()
                }
            }
            return out + "}"
        }
        var parts: [String] = []
        if !removed.isEmpty { parts.append(try block("DELETE", removed)) }
        if !added.isEmpty { parts.append(try block("INSERT", added)) }
        return parts.isEmpty ? "" : parts.joined(separator: " ;\n") + "\n"
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

    /// One term as N-Triples writes it.
    public static func term(_ t: Term) -> String {
        (try? NTriplesWriter.canonicalString(t)) ?? t.description
    }
}

/// The name of a graph's state: `urn:prosegraph:graph:sha256:` and the SHA-256 of
/// its canonical N-Quads (blank nodes canonicalized first, as `diff` reads them).
public enum GraphState {
    public static func id(_ quads: [Quad]) -> String {
        let text = (try? Canonicalizer.canonicalNQuads(quads)) ?? quads.map(NQuads.line).sorted().joined(separator: "\n")
        return "urn:prosegraph:graph:sha256:" + HashAlgorithm.sha256.hexDigest(Array(text.utf8))
    }
}
