import ProseGraphModel
import ProseGraphText

/// Reads N-Triples 1.2 (or, with `quads: true`, N-Quads 1.2), streaming: each
/// statement is handed to `emit` as soon as it is read.
///
/// RDF 1.2 syntax is accepted: triple terms `<<( s p o )>>` in object
/// position (nested too), base directions `"x"@en--ltr`, and the
/// `VERSION "1.2"` directive. The first syntax error ends the read with a
/// `ParseError` located at `path:line:column` (1-based, the column counted in
/// Unicode scalars, a tab counting one). Lines may end in LF, CRLF or CR; a
/// leading UTF-8 byte-order mark is skipped; invalid UTF-8 is an error.
///
/// Rejected: relative IRIs, IRIs with characters no IRI may contain (also
/// when written as `\u` escapes), escapes other than ECHAR and UCHAR (and
/// anything but UCHAR in an IRI), escapes of surrogates, ill-formed
/// language tags, base directions other than `ltr` and `rtl`, literals and
/// triple terms as subjects, anything but an IRI as a predicate, and two
/// statements on one line, triple terms nested more than 256 deep. Blank
/// node labels are kept as written.
public struct NTriplesReader {
    public let options: ReaderOptions
    public let quads: Bool

    public init(options: ReaderOptions = .init(), quads: Bool = false) {
        self.options = options
        self.quads = quads
    }

    public func read(_ bytes: [UInt8], _ emit: (Quad) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = NTriplesParser(lexer: RDFLexer(buffer, path: options.path), quads: quads)
            try parser.run(emit)
        }
    }

    /// Every statement of `bytes`, in order.
    public func quads(_ bytes: [UInt8]) throws -> [Quad] {
        var all: [Quad] = []
        try read(bytes) { all.append($0) }
        return all
    }
}

// MARK: - The N-Triples / N-Quads grammar

struct NTriplesParser {
    var lx: RDFLexer
    let quads: Bool
    var depth = 0

    init(lexer: RDFLexer, quads: Bool) {
        self.lx = lexer
        self.quads = quads
    }

    private var what: String { quads ? "quad" : "triple" }

    mutating func run(_ emit: (Quad) throws -> Void) throws {
        lx.skipByteOrderMark()
        while true {
            lx.skipSpacesAndTabs()
            guard lx.pos < lx.end else { return }
            let b = lx.buf[lx.pos]
            if b == Byte.lf || b == Byte.cr {
                lx.newline()
                continue
            }
            if b == Byte.hash {
                try lx.skipComment()
                continue
            }
            if b == Byte.upperV, lx.matchesKeyword("VERSION") {
                lx.pos += 7
                lx.skipSpacesAndTabs()
                guard lx.peek() == Byte.quote else { throw lx.error("expected a version string after VERSION") }
                _ = try lx.readString(quote: Byte.quote, long: false)
            } else {
                try emit(statement())
            }
            lx.skipSpacesAndTabs()
            if lx.peek() == Byte.hash { try lx.skipComment() }
            guard lx.pos >= lx.end || lx.buf[lx.pos] == Byte.lf || lx.buf[lx.pos] == Byte.cr else {
                throw lx.error("expected the end of the line after the \(what)")
            }
        }
    }

    private mutating func statement() throws -> Quad {
        let s = try subject()
        lx.skipSpacesAndTabs()
        let p = try predicate()
        lx.skipSpacesAndTabs()
        let o = try object()
        lx.skipSpacesAndTabs()
        var g: Term?
        if quads {
            switch lx.peek() {
            case Byte.lt: g = try iri()
            case Byte.underscore: g = try blankNode()
            case Byte.dot: break
            default: throw lx.error("expected a graph name or '.' at the end of the quad")
            }
            lx.skipSpacesAndTabs()
        }
        guard lx.peek() == Byte.dot else {
            throw lx.error("expected '.' at the end of the \(what)")
        }
        lx.pos += 1
        return Quad(s, p, o, graph: g)
    }

    private mutating func subject() throws -> Term {
        switch lx.peek() {
        case Byte.lt:
            if lx.peek(1) == Byte.lt { throw lx.error("a triple term cannot be the subject of a triple") }
            return try iri()
        case Byte.underscore: return try blankNode()
        case Byte.quote: throw lx.error("a literal cannot be the subject of a triple")
        default: throw lx.error("expected a subject (an IRI or a blank node)")
        }
    }

