import ProseGraphModel
import ProseGraphXML

/// Writes RDF/XML through libxml2's text writer (`ProseGraphXML.XMLWriter`),
/// streaming: an `rdf:RDF` root declaring every prefix of a `PrefixMap`, then
/// one `rdf:Description` per run of triples with the same subject
/// (`rdf:about`, or `rdf:nodeID` for a blank node).
///
/// Each predicate becomes a property element named by the longest declared
/// namespace whose rest is an XML NCName. A predicate no declared namespace
/// fits is split at its longest NCName suffix and its namespace is declared on
/// the property element itself under a generated prefix (`ns1`, or the first
/// `nsN` the map does not use), so that streaming never needs to know every
/// namespace upfront. A predicate with no NCName suffix (`https://ex.org/p/`),
/// or one of the names RDF/XML reserves (`rdf:li`, `rdf:Description`, ...),
/// is an error naming it, never a dropped triple.
///
/// Objects: `rdf:resource` for IRIs, `rdf:nodeID` for blank nodes, text for
/// literals with `rdf:datatype` or `xml:lang`. A literal with a character
/// XML 1.0 cannot carry (control characters) is an error naming the literal.
///
/// RDF 1.2 terms are written in RDF/XML 1.2 where they occur, and only
/// there, so a graph without them is plain RDF/XML 1.1: a triple term is a
/// property element with `rdf:version="1.2" rdf:parseType="Triple"` holding
/// one `rdf:Description` with one property; a base direction is `its:dir`
/// beside `xml:lang`, on a property element that declares `rdf:version="1.2"`,
/// the ITS namespace (`xmlns:its`) and `its:version="2.0"`.
public struct RDFXMLWriter {
    private let xml: XMLWriter
    private let out: BufferedOutput
    private let sinkFailure: SinkFailure
    private let namespaces: [(prefix: String, namespace: String)]
    private let rdfPrefix: String
    private let generatedPrefix: String
    private var subject: Term?
    private var elements: [IRI: PropertyElement] = [:]
    private var finished = false
    public private(set) var count = 0

    /// Starts the document and declares every prefix of `prefixes` on
    /// `rdf:RDF`, in order (the RDF namespace is added as `rdf` first when the
    /// map lacks it). A prefix that is not an NCName, or one starting with
    /// `xml`, is an error.
    public init(sink: ByteSink, prefixes: PrefixMap = .standard, indent: Bool = true) throws {
        var entries = prefixes.entries
        for (prefix, namespace) in entries {
            guard prefix.isEmpty || (XMLText.isNCName(prefix[...]) && !prefix.lowercased().hasPrefix("xml")) else {
                throw SerializationError(format: "RDF/XML", message: "'\(prefix)' cannot be declared as an XML namespace prefix")
            }
            try RDFTermCheck.iri(IRI(namespace), format: "RDF/XML")
        }
        if let bound = entries.first(where: { $0.namespace == RDF.namespace && !$0.prefix.isEmpty }) {
            rdfPrefix = bound.prefix
        } else if entries.contains(where: { $0.prefix == "rdf" }) {
            throw SerializationError(format: "RDF/XML", message: "the prefix 'rdf' is bound to another namespace and no prefix is bound to \(RDF.namespace)")
        } else {
            entries.insert(("rdf", RDF.namespace), at: 0)
            rdfPrefix = "rdf"
        }
        namespaces = entries
        var n = 1
        while entries.contains(where: { $0.prefix == "ns\(n)" }) { n += 1 }
        generatedPrefix = "ns\(n)"

        let out = BufferedOutput(sink)
        let failure = SinkFailure()
        self.out = out
        sinkFailure = failure
        let xml = try Self.mapping(failure, "the document start") {
            try XMLWriter(indent: indent) { chunk in
                do { try out.append(chunk) } catch {
                    failure.error = failure.error ?? error
                    throw error
                }
            }
        }
        self.xml = xml
        let rdfPrefix = self.rdfPrefix
        try Self.mapping(failure, "the document start") {
            try xml.startDocument()
            try xml.startElement("RDF", prefix: rdfPrefix)
            for (prefix, namespace) in entries {
                try xml.namespaceDeclaration(prefix: prefix.isEmpty ? nil : prefix, uri: namespace)
            }
        }
    }

