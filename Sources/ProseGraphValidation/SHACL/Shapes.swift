import Foundation
import ProseGraphModel

/// The SHACL terms the engine reads from a shapes graph.
enum SHV {
    static func sh(_ n: String) -> Term { .iri(SH.term(n)) }
    static let rdfType = Term.iri(RDF.type)
    static let rdfFirst = Term.iri(IRI(RDF.namespace + "first"))
    static let rdfRest = Term.iri(IRI(RDF.namespace + "rest"))
    static let rdfNil = Term.iri(IRI(RDF.namespace + "nil"))
    static let subClassOf = Term.iri(IRI(RDFS.namespace + "subClassOf"))
    static let rdfsClass = Term.iri(IRI(RDFS.namespace + "Class"))
    static let trueLiteral = Term.literal(Literal("true", datatype: XSD.boolean))
    /// Every term the engine asks the shapes graph or the data graph about,
    /// interned first so that each has the same id in every graph.
    static let all: [Term] = [rdfType, rdfFirst, rdfRest, rdfNil, subClassOf, rdfsClass] + [
        "NodeShape", "PropertyShape", "path", "targetNode", "targetClass", "targetSubjectsOf", "targetObjectsOf",
        "severity", "message", "deactivated", "class", "datatype", "nodeKind", "minCount", "maxCount",
        "minInclusive", "minExclusive", "maxInclusive", "maxExclusive", "minLength", "maxLength", "pattern", "flags",
        "languageIn", "uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals", "not", "and", "or", "xone",
        "node", "property", "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount",
        "qualifiedValueShapesDisjoint", "closed", "ignoredProperties", "hasValue", "in", "inversePath",
        "alternativePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath",
        "IRI", "BlankNode", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral",
    ].map(sh)
}

/// A malformed shapes graph, naming the shape at fault.
public struct ShapesGraphError: Error, Hashable, Sendable, CustomStringConvertible {
    public let shape: Term
    public let message: String
    public init(shape: Term, message: String) {
        self.shape = shape
        self.message = message
    }
    public var description: String { "shape \(shape): \(message)" }
}

/// A SHACL property path, over term ids.
indirect enum ShapePath: Sendable, Hashable {
    case predicate(Int)
    case inverse(ShapePath)
    case sequence([ShapePath])
    case alternative([ShapePath])
    case zeroOrMore(ShapePath)
    case oneOrMore(ShapePath)
    case zeroOrOne(ShapePath)
}

/// A compiled `sh:pattern`. NSRegularExpression is immutable and documented
/// thread-safe once built, hence the unchecked conformance.
///
/// A shapes file is input like any other: a pattern such as `(a*)*b` backtracks
/// exponentially (8.5 s on 40 `a`s, unbounded beyond). The match runs with ICU's
/// progress callback, which comes after a fixed amount of matching work, and gives
/// up after `budget` of them: the same input gives up at the same point on any machine.
final class CompiledPattern: @unchecked Sendable {
    enum Outcome: Equatable { case match, noMatch, tooCostly }

    let regex: NSRegularExpression
    /// Progress callbacks allowed per value (about 0.15 s of matching).
    static let budget = 1000

    init(_ regex: NSRegularExpression) { self.regex = regex }

    func match(_ s: String) -> Outcome {
        var outcome = Outcome.noMatch
        var ticks = 0
        regex.enumerateMatches(in: s, options: [.reportProgress], range: NSRange(s.startIndex..., in: s)) { m, _, stop in
            if m != nil { outcome = .match; stop.pointee = true; return }
            ticks += 1
            if ticks > Self.budget { outcome = .tooCostly; stop.pointee = true }
        }
        return outcome
    }
}

enum RangeKind: Sendable { case minInclusive, minExclusive, maxInclusive, maxExclusive }
enum PairKind: Sendable { case equals, disjoint, lessThan, lessThanOrEquals }

/// One constraint component instance, parameters resolved to term and shape ids.
enum Constraint: Sendable {
    case `class`(Int)
    case datatype(IRI)
    case nodeKind(Int)
    case minCount(Int)
    case maxCount(Int)
    case range(RangeKind, Int)
    case minLength(Int)
    case maxLength(Int)
    case pattern(CompiledPattern)
    case languageIn([String])
    case uniqueLang
    case pair(PairKind, Int)
    case not(Int)
    case and([Int])
    case or([Int])
    case xone([Int])
    case node(Int)
    case property(Int)
    case qualified(shape: Int, min: Int?, max: Int?, siblings: [Int])
    case closed(allowed: Set<Int>)
    case hasValue(Int)
    case `in`(Set<Int>)

