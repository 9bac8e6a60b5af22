import ProseGraphModel

/// Validates data graphs against one parsed shapes graph (SHACL Core).
///
/// The data graph is indexed once per call, its term table seeded with the
/// shapes graph's so every id a shape holds means the same term in the data.
/// Targets are evaluated once per shape; class membership (rdf:type and
/// rdfs:subClassOf*) and "does node n conform to shape s" are memoized.
public struct SHACLValidator: Sendable {
    public let shapes: ShapesGraph

    public init(shapes: ShapesGraph) { self.shapes = shapes }

    public func validate(_ data: [Quad]) -> ValidationReport {
        let engine = SHACLEngine(shapes: shapes, data: IndexedGraph(data, table: shapes.graph.table))
        var sink = ResultSink(stopAtFirst: false)
        for si in shapes.targeted {
            for focus in engine.focusNodes(si) {
                engine.validate(si, focus: focus, &sink)
            }
        }
        return ValidationReport(results: sink.results)
    }
}

struct ResultSink {
    let stopAtFirst: Bool
    var results: [ValidationResult] = []
    var failed = false
    var done: Bool { stopAtFirst && failed }
}

/// A shape as the engine reads it: a class, so that looking one up in the
/// hot loop retains one reference instead of copying every field.
final class CompiledShape {
    let node: Int
    let path: ShapePath?
    let pathTerm: Term?
    let pathQuads: [Quad]
    let severity: IRI
    let messages: [Literal]
    let deactivated: Bool
    let constraints: [Constraint]

    init(_ s: Shape) {
        node = s.node
        path = s.path
        pathTerm = s.pathTerm
        pathQuads = s.pathQuads
        severity = s.severity
        messages = s.messages
        deactivated = s.deactivated
        constraints = s.constraints
    }
}

final class SHACLEngine {
    let shapes: ShapesGraph
    let compiled: [CompiledShape]
    let g: IndexedGraph
    let rdfType: Int
    let subClassOf: Int
    private var subclassCache: [Int: Set<Int>] = [:]
    /// Keyed by shape index << 32 | node id.
    private var conformsCache: [Int: Bool] = [:]
    private var inProgress = Set<Int>()
    private let kinds: [Int: String]
    /// Built on first use, for sh:targetSubjectsOf and sh:targetObjectsOf.
    private var subjectsOf: [Int: [Int]]?
    private var objectsOf: [Int: [Int]]?

    init(shapes: ShapesGraph, data: IndexedGraph) {
        self.shapes = shapes
        self.compiled = shapes.shapes.map(CompiledShape.init)
        self.g = data
        rdfType = data.id(SHV.rdfType)!
        subClassOf = data.id(SHV.subClassOf)!
        var k: [Int: String] = [:]
        for n in ["IRI", "BlankNode", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral"] {
            k[data.id(SHV.sh(n))!] = n
        }
        kinds = k
    }

    // MARK: targets and classes

    /// Every class that is `c` or an rdfs:subClassOf* of it in the data graph.
    func subclasses(_ c: Int) -> Set<Int> {
        if let s = subclassCache[c] { return s }
        var seen: Set<Int> = [c]
        var stack = [c]
        while let x = stack.popLast() {
            for sub in g.subjects(subClassOf, x) where seen.insert(Int(sub)).inserted { stack.append(Int(sub)) }
        }
        subclassCache[c] = seen
        return seen
    }

    func isInstance(_ n: Int, of c: Int) -> Bool {
        let types = g.objects(n, rdfType)
        if types.isEmpty { return false }
        let subs = subclasses(c)
        return types.contains { subs.contains(Int($0)) }
    }

    func focusNodes(_ si: Int) -> [Int] {
        let s = shapes.shapes[si]
        var seen = Set<Int>()
        var out: [Int] = []
        func add(_ n: Int) { if seen.insert(n).inserted { out.append(n) } }
        s.targetNodes.forEach(add)
        for c in s.targetClasses {
            for sub in subclasses(c) { g.subjects(rdfType, sub).forEach { add(Int($0)) } }
        }
        if !s.targetSubjectsOf.isEmpty {
            if subjectsOf == nil { subjectsOf = g.nodesByPredicate(forward: true) }
            for p in s.targetSubjectsOf { subjectsOf![p]?.forEach(add) }
        }
        if !s.targetObjectsOf.isEmpty {
            if objectsOf == nil { objectsOf = g.nodesByPredicate(forward: false) }
            for p in s.targetObjectsOf { objectsOf![p]?.forEach(add) }
        }
        return out
    }

    // MARK: paths