    private mutating func predicate() throws -> IRI {
        switch lx.peek() {
        case Byte.lt where lx.peek(1) != Byte.lt:
            guard case .iri(let i) = try iri() else { fatalError("unreachable") }
            return i
        case Byte.lt: throw lx.error("a triple term cannot be a predicate")
        case Byte.underscore: throw lx.error("a blank node cannot be a predicate")
        case Byte.quote: throw lx.error("a literal cannot be a predicate")
        default: throw lx.error("expected a predicate (an IRI)")
        }
    }

    private mutating func object() throws -> Term {
        switch lx.peek() {
        case Byte.lt:
            if lx.peek(1) == Byte.lt { return try tripleTerm() }
            return try iri()
        case Byte.underscore: return try blankNode()
        case Byte.quote: return try literal()
        default: throw lx.error("expected an object (an IRI, a blank node, a literal or a triple term)")
        }
    }

    private mutating func tripleTerm() throws -> Term {
        try lx.enter(&depth)
        defer { depth -= 1 }
        guard lx.peek(2) == Byte.lparen else { throw lx.error("expected '<<(' to open a triple term") }
        lx.pos += 3
        lx.skipSpacesAndTabs()
        let s = try subject()
        lx.skipSpacesAndTabs()
        let p = try predicate()
        lx.skipSpacesAndTabs()
        let o = try object()
        lx.skipSpacesAndTabs()
        guard lx.peek() == Byte.rparen, lx.peek(1) == Byte.gt, lx.peek(2) == Byte.gt else {
            throw lx.error("expected ')>>' to close the triple term")
        }
        lx.pos += 3
        return .tripleTerm(Triple(s, p, o))
    }

    /// An absolute IRIREF, from the cache when these exact bytes were read before.
    private mutating func iri() throws -> Term {
        let start = lx.pos
        if let escaped = try lx.scanIRIRef() {
            guard RDFLexer.hasScheme(escaped.utf8) else { throw relative(escaped, at: start) }
            return .iri(IRI(escaped))
        }
        if let t = lx.cache.lookup(lx.buf, start, lx.pos) { return t }
        let body = UnsafeBufferPointer(rebasing: lx.buf[(start + 1)..<(lx.pos - 1)])
        let value = String(decoding: body, as: UTF8.self)
        guard RDFLexer.hasScheme(body) else { throw relative(value, at: start) }
        let t = Term.iri(IRI(value))
        lx.cache.store(lx.buf, start, lx.pos, t)
        return t
    }

    private func relative(_ value: String, at offset: Int) -> ParseError {
        lx.error("the IRI <\(value)> is relative; N-Triples and N-Quads allow only absolute IRIs", at: offset)
    }

    private mutating func blankNode() throws -> Term {
        let start = lx.pos
        let label = try lx.scanBlankNodeLabel()
        if let t = lx.cache.lookup(lx.buf, start, lx.pos) { return t }
        let t = Term.blank(BlankNode(lx.string(label)))
        lx.cache.store(lx.buf, start, lx.pos, t)
        return t
    }

    private mutating func literal() throws -> Term {
        let lexical = try lx.readString(quote: Byte.quote, long: false)
        // RDF 1.2 allows white space between the string and its language tag or datatype.
        let afterString = lx.pos
        lx.skipSpacesAndTabs()
        if lx.peek() != Byte.at, lx.peek() != Byte.caret { lx.pos = afterString }
        switch lx.peek() {
        case Byte.at:
            let (language, direction) = try lx.readLanguage()
            return .literal(Literal(lexical, language: language, direction: direction))
        case Byte.caret:
            guard lx.peek(1) == Byte.caret else { throw lx.error("expected '^^' before the datatype IRI") }
            lx.pos += 2
            lx.skipSpacesAndTabs()
            guard lx.peek() == Byte.lt else { throw lx.error("expected a datatype IRI after '^^'") }
            let at = lx.pos
            guard case .iri(let datatype) = try iri() else { fatalError("unreachable") }
            return try lx.typedLiteral(lexical, datatype, at: at)
        default:
            return .literal(Literal(lexical))
        }
    }
}

