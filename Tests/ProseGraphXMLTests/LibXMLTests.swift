import Testing
import ProseGraphXML
#if canImport(Glibc)
import Glibc
#endif

func written(indent: Bool = true, _ body: (XMLWriter) throws -> Void) throws -> String {
    var bytes: [UInt8] = []
    let w = try XMLWriter(indent: indent) { bytes.append(contentsOf: $0) }
    try body(w)
    try w.finish()
    return String(decoding: bytes, as: UTF8.self)
}

struct SinkFull: Error, CustomStringConvertible { var description: String { "disk full" } }

@Suite struct Writer {
    @Test func exactBytesWithNamespacesAndEscaping() throws {
        let xml = try written { w in
            try w.startDocument()
            try w.startElement("root", prefix: "ex", namespace: "urn:ex")
            try w.attribute("note", "a \"quoted\" <tag> & more")
            try w.startElement("item", prefix: "ex")
            try w.text("x < y & ]]> z 𝄞 שלום")
            try w.endElement()
            try w.element("empty", text: "", prefix: "ex")
        }
        #expect(xml == """
        <?xml version="1.0" encoding="UTF-8"?>
        <ex:root note="a &quot;quoted&quot; &lt;tag&gt; &amp; more" xmlns:ex="urn:ex">
          <ex:item>x &lt; y &amp; ]]&gt; z 𝄞 שלום</ex:item>
          <ex:empty></ex:empty>
        </ex:root>

        """)
    }

    @Test func controlCharactersAreAnError() throws {
        #expect(throws: XMLError(kind: .unwritable, message: "text contains U+0001, which XML 1.0 cannot represent")) {
            _ = try written { w in
                try w.startDocument()
                try w.startElement("a")
                try w.text("bad \u{1} char")
            }
        }
    }

    @Test func invalidNamesAreAnError() throws {
        #expect(throws: XMLError(kind: .unwritable, message: "'http://x/y' is not a valid XML name")) {
            _ = try written { w in
                try w.startDocument()
                try w.startElement("http://x/y")
            }
        }
    }

    @Test func sinkFailureStopsTheWriter() throws {
        let w = try XMLWriter { _ in throw SinkFull() }
        try w.startDocument()
        try w.startElement("a")
        // libxml2 hands bytes to the sink in 4 KB chunks: the failure surfaces on the write that fills one.
        #expect(throws: XMLError(kind: .write, message: "could not write text: disk full")) {
            try w.text(String(repeating: "x", count: 10_000))
        }
        #expect(throws: XMLError(kind: .write, message: "could not end the document: disk full")) { try w.finish() }
    }

    @Test func useAfterFinishIsAnError() throws {
        let w = try XMLWriter { _ in }
        try w.startDocument()
        try w.startElement("a")
        try w.finish()
        #expect(throws: XMLError(kind: .write, message: "the XML writer is already finished")) { try w.startElement("b") }
    }
}

@Suite struct Parsing {
    @Test func syntaxErrorsHaveLineAndColumn() {
        #expect(throws: XMLError(kind: .syntax, message: "Opening and ending tag mismatch: b line 2 and a", line: 3, column: 5, code: 76)) {
            _ = try XMLDocument(bytes: Array("<a>\n<b>\n</a>".utf8))
        }
    }

    @Test func externalEntitiesAreRefused() {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <r>&x;</r>
        """
        // Refused before libxml2 parses anything, at the declaration.
        #expect(throws: XMLError(kind: .syntax, message: "document type declarations that declare entities are refused (external entities and entity expansion are not supported)", line: 2, column: 1)) {
            _ = try XMLDocument(bytes: Array(xxe.utf8))
        }
        #expect(throws: XMLError(kind: .syntax, message: "external DTDs are refused: the document type declaration names \"http://127.0.0.1:9/x.dtd\" (DTDs are never loaded)", line: 1, column: 1)) {
            _ = try XMLDocument(bytes: Array("<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\">\n<r/>".utf8))
        }
        // A document type declaration of any kind is refused for a document tree.
        #expect(throws: XMLError(kind: .syntax, message: "document type declarations are not accepted (entity expansion and external DTDs are refused)", line: 2, column: 1)) {
            _ = try XMLDocument(bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE r>\n<r/>".utf8))
        }
    }

    @Test func wellFormedDocument() throws {
        let doc = try XMLDocument(bytes: Array("<?xml version=\"1.0\"?><g:graphml xmlns:g=\"urn:g\"/>".utf8))
        #expect(doc.rootName == "graphml")
    }
}

@Suite struct Schema {
    static let xsd = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="inventory">
        <xs:complexType><xs:sequence>
          <xs:element name="qty" type="xs:nonNegativeInteger" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>
      </xs:element>
    </xs:schema>
    """

    func schemaFile() throws -> String {
        var template = Array("/tmp/prosegraph-xsd-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        try #require(fd >= 0)
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        _ = Self.xsd.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        return path
    }

    @Test func validAndInvalidDocuments() throws {
        let path = try schemaFile()
        defer { unlink(path) }
        let schema = try XMLSchema(path: path)
        #expect(try schema.validate(XMLDocument(bytes: Array("<inventory><qty>3</qty></inventory>".utf8))) == [])
        let issues = try schema.validate(XMLDocument(bytes: Array("<inventory>\n<qty>-2</qty>\n</inventory>".utf8)))
        #expect(issues.map(\.description) == [
            "2: Element 'qty': '-2' is not a valid value of the atomic type 'xs:nonNegativeInteger'.",
        ])
    }

    @Test func missingSchemaIsAnError() {
        #expect(throws: XMLError.self) { _ = try XMLSchema(path: "/nonexistent/schema.xsd") }
    }
}
