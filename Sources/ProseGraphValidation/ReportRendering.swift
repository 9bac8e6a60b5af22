import ProseGraphFormats
import ProseGraphModel

/// The namespace of prosegraph's shapes (`Schemas/shapes.ttl`).
public enum PGSH {
    public static let namespace = "https://prosegraph.org/shapes#"
}

/// Prefixes reports compact IRIs with: the writers' standard ones, `sh:` and `pgsh:`.
public let reportPrefixes: PrefixMap = {
    var p = PrefixMap.standard
    p.add(prefix: "sh", namespace: SH.namespace)
    p.add(prefix: "pgsh", namespace: PGSH.namespace)
    return p
}()

// MARK: - Where subjects are

/// The 1-based line where each subject is first stated, found by scanning
/// the input text (no parse): enough to point a reader of a report at the
/// right place.
public enum SubjectLines {
    /// N-Triples and N-Quads: the subject at the start of each line (`<IRI>` or `_:label`).
    public static func nTriples(_ bytes: [UInt8]) -> [Term: Int] {
        var lines: [Term: Int] = [:]
        forEachLine(bytes) { number, line in
            var i = line.startIndex
            while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
            guard let (term, _) = subject(line, at: i, prefixes: [:]) else { return }
            if lines[term] == nil { lines[term] = number }
        }
        return lines
    }

    /// Turtle as prosegraph's writer lays it out: a subject at the start of a
    /// line (`<IRI>`, a prefixed name declared with `@prefix`/`PREFIX`, or
    /// `_:label`). Relative IRIs are not resolved; a subject indented or after
    /// another statement on its line is not seen.
    public static func turtle(_ bytes: [UInt8]) -> [Term: Int] {
        var lines: [Term: Int] = [:]
        var prefixes: [String: String] = [:]
        forEachLine(bytes) { number, line in
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("@prefix") || text.lowercased().hasPrefix("prefix") {
                // `@prefix p: <ns> .` / `PREFIX p: <ns>`
                let afterKeyword = text.drop { $0 != " " && $0 != "\t" }.drop { $0 == " " || $0 == "\t" }
                guard let colon = afterKeyword.firstIndex(of: ":"),
                      let open = afterKeyword.firstIndex(of: "<"), let close = afterKeyword.firstIndex(of: ">"), open < close
                else { return }
                prefixes[String(afterKeyword[..<colon])] = String(afterKeyword[afterKeyword.index(after: open)..<close])
                return
            }
            guard let (term, _) = subject(line, at: line.startIndex, prefixes: prefixes) else { return }
            if lines[term] == nil { lines[term] = number }
        }
        return lines
    }

    /// RDF/XML: the first `rdf:about="IRI"` (absolute IRIs; `&amp;` and the
    /// other predefined entities decoded).
    public static func rdfXML(_ bytes: [UInt8]) -> [Term: Int] {
        var lines: [Term: Int] = [:]
        let needle = Array("rdf:about=".utf8)
        forEachLine(bytes) { number, line in
            var i = line.startIndex
            while i + needle.count < line.endIndex {
                if line[i] == needle[0], Array(line[i..<(i + needle.count)]) == needle {
                    let quote = line[i + needle.count]
                    guard quote == 0x22 || quote == 0x27 else { return }
                    let start = i + needle.count + 1
                    guard let end = line[start...].firstIndex(of: quote) else { return }
                    let iri = decodeXMLEntities(String(decoding: line[start..<end], as: UTF8.self))
                    let term = Term.iri(IRI(iri))
                    if lines[term] == nil { lines[term] = number }
                    i = end
                }
                i += 1
            }
        }
        return lines
    }

    private static func decodeXMLEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&apos;", with: "'").replacing("&amp;", with: "&")
    }

    /// Calls `body` with each line's number (1-based) and bytes (without its end: LF, CRLF or CR).
    private static func forEachLine(_ bytes: [UInt8], _ body: (Int, ArraySlice<UInt8>) -> Void) {
        var number = 1, start = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                body(number, bytes[start..<i])
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                number += 1
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { body(number, bytes[start..<bytes.count]) }
    }

    /// The subject term at `i`: `<IRI>`, `_:label`, or `prefix:local` with a known prefix.
    private static func subject(_ line: ArraySlice<UInt8>, at i: Int, prefixes: [String: String]) -> (Term, Int)? {
        guard i < line.endIndex else { return nil }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        if line[i] == 0x3C {
            guard let close = line[(i + 1)...].firstIndex(of: 0x3E) else { return nil }
            let body = line[(i + 1)..<close]
            if body.contains(0x5C) { return nil }   // \u escapes: not worth decoding here
            return (.iri(IRI(String(decoding: body, as: UTF8.self))), close + 1)
        }
        if line[i] == 0x5F, i + 1 < line.endIndex, line[i + 1] == 0x3A {
            let end = line[(i + 2)...].firstIndex(where: isSpace) ?? line.endIndex
            guard end > i + 2 else { return nil }
            return (.blank(BlankNode(String(decoding: line[(i + 2)..<end], as: UTF8.self))), end)
        }
        guard !prefixes.isEmpty, let end = line[i...].firstIndex(where: isSpace) else { return nil }
        let name = String(decoding: line[i..<end], as: UTF8.self)
        guard let colon = name.firstIndex(of: ":"), let ns = prefixes[String(name[..<colon])] else { return nil }
        let local = name[name.index(after: colon)...]
        guard !local.contains("\\") else { return nil }
        return (.iri(IRI(ns + local)), end)
    }
}