    public mutating func write(_ t: Triple) throws {
        guard !finished else { throw SerializationError(format: "RDF/XML", message: "a triple was written after finish()") }
        try RDFTermCheck.notLiteralSubject(t, format: "RDF/XML")
        let element: PropertyElement
        if let known = elements[t.predicate] {
            element = known
        } else {
            element = try propertyElement(t.predicate)
            elements[t.predicate] = element
        }
        // Everything is checked before anything is written, so an error
        // never leaves half a triple behind.
        try Self.check(t.object)
        var inner = t.object
        while case .tripleTerm(let tt) = inner {
            _ = try propertyElement(tt.predicate)
            inner = tt.object
        }
        if subject != t.subject {
            try startDescription(t.subject)
        }
        let xml = self.xml, rdf = rdfPrefix
        switch t.object {
        case .iri(let o):
            try Self.mapping(sinkFailure, "the object <\(o.value)>") {
                try Self.start(element, xml)
                try xml.attribute("resource", o.value, prefix: rdf)
                try xml.endElement()
            }
        case .blank(let b):
            try Self.mapping(sinkFailure, "the object _:\(b.id)") {
                try Self.start(element, xml)
                try xml.attribute("nodeID", b.id, prefix: rdf)
                try xml.endElement()
            }
        case .literal(let l):
            try Self.mapping(sinkFailure, "the literal \(RDFTermCheck.quoted(l.lexical))") {
                try Self.start(element, xml)
                try Self.literal(l, xml, rdf: rdf, rdf12: false, its: false)
                try xml.endElement()
            }
        case .tripleTerm(let tt):
            // RDF/XML 1.2: rdf:version="1.2" on the property element puts its content in RDF 1.2.
            try Self.mapping(sinkFailure, "the triple term \(t.object)") {
                try Self.start(element, xml)
                try xml.attribute("version", "1.2", prefix: rdf)
                try xml.attribute("parseType", "Triple", prefix: rdf)
            }
            try writeTripleTerm(tt, its: false)
            try Self.mapping(sinkFailure, "the triple term \(t.object)") { try xml.endElement() }
        }
        count += 1
    }

    static let itsNamespace = "http://www.w3.org/2005/11/its"

    /// A literal's attributes and text. A base direction is `its:dir`, with
    /// `rdf:version="1.2"` (unless `rdf12`: already in scope) and the ITS
    /// namespace and `its:version="2.0"` (unless `its`: declared above).
    private static func literal(_ l: Literal, _ xml: XMLWriter, rdf: String, rdf12: Bool, its: Bool) throws(XMLError) {
        if let lang = l.language {
            if l.direction != nil {
                if !rdf12 { try xml.attribute("version", "1.2", prefix: rdf) }
                if !its {
                    try xml.namespaceDeclaration(prefix: "its", uri: itsNamespace)
                    try xml.attribute("version", "2.0", prefix: "its")
                }
            }
            try xml.attribute("lang", lang, prefix: "xml")
            if let direction = l.direction { try xml.attribute("dir", direction, prefix: "its") }
        } else if l.datatype != XSD.string {
            try xml.attribute("datatype", l.datatype.value, prefix: rdf)
        }
        try xml.text(l.lexical)  // libxml2 escapes <, >, &, " and CR (&#13;)
    }