    var component: IRI {
        func c(_ n: String) -> IRI { SH.term(n + "ConstraintComponent") }
        switch self {
        case .class: return c("Class")
        case .datatype: return c("Datatype")
        case .nodeKind: return c("NodeKind")
        case .minCount: return c("MinCount")
        case .maxCount: return c("MaxCount")
        case .range(let k, _):
            switch k {
            case .minInclusive: return c("MinInclusive")
            case .minExclusive: return c("MinExclusive")
            case .maxInclusive: return c("MaxInclusive")
            case .maxExclusive: return c("MaxExclusive")
            }
        case .minLength: return c("MinLength")
        case .maxLength: return c("MaxLength")
        case .pattern: return c("Pattern")
        case .languageIn: return c("LanguageIn")
        case .uniqueLang: return c("UniqueLang")
        case .pair(let k, _):
            switch k {
            case .equals: return c("Equals")
            case .disjoint: return c("Disjoint")
            case .lessThan: return c("LessThan")
            case .lessThanOrEquals: return c("LessThanOrEquals")
            }
        case .not: return c("Not")
        case .and: return c("And")
        case .or: return c("Or")
        case .xone: return c("Xone")
        case .node: return c("Node")
        case .property: return c("Property")
        case .qualified: return c("QualifiedMinCount")
        case .closed: return c("Closed")
        case .hasValue: return c("HasValue")
        case .in: return c("In")
        }
    }
}

/// A node shape or a property shape.
struct Shape: Sendable {
    let node: Int
    var path: ShapePath?
    var pathTerm: Term?
    var pathQuads: [Quad] = []
    var targetNodes: [Int] = []
    var targetClasses: [Int] = []
    var targetSubjectsOf: [Int] = []
    var targetObjectsOf: [Int] = []
    var severity: IRI = SH.Violation
    var messages: [Literal] = []
    var deactivated = false
    var constraints: [Constraint] = []

    var hasTargets: Bool {
        !(targetNodes.isEmpty && targetClasses.isEmpty && targetSubjectsOf.isEmpty && targetObjectsOf.isEmpty)
    }
}

/// The shapes of a shapes graph, parsed once: every node typed
/// sh:NodeShape or sh:PropertyShape, every node with a target, and every
/// shape these reference (sh:node, sh:property, sh:not, sh:and, ...).
public struct ShapesGraph: Sendable {
    let graph: IndexedGraph
    var shapes: [Shape] = []
    /// Shapes with at least one target (explicit or implicit class target), not deactivated.
    var targeted: [Int] = []

    public init(_ quads: [Quad]) throws {
        var table = TermTable()
        for t in SHV.all { _ = table.intern(t) }
        graph = IndexedGraph(quads, table: table)
        var parser = ShapeParser(g: graph)
        try parser.parseAll()
        shapes = parser.shapes
        targeted = parser.targeted
    }

    /// The number of shapes found.
    public var count: Int { shapes.count }
}

struct ShapeParser {
    let g: IndexedGraph
    var shapes: [Shape] = []
    var index: [Int: Int] = [:]
    var targeted: [Int] = []

    init(g: IndexedGraph) { self.g = g }

    func id(_ t: Term) -> Int { g.id(t)! }
    func sh(_ n: String) -> Int { g.id(.iri(SH.term(n)))! }

    mutating func parseAll() throws {
        let type = id(SHV.rdfType)
        var candidates: [Int] = []
        for kind in ["NodeShape", "PropertyShape"] { candidates += g.subjects(type, sh(kind)).map(Int.init) }
        for t in ["targetNode", "targetClass", "targetSubjectsOf", "targetObjectsOf"] {
            candidates += g.subjects(withPredicate: sh(t))
        }
        // Implicit class targets: a shape that is also an rdfs:Class.
        var implicit = Set<Int>()
        for c in g.subjects(type, id(SHV.rdfsClass)).map(Int.init) {
            let isShape = g.has(c, type, sh("NodeShape")) || g.has(c, type, sh("PropertyShape"))
            if isShape { implicit.insert(c); candidates.append(c) }
        }
        // Nodes that are the value of a shape-expecting parameter.
        for p in ["node", "property", "not", "qualifiedValueShape"] { candidates += g.objects(withPredicate: sh(p)) }
        var seen = Set<Int>()
        for c in candidates where seen.insert(c).inserted {
            let si = try shape(c)
            if implicit.contains(c) { shapes[si].targetClasses.append(c) }
        }
        for (i, s) in shapes.enumerated() where s.hasTargets && !s.deactivated { targeted.append(i) }
    }

    func literalInt(_ node: Int, _ shape: Int, _ name: String) throws -> Int {
        guard case .literal(let l) = g[node], let n = Int(l.lexical) else {
            throw ShapesGraphError(shape: g[shape], message: "sh:\(name) must be an integer, not \(g[node])")
        }
        return n
    }

    func isTrue(_ node: Int) -> Bool {
        if case .literal(let l) = g[node] { return l.lexical == "true" && l.datatype == XSD.boolean }
        return false
    }

