import ProseGraphModel

/// Writes JSON-LD 1.1, streaming: one node object per run of triples with
/// the same subject, written when the subject changes, so only one node is
/// held in memory. Named graphs are `{"@id": <graph>, "@graph": [...]}`
/// objects beside the default graph's nodes, one per run of quads of the
/// same graph.
///
/// ```
/// {
///   "@context": { ...Schemas/context.jsonld... },   (or "@context": "<url>")
///   "@graph": [
///     {
///       "@id": "https://prosegraph.org/id/person/mahmoud-abbas",
///       "@type": "Person",
///       "holdsPosition": "President",
///       "label": "Mahmoud Abbas",
///       "visited": "https://prosegraph.org/id/country/belgium"
///     }
///   ]
/// }
/// ```
///
/// Keys are `@id`, `@type`, then the properties sorted by key. A property is
/// named by its context term, else by a compact IRI (`rdf:value`), else by
/// its full IRI. Values follow the term's coercion: an IRI is a plain string
/// where the term is coerced to `@id`/`@vocab`, else `{"@id": ...}`; a literal
/// of the coerced datatype is a plain string, a plain literal of an
/// uncoerced term a JSON string, anything else a value object
/// (`{"@value": "2015-02", "@type": "xsd:gYearMonth"}`, `{"@value": ..., "@language": ...}`).
/// Several values are an array, in the order the triples came. A value of a
/// term coerced to `xsd:integer` (the sentence offsets) in canonical form is
/// a JSON number (`"beginIndex": 1804`), which expands to exactly that literal;
/// other literals are strings, so no processor changes a lexical form (a JSON
/// number with a fraction would become an `xsd:double` such as `9.5E-1`:
/// the confidence, an `xsd:decimal`, stays `"0.95"`).
///
/// Minted IRIs (entities, documents, statements) are written in full: the
/// context has no `@base` and no prefix for the per-run base, so the output
/// reads the same whatever `--base` was. Expanding the output (JSON-LD
/// toRdf) gives exactly the quads written.
///
/// JSON-LD 1.1 features are used only where the data needs them, and then
/// the context says `"@version": 1.1` (`Options.version11`, which
/// `needsVersion11` works out for a whole dataset): a directional language
/// string is `{"@value": ..., "@language": ..., "@direction": "rtl"}`, an
/// `rdf:JSON` literal in canonical form (RFC 8785) `{"@value": <the JSON>,
/// "@type": "@json"}`. An `rdf:JSON` literal in another form is a typed
/// string (`"@type": "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"`),
/// so its lexical form is kept; one that is not JSON is an error naming it.
/// Without a context (`.expanded`) the output is JSON-LD's expanded form:
/// a top-level array, every value an array of objects.
public struct JSONLDWriter {
    /// The context the document is compacted with.
    public enum ContextReference: Sendable, Equatable {
        /// The whole project context object, as `Schemas/context.jsonld` holds it.
        case embedded
        /// `"@context": "<url>"`: the URL of a copy of `Schemas/context.jsonld`.
        case url(String)
        /// A context of prefixes only (those of an input), compact IRIs over them;
        /// no `@context` at all when there is none.
        case prefixes(PrefixMap)
        /// A context of the user's (`convert --context FILE`): `json` is the
        /// context value written (an object, a URL string or an array), and
        /// `prefixes` the simple prefix definitions in it, which the writer
        /// compacts IRIs with. No term of the context is used otherwise.
        case document(json: String, prefixes: PrefixMap)
        /// No context: JSON-LD's expanded form.
        case expanded
    }

    /// How a directional string of the input is recognised (JSON-LD fromRdf's `rdfDirection`).
    public enum RDFDirection: String, Sendable, CaseIterable {
        /// A literal whose datatype is `https://www.w3.org/ns/i18n#<lang>_<dir>`.
        case i18nDatatype = "i18n-datatype"
        /// A blank node with `rdf:value`, `rdf:direction` and an optional
        /// `rdf:language`, used only as an object (needs the whole dataset: `write(dataset:)`).
        case compoundLiteral = "compound-literal"
    }

