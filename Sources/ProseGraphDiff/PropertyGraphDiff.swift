import ProseGraphFormats
import ProseGraphModel

/// The difference of two GraphML documents compared as property graphs: by
/// node id, edge endpoints and data (attribute name -> typed value), not as
/// RDF. Key ids, element order, layout and graph-level data do not count,
/// nor does the width of a number (`int` 5 equals `long` 5).
///
/// - Nodes are matched by id: added, removed, or changed (data compared key by key).
/// - Edges are matched by id where both edges have one; otherwise (either has
///   no id) by content: source, target, direction and data. An id-matched
///   edge may show changed endpoints, direction or data; a content-matched
///   one is by definition unchanged. Parallel id-less edges count as a multiset.
///
/// Everything is keyed in hash tables, so the cost is linear in the sizes of
/// the two graphs (plus sorting the report), never pairwise.
public struct PropertyGraphDiff: Sendable {
    public struct DataChange: Hashable, Sendable {
        public let key: String
        /// nil: the key had no value.
        public let old: GraphMLValue?
        public let new: GraphMLValue?

        public init(key: String, old: GraphMLValue?, new: GraphMLValue?) {
            self.key = key
            self.old = old
            self.new = new
        }
    }

    public struct NodeChange: Hashable, Sendable {
        public let id: String
        /// Sorted by key.
        public let changes: [DataChange]
    }

    public struct EdgeChange: Hashable, Sendable {
        public let old: GraphMLDocument.Edge
        public let new: GraphMLDocument.Edge
        /// Sorted by key.
        public let changes: [DataChange]
        public var id: String { new.id ?? "" }
        public var endpointsChanged: Bool {
            old.source != new.source || old.target != new.target || old.directed != new.directed
        }
    }

    /// Sorted by id.
    public let nodesAdded: [GraphMLDocument.Node]
    public let nodesRemoved: [GraphMLDocument.Node]
    public let nodesChanged: [NodeChange]
    /// Sorted by id, then source, target.
    public let edgesAdded: [GraphMLDocument.Edge]
    public let edgesRemoved: [GraphMLDocument.Edge]
    public let edgesChanged: [EdgeChange]
    public let oldCounts: (nodes: Int, edges: Int)
    public let newCounts: (nodes: Int, edges: Int)

    public var isEmpty: Bool {
        nodesAdded.isEmpty && nodesRemoved.isEmpty && nodesChanged.isEmpty
            && edgesAdded.isEmpty && edgesRemoved.isEmpty && edgesChanged.isEmpty
    }

    public init(old: GraphMLDocument, new: GraphMLDocument) {
        oldCounts = (old.nodes.count, old.edges.count)
        newCounts = (new.nodes.count, new.edges.count)

        // Nodes, by id (the reader guarantees ids are unique).
        var newNodes: [String: GraphMLDocument.Node] = [:]
        newNodes.reserveCapacity(new.nodes.count)
        for n in new.nodes { newNodes[n.id] = n }
        var removed: [GraphMLDocument.Node] = [], changed: [NodeChange] = []
        for n in old.nodes {
            guard let m = newNodes.removeValue(forKey: n.id) else { removed.append(n); continue }
            let c = Self.changes(n.data, m.data)
            if !c.isEmpty { changed.append(NodeChange(id: n.id, changes: c)) }
        }
        nodesRemoved = removed.sorted { Self.precedes($0.id, $1.id) }
        nodesAdded = newNodes.values.sorted { Self.precedes($0.id, $1.id) }
        nodesChanged = changed.sorted { Self.precedes($0.id, $1.id) }

        // Edges with ids on both sides, by id.
        var newByID: [String: GraphMLDocument.Edge] = [:]
        var newRest: [EdgeContent: [GraphMLDocument.Edge]] = [:]
        for e in new.edges {
            if let id = e.id { newByID[id] = e } else { newRest[EdgeContent(e), default: []].append(e) }
        }
        let oldIDs = Set(old.edges.compactMap(\.id))
        var edgeChanges: [EdgeChange] = []
        var oldUnmatched: [GraphMLDocument.Edge] = []
        for e in old.edges {
            if let id = e.id, let m = newByID.removeValue(forKey: id) {
                let c = Self.changes(e.data, m.data)
                let change = EdgeChange(old: e, new: m, changes: c)
                if !c.isEmpty || change.endpointsChanged { edgeChanges.append(change) }
            } else {
                oldUnmatched.append(e)
            }
        }
        // New edges with an id no old edge has can still match an old edge without id, by content.
        for (id, e) in newByID where !oldIDs.contains(id) { newRest[EdgeContent(e), default: []].append(e) }
        // The rest, by content; an old edge with an id only matches a new edge without one.
        var edgesRemoved: [GraphMLDocument.Edge] = []
        for e in oldUnmatched {
            let k = EdgeContent(e)
            if var bucket = newRest[k], let i = e.id == nil ? bucket.indices.first : bucket.firstIndex(where: { $0.id == nil }) {
                bucket.remove(at: i)
                newRest[k] = bucket.isEmpty ? nil : bucket
            } else {
                edgesRemoved.append(e)
            }
        }
        let edgesAdded = newRest.values.flatMap { $0 }
        self.edgesRemoved = edgesRemoved.sorted(by: Self.edgeOrder)
        self.edgesAdded = edgesAdded.sorted(by: Self.edgeOrder)
        edgesChanged = edgeChanges.sorted { Self.edgeOrder($0.new, $1.new) }
    }

