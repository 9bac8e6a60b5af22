internal import CLibXML2
import ProseGraphText

/// Reads XML as a stream of nodes through libxml2's SAX2 push parser, without
/// building a document tree: the input goes to libxml2 64 KB at a time, the
/// callbacks turn what it reports into `Node` values in a queue (`SAXEvents`),
/// and `next()` hands them out in document order, feeding the next chunk when
/// the queue is empty. The nodes are those libxml2's `xmlTextReader` gives
/// (consecutive character data as one text, white space or CDATA node; no end
/// element for `<a/>`). Element and attribute names are interned by libxml2's
/// dictionary pointer: one Swift string per distinct name, not per node.
///
/// The reader owns a private copy of the input (the position scanner reads it
/// while libxml2 parses) and the parser context; both are freed in `deinit`.
/// Every node is handed out as a Swift value (`XMLStreamReader.Node`), so no C
/// pointer leaves this type.
///
/// Safety: no network (`XML_PARSE_NONET`), no entity substitution, no DTD
/// loading or validation. A document type declaration that declares entities
/// (the XXE and "billion laughs" attacks) or names an external DTD is refused
/// before libxml2 reads it (`DoctypeCheck`), and an entity reference is
/// refused where it appears. Every error
/// libxml2 reports, recoverable ones included (an undeclared namespace prefix),
/// ends the read with an `XMLError` of kind `.syntax` located at line:column,
/// after the nodes before it (of two errors, the first in document order).
/// Elements nest at most 256 levels (libxml2's bound).
///
/// Positions: libxml2 keeps only a line per node (and that is where the start
/// tag ends), so the reader follows the input bytes alongside libxml2 and
/// reports where each node (and each attribute) begins: line and column
/// 1-based, the column counted in Unicode scalars. Lines end in LF, CRLF or CR.
public final class XMLStreamReader {
    public enum Kind: Sendable, Hashable {
        case element
        case endElement
        /// Character data (entity and character references already replaced).
        case text
        case cdata
        /// White space between markup.
        case whitespace
        case comment
        /// Target in `localName`, data in `value`.
        case processingInstruction
        case documentType
    }

    /// An attribute as written (namespace declarations are listed separately).
    public struct Attribute: Sendable, Hashable {
        public let localName: String
        public let prefix: String?
        public let namespaceURI: String?
        public let value: String
        public let line: Int
        public let column: Int

        public init(localName: String, prefix: String?, namespaceURI: String?, value: String, line: Int, column: Int) {
            self.localName = localName
            self.prefix = prefix
            self.namespaceURI = namespaceURI
            self.value = value
            self.line = line
            self.column = column
        }

        /// `prefix:localName`, or `localName`.
        public var qualifiedName: String { prefix.map { $0 + ":" + localName } ?? localName }
    }

    /// `xmlns:prefix="uri"` (prefix nil: the default namespace, `xmlns="uri"`).
    public struct NamespaceDeclaration: Sendable, Hashable {
        public let prefix: String?
        public let uri: String

        public init(prefix: String?, uri: String) {
            self.prefix = prefix
            self.uri = uri
        }
    }

    /// One node of the stream.
    public struct Node: Sendable {
        public let kind: Kind
        /// Element (or end element) local name; processing instruction target; empty otherwise.
        public let localName: String
        public let prefix: String?
        public let namespaceURI: String?
        /// Text, CDATA, white space, comment or processing instruction data; nil for elements.
        public let value: String?
        /// Attributes of an element in document order, without namespace declarations.
        public let attributes: [Attribute]
        public let namespaceDeclarations: [NamespaceDeclaration]
        /// `<a/>`: no end element follows.
        public let isEmptyElement: Bool
        /// 0 for the document element.
        public let depth: Int
        public let line: Int
        public let column: Int
        /// xml:lang in scope ("" where it was reset with `xml:lang=""`), nil if none.
        public let language: String?
        /// For elements: the base URI in scope, as libxml2 resolves `xml:base` against the document URL.
        public let baseURI: String?

        /// `prefix:localName`, or `localName`.
        public var qualifiedName: String { prefix.map { $0 + ":" + localName } ?? localName }

