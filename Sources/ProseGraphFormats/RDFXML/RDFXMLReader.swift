import ProseGraphModel
import ProseGraphXML

/// Reads RDF/XML (RDF 1.1 XML Syntax, with the RDF 1.2 additions), streaming:
/// the XML is pulled node by node from `XMLStreamReader` (libxml2's SAX2
/// parser, no document tree) and each triple is handed to `emit` as soon as
/// it is known.
///
/// The whole grammar of the specification: node elements (typed or
/// `rdf:Description`), property elements, property attributes, `rdf:ID`
/// (with reification on property elements, and unique per base),
/// `rdf:nodeID`, `rdf:about`, `rdf:resource`, `rdf:datatype`, `rdf:li`
/// numbering, `xml:base`, `xml:lang`, and `rdf:parseType` `Resource`,
/// `Collection` and `Literal` (the content as exclusive canonical XML, an
/// `rdf:XMLLiteral`; any other value is read as `Literal`). RDF 1.2 adds
/// `rdf:parseType="Triple"` (a triple term; only where `rdf:version="1.2"`
/// is in scope, otherwise the element is ignored), `rdf:annotation` and
/// `rdf:annotationNodeID` (a reifier of the statement), and `its:dir` base
/// directions on language-tagged literals (where an RDF 1.2 version is in
/// scope).
///
/// The first error ends the read with a `ParseError` at `path:line:column`
/// of the element or attribute at fault: XML that is not well-formed,
/// document types declaring entities, names the grammar forbids
/// (`rdf:li` or `rdf:aboutEach` as an attribute, `rdf:RDF` or `rdf:ID` as
/// an element...), attributes a production does not allow, an `rdf:ID` or
/// `rdf:nodeID` that is not an NCName, an `rdf:ID` used twice with one
/// base, text mixed with node elements, relative IRIs with no base, and
/// IRIs with characters no IRI may contain. Blank node labels: `rdf:nodeID`
/// values are kept; fresh blank nodes are numbered (`_:1`, `_:2`...), which
/// no NCName can be.
public struct RDFXMLReader: Sendable {
    public let options: ReaderOptions

    public init(options: ReaderOptions = .init()) {
        self.options = options
    }

    public func read(_ bytes: [UInt8], _ emit: (Quad) throws -> Void) throws {
        try read(bytes, prefixes: nil, emit)
    }

    /// Reads `bytes`, telling `prefixes` each namespace declaration with a
    /// prefix (name, namespace IRI) as its element is read.
    public func read(_ bytes: [UInt8], prefixes: ((String, String) -> Void)?, _ emit: (Quad) throws -> Void) throws {
        let xml: XMLStreamReader
        do {
            xml = try XMLStreamReader(bytes: bytes, url: options.base ?? options.path)
        } catch {
            throw RDFXMLParser.located(error, path: options.path)
        }
        var base: String? = nil
        if let b = options.base {
            guard let resolved = IRIResolver.resolve(b, against: b), IRIResolver.isAbsolute(resolved) else {
                throw ParseError(path: options.path, line: 1, column: 1, message: "the base IRI <\(b)> is not absolute")
            }
            base = RDFXMLParser.withoutFragment(resolved)
        }
        try withoutActuallyEscaping(emit) { emit in
            let parser = RDFXMLParser(xml: xml, path: options.path, emit: emit)
            parser.onPrefix = prefixes
            try parser.run(base: base)
        }
    }

    /// Every triple of `bytes`, in the order they were read.
    public func quads(_ bytes: [UInt8]) throws -> [Quad] {
        var all: [Quad] = []
        try read(bytes) { all.append($0) }
        return all
    }
}

/// One read: the XML stream, the scope of each element, blank nodes and rdf:IDs seen.
private final class RDFXMLParser {
    typealias Node = XMLStreamReader.Node
    typealias Attribute = XMLStreamReader.Attribute

    static let rdf = RDF.namespace
    static let its = "http://www.w3.org/2005/11/its"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let xmlLiteral = IRI(rdf + "XMLLiteral")
    static let description = rdf + "Description"
    static let li = rdf + "li"
    static let first = IRI(rdf + "first")
    static let rest = IRI(rdf + "rest")
    static let nilList = IRI(rdf + "nil")

