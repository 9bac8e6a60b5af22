import ProseGraphModel

/// Graph (dataset) isomorphism up to blank node renaming, by backtracking
/// over blank node mappings: the check test suites need to compare a
/// reader's output with the expected graph, small graphs with few blank
/// nodes. Blank nodes inside RDF 1.2 triple terms take part too.
///
/// Candidates for each blank node are narrowed first by colour refinement
/// (a blank node's colour is what it occurs with, other blank nodes by
/// their colour), so the search only tries blank nodes that look alike.
/// Worst case exponential, like every complete algorithm; for large or
/// highly symmetric graphs use `Canonicalizer` (RDFC-1.0) instead.
public enum Isomorphism {
    /// Whether `a` and `b` are the same set of quads once blank nodes are renamed.
    public static func isIsomorphic(_ a: some Sequence<Quad>, _ b: some Sequence<Quad>) -> Bool {
        mapping(from: a, to: b) != nil
    }

    /// A renaming of the blank nodes of `a` that turns `a` into `b`, or nil if there is none.
    public static func mapping(from a: some Sequence<Quad>, to b: some Sequence<Quad>) -> [BlankNode: BlankNode]? {
        let left = Set(a), right = Set(b)
        guard left.count == right.count else { return nil }
        let (groundLeft, blankLeft) = split(left)
        let (groundRight, blankRight) = split(right)
        guard groundLeft == groundRight, blankLeft.count == blankRight.count else { return nil }
        let nodesLeft = blankNodes(blankLeft), nodesRight = blankNodes(blankRight)
        guard nodesLeft.count == nodesRight.count else { return nil }
        if nodesLeft.isEmpty { return [:] }

        let coloursLeft = colours(blankLeft, nodesLeft), coloursRight = colours(blankRight, nodesRight)
        var candidates: [BlankNode: [BlankNode]] = [:]
        for x in nodesLeft {
            let c = nodesRight.filter { coloursRight[$0] == coloursLeft[x] }.sorted()
            if c.isEmpty { return nil }
            candidates[x] = c
        }
        var involving: [BlankNode: [Quad]] = [:]
        for q in blankLeft {
            for x in blankNodes(in: q) { involving[x, default: []].append(q) }
        }
        let order = nodesLeft.sorted { (candidates[$0]!.count, $0) < (candidates[$1]!.count, $1) }
        var map: [BlankNode: BlankNode] = [:]
        var used: Set<BlankNode> = []

        func consistent(_ x: BlankNode) -> Bool {
            for q in involving[x] ?? [] where blankNodes(in: q).allSatisfy({ map[$0] != nil }) {
                if !blankRight.contains(rename(q, map)) { return false }
            }
            return true
        }
        func search(_ k: Int) -> Bool {
            if k == order.count { return true }
            let x = order[k]
            for y in candidates[x]! where !used.contains(y) {
                map[x] = y
                used.insert(y)
                if consistent(x) && search(k + 1) { return true }
                map[x] = nil
                used.remove(y)
            }
            return false
        }
        return search(0) ? map : nil
    }

    // MARK: - Pieces

    private static func split(_ quads: Set<Quad>) -> (ground: Set<Quad>, withBlanks: Set<Quad>) {
        var ground = Set<Quad>(), blank = Set<Quad>()
        for q in quads {
            if blankNodes(in: q).isEmpty { ground.insert(q) } else { blank.insert(q) }
        }
        return (ground, blank)
    }

    private static func blankNodes(_ quads: Set<Quad>) -> Set<BlankNode> {
        var all = Set<BlankNode>()
        for q in quads { all.formUnion(blankNodes(in: q)) }
        return all
    }

    static func blankNodes(in q: Quad) -> [BlankNode] {
        var out: [BlankNode] = []
        func visit(_ t: Term?) {
            switch t {
            case .blank(let b)?: out.append(b)
            case .tripleTerm(let tt)?: visit(tt.subject); visit(tt.object)
            default: break
            }
        }
        visit(q.subject); visit(q.object); visit(q.graph)
        return out
    }

    static func rename(_ q: Quad, _ map: [BlankNode: BlankNode]) -> Quad {
        func r(_ t: Term) -> Term {
            switch t {
            case .blank(let b): return .blank(map[b] ?? b)
            case .tripleTerm(let tt): return .tripleTerm(Triple(r(tt.subject), tt.predicate, r(tt.object)))
            default: return t
            }
        }
        return Quad(r(q.subject), q.predicate, r(q.object), graph: q.graph.map(r))
    }

    /// Colour refinement: start from one colour, then repeatedly describe each
    /// blank node by the quads it occurs in, itself as `SELF` and the others by
    /// their colour, until the number of colours stops growing.
    private static func colours(_ quads: Set<Quad>, _ nodes: Set<BlankNode>) -> [BlankNode: String] {
        var colour: [BlankNode: String] = [:]
        for x in nodes { colour[x] = "" }
        var byNode: [BlankNode: [Quad]] = [:]
        for q in quads {
            for x in Set(blankNodes(in: q)) { byNode[x, default: []].append(q) }
        }
        var distinct = 1
        for _ in 0..<max(nodes.count, 1) {
            var next: [BlankNode: String] = [:]
            for x in nodes {
                let parts = (byNode[x] ?? []).map { describe($0, focus: x, colour) }.sorted()
                next[x] = String(parts.joined(separator: "\n").hashValue, radix: 36) + "/" + String(parts.count)
            }
            colour = next
            let n = Set(next.values).count
            if n == distinct { break }
            distinct = n
        }
        return colour
    }

    private static func describe(_ q: Quad, focus: BlankNode, _ colour: [BlankNode: String]) -> String {
        func d(_ t: Term) -> String {
            switch t {
            case .blank(let b): return b == focus ? "SELF" : "_:" + (colour[b] ?? "")
            case .tripleTerm(let tt): return "<<( \(d(tt.subject)) \(tt.predicate) \(d(tt.object)) )>>"
            default: return t.description
            }
        }
        return d(q.subject) + " " + q.predicate.description + " " + d(q.object) + " " + (q.graph.map(d) ?? "")
    }
}