// MARK: - SHACL reports

extension ValidationReport {
    /// The report with each result's `line` taken from `lines` (by focus node) where it has none.
    public func locating(_ lines: [Term: Int]) -> ValidationReport {
        var copy = self
        for i in copy.results.indices where copy.results[i].line == nil {
            copy.results[i].line = lines[copy.results[i].focusNode]
        }
        return copy
    }

    /// The `rdfs:label`s `data` gives each focus node of the report (sorted, distinct).
    public func labels(from data: [Quad]) -> [Term: [String]] {
        let focus = Set(results.map(\.focusNode))
        var labels: [Term: Set<String>] = [:]
        for q in data where q.predicate == RDFS.label && focus.contains(q.subject) {
            if case .literal(let l) = q.object { labels[q.subject, default: []].insert(l.lexical) }
        }
        return labels.mapValues { $0.sorted() }
    }

    /// Results grouped by focus node: groups by line (unknown last), then by
    /// focus node; results in a group by path, constraint component, value.
    public func groupedByFocusNode() -> [(focusNode: Term, line: Int?, results: [ValidationResult])] {
        var groups: [Term: [ValidationResult]] = [:]
        for r in results { groups[r.focusNode, default: []].append(r) }
        return groups.map { focus, results in
            let sorted = results.sorted { a, b in
                let ka = (a.resultPath.map(termKey) ?? "", a.sourceConstraintComponent.value, a.value.map(termKey) ?? "", a.sourceShape.description)
                let kb = (b.resultPath.map(termKey) ?? "", b.sourceConstraintComponent.value, b.value.map(termKey) ?? "", b.sourceShape.description)
                return ka < kb
            }
            return (focus, results.compactMap(\.line).min(), sorted)
        }.sorted { a, b in
            switch (a.line, b.line) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.focusNode < b.focusNode
            }
        }
    }

    /// The readable report:
    ///
    /// ```
    /// graph.ttl: does not conform: 2 results on 1 focus node
    ///
    /// <https://prosegraph.org/id/city/auckland> "Auckland" (line 8)
    ///   violation: rdfs:label: Exactly one rdfs:label ... [sh:MinCountConstraintComponent, pgsh:EntityShape]
    /// ```
    /// `labels` are the focus nodes' `rdfs:label`s (`labels(from:)`).
    public func text(file: String, labels: [Term: [String]] = [:], prefixes: PrefixMap = reportPrefixes) -> String {
        if conforms { return "\(file): conforms\n" }
        let groups = groupedByFocusNode()
        var out = "\(file): does not conform: \(plural(results.count, "result")) on \(plural(groups.count, "focus node"))\n"
        for g in groups {
            out += "\n" + display(g.focusNode, prefixes: nil)
            if let names = labels[g.focusNode], !names.isEmpty { out += " " + names.map(JSONText.quoted).joined(separator: ", ") }
            if let line = g.line { out += " (line \(line))" }
            out += "\n"
            for r in g.results {
                out += "  " + severityName(r.severity).lowercased() + ": "
                if let path = r.resultPath { out += display(path, prefixes: prefixes) + ": " }
                out += message(r)
                if let v = r.value { out += " (value " + display(v, prefixes: prefixes) + ")" }
                out += " [" + display(.iri(r.sourceConstraintComponent), prefixes: prefixes) + ", " + display(r.sourceShape, prefixes: prefixes) + "]\n"
            }
        }
        return out
    }

    /// The report as JSON; keys always present and in this order (null where
    /// unknown), groups and results ordered as in `text`. Terms: an IRI as
    /// itself, a blank node as `_:label`, a literal in N-Triples syntax.
    public func json(file: String, labels: [Term: [String]] = [:]) -> String {
        func s(_ v: String) -> String { JSONText.quoted(v) }
        func term(_ t: Term?) -> String { t.map { s(plain($0)) } ?? "null" }
        let groups = groupedByFocusNode()
        var out = "{\n  \"file\": \(s(file)),\n  \"conforms\": \(conforms),\n  \"resultCount\": \(results.count),\n  \"focusNodes\": ["
        for (i, g) in groups.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"focusNode\": \(term(g.focusNode)), \"labels\": [\((labels[g.focusNode] ?? []).map(s).joined(separator: ", "))], "
            out += "\"line\": \(g.line.map(String.init) ?? "null"), \"results\": ["
            for (j, r) in g.results.enumerated() {
                out += j == 0 ? "\n" : ",\n"
                out += "      {\"severity\": \(s(severityName(r.severity))), \"path\": \(term(r.resultPath)), "
                out += "\"message\": \(s(message(r))), \"value\": \(term(r.value)), "
                out += "\"sourceConstraintComponent\": \(s(r.sourceConstraintComponent.value)), \"sourceShape\": \(term(r.sourceShape))}"
            }
            out += g.results.isEmpty ? "]}" : "\n    ]}"
        }
        out += groups.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// The standard `sh:ValidationReport` (the triples of `shaclReportTriples`,
    /// SHACLReportTurtle.swift) as Turtle with the `sh:`, `pgsh:` and the
    /// writers' prefixes, each subject's triples in one block.
    public func turtle(prefixes: PrefixMap = reportPrefixes) throws -> String {
        var order: [Term] = []
        var bySubject: [Term: [Triple]] = [:]
        for t in shaclReportTriples(self) {
            if bySubject[t.subject] == nil { order.append(t.subject) }
            bySubject[t.subject, default: []].append(t)
        }
        let sink = MemorySink()
        var writer = try TurtleWriter(sink: sink, prefixes: prefixes)
        for subject in order { for t in bySubject[subject]! { try writer.write(t) } }
        try writer.finish()
        return sink.string
    }

    private func message(_ r: ValidationResult) -> String {
        if r.messages.isEmpty { return String(r.sourceConstraintComponent.localName) }
        return r.messages.map(\.lexical).joined(separator: " / ")
    }
}