    func list(_ node: Int, _ shape: Int, _ name: String) throws -> [Int] {
        guard let l = g.list(node) else {
            throw ShapesGraphError(shape: g[shape], message: "the value of sh:\(name) is not a well-formed RDF list")
        }
        return l
    }

    func values(_ s: Int, _ name: String) -> [Int] { g.objects(s, sh(name)).map(Int.init) }

    /// The shape for node `s`, parsed on first request.
    mutating func shape(_ s: Int) throws -> Int {
        if let i = index[s] { return i }
        let i = shapes.count
        index[s] = i
        shapes.append(Shape(node: s))
        var out = Shape(node: s)
        let type = id(SHV.rdfType)
        let paths = values(s, "path")
        if g.has(s, type, sh("NodeShape")) && !paths.isEmpty {
            throw ShapesGraphError(shape: g[s], message: "a node shape must not have sh:path")
        }
        if g.has(s, type, sh("PropertyShape")) || !paths.isEmpty {
            guard paths.count == 1 else {
                throw ShapesGraphError(shape: g[s], message: "a property shape must have exactly one sh:path, found \(paths.count)")
            }
            var spelled = PathSpelling(shape: s)
            let (parsed, node) = try path(paths[0], shape: s, depth: 0, spelling: &spelled)
            out.path = parsed
            out.pathTerm = node
            out.pathQuads = spelled.quads
        }
        out.targetNodes = values(s, "targetNode")
        out.targetClasses = values(s, "targetClass")
        out.targetSubjectsOf = values(s, "targetSubjectsOf")
        out.targetObjectsOf = values(s, "targetObjectsOf")
        if let sev = values(s, "severity").first, case .iri(let i) = g[sev] { out.severity = i }
        out.messages = values(s, "message").compactMap { g[$0].literal }
        out.deactivated = values(s, "deactivated").contains(where: isTrue)
        let isProperty = out.path != nil

        var cs: [Constraint] = []
        for v in values(s, "class") { cs.append(.class(v)) }
        for v in values(s, "datatype") {
            guard case .iri(let i) = g[v] else { throw ShapesGraphError(shape: g[s], message: "sh:datatype must be an IRI") }
            cs.append(.datatype(i))
        }
        for v in values(s, "nodeKind") { cs.append(.nodeKind(v)) }
        if isProperty {
            for v in values(s, "minCount") { cs.append(.minCount(try literalInt(v, s, "minCount"))) }
            for v in values(s, "maxCount") { cs.append(.maxCount(try literalInt(v, s, "maxCount"))) }
        }
        for (name, kind) in [("minExclusive", RangeKind.minExclusive), ("minInclusive", .minInclusive),
                             ("maxExclusive", .maxExclusive), ("maxInclusive", .maxInclusive)] {
            for v in values(s, name) { cs.append(.range(kind, v)) }
        }
        for v in values(s, "minLength") { cs.append(.minLength(try literalInt(v, s, "minLength"))) }
        for v in values(s, "maxLength") { cs.append(.maxLength(try literalInt(v, s, "maxLength"))) }
        let flags = values(s, "flags").first.flatMap { g[$0].literal?.lexical } ?? ""
        for v in values(s, "pattern") {
            guard let source = g[v].literal?.lexical else {
                throw ShapesGraphError(shape: g[s], message: "sh:pattern must be a literal")
            }
            do {
                cs.append(.pattern(try XPathRegex.compile(source, flags: flags)))
            } catch {
                throw ShapesGraphError(shape: g[s], message: "sh:pattern \"\(source)\" is not a valid regular expression")
            }
        }
        for v in values(s, "languageIn") {
            cs.append(.languageIn(try list(v, s, "languageIn").compactMap { g[$0].literal?.lexical }))
        }
        if isProperty && values(s, "uniqueLang").contains(where: isTrue) { cs.append(.uniqueLang) }
        for (name, kind) in [("equals", PairKind.equals), ("disjoint", .disjoint), ("lessThan", .lessThan),
                             ("lessThanOrEquals", .lessThanOrEquals)] {
            for v in values(s, name) { cs.append(.pair(kind, v)) }
        }
        for v in values(s, "not") { cs.append(.not(try shape(v))) }
        for v in values(s, "and") { cs.append(.and(try list(v, s, "and").map { try shape($0) })) }
        for v in values(s, "or") { cs.append(.or(try list(v, s, "or").map { try shape($0) })) }
        for v in values(s, "xone") { cs.append(.xone(try list(v, s, "xone").map { try shape($0) })) }
        for v in values(s, "node") { cs.append(.node(try shape(v))) }
        for v in values(s, "property") {
            guard !values(v, "path").isEmpty else {
                throw ShapesGraphError(shape: g[v], message: "a property shape (value of sh:property of \(g[s])) must have exactly one sh:path, found 0")
            }
            cs.append(.property(try shape(v)))
        }
        if isProperty {
            for q in values(s, "qualifiedValueShape") {
                let min = try values(s, "qualifiedMinCount").first.map { try literalInt($0, s, "qualifiedMinCount") }
                let max = try values(s, "qualifiedMaxCount").first.map { try literalInt($0, s, "qualifiedMaxCount") }
                var siblings: [Int] = []
                if values(s, "qualifiedValueShapesDisjoint").contains(where: isTrue) {
                    for parent in g.subjects(sh("property"), s) {
                        for sibling in values(Int(parent), "property") where sibling != s {
                            for sq in values(sibling, "qualifiedValueShape") where sq != q { siblings.append(try shape(sq)) }
                        }
                    }
                }
                cs.append(.qualified(shape: try shape(q), min: min, max: max, siblings: siblings))
            }
        }
        if values(s, "closed").contains(where: isTrue) {
            var allowed = Set<Int>()
            for p in values(s, "property") {
                for path in values(p, "path") where g[path].iri != nil { allowed.insert(path) }
            }
            for v in values(s, "ignoredProperties") { allowed.formUnion(try list(v, s, "ignoredProperties")) }
            cs.append(.closed(allowed: allowed))
        }
        for v in values(s, "hasValue") { cs.append(.hasValue(v)) }
        for v in values(s, "in") { cs.append(.in(Set(try list(v, s, "in")))) }
        out.constraints = cs
        shapes[i] = out
        return i
    }

