import ProseGraphModel
import ProseGraphXML

/// A `<data>` value, typed by its key's `attr.type`.
public enum GraphMLValue: Hashable, Sendable, CustomStringConvertible {
    case boolean(Bool)
    /// `int`: 32 bits.
    case int(Int32)
    /// `long`: 64 bits.
    case long(Int64)
    case float(Float)
    case double(Double)
    case string(String)

    public typealias ValueType = GraphMLWriter.Key.ValueType

    public var type: ValueType {
        switch self {
        case .boolean: return .boolean
        case .int: return .int
        case .long: return .long
        case .float: return .float
        case .double: return .double
        case .string: return .string
        }
    }

    /// The string, for a `.string`.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }

    /// The integer of an `int` or `long`.
    public var integer: Int64? {
        switch self {
        case .int(let v): return Int64(v)
        case .long(let v): return v
        default: return nil
        }
    }

    /// The number of a `float` or `double`.
    public var number: Double? {
        switch self {
        case .float(let v): return Double(v)
        case .double(let v): return v
        default: return nil
        }
    }

    /// Strings in double quotes (`"` and `\` escaped), everything else as written by Swift.
    public var description: String {
        switch self {
        case .boolean(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .long(let v): return String(v)
        case .float(let v): return v.description
        case .double(let v): return v.description
        case .string(let s):
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "\""
        }
    }

    /// Parses `text` as a value of `type`; nil when it is not one. Leading and
    /// trailing white space is ignored for every type but `string`. Booleans
    /// are `true`/`false`/`1`/`0` in any case (networkx writes `True`);
    /// numbers are xsd-style decimal or exponent forms, `INF`, `-INF`, `NaN`.
    public static func parse(_ text: String, as type: ValueType) -> GraphMLValue? {
        if type == .string { return .string(text) }
        let t = trimmed(text)
        switch type {
        case .string: return .string(text)
        case .boolean:
            switch t.lowercased() {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: return nil
            }
        case .int:
            guard isInteger(t), let v = Int32(t.hasPrefix("+") ? String(t.dropFirst()) : t) else { return nil }
            return .int(v)
        case .long:
            guard isInteger(t), let v = Int64(t.hasPrefix("+") ? String(t.dropFirst()) : t) else { return nil }
            return .long(v)
        case .float:
            guard let v = floating(t) else { return nil }
            return .float(Float(v))
        case .double:
            guard let v = floating(t) else { return nil }
            return .double(v)
        }
    }

    static func trimmed(_ s: String) -> String {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = s.firstIndex(where: { !space($0) }), let last = s.lastIndex(where: { !space($0) }) else { return "" }
        return String(s[first...last])
    }

    private static func isInteger(_ t: String) -> Bool {
        var u = Substring(t)
        if u.first == "+" || u.first == "-" { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Decimal and exponent notation only (no hexadecimal floats, no `inf` spelled otherwise).
    private static func floating(_ t: String) -> Double? {
        switch t {
        case "INF", "+INF", "inf", "Infinity", "+inf": return .infinity
        case "-INF", "-inf", "-Infinity": return -.infinity
        case "NaN", "nan": return .nan
        default: break
        }
        var digits = 0
        for (i, c) in t.enumerated() {
            switch c {
            case "0"..."9": digits += 1
            case ".", "e", "E": break
            case "+", "-": if i != 0, !"eE".contains(Array(t)[i - 1]) { return nil }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return Double(t)
    }
}

/// A GraphML document read as a generic property graph: the keys it declares,
/// its graphs, and every node and edge (of nested graphs too) with their data.
///
/// Data is keyed by the key's `attr.name` (its id where it has none), which is
/// what networkx, igraph and graph databases call the attribute; key defaults
/// are applied, so a node or edge has a value for every key with a default.
public struct GraphMLDocument: Hashable, Sendable {
    public struct Key: Hashable, Sendable {
        /// `for`: what the key's data may be attached to.
        public enum Domain: String, Hashable, Sendable {
            case all, graphml, graph, node, edge, hyperedge, port, endpoint
        }

        public let id: String
        public let domain: Domain
        /// `attr.name`.
        public let name: String?
        /// `attr.type` (`string` when absent, as GraphML specifies).
        public let type: GraphMLValue.ValueType
        /// `<default>`.
        public let defaultValue: GraphMLValue?

        public init(id: String, domain: Domain, name: String?, type: GraphMLValue.ValueType, defaultValue: GraphMLValue? = nil) {
            self.id = id
            self.domain = domain
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
        }

        /// The name data is stored under: `attr.name`, else the id.
        public var attributeName: String { name ?? id }

        func applies(to domain: Domain) -> Bool { self.domain == .all || self.domain == domain }
    }

    public struct Graph: Hashable, Sendable {
        public let id: String?
        /// `edgedefault="directed"` (a missing edgedefault reads as undirected, as networkx does).
        public let directed: Bool
        /// The node this graph is nested in; nil for a top-level graph.
        public let parentNode: String?
        public var data: [String: GraphMLValue]

        public init(id: String?, directed: Bool, parentNode: String? = nil, data: [String: GraphMLValue] = [:]) {
            self.id = id
            self.directed = directed
            self.parentNode = parentNode
            self.data = data
        }
    }

    public struct Node: Hashable, Sendable {
        public let id: String
        public var data: [String: GraphMLValue]
        /// Where the node's start tag begins.
        public let line: Int
        public let column: Int

        public init(id: String, data: [String: GraphMLValue], line: Int = 0, column: Int = 0) {
            self.id = id
            self.data = data
            self.line = line
            self.column = column
        }
    }

    public struct Edge: Hashable, Sendable {
        public let id: String?
        public let source: String
        public let target: String
        /// The edge's `directed`, else its graph's `edgedefault`.
        public let directed: Bool
        public var data: [String: GraphMLValue]
        public let line: Int
        public let column: Int

        public init(id: String?, source: String, target: String, directed: Bool, data: [String: GraphMLValue],
                    line: Int = 0, column: Int = 0) {
            self.id = id
            self.source = source
            self.target = target
            self.directed = directed
            self.data = data
            self.line = line
            self.column = column
        }
    }

    /// In document order.
    public var keys: [Key]
    /// In document order (a nested graph after the graph it is in).
    public var graphs: [Graph]
    /// In document order.
    public var nodes: [Node]
    /// In document order.
    public var edges: [Edge]
    /// Data of the `<graphml>` element itself.
    public var data: [String: GraphMLValue]

    public init(keys: [Key] = [], graphs: [Graph] = [], nodes: [Node] = [], edges: [Edge] = [], data: [String: GraphMLValue] = [:]) {
        self.keys = keys
        self.graphs = graphs
        self.nodes = nodes
        self.edges = edges
        self.data = data
    }

    /// The key attached to elements of `domain` whose data is stored under `name`.
    public func key(named name: String, for domain: Key.Domain) -> Key? {
        keys.first { $0.attributeName == name && $0.applies(to: domain) }
    }
}

/// Reads GraphML (1.0 and 1.1) on `XMLStreamReader`: one pass, no tree.
///
/// Elements in the GraphML namespace (or in none) are read; elements of other
/// namespaces (yEd's `y:`, `xsi:`) are skipped, except inside `<data>`, whose
/// value is then the text of its content (white space around it trimmed) for
/// a `string` key and is ignored for a key of another type. Hyperedges, ports
/// and `<locator>` are skipped.
///
/// Errors, each a `ParseError` at the line and column of the element or
/// attribute at fault: XML syntax; a root that is not `graphml`; a missing
/// required attribute (`key/@id`, `node/@id`, `edge/@source`, `edge/@target`,
/// `data/@key`); an unknown `attr.type` or `for`; a duplicate key, node or
/// edge id; data naming an undeclared key, a key for another kind of element,
/// the same key twice on one element, or a value that is not of the key's
/// type; an edge whose end is not a node of the document (checked at the end).
public struct GraphMLReader {
    public static let namespace = GraphMLWriter.namespace
    public let options: ReaderOptions

    public init(options: ReaderOptions = .init()) {
        self.options = options
    }

    public func read(_ bytes: [UInt8]) throws -> GraphMLDocument {
        var state = State(path: options.path, maxKeys: options.limits.graphmlKeys, limits: options.limits)
        let xml: XMLStreamReader
        do {
            xml = try XMLStreamReader(bytes: bytes, url: options.path)
        } catch {
            throw located(error)
        }
        var sawRoot = false
        while true {
            let next: XMLStreamReader.Node?
            do { next = try xml.next() } catch { throw located(error) }
            guard let node = next else { break }
            if !sawRoot, node.kind == .element {
                sawRoot = true
                guard node.localName == "graphml", isGraphML(node) else {
                    throw state.error(at: node, "the root element is <\(node.qualifiedName)>, not a GraphML <graphml> element")
                }
            }
            try state.handle(node)
        }
        guard sawRoot else { throw ParseError(path: options.path, line: 1, column: 1, message: "the document has no root element") }
        return try state.finish()
    }

    private func located(_ error: XMLError) -> ParseError {
        ParseError(path: options.path, line: error.line ?? 1, column: error.column ?? 1, message: error.message)
    }
}

private func isGraphML(_ node: XMLStreamReader.Node) -> Bool {
    node.namespaceURI == nil || node.namespaceURI == GraphMLReader.namespace
}

/// The reader's state between stream nodes.
private struct State {
    enum Owner { case document, graph(Int), node(Int), edge(Int) }

    enum Frame {
        case graphml
        case graph(Int)
        case node(Int)
        case edge(Int)
        case key(Int)
        case keyDefault(Int, text: String, line: Int, column: Int)
        case data(OpenData)
        /// Content that is skipped (foreign elements, hyperedges, ports, descriptions).
        case skipped
    }

    struct OpenData {
        let owner: Owner
        let key: Int
        /// Character data directly inside `<data>`.
        var text = ""
        /// Whether `<data>` has element content; then `pieces` is the text inside those elements.
        var elements = false
        var pieces: [String] = []
        let line: Int
        let column: Int
    }

    let path: String
    /// More `<key>` elements than this is an error (`InputLimits.graphmlKeys`).
    let maxKeys: Int
    let limits: InputLimits
    var doc = GraphMLDocument()
    var stack: [Frame] = []
    var keyIndex: [String: Int] = [:]
    var nodeIndex: [String: Int] = [:]
    var edgeIndex: [String: Int] = [:]
    /// The keys with a default value: only these are applied to each element.
    var keysWithDefaults: [GraphMLDocument.Key] = []

    init(path: String, maxKeys: Int, limits: InputLimits) {
        self.path = path
        self.maxKeys = maxKeys
        self.limits = limits
    }

    func error(at node: XMLStreamReader.Node, _ message: String) -> ParseError {
        ParseError(path: path, line: node.line, column: node.column, message: message)
    }

    func error(at a: XMLStreamReader.Attribute, _ message: String) -> ParseError {
        ParseError(path: path, line: a.line, column: a.column, message: message)
    }

    func attribute(_ node: XMLStreamReader.Node, _ name: String) -> XMLStreamReader.Attribute? {
        node.attributes.first { $0.localName == name && $0.namespaceURI == nil }
    }

    func required(_ node: XMLStreamReader.Node, _ name: String) throws -> String {
        guard let a = attribute(node, name) else {
            throw error(at: node, "<\(node.localName)> has no \(name) attribute")
        }
        return a.value
    }

    /// Id, or `source -> target`, for messages.
    func describe(_ edge: GraphMLDocument.Edge) -> String {
        edge.id.map { "edge '\($0)'" } ?? "edge '\(edge.source)' -> '\(edge.target)'"
    }

    mutating func handle(_ node: XMLStreamReader.Node) throws {
        switch node.kind {
        case .element:
            try start(node)
            if node.isEmptyElement { try end(node) }
        case .endElement:
            try end(node)
        case .text, .cdata, .whitespace:
            guard let last = stack.last else { return }
            let value = node.value ?? ""
            switch last {
            case .data(var d):
                d.text += value
                stack[stack.count - 1] = .data(d)
            case .keyDefault(let key, let text, let line, let column):
                stack[stack.count - 1] = .keyDefault(key, text: text + value, line: line, column: column)
            case .skipped:
                // Text inside structured data content (yEd's labels) is kept, piece by piece.
                guard node.kind != .whitespace,
                      let i = stack.lastIndex(where: { if case .data = $0 { return true } else { return false } }),
                      case .data(var d) = stack[i] else { return }
                d.pieces.append(value)
                stack[i] = .data(d)
            default:
                return
            }
        default:
            return
        }
    }

    var innerOwner: Owner {
        for f in stack.reversed() {
            switch f {
            case .graphml: return .document
            case .graph(let i): return .graph(i)
            case .node(let i): return .node(i)
            case .edge(let i): return .edge(i)
            default: continue
            }
        }
        return .document
    }

    mutating func start(_ node: XMLStreamReader.Node) throws {
        // Inside data or skipped content, everything is skipped.
        if let last = stack.last {
            switch last {
            case .data(var d):
                d.elements = true
                stack[stack.count - 1] = .data(d)
                stack.append(.skipped)
                return
            case .skipped, .keyDefault:
                stack.append(.skipped)
                return
            default: break
            }
        }
        guard isGraphML(node) else {
            stack.append(.skipped)
            return
        }
        switch node.localName {
        case "graphml" where stack.isEmpty:
            stack.append(.graphml)
        case "key":
            guard doc.keys.count < maxKeys else {
                throw error(at: node, limits.exceeded(.graphmlKeys, what: "the file declares more than \(maxKeys) keys"))
            }
            let id = try required(node, "id")
            if let first = keyIndex[id] {
                let k = doc.keys[first]
                throw error(at: attribute(node, "id")!, "the key id '\(id)' is declared twice (first for \(k.domain.rawValue))")
            }
            var domain = GraphMLDocument.Key.Domain.all
            if let f = attribute(node, "for") {
                guard let d = GraphMLDocument.Key.Domain(rawValue: f.value) else {
                    throw error(at: f, "key '\(id)' has the unknown for=\"\(f.value)\" (GraphML defines all, graphml, graph, node, edge, hyperedge, port, endpoint)")
                }
                domain = d
            }
            var type = GraphMLValue.ValueType.string
            if let t = attribute(node, "attr.type") {
                guard let v = GraphMLValue.ValueType(rawValue: t.value) else {
                    throw error(at: t, "key '\(id)' has the unknown attr.type '\(t.value)' (GraphML defines boolean, int, long, float, double, string)")
                }
                type = v
            }
            keyIndex[id] = doc.keys.count
            doc.keys.append(GraphMLDocument.Key(id: id, domain: domain, name: attribute(node, "attr.name")?.value, type: type))
            stack.append(.key(doc.keys.count - 1))
        case "default":
            guard case .key(let k)? = stack.last else { stack.append(.skipped); return }
            stack.append(.keyDefault(k, text: "", line: node.line, column: node.column))
        case "graph":
            let owner = innerOwner
            var parent: String? = nil
            if case .node(let i) = owner { parent = doc.nodes[i].id }
            let directed = attribute(node, "edgedefault")?.value == "directed"
            if let e = attribute(node, "edgedefault"), e.value != "directed", e.value != "undirected" {
                throw error(at: e, "edgedefault is '\(e.value)', not directed or undirected")
            }
            doc.graphs.append(GraphMLDocument.Graph(id: attribute(node, "id")?.value, directed: directed, parentNode: parent))
            stack.append(.graph(doc.graphs.count - 1))
        case "node":
            let id = try required(node, "id")
            if let first = nodeIndex[id] {
                let n = doc.nodes[first]
                throw error(at: node, "the node id '\(id)' is used twice (first at \(n.line):\(n.column))")
            }
            nodeIndex[id] = doc.nodes.count
            doc.nodes.append(GraphMLDocument.Node(id: id, data: [:], line: node.line, column: node.column))
            stack.append(.node(doc.nodes.count - 1))
        case "edge":
            let source = try required(node, "source"), target = try required(node, "target")
            let id = attribute(node, "id")?.value
            if let id, let first = edgeIndex[id] {
                let e = doc.edges[first]
                throw error(at: node, "the edge id '\(id)' is used twice (first at \(e.line):\(e.column))")
            }
            var directed = false
            if case .graph(let g) = innerOwner { directed = doc.graphs[g].directed }
            if let d = attribute(node, "directed") {
                switch d.value {
                case "true", "1": directed = true
                case "false", "0": directed = false
                default: throw error(at: d, "directed is '\(d.value)', not true or false")
                }
            }
            if let id { edgeIndex[id] = doc.edges.count }
            doc.edges.append(GraphMLDocument.Edge(id: id, source: source, target: target, directed: directed, data: [:],
                                                  line: node.line, column: node.column))
            stack.append(.edge(doc.edges.count - 1))
        case "data":
            let keyAttribute = try required(node, "key")
            guard let k = keyIndex[keyAttribute] else {
                throw error(at: attribute(node, "key")!, "data refers to the undeclared key '\(keyAttribute)'")
            }
            let owner = innerOwner
            let key = doc.keys[k]
            let domain: GraphMLDocument.Key.Domain
            let what: String
            switch owner {
            case .document: domain = .graphml; what = "<graphml>"
            case .graph(let i): domain = .graph; what = doc.graphs[i].id.map { "graph '\($0)'" } ?? "a graph"
            case .node(let i): domain = .node; what = "node '\(doc.nodes[i].id)'"
            case .edge(let i): domain = .edge; what = describe(doc.edges[i])
            }
            guard key.applies(to: domain) else {
                throw error(at: attribute(node, "key")!, "the key '\(key.id)' is declared for \(key.domain.rawValue), not for \(domain.rawValue) (data of \(what))")
            }
            stack.append(.data(OpenData(owner: owner, key: k, line: node.line, column: node.column)))
        default:
            // desc, hyperedge, port, endpoint, locator, and anything unknown.
            stack.append(.skipped)
        }
    }

    mutating func end(_ node: XMLStreamReader.Node) throws {
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .node(let i):
            let keys = keysWithDefaults
            Self.applyDefaults(keys, to: &doc.nodes[i].data, domain: .node)
        case .edge(let i):
            let keys = keysWithDefaults
            Self.applyDefaults(keys, to: &doc.edges[i].data, domain: .edge)
        case .graph(let i):
            let keys = keysWithDefaults
            Self.applyDefaults(keys, to: &doc.graphs[i].data, domain: .graph)
        case .graphml:
            let keys = keysWithDefaults
            Self.applyDefaults(keys, to: &doc.data, domain: .graphml)
        case .keyDefault(let k, let text, let line, let column):
            let key = doc.keys[k]
            guard let value = GraphMLValue.parse(text, as: key.type) else {
                throw ParseError(path: path, line: line, column: column,
                                 message: "the default '\(text)' of key '\(key.id)' is not a valid \(key.type.rawValue)")
            }
            doc.keys[k] = GraphMLDocument.Key(id: key.id, domain: key.domain, name: key.name, type: key.type, defaultValue: value)
            keysWithDefaults.removeAll { $0.id == key.id }
            keysWithDefaults.append(doc.keys[k])
        case .data(let d):
            let (owner, text, line, column) = (d.owner, d.text, d.line, d.column)
            let key = doc.keys[d.key]
            let value: GraphMLValue
            if d.elements {
                // Structured content (yEd graphics): its text pieces, trimmed, one a line; for a string key only.
                guard key.type == .string else { return }
                value = .string(([text] + d.pieces).map(GraphMLValue.trimmed).filter { !$0.isEmpty }.joined(separator: "\n"))
            } else {
                guard let v = GraphMLValue.parse(text, as: key.type) else {
                    throw ParseError(path: path, line: line, column: column,
                                     message: "the value '\(text)' of key '\(key.id)'\(key.name.map { " (\($0))" } ?? "") is not a valid \(key.type.rawValue)")
                }
                value = v
            }
            let name = key.attributeName
            // Check, then store in place: no copy of the element (or of the arrays holding it) per data element.
            func twice(_ what: String) -> ParseError {
                ParseError(path: path, line: line, column: column, message: "\(what) has a second value for '\(name)' (key '\(key.id)')")
            }
            switch owner {
            case .document:
                guard doc.data[name] == nil else { throw twice("<graphml>") }
                doc.data[name] = value
            case .graph(let i):
                guard doc.graphs[i].data[name] == nil else { throw twice(doc.graphs[i].id.map { "graph '\($0)'" } ?? "a graph") }
                doc.graphs[i].data[name] = value
            case .node(let i):
                guard doc.nodes[i].data[name] == nil else { throw twice("node '\(doc.nodes[i].id)'") }
                doc.nodes[i].data[name] = value
            case .edge(let i):
                guard doc.edges[i].data[name] == nil else { throw twice(describe(doc.edges[i])) }
                doc.edges[i].data[name] = value
            }
        case .key, .skipped:
            break
        }
    }

    /// Static, with the keys passed in: reading `doc.keys` while `doc.edges[i].data` is
    /// borrowed in place would make Swift copy the whole edge array for every edge.
    static func applyDefaults(_ keys: [GraphMLDocument.Key], to data: inout [String: GraphMLValue], domain: GraphMLDocument.Key.Domain) {
        for key in keys where key.applies(to: domain) {
            if let d = key.defaultValue, data[key.attributeName] == nil { data[key.attributeName] = d }
        }
    }

    /// Checks every edge's ends.
    mutating func finish() throws -> GraphMLDocument {
        for e in doc.edges {
            for (role, end) in [("source", e.source), ("target", e.target)] where nodeIndex[end] == nil {
                throw ParseError(path: path, line: e.line, column: e.column,
                                 message: "\(describe(e)): the \(role) '\(end)' is not a declared node")
            }
        }
        return doc
    }
}
