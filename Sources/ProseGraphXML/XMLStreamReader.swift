internal import CLibXML2

/// Reads XML as a stream of nodes through libxml2's `xmlTextReader`, without
/// building a document tree.
///
/// The reader owns a private copy of the input (libxml2 reads it lazily, so it
/// must outlive the C reader) and the C reader itself; both are freed in
/// `deinit`. Every node is handed out as a Swift value (`XMLStreamReader.Node`),
/// so no C pointer leaves this type.
///
/// Safety: no network (`XML_PARSE_NONET`), no entity substitution, no DTD
/// loading or validation. A document type declaration that declares entities
/// (the XXE and "billion laughs" attacks) or names an external DTD is refused
/// before libxml2 reads it (`DoctypeCheck`), and an entity reference is
/// refused where it appears. Every error
/// libxml2 reports, recoverable ones included (an undeclared namespace prefix),
/// ends the read with an `XMLError` of kind `.syntax` located at line:column.
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
    private let reader: OpaquePointer
    private let collector = ErrorCollector(kind: .syntax)
    private var locator: SourceLocator
    private var languages: [String?] = []
    private var finished = false

    /// - Parameters:
    ///   - bytes: the document (its encoding from a byte-order mark or the XML declaration, else UTF-8).
    ///   - url: names the document in libxml2 and is the base URI of the document; nothing is fetched.
    public init(bytes: [UInt8], url: String = "document.xml") throws(XMLError) {
        _ = libxmlInitialized
        guard bytes.count <= Int(Int32.max) else {
            throw XMLError(kind: .syntax, message: "the document is larger than libxml2 can read from memory (2 GiB)")
        }
        // libxml2 keeps reading this memory until the reader is freed: it is
        // owned here, not borrowed from `bytes` (see the notes' dangling-pointer trap).
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        let scanner = SourceLocator(UnsafeBufferPointer(copy), count: bytes.count)
        if let refusal = DoctypeCheck.refusal(bytes, refuseEveryDoctype: false) {
            copy.deallocate()
            throw refusal
        }
        let created: OpaquePointer? = copy.baseAddress!.withMemoryRebound(to: CChar.self, capacity: copy.count) { p in
            xmlReaderForMemory(p, Int32(bytes.count), url, nil, safeParseOptions)
        }
        guard let created else {
            copy.deallocate()
            throw XMLError(kind: .syntax, message: "libxml2 could not create a reader for the document")
        }
        input = copy
        reader = created
        locator = scanner
        xmlTextReaderSetStructuredErrorHandler(reader, collectStructuredError, collector.context)
    }

    deinit {
        xmlFreeTextReader(reader)
        input.deallocate()
    }


    /// The next node, or nil at the end of the document.
    public func next() throws(XMLError) -> Node? {
        while true {
            guard !finished else { return nil }
            let rc = withErrors(collector) { xmlTextReaderRead(reader) }
            if let error = collector.errors.first { finished = true; throw error }
            if rc < 0 {
                finished = true
                let line = Int(xmlTextReaderGetParserLineNumber(reader)), column = Int(xmlTextReaderGetParserColumnNumber(reader))
                throw XMLError(kind: .syntax, message: "libxml2 could not read the document (unsupported encoding or malformed input)",
                               line: line > 0 ? line : nil, column: column > 0 ? column : nil)
            }
            if rc == 0 { finished = true; return nil }
            if let node = try currentNode() { return node }
        }
    }

    private func currentNode() throws(XMLError) -> Node? {
        let type = xmlTextReaderNodeType(reader)
        let kind: Kind
        switch UInt32(type) {
        case XML_READER_TYPE_ELEMENT.rawValue: kind = .element
        case XML_READER_TYPE_END_ELEMENT.rawValue: kind = .endElement
        case XML_READER_TYPE_TEXT.rawValue: kind = .text
        case XML_READER_TYPE_CDATA.rawValue: kind = .cdata
        case XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue: kind = .whitespace
        case XML_READER_TYPE_COMMENT.rawValue: kind = .comment
        case XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue: kind = .processingInstruction
        case XML_READER_TYPE_DOCUMENT_TYPE.rawValue: kind = .documentType
        case XML_READER_TYPE_ENTITY_REFERENCE.rawValue:
            finished = true
            let name = string(xmlTextReaderConstName(reader)) ?? ""
            let at = locator.locateText(libxmlLine: libxmlLine())
            throw XMLError(kind: .syntax, message: "the entity reference &\(name); cannot be expanded (entities are refused)",
                           line: at.line, column: at.column)
        default:
            return nil
        }
        let depth = Int(xmlTextReaderDepth(reader))
        let localName: String
        let prefix = string(xmlTextReaderConstPrefix(reader))
        let namespaceURI = string(xmlTextReaderConstNamespaceUri(reader))
        var value: String? = nil
        var attributes: [Attribute] = []
        var declarations: [NamespaceDeclaration] = []
        var isEmpty = false
        let position: SourceLocator.Position
        var language = languages.last ?? nil

        switch kind {
        case .element:
            localName = string(xmlTextReaderConstLocalName(reader)) ?? ""
            isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            let tag = locator.locateStartTag(libxmlLine: libxmlLine())
            position = tag.position
            var rawAttributes: [(local: String, prefix: String?, ns: String?, value: String)] = []
            if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
                repeat {
                    let attrValue = string(xmlTextReaderConstValue(reader)) ?? ""
                    if xmlTextReaderIsNamespaceDecl(reader) == 1 {
                        let name = string(xmlTextReaderConstName(reader)) ?? "xmlns"
                        declarations.append(NamespaceDeclaration(
                            prefix: name == "xmlns" ? nil : String(name.dropFirst("xmlns:".count)), uri: attrValue))
                    } else {
                        rawAttributes.append((string(xmlTextReaderConstLocalName(reader)) ?? "",
                                              string(xmlTextReaderConstPrefix(reader)),
                                              string(xmlTextReaderConstNamespaceUri(reader)), attrValue))
                    }
                } while xmlTextReaderMoveToNextAttribute(reader) == 1
                xmlTextReaderMoveToElement(reader)
            }
            for a in rawAttributes {
                let qname = a.prefix.map { $0 + ":" + a.local } ?? a.local
                let at = tag.attributes.first { $0.name == qname }?.position ?? position
                attributes.append(Attribute(localName: a.local, prefix: a.prefix, namespaceURI: a.ns, value: a.value,
                                            line: at.line, column: at.column))
                if a.local == "lang", a.ns == xmlNamespace { language = a.value }
            }
            if !isEmpty { languages.append(language) }
        case .endElement:
            localName = string(xmlTextReaderConstLocalName(reader)) ?? ""
            position = locator.locate(.endTag, libxmlLine: libxmlLine())
            if !languages.isEmpty { languages.removeLast() }
        case .text, .whitespace:
            localName = ""
            value = string(xmlTextReaderConstValue(reader)) ?? ""
            position = locator.locateText(libxmlLine: libxmlLine())
        case .cdata:
            localName = ""
            value = string(xmlTextReaderConstValue(reader)) ?? ""
            position = locator.locate(.cdata, libxmlLine: libxmlLine())
        case .comment:
            localName = ""
            value = string(xmlTextReaderConstValue(reader)) ?? ""
            position = locator.locate(.comment, libxmlLine: libxmlLine())
        case .processingInstruction:
            localName = string(xmlTextReaderConstLocalName(reader)) ?? ""
            value = string(xmlTextReaderConstValue(reader)) ?? ""
            position = locator.locate(.processingInstruction, libxmlLine: libxmlLine())
        case .documentType:
            localName = string(xmlTextReaderConstName(reader)) ?? ""
            position = locator.locate(.doctype, libxmlLine: libxmlLine())
            if declaresEntities() {
                finished = true
                throw XMLError(kind: .syntax, message: DoctypeCheck.entityRefusal, line: position.line, column: position.column)
            }
            if let external = externalIdentifier() {
                finished = true
                throw XMLError(kind: .syntax, message: DoctypeCheck.externalRefusal(external), line: position.line, column: position.column)
            }
        }
        return Node(kind: kind, localName: localName, prefix: prefix, namespaceURI: namespaceURI, value: value,
                    attributes: attributes, namespaceDeclarations: declarations, isEmptyElement: isEmpty,
                    depth: depth, line: position.line, column: position.column, language: language,
                    baseURI: kind == .element ? string(xmlTextReaderConstBaseUri(reader)) : nil)
    }

    /// Whether the document type node just read declares general or parameter entities.
    private func declaresEntities() -> Bool {
        guard let node = xmlTextReaderCurrentNode(reader) else { return false }
        if let doc = node.pointee.doc {
            for dtd in [doc.pointee.intSubset, doc.pointee.extSubset] {
                if let dtd, dtd.pointee.entities != nil || dtd.pointee.pentities != nil { return true }
            }
        }
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ENTITY_DECL { return true }
            child = c.pointee.next
        }
        return false
    }

    /// The system (or public) identifier of the document type node just read, if it names an external DTD.
    private func externalIdentifier() -> String? {
        guard let node = xmlTextReaderCurrentNode(reader), node.pointee.type == XML_DTD_NODE else { return nil }
        let dtd = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlDtd.self)
        return string(dtd.pointee.SystemID) ?? string(dtd.pointee.ExternalID)
    }

    /// The line libxml2 recorded for the current node (where its start tag ends).
    private func libxmlLine() -> Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return 0 }
        return Int(xmlGetLineNo(node))
    }

    private func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        p.map { String(cString: $0) }
    }
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
    struct Position: Equatable {
        let line: Int
        let column: Int
    }

    enum Construct { case endTag, cdata, comment, processingInstruction, doctype }

    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let enabled: Bool
    private var cursor: Int
    /// Line counting has been done up to `counted`: `line` is the line at that offset, starting at `lineStart`.
    private var counted: Int
    private var line = 1
    private var lineStart: Int

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
        counted = start
        lineStart = start
    }

    // MARK: Positions

    private mutating func position(at offset: Int) -> Position {
        var i = counted
        while i < offset {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && !(i + 1 < end && bytes[i + 1] == 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        counted = max(counted, offset)
        var column = 1
        var j = lineStart
        while j < offset {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return Position(line: line, column: column)
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

    /// The offset after a start or end tag beginning at `i`; attribute names and their offsets on the way.
    private func skipTag(from i: Int, attributes: inout [(name: String, offset: Int)]) -> Int {
        var j = i + 1
        while j < end, !isSpace(bytes[j]), bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
        while j < end {
            let b = bytes[j]
            if isSpace(b) || b == 0x2F { j += 1; continue }
            if b == 0x3E { return j + 1 }
            let nameStart = j
            while j < end, !isSpace(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E { j += 1 }
            attributes.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self), nameStart))
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
            var ignored: [(name: String, offset: Int)] = []
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

    mutating func locateStartTag(libxmlLine: Int) -> (position: Position, attributes: [(name: String, position: Position)]) {
        guard enabled, let i = seek(.startTag) else { return (fallback(libxmlLine), []) }
        var found: [(name: String, offset: Int)] = []
        cursor = skipTag(from: i, attributes: &found)
        let at = position(at: i)
        return (at, found.map { ($0.name, position(at: $0.offset)) })
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