        /// The attribute with this namespace and local name.
        public func attribute(_ localName: String, namespace: String?) -> Attribute? {
            attributes.first { $0.localName == localName && $0.namespaceURI == namespace }
        }
    }

    private let input: UnsafeMutableBufferPointer<UInt8>
    private let count: Int
    /// libxml2's push parser, fed `chunkSize` bytes at a time with SAX2 callbacks into `events`.
    private let parser: xmlParserCtxtPtr
    private let events: SAXEvents
    @exclusivity(unchecked) private var fed: Int
    @exclusivity(unchecked) private var finished = false

    /// Bytes handed to libxml2 per call: the nodes of one chunk wait in a queue.
    static let chunkSize = 1 << 16

    /// - Parameters:
    ///   - bytes: the document (its encoding from a byte-order mark or the XML declaration, else UTF-8).
    ///   - url: names the document in libxml2 and is the base URI of the document; nothing is fetched.
    public init(bytes: [UInt8], url: String = "document.xml") throws(XMLError) {
        _ = libxmlInitialized
        guard bytes.count <= Int(Int32.max) else {
            throw XMLError(kind: .syntax, message: "the document is larger than libxml2 can read from memory (2 GiB)")
        }
        if let refusal = DoctypeCheck.refusal(bytes, refuseEveryDoctype: false) {
            throw refusal
        }
        // libxml2 reads this memory chunk by chunk until the parser is freed: it is
        // owned here, not borrowed from `bytes` (see the notes' dangling-pointer trap).
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        let events = SAXEvents(locator: SourceLocator(UnsafeBufferPointer(copy), count: bytes.count), url: url)
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = saxStartElement
        handler.endElementNs = saxEndElement
        handler.characters = saxCharacters
        handler.ignorableWhitespace = saxCharacters
        handler.cdataBlock = saxCDATA
        handler.comment = saxComment
        handler.processingInstruction = saxProcessingInstruction
        handler.internalSubset = saxInternalSubset
        handler.entityDecl = saxEntityDeclaration
        handler.reference = saxReference
        handler.serror = saxError
        // The first bytes tell libxml2 the encoding; the parser keeps its own copy of the handler.
        let first = min(4, bytes.count)
        let created: xmlParserCtxtPtr? = copy.baseAddress!.withMemoryRebound(to: CChar.self, capacity: copy.count) { p in
            xmlCreatePushParserCtxt(&handler, events.context, p, Int32(first), url)
        }
        guard let created else {
            copy.deallocate()
            throw XMLError(kind: .syntax, message: "libxml2 could not create a parser for the document")
        }
        _ = xmlCtxtUseOptions(created, safeParseOptions)
        events.parser = created
        input = copy
        count = bytes.count
        parser = created
        self.events = events
        fed = first
    }

    deinit {
        if let doc = parser.pointee.myDoc { xmlFreeDoc(doc) }
        xmlFreeParserCtxt(parser)
        input.deallocate()
    }

    /// The next node, or nil at the end of the document.
    public func next() throws(XMLError) -> Node? {
        while true {
            if let event = events.pop() {
                switch event {
                case .node(let node): return node
                case .error(let error):
                    finished = true
                    events.clear()
                    throw error
                }
            }
            guard !finished else { return nil }
            feed()
        }
    }

    /// Hands libxml2 the next chunk (the last one with `terminate`); its nodes and errors go to `events`.
    private func feed() {
        let n = min(Self.chunkSize, count - fed)
        let last = fed + n == count
        let collector = ErrorCollector(kind: .syntax)
        let rc = withErrors(collector) {
            input.baseAddress!.withMemoryRebound(to: CChar.self, capacity: input.count) { p in
                xmlParseChunk(parser, p + fed, Int32(n), last ? 1 : 0)
            }
        }
        fed += n
        // Errors libxml2 raised outside the parser's own channel (none are expected).
        for e in collector.errors { events.fail(e) }
        if last {
            events.flushText()
            finished = true
        }
        if rc != 0 && !events.failed {
            let line = Int(xmlSAX2GetLineNumber(parser)), column = Int(xmlSAX2GetColumnNumber(parser))
            events.fail(XMLError(kind: .syntax, message: "libxml2 could not read the document (unsupported encoding or malformed input)",
                                 line: line > 0 ? line : nil, column: column > 0 ? column : nil))
        }
    }
}

