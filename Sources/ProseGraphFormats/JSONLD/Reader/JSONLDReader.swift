import ProseGraphModel
import ProseGraphText

/// The JSON-LD processing mode. 1.1 is the default; in 1.0 mode the 1.1
/// features (`@version`, scoped contexts, `@json`, ...) are errors.
public enum JSONLDProcessingMode: String, Sendable, CaseIterable {
    case jsonLD10 = "json-ld-1.0"
    case jsonLD11 = "json-ld-1.1"
}

/// Reads JSON-LD 1.1 into quads: context processing, expansion and
/// deserialization to RDF (JSON-LD 1.1 Processing Algorithms and API, §4.1,
/// §4.2, §5.1, §8), with lists, JSON literals (`rdf:JSON`, RFC 8785
/// canonical form), base directions (`rdfDirection`) and named graphs.
///
/// ```swift
/// let reader = JSONLDReader(options: ReaderOptions(path: "graph.jsonld", base: "https://example.org/"),
///                           documentLoader: .offline([.named(path: "ctx.jsonld")]))
/// try reader.read(bytes) { quad in ... }
/// ```
///
/// - The whole document is expanded before the first quad is emitted, so a
///   document with an error emits nothing.
/// - Remote contexts are never fetched: the `DocumentLoader` serves them from
///   local files (the project context is always there); any other is an error
///   naming it: `x.jsonld:1:14: remote context https://example.org/c.jsonld is
///   not available offline: pass it with --context FILE`.
/// - `ReaderOptions.base` is the document's URL: relative IRIs and relative
///   context references resolve against it. Without one, a statement with a
///   relative IRI is dropped (as JSON-LD says), and counted in `Summary.dropped`.
/// - Quads are emitted once each, in document order; blank nodes are
///   relabelled `b0`, `b1`, ...
/// - Malformed JSON is a `ParseError` with line and column; a JSON-LD error
///   is a `JSONLDError` carrying the JSON-LD error code; a document larger
///   than `ReaderOptions.limits.jsonldSize` is an `InputLimitError`.
public struct JSONLDReader: Sendable {
    /// How a value's base direction becomes RDF (JSON-LD's `rdfDirection`);
    /// nil (the default) drops the direction.
    public enum RDFDirection: String, Sendable, CaseIterable {
        /// `"text"^^<https://www.w3.org/ns/i18n#en_rtl>`.
        case i18nDatatype = "i18n-datatype"
        /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
        case compoundLiteral = "compound-literal"
    }

    /// The JSON-LD options beyond `ReaderOptions`.
    public struct Settings: Sendable {
        public var processingMode: JSONLDProcessingMode
        public var rdfDirection: RDFDirection?
        /// The URL of a context applied before the document's own (`expandContext`).
        public var expandContext: String?
        /// RDF 1.2: with no `rdfDirection`, a value with `@language` and
        /// `@direction` becomes a directional language string
        /// (`"chat"@en--ltr`) instead of losing its direction, as JSON-LD 1.1
        /// (false, the W3C suite's setting) has it.
        public var directionalLiterals: Bool

        public init(processingMode: JSONLDProcessingMode = .jsonLD11, rdfDirection: RDFDirection? = nil, expandContext: String? = nil,
                    directionalLiterals: Bool = false) {
            self.processingMode = processingMode
            self.rdfDirection = rdfDirection
            self.expandContext = expandContext
            self.directionalLiterals = directionalLiterals
        }
    }

    /// What a read produced: the quads emitted and the statements dropped
    /// because they cannot be RDF (a relative IRI, an ill-formed language
    /// tag or IRI, a blank node predicate).
    public struct Summary: Sendable, Hashable {
        public let quads: Int
        public let dropped: Int

        public init(quads: Int, dropped: Int) {
            self.quads = quads
            self.dropped = dropped
        }
    }

    public let options: ReaderOptions
    public let documentLoader: DocumentLoader
    public let settings: Settings

    public init(options: ReaderOptions = .init(), documentLoader: DocumentLoader = .offline(), settings: Settings = .init()) {
        self.options = options
        self.documentLoader = documentLoader
        self.settings = settings
    }

