internal import CLibXML2

/// Parser options every parse in prosegraph uses: no network, no entity
/// substitution, no DTD loading or validation, no huge-input relaxation.
let safeParseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue)

/// A parsed XML document (a DOM), owned here and freed in `deinit`. Used for
/// schema validation; streaming readers use `XMLStreamReader`.
public final class XMLDocument {
    let doc: xmlDocPtr

    /// Parses bytes. `url` names the document in messages and resolves
    /// relative references; nothing is fetched. Any document type
    /// declaration is refused, before libxml2 reads it.
    public init(bytes: [UInt8], url: String = "document.xml") throws(XMLError) {
        // Refused before libxml2 reads the document type declaration at all.
        if let refusal = DoctypeCheck.refusal(bytes, refuseEveryDoctype: true) { throw refusal }
        let collector = ErrorCollector(kind: .syntax)
        let parsed: xmlDocPtr? = withErrors(collector) {
            bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) { p in
                    // xmlReadMemory parses before it returns, so the pointer need not outlive the call.
                    xmlReadMemory(p, Int32(buf.count), url, nil, safeParseOptions)
                }
            }
        }
        guard let parsed else {
            throw collector.errors.first ?? XMLError(kind: .syntax, message: "the document could not be parsed")
        }
        if parsed.pointee.intSubset != nil || hasEntityDeclarations(parsed) {
            xmlFreeDoc(parsed)
            // Encodings the check above cannot follow (EBCDIC) end up here.
            throw XMLError(kind: .syntax, message: DoctypeCheck.doctypeRefusal, line: 1, column: 1)
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// The qualified name of the root element.
    public var rootName: String? {
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        return String(cString: root.pointee.name)
    }
}

private func hasEntityDeclarations(_ doc: xmlDocPtr) -> Bool {
    doc.pointee.extSubset != nil
}

/// A compiled XML Schema, owned here and freed in `deinit`.
public final class XMLSchema {
    private let schema: OpaquePointer

    /// Compiles the schema at `path`. `catalog` (an XML catalog file) maps
    /// absolute schema URLs to local copies, so nothing is fetched.
    public init(path: String, catalog: String? = nil) throws(XMLError) {
        _ = libxmlInitialized
        if let catalog { xmlLoadCatalog(catalog) }
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw XMLError(kind: .schema, message: "cannot open schema \(path)")
        }
        schema = try Self.compile(parser, name: path)
    }

    /// Compiles a schema held in memory (`text`, a self-contained XSD: it imports nothing).
    /// `name` names it in error messages.
    public init(text: String, name: String) throws(XMLError) {
        _ = libxmlInitialized
        // The parser context reads the buffer while it parses: it must live until compile returns.
        let result: Result<OpaquePointer, XMLError> = text.utf8CString.withUnsafeBufferPointer { buffer in
            guard let parser = xmlSchemaNewMemParserCtxt(buffer.baseAddress, Int32(buffer.count - 1)) else {
                return .failure(XMLError(kind: .schema, message: "cannot read schema \(name)"))
            }
            do throws(XMLError) { return .success(try Self.compile(parser, name: name)) } catch { return .failure(error) }
        }
        schema = try result.get()
    }

    /// Parses with `parser` (freed here) and returns the compiled schema.
    private static func compile(_ parser: OpaquePointer, name: String) throws(XMLError) -> OpaquePointer {
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = ErrorCollector(kind: .schema)
        let compiled: OpaquePointer? = withErrors(collector) {
            xmlSchemaSetParserStructuredErrors(parser, collectStructuredError, collector.context)
            return xmlSchemaParse(parser)
        }
        guard let compiled else {
            throw collector.errors.first ?? XMLError(kind: .schema, message: "cannot compile schema \(name)")
        }
        return compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// Every validity error of a document given as bytes, validated as libxml2
    /// parses it (`xmlSchemaValidateStream`, SAX, no tree): memory does not grow
    /// with the document. The same checks and messages as `validate(_:)`; the
    /// bytes must be well-formed (check them first: a syntax error here is
    /// reported among the validity errors).
    public func validate(bytes: [UInt8]) throws(XMLError) -> [XMLError] {
        guard bytes.count <= Int(Int32.max) else {
            throw XMLError(kind: .schema, message: "the document is larger than libxml2 can validate from memory (2 GiB)")
        }
        guard let ctx = xmlSchemaNewValidCtxt(schema) else {
            throw XMLError(kind: .schema, message: "libxml2 could not create a validation context")
        }
        defer { xmlSchemaFreeValidCtxt(ctx) }
        let collector = ErrorCollector(kind: .validity)
        // The input buffer copies the bytes; xmlSchemaValidateStream takes it over and frees it.
        let rc: Int32 = bytes.withUnsafeBufferPointer { b in
            b.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: b.count) { p in
                    guard let input = xmlParserInputBufferCreateMem(p, Int32(b.count), XML_CHAR_ENCODING_NONE) else { return -1 }
                    return withErrors(collector) {
                        xmlSchemaSetValidStructuredErrors(ctx, collectStructuredError, collector.context)
                        return xmlSchemaValidateStream(ctx, input, XML_CHAR_ENCODING_NONE, nil, nil)
                    }
                }
            } ?? -1
        }
        if rc > 0, collector.errors.isEmpty {
            return [XMLError(kind: .validity, message: "the document is not valid (libxml2 code \(rc))")]
        }
        if rc < 0 { throw XMLError(kind: .schema, message: "libxml2 failed inside schema validation (\(rc))") }
        return collector.errors
    }

    /// Every validity error of the document (empty when it is valid).
    public func validate(_ document: XMLDocument) throws(XMLError) -> [XMLError] {
        guard let ctx = xmlSchemaNewValidCtxt(schema) else {
            throw XMLError(kind: .schema, message: "libxml2 could not create a validation context")
        }
        defer { xmlSchemaFreeValidCtxt(ctx) }
        let collector = ErrorCollector(kind: .validity)
        let rc: Int32 = withErrors(collector) {
            xmlSchemaSetValidStructuredErrors(ctx, collectStructuredError, collector.context)
            return xmlSchemaValidateDoc(ctx, document.doc)
        }
        if rc > 0, collector.errors.isEmpty {
            return [XMLError(kind: .validity, message: "the document is not valid (libxml2 code \(rc))")]
        }
        if rc < 0 { throw XMLError(kind: .schema, message: "libxml2 failed inside schema validation (\(rc))") }
        return collector.errors
    }
}