    /// What identifies an edge without id: its ends, direction and data.
    private struct EdgeContent: Hashable {
        let source: String
        let target: String
        let directed: Bool
        let data: [String: GraphMLValue]
        init(_ e: GraphMLDocument.Edge) {
            // An undirected edge has no source or target: order its ends.
            if !e.directed, Self.less(e.target, e.source) {
                (source, target) = (e.target, e.source)
            } else {
                (source, target) = (e.source, e.target)
            }
            directed = e.directed
            data = e.data.mapValues(PropertyGraphDiff.normalized)
        }
        static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
    }

    static func changes(_ old: [String: GraphMLValue], _ new: [String: GraphMLValue]) -> [DataChange] {
        var out: [DataChange] = []
        for (k, v) in old where !same(new[k], v) { out.append(DataChange(key: k, old: v, new: new[k])) }
        for (k, v) in new where old[k] == nil { out.append(DataChange(key: k, old: nil, new: v)) }
        return out.sorted { precedes($0.key, $1.key) }
    }

    /// Value equality across widths (an `int` equals the `long` of the same
    /// number, a `float` the `double` of its value: networkx writes every int
    /// as `long`), where NaN equals NaN (a graph is the same as itself).
    private static func same(_ a: GraphMLValue?, _ b: GraphMLValue) -> Bool {
        guard let a else { return false }
        let (x, y) = (normalized(a), normalized(b))
        if x == y { return true }
        if case .double(let p) = x, case .double(let q) = y { return p.isNaN && q.isNaN }
        return false
    }

    /// `int` as `long`, `float` as `double`.
    static func normalized(_ v: GraphMLValue) -> GraphMLValue {
        switch v {
        case .int(let i): return .long(Int64(i))
        case .float(let f): return .double(Double(f))
        default: return v
        }
    }

    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    static func edgeOrder(_ a: GraphMLDocument.Edge, _ b: GraphMLDocument.Edge) -> Bool {
        if a.id != b.id {
            guard let x = a.id else { return false }
            guard let y = b.id else { return true }
            return precedes(x, y)
        }
        if a.source != b.source { return precedes(a.source, b.source) }
        if a.target != b.target { return precedes(a.target, b.target) }
        return precedes(Self.render(a.data), Self.render(b.data))
    }

    // MARK: - Rendering

    public static let heading = "comparing as property graphs (GraphML): node ids, edge endpoints and data"

    /// `{key: value, ...}`, keys sorted; strings quoted.
    static func render(_ data: [String: GraphMLValue]) -> String {
        "{" + data.keys.sorted(by: precedes).map { "\($0): \(data[$0]!)" }.joined(separator: ", ") + "}"
    }

    static func render(_ e: GraphMLDocument.Edge) -> String {
        let ends = e.source + (e.directed ? " -> " : " -- ") + e.target
        return e.id.map { "\($0) (\(ends))" } ?? ends
    }

    static func render(_ v: GraphMLValue?) -> String { v.map(\.description) ?? "(none)" }