    /// Reads a whole JSON-LD document and emits its quads.
    ///
    /// A document up to `limits.jsonldSize` is read as one tree. A larger one
    /// is read node object by node object when it has the shape prosegraph
    /// writes (a top-level array of node objects, or a top-level object of
    /// `@context` and `@graph` alone; `JSONStreamShape`): then the limit bounds
    /// each top-level node object instead, and the quads are the same, in the
    /// same order. A larger document of any other shape is refused.
    @discardableResult
    public func read(_ bytes: [UInt8], _ emit: (Quad) throws -> Void) throws -> Summary {
        // The document, its tree and its expansion are all in memory: the size is the bound.
        guard bytes.count <= options.limits.jsonldSize else {
            guard let shape = JSONStreamShape.find(bytes) else {
                throw InputLimitError(path: options.path, message: options.limits.tooLarge(.jsonldSize, bytes: bytes.count))
            }
            guard shape.largest.size <= options.limits.jsonldSize else {
                let at = UTF8Text.position(of: shape.largest.offset, in: bytes)
                throw InputLimitError(path: "\(options.path):\(at.line):\(at.column)", message: options.limits.exceeded(
                    .jsonldSize, what: "this top-level node object is \(InputLimits.size(shape.largest.size))"))
            }
            return try readStreamed(bytes, emit)
        }
        let (document, start) = try JSONParser.parse(bytes, source: 0, path: options.path)
        let mode: JSONLDProcessingMode = settings.processingMode
        let processor = ContextProcessor(mode: mode, loader: documentLoader,
                                         input: ContextProcessor.Source(path: options.path, bytes: bytes))
        let converter: RDFConverter
        do {
            var context = ActiveContext(base: options.base)
            if let expandContext = settings.expandContext {
                context = try processor.process(context, .string(expandContext), at: nil, baseURL: options.base)
            }
            let expanded = try Expander(processor: processor)
                .expandDocument(document, at: start, context: context, baseURL: options.base)
            var c = RDFConverter(rdfDirection: settings.rdfDirection.map {
                $0 == .i18nDatatype ? .i18nDatatype : .compoundLiteral
            }, directionalLiterals: settings.directionalLiterals)
            c.convert(expanded)
            converter = c
        } catch let failure as JSONLDFailure {
            throw locate(failure, in: processor)
        }
        for quad in converter.quads { try emit(quad) }
        return Summary(quads: converter.quads.count, dropped: converter.dropped)
    }

    /// `read` for a document of `JSONStreamShape`: each top-level node object
    /// is parsed, expanded against the top-level context and converted on its
    /// own, as the whole-document expansion would (the same quads, order and
    /// blank node labels); only one node object's tree is in memory at a time.
    private func readStreamed(_ bytes: [UInt8], _ emit: (Quad) throws -> Void) throws -> Summary {
        let processor = ContextProcessor(mode: settings.processingMode, loader: documentLoader,
                                         input: ContextProcessor.Source(path: options.path, bytes: bytes))
        var converter = RDFConverter(rdfDirection: settings.rdfDirection.map {
            $0 == .i18nDatatype ? .i18nDatatype : .compoundLiteral
        }, directionalLiterals: settings.directionalLiterals)
        var count = 0
        do {
            var context = ActiveContext(base: options.base)
            if let expandContext = settings.expandContext {
                context = try processor.process(context, .string(expandContext), at: nil, baseURL: options.base)
            }
            let expander = Expander(processor: processor)
            let base = options.base
            try JSONParser.stream(bytes, path: options.path, context: { value, at in
                context = try processor.process(context, value, at: at, baseURL: base)
            }, item: { value, at, topLevelArray in
                // As in the whole document: an item of @graph expands with "@graph" as its active property.
                let expanded = try expander.expand(context, topLevelArray ? nil : "@graph", value, at: at, baseURL: base)
                var items = JSONArray()
                switch expanded {
                case .array(let inner)?: items = inner
                case let v?: items.append(v)
                case nil: break
                }
                converter.convert(items)
                for quad in converter.takeQuads() {
                    try emit(quad)
                    count += 1
                }
            })
        } catch let failure as JSONLDFailure {
            throw locate(failure, in: processor)
        }
        return Summary(quads: count, dropped: converter.dropped)
    }

    /// The top-level context of a document too large to read as one tree
    /// (`JSONStreamShape`), as a context document `{"@context": ...}`; nil when
    /// it has none or another shape.
    public static func topLevelContextDocument(_ bytes: [UInt8]) -> [UInt8]? {
        guard let range = JSONStreamShape.find(bytes)?.context else { return nil }
        return Array("{\"@context\": ".utf8) + bytes[range] + [UInt8(ascii: "}")]
    }

    /// Every quad of a document, in order.
    public func quads(_ bytes: [UInt8]) throws -> [Quad] {
        var out: [Quad] = []
        try read(bytes) { out.append($0) }
        return out
    }

    private func locate(_ failure: JSONLDFailure, in processor: ContextProcessor) -> JSONLDError {
        let location = failure.location ?? SourceLocation(source: 0, offset: 0)
        let source = processor.sources[min(location.source, processor.sources.count - 1)]
        let at = UTF8Text.position(of: location.offset, in: source.bytes)
        return JSONLDError(code: failure.code, path: source.path, line: at.line, column: at.column, message: failure.message)
    }
}
