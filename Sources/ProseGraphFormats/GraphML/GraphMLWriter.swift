import ProseGraphModel
import ProseGraphXML

/// Writes a `PropertyGraph` as GraphML 1.1 through libxml2's text writer.
///
/// The document is prosegraph's GraphML profile (Schemas/graphml/prosegraph-graphml.xsd):
/// the `graphml` root in the GraphML namespace, every key of `keys` declared
/// once before one `<graph id="G" edgedefault="directed">`, then every node,
/// then every edge. Each node and edge carries at most one `data` per key, in
/// the order of `keys`; an edge's first `data` is `label`, where Neo4j's APOC
/// import (`readLabels: true`) takes the relationship type from, and a node's
/// `labels` (`:Country`) gives its Neo4j label.
///
/// Use: create, `write` the nodes and then the edges (or a whole graph), `finish`.
/// Nodes and edges are streamed; the writer only remembers their ids, to
/// refuse a duplicate id or an edge whose end is not a node already written.
/// Text XML 1.0 cannot carry (control characters) is a `SerializationError`,
/// never dropped; a failing sink surfaces as the `XMLError` of the write.
public struct GraphMLWriter {
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"
    public static let schemaLocation = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd"
    static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    static let format = "GraphML"

    public struct Options: Hashable, Sendable {
        /// Indent nested elements by two spaces, one element a line.
        public var indent: Bool
        /// Write `xsi:schemaLocation` pointing at the GraphML 1.1 schema.
        public var schemaLocation: Bool

        public init(indent: Bool = true, schemaLocation: Bool = true) {
            self.indent = indent
            self.schemaLocation = schemaLocation
        }
    }

    /// A GraphML `<key>`: one attribute of nodes or of edges.
    public struct Key: Hashable, Sendable {
        public enum Domain: String, Sendable { case node, edge }
        /// The `attr.type` values GraphML defines.
        public enum ValueType: String, Sendable { case boolean, int, long, float, double, string }

        public let id: String
        public let domain: Domain
        /// `attr.name`: the attribute name readers (networkx, igraph, APOC) use.
        public let name: String
        public let type: ValueType
    }

    /// The keys of the profile, in the order they are declared and their data written.
    /// Ids are the attribute names, except the node label's (`name`), because
    /// key ids are shared by nodes and edges and APOC reads an edge's
    /// relationship type from the key with id `label`.
    public static let keys: [Key] = [
        Key(id: "iri", domain: .node, name: "iri", type: .string),
        Key(id: "name", domain: .node, name: "label", type: .string),
        Key(id: "type", domain: .node, name: "type", type: .string),
        Key(id: "wikidata", domain: .node, name: "wikidata", type: .string),
        Key(id: "labels", domain: .node, name: "labels", type: .string),
        Key(id: "label", domain: .edge, name: "label", type: .string),
        Key(id: "predicate", domain: .edge, name: "predicate", type: .string),
        Key(id: "predicateIRI", domain: .edge, name: "predicateIRI", type: .string),
        Key(id: "statement", domain: .edge, name: "statement", type: .string),
        Key(id: "date", domain: .edge, name: "date", type: .string),
        Key(id: "dateEarliest", domain: .edge, name: "dateEarliest", type: .string),
        Key(id: "dateLatest", domain: .edge, name: "dateLatest", type: .string),
        Key(id: "source", domain: .edge, name: "source", type: .string),
        Key(id: "evidence", domain: .edge, name: "evidence", type: .string),
        Key(id: "start", domain: .edge, name: "start", type: .int),
        Key(id: "end", domain: .edge, name: "end", type: .int),
        Key(id: "rule", domain: .edge, name: "rule", type: .string),
        Key(id: "confidence", domain: .edge, name: "confidence", type: .double),
    ]

    private enum Phase { case start, nodes, edges, finished }

