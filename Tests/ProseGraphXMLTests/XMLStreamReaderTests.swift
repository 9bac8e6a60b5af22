import Testing
import ProseGraphXML
#if canImport(Glibc)
import Glibc
#endif

/// Every node of `xml`, as one line each: kind, name, value and position.
private func nodes(_ xml: String, url: String = "test.xml") throws -> [XMLStreamReader.Node] {
    let reader = try XMLStreamReader(bytes: Array(xml.utf8), url: url)
    var all: [XMLStreamReader.Node] = []
    while let n = try reader.next() { all.append(n) }
    return all
}

private func describe(_ n: XMLStreamReader.Node) -> String {
    var s = "\(n.line):\(n.column) \(n.kind)"
    if !n.localName.isEmpty { s += " " + n.qualifiedName }
    if let ns = n.namespaceURI { s += " {\(ns)}" }
    if let v = n.value { s += " \(v.debugDescription)" }
    if n.isEmptyElement { s += " empty" }
    return s
}

private func error(_ xml: String) -> XMLError? {
    do {
        _ = try nodes(xml)
        return nil
    } catch let error as XMLError {
        return error
    } catch {
        Issue.record("unexpected \(error)")
        return nil
    }
}

@Suite struct StreamReader {
    @Test func nodesInOrderWithPositions() throws {
        let xml = """
        <?xml version="1.0"?>
        <!-- head -->
        <r:root xmlns:r="urn:r" xmlns="urn:d">
          <item a="1" r:b="2">text &amp; more</item><e/>
          <![CDATA[<raw>]]><?pi data?>
        </r:root>
        """
        let lines = try nodes(xml).map(describe)
        #expect(lines == [
            "2:1 comment \" head \"",
            "3:1 element r:root {urn:r}",
            "3:39 whitespace \"\\n  \"",
            "4:3 element item {urn:d}",
            "4:23 text \"text & more\"",
            "4:38 endElement item {urn:d}",
            "4:45 element e {urn:d} empty",
            "4:49 whitespace \"\\n  \"",
            "5:3 cdata \"<raw>\"",
            "5:20 processingInstruction pi \"data\"",
            "5:31 whitespace \"\\n\"",
            "6:1 endElement r:root {urn:r}",
        ])
    }

    @Test func attributesWithNamespacesAndPositions() throws {
        let xml = "<a xmlns:p=\"urn:p\"\n   p:x=\"1\"  y='two'\n z=\"&lt;\"/>"
        let root = try #require(try nodes(xml).first)
        #expect(root.namespaceDeclarations == [.init(prefix: "p", uri: "urn:p")])
        #expect(root.attributes == [
            .init(localName: "x", prefix: "p", namespaceURI: "urn:p", value: "1", line: 2, column: 4),
            .init(localName: "y", prefix: nil, namespaceURI: nil, value: "two", line: 2, column: 13),
            .init(localName: "z", prefix: nil, namespaceURI: nil, value: "<", line: 3, column: 2),
        ])
        #expect(root.attribute("x", namespace: "urn:p")?.value == "1")
    }

    @Test func languageAndBaseInScope() throws {
        let xml = """
        <a xml:lang="en" xml:base="http://ex.org/dir/"><b xml:base="sub/"><c xml:lang=""/></b><d/></a>
        """
        let elements = try nodes(xml, url: "http://ex.org/doc").filter { $0.kind == .element }
        #expect(elements.map(\.language) == ["en", "en", "", "en"])
        #expect(elements.map(\.baseURI) == ["http://ex.org/dir/", "http://ex.org/dir/sub/", "http://ex.org/dir/sub/", "http://ex.org/dir/"])
        #expect(elements.map(\.depth) == [0, 1, 2, 1])
    }

    @Test func positionsCountScalarsAndAllLineEndings() throws {
        let xml = "<a>\r\n<b/>\r<c/>\n  <é/><d é=\"x\"/></a>"
        let elements = try nodes(xml).filter { $0.kind == .element }
        #expect(elements.map { "\($0.line):\($0.column)" } == ["1:1", "2:1", "3:1", "4:3", "4:7"])
        #expect(elements.last?.attributes.first.map { "\($0.line):\($0.column)" } == "4:10")
    }

    @Test func wellFormednessErrorsAreLocated() throws {
        let e = try #require(error("<a>\n  <b></a>"))
        #expect(e.kind == .syntax)
        #expect(e.line == 2)
        #expect(e.message.contains("mismatch"))
    }

    @Test func undeclaredPrefixIsAnError() throws {
        let e = try #require(error("<a>\n <p:b/></a>"))
        #expect(e.line == 2)
        #expect(e.message == "Namespace prefix p on b is not defined")
    }

    @Test func externalEntitiesAreRefused() throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
        <r>&x;</r>
        """
        #expect(error(xxe) == XMLError(
            kind: .syntax,
            message: "document type declarations that declare entities are refused (external entities and entity expansion are not supported)",
            line: 2, column: 1))
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            xml += " <!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        let start = clock.now
        let e = try #require(error(xml))
        #expect(clock.now - start < .seconds(1))
        #expect(e.line == 2 && e.column == 1)
        #expect(e.message.hasPrefix("document type declarations that declare entities are refused"))
    }

    /// UTF-16 input is not followed byte by byte for positions; the refusal still comes first.
    @Test func billionLaughsInUTF16IsRefusedQuickly() throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            xml += " <!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz a=\"&lol9;\">&lol9;</lolz>\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in xml.utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let clock = ContinuousClock()
        let start = clock.now
        var failure: XMLError?
        do {
            let reader = try XMLStreamReader(bytes: bytes)
            while try reader.next() != nil {}
        } catch {
            failure = error
        }
        #expect(clock.now - start < .seconds(1))
        #expect(failure == XMLError(
            kind: .syntax,
            message: "document type declarations that declare entities are refused (external entities and entity expansion are not supported)",
            line: 2, column: 1))
    }

    /// EBCDIC is not followed byte by byte: libxml2's document type node is the check.
    @Test func entityDeclarationsInEBCDICAreRefusedByTheDocumentTypeNode() throws {
        // <?xml version="1.0" encoding="IBM037"?>\n<!DOCTYPE r [ <!ENTITY x "y"> ]>\n<r>&x;</r> in code page 037.
        let bytes: [UInt8] = [
            76, 111, 167, 148, 147, 64, 165, 133, 153, 162, 137, 150, 149, 126, 127, 241, 75, 240, 127, 64,
            133, 149, 131, 150, 132, 137, 149, 135, 126, 127, 201, 194, 212, 240, 243, 247, 127, 111, 110, 37,
            76, 90, 196, 214, 195, 227, 232, 215, 197, 64, 153, 64, 186, 64, 76, 90, 197, 213, 227, 201,
            227, 232, 64, 167, 64, 127, 168, 127, 110, 64, 187, 110, 37, 76, 153, 110, 80, 167, 94, 76,
            97, 153, 110,
        ]
        var failure: XMLError?
        do {
            let reader = try XMLStreamReader(bytes: bytes)
            while try reader.next() != nil {}
        } catch {
            failure = error
        }
        #expect(failure?.kind == .syntax)
        #expect(failure?.message == "document type declarations that declare entities are refused (external entities and entity expansion are not supported)")
    }

    @Test func doctypeWithoutEntitiesIsAccepted() throws {
        let all = try nodes("<!DOCTYPE a>\n<a/>")
        #expect(all.map(describe) == ["1:1 documentType a", "2:1 element a empty"])
    }

    @Test func undeclaredEntityReferenceIsAnError() throws {
        let e = try #require(error("<a>\nx &ent; y</a>"))
        #expect(e == XMLError(kind: .syntax, message: "Entity 'ent' not defined", line: 2, column: 8, code: 26))
    }

    /// An external DTD is refused before libxml2 reads the document (it would never be
    /// loaded anyway: no network, no DTD loading), in either form and in UTF-16 too.
    @Test func externalDTDsAreRefused() throws {
        #expect(error("<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"a.dtd\">\n<a>x &ent; y</a>") == XMLError(
            kind: .syntax, message: "external DTDs are refused: the document type declaration names \"a.dtd\" (DTDs are never loaded)",
            line: 2, column: 1))
        #expect(error("<!-- c -->\n  <!DOCTYPE a PUBLIC '-//X//DTD A//EN' 'http://ex.org/a.dtd' >\n<a/>") == XMLError(
            kind: .syntax, message: "external DTDs are refused: the document type declaration names \"http://ex.org/a.dtd\" (DTDs are never loaded)",
            line: 2, column: 3))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "<!DOCTYPE a SYSTEM \"http://ex.org/a.dtd\">\n<a/>".utf16 { utf16.append(UInt8(u & 0xFF)); utf16.append(UInt8(u >> 8)) }
        var failure: XMLError?
        do { _ = try XMLStreamReader(bytes: utf16) } catch { failure = error }
        #expect(failure == XMLError(
            kind: .syntax, message: "external DTDs are refused: the document type declaration names \"http://ex.org/a.dtd\" (DTDs are never loaded)",
            line: 1, column: 1))
    }

    @Test func tooDeepNestingSaysSoPlainly() throws {
        let xml = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(error(xml) == XMLError(kind: .syntax, message: "elements are nested more than 256 levels deep (the XML nesting limit)",
                                       line: 1, column: 774, code: 1))
    }

    @Test func utf16InputIsReadWithLibxmlLines() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "<a>\n<b/></a>".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let reader = try XMLStreamReader(bytes: bytes)
        var names: [String] = []
        while let n = try reader.next() {
            if n.kind == .element { names.append("\(n.localName)@\(n.line)") }
        }
        #expect(names == ["a@1", "b@2"])
    }

    @Test func readingPastTheEndStaysAtTheEnd() throws {
        let reader = try XMLStreamReader(bytes: Array("<a/>".utf8))
        #expect(try reader.next()?.kind == .element)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }
}