/// What the SAX2 callbacks produce, in document order: nodes, and the first
/// error where it happened. Built while libxml2 parses one chunk, drained by
/// `XMLStreamReader.next()`.
///
/// Its state is touched by one thread at a time, never by two overlapping accesses:
/// the stored properties opt out of Swift's run-time exclusivity checks
/// (`@exclusivity(unchecked)`), which cost about a tenth of an RDF/XML read.
private final class SAXEvents {
    enum Event {
        case node(XMLStreamReader.Node)
        case error(XMLError)
    }

    @exclusivity(unchecked) var queue: [Event] = []
    @exclusivity(unchecked) var head = 0
    @exclusivity(unchecked) var failed = false
    @exclusivity(unchecked) var locator: SourceLocator
    /// The parser, to see whether a start tag ends in `/>`; set once it exists (owned by the reader).
    @exclusivity(unchecked) var parser: xmlParserCtxtPtr?
    let url: String
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var languages: [String?] = []
    /// The base URI of each open element (the document's URL below them all).
    @exclusivity(unchecked) var bases: [String] = []
    /// Character data not yet made a node: consecutive callbacks make one text (or CDATA) node.
    @exclusivity(unchecked) var text: [UInt8] = []
    @exclusivity(unchecked) var textIsCDATA = false
    @exclusivity(unchecked) var doctypePosition = SourceLocator.Position(line: 1, column: 1)
    /// The element just started was `<a/>`: its end element callback makes no node.
    @exclusivity(unchecked) var openedEmpty = false
    /// libxml2 interns names in its dictionary: one String per distinct name, found by pointer.
    @exclusivity(unchecked) var names: [UnsafeRawPointer: String] = [:]

    init(locator: SourceLocator, url: String) {
        self.locator = locator
        self.url = url
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ context: UnsafeMutableRawPointer?) -> SAXEvents {
        Unmanaged<SAXEvents>.fromOpaque(context!).takeUnretainedValue()
    }

    func pop() -> Event? {
        guard head < queue.count else {
            if head > 0 { queue.removeAll(keepingCapacity: true); head = 0 }
            return nil
        }
        defer { head += 1 }
        return queue[head]
    }

    func clear() {
        queue.removeAll()
        head = 0
    }

    func append(_ node: XMLStreamReader.Node) {
        guard !failed else { return }
        queue.append(.node(node))
    }

    /// The first error ends the stream: nothing after it is queued.
    func fail(_ error: XMLError) {
        guard !failed else { return }
        flushText()
        failed = true
        queue.append(.error(error))
    }

    func name(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        let key = UnsafeRawPointer(p)
        if let known = names[key] { return known }
        let s = String(cString: p)
        names[key] = s
        return s
    }