    /// The path at node `p`, and the node that spells it in reports: an IRI
    /// as is, a complex path as a tree of fresh blank nodes (shared nodes of
    /// the shapes graph are written once per use), its triples in `spelling`.
    func path(_ p: Int, shape s: Int, depth: Int, spelling: inout PathSpelling) throws -> (ShapePath, Term) {
        func bad(_ why: String) -> ShapesGraphError { ShapesGraphError(shape: g[s], message: "sh:path: \(why)") }
        guard depth < 64 else { throw bad("nested too deep") }
        func list(_ head: Int) throws -> ([ShapePath], Term) {
            guard let items = g.list(head), !items.isEmpty else { throw bad("\(g[head]) is not a well-formed non-empty list") }
            let cells = items.map { _ in spelling.fresh() }
            var parts: [ShapePath] = []
            for (k, item) in items.enumerated() {
                let (part, node) = try path(item, shape: s, depth: depth + 1, spelling: &spelling)
                parts.append(part)
                spelling.quads.append(Quad(cells[k], IRI(RDF.namespace + "first"), node))
                spelling.quads.append(Quad(cells[k], IRI(RDF.namespace + "rest"), k + 1 < cells.count ? cells[k + 1] : SHV.rdfNil))
            }
            return (parts, cells[0])
        }
        func nested(_ name: String, _ x: Int, _ make: (ShapePath) -> ShapePath) throws -> (ShapePath, Term) {
            let node = spelling.fresh()
            let (inner, term) = try path(x, shape: s, depth: depth + 1, spelling: &spelling)
            spelling.quads.append(Quad(node, SH.term(name), term))
            return (make(inner), node)
        }
        switch g[p] {
        case .iri: return (.predicate(p), g[p])
        case .blank:
            if !g.objects(p, id(SHV.rdfFirst)).isEmpty {
                let (parts, node) = try list(p)
                return (parts.count == 1 ? parts[0] : .sequence(parts), node)
            }
            if let x = g.object(p, sh("inversePath")) { return try nested("inversePath", x, ShapePath.inverse) }
            if let x = g.object(p, sh("alternativePath")) {
                let node = spelling.fresh()
                let (parts, head) = try list(x)
                spelling.quads.append(Quad(node, SH.term("alternativePath"), head))
                return (.alternative(parts), node)
            }
            if let x = g.object(p, sh("zeroOrMorePath")) { return try nested("zeroOrMorePath", x, ShapePath.zeroOrMore) }
            if let x = g.object(p, sh("oneOrMorePath")) { return try nested("oneOrMorePath", x, ShapePath.oneOrMore) }
            if let x = g.object(p, sh("zeroOrOnePath")) { return try nested("zeroOrOnePath", x, ShapePath.zeroOrOne) }
            throw bad("\(g[p]) is not a SHACL path")
        default:
            throw bad("\(g[p]) is not a SHACL path")
        }
    }
}

/// The triples of a complex path as reports write it, with blank nodes
/// named after the shape's id so no two shapes' paths share a node.
struct PathSpelling {
    let shape: Int
    var quads: [Quad] = []
    var next = 0
    init(shape: Int) { self.shape = shape }
    mutating func fresh() -> Term {
        next += 1
        return .blank(BlankNode("shaclpath\(shape)_\(next)"))
    }
}