// MARK: - Bytes

enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let apostrophe: UInt8 = 0x27
    static let lparen: UInt8 = 0x28
    static let rparen: UInt8 = 0x29
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lt: UInt8 = 0x3C
    static let gt: UInt8 = 0x3E
    static let at: UInt8 = 0x40
    static let upperV: UInt8 = 0x56
    static let lbracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rbracket: UInt8 = 0x5D
    static let caret: UInt8 = 0x5E
    static let underscore: UInt8 = 0x5F
    static let lbrace: UInt8 = 0x7B
    static let pipe: UInt8 = 0x7C
    static let rbrace: UInt8 = 0x7D
    static let tilde: UInt8 = 0x7E

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }
}

// MARK: - The lexer N-Triples, N-Quads, Turtle and TriG share

/// A cursor over UTF-8 bytes with line tracking and the tokens the RDF text
/// formats share: IRIREF, the four string forms, language tags with base
/// direction, blank node labels. Columns are computed only for errors.
struct RDFLexer {
    let buf: UnsafeBufferPointer<UInt8>
    let end: Int
    let path: String
    var pos = 0
    var line = 1
    var lineStart = 0
    /// Unescaped bytes of the token being read, when it has escapes.
    var scratch: [UInt8] = []
    var cache = TermCache()

    init(_ buf: UnsafeBufferPointer<UInt8>, path: String) {
        self.buf = buf
        self.end = buf.count
        self.path = path
        scratch.reserveCapacity(256)
    }

    /// The byte at `pos + k`, or 0 past the end (callers that must tell a NUL
    /// byte from the end check `pos < end`).
    @inline(__always) func peek(_ k: Int = 0) -> UInt8 { pos + k < end ? buf[pos + k] : 0 }