    func values(_ path: ShapePath, _ focus: Int) -> [Int] {
        switch path {
        case .predicate(let p): return g.objects(focus, p).map(Int.init)
        default:
            var seen = Set<Int>()
            var out: [Int] = []
            for v in eval(path, [focus]) where seen.insert(v).inserted { out.append(v) }
            return out
        }
    }

    /// Nodes reached from any of `from` (duplicates allowed; callers dedupe).
    private func eval(_ path: ShapePath, _ from: [Int]) -> [Int] {
        switch path {
        case .predicate(let p): return from.flatMap { g.objects($0, p).map(Int.init) }
        case .inverse(let x):
            if case .predicate(let p) = x { return from.flatMap { g.subjects(p, $0).map(Int.init) } }
            return inverse(x, from)
        case .sequence(let parts):
            var cur = from
            for part in parts { cur = Array(Set(eval(part, cur))) }
            return cur
        case .alternative(let parts): return parts.flatMap { eval($0, from) }
        case .zeroOrOne(let x): return from + eval(x, from)
        case .zeroOrMore(let x): return closure(x, from, includeStart: true)
        case .oneOrMore(let x): return closure(x, from, includeStart: false)
        }
    }

    private func closure(_ x: ShapePath, _ from: [Int], includeStart: Bool) -> [Int] {
        var seen = Set<Int>()
        var out: [Int] = []
        var frontier: [Int] = []
        if includeStart { for f in from where seen.insert(f).inserted { out.append(f) } }
        frontier = from
        while !frontier.isEmpty {
            var next: [Int] = []
            for n in eval(x, frontier) where seen.insert(n).inserted { out.append(n); next.append(n) }
            frontier = next
        }
        return out
    }

    /// The inverse of a complex path: every node from which `x` reaches one of `targets`.
    private func inverse(_ x: ShapePath, _ targets: [Int]) -> [Int] {
        switch x {
        case .predicate(let p): return targets.flatMap { g.subjects(p, $0).map(Int.init) }
        case .inverse(let y): return eval(y, targets)
        case .sequence(let parts):
            var cur = targets
            for part in parts.reversed() { cur = Array(Set(inverse(part, cur))) }
            return cur
        case .alternative(let parts): return parts.flatMap { inverse($0, targets) }
        case .zeroOrOne(let y): return targets + inverse(y, targets)
        case .zeroOrMore(let y): return closure(.inverse(y), targets, includeStart: true)
        case .oneOrMore(let y): return closure(.inverse(y), targets, includeStart: false)
        }
    }

    // MARK: validation

    func conforms(_ si: Int, _ n: Int) -> Bool {
        let key = si << 32 | n
        if let c = conformsCache[key] { return c }
        if inProgress.contains(key) { return true }  // recursive shapes: assume conformance
        inProgress.insert(key)
        var sink = ResultSink(stopAtFirst: true)
        validate(si, focus: n, &sink)
        inProgress.remove(key)
        conformsCache[key] = !sink.failed
        return !sink.failed
    }

    func validate(_ si: Int, focus: Int, _ sink: inout ResultSink) {
        let s = compiled[si]
        if s.deactivated { return }
        let vals = s.path.map { values($0, focus) } ?? [focus]
        for c in s.constraints {
            check(c, s, focus, vals, &sink)
            if sink.done { return }
        }
    }

    private func report(_ s: CompiledShape, _ focus: Int, _ value: Int?, _ c: Constraint, _ sink: inout ResultSink,
                        component: IRI? = nil, path: Term? = nil, extraMessage: String? = nil) {
        sink.failed = true
        if sink.stopAtFirst { return }
        sink.results.append(ValidationResult(
            focusNode: g[focus], resultPath: path ?? s.pathTerm, pathQuads: path == nil ? s.pathQuads : [],
            value: value.map { g[$0] }, sourceShape: g[s.node], sourceConstraintComponent: component ?? c.component,
            severity: s.severity, messages: extraMessage.map { s.messages + [Literal($0)] } ?? s.messages))
    }

    private func str(_ n: Int) -> String? {
        switch g[n] {
        case .iri(let i): return i.value
        case .literal(let l): return l.lexical
        default: return nil
        }
    }

    private func nodeKindMatches(_ n: Int, _ kind: String) -> Bool {
        switch g[n] {
        case .iri: return kind.contains("IRI")
        case .blank: return kind.contains("BlankNode")
        case .literal: return kind.contains("Literal")
        case .tripleTerm: return false
        }
    }

