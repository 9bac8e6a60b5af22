import ProseGraphFormats
import ProseGraphModel
import ProseGraphXML

/// One problem `GraphMLValidation` found, at the line and column where it is.
public struct GraphMLIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// The file is not well-formed XML (nothing else is checked then).
        case syntax
        /// The XML Schema (`prosegraph-graphml.xsd`) rejects the document.
        case schema
        /// A graph check XML Schema cannot express: an edge end that is no
        /// node, data of an undeclared key or of a key of another domain, a
        /// value that is not of its key's `attr.type`, the same key twice.
        case graph
        /// A rule of prosegraph's profile beyond the schema: which data a node
        /// or an edge must carry, and the form of their values.
        case profile
    }

    public let kind: Kind
    /// 1-based; nil when libxml2 gave no position.
    public let line: Int?
    /// 1-based, in Unicode scalars; nil when unknown.
    public let column: Int?
    public let message: String

    public init(kind: Kind, line: Int?, column: Int?, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: kind: message` (positions left out when unknown).
    public var description: String {
        var prefix = ""
        if let line {
            prefix += "\(line):"
            if let column { prefix += "\(column):" }
        }
        return (prefix.isEmpty ? "" : prefix + " ") + kind.rawValue + ": " + message
    }
}

/// The schema could not be read or compiled: the file could not be validated.
public struct GraphMLValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Validates a GraphML file against prosegraph's profile, reporting every
/// problem found (not only the first):
///
/// 1. well-formed XML (libxml2; a syntax error ends the validation);
/// 2. the XML Schema at `schema` (libxml2's xmlschemas, validating as it
///    parses: no document tree; an invalid file again on a tree, for the
///    positions), each error at the line libxml2 gives and the column of the
///    element (or attribute) it names;
/// 3. graph checks on a streaming pass (`XMLStreamReader`): every edge end is a
///    node, every `<data>` names a declared key of its element's domain, at
///    most once per element, with a value of the key's `attr.type`; duplicate
///    key, node and edge ids;
/// 4. the profile's rules XML Schema 1.0 cannot state: the data every node
///    (`name`, `type`, `labels`, `iri` for entities) and every edge (all but
///    `date`, `dateEarliest` and `dateLatest`) carries, types and labels that agree,
///    `label` = `predicate` and `predicateIRI` = `pg:` + predicate, dates `YYYY`,
///    `YYYY-MM` or `YYYY-MM-DD` with their first and last day as `dateEarliest`
///    and `dateLatest` (all three or none), offsets with start < end, a confidence in 0...1, Wikidata
///    ids `Q` + digits, an edge's source an entity node.
///
/// A graph or profile finding on a line the schema already reported is left
/// out (the schema's message covers it). Issues come sorted by position.
public enum GraphMLValidation {
    /// - Parameters:
    ///   - bytes: the GraphML file.
    ///   - path: names the file (libxml2's document URL).
    ///   - schema: the XSD file; nil for the built-in copy of `Schemas/graphml/prosegraph-graphml.xsd`.
    ///   - limits: `graphmlKeys` is checked on the streaming pass, before the
    ///     schema is.
    /// - Returns: every issue; empty when the file conforms.
    /// - Throws: `GraphMLValidationError` when the schema cannot be compiled
    ///   or the file declares more keys than `limits.graphmlKeys`.
    public static func validate(bytes: [UInt8], path: String, schema: String? = nil,
                                limits: InputLimits = InputLimits()) throws -> [GraphMLIssue] {
        let compiled: XMLSchema
        do throws(XMLError) {
            if let schema { compiled = try XMLSchema(path: schema) } else { compiled = try XMLSchema(text: BuiltInSchemas.graphmlXSD, name: builtInXSDName) }
        } catch {
            throw GraphMLValidationError(schemaFailure(schema ?? builtInXSDName, error))
        }
        // The streaming pass first: it stops at the key limit before the schema is checked.
        var pass = GraphPass(maxKeys: limits.graphmlKeys)
        pass.run(bytes: bytes, path: path)
        if let key = pass.overLimit {
            throw GraphMLValidationError("\(path):\(key.line):\(key.column): "
                + limits.exceeded(.graphmlKeys, what: "the file declares more than \(limits.graphmlKeys) keys"))
        }
        // Not well-formed: libxml2's DOM parser says where (it stops at the first error,
        // so the tree it builds is only the part before it).
        if pass.sawSyntaxError {
            do { _ = try XMLDocument(bytes: bytes, url: path) } catch {
                return [GraphMLIssue(kind: .syntax, line: error.line, column: error.column, message: error.message)]
            }
        }
        // Well-formed: validated as it is parsed, without a tree (memory bounded by the graph the pass keeps).
        // An invalid file is validated again on a tree, for the positions: streaming, libxml2 reports
        // what it finds at an element's end (its content, identity constraints) at the line it has
        // reached; on a tree, at the element's start, which is where the report points.
        var invalid: [XMLError]
        do {
            invalid = try compiled.validate(bytes: bytes)
            if !invalid.isEmpty {
                let document: XMLDocument
                do { document = try XMLDocument(bytes: bytes, url: path) } catch {
                    return [GraphMLIssue(kind: .syntax, line: error.line, column: error.column, message: error.message)]
                }
                invalid = try compiled.validate(document)
            }
        } catch {
            throw GraphMLValidationError("libxml2 could not validate \(path): \(error)")
        }
        // Columns for the schema's errors (libxml2 gives lines): the elements that start on those lines.
        let starts = GraphPass.starts(bytes: bytes, path: path, onLines: Set(invalid.compactMap(\.line)))
        var issues: [GraphMLIssue] = []
        var seen = Set<String>()
        for e in invalid {
            let message = cleanSchemaMessage(e.message)
            guard !message.isEmpty, seen.insert("\(e.line ?? 0):\(message)").inserted else { continue }
            let column = GraphPass.column(forSchemaErrorAt: e.line, message: e.message, in: starts)
            issues.append(GraphMLIssue(kind: .schema, line: e.line, column: column, message: message))
        }
        let schemaLines = Set(issues.compactMap(\.line))
        issues += pass.issues.filter { $0.line.map { !schemaLines.contains($0) } ?? true }
        return issues.enumerated().sorted { a, b in
            let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
            if la != lb { return la < lb }
            let (ca, cb) = (a.element.column ?? 0, b.element.column ?? 0)
            return ca != cb ? ca < cb : a.offset < b.offset
        }.map(\.element)
    }

    /// How messages name the built-in schema.
    public static let builtInXSDName = "prosegraph-graphml.xsd (built in)"

    /// `schema:line:column: message (the schema cannot be used)`, positions where libxml2 gave them.
    static func schemaFailure(_ schema: String, _ error: XMLError) -> String {
        var at = schema
        if let line = error.line {
            at += ":\(line)"
            if let column = error.column { at += ":\(column)" }
        }
        return "\(at): the schema cannot be used: \(error.message)"
    }

    /// libxml2's message without namespace braces, and nothing for its
    /// "No precomputed value" follow-up warnings (the error before says it).
    static func cleanSchemaMessage(_ raw: String) -> String {
        if raw.contains("No precomputed value available") { return "" }
        var m = raw.replacing("{" + GraphMLWriter.namespace + "}", with: "")
        while m.last == "." || m.last == " " { m.removeLast() }
        return m
    }
}

/// The streaming pass of the graph and profile checks.
private struct GraphPass {
    struct KeyInfo {
        let id: String
        let domain: String
        /// nil for an unknown `attr.type`.
        let type: GraphMLValue.ValueType?
        let line: Int
        let column: Int
    }

    struct Datum {
        let value: String
        let line: Int
        let column: Int
    }

    struct Element {
        let kind: String
        let id: String
        let line: Int
        let column: Int
        var source: String = ""
        var target: String = ""
        var sourceAt: (Int, Int) = (0, 0)
        var targetAt: (Int, Int) = (0, 0)
        var data: [String: Datum] = [:]
    }

    struct OpenData {
        let key: KeyInfo?
        let line: Int
        let column: Int
        var text = ""
        var elements = false
    }

    var issues: [GraphMLIssue] = []
    /// More `<key>` elements than this stops the pass (`overLimit`).
    let maxKeys: Int
    /// The key element past `maxKeys`, where the pass stopped.
    var overLimit: (line: Int, column: Int)?
    var keyCount = 0
    var keys: [String: KeyInfo] = [:]
    var nodes: [String: Element] = [:]
    var nodeOrder: [String] = []
    var edges: [Element] = []
    var edgeIDs: [String: (Int, Int)] = [:]
    /// An element start: where, its local name and attributes (for the columns of schema errors).
    typealias Start = (line: Int, column: Int, name: String, attributes: [XMLStreamReader.Attribute])
    /// The stream reader stopped at a syntax error (or refused the document before reading it).
    var sawSyntaxError = false

    /// Open elements: what a `<data>` belongs to, and open data.
    var owner: Element?
    var open: OpenData?
    var depthInData = 0

    init(maxKeys: Int) { self.maxKeys = maxKeys }

    mutating func add(_ kind: GraphMLIssue.Kind, _ line: Int, _ column: Int, _ message: String) {
        issues.append(GraphMLIssue(kind: kind, line: line, column: column, message: message))
    }

    mutating func run(bytes: [UInt8], path: String) {
        let xml: XMLStreamReader
        do { xml = try XMLStreamReader(bytes: bytes, url: path) } catch { sawSyntaxError = true; return }
        while true {
            let next: XMLStreamReader.Node?
            do { next = try xml.next() } catch {
                // Reported only when libxml2's DOM parse accepts the file (the stream
                // reader is stricter: entity references): say so once and stop.
                add(.syntax, error.line ?? 1, error.column ?? 1, error.message)
                sawSyntaxError = true
                return
            }
            guard let node = next else { break }
            switch node.kind {
            case .element:
                start(node)
                if overLimit != nil { return }
                if node.isEmptyElement { end(node) }
            case .endElement:
                end(node)
            case .text, .cdata, .whitespace:
                if depthInData == 0, open != nil { open!.text += node.value ?? "" }
            default:
                break
            }
        }
        finish()
    }

    func attribute(_ node: XMLStreamReader.Node, _ name: String) -> XMLStreamReader.Attribute? {
        node.attributes.first { $0.localName == name && $0.namespaceURI == nil }
    }

    mutating func start(_ node: XMLStreamReader.Node) {
        if open != nil {
            depthInData += 1
            open!.elements = true
            return
        }
        guard node.namespaceURI == GraphMLWriter.namespace || node.namespaceURI == nil else { return }
        switch node.localName {
        case "key":
            keyCount += 1
            guard keyCount <= maxKeys else {
                overLimit = (node.line, node.column)
                return
            }
            guard let id = attribute(node, "id") else { return }
            if let first = keys[id.value] {
                add(.graph, id.line, id.column, "the key id '\(id.value)' is declared twice (first at \(first.line):\(first.column))")
                return
            }
            var type: GraphMLValue.ValueType? = .string
            if let t = attribute(node, "attr.type") {
                type = GraphMLValue.ValueType(rawValue: t.value)
                if type == nil {
                    // Still declared (its data are not reported again), only its values go unchecked.
                    add(.graph, t.line, t.column, "key '\(id.value)' has the unknown attr.type '\(t.value)' (GraphML defines boolean, int, long, float, double, string)")
                }
            }
            keys[id.value] = KeyInfo(id: id.value, domain: attribute(node, "for")?.value ?? "all", type: type,
                                     line: node.line, column: node.column)
        case "node":
            guard let id = attribute(node, "id")?.value else { return }
            if let first = nodes[id] {
                add(.graph, node.line, node.column, "the node id '\(id)' is used twice (first at \(first.line):\(first.column))")
                owner = Element(kind: "node", id: id, line: node.line, column: node.column)
                return
            }
            owner = Element(kind: "node", id: id, line: node.line, column: node.column)
        case "edge":
            let id = attribute(node, "id")?.value ?? ""
            if !id.isEmpty {
                if let first = edgeIDs[id] {
                    add(.graph, node.line, node.column, "the edge id '\(id)' is used twice (first at \(first.0):\(first.1))")
                } else {
                    edgeIDs[id] = (node.line, node.column)
                }
            }
            var e = Element(kind: "edge", id: id, line: node.line, column: node.column)
            if let s = attribute(node, "source") { e.source = s.value; e.sourceAt = (s.line, s.column) }
            if let t = attribute(node, "target") { e.target = t.value; e.targetAt = (t.line, t.column) }
            owner = e
        case "data":
            guard let keyAttribute = attribute(node, "key") else {
                open = OpenData(key: nil, line: node.line, column: node.column)
                return
            }
            let key = keys[keyAttribute.value]
            if key == nil {
                add(.graph, keyAttribute.line, keyAttribute.column, "\(what) has data of the undeclared key '\(keyAttribute.value)'")
            } else if let key, let owner, key.domain != "all", key.domain != owner.kind {
                add(.graph, keyAttribute.line, keyAttribute.column,
                    "\(what) has data of the key '\(key.id)', which is declared for \(key.domain), not for \(owner.kind)")
            }
            open = OpenData(key: key, line: node.line, column: node.column)
        default:
            break
        }
    }

    var what: String {
        guard let owner else { return "the graph" }
        return "\(owner.kind) '\(owner.id)'"
    }

    mutating func end(_ node: XMLStreamReader.Node) {
        if depthInData > 0 {
            depthInData -= 1
            return
        }
        guard node.namespaceURI == GraphMLWriter.namespace || node.namespaceURI == nil else { return }
        switch node.localName {
        case "data":
            guard let d = open else { return }
            open = nil
            guard let key = d.key else { return }
            if !d.elements, let type = key.type, GraphMLValue.parse(d.text, as: type) == nil {
                add(.graph, d.line, d.column, "\(what): the value '\(d.text)' of key '\(key.id)' is not a valid \(type.rawValue)")
            }
            guard owner != nil else { return }
            if let first = owner!.data[key.id] {
                add(.graph, d.line, d.column, "\(what) has a second value for key '\(key.id)' (first at \(first.line):\(first.column))")
                return
            }
            owner!.data[key.id] = Datum(value: d.text, line: d.line, column: d.column)
        case "node":
            guard let n = owner else { return }
            owner = nil
            if nodes[n.id] == nil {
                nodes[n.id] = n
                nodeOrder.append(n.id)
            }
        case "edge":
            guard let e = owner else { return }
            owner = nil
            edges.append(e)
        default:
            break
        }
    }

    static let entityTypes = ["Country", "City", "Place", "Person", "Organization"]

    mutating func finish() {
        for id in nodeOrder { checkNode(nodes[id]!) }
        for e in edges { checkEdge(e) }
    }

    mutating func checkNode(_ n: Element) {
        let name = "node '\(n.id)'"
        func missing(_ key: String, _ what: String) {
            add(.profile, n.line, n.column, "\(name) has no \(what) (no data with key '\(key)')")
        }
        let literalNode = n.id.hasPrefix("literal.")
        if n.data["name"] == nil { missing("name", "label") }
        if let t = n.data["type"] {
            let idPrefix = n.id.split(separator: ".").first.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            let expected = literalNode ? "Literal" : idPrefix.flatMap { Self.entityTypes.contains($0) ? $0 : nil }
            if literalNode || Self.entityTypes.contains(t.value) || t.value == "Literal" {
                if let expected, t.value != expected {
                    add(.profile, t.line, t.column, "\(name): the type is '\(t.value)', but the node id says '\(expected)'")
                }
            } else {
                add(.profile, t.line, t.column, "\(name): the type '\(t.value)' is not one of \((Self.entityTypes + ["Literal"]).joined(separator: ", "))")
            }
            if let l = n.data["labels"], l.value != ":" + t.value {
                add(.profile, l.line, l.column, "\(name): labels is '\(l.value)', not ':\(t.value)' as its type says")
            }
        } else {
            missing("type", "type")
        }
        if n.data["labels"] == nil { missing("labels", "labels") }
        if let iri = n.data["iri"] {
            if literalNode {
                add(.profile, iri.line, iri.column, "\(name) is a literal node but has an iri")
            } else if !isAbsoluteIRI(iri.value) {
                add(.profile, iri.line, iri.column, "\(name): the iri '\(iri.value)' is not an absolute IRI")
            }
        } else if !literalNode {
            missing("iri", "iri")
        }
        if let q = n.data["wikidata"], !isWikidataID(q.value) {
            add(.profile, q.line, q.column, "\(name): the wikidata id '\(q.value)' is not Q followed by digits")
        }
    }

    mutating func checkEdge(_ e: Element) {
        let name = e.id.isEmpty ? "edge '\(e.source)' -> '\(e.target)'" : "edge '\(e.id)'"
        for (role, end, at) in [("source", e.source, e.sourceAt), ("target", e.target, e.targetAt)] where !end.isEmpty {
            let (line, column) = at.0 > 0 ? at : (e.line, e.column)
            if nodes[end] == nil {
                add(.graph, line, column, "\(name): the \(role) '\(end)' is not a declared node")
            } else if role == "source", end.hasPrefix("literal.") {
                add(.profile, line, column, "\(name): the source '\(end)' is a literal node, not an entity")
            }
        }
        for key in ["label", "predicate", "predicateIRI", "statement", "source", "evidence", "start", "end", "rule", "confidence"]
        where e.data[key] == nil {
            add(.profile, e.line, e.column, "\(name) has no '\(key)' data")
        }
        if let label = e.data["label"], let p = e.data["predicate"], label.value != p.value {
            add(.profile, label.line, label.column, "\(name): the label '\(label.value)' is not the predicate '\(p.value)'")
        }
        if let p = e.data["predicate"], let iri = e.data["predicateIRI"], iri.value != PG.namespace + p.value {
            add(.profile, iri.line, iri.column, "\(name): the predicateIRI '\(iri.value)' is not \(PG.namespace + p.value)")
        }
        for key in ["statement", "source"] {
            if let v = e.data[key], !isAbsoluteIRI(v.value) {
                add(.profile, v.line, v.column, "\(name): the \(key) '\(v.value)' is not an absolute IRI")
            }
        }
        for key in ["evidence", "rule"] {
            if let v = e.data[key], trimmedXML(v.value).isEmpty {
                add(.profile, v.line, v.column, "\(name): the \(key) is empty")
            }
        }
        let date = e.data["date"].flatMap { FactDate(iso: $0.value) }
        if let d = e.data["date"], date?.description != d.value {
            add(.profile, d.line, d.column, "\(name): the date '\(d.value)' is not YYYY, YYYY-MM or YYYY-MM-DD")
        }
        // The bounds are checked against a valid date, or against none (an invalid date is reported once, above).
        for (key, bound) in [("dateEarliest", date?.earliestDay), ("dateLatest", date?.latestDay)]
        where date != nil || e.data["date"] == nil {
            if let v = e.data[key] {
                if e.data["date"] == nil {
                    add(.profile, v.line, v.column, "\(name) has '\(key)' data but no 'date'")
                } else if let b = bound, v.value != b.description {
                    add(.profile, v.line, v.column, "\(name): the \(key) '\(v.value)' is not \(b.description), the \(key == "dateEarliest" ? "first" : "last") day of \(date?.description ?? "")")
                }
            } else if e.data["date"] != nil {
                add(.profile, e.line, e.column, "\(name) has a 'date' but no '\(key)' data")
            }
        }
        let start = e.data["start"].flatMap { GraphMLValue.parse($0.value, as: .int)?.integer }
        let end = e.data["end"].flatMap { GraphMLValue.parse($0.value, as: .int)?.integer }
        if let s = e.data["start"], let v = start, v < 0 {
            add(.profile, s.line, s.column, "\(name): the start offset \(v) is negative")
        }
        if let s = start, let t = end, let d = e.data["end"], t <= s {
            add(.profile, d.line, d.column, "\(name): the end offset \(t) is not after the start offset \(s)")
        }
        if let c = e.data["confidence"], let v = GraphMLValue.parse(c.value, as: .double)?.number, !(0...1).contains(v) {
            add(.profile, c.line, c.column, "\(name): the confidence \(trimmedXML(c.value)) is not between 0 and 1")
        }
    }

    func isAbsoluteIRI(_ s: String) -> Bool {
        // ASCII without CR (nearly every IRI): the same test on bytes, without a Character per byte.
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var inScheme = true, k = 0
            for b in s.utf8 {
                if k == 0 && !((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) { return false }
                if inScheme && b == 0x3A && k > 0 {
                    inScheme = false
                } else if inScheme && !((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 || b == 0x2B || b == 0x2D || b == 0x2E) {
                    return false
                }
                switch b {
                case 0x20, 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60, 0x0A, 0x09: return false
                default: break
                }
                k += 1
            }
            return !inScheme
        }
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex,
              s[s.startIndex].isASCII, s[s.startIndex].isLetter else { return false }
        let forbidden: Set<Character> = [" ", "<", ">", "\"", "{", "}", "|", "\\", "^", "`", "\n", "\t", "\r"]
        return s[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && !s.contains(where: { forbidden.contains($0) })
    }

    func isWikidataID(_ s: String) -> Bool {
        s.count > 1 && s.first == "Q" && s.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The element starts on `lines`, from a second streaming pass (a valid file has none to keep).
    static func starts(bytes: [UInt8], path: String, onLines lines: Set<Int>) -> [Int: [Start]] {
        var found: [Int: [Start]] = [:]
        guard !lines.isEmpty, let xml = try? XMLStreamReader(bytes: bytes, url: path) else { return found }
        while let node = try? xml.next() {
            if node.kind == .element, lines.contains(node.line) {
                found[node.line, default: []].append((node.line, node.column, node.localName, node.attributes))
            }
        }
        return found
    }

    /// The column of the element (or of the attribute) a schema error at `line` names.
    static func column(forSchemaErrorAt line: Int?, message: String, in starts: [Int: [Start]]) -> Int? {
        guard let line else { return nil }
        let onLine = starts[line] ?? []
        guard !onLine.isEmpty else { return nil }
        var element: String?
        if let r = message.firstRange(of: "Element '") {
            var name = message[r.upperBound...].prefix { $0 != "'" }
            if let brace = name.lastIndex(of: "}") { name = name[name.index(after: brace)...] }
            element = String(name)
        }
        let candidate = onLine.last { element == nil || $0.name == element } ?? onLine[0]
        if let r = message.firstRange(of: "attribute '") {
            let attr = message[r.upperBound...].prefix { $0 != "'" }
            if let a = candidate.attributes.first(where: { $0.qualifiedName == attr || $0.localName == attr }) { return a.column }
        }
        return candidate.column
    }
}

/// `s` without XML white space around it.
private func trimmedXML(_ s: String) -> String {
    let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard let first = s.firstIndex(where: { !space($0) }), let last = s.lastIndex(where: { !space($0) }) else { return "" }
    return String(s[first...last])
}
