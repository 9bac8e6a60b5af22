import ProseGraphFormats
import ProseGraphModel

/// The report as the triples of a standard `sh:ValidationReport`: the report
/// node, `sh:conforms`, and one `sh:ValidationResult` per result with its
/// focus node, path (complex paths with their structure), value, source
/// shape, constraint component, severity and messages. Report and result
/// nodes are fresh blank nodes that cannot clash with the results' own.
public func shaclReportTriples(_ report: ValidationReport) -> [Triple] {
    var used = Set<String>()
    for r in report.results {
        for t in [r.focusNode, r.value, r.resultPath, r.sourceShape].compactMap({ $0 }) {
            if case .blank(let b) = t { used.insert(b.id) }
        }
        for q in r.pathQuads { for t in [q.subject, q.object] { if case .blank(let b) = t { used.insert(b.id) } } }
    }
    var prefix = "report"
    while used.contains(where: { $0.hasPrefix(prefix) }) { prefix += "x" }
    let root = Term.blank(BlankNode(prefix))
    var out = [Triple(root, RDF.type, .iri(SH.ValidationReport)),
               Triple(root, SH.conforms, .literal(Literal(report.conforms ? "true" : "false", datatype: XSD.boolean)))]
    var paths: [Triple] = []
    for (i, r) in report.results.enumerated() {
        let node = Term.blank(BlankNode("\(prefix)r\(i + 1)"))
        out.append(Triple(root, SH.result, node))
        out.append(Triple(node, RDF.type, .iri(SH.ValidationResult)))
        out.append(Triple(node, SH.focusNode, r.focusNode))
        if let p = r.resultPath {
            // Each result gets its own copy of a complex path's nodes, as SHACL engines write it.
            let n = i + 1
            func copy(_ t: Term) -> Term {
                if case .blank(let b) = t { return .blank(BlankNode("\(prefix)p\(n)_\(b.id)")) }
                return t
            }
            out.append(Triple(node, SH.resultPath, copy(p)))
            paths += r.pathQuads.map { Triple(copy($0.subject), $0.predicate, copy($0.object)) }
        }
        if let v = r.value { out.append(Triple(node, SH.value, v)) }
        out.append(Triple(node, SH.sourceShape, r.sourceShape))
        out.append(Triple(node, SH.sourceConstraintComponent, .iri(r.sourceConstraintComponent)))
        out.append(Triple(node, SH.resultSeverity, .iri(r.severity)))
        for m in r.messages { out.append(Triple(node, SH.resultMessage, .literal(m))) }
    }
    return out + paths
}

/// A standard SHACL validation report in Turtle: `sh:conforms` and one
/// `sh:result` per result, each result a blank node described after the report.
public func turtle(_ report: ValidationReport) -> String {
    let sh = SH.namespace
    func term(_ t: Term) -> String {
        switch t {
        case .iri(let i) where i.value.hasPrefix(sh):
            let local = i.value.dropFirst(sh.count)
            if !local.isEmpty && local.allSatisfy({ $0.isLetter || $0.isNumber }) { return "sh:" + local }
        case .literal(let l) where l.datatype == XSD.boolean && (l.lexical == "true" || l.lexical == "false"):
            return l.lexical
        default: break
        }
        return (try? NTriplesWriter.canonicalString(t)) ?? t.description
    }
    var text = "@prefix rdf: <\(RDF.namespace)> .\n@prefix sh: <\(sh)> .\n@prefix xsd: <\(XSD.namespace)> .\n"
    var lastSubject: Term?
    for t in shaclReportTriples(report) {
        let p = t.predicate == RDF.type ? "a" : term(.iri(t.predicate))
        if t.subject == lastSubject {
            text += " ;\n    \(p) \(term(t.object))"
        } else {
            if lastSubject != nil { text += " .\n" }
            text += "\n\(term(t.subject))\n    \(p) \(term(t.object))"
            lastSubject = t.subject
        }
    }
    return text + " .\n"
}