    var parserLine: Int { parser.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

    /// The pending character data as one node: CDATA, white space (blank text) or text.
    func flushText() {
        guard !text.isEmpty else { return }
        let kind: XMLStreamReader.Kind
        let position: SourceLocator.Position
        if textIsCDATA {
            kind = .cdata
            position = locator.locate(.cdata, libxmlLine: parserLine)
        } else {
            kind = text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ? .whitespace : .text
            position = locator.locateText(libxmlLine: parserLine)
        }
        let value = String(decoding: text, as: UTF8.self)
        text.removeAll(keepingCapacity: true)
        append(XMLStreamReader.Node(kind: kind, localName: "", prefix: nil, namespaceURI: nil, value: value, attributes: [],
                                    namespaceDeclarations: [], isEmptyElement: false, depth: depth, line: position.line,
                                    column: position.column, language: languages.last ?? nil, baseURI: nil))
    }

    func characters(_ p: UnsafePointer<xmlChar>, _ n: Int, cdata: Bool) {
        guard !failed else { return }
        if !text.isEmpty && textIsCDATA != cdata { flushText() }
        textIsCDATA = cdata
        text.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    }

    /// An attribute value as SAX2 gives it: without entity substitution libxml2 writes
    /// each `&` (from `&amp;` or `&#38;`) as `&#38;`, which its tree builder decodes.
    static func attributeValue(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let raw = UnsafeBufferPointer(start: start, count: end - start)
        guard raw.contains(0x26) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if raw[i] == 0x26, i + 4 < raw.count, raw[i + 1] == 0x23, raw[i + 2] == 0x33, raw[i + 3] == 0x38, raw[i + 4] == 0x3B {
                out.append(0x26)
                i += 5
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func startElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                      _ namespaceCount: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                      _ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !failed else { return }
        flushText()
        // libxml2's own bound (its tree builder's, which SAX2 without a tree skips): 256 open elements.
        if depth > 256 {
            let line = parser.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0, column = parser.map { Int(xmlSAX2GetColumnNumber($0)) } ?? 0
            fail(XMLError(kind: .syntax, message: ErrorCollector.plain("Excessive depth in document: 256 use XML_PARSE_HUGE option"),
                          line: line > 0 ? line : nil, column: column > 0 ? column : nil, code: Int(XML_ERR_INTERNAL_ERROR.rawValue)))
            return
        }
        var isEmpty = false
        if let cur = parser?.pointee.input?.pointee.cur, cur.pointee == UInt8(ascii: "/") { isEmpty = true }
        let tag = locator.locateStartTag(libxmlLine: parserLine)
        var declarations: [XMLStreamReader.NamespaceDeclaration] = []
        if namespaceCount > 0, let namespaces {
            declarations.reserveCapacity(namespaceCount)
            for k in 0..<namespaceCount {
                declarations.append(XMLStreamReader.NamespaceDeclaration(prefix: name(namespaces[2 * k]),
                                                                          uri: namespaces[2 * k + 1].map { String(cString: $0) } ?? ""))
            }
        }
        var language = languages.last ?? nil
        var base = bases.last ?? url
        var list: [XMLStreamReader.Attribute] = []
        if attributeCount > 0, let attributes {
            list.reserveCapacity(attributeCount)
            for k in 0..<attributeCount {
                let a = attributes + 5 * k
                let local = a[0], attributePrefix = a[1], attributeURI = a[2]
                let value = (a[3] != nil && a[4] != nil) ? Self.attributeValue(a[3]!, a[4]!) : ""
                let at = tag.attribute(prefix: attributePrefix, local: local) ?? tag.position
                let namespace = name(attributeURI)
                let localName = name(local) ?? ""
                list.append(XMLStreamReader.Attribute(localName: localName, prefix: name(attributePrefix), namespaceURI: namespace,
                                                      value: value, line: at.line, column: at.column))
                if namespace == xmlNamespace {
                    if localName == "lang" { language = value }
                    if localName == "base" { base = Self.resolve(value, against: base) }
                }
            }
        }
        append(XMLStreamReader.Node(kind: .element, localName: name(localname) ?? "", prefix: name(prefix), namespaceURI: name(uri),
                                    value: nil, attributes: list, namespaceDeclarations: declarations, isEmptyElement: isEmpty,
                                    depth: depth, line: tag.position.line, column: tag.position.column, language: language,
                                    baseURI: base))
        depth += 1
        languages.append(language)
        bases.append(base)
        openedEmpty = isEmpty
    }

    func endElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        guard !failed else { return }
        flushText()
        depth -= 1
        // The end element carries the element's own xml:lang, as its start did.
        let language = languages.last ?? nil
        if !languages.isEmpty { languages.removeLast() }
        if !bases.isEmpty { bases.removeLast() }
        // `<a/>` gives no end element node, as libxml2's reader has it.
        if openedEmpty { openedEmpty = false; return }
        let position = locator.locate(.endTag, libxmlLine: parserLine)
        append(XMLStreamReader.Node(kind: .endElement, localName: name(localname) ?? "", prefix: name(prefix), namespaceURI: name(uri),
                                    value: nil, attributes: [], namespaceDeclarations: [], isEmptyElement: false, depth: depth,
                                    line: position.line, column: position.column, language: language, baseURI: nil))
    }

    /// `xml:base` resolved as libxml2 resolves it (`xmlBuildURI`).
    static func resolve(_ reference: String, against base: String) -> String {
        guard let built = xmlBuildURI(reference, base) else { return reference }
        defer { prosegraph_xml_free(built) }
        return String(cString: built)
    }
}

// The SAX2 callbacks: plain C functions, their context the reader's `SAXEvents`.

private let saxStartElement: startElementNsSAX2Func = { context, localname, prefix, uri, nsCount, namespaces, count, _, attributes in
    SAXEvents.from(context).startElement(localname, prefix, uri, Int(nsCount), namespaces, Int(count), attributes)
}

private let saxEndElement: endElementNsSAX2Func = { context, localname, prefix, uri in
    SAXEvents.from(context).endElement(localname, prefix, uri)
}

private let saxCharacters: charactersSAXFunc = { context, p, n in
    guard let p, n > 0 else { return }
    SAXEvents.from(context).characters(p, Int(n), cdata: false)
}

private let saxCDATA: cdataBlockSAXFunc = { context, p, n in
    guard let p, n > 0 else { return }
    SAXEvents.from(context).characters(p, Int(n), cdata: true)
}

private let saxComment: commentSAXFunc = { context, value in
    let events = SAXEvents.from(context)
    guard !events.failed else { return }
    events.flushText()
    let position = events.locator.locate(.comment, libxmlLine: events.parserLine)
    events.append(XMLStreamReader.Node(kind: .comment, localName: "", prefix: nil, namespaceURI: nil,
                                       value: value.map { String(cString: $0) } ?? "", attributes: [], namespaceDeclarations: [],
                                       isEmptyElement: false, depth: events.depth, line: position.line, column: position.column,
                                       language: events.languages.last ?? nil, baseURI: nil))
}

private let saxProcessingInstruction: processingInstructionSAXFunc = { context, target, data in
    let events = SAXEvents.from(context)
    guard !events.failed else { return }
    events.flushText()
    let position = events.locator.locate(.processingInstruction, libxmlLine: events.parserLine)
    events.append(XMLStreamReader.Node(kind: .processingInstruction, localName: target.map { String(cString: $0) } ?? "",
                                       prefix: nil, namespaceURI: nil, value: data.map { String(cString: $0) } ?? "",
                                       attributes: [], namespaceDeclarations: [], isEmptyElement: false, depth: events.depth,
                                       line: position.line, column: position.column, language: events.languages.last ?? nil,
                                       baseURI: nil))
}

private let saxInternalSubset: internalSubsetSAXFunc = { context, name, externalID, systemID in
    let events = SAXEvents.from(context)
    guard !events.failed else { return }
    let position = events.locator.locate(.doctype, libxmlLine: events.parserLine)
    events.doctypePosition = position
    if let external = systemID.map({ String(cString: $0) }) ?? externalID.map({ String(cString: $0) }) {
        events.fail(XMLError(kind: .syntax, message: DoctypeCheck.externalRefusal(external), line: position.line, column: position.column))
        return
    }
    events.append(XMLStreamReader.Node(kind: .documentType, localName: name.map { String(cString: $0) } ?? "", prefix: nil,
                                       namespaceURI: nil, value: nil, attributes: [], namespaceDeclarations: [], isEmptyElement: false,
                                       depth: 0, line: position.line, column: position.column, language: nil, baseURI: nil))
}

private let saxEntityDeclaration: entityDeclSAXFunc = { context, _, _, _, _, _ in
    let events = SAXEvents.from(context)
    let at = events.doctypePosition
    events.fail(XMLError(kind: .syntax, message: DoctypeCheck.entityRefusal, line: at.line, column: at.column))
}

private let saxReference: referenceSAXFunc = { context, name in
    let events = SAXEvents.from(context)
    guard !events.failed else { return }
    events.flushText()
    let at = events.locator.locateText(libxmlLine: events.parserLine)
    let entity = name.map { String(cString: $0) } ?? ""
    events.fail(XMLError(kind: .syntax, message: "the entity reference &\(entity); cannot be expanded (entities are refused)",
                         line: at.line, column: at.column))
}

private let saxError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let events = SAXEvents.from(context)
    let collector = ErrorCollector(kind: .syntax)
    collector.add(error)
    if let first = collector.errors.first { events.fail(first) }
}