    @inline(__always) func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
    }

    // MARK: Positions and errors

    /// An error at byte `offset` (default: here).
    func error(_ message: String, at offset: Int? = nil) -> ParseError {
        let o = min(offset ?? pos, end)
        guard o >= lineStart else {
            // Before the current line (a token spanning lines): count from the top.
            let at = UTF8Text.position(of: o, in: buf)
            return ParseError(path: path, line: at.line, column: at.column, message: message)
        }
        return ParseError(path: path, line: line, column: 1 + UTF8Text.scalarCount(in: buf, lineStart..<o), message: message)
    }

    /// What is at `pos`, for messages: "the end of the input", "a line break", "'x'".
    func found() -> String {
        guard pos < end else { return "the end of the input" }
        let b = buf[pos]
        if b == Byte.lf || b == Byte.cr { return "the end of the line" }
        if b < 0x80 { return NTriplesSyntax.describe(Unicode.Scalar(b)) }
        if let (v, _) = decode(at: pos), let u = Unicode.Scalar(v) { return NTriplesSyntax.describe(u) }
        return "an invalid UTF-8 byte"
    }

    /// How deeply terms may nest (triple terms, collections, property lists).
    static let maxDepth = 256

    /// Counts one more level of nesting, or fails past `maxDepth`.
    func enter(_ depth: inout Int) throws {
        depth += 1
        if depth > RDFLexer.maxDepth { throw error("terms are nested more than \(RDFLexer.maxDepth) levels deep") }
    }

    // MARK: Lines, spaces, comments

    /// At a CR or LF: steps over one line break (CRLF counts as one).
    @inline(__always) mutating func newline() {
        if buf[pos] == Byte.cr && pos + 1 < end && buf[pos + 1] == Byte.lf { pos += 1 }
        pos += 1
        line += 1
        lineStart = pos
    }

    @inline(__always) mutating func skipSpacesAndTabs() {
        while pos < end, buf[pos] == Byte.space || buf[pos] == Byte.tab { pos += 1 }
    }

    /// At '#': skips to the line break (not consumed). The comment must be UTF-8.
    mutating func skipComment() throws {
        while pos < end {
            let b = buf[pos]
            if b == Byte.lf || b == Byte.cr { return }
            pos += b < 0x80 ? 1 : try scalarLength(at: pos)
        }
    }

    mutating func skipByteOrderMark() {
        if end >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
    }

    /// The ASCII `word` is at `pos` (case-insensitively) and is not followed by a name character.
    /// `colonMayFollow`: `@prefix:<...>` (the empty prefix right after the keyword) is a keyword too.
    func matchesKeyword(_ word: StaticString, caseSensitive: Bool = false, colonMayFollow: Bool = false) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n {
            let a = buf[pos + k], b = w[k]
            if caseSensitive ? a != b : (a | 0x20) != (b | 0x20) { return false }
        }
        if pos + n < end {
            let next = buf[pos + n]
            if Byte.isLetter(next) || Byte.isDigit(next) || next == Byte.underscore || next == Byte.minus || (next == Byte.colon && !colonMayFollow) || next >= 0x80 {
                return false
            }
        }
        return true
    }

    // MARK: UTF-8

    /// The scalar at byte `i` and its length in bytes, or nil when the bytes
    /// there are not well-formed UTF-8 (overlong forms and surrogates included).
    @inline(__always) func decode(at i: Int) -> (UInt32, Int)? {
        UTF8Text.decode(at: i, in: buf)
    }

    func invalidUTF8(at i: Int) -> String {
        let hex = String(buf[i], radix: 16, uppercase: true)
        return "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(i))"
    }

    /// The length of the well-formed scalar at `i` (a non-ASCII lead byte), or an error.
    @inline(__always) func scalarLength(at i: Int) throws -> Int {
        guard let (_, n) = decode(at: i) else { throw error(invalidUTF8(at: i), at: i) }
        return n
    }

    // MARK: Escapes

    /// At '\' + 'u' or 'U': the scalar of the UCHAR; advances past it.
    mutating func readUCHAR() throws -> UInt32 {
        let start = pos
        let long = buf[pos + 1] == 0x55
        let n = long ? 8 : 4
        var v: UInt32 = 0
        for k in 0..<n {
            guard pos + 2 + k < end, let h = Byte.hexValue(buf[pos + 2 + k]) else {
                throw error("invalid escape: \\\(long ? "U" : "u") needs \(n) hexadecimal digits", at: start)
            }
            v = v << 4 | h
        }
        guard v < 0xD800 || (v > 0xDFFF && v <= 0x10FFFF) else {
            let text = string(start..<(start + 2 + n))
            throw error("invalid escape: \(text) is not a Unicode scalar value", at: start)
        }
        pos += 2 + n
        return v
    }

    /// At '\' in a string: appends the unescaped character (ECHAR or UCHAR) to `scratch`.
    mutating func readStringEscape() throws {
        guard pos + 1 < end else { throw error("invalid escape: '\\' at the end of the input") }
        let c: UInt8
        switch buf[pos + 1] {
        case 0x74: c = Byte.tab                    // t
        case 0x62: c = 0x08                        // b
        case 0x6E: c = Byte.lf                     // n
        case 0x72: c = Byte.cr                     // r
        case 0x66: c = 0x0C                        // f
        case Byte.quote, Byte.apostrophe, Byte.backslash: c = buf[pos + 1]
        case 0x75, 0x55:                           // u U
            UTF8Text.append(try readUCHAR(), to: &scratch)
            return
        default:
            throw error("invalid escape '\\\(escapedCharacter(at: pos + 1))'")
        }
        scratch.append(c)
        pos += 2
    }

    func escapedCharacter(at i: Int) -> String {
        guard i < end else { return "" }
        let b = buf[i]
        if b < 0x20 || b == 0x7F { return NTriplesSyntax.escape(b) }
        if b < 0x80 { return String(UnicodeScalar(b)) }
        if let (v, _) = decode(at: i), let u = Unicode.Scalar(v) { return String(u) }
        return "?"
    }

    // MARK: Tokens

    /// At '<': reads an IRIREF and leaves `pos` after the '>'. Returns nil
    /// when the IRI had no escapes (its value is then the bytes between the
    /// brackets), else the unescaped value.
    mutating func scanIRIRef() throws -> String? {
        pos += 1
        var runStart = pos
        var escaped = false
        while true {
            guard pos < end else { throw error("expected '>' at the end of the IRI") }
            let b = buf[pos]
            if b == Byte.gt {
                if !escaped { pos += 1; return nil }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<pos]))
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b >= 0x80 {
                pos += try scalarLength(at: pos)
                continue
            }
            if b == Byte.backslash {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<pos]))
                let next = pos + 1 < end ? buf[pos + 1] : 0
                guard next == 0x75 || next == 0x55 else {
                    throw error("invalid escape '\\\(escapedCharacter(at: pos + 1))' in an IRI: only \\u and \\U escapes are allowed there")
                }
                let at = pos
                let v = try readUCHAR()
                guard let u = Unicode.Scalar(v), NTriplesSyntax.isIRIChar(u) else {
                    throw error("the escape \(string(at..<pos)) stands for \(NTriplesSyntax.describe(Unicode.Scalar(v) ?? " ")), which no IRI may contain", at: at)
                }
                UTF8Text.append(v, to: &scratch)
                runStart = pos
                continue
            }
            if b == Byte.lf || b == Byte.cr { throw error("expected '>' at the end of the IRI") }
            if !NTriplesSyntax.isIRIChar(Unicode.Scalar(b)) {
                throw error("\(NTriplesSyntax.describe(Unicode.Scalar(b))) is not allowed in an IRI")
            }
            pos += 1
        }
    }

    /// Whether the IRI bytes start with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    static func hasScheme<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var first = true
        for b in bytes {
            if b == Byte.colon { return !first }
            if first {
                guard Byte.isLetter(b) else { return false }
                first = false
            } else if !(Byte.isLetter(b) || Byte.isDigit(b) || b == Byte.plus || b == Byte.minus || b == Byte.dot) {
                return false
            }
        }
        return false
    }

    /// At the opening quote (`quote` is '"' or '\''; `long`: three of them):
    /// reads the string and returns its unescaped value.
    mutating func readString(quote: UInt8, long: Bool) throws -> String {
        let open = pos
        pos += long ? 3 : 1
        var runStart = pos
        var escaped = false
        while true {
            guard pos < end else {
                throw error("the string is not closed: expected \(long ? "a closing \(quote == Byte.quote ? "\"\"\"" : "'''")" : "'\(quote == Byte.quote ? "\"" : "'")'") before the end of the input", at: open)
            }
            let b = buf[pos]
            if b == quote {
                if !long || (pos + 2 < end && buf[pos + 1] == quote && buf[pos + 2] == quote) {
                    let value: String
                    if escaped {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<pos]))
                        value = String(decoding: scratch, as: UTF8.self)
                    } else {
                        value = string(runStart..<pos)
                    }
                    pos += long ? 3 : 1
                    return value
                }
                pos += 1
            } else if b == Byte.backslash {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<pos]))
                try readStringEscape()
                runStart = pos
            } else if b == Byte.lf || b == Byte.cr {
                guard long else {
                    throw error("expected '\(quote == Byte.quote ? "\"" : "'")' before the end of the line (a line break in a string is written \\n)")
                }
                newline()
            } else if b >= 0x80 {
                pos += try scalarLength(at: pos)
            } else {
                pos += 1
            }
        }
    }

    /// At '@' after a string: `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`, then an
    /// optional base direction `--ltr` or `--rtl`.
    /// A literal typed `rdf:langString` or `rdf:dirLangString` must be written with its language tag.
    func typedLiteral(_ lexical: String, _ datatype: IRI, at offset: Int) throws -> Term {
        if datatype == RDF.langString || datatype == RDF.dirLangString {
            throw error("a literal of datatype \(datatype == RDF.langString ? "rdf:langString" : "rdf:dirLangString") needs a language tag: write \"...\"@tag\(datatype == RDF.dirLangString ? "--ltr" : ""), not ^^", at: offset)
        }
        return .literal(Literal(lexical, datatype: datatype))
    }

    mutating func readLanguage() throws -> (String, String?) {
        let at = pos
        pos += 1
        let start = pos
        while pos < end, Byte.isLetter(buf[pos]) { pos += 1 }
        guard pos > start else { throw error("expected a language tag after '@'", at: at) }
        // BCP 47: every subtag is 1 to 8 letters or digits.
        func checkLength(_ sub: Int) throws {
            guard pos - sub <= 8 else {
                throw error("invalid language tag '\(string(start..<pos))': the subtag '\(string(sub..<pos))' is longer than 8 characters", at: at)
            }
        }
        try checkLength(start)
        var direction: String?
        var stop = pos
        while pos < end, buf[pos] == Byte.minus {
            if pos + 1 < end, buf[pos + 1] == Byte.minus {
                stop = pos
                pos += 2
                let d = pos
                while pos < end, Byte.isLetter(buf[pos]) { pos += 1 }
                let name = string(d..<pos)
                guard name == "ltr" || name == "rtl" else {
                    throw error("invalid base direction '--\(name)': expected --ltr or --rtl", at: d - 2)
                }
                direction = name
                break
            }
            pos += 1
            let sub = pos
            while pos < end, Byte.isLetter(buf[pos]) || Byte.isDigit(buf[pos]) { pos += 1 }
            guard pos > sub else { throw error("invalid language tag '\(string(start..<pos))': a '-' must be followed by letters or digits", at: at) }
            try checkLength(sub)
            stop = pos
        }
        if direction == nil { stop = pos }
        return (string(start..<stop), direction)
    }

    /// At '_': reads `_:label` and returns the label's byte range; `pos` ends
    /// after the label (a final '.' is not part of it).
    mutating func scanBlankNodeLabel() throws -> Range<Int> {
        guard peek(1) == Byte.colon else { throw error("expected ':' after '_' in a blank node label") }
        pos += 2
        let start = pos
        guard pos < end else { throw error("expected a blank node label after '_:'") }
        // First: PN_CHARS_U | [0-9].
        let b = buf[pos]
        if b < 0x80 {
            guard Byte.isLetter(b) || Byte.isDigit(b) || b == Byte.underscore else {
                throw error("expected a blank node label after '_:'")
            }
            pos += 1
        } else {
            guard let (v, n) = decode(at: pos) else { throw error(invalidUTF8(at: pos)) }
            guard let u = Unicode.Scalar(v), TurtleSyntax.isBaseOrUnderscore(u) else {
                throw error("\(found()) cannot start a blank node label")
            }
            pos += n
        }
        // Then (PN_CHARS | '.')*, not ending in '.'.
        var lastNonDot = pos
        while pos < end {
            let c = buf[pos]
            if c < 0x80 {
                if Byte.isLetter(c) || Byte.isDigit(c) || c == Byte.underscore || c == Byte.minus {
                    pos += 1
                    lastNonDot = pos
                } else if c == Byte.dot {
                    pos += 1
                } else {
                    break
                }
            } else {
                guard let (v, n) = decode(at: pos) else { throw error(invalidUTF8(at: pos)) }
                guard let u = Unicode.Scalar(v), TurtleSyntax.isNameChar(u) else { break }
                pos += n
                lastNonDot = pos
            }
        }
        pos = lastNonDot
        return start..<pos
    }
}

