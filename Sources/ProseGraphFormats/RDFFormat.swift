/// The formats prosegraph writes, with their names, extensions and media types.
public enum ExportFormat: String, CaseIterable, Sendable {
    case rdfxml, graphml, jsonld, ntriples, turtle

    /// The file name each format is written to.
    public var fileName: String { "graph." + fileExtension }

    public var fileExtension: String {
        switch self {
        case .rdfxml: return "rdf"
        case .graphml: return "graphml"
        case .jsonld: return "jsonld"
        case .ntriples: return "nt"
        case .turtle: return "ttl"
        }
    }

    public var mediaType: String {
        switch self {
        case .rdfxml: return "application/rdf+xml"
        case .graphml: return "application/graphml+xml"
        case .jsonld: return "application/ld+json"
        case .ntriples: return "application/n-triples"
        case .turtle: return "text/turtle"
        }
    }

    public var displayName: String {
        switch self {
        case .rdfxml: return "RDF/XML"
        case .graphml: return "GraphML"
        case .jsonld: return "JSON-LD"
        case .ntriples: return "N-Triples"
        case .turtle: return "Turtle"
        }
    }

    /// The format a file extension names (`nt`, `ttl`, `rdf`/`xml`/`owl`, `jsonld`/`json`, `graphml`).
    public static func from(extension ext: String) -> ExportFormat? {
        switch ext.lowercased() {
        case "rdf", "xml", "owl": return .rdfxml
        case "graphml": return .graphml
        case "jsonld", "json": return .jsonld
        case "nt": return .ntriples
        case "ttl": return .turtle
        default: return nil
        }
    }
}

extension ExportFormat {
    /// The formats this version can write.
    public static let writable: [ExportFormat] = [.rdfxml, .graphml, .jsonld, .ntriples, .turtle]
}