let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

/// Follows the input bytes alongside libxml2 to find where each node begins.
///
/// libxml2 reports nodes in document order, so one forward cursor suffices:
/// each node is the next construct of its kind after the cursor. Only the
/// lexical shape of XML is needed (libxml2 has already checked the document
/// is well-formed up to this node). For inputs this scanner cannot follow
/// (UTF-16, UTF-32, EBCDIC), positions fall back to libxml2's line and column 1.
struct SourceLocator {
    typealias Position = TextPosition

    enum Construct { case endTag, cdata, comment, processingInstruction, doctype }

    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let enabled: Bool
    private var cursor: Int
    /// Lines and columns, counted forward from the document's start to the last position asked for.
    private var lines: TextCursor

    init(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) {
        self.bytes = bytes
        end = count
        var start = 0
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var wide = false
        if count >= 2 {
            let (a, b) = (bytes[0], bytes[1])
            wide = (a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE) || a == 0 || b == 0
        }
        // Only encodings that write markup in ASCII (UTF-8, ISO-8859-x...) can be followed byte by byte.
        let first = start < count ? bytes[start] : 0x3C
        enabled = !wide && (first == 0x3C || first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D)
        cursor = start
        lines = TextCursor(at: start)
    }

    // MARK: Positions

    private mutating func position(at offset: Int) -> Position {
        lines.position(at: offset, in: UnsafeBufferPointer(rebasing: bytes[..<end]))
    }