    /// The JSON-LD fromRdf options, and whether the context may use JSON-LD 1.1.
    public struct Options: Sendable, Hashable {
        /// `xsd:boolean`, `xsd:integer` and `xsd:double` literals become JSON
        /// booleans and numbers (JSON-LD's `useNativeTypes`). Lossy by design:
        /// `"1"^^xsd:boolean` reads back as `"true"`, `"1.0E0"^^xsd:double` as `"1"^^xsd:integer`.
        public var useNativeTypes = false
        /// `rdf:type` is a property like any other instead of `@type` (`useRdfType`).
        public var useRdfType = false
        public var rdfDirection: RDFDirection?
        /// The context declares `"@version": 1.1` (needed for `@direction` and
        /// `@json`). Without it a directional string is an error.
        public var version11 = false

        public init(useNativeTypes: Bool = false, useRdfType: Bool = false, rdfDirection: RDFDirection? = nil, version11: Bool = false) {
            self.useNativeTypes = useNativeTypes
            self.useRdfType = useRdfType
            self.rdfDirection = rdfDirection
            self.version11 = version11
        }
    }

    private let out: BufferedOutput
    private let context: JSONLDContext?
    private let compactor: Compactor
    private let expanded: Bool
    /// A plain literal may be a JSON string (false for a user's context, which may set a default language).
    private let plainStrings: Bool
    private let options: Options
    /// Blank nodes that stand for a value (`compound-literal`), and their value objects.
    private var compoundValues: [BlankNode: String] = [:]
    private var skippedSubjects: Set<BlankNode> = []
    private var graph: Term?
    private var subject: Term?
    private var types: [String] = []
    private var properties: [String: [String]] = [:]
    private var nodes = 0
    private var graphNodes = 0
    private var finished = false
    public private(set) var count = 0

    public init(sink: ByteSink, context reference: ContextReference = .embedded, options: Options = Options()) throws {
        out = BufferedOutput(sink)
        self.options = options
        expanded = reference == .expanded
        if case .document = reference { plainStrings = false } else { plainStrings = reference != .expanded }
        let version = options.version11 ? "\"@version\": 1.1" : nil
        switch reference {
        case .embedded:
            context = .standard
            compactor = Compactor(prefixes: JSONLDContext.standard.prefixes)
            // The context document minus its closing "\n}\n": the embedded
            // context is byte-identical to the file, indentation included.
            var text = String(JSONLDContext.standard.document.utf8.dropLast(3))!
            if let version {
                let open = "{\n  \"@context\": {"
                text = open + "\n    " + version + "," + text.dropFirst(open.count)
            }
            try out.append(text)
        case .url(let url):
            context = .standard
            compactor = Compactor(prefixes: JSONLDContext.standard.prefixes)
            try RDFTermCheck.iri(IRI(url), format: "JSON-LD")
            var text = "{\n  \"@context\": "
            if let version { text += "[" + JSONText.quoted(url) + ", {" + version + "}]" } else { JSONText.append(url, to: &text) }
            try out.append(text)
        case .prefixes(let prefixes):
            context = nil
            compactor = Compactor(prefixes: prefixes)
            var entries: [String] = version.map { [$0] } ?? []
            for (prefix, namespace) in prefixes.entries where Self.isUsablePrefix(prefix) {
                entries.append(JSONText.quoted(prefix) + ": " + JSONText.quoted(namespace))
            }
            if entries.isEmpty {
                try out.append("{")
            } else {
                try out.append("{\n  \"@context\": {\n    " + entries.joined(separator: ",\n    ") + "\n  },")
            }
        case .document(let json, let prefixes):
            context = nil
            compactor = Compactor(prefixes: PrefixMap(prefixes.entries.filter { Self.isUsablePrefix($0.prefix) }))
            try out.append("{\n  \"@context\": " + (version.map { "[" + json + ", {" + $0 + "}]" } ?? json) + ",")
        case .expanded:
            context = nil
            compactor = Compactor(prefixes: PrefixMap([]))
            try out.append("[")
        }
        if !expanded {
            try out.append(reference == .embedded || { if case .url = reference { return true } else { return false } }()
                           ? ",\n  \"@graph\": [" : "\n  \"@graph\": [")
        }
    }