    /// The readable report: the heading, the sizes, grouped changes, totals. `color` adds ANSI colours.
    public func text(color: Bool) -> String {
        let green = color ? "\u{1B}[32m" : "", red = color ? "\u{1B}[31m" : "", yellow = color ? "\u{1B}[33m" : "",
            bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        var out = Self.heading + "\n"
        out += "old: \(oldCounts.nodes) nodes, \(oldCounts.edges) edges; new: \(newCounts.nodes) nodes, \(newCounts.edges) edges\n"
        if isEmpty { return out + "no differences\n" }
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n\(bold)\(title) (\(lines.count))\(reset)\n"
            for l in lines { out += l + "\n" }
        }
        func changeLines(_ changes: [DataChange]) -> [String] {
            changes.map { "    \($0.key): \(Self.render($0.old)) -> \(Self.render($0.new))" }
        }
        section("Nodes added", nodesAdded.map { "  \(green)+ \($0.id) \(Self.render($0.data))\(reset)" })
        section("Nodes removed", nodesRemoved.map { "  \(red)- \($0.id) \(Self.render($0.data))\(reset)" })
        section("Nodes changed", nodesChanged.map { c in
            "  \(yellow)~ \(c.id)\n" + changeLines(c.changes).joined(separator: "\n") + reset
        })
        section("Edges added", edgesAdded.map { "  \(green)+ \(Self.render($0)) \(Self.render($0.data))\(reset)" })
        section("Edges removed", edgesRemoved.map { "  \(red)- \(Self.render($0)) \(Self.render($0.data))\(reset)" })
        section("Edges changed", edgesChanged.map { c in
            var lines = ["  \(yellow)~ \(Self.render(c.new))"]
            if c.endpointsChanged { lines.append("    endpoints: \(Self.render(c.old)) -> \(Self.render(c.new))") }
            return (lines + changeLines(c.changes)).joined(separator: "\n") + reset
        })
        out += "\nnodes: \(nodesAdded.count) added, \(nodesRemoved.count) removed, \(nodesChanged.count) changed; "
        out += "edges: \(edgesAdded.count) added, \(edgesRemoved.count) removed, \(edgesChanged.count) changed\n"
        return out
    }

    /// The report as JSON for programs; keys in a fixed order, values typed
    /// (strings, numbers, booleans; a non-finite number as a string).
    public func json() -> String {
        func s(_ v: String) -> String { JSONText.quoted(v) }
        func value(_ v: GraphMLValue?) -> String {
            guard let v else { return "null" }
            switch v {
            case .boolean(let b): return b ? "true" : "false"
            case .int(let i): return String(i)
            case .long(let i): return String(i)
            case .float, .double:
                let d = v.number!
                return d.isFinite ? (v.type == .float ? Float(d).description : d.description) : s(d.description)
            case .string(let t): return s(t)
            }
        }
        func data(_ d: [String: GraphMLValue]) -> String {
            "{" + d.keys.sorted(by: Self.precedes).map { "\(s($0)): \(value(d[$0]))" }.joined(separator: ", ") + "}"
        }
        func edge(_ e: GraphMLDocument.Edge) -> String {
            "{\"id\": \(e.id.map(s) ?? "null"), \"source\": \(s(e.source)), \"target\": \(s(e.target)), \"directed\": \(e.directed), \"data\": \(data(e.data))}"
        }
        func changes(_ cs: [DataChange]) -> String {
            "[" + cs.map { "{\"key\": \(s($0.key)), \"old\": \(value($0.old)), \"new\": \(value($0.new))}" }.joined(separator: ", ") + "]"
        }
        func list(_ items: [String]) -> String { items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]" }
        return """
        {
          "comparison": "property graph",
          "same": \(isEmpty),
          "old": {"nodes": \(oldCounts.nodes), "edges": \(oldCounts.edges)},
          "new": {"nodes": \(newCounts.nodes), "edges": \(newCounts.edges)},
          "nodesAdded": \(list(nodesAdded.map { "{\"id\": \(s($0.id)), \"data\": \(data($0.data))}" })),
          "nodesRemoved": \(list(nodesRemoved.map { "{\"id\": \(s($0.id)), \"data\": \(data($0.data))}" })),
          "nodesChanged": \(list(nodesChanged.map { "{\"id\": \(s($0.id)), \"changes\": \(changes($0.changes))}" })),
          "edgesAdded": \(list(edgesAdded.map(edge))),
          "edgesRemoved": \(list(edgesRemoved.map(edge))),
          "edgesChanged": \(list(edgesChanged.map { "{\"old\": \(edge($0.old)), \"new\": \(edge($0.new)), \"changes\": \(changes($0.changes))}" }))
        }

        """
    }
}
