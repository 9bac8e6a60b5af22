import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel

/// The formats prosegraph reads, by name and file extension.
public enum InputFormat: String, CaseIterable, Sendable {
    case rdfxml, jsonld, ntriples, nquads, turtle, trig, graphml

    public static func from(path: String) -> InputFormat? {
        guard let dot = path.lastIndex(of: "."), path[dot...].count > 1 else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "rdf", "xml", "owl": return .rdfxml
        case "jsonld", "json": return .jsonld
        case "nt": return .ntriples
        case "nq": return .nquads
        case "ttl": return .turtle
        case "trig": return .trig
        case "graphml": return .graphml
        default: return nil
        }
    }
}

/// A failure to read an RDF input: the file could not be read, its format is
/// unknown, or it is not valid (`file:line:column: message`).
public struct ReadFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Reads any supported file into quads (GraphML: prosegraph's own profile, as
/// the RDF it was written from, without the document triples, which GraphML
/// does not carry).
public enum RDFInput {
    public static func read(path: String, format: InputFormat? = nil, base: String? = nil,
                            contexts: [String] = []) throws(ReadFailure) -> (quads: [Quad], format: InputFormat) {
        var quads: [Quad] = []
        let fmt = try stream(path: path, format: format, base: base, contexts: contexts) { quads.append($0) }
        return (quads, fmt)
    }

    /// Reads a file and hands each quad to `emit` as it is parsed (JSON-LD:
    /// after expansion of the whole document). Errors from `emit` stop the read.
    @discardableResult
    public static func stream(path: String, format: InputFormat? = nil, base: String? = nil, contexts: [String] = [],
                              _ emit: (Quad) throws -> Void) throws(ReadFailure) -> InputFormat {
        guard let fmt = format ?? InputFormat.from(path: path) else {
            throw ReadFailure("\(path): cannot tell the format from the file name: use --from (\(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let bytes: [UInt8]
        do { bytes = try path == "-" ? FileSystem.readStandardInput() : FileSystem.read(path) } catch {
            throw ReadFailure(error.description)
        }
        let name = path == "-" ? "<stdin>" : path
        // Relative references resolve against the file's own URL unless --base says otherwise.
        let options = ReaderOptions(path: name, base: base ?? (path == "-" ? nil : fileURL(path)))
        do {
            switch fmt {
            case .ntriples: try NTriplesReader(options: options).read(bytes, emit)
            case .nquads: try NTriplesReader(options: options, quads: true).read(bytes, emit)
            case .turtle: try TurtleReader(options: options).read(bytes, emit)
            case .trig: try TurtleReader(options: options, trig: true).read(bytes, emit)
            case .rdfxml: try RDFXMLReader(options: options).read(bytes, emit)
            case .jsonld:
                let loader = DocumentLoader.offline(contexts.map { .named(path: $0) } + [.fileURLs])
                _ = try JSONLDReader(options: options, documentLoader: loader).read(bytes, emit)
            case .graphml:
                // prosegraph's own GraphML profile, as the RDF it was written from (without document triples).
                let doc = try GraphMLReader(options: options).read(bytes)
                for t in try GraphMLToRDF.triples(doc, path: name) { try emit(Quad(t)) }
            }
        } catch let e as ReadFailure {
            throw e
        } catch {
            throw ReadFailure("\(error)")
        }
        return fmt
    }

    /// `file://` URL of a path, absolute against the working directory.
    static func fileURL(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileSystem.currentDirectory() + "/" + path
        return "file://" + absolute.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            String(segment).unicodeScalars.map { u -> String in
                let c = Character(u)
                return (c.isLetter && u.isASCII) || c.isNumber && u.isASCII || "-._~".contains(c) ? String(c) : u.utf8Escaped
            }.joined()
        }.joined(separator: "/")
    }
}

extension Unicode.Scalar {
    var utf8Escaped: String {
        String(self).utf8.map { b in
            let h = String(b, radix: 16, uppercase: true)
            return "%" + (h.count == 1 ? "0" + h : h)
        }.joined()
    }
}