    /// A prefix a JSON-LD context can define and compact IRIs with: a term
    /// that is not empty, not `_`, not a keyword form (`@...`) and has no `:` or `/`.
    static func isUsablePrefix(_ p: String) -> Bool {
        !p.isEmpty && p != "_" && !p.hasPrefix("@") && !p.contains(":") && !p.contains("/")
    }

    /// Whether writing `quads` needs JSON-LD 1.1 in the context: a base direction or a JSON literal.
    public static func needsVersion11(_ quads: [Quad], options: Options = Options()) -> Bool {
        quads.contains { q in
            if options.rdfDirection == .compoundLiteral && q.predicate == RDFConverter.rdfDirectionIRI { return true }
            guard case .literal(let l) = q.object else { return false }
            if l.direction != nil || isCanonicalJSON(l) { return true }
            return options.rdfDirection == .i18nDatatype && l.datatype.value.hasPrefix(RDFConverter.i18nNamespace)
        }
    }

    /// Writes a whole dataset, in the order given; with `rdfDirection:
    /// compound-literal` the blank nodes that stand for directional strings
    /// become value objects and their own triples are not written.
    public mutating func write(dataset quads: [Quad]) throws {
        if options.rdfDirection == .compoundLiteral { try findCompoundLiterals(quads) }
        for q in quads {
            if case .blank(let b) = q.subject, skippedSubjects.contains(b) { continue }
            try write(q)
        }
    }

    public mutating func write(_ t: Triple) throws {
        try write(Quad(t))
    }

    public mutating func write(_ q: Quad) throws {
        guard !finished else { throw SerializationError(format: "JSON-LD", message: "a triple was written after finish()") }
        try RDFTermCheck.notLiteralSubject(q.triple, format: "JSON-LD")
        if case .tripleTerm = q.subject {
            throw SerializationError(format: "JSON-LD", message: "JSON-LD 1.1 cannot represent the RDF 1.2 triple term \(q.subject)")
        }
        if graph != q.graph {
            try flushNode()
            try closeGraph()
            try openGraph(q.graph)
        }
        if subject != q.subject {
            try flushNode()
            subject = q.subject
        }
        if q.predicate == RDF.type, !options.useRdfType, case .iri(let type) = q.object {
            try types.append(json(vocabIRI(type)))
        } else {
            let (key, coercion) = try self.key(q.predicate)
            try properties[key, default: []].append(value(q.object, coercion: coercion))
        }
        count += 1
    }

    /// Writes the last node, closes the document and flushes the buffer to the sink.
    public mutating func finish() throws {
        guard !finished else { return }
        try flushNode()
        try closeGraph()
        finished = true
        if expanded {
            try out.append(nodes == 0 ? "]\n" : "\n]\n")
        } else {
            try out.append(nodes == 0 ? "]\n}\n" : "\n  ]\n}\n")
        }
        try out.flush()
    }

    // MARK: - Graphs and nodes

    /// Indentation of a node object's braces at the top level.
    private var topIndent: String { expanded ? "  " : "    " }

    private mutating func openGraph(_ g: Term?) throws {
        guard let g else { return }
        let id: String
        switch g {
        case .iri(let i): id = try json(documentIRI(i))
        case .blank(let b): id = json("_:" + b.id)
        case .literal, .tripleTerm:
            throw SerializationError(format: "JSON-LD", message: "the graph name \(g) is neither an IRI nor a blank node")
        }
        let i = topIndent
        try out.append((nodes == 0 ? "\n" : ",\n") + i + "{\n" + i + "  \"@id\": " + id + ",\n" + i + "  \"@graph\": [")
        nodes += 1
        graph = g
        graphNodes = 0
    }