    /// The content of an `rdf:parseType="Triple"` property element: one
    /// `rdf:Description` with one property element. `its`: the ITS namespace
    /// is declared on an enclosing element.
    private func writeTripleTerm(_ tt: Triple, its: Bool) throws {
        let xml = self.xml, rdf = rdfPrefix
        let element = try propertyElement(tt.predicate)
        try Self.mapping(sinkFailure, "the subject \(tt.subject) of a triple term") {
            try xml.startElement("Description", prefix: rdf)
            switch tt.subject {
            case .iri(let i): try xml.attribute("about", i.value, prefix: rdf)
            case .blank(let b): try xml.attribute("nodeID", b.id, prefix: rdf)
            case .literal, .tripleTerm: break
            }
            try Self.start(element, xml)
        }
        switch tt.object {
        case .iri(let o):
            try Self.mapping(sinkFailure, "the object <\(o.value)>") { try xml.attribute("resource", o.value, prefix: rdf) }
        case .blank(let b):
            try Self.mapping(sinkFailure, "the object _:\(b.id)") { try xml.attribute("nodeID", b.id, prefix: rdf) }
        case .literal(let l):
            try Self.mapping(sinkFailure, "the literal \(RDFTermCheck.quoted(l.lexical))") {
                try Self.literal(l, xml, rdf: rdf, rdf12: true, its: its)
            }
        case .tripleTerm(let inner):
            try Self.mapping(sinkFailure, "the triple term \(tt.object)") { try xml.attribute("parseType", "Triple", prefix: rdf) }
            try writeTripleTerm(inner, its: its)
        }
        try Self.mapping(sinkFailure, "the triple term \(Term.tripleTerm(tt))") {
            try xml.endElement()
            try xml.endElement()
        }
    }

    /// Closes the open elements, ends the document and flushes everything to the sink.
    public mutating func finish() throws {
        guard !finished else { return }
        finished = true
        let xml = self.xml
        try Self.mapping(sinkFailure, "the document end") {
            if subject != nil { try xml.endElement() }
            try xml.endElement()
            try xml.finish()
        }
        subject = nil
        try out.flush()
    }

    // MARK: - Elements

    /// The element a predicate is written as: `prefix:local`, with the
    /// namespace to declare on it when no root declaration fits.
    struct PropertyElement {
        let prefix: String?
        let local: String
        let declare: String?
    }

    private mutating func startDescription(_ s: Term) throws {
        let xml = self.xml, rdf = rdfPrefix, open = subject != nil
        switch s {
        case .iri(let i):
            try RDFTermCheck.iri(i, format: "RDF/XML")
            try Self.mapping(sinkFailure, "the subject <\(i.value)>") {
                if open { try xml.endElement() }
                try xml.startElement("Description", prefix: rdf)
                try xml.attribute("about", i.value, prefix: rdf)
            }
        case .blank(let b):
            try Self.checkNodeID(b)
            try Self.mapping(sinkFailure, "the subject _:\(b.id)") {
                if open { try xml.endElement() }
                try xml.startElement("Description", prefix: rdf)
                try xml.attribute("nodeID", b.id, prefix: rdf)
            }
        case .literal:
            return
        case .tripleTerm: throw SerializationError(format: "RDF/XML", message: "a subject must be an IRI or a blank node, not \(s)")
        }
        subject = s
    }

