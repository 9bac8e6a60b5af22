internal import CLibXML2

/// A problem libxml2 reported, or a misuse of this layer, with its position.
public struct XMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The input is not well-formed XML (or uses a refused feature such as a DTD entity).
        case syntax
        /// Schema validation found the document invalid.
        case validity
        /// The schema itself could not be read or compiled.
        case schema
        /// Writing failed: libxml2 refused a call or the sink failed.
        case write
        /// Something that cannot be written as XML (an invalid name or character).
        case unwritable
    }

    public let kind: Kind
    public let message: String
    public let line: Int?
    public let column: Int?
    /// libxml2's error code, where it gave one.
    public let code: Int?

    public init(kind: Kind, message: String, line: Int? = nil, column: Int? = nil, code: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.code = code
    }

    /// `line:column: message` (positions omitted when unknown).
    public var description: String {
        var prefix = ""
        if let line { prefix += "\(line):" }
        if let column { prefix += "\(column):" }
        return prefix.isEmpty ? message : prefix + " " + message
    }
}

/// Collects libxml2's structured errors during one synchronous call.
final class ErrorCollector {
    var errors: [XMLError] = []
    var warnings: [XMLError] = []
    let kind: XMLError.Kind

    init(kind: XMLError.Kind) { self.kind = kind }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func add(_ e: UnsafePointer<xmlError>) {
        let raw = e.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        var message = raw
        while message.last == "\n" || message.last == " " { message.removeLast() }
        message = Self.plain(message)
        let line = e.pointee.line > 0 ? Int(e.pointee.line) : nil
        let column = e.pointee.int2 > 0 ? Int(e.pointee.int2) : nil
        let error = XMLError(kind: kind, message: message, line: line, column: column, code: Int(e.pointee.code))
        // A namespace name that is an IRI rather than a URI (non-ASCII characters), or one with a
        // character reference libxml2 checks before expanding (`&amp;`), is still a namespace name
        // (XML 1.1 namespaces take IRIs; RDF/XML needs them for such predicates): a warning only.
        if e.pointee.level == XML_ERR_WARNING || e.pointee.code == Int32(XML_WAR_NS_URI.rawValue) {
            warnings.append(error)
        } else {
            errors.append(error)
        }
    }
}

extension ErrorCollector {
    /// libxml2's message, or a plainer one where it names a libxml2 option
    /// the user cannot set: "Excessive depth in document: 256 use
    /// XML_PARSE_HUGE option" says the document is nested too deeply.
    static func plain(_ message: String) -> String {
        let depth = "Excessive depth in document: "
        guard message.hasPrefix(depth) else { return message }
        let limit = message.dropFirst(depth.count).prefix { $0.isASCII && $0.isNumber }
        return "elements are nested more than \(limit.isEmpty ? "256" : String(limit)) levels deep (the XML nesting limit)"
    }
}

/// The one callback libxml2 calls with structured errors; the context is an ErrorCollector.
let collectStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error)
}

/// libxml2 must be initialised once before threads use it.
let libxmlInitialized: Void = { xmlInitParser() }()

/// Runs `body` with libxml2's per-thread structured error handler pointed at
/// `collector`, restoring the silent default afterwards.
func withErrors<T>(_ collector: ErrorCollector, _ body: () throws -> T) rethrows -> T {
    _ = libxmlInitialized
    xmlSetStructuredErrorFunc(collector.context, collectStructuredError)
    defer { xmlSetStructuredErrorFunc(nil, silenceStructuredError) }
    return try withExtendedLifetime(collector) { try body() }
}

/// A handler that drops errors, so nothing libxml2 says reaches stderr.
let silenceStructuredError: xmlStructuredErrorFunc = { _, _ in }