    private func check(_ c: Constraint, _ s: CompiledShape, _ focus: Int, _ vals: [Int], _ sink: inout ResultSink) {
        func each(_ ok: (Int) -> Bool) {
            for v in vals where !ok(v) {
                report(s, focus, v, c, &sink)
                if sink.done { return }
            }
        }
        switch c {
        case .class(let cls): each { isInstance($0, of: cls) }
        case .datatype(let dt):
            each {
                guard case .literal(let l) = g[$0] else { return false }
                return l.datatype == dt && LiteralValue.isWellFormed(l)
            }
        case .nodeKind(let k):
            let kind = kinds[k] ?? ""
            each { nodeKindMatches($0, kind) }
        case .minCount(let n): if vals.count < n { report(s, focus, nil, c, &sink) }
        case .maxCount(let n): if vals.count > n { report(s, focus, nil, c, &sink) }
        case .range(let kind, let bound):
            let b = g[bound]
            each {
                guard let r = LiteralValue.compare(g[$0], b) else { return false }
                switch kind {
                case .minInclusive: return r >= 0
                case .minExclusive: return r > 0
                case .maxInclusive: return r <= 0
                case .maxExclusive: return r < 0
                }
            }
        case .minLength(let n): each { str($0).map { $0.unicodeScalars.count >= n } ?? false }
        case .maxLength(let n): each { str($0).map { $0.unicodeScalars.count <= n } ?? false }
        case .pattern(let re):
            for v in vals {
                let outcome = str(v).map(re.match) ?? .noMatch
                guard outcome != .match else { continue }
                report(s, focus, v, c, &sink, extraMessage: outcome == .tooCostly
                       ? "the value could not be checked against sh:pattern \"\(re.regex.pattern)\": matching gave up after \(CompiledPattern.budget) rounds of backtracking (a pattern such as (a*)*b)"
                       : nil)
                if sink.done { return }
            }
        case .languageIn(let ranges):
            each {
                guard let lang = g[$0].literal?.language else { return false }
                return ranges.contains { Self.langMatches(lang, $0) }
            }
        case .uniqueLang:
            var counts: [String: Int] = [:]
            var order: [String] = []
            for v in vals {
                guard let lang = g[v].literal?.language, !lang.isEmpty else { continue }
                if counts[lang] == nil { order.append(lang) }
                counts[lang, default: 0] += 1
            }
            for lang in order where counts[lang]! > 1 { report(s, focus, nil, c, &sink) }
        case .pair(let kind, let p):
            let others = g.objects(focus, p).map(Int.init)
            switch kind {
            case .equals:
                let a = Set(vals), b = Set(others)
                for v in vals where !b.contains(v) { report(s, focus, v, c, &sink) }
                for w in others where !a.contains(w) { report(s, focus, w, c, &sink) }
            case .disjoint:
                let b = Set(others)
                each { !b.contains($0) }
            case .lessThan, .lessThanOrEquals:
                for v in vals {
                    for w in others {
                        let r = LiteralValue.compare(g[v], g[w])
                        let ok = r.map { kind == .lessThan ? $0 < 0 : $0 <= 0 } ?? false
                        if !ok { report(s, focus, v, c, &sink) }
                        if sink.done { return }
                    }
                }
            }
        case .not(let x): each { !conforms(x, $0) }
        case .and(let xs): each { v in xs.allSatisfy { conforms($0, v) } }
        case .or(let xs): each { v in xs.contains { conforms($0, v) } }
        case .xone(let xs): each { v in xs.reduce(0) { $0 + (conforms($1, v) ? 1 : 0) } == 1 }
        case .node(let x): each { conforms(x, $0) }
        case .property(let p):
            for v in vals {
                validate(p, focus: v, &sink)
                if sink.done { return }
            }
        case .qualified(let q, let min, let max, let siblings):
            let n = vals.reduce(0) { count, v in
                conforms(q, v) && !siblings.contains(where: { conforms($0, v) }) ? count + 1 : count
            }
            if let min, n < min { report(s, focus, nil, c, &sink, component: SH.term("QualifiedMinCountConstraintComponent")) }
            if let max, n > max { report(s, focus, nil, c, &sink, component: SH.term("QualifiedMaxCountConstraintComponent")) }
        case .closed(let allowed):
            for v in vals {
                for (p, o) in g.outgoing(v) where !allowed.contains(p) {
                    report(s, focus, o, c, &sink, path: g[p])
                    if sink.done { return }
                }
            }
        case .hasValue(let x): if !vals.contains(x) { report(s, focus, nil, c, &sink) }
        case .in(let set): each { set.contains($0) }
        }
    }

    /// SPARQL langMatches (basic filtering, RFC 4647).
    static func langMatches(_ tag: String, _ range: String) -> Bool {
        let t = tag.lowercased(), r = range.lowercased()
        if r == "*" { return !t.isEmpty }
        return t == r || t.hasPrefix(r + "-")
    }
}