    private mutating func closeGraph() throws {
        guard graph != nil else { return }
        let i = topIndent
        try out.append(graphNodes == 0 ? "]\n" + i + "}" : "\n" + i + "  ]\n" + i + "}")
        graph = nil
    }

    private mutating func flushNode() throws {
        guard let subject else { return }
        let indent = graph == nil ? topIndent : topIndent + "    "
        let first = graph == nil ? nodes == 0 : graphNodes == 0
        var text = (first ? "\n" : ",\n") + indent + "{\n" + indent + "  \"@id\": "
        switch subject {
        case .iri(let i): text += try json(documentIRI(i))
        case .blank(let b): text += json("_:" + b.id)
        case .literal, .tripleTerm: break
        }
        if !types.isEmpty {
            text += ",\n" + indent + "  \"@type\": " + oneOrArray(types)
        }
        let keys = properties.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for key in keys {
            text += ",\n" + indent + "  " + json(key) + ": " + oneOrArray(properties[key]!)
        }
        text += "\n" + indent + "}"
        try out.append(text)
        if graph == nil { nodes += 1 } else { graphNodes += 1 }
        self.subject = nil
        types.removeAll(keepingCapacity: true)
        properties.removeAll(keepingCapacity: true)
    }

    private func oneOrArray(_ values: [String]) -> String {
        values.count == 1 && !expanded ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }

    /// The key a predicate is written under, and the coercion its values follow.
    private func key(_ p: IRI) throws -> (String, JSONLDContext.Coercion?) {
        try RDFTermCheck.iri(p, format: "JSON-LD")
        if let term = context?.term(for: p) { return (term.name, term.coercion) }
        return (try vocabIRI(p), nil)
    }

    private func value(_ o: Term, coercion: JSONLDContext.Coercion?) throws -> String {
        switch o {
        case .iri(let i):
            switch coercion {
            case .id: return try json(documentIRI(i))
            case .vocab: return try json(vocabIRI(i))
            case .datatype, nil: return try "{\"@id\": " + json(documentIRI(i)) + "}"
            }
        case .blank(let b):
            if let v = compoundValues[b] { return v }
            switch coercion {
            case .id, .vocab: return json("_:" + b.id)
            case .datatype, nil: return "{\"@id\": " + json("_:" + b.id) + "}"
            }
        case .literal(let l):
            return try literal(l, coercion: coercion)
        case .tripleTerm:
            throw SerializationError(format: "JSON-LD", message: "JSON-LD 1.1 cannot represent the RDF 1.2 triple term \(o)")
        }
    }

    private func literal(_ l: Literal, coercion: JSONLDContext.Coercion?) throws -> String {
        if let lang = l.language {
            try RDFTermCheck.language(lang, of: l, format: "JSON-LD")
            guard let direction = l.direction else {
                return "{\"@value\": " + json(l.lexical) + ", \"@language\": " + json(lang) + "}"
            }
            return try directional(l.lexical, language: lang, direction: direction, term: .literal(l))
        }
        if l.datatype == XSD.string {
            return coercion == nil && plainStrings ? json(l.lexical) : "{\"@value\": " + json(l.lexical) + "}"
        }
        try RDFTermCheck.iri(l.datatype, format: "JSON-LD")
        if coercion == .datatype(l.datatype) { return Self.number(l) ?? json(l.lexical) }
        if l.datatype == RDFConverter.rdfJSON {
            let parsed: JSONValue
            do { parsed = try JSONParser.parse(Array(l.lexical.utf8), path: "").0 } catch let e as ParseError {
                throw SerializationError(format: "JSON-LD", message: "the literal \(RDFTermCheck.quoted(l.lexical))^^<\(l.datatype.value)> is not JSON: \(e.message)")
            }
            // Canonical JSON reads back as exactly this literal; any other form is kept as a typed string.
            if (options.version11 || expanded), CanonicalJSON.serialize(parsed) == l.lexical {
                return "{\"@value\": " + l.lexical + ", \"@type\": \"@json\"}"
            }
        }
        if options.useNativeTypes, let native = Self.native(l) {
            return expanded ? "{\"@value\": " + native + "}" : native
        }
        if options.rdfDirection == .i18nDatatype, UTF8Order.hasPrefix(l.datatype.value, RDFConverter.i18nNamespace) {
            let tag = l.datatype.value.dropFirst(RDFConverter.i18nNamespace.count)
            if let underscore = tag.lastIndex(of: "_"), ["ltr", "rtl"].contains(tag[tag.index(after: underscore)...]) {
                let language = String(tag[..<underscore])
                return try directional(l.lexical, language: language.isEmpty ? nil : language,
                                       direction: String(tag[tag.index(after: underscore)...]), term: .literal(l))
            }
        }
        return try "{\"@value\": " + json(l.lexical) + ", \"@type\": " + json(vocabIRI(l.datatype)) + "}"
    }