/// A small direct-mapped cache from the bytes of a token (an IRIREF with its
/// brackets, a blank node label with `_:`, a prefixed name) to its term, so
/// repeated subjects, predicates and types share one string and one box.
struct TermCache {
    private struct Entry {
        var start = 0
        var stop = -1
        var term: Term?
    }

    private static let size = 1024
    private var entries = [Entry](repeating: Entry(), count: TermCache.size)

    @inline(__always) private static func slot(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int) -> Int {
        var h: UInt32 = 2_166_136_261
        var i = start
        while i < stop {
            h = (h ^ UInt32(buf[i])) &* 16_777_619
            i += 1
        }
        return Int(h & UInt32(size - 1))
    }

    @inline(__always) func lookup(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int) -> Term? {
        let e = entries[TermCache.slot(buf, start, stop)]
        guard let term = e.term, e.stop - e.start == stop - start else { return nil }
        var i = 0
        while i < stop - start {
            if buf[e.start + i] != buf[start + i] { return nil }
            i += 1
        }
        return term
    }

    @inline(__always) mutating func store(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, _ term: Term) {
        entries[TermCache.slot(buf, start, stop)] = Entry(start: start, stop: stop, term: term)
    }

    mutating func removeAll() {
        for i in entries.indices { entries[i].term = nil }
    }
}
