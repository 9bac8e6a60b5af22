import ProseGraphModel

/// A set of quads, as readers produce them and canonicalization and diff
/// consume them. Duplicates are dropped; `sorted` gives a deterministic order.
public struct Dataset: Sendable, Equatable {
    public private(set) var quads: Set<Quad> = []

    public init() {}
    public init(_ quads: some Sequence<Quad>) { self.quads = Set(quads) }
    public init(triples: some Sequence<Triple>) { self.quads = Set(triples.map { Quad($0) }) }

    public mutating func insert(_ q: Quad) { quads.insert(q) }

    public var count: Int { quads.count }
    public var sorted: [Quad] { quads.sorted() }

    /// Every blank node in subject, object (also inside triple terms) or graph position.
    public var blankNodes: Set<BlankNode> {
        var out = Set<BlankNode>()
        func visit(_ t: Term?) {
            switch t {
            case .blank(let b)?: out.insert(b)
            case .tripleTerm(let tt)?: visit(tt.subject); visit(tt.object)
            default: break
            }
        }
        for q in quads { visit(q.subject); visit(q.object); visit(q.graph) }
        return out
    }
}