    /// An `rdf:JSON` literal whose lexical form is canonical JSON (RFC 8785), which `@json` carries exactly.
    static func isCanonicalJSON(_ l: Literal) -> Bool {
        guard l.datatype == RDFConverter.rdfJSON, let parsed = try? JSONParser.parse(Array(l.lexical.utf8), path: "").0 else { return false }
        return CanonicalJSON.serialize(parsed) == l.lexical
    }

    /// `{"@value": ..., "@language": ..., "@direction": ...}`: JSON-LD 1.1 only.
    private func directional(_ lexical: String, language: String?, direction: String, term: Term) throws -> String {
        guard options.version11 || expanded else {
            throw SerializationError(format: "JSON-LD", message: "the \(term.isLiteral ? "literal" : "directional string") \(term) has a base direction, which needs a JSON-LD 1.1 context (\"@version\": 1.1)")
        }
        var text = "{\"@value\": " + json(lexical)
        if let language { text += ", \"@language\": " + json(language) }
        return text + ", \"@direction\": " + json(direction) + "}"
    }

    /// The JSON boolean or number `useNativeTypes` writes for `l`, or nil to keep a value object.
    static func native(_ l: Literal) -> String? {
        let x = l.lexical
        switch l.datatype {
        case XSD.boolean:
            switch x {
            case "true", "1": return "true"
            case "false", "0": return "false"
            default: return nil
            }
        case XSD.integer:
            var digits = Substring(x)
            var sign = ""
            if digits.first == "+" || digits.first == "-" { sign = digits.first == "-" ? "-" : ""; digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let trimmed = digits.drop { $0 == "0" }
            return trimmed.isEmpty ? "0" : sign + trimmed
        case XSD.double:
            guard isDoubleLexical(x), let d = Double(x), d.isFinite else { return nil }
            return JSONLDNumber.ecmaScript(d)
        default:
            return nil
        }
    }

    /// The `xsd:double` lexical space, less the special values: `[+-]? digits (. digits)? ([eE] [+-]? digits)?`.
    static func isDoubleLexical(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        func digits() -> Int {
            let n = u.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            u = u.dropFirst(n)
            return n
        }
        if u.first == 0x2B || u.first == 0x2D { u = u.dropFirst() }
        var n = digits()
        if u.first == 0x2E { u = u.dropFirst(); n += digits() }
        guard n > 0 else { return false }
        if u.first == 0x65 || u.first == 0x45 {
            u = u.dropFirst()
            if u.first == 0x2B || u.first == 0x2D { u = u.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty
    }

    /// `compound-literal`: the blank nodes with exactly one `rdf:value` (a
    /// string), one `rdf:direction` (`ltr` or `rtl`), at most one
    /// `rdf:language` and nothing else, in one graph, used only as objects.
    private mutating func findCompoundLiterals(_ quads: [Quad]) throws {
        var parts: [BlankNode: [Quad]] = [:]
        var other: Set<BlankNode> = []
        var uses: [BlankNode: [Term?]] = [:]
        for q in quads {
            if case .blank(let b) = q.object { uses[b, default: []].append(q.graph) }
            if case .blank(let b) = q.subject {
                if [RDFConverter.rdfValue, RDFConverter.rdfDirectionIRI, RDFConverter.rdfLanguage].contains(q.predicate) {
                    parts[b, default: []].append(q)
                } else {
                    other.insert(b)
                }
            }
            if case .blank(let b)? = q.graph { other.insert(b) }
            if case .tripleTerm = q.object { other.formUnion(Self.blanks(q.object)) }
        }
        for (b, qs) in parts where !other.contains(b) {
            func one(_ p: IRI) -> String?? {
                let found = qs.filter { $0.predicate == p }
                guard found.count <= 1 else { return .none }
                guard let q = found.first else { return .some(nil) }
                guard case .literal(let l) = q.object, l.datatype == XSD.string else { return .none }
                return .some(l.lexical)
            }
            // Read back, each use of the value object is a fresh blank node in the graph it is used in.
            guard let used = uses[b], used.count == 1, Set(qs.map { $0.graph } + used).count == 1, let value = one(RDFConverter.rdfValue), let v = value,
                  let direction = one(RDFConverter.rdfDirectionIRI), let d = direction, d == "ltr" || d == "rtl",
                  let language = one(RDFConverter.rdfLanguage) else { continue }
            if let language { try RDFTermCheck.language(language, of: Literal(v), format: "JSON-LD") }
            compoundValues[b] = try directional(v, language: language, direction: d, term: .blank(b))
            skippedSubjects.insert(b)
        }
    }

    private static func blanks(_ t: Term) -> Set<BlankNode> {
        switch t {
        case .blank(let b): return [b]
        case .tripleTerm(let tt): return blanks(tt.subject).union(blanks(tt.object))
        default: return []
        }
    }

    // MARK: - IRIs

    /// An IRI where terms do not apply (`@id`, `@id`-coerced values): a
    /// compact IRI over a context prefix, else the IRI in full.
    private func documentIRI(_ i: IRI) throws -> String {
        try RDFTermCheck.iri(i, format: "JSON-LD")
        if let compact = compactor.compactIRI(i.value) { return compact }
        // A full IRI whose scheme is a context term would be read as a compact IRI.
        if let scheme = RDFTermCheck.scheme(of: i.value), defines(scheme),
           !i.value.utf8.dropFirst(scheme.utf8.count + 1).starts(with: "//".utf8) {
            throw SerializationError(format: "JSON-LD",
                                     message: "the IRI <\(i.value)> would be read as a compact IRI: its scheme '\(scheme)' is a term of the context")
        }
        return i.value
    }

    private func defines(_ name: Substring) -> Bool {
        if let context { return context.defines(name) }
        return compactor.prefixes.entries.contains { $0.prefix == name }
    }

    /// An IRI where terms apply (keys, `@type`, `@vocab`-coerced values): the
    /// term defined for exactly this IRI, else as `documentIRI`.
    private func vocabIRI(_ i: IRI) throws -> String {
        if let term = context?.term(for: i) { return term.name }
        return try documentIRI(i)
    }

    private func json(_ s: String) -> String {
        var text = ""
        JSONText.append(s, to: &text)
        return text
    }

    /// `l` as a JSON number that JSON-LD's toRdf turns back into `l`; nil when there is none.
    static func number(_ l: Literal) -> String? {
        let x = l.lexical
        guard l.datatype == XSD.integer else { return nil }
        let digits = x.hasPrefix("-") ? x.dropFirst() : Substring(x)
        guard !digits.isEmpty, digits.count <= 20, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              digits == "0" ? x == "0" : !digits.hasPrefix("0") else { return nil }
        return x
    }
}