    /// Names of the rdf: namespace the grammar reserves (RDF 1.1 coreSyntaxTerms with the RDF 1.2 attributes).
    static let coreSyntaxTerms: Set<String> = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype",
                                              "annotation", "annotationNodeID", "version"]
    static let oldTerms: Set<String> = ["aboutEach", "aboutEachPrefix", "bagID"]

    /// What an element's attributes set for it and its content.
    struct Scope {
        var base: String?
        var language: String?
        var direction: String?
        var version: String?

        var allowsTripleTerms: Bool { version == "1.2" }
        var allowsDirection: Bool { version == "1.2" || version == "1.2-basic" }
    }

    /// The attributes of one element, sorted by role.
    struct Attributes {
        var id: Attribute?
        var about: Attribute?
        var nodeID: Attribute?
        var resource: Attribute?
        var parseType: Attribute?
        var datatype: Attribute?
        var annotation: Attribute?
        var annotationNodeID: Attribute?
        var properties: [(predicate: IRI, attribute: Attribute)] = []
    }

    let xml: XMLStreamReader
    let path: String
    let sink: (Quad) throws -> Void
    /// Open `rdf:parseType="Triple"` elements collect the triples of their content here instead of emitting them.
    @exclusivity(unchecked) var captures: [[Triple]] = []
    @exclusivity(unchecked) var freshCount = 0
    var onPrefix: ((String, String) -> Void)?
    /// rdf:ID IRIs already used, with where.
    @exclusivity(unchecked) var ids: [String: (line: Int, column: Int)] = [:]

    init(xml: XMLStreamReader, path: String, emit: @escaping (Quad) throws -> Void) {
        self.xml = xml
        self.path = path
        self.sink = emit
    }

    // MARK: Errors and the stream

    static func located(_ error: XMLError, path: String) -> ParseError {
        ParseError(path: path, line: error.line ?? 1, column: error.column ?? 1, message: error.message)
    }

    func error(_ message: String, at node: Node) -> ParseError {
        ParseError(path: path, line: node.line, column: node.column, message: message)
    }

    func error(_ message: String, at attribute: Attribute) -> ParseError {
        ParseError(path: path, line: attribute.line, column: attribute.column, message: message)
    }

    func nextNode() throws -> Node? {
        do {
            let node = try xml.next()
            if let onPrefix, let node {
                for d in node.namespaceDeclarations { if let p = d.prefix, p != "xml" { onPrefix(p, d.uri) } }
            }
            return node
        } catch {
            throw Self.located(error, path: path)
        }
    }

    // MARK: Document

    func run(base: String?) throws {
        var root: Node? = nil
        while root == nil, let n = try nextNode() {
            if n.kind == .element { root = n }
        }
        guard let root else {
            throw ParseError(path: path, line: 1, column: 1, message: "the document has no root element")
        }
        let scope = Scope(base: base)
        if root.namespaceURI == Self.rdf && root.localName == "RDF" {
            try readRDF(root, scope)
        } else {
            _ = try readNodeElement(root, scope)
        }
        // Let libxml2 check what follows the root element.
        while try nextNode() != nil {}
    }

    /// `rdf:RDF`: node elements only.
    func readRDF(_ e: Node, _ parent: Scope) throws {
        let (scope, a) = try attributes(of: e, parent)
        for attribute in [a.id, a.about, a.nodeID, a.resource, a.parseType, a.datatype, a.annotation, a.annotationNodeID].compactMap({ $0 }) {
            throw error("\(attribute.qualifiedName) is not allowed on rdf:RDF", at: attribute)
        }
        if let p = a.properties.first {
            throw error("the property attribute \(p.attribute.qualifiedName) is not allowed on rdf:RDF", at: p.attribute)
        }
        guard !e.isEmptyElement else { return }
        while let n = try nextNode() {
            switch n.kind {
            case .endElement: return
            case .element: _ = try readNodeElement(n, scope)
            case .text, .cdata: try requireWhitespace(n, "node elements")
            default: continue
            }
        }
    }

    // MARK: Node elements

    func readNodeElement(_ e: Node, _ parent: Scope) throws -> Term {
        let (scope, a) = try attributes(of: e, parent)
        let uri = try elementIRI(e)
        if UTF8Order.hasPrefix(uri, Self.rdf) {
            let local = uri.dropFirst(Self.rdf.count)
            if Self.coreSyntaxTerms.contains(String(local)) || Self.oldTerms.contains(String(local)) || local == "li" {
                throw error("rdf:\(local) cannot be used as a node element", at: e)
            }
        }
        // (Optional chains, not arrays of the candidates: this runs for every node element.)
        if let attribute = a.resource ?? a.parseType ?? a.datatype ?? a.annotation ?? a.annotationNodeID {
            throw error("\(attribute.qualifiedName) is not allowed on a node element", at: attribute)
        }
        if a.id != nil && (a.about != nil || a.nodeID != nil) || a.about != nil && a.nodeID != nil {
            let second = a.id != nil ? (a.about ?? a.nodeID)! : a.nodeID!
            throw error("a node element can have only one of rdf:ID, rdf:about and rdf:nodeID", at: second)
        }
        let subject: Term
        if let id = a.id {
            subject = .iri(try idIRI(id, scope))
        } else if let about = a.about {
            subject = .iri(IRI(try iri(about.value, scope, at: about)))
        } else if let nodeID = a.nodeID {
            subject = .blank(try blankNode(nodeID))
        } else {
            subject = .blank(fresh())
        }
        if uri != Self.description {
            try emit(subject, RDF.type, .iri(IRI(uri)))
        }
        try emitPropertyAttributes(a.properties, of: subject, scope)
        if !e.isEmptyElement {
            try readPropertyElements(of: subject, scope)
        }
        return subject
    }

    /// Property elements up to the end of the node element.
    func readPropertyElements(of subject: Term, _ scope: Scope) throws {
        var li = 0
        while let n = try nextNode() {
            switch n.kind {
            case .endElement: return
            case .element: try readPropertyElement(n, of: subject, scope, li: &li)
            case .text, .cdata: try requireWhitespace(n, "property elements")
            default: continue
            }
        }
    }

    func emitPropertyAttributes(_ properties: [(predicate: IRI, attribute: Attribute)], of subject: Term, _ scope: Scope) throws {
        for (predicate, attribute) in properties {
            if predicate == RDF.type {
                try emit(subject, predicate, .iri(IRI(try iri(attribute.value, scope, at: attribute))))
            } else {
                try emit(subject, predicate, .literal(literal(attribute.value, scope)))
            }
        }
    }

    // MARK: Property elements

    func readPropertyElement(_ e: Node, of subject: Term, _ parent: Scope, li: inout Int) throws {
        let (scope, a) = try attributes(of: e, parent)
        var uri = try elementIRI(e)
        if uri == Self.li {
            li += 1
            uri = Self.rdf + "_\(li)"
        } else if UTF8Order.hasPrefix(uri, Self.rdf) {
            let local = String(uri.dropFirst(Self.rdf.count))
            if Self.coreSyntaxTerms.contains(local) || Self.oldTerms.contains(local) || local == "Description" {
                throw error("rdf:\(local) cannot be used as a property element", at: e)
            }
        }
        let predicate = IRI(uri)
        if let about = a.about { throw error("rdf:about is not allowed on a property element", at: about) }
        if a.annotation != nil, let both = a.annotationNodeID {
            throw error("rdf:annotation and rdf:annotationNodeID cannot be used together", at: both)
        }

        if let parseType = a.parseType {
            for attribute in [a.resource, a.nodeID, a.datatype].compactMap({ $0 }) + a.properties.map(\.attribute) {
                throw error("\(attribute.qualifiedName) cannot be used with rdf:parseType", at: attribute)
            }
            switch parseType.value {
            case "Resource":
                let object = Term.blank(fresh())
                try emitStatement(subject, predicate, object, a, scope)
                if !e.isEmptyElement { try readPropertyElements(of: object, scope) }
            case "Collection":
                var items: [Term] = []
                if !e.isEmptyElement {
                    try readNodeElements(scope) { items.append($0) }
                }
                var head = Term.iri(Self.nilList)
                var cells: [Term] = []
                for _ in items { cells.append(.blank(fresh())) }
                for (k, item) in items.enumerated() {
                    try emit(cells[k], Self.first, item)
                    try emit(cells[k], Self.rest, k + 1 < cells.count ? cells[k + 1] : .iri(Self.nilList))
                }
                if let h = cells.first { head = h }
                try emitStatement(subject, predicate, head, a, scope)
            case "Triple":
                captures.append([])
                var elements = 0
                if !e.isEmptyElement {
                    try readNodeElements(scope) { _ in elements += 1 }
                }
                let triples = captures.removeLast()
                guard scope.allowsTripleTerms else { return }
                guard elements == 1, triples.count == 1 else {
                    throw error("rdf:parseType=\"Triple\" must contain one node element describing exactly one triple; found \(elements) node element\(elements == 1 ? "" : "s") and \(triples.count) triple\(triples.count == 1 ? "" : "s")", at: e)
                }
                try emitStatement(subject, predicate, .tripleTerm(triples[0]), a, scope)
            default:
                let content = e.isEmptyElement ? "" : try canonicalContent()
                try emitStatement(subject, predicate, .literal(Literal(content, datatype: Self.xmlLiteral)), a, scope)
            }
            return
        }

        var text = ""
        var sawText = false
        if !e.isEmptyElement {
            content: while let n = try nextNode() {
                switch n.kind {
                case .text, .cdata, .whitespace:
                    text += n.value ?? ""
                    sawText = true
                case .element:
                    if !isWhitespace(text) {
                        throw error("a property element cannot contain both text and a node element", at: n)
                    }
                    for attribute in [a.resource, a.nodeID, a.datatype].compactMap({ $0 }) + a.properties.map(\.attribute) {
                        throw error("\(attribute.qualifiedName) is not allowed on a property element that contains a node element", at: attribute)
                    }
                    let object = try readNodeElement(n, scope)
                    try readNodeElementEnd()
                    try emitStatement(subject, predicate, object, a, scope)
                    return
                case .endElement:
                    break content
                default:
                    continue
                }
            }
        }
        let hasObjectAttributes = a.resource != nil || a.nodeID != nil || !a.properties.isEmpty
        if !sawText || (isWhitespace(text) && hasObjectAttributes) {
            try readEmptyPropertyElement(subject, predicate, a, scope)
            return
        }
        if let attribute = a.resource ?? a.nodeID ?? a.properties.first?.attribute {
            throw error("\(attribute.qualifiedName) is not allowed on a property element with text content", at: attribute)
        }
        let object: Literal
        if let datatype = a.datatype {
            object = Literal(text, datatype: IRI(try iri(datatype.value, scope, at: datatype)))
        } else {
            object = literal(text, scope)
        }
        try emitStatement(subject, predicate, .literal(object), a, scope)
    }

    /// After the one node element of a property element: only white space up to its end.
    func readNodeElementEnd() throws {
        while let n = try nextNode() {
            switch n.kind {
            case .endElement: return
            case .element: throw error("a property element can contain only one node element", at: n)
            case .text, .cdata: try requireWhitespace(n, "the end of the property element")
            default: continue
            }
        }
    }

    /// Node elements up to the end of the enclosing element (parseType Collection and Triple).
    func readNodeElements(_ scope: Scope, _ each: (Term) throws -> Void) throws {
        while let n = try nextNode() {
            switch n.kind {
            case .endElement: return
            case .element: try each(try readNodeElement(n, scope))
            case .text, .cdata: try requireWhitespace(n, "node elements")
            default: continue
            }
        }
    }

    func readEmptyPropertyElement(_ subject: Term, _ predicate: IRI, _ a: Attributes, _ scope: Scope) throws {
        if let datatype = a.datatype {
            for attribute in [a.resource, a.nodeID].compactMap({ $0 }) + a.properties.map(\.attribute) {
                throw error("\(attribute.qualifiedName) cannot be used with rdf:datatype", at: attribute)
            }
            let object = Literal("", datatype: IRI(try iri(datatype.value, scope, at: datatype)))
            try emitStatement(subject, predicate, .literal(object), a, scope)
            return
        }
        if a.resource == nil && a.nodeID == nil && a.properties.isEmpty {
            try emitStatement(subject, predicate, .literal(literal("", scope)), a, scope)
            return
        }
        if a.resource != nil, let nodeID = a.nodeID {
            throw error("rdf:resource and rdf:nodeID cannot be used together", at: nodeID)
        }
        let object: Term
        if let resource = a.resource {
            object = .iri(IRI(try iri(resource.value, scope, at: resource)))
        } else if let nodeID = a.nodeID {
            object = .blank(try blankNode(nodeID))
        } else {
            object = .blank(fresh())
        }
        try emitPropertyAttributes(a.properties, of: object, scope)
        try emitStatement(subject, predicate, object, a, scope)
    }

    /// The triple, its rdf:ID reification and its RDF 1.2 annotation.
    func emitStatement(_ subject: Term, _ predicate: IRI, _ object: Term, _ a: Attributes, _ scope: Scope) throws {
        try emit(subject, predicate, object)
        if let id = a.id {
            let statement = Term.iri(try idIRI(id, scope))
            try emit(statement, RDF.type, .iri(RDF.statement))
            try emit(statement, RDF.subject, subject)
            try emit(statement, RDF.predicate, .iri(predicate))
            try emit(statement, RDF.object, object)
        }
        let triple = Term.tripleTerm(Triple(subject, predicate, object))
        if let annotation = a.annotation {
            try emit(.iri(IRI(try iri(annotation.value, scope, at: annotation))), RDF.reifies, triple)
        }
        if let annotation = a.annotationNodeID {
            try emit(.blank(try blankNode(annotation)), RDF.reifies, triple)
        }
    }

    func emit(_ s: Term, _ p: IRI, _ o: Term) throws {
        let triple = Triple(s, p, o)
        if captures.isEmpty {
            try sink(Quad(triple))
        } else {
            captures[captures.count - 1].append(triple)
        }
    }

    // MARK: Attributes and scope

    func attributes(of e: Node, _ parent: Scope) throws -> (Scope, Attributes) {
        var scope = parent
        var a = Attributes()
        // xml:base first: it applies to the element's own attributes.
        if let base = e.attribute("base", namespace: Self.xml) {
            guard let resolved = IRIResolver.resolve(base.value, against: parent.base ?? "") else {
                throw error("xml:base \"\(base.value)\" is relative and there is no base IRI to resolve it against", at: base)
            }
            try checkIRIChars(resolved, at: base)
            scope.base = Self.withoutFragment(resolved)
        }
        for attribute in e.attributes {
            let local = attribute.localName
            switch attribute.namespaceURI {
            case Self.xml?:
                if local == "lang" {
                    if !attribute.value.isEmpty && !Self.isLanguageTag(attribute.value) {
                        throw error("xml:lang \"\(attribute.value)\" is not a well-formed language tag", at: attribute)
                    }
                    scope.language = attribute.value.isEmpty ? nil : attribute.value
                }
            case Self.its?:
                if local == "dir" {
                    guard attribute.value == "ltr" || attribute.value == "rtl" else {
                        throw error("its:dir must be \"ltr\" or \"rtl\", not \"\(attribute.value)\"", at: attribute)
                    }
                    scope.direction = attribute.value
                } else if local != "version" {
                    a.properties.append((IRI(Self.its + local), attribute))
                }
            case nil:
                if Self.startsWithXML(attribute.prefix ?? local) { continue }
                guard ["ID", "about", "resource", "parseType", "type"].contains(local) else {
                    throw error("the attribute \(local) has no namespace; RDF/XML attributes must be namespace-qualified", at: attribute)
                }
                try assign(local, attribute, to: &a)
            case Self.rdf?:
                switch local {
                case "version":
                    guard ["1.1", "1.2", "1.2-basic"].contains(attribute.value) else {
                        throw error("rdf:version \"\(attribute.value)\" is not supported; use \"1.1\", \"1.2\" or \"1.2-basic\"", at: attribute)
                    }
                    scope.version = attribute.value
                case "li", "Description", "RDF", "aboutEach", "aboutEachPrefix", "bagID":
                    throw error("rdf:\(local) is not allowed as an attribute", at: attribute)
                default:
                    try assign(local, attribute, to: &a)
                }
            case let ns?:
                if Self.startsWithXML(attribute.prefix ?? "") { continue }
                let predicate = ns + local
                try checkIRIChars(predicate, at: attribute)
                guard IRIResolver.isAbsolute(predicate) else {
                    throw error("the attribute \(attribute.qualifiedName) names the relative IRI <\(predicate)>", at: attribute)
                }
                a.properties.append((IRI(predicate), attribute))
            }
        }
        return (scope, a)
    }

    /// An attribute of the rdf: namespace (or one of the unqualified names read as such).
    func assign(_ local: String, _ attribute: Attribute, to a: inout Attributes) throws {
        switch local {
        case "ID": a.id = attribute
        case "about": a.about = attribute
        case "nodeID": a.nodeID = attribute
        case "resource": a.resource = attribute
        case "parseType": a.parseType = attribute
        case "datatype": a.datatype = attribute
        case "annotation": a.annotation = attribute
        case "annotationNodeID": a.annotationNodeID = attribute
        default: a.properties.append((IRI(Self.rdf + local), attribute))
        }
    }

    // MARK: Terms

    func elementIRI(_ e: Node) throws -> String {
        guard let ns = e.namespaceURI else {
            throw error("the element \(e.qualifiedName) has no namespace; RDF/XML element names must be namespace-qualified", at: e)
        }
        let uri = ns + e.localName
        guard IRIResolver.isAbsolute(uri) else {
            throw error("the element \(e.qualifiedName) names the relative IRI <\(uri)>", at: e)
        }
        try checkIRIChars(uri, at: e)
        return uri
    }

    func iri(_ value: String, _ scope: Scope, at attribute: Attribute) throws -> String {
        guard let resolved = IRIResolver.resolve(value, against: scope.base ?? "") else {
            throw error("the IRI <\(value)> of \(attribute.qualifiedName) is relative and there is no base IRI to resolve it against", at: attribute)
        }
        try checkIRIChars(resolved, at: attribute)
        return resolved
    }

    func checkIRIChars(_ iri: String, at attribute: Attribute) throws {
        if let bad = NTriplesSyntax.firstNonIRIChar(iri) {
            throw error("the IRI <\(iri)> contains \(NTriplesSyntax.describe(bad)), which no IRI may contain", at: attribute)
        }
    }

    func checkIRIChars(_ iri: String, at node: Node) throws {
        if let bad = NTriplesSyntax.firstNonIRIChar(iri) {
            throw error("the IRI <\(iri)> contains \(NTriplesSyntax.describe(bad)), which no IRI may contain", at: node)
        }
    }

    /// `rdf:ID="x"`: `#x` against the base; x must be an NCName, used once per base.
    func idIRI(_ attribute: Attribute, _ scope: Scope) throws -> IRI {
        guard XMLText.isNCName(attribute.value[...]) else {
            throw error("rdf:ID \"\(attribute.value)\" is not an XML NCName", at: attribute)
        }
        let value = try iri("#" + attribute.value, scope, at: attribute)
        if let first = ids[value] {
            throw error("rdf:ID \"\(attribute.value)\" is used twice with the same base (first at \(first.line):\(first.column))", at: attribute)
        }
        ids[value] = (attribute.line, attribute.column)
        return IRI(value)
    }

    func blankNode(_ attribute: Attribute) throws -> BlankNode {
        guard XMLText.isNCName(attribute.value[...]) else {
            throw error("\(attribute.qualifiedName) \"\(attribute.value)\" is not an XML NCName", at: attribute)
        }
        return BlankNode(attribute.value)
    }

    func fresh() -> BlankNode {
        freshCount += 1
        return BlankNode(String(freshCount))
    }

    func literal(_ value: String, _ scope: Scope) -> Literal {
        guard let language = scope.language else { return Literal(value) }
        if scope.allowsDirection, let direction = scope.direction {
            return Literal(value, language: language, direction: direction)
        }
        return Literal(value, language: language)
    }

    // MARK: Helpers

    func requireWhitespace(_ n: Node, _ expected: String) throws {
        if !isWhitespace(n.value ?? "") {
            throw error("text is not allowed here; expected \(expected)", at: n)
        }
    }

    func isWhitespace(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Whether a name starts with "xml" in any case (names reserved by XML), without lowercasing a copy.
    static func startsWithXML(_ name: String) -> Bool {
        var u = name.utf8.makeIterator()
        guard let x = u.next(), let m = u.next(), let l = u.next() else { return false }
        return x | 0x20 == 0x78 && m | 0x20 == 0x6D && l | 0x20 == 0x6C
    }

    static func withoutFragment(_ iri: String) -> String {
        guard let hash = iri.firstIndex(of: "#") else { return iri }
        return String(iri[..<hash])
    }

    /// `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`: what N-Triples and Turtle accept.
    static func isLanguageTag(_ tag: String) -> Bool {
        var first = true
        for part in tag.utf8.split(separator: 0x2D, omittingEmptySubsequences: false) {
            guard !part.isEmpty else { return false }
            for b in part {
                let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
                let digit = b >= 0x30 && b <= 0x39
                if !(letter || (!first && digit)) { return false }
            }
            first = false
        }
        return true
    }

    // MARK: rdf:parseType="Literal"

    /// The content of the current element up to its end tag as exclusive
    /// canonical XML (with comments): empty elements as start-end pairs,
    /// attributes sorted by namespace and local name, only the namespace
    /// declarations the output visibly uses, C14N escaping.
    func canonicalContent() throws -> String {
        var out = ""
        // Namespace declarations rendered by each open output element: prefix ("" for the default) -> URI.
        var rendered: [[String: String]] = [[:]]
        var open: [String] = []
        while let n = try nextNode() {
            switch n.kind {
            case .endElement:
                guard let name = open.popLast() else { return out }
                rendered.removeLast()
                out += "</" + name + ">"
            case .element:
                let inScope = rendered.last!
                var declare: [String: String] = [:]
                let elementPrefix = n.prefix ?? ""
                let elementNamespace = n.namespaceURI ?? ""
                if (inScope[elementPrefix] ?? "") != elementNamespace { declare[elementPrefix] = elementNamespace }
                for attribute in n.attributes {
                    guard let p = attribute.prefix, p != "xml", let ns = attribute.namespaceURI else { continue }
                    if inScope[p] != ns { declare[p] = ns }
                }
                out += "<" + n.qualifiedName
                for p in declare.keys.sorted() {
                    out += (p.isEmpty ? " xmlns" : " xmlns:" + p) + "=\"" + Self.escapeAttribute(declare[p]!) + "\""
                }
                let sorted = n.attributes.sorted {
                    let (a, b) = ($0.namespaceURI ?? "", $1.namespaceURI ?? "")
                    return a != b ? a.utf8.lexicographicallyPrecedes(b.utf8) : $0.localName.utf8.lexicographicallyPrecedes($1.localName.utf8)
                }
                for attribute in sorted {
                    out += " " + attribute.qualifiedName + "=\"" + Self.escapeAttribute(attribute.value) + "\""
                }
                out += ">"
                if n.isEmptyElement {
                    out += "</" + n.qualifiedName + ">"
                } else {
                    open.append(n.qualifiedName)
                    rendered.append(inScope.merging(declare) { $1 })
                }
            case .text, .cdata, .whitespace:
                out += Self.escapeText(n.value ?? "")
            case .comment:
                out += "<!--" + (n.value ?? "") + "-->"
            case .processingInstruction:
                let data = n.value ?? ""
                out += "<?" + n.localName + (data.isEmpty ? "" : " " + data) + "?>"
            case .documentType:
                continue
            }
        }
        return out
    }

    static func escapeText(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func escapeAttribute(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x22 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#x9;"
            case "\n": out += "&#xA;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