    private func propertyElement(_ p: IRI) throws -> PropertyElement {
        try RDFTermCheck.iri(p, format: "RDF/XML")
        if UTF8Order.hasPrefix(p.value, RDF.namespace) {
            let local = p.value.utf8.dropFirst(RDF.namespace.utf8.count)
            if Self.reservedRDFNames.contains(where: { $0.utf8.elementsEqual(local) }) {
                throw SerializationError(format: "RDF/XML",
                                         message: "the predicate <\(p.value)> cannot be written as an RDF/XML property element (RDF/XML reserves that name)")
            }
        }
        var best: (prefix: String, length: Int)?
        for (prefix, namespace) in namespaces where UTF8Order.hasPrefix(p.value, namespace) {
            let length = namespace.utf8.count
            if let best, best.length >= length { continue }
            let local = p.value[p.value.utf8.index(p.value.startIndex, offsetBy: length)...]
            guard XMLText.isNCName(local) else { continue }
            best = (prefix, length)
        }
        if let best {
            let local = String(p.value[p.value.utf8.index(p.value.startIndex, offsetBy: best.length)...])
            return PropertyElement(prefix: best.prefix.isEmpty ? nil : best.prefix, local: local, declare: nil)
        }
        // Split at the longest suffix that is an NCName.
        let scalars = Array(p.value.unicodeScalars)
        var start = scalars.count
        while start > 0, XMLText.isNCName(Substring("a" + String(scalars[start - 1]))) { start -= 1 }
        while start < scalars.count, !XMLText.isNCName(Substring(String(scalars[start]))) { start += 1 }
        guard start > 0, start < scalars.count else {
            throw SerializationError(format: "RDF/XML",
                                     message: "the predicate <\(p.value)> cannot be written as an RDF/XML property element (it does not end in an XML name)")
        }
        var namespace = "", local = ""
        namespace.unicodeScalars.append(contentsOf: scalars[..<start])
        local.unicodeScalars.append(contentsOf: scalars[start...])
        // libxml2 takes a namespace name written with a character reference (`&amp;`) as the
        // reference's text, not the character: read back, the predicate would be another IRI.
        if namespace.contains("&") {
            throw SerializationError(format: "RDF/XML",
                                     message: "the predicate <\(p.value)> cannot be written as an RDF/XML property element (its namespace part <\(namespace)> has an '&', which XML readers built on libxml2 read back as '&#38;')")
        }
        return PropertyElement(prefix: generatedPrefix, local: local, declare: namespace)
    }

    private static func start(_ e: PropertyElement, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement(e.local, prefix: e.prefix)
        if let ns = e.declare {
            try xml.namespaceDeclaration(prefix: e.prefix, uri: ns)
        }
    }

    private static func check(_ object: Term) throws {
        switch object {
        case .iri(let o):
            try RDFTermCheck.iri(o, format: "RDF/XML")
        case .blank(let b):
            try checkNodeID(b)
        case .literal(let l):
            if let bad = XMLText.firstIllegalCharacter(in: l.lexical) {
                throw SerializationError(format: "RDF/XML",
                                         message: "the literal \(RDFTermCheck.quoted(l.lexical)) contains \(XMLText.describe(bad)), which XML 1.0 cannot represent")
            }
            if let lang = l.language {
                try RDFTermCheck.language(lang, of: l, format: "RDF/XML")
            } else if l.datatype != XSD.string {
                try RDFTermCheck.iri(l.datatype, format: "RDF/XML")
            }
        case .tripleTerm(let tt):
            switch tt.subject {
            case .iri(let i): try RDFTermCheck.iri(i, format: "RDF/XML")
            case .blank(let b): try checkNodeID(b)
            case .literal, .tripleTerm:
                throw SerializationError(format: "RDF/XML", message: "the subject of the triple term \(object) must be an IRI or a blank node")
            }
            try check(tt.object)
        }
    }

    private static func checkNodeID(_ b: BlankNode) throws {
        guard XMLText.isNCName(b.id[...]) else {
            throw SerializationError(format: "RDF/XML", message: "the blank node _:\(b.id) cannot be written: its label is not an XML NCName (rdf:nodeID)")
        }
    }

    /// Property names RDF/XML reserves (syntax names, and rdf:li, which
    /// parsers turn into rdf:_n).
    static let reservedRDFNames = ["RDF", "ID", "about", "bagID", "parseType", "resource", "nodeID",
                                   "datatype", "Description", "aboutEach", "aboutEachPrefix", "li"]

    // MARK: - Errors

    /// The first error the sink threw, so it reaches the caller unchanged
    /// (libxml2 only knows that its write callback failed).
    final class SinkFailure {
        var error: (any Error)?
    }

    /// Runs XMLWriter calls; a name or character it refuses becomes a
    /// SerializationError naming `term`, a sink failure is rethrown as the
    /// sink's own error.
    private static func mapping<T>(_ failure: SinkFailure, _ term: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as XMLError {
            if let original = failure.error { throw original }
            if e.kind == .unwritable {
                throw SerializationError(format: "RDF/XML", message: "\(term()): \(e.message)")
            }
            throw e
        }
    }
}