    private let sink: ByteSink
    private let options: Options
    private var xml: XMLWriter?
    private var phase = Phase.start
    private var nodeIDs: Set<String> = []
    private var edgeIDs: Set<String> = []

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeIDs.count }

    public init(sink: ByteSink, options: Options = Options()) {
        self.sink = sink
        self.options = options
    }

    /// Writes every node, then every edge.
    public mutating func write(_ graph: PropertyGraph) throws {
        for n in graph.nodes { try write(n) }
        for e in graph.edges { try write(e) }
    }

    public mutating func write(_ node: PropertyGraph.Node) throws {
        let w = try begin()
        guard phase == .nodes else {
            throw SerializationError(format: Self.format, message: "node \(node.id) comes after an edge; every node must be written before the edges")
        }
        try checkID(node.id, of: "node")
        guard !nodeIDs.contains(node.id) else {
            throw SerializationError(format: Self.format, message: "node \(node.id) is written twice")
        }
        func what() -> String { "node \(node.id)" }
        try xmlCall(what()) {
            try w.startElement("node")
            try w.attribute("id", node.id)
        }
        if let iri = node.iri { try data("iri", iri.value, of: what(), w) }
        if let label = node.label { try data("name", label, of: what(), w) }
        try data("type", node.type, of: what(), w)
        if let q = node.wikidata { try data("wikidata", q, of: what(), w) }
        try data("labels", node.labels, of: what(), w)
        try xmlCall(what()) { try w.endElement() }
        nodeIDs.insert(node.id)
    }

    public mutating func write(_ edge: PropertyGraph.Edge) throws {
        let w = try begin()
        phase = .edges
        try checkID(edge.id, of: "edge")
        guard !edgeIDs.contains(edge.id) else {
            throw SerializationError(format: Self.format, message: "edge \(edge.id) is written twice")
        }
        for end in [edge.source, edge.target] where !nodeIDs.contains(end) {
            throw SerializationError(format: Self.format, message: "edge \(edge.id) names node \(end), which was not written before it")
        }
        let m = edge.mention
        func what() -> String { "edge \(edge.id)" }
        guard let start = Int32(exactly: m.provenance.start), let end = Int32(exactly: m.provenance.end) else {
            throw SerializationError(format: Self.format, message: "\(what()): the offsets \(m.provenance.start)..<\(m.provenance.end) do not fit a GraphML int")
        }
        guard m.confidence.isFinite else {
            throw SerializationError(format: Self.format, message: "\(what()): the confidence \(m.confidence) is not a number")
        }
        try xmlCall(what()) {
            try w.startElement("edge")
            try w.attribute("id", edge.id)
            try w.attribute("source", edge.source)
            try w.attribute("target", edge.target)
        }
        try data("label", edge.label, of: what(), w)
        try data("predicate", edge.predicate, of: what(), w)
        try data("predicateIRI", edge.predicateIRI.value, of: what(), w)
        try data("statement", edge.statement.value, of: what(), w)
        if let date = m.date {
            try data("date", date.description, of: what(), w)
            try data("dateEarliest", date.earliestDay.description, of: what(), w)
            try data("dateLatest", date.latestDay.description, of: what(), w)
        }
        try data("source", edge.document.value, of: what(), w)
        try data("evidence", m.provenance.sentence, of: what(), w)
        try data("start", String(start), of: what(), w)
        try data("end", String(end), of: what(), w)
        try data("rule", m.rule, of: what(), w)
        try data("confidence", m.confidenceLexical, of: what(), w)
        try xmlCall(what()) { try w.endElement() }
        edgeIDs.insert(edge.id)
    }

    /// Ends the graph and the document and flushes everything to the sink.
    /// A writer given nothing writes an empty graph.
    public mutating func finish() throws {
        let w = try begin()
        phase = .finished
        try w.finish()
    }

    // MARK: - Pieces

    /// The XML writer, after the prolog, the keys and the graph's start tag.
    private mutating func begin() throws -> XMLWriter {
        switch phase {
        case .nodes, .edges:
            return xml!
        case .finished:
            throw SerializationError(format: Self.format, message: "the writer is already finished")
        case .start:
            let sink = self.sink
            let w = try XMLWriter(indent: options.indent) { try sink.write($0) }
            try w.startDocument()
            try w.startElement("graphml")
            try w.namespaceDeclaration(prefix: nil, uri: Self.namespace)
            if options.schemaLocation {
                try w.namespaceDeclaration(prefix: "xsi", uri: Self.xsiNamespace)
                try w.attribute("schemaLocation", Self.schemaLocation, prefix: "xsi")
            }
            for key in Self.keys {
                try w.startElement("key")
                try w.attribute("id", key.id)
                try w.attribute("for", key.domain.rawValue)
                try w.attribute("attr.name", key.name)
                try w.attribute("attr.type", key.type.rawValue)
                try w.endElement()
            }
            try w.startElement("graph")
            try w.attribute("id", "G")
            try w.attribute("edgedefault", "directed")
            xml = w
            phase = .nodes
            return w
        }
    }

    private func data(_ key: String, _ value: String, of what: @autoclosure () -> String, _ w: XMLWriter) throws {
        try xmlCall("\(what()), data \(key)") {
            try w.startElement("data")
            try w.attribute("key", key)
            try w.text(value)
            try w.endElement()
        }
    }

    private func checkID(_ id: String, of kind: String) throws {
        guard XMLText.isNmtoken(id[...]) else {
            throw SerializationError(format: Self.format, message: "the \(kind) id '\(id)' is not an XML name token")
        }
    }

    /// Runs XML writer calls; text XML cannot carry becomes a SerializationError naming the element.
    private func xmlCall(_ what: @autoclosure () -> String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as XMLError where error.kind == .unwritable {
            throw SerializationError(format: Self.format, message: "\(what()): \(error.message)")
        }
    }
}
