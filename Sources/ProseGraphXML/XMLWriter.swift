internal import CLibXML2

/// Streams XML through libxml2's `xmlTextWriter` into a byte sink.
///
/// The writer owns the C writer (and, through it, the output buffer) and frees
/// it in `deinit`. Every libxml2 return code is checked; text and attribute
/// values are checked for characters XML 1.0 cannot carry before they are
/// handed over. Call `finish()` to end the document and flush.
public final class XMLWriter {
    /// Receives the serialized bytes in order. Throwing stops the writer.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private final class SinkBox {
        let sink: Sink
        var failure: (any Error)?
        init(_ sink: @escaping Sink) { self.sink = sink }
    }

    private let box: SinkBox
    /// Collects libxml2's messages for the call in progress (one per writer, reused).
    private let collector = ErrorCollector(kind: .write)
    private var writer: OpaquePointer?
    private var finished = false

    /// - Parameter indent: indent nested elements by `indentString`.
    public init(indent: Bool = true, indentString: String = "  ", sink: @escaping Sink) throws(XMLError) {
        _ = libxmlInitialized
        box = SinkBox(sink)
        let context = Unmanaged.passUnretained(box).toOpaque()
        // The output buffer is owned by the text writer from here on.
        guard let out = xmlOutputBufferCreateIO(writeCallback, closeCallback, context, nil) else {
            throw XMLError(kind: .write, message: "libxml2 could not create an output buffer")
        }
        guard let w = xmlNewTextWriter(out) else {
            xmlOutputBufferClose(out)
            throw XMLError(kind: .write, message: "libxml2 could not create a text writer")
        }
        writer = w
        if indent {
            try call("set indentation") { xmlTextWriterSetIndent(w, 1) }
            try call("set the indent string") { xmlTextWriterSetIndentString(w, indentString) }
        }
    }

    deinit {
        if let w = writer { xmlFreeTextWriter(w) }
    }

    public func startDocument() throws(XMLError) {
        let h = try handle()
        try call("start the document") { xmlTextWriterStartDocument(h, "1.0", "UTF-8", nil) }
    }

    /// Starts an element `prefix:name`; pass `namespace` to declare it here.
    public func startElement(_ name: String, prefix: String? = nil, namespace: String? = nil) throws(XMLError) {
        try checkName(name)
        if prefix != nil || namespace != nil {
            let h = try handle()
            try call("start element \(name)") { xmlTextWriterStartElementNS(h, prefix, name, namespace) }
        } else {
            let h = try handle()
            try call("start element \(name)") { xmlTextWriterStartElement(h, name) }
        }
    }

    public func attribute(_ name: String, _ value: String, prefix: String? = nil, namespace: String? = nil) throws(XMLError) {
        try checkName(name)
        try checkText(value, what: "attribute \(name)")
        if prefix != nil || namespace != nil {
            let h = try handle()
            try call("write attribute \(name)") { xmlTextWriterWriteAttributeNS(h, prefix, name, namespace, value) }
        } else {
            let h = try handle()
            try call("write attribute \(name)") { xmlTextWriterWriteAttribute(h, name, value) }
        }
    }

    /// Declares `xmlns:prefix="uri"` (or the default namespace when prefix is nil) on the open element.
    public func namespaceDeclaration(prefix: String?, uri: String) throws(XMLError) {
        let name = prefix.map { "xmlns:" + $0 } ?? "xmlns"
        try checkText(uri, what: "namespace \(name)")
        let h = try handle()
        try call("declare \(name)") { xmlTextWriterWriteAttribute(h, name, uri) }
    }

    public func text(_ s: String) throws(XMLError) {
        try checkText(s, what: "text")
        let h = try handle()
        try call("write text") { xmlTextWriterWriteString(h, s) }
    }

    /// Writes `<name>text</name>`.
    public func element(_ name: String, text s: String, prefix: String? = nil) throws(XMLError) {
        try startElement(name, prefix: prefix)
        try text(s)
        try endElement()
    }

    public func comment(_ s: String) throws(XMLError) {
        guard !s.contains("--"), !s.hasSuffix("-") else {
            throw XMLError(kind: .unwritable, message: "a comment cannot contain '--' or end with '-'")
        }
        try checkText(s, what: "comment")
        let h = try handle()
        try call("write a comment") { xmlTextWriterWriteComment(h, s) }
    }

    public func endElement() throws(XMLError) {
        let h = try handle()
        try call("end an element") { xmlTextWriterEndElement(h) }
    }

    /// Closes open elements, ends the document and flushes everything to the sink.
    public func finish() throws(XMLError) {
        guard !finished else { return }
        let w = try handle()
        finished = true
        try call("end the document") { xmlTextWriterEndDocument(w) }
        try call("flush") { xmlTextWriterFlush(w) }
    }

    // MARK: - Checks

    private func handle() throws(XMLError) -> OpaquePointer {
        guard let w = writer, !finished else {
            throw XMLError(kind: .write, message: "the XML writer is already finished")
        }
        return w
    }

    /// Runs one libxml2 writer call with its messages captured (never printed)
    /// and turns a negative return code into an error.
    private func call(_ what: @autoclosure () -> String, _ body: () -> Int32) throws(XMLError) {
        if !collector.errors.isEmpty { collector.errors.removeAll() }
        let rc = withErrors(collector, body)
        if rc >= 0 { return }
        if let failure = box.failure {
            throw XMLError(kind: .write, message: "could not \(what()): \(failure)")
        }
        let detail = collector.errors.first.map { ": " + $0.message } ?? " (return code \(rc))"
        throw XMLError(kind: .write, message: "libxml2 could not \(what())\(detail)")
    }

    private func checkName(_ name: String) throws(XMLError) {
        guard XMLText.isNCName(name[...]) else {
            throw XMLError(kind: .unwritable, message: "'\(name)' is not a valid XML name")
        }
    }

    private func checkText(_ s: String, what: @autoclosure () -> String) throws(XMLError) {
        if let bad = XMLText.firstIllegalCharacter(in: s) {
            throw XMLError(kind: .unwritable,
                           message: "\(what()) contains \(XMLText.describe(bad)), which XML 1.0 cannot represent")
        }
    }

    fileprivate static func deliver(_ context: UnsafeMutableRawPointer, _ buffer: UnsafePointer<CChar>?, _ len: Int32) -> Int32 {
        let box = Unmanaged<SinkBox>.fromOpaque(context).takeUnretainedValue()
        guard box.failure == nil else { return -1 }
        guard let buffer, len > 0 else { return 0 }
        do {
            try box.sink(UnsafeRawBufferPointer(start: buffer, count: Int(len)))
            return len
        } catch {
            box.failure = error
            return -1
        }
    }
}

private let writeCallback: xmlOutputWriteCallback = { context, buffer, len in
    guard let context else { return -1 }
    return XMLWriter.deliver(context, buffer, len)
}

private let closeCallback: xmlOutputCloseCallback = { _ in 0 }