    private func fallback(_ libxmlLine: Int) -> Position {
        Position(line: max(libxmlLine, 1), column: 1)
    }

    // MARK: Finding constructs

    private func starts(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= end else { return false }
        for k in 0..<n where bytes[i + k] != s.utf8Start[k] { return false }
        return true
    }

    /// The offset just after the first occurrence of `terminator` at or after `i` (or the end).
    private func after(_ terminator: StaticString, from i: Int) -> Int {
        var j = i
        while j < end {
            if bytes[j] == terminator.utf8Start[0], starts(terminator, at: j) { return j + terminator.utf8CodeUnitCount }
            j += 1
        }
        return end
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The offset after a start or end tag beginning at `i`; where each attribute name is, on the way.
    private func skipTag(from i: Int, attributes: inout [Range<Int>]) -> Int {
        var j = i + 1
        while j < end, !isSpace(bytes[j]), bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
        while j < end {
            let b = bytes[j]
            if isSpace(b) || b == 0x2F { j += 1; continue }
            if b == 0x3E { return j + 1 }
            let nameStart = j
            while j < end, !isSpace(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E { j += 1 }
            attributes.append(nameStart..<j)
            while j < end, bytes[j] != 0x22, bytes[j] != 0x27, bytes[j] != 0x3E { j += 1 }
            guard j < end, bytes[j] != 0x3E else { continue }
            let quote = bytes[j]
            j += 1
            while j < end, bytes[j] != quote { j += 1 }
            j += 1
        }
        return end
    }

    /// The offset after a document type declaration at `i`, and whether its internal subset declares entities.
    private func skipDoctype(from i: Int) -> (end: Int, declaresEntities: Bool) {
        var j = i + 2
        var depth = 0
        var entities = false
        while j < end {
            let b = bytes[j]
            if b == 0x22 || b == 0x27 {
                j += 1
                while j < end, bytes[j] != b { j += 1 }
            } else if b == 0x3C, starts("<!--", at: j) {
                j = after("-->", from: j + 4)
                continue
            } else if b == 0x3C, starts("<!ENTITY", at: j) {
                entities = true
            } else if b == 0x5B {
                depth += 1
            } else if b == 0x5D {
                depth -= 1
            } else if b == 0x3E, depth <= 0 {
                return (j + 1, entities)
            }
            j += 1
        }
        return (end, entities)
    }

    private enum Found { case startTag, endTag, cdata, comment, processingInstruction, doctype }

    /// Moves to the next construct of `kind`, skipping others; returns its offset (nil if none).
    private mutating func seek(_ kind: Found) -> Int? {
        var i = cursor
        while i < end {
            guard bytes[i] == 0x3C, i + 1 < end else { i += 1; continue }
            let found: Found
            let next: Int
            var ignored: [Range<Int>] = []
            switch bytes[i + 1] {
            case 0x21:
                if starts("<!--", at: i) { found = .comment; next = after("-->", from: i + 4) }
                else if starts("<![CDATA[", at: i) { found = .cdata; next = after("]]>", from: i + 9) }
                else if starts("<!DOCTYPE", at: i) { found = .doctype; next = skipDoctype(from: i).end }
                else { found = .doctype; next = after(">", from: i) }
            case 0x3F:
                found = .processingInstruction
                next = after("?>", from: i + 2)
                if starts("<?xml", at: i), i + 5 < end, isSpace(bytes[i + 5]) {
                    i = next
                    continue
                }
            case 0x2F:
                found = .endTag
                next = after(">", from: i)
            default:
                found = .startTag
                next = skipTag(from: i, attributes: &ignored)
            }
            if found == kind {
                return i
            }
            i = next
        }
        return nil
    }

    /// Where a start tag begins, and where each of its attributes does.
    struct StartTag {
        let position: Position
        let bytes: UnsafeBufferPointer<UInt8>
        /// Attribute names as written (byte ranges of the input), with their positions.
        let attributes: [(name: Range<Int>, position: Position)]

        /// The position of the attribute written `prefix:local` (or `local`); the names are libxml2's C strings.
        func attribute(prefix: UnsafePointer<UInt8>?, local: UnsafePointer<UInt8>?) -> Position? {
            guard let local else { return nil }
            for a in attributes where matches(a.name, prefix: prefix, local: local) { return a.position }
            return nil
        }

        private func matches(_ name: Range<Int>, prefix: UnsafePointer<UInt8>?, local: UnsafePointer<UInt8>) -> Bool {
            var j = name.lowerBound
            if let prefix {
                var k = 0
                while prefix[k] != 0 { guard j < name.upperBound, bytes[j] == prefix[k] else { return false }; j += 1; k += 1 }
                guard j < name.upperBound, bytes[j] == 0x3A else { return false }
                j += 1
            }
            var k = 0
            while local[k] != 0 { guard j < name.upperBound, bytes[j] == local[k] else { return false }; j += 1; k += 1 }
            return j == name.upperBound
        }
    }

    mutating func locateStartTag(libxmlLine: Int) -> StartTag {
        guard enabled, let i = seek(.startTag) else { return StartTag(position: fallback(libxmlLine), bytes: bytes, attributes: []) }
        var found: [Range<Int>] = []
        cursor = skipTag(from: i, attributes: &found)
        let at = position(at: i)
        return StartTag(position: at, bytes: bytes, attributes: found.map { ($0, position(at: $0.lowerBound)) })
    }

    mutating func locate(_ construct: Construct, libxmlLine: Int) -> Position {
        let kind: Found
        switch construct {
        case .endTag: kind = .endTag
        case .cdata: kind = .cdata
        case .comment: kind = .comment
        case .processingInstruction: kind = .processingInstruction
        case .doctype: kind = .doctype
        }
        guard enabled, let i = seek(kind) else { return fallback(libxmlLine) }
        switch construct {
        case .endTag: cursor = after(">", from: i)
        case .cdata: cursor = after("]]>", from: i + 9)
        case .comment: cursor = after("-->", from: i + 4)
        case .processingInstruction: cursor = after("?>", from: i + 2)
        case .doctype: cursor = skipDoctype(from: i).end
        }
        return position(at: i)
    }

    /// Text starts at the cursor (just after the markup before it) and runs to the next `<`.
    mutating func locateText(libxmlLine: Int) -> Position {
        guard enabled else { return fallback(libxmlLine) }
        let at = position(at: cursor)
        var j = cursor
        while j < end, bytes[j] != 0x3C { j += 1 }
        cursor = j
        return at
    }

    /// A document type declaration in the prolog: where it is, whether its
    /// internal subset declares entities, and the external DTD it names (its
    /// system literal, else its public identifier; nil when it names none).
    struct Doctype {
        let position: Position
        let declaresEntities: Bool
        let externalID: String?
    }

    /// The document type declaration of the prolog, if there is one.
    mutating func prologDoctype() -> Doctype? {
        guard enabled else { return nil }
        var i = cursor
        while i < end {
            if isSpace(bytes[i]) { i += 1; continue }
            guard bytes[i] == 0x3C else { return nil }
            if starts("<?", at: i) { i = after("?>", from: i + 2); continue }
            if starts("<!--", at: i) { i = after("-->", from: i + 4); continue }
            if starts("<!DOCTYPE", at: i) {
                let (_, entities) = skipDoctype(from: i)
                return Doctype(position: position(at: i), declaresEntities: entities, externalID: externalID(ofDoctypeAt: i))
            }
            return nil
        }
        return nil
    }

    /// `<!DOCTYPE name SYSTEM "uri">` gives `uri`; `<!DOCTYPE name PUBLIC "id" "uri">` gives `uri`
    /// (`id` without a system literal); nil when the declaration names no external DTD.
    private func externalID(ofDoctypeAt start: Int) -> String? {
        var j = start + 9
        func skipSpace() { while j < end, isSpace(bytes[j]) { j += 1 } }
        func literal() -> String? {
            guard j < end, bytes[j] == 0x22 || bytes[j] == 0x27 else { return nil }
            let quote = bytes[j]
            let from = j + 1
            j = from
            while j < end, bytes[j] != quote { j += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<min(j, end)]), as: UTF8.self)
            j += 1
            return text
        }
        skipSpace()
        while j < end, !isSpace(bytes[j]), bytes[j] != 0x5B, bytes[j] != 0x3E { j += 1 }
        skipSpace()
        if starts("SYSTEM", at: j) {
            j += 6
            skipSpace()
            return literal() ?? ""
        }
        if starts("PUBLIC", at: j) {
            j += 6
            skipSpace()
            let publicID = literal() ?? ""
            skipSpace()
            return literal() ?? publicID
        }
        return nil
    }
}

