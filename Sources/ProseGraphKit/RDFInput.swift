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
    /// The input was read but is not valid in its format (a `file:line:column`
    /// syntax error); false when it could not be read, was over a limit, or
    /// when something else failed.
    public let isSyntax: Bool
    public init(_ description: String, isSyntax: Bool = false) {
        self.description = description
        self.isSyntax = isSyntax
    }
}

/// Reads any supported file into quads (GraphML: prosegraph's own profile, as
/// the RDF it was written from, without the document triples, which GraphML
/// does not carry).
public enum RDFInput {
    /// Reads a whole file into memory: at most `limits.triples` quads (more is
    /// an error naming the limit), on top of the size limits `stream` applies.
    public static func read(path: String, format: InputFormat? = nil, base: String? = nil,
                            contexts: [String] = [], limits: InputLimits = InputLimits(),
                            prefixes: ((String, String) -> Void)? = nil) throws(ReadFailure) -> (quads: [Quad], format: InputFormat) {
        var quads: [Quad] = []
        let name = path == "-" ? "<stdin>" : path
        let fmt = try stream(path: path, format: format, base: base, contexts: contexts, limits: limits, prefixes: prefixes) { q in
            guard quads.count < limits.triples else {
                throw ReadFailure("\(name): \(limits.exceeded(.triples, what: "the input holds more than \(limits.triples) triples"))")
            }
            quads.append(q)
        }
        return (quads, fmt)
    }

    /// Reads a file and hands each quad to `emit` as it is parsed (JSON-LD:
    /// after expansion of the whole document, or of each top-level node object
    /// for one over `limits.jsonldSize`). Errors from `emit` stop the read.
    /// The file is refused before it is read when it is over `limits.inputSize`
    /// (JSON-LD too; its own `limits.jsonldSize` is applied by `JSONLDReader`).
    /// `prefixes` is told the prefix declarations of Turtle, TriG and RDF/XML inputs, and the
    /// simple prefix definitions of a JSON-LD document's top-level context.
    @discardableResult
    public static func stream(path: String, format: InputFormat? = nil, base: String? = nil, contexts: [String] = [],
                              limits: InputLimits = InputLimits(), prefixes: ((String, String) -> Void)? = nil,
                              _ emit: (Quad) throws -> Void) throws(ReadFailure) -> InputFormat {
        guard let fmt = format ?? InputFormat.from(path: path) else {
            throw ReadFailure("\(path): cannot tell the format from the file name: use --from (\(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let bytes: [UInt8]
        // JSON-LD too: a document over jsonld-size is still read when it can be streamed (JSONLDReader.read).
        do { bytes = try LimitedRead.read(path, limit: .inputSize, of: limits) } catch {
            throw ReadFailure(error.description)
        }
        let name = path == "-" ? "<stdin>" : path
        // Relative references resolve against the file's own URL unless --base says otherwise.
        let options = ReaderOptions(path: name, base: base ?? (path == "-" ? nil : fileURL(path)), limits: limits)
        do {
            switch fmt {
            case .ntriples: try NTriplesReader(options: options).read(bytes, emit)
            case .nquads: try NTriplesReader(options: options, quads: true).read(bytes, emit)
            case .turtle: try TurtleReader(options: options).read(bytes, prefixes: prefixes, emit)
            case .trig: try TurtleReader(options: options, trig: true).read(bytes, prefixes: prefixes, emit)
            case .rdfxml: try RDFXMLReader(options: options).read(bytes, prefixes: prefixes, emit)
            case .jsonld:
                // A context next to the document (or below its directory) is read; no other local
                // file is (a `file:///etc/passwd` context is "not available offline"), and no URL is fetched.
                var entries = contexts.map { DocumentLoader.Entry.named(path: $0) }
                if path != "-" { entries.append(.directory(urlPrefix: directoryURL(of: path), path: directory(of: path))) }
                let loader = DocumentLoader.offline(entries)
                // RDF 1.2: a value's @direction is kept (a directional language string), not dropped.
                _ = try JSONLDReader(options: options, documentLoader: loader,
                                     settings: .init(directionalLiterals: true)).read(bytes, emit)
                // The prefixes of the document's own top-level context (its simple prefix definitions).
                // (A document read node object by node object: its context alone, not a tree of the whole.)
                let contextDocument = bytes.count <= limits.jsonldSize ? bytes : JSONLDReader.topLevelContextDocument(bytes) ?? []
                if let prefixes, case .document(_, let found)? = try? JSONLDWriter.ContextReference.contextFile(contextDocument, path: name) {
                    for (prefix, namespace) in found.entries { prefixes(prefix, namespace) }
                }
            case .graphml:
                // prosegraph's own GraphML profile, as the RDF it was written from (without document triples).
                let doc = try GraphMLReader(options: options).read(bytes)
                for t in try GraphMLToRDF.triples(doc, path: name) { try emit(Quad(t)) }
            }
        } catch let e as ReadFailure {
            throw e
        } catch {
            throw ReadFailure("\(error)", isSyntax: true)
        }
        return fmt
    }

    /// The directory a file is in, absolute.
    static func directory(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileSystem.currentDirectory() + "/" + path
        guard let slash = absolute.lastIndex(of: "/") else { return "/" }
        return String(absolute[...slash])
    }

    /// `file://` URL of the directory a file is in, ending in `/`.
    static func directoryURL(of path: String) -> String {
        let url = fileURL(path)
        guard let slash = url.lastIndex(of: "/") else { return url }
        return String(url[...slash])
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