private func severityName(_ severity: IRI) -> String {
    severity.value.hasPrefix(SH.namespace) ? String(severity.value.dropFirst(SH.namespace.count)) : severity.value
}

private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

/// A sort key for terms (N-Triples form).
private func termKey(_ t: Term) -> String { (try? NTriplesWriter.canonicalString(t)) ?? t.description }

/// IRI as itself, blank node as `_:id`, literal in N-Triples syntax.
private func plain(_ t: Term) -> String {
    switch t {
    case .iri(let i): return i.value
    default: return termKey(t)
    }
}

/// A term for people: an IRI compacted with `prefixes` (if any) where the
/// local part is simple, else `<IRI>`; a literal with a compacted datatype.
private func display(_ t: Term, prefixes: PrefixMap?) -> String {
    func iri(_ i: IRI) -> String {
        if let prefixes {
            for (p, ns) in prefixes.entries where i.value.hasPrefix(ns) {
                let local = i.value.dropFirst(ns.count)
                if !local.isEmpty, local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                    return p + ":" + local
                }
            }
        }
        return "<" + i.value + ">"
    }
    switch t {
    case .iri(let i): return iri(i)
    case .literal(let l):
        var s = JSONText.quoted(l.lexical)
        if let lang = l.language { s += "@" + lang } else if l.datatype != XSD.string { s += "^^" + iri(l.datatype) }
        return s
    default: return termKey(t)
    }
}

// MARK: - GraphML reports

/// The issues `GraphMLValidation` found in one file, rendered.
public struct GraphMLReport: Hashable, Sendable {
    public let file: String
    public let issues: [GraphMLIssue]
    public var conforms: Bool { issues.isEmpty }

    public init(file: String, issues: [GraphMLIssue]) {
        self.file = file
        self.issues = issues
    }

    /// `file: conforms`, or a count and then one `file:line:column: kind: message` a line.
    public func text() -> String {
        if conforms { return "\(file): conforms\n" }
        var out = "\(file): does not conform: \(plural(issues.count, "problem"))\n"
        for i in issues {
            var at = file
            if let line = i.line {
                at += ":\(line)"
                if let column = i.column { at += ":\(column)" }
            }
            out += "\(at): \(i.kind.rawValue): \(i.message)\n"
        }
        return out
    }

    /// `{"file", "conforms", "issueCount", "issues": [{"line", "column", "kind", "message"}]}`, keys in that order.
    public func json() -> String {
        func s(_ v: String) -> String { JSONText.quoted(v) }
        var out = "{\n  \"file\": \(s(file)),\n  \"conforms\": \(conforms),\n  \"issueCount\": \(issues.count),\n  \"issues\": ["
        for (n, i) in issues.enumerated() {
            out += n == 0 ? "\n" : ",\n"
            out += "    {\"line\": \(i.line.map(String.init) ?? "null"), \"column\": \(i.column.map(String.init) ?? "null"), "
            out += "\"kind\": \(s(i.kind.rawValue)), \"message\": \(s(i.message))}"
        }
        out += issues.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }
}