/// The check every parse starts with, before libxml2 reads a byte: a
/// document type declaration that declares entities (XXE, "billion laughs",
/// quadratic blowup) or names an external DTD is refused, so no entity is
/// ever expanded and no DTD is ever fetched or read.
enum DoctypeCheck {
    static let entityRefusal = "document type declarations that declare entities are refused (external entities and entity expansion are not supported)"
    static let doctypeRefusal = "document type declarations are not accepted (entity expansion and external DTDs are refused)"

    static func externalRefusal(_ id: String) -> String {
        "external DTDs are refused: the document type declaration names \"\(id)\" (DTDs are never loaded)"
    }

    /// The refusal for the document's type declaration, if any. With
    /// `refuseEveryDoctype` a declaration that neither declares entities nor
    /// names an external DTD is refused too.
    static func refusal(_ bytes: [UInt8], refuseEveryDoctype: Bool) -> XMLError? {
        let found: SourceLocator.Doctype? = bytes.withUnsafeBufferPointer { b in
            var s = SourceLocator(b, count: b.count)
            if s.enabled { return s.prologDoctype() }
            // The locator cannot follow UTF-16; the refusal should not depend on the encoding.
            guard let utf8 = transcodedUTF16(bytes) else { return nil }
            return utf8.withUnsafeBufferPointer { u in
                var t = SourceLocator(u, count: u.count)
                return t.prologDoctype()
            }
        }
        guard let found else { return nil }
        let message: String
        if found.declaresEntities {
            message = entityRefusal
        } else if let id = found.externalID {
            message = externalRefusal(id)
        } else if refuseEveryDoctype {
            message = doctypeRefusal
        } else {
            return nil
        }
        return XMLError(kind: .syntax, message: message, line: found.position.line, column: found.position.column)
    }

    /// UTF-16 input (with a byte-order mark, or starting `<` in either byte order) as UTF-8.
    static func transcodedUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let bigEndian: Bool
        var start = 0
        switch (bytes[0], bytes[1]) {
        case (0xFE, 0xFF): bigEndian = true; start = 2
        case (0xFF, 0xFE): bigEndian = false; start = 2
        case (0x00, 0x3C): bigEndian = true
        case (0x3C, 0x00): bigEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
