import ProseGraphModel

/// The exports for property-graph databases, written from `PropertyGraph` (the
/// view GraphML is written from), each a few files with fixed names so that an
/// export set replaces the previous one whole:
///
/// - `csv`: `graph.nodes.csv` and `graph.relationships.csv` in the header
///   convention of Neo4j's `neo4j-admin database import` (`id:ID`, `:LABEL`,
///   `:START_ID`, `:END_ID`, `:TYPE`, every property typed: `startOffset:int`,
///   `dateEarliest:date`), and `graph.kuzu.cypher`, the Kùzu script that creates one
///   node table per label and one relationship table per type and fills them
///   from the two files with `COPY ... FROM (LOAD FROM ...)`. One nodes file and
///   one relationships file, not one per label or type: Neo4j reads them as they
///   are, Kùzu selects each table's rows with `LOAD FROM ... WHERE`, and a fixed
///   set of names cannot leave a stale file of a label the new export lacks.
/// - `cypher`: `graph.cypher`, one `CREATE` statement a line (nodes, then one
///   `MATCH ... CREATE` per relationship) that Neo4j, Memgraph, FalkorDB and Kùzu
///   run as they are, and `graph.kuzu-schema.cypher`, the node and relationship
///   tables Kùzu needs before it (Kùzu has a schema; the others do not).
public enum PropertyGraphFormat: String, CaseIterable, Sendable {
    case csv, cypher

    public static let nodesFile = "graph.nodes.csv"
    public static let relationshipsFile = "graph.relationships.csv"
    public static let kuzuCopyFile = "graph.kuzu.cypher"
    public static let cypherFile = "graph.cypher"
    public static let kuzuSchemaFile = "graph.kuzu-schema.cypher"

    /// The files the format writes, in the order they are written.
    public var fileNames: [String] {
        switch self {
        case .csv: return [Self.nodesFile, Self.relationshipsFile, Self.kuzuCopyFile]
        case .cypher: return [Self.cypherFile, Self.kuzuSchemaFile]
        }
    }

    public var displayName: String {
        switch self {
        case .csv: return "property-graph CSV"
        case .cypher: return "Cypher"
        }
    }

    /// Writes one of `fileNames` for the graph; returns what it holds, for the
    /// progress line (`(120, "nodes")`).
    public func write(_ fileName: String, of graph: PropertyGraph, to sink: ByteSink) throws -> (count: Int, noun: String) {
        let out = BufferedOutput(sink)
        let result: (Int, String)
        switch fileName {
        case Self.nodesFile:
            result = (try PropertyGraphCSV.writeNodes(graph, to: out), "nodes")
        case Self.relationshipsFile:
            result = (try PropertyGraphCSV.writeRelationships(graph, to: out), "relationships")
        case Self.kuzuCopyFile:
            result = (try KuzuScript.write(graph, copyFrom: (Self.nodesFile, Self.relationshipsFile), to: out), "statements")
        case Self.cypherFile:
            result = (try CypherScript.write(graph, to: out), "statements")
        case Self.kuzuSchemaFile:
            result = (try KuzuScript.write(graph, copyFrom: nil, to: out), "statements")
        default:
            preconditionFailure("\(fileName) is not a file of the \(rawValue) format")
        }
        try out.flush()
        return result
    }
}

/// The properties the property-graph exports give nodes and relationships, in
/// column order, with their values: one list that the CSV files, the Cypher
/// script and the Kùzu tables all follow.
///
/// Names avoid Cypher's reserved words (`startOffset`, `endOffset`, as in RDF,
/// not GraphML's `start` and `end`); every name, label and type is still
/// quoted with backticks in the scripts, so a rule's predicate that is a
/// reserved word (`match`, `end`) is a valid relationship type.
enum PropertyColumns {
    enum Kind {
        case string, int, double, date

        /// The type suffix of a Neo4j import header (Kùzu's LOAD FROM reads it too
        /// and then names the column without it).
        var neo4j: String {
            switch self {
            case .string: return "string"
            case .int: return "int"
            case .double: return "double"
            case .date: return "date"
            }
        }

        var kuzu: String {
            switch self {
            case .string: return "STRING"
            case .int: return "INT64"
            case .double: return "DOUBLE"
            case .date: return "DATE"
            }
        }
    }

    struct Column {
        let name: String
        let kind: Kind
    }

    enum Value {
        /// Text, a whole number, a number's lexical form, an ISO day.
        case string(String), int(Int), double(String), date(String)
    }

    /// After `id` (the key, `id:ID` in the CSV) and the label.
    static let node: [Column] = [
        Column(name: "iri", kind: .string), Column(name: "label", kind: .string),
        Column(name: "type", kind: .string), Column(name: "wikidata", kind: .string),
    ]

    /// After the two ends and the type.
    static let relationship: [Column] = [
        Column(name: "id", kind: .string), Column(name: "predicateIRI", kind: .string),
        Column(name: "statement", kind: .string), Column(name: "date", kind: .string),
        Column(name: "dateEarliest", kind: .date), Column(name: "dateLatest", kind: .date),
        Column(name: "source", kind: .string), Column(name: "evidence", kind: .string),
        Column(name: "startOffset", kind: .int), Column(name: "endOffset", kind: .int),
        Column(name: "rule", kind: .string), Column(name: "confidence", kind: .double),
    ]

    static func values(of n: PropertyGraph.Node) -> [Value?] {
        [n.iri.map { .string($0.value) }, n.label.map { .string($0) }, .string(n.type), n.wikidata.map { .string($0) }]
    }

    static func values(of e: PropertyGraph.Edge) -> [Value?] {
        let m = e.mention
        let bounds = m.date.map(dayBounds)
        var confidence = m.confidenceLexical
        if !confidence.contains(".") { confidence += ".0" }  // a float in Cypher, not an integer
        return [.string(e.id), .string(e.predicateIRI.value), .string(e.statement.value),
                m.date.map { .string($0.description) }, bounds.map { .date($0.first) }, bounds.map { .date($0.last) },
                .string(e.document.value), .string(m.provenance.sentence),
                .int(m.provenance.start), .int(m.provenance.end), .string(m.rule), .double(confidence)]
    }

    /// The earliest and the latest day a date at its granularity can mean:
    /// `2015-02` is 2015-02-01 to 2015-02-28, `2016` is 2016-01-01 to 2016-12-31.
    static func dayBounds(_ d: FactDate) -> (first: String, last: String) {
        (d.earliestDay.description, d.latestDay.description)
    }

    /// Node id -> label, to know the ends of each relationship.
    static func labels(of graph: PropertyGraph) -> [String: String] {
        Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.type) })
    }
}
