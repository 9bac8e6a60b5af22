import ProseGraphModel

/// Reads Turtle 1.1 with the RDF 1.2 additions (or, with `trig: true`,
/// TriG), streaming: each triple is handed to `emit` as soon as its subject,
/// predicate and object are known.
///
/// - Directives: `@prefix`, `@base`, `@version` and their SPARQL forms
///   `PREFIX`, `BASE`, `VERSION` (any case).
/// - Terms: IRIs, prefixed names (PN_LOCAL escapes unescaped, `%XX` kept),
///   `a`, blank node labels, `[ ]`, blank node property lists, collections
///   (rdf:first / rdf:rest / rdf:nil), the four string forms, language tags
///   with base direction (`@en--ltr`), `^^` datatypes, integers, decimals,
///   doubles (lexical form as written) and booleans.
/// - RDF 1.2: triple terms `<<( s p o )>>` (object position), reified
///   triples `<< s p o ~ r >>` and annotations `~ r {| p o |}`, which add
///   `r rdf:reifies <<( s p o )>>` (r a fresh blank node when not given).
///
/// Relative IRIs are resolved against the base (RFC 3986, `IRIResolver`):
/// first `ReaderOptions.base`, then each `@base`. With no absolute base a
/// relative IRI is kept as written (the W3C manifests use `<>` and `<#x>`
/// with no base; a writer refuses such an IRI by name later).
///
/// Blank nodes: a label from the document is kept as written, except that a
/// label starting with `_` gets one more `_` in front; generated nodes (`[]`,
/// property lists, collections, implicit reifiers) are `_g1`, `_g2`, ... in
/// document order. So a generated node can never take a document's label
/// (`_:g1` stays `g1`; `_:_g1` becomes `__g1`), and the numbering is
/// deterministic.
///
/// Errors are `ParseError`s like N-Triples ones; `[`, `(`, `<<(` and `<<`
/// nested more than 256 deep are an error rather than a deep recursion.
public struct TurtleReader {
    public let options: ReaderOptions
    public let trig: Bool

    public init(options: ReaderOptions = .init(), trig: Bool = false) {
        self.options = options
        self.trig = trig
    }

    public func read(_ bytes: [UInt8], _ emit: (Quad) throws -> Void) throws {
        try read(bytes, prefixes: nil, emit)
    }

    /// Reads `bytes`, telling `prefixes` each prefix declaration (name, namespace IRI) as it is read.
    public func read(_ bytes: [UInt8], prefixes: ((String, String) -> Void)?, _ emit: (Quad) throws -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in
            try bytes.withUnsafeBufferPointer { buffer in
                var parser = TurtleParser(lexer: RDFLexer(buffer, path: options.path), base: options.base, trig: trig, emit: emit)
                parser.onPrefix = prefixes
                try parser.run()
            }
        }
    }

    /// Every triple (or quad) of `bytes`, in order.
    public func quads(_ bytes: [UInt8]) throws -> [Quad] {
        var all: [Quad] = []
        try read(bytes) { all.append($0) }
        return all
    }
}

struct TurtleParser {
    var lx: RDFLexer
    var base: String?
    let trig: Bool
    let emit: (Quad) throws -> Void
    var prefixes: [String: String] = [:]
    var onPrefix: ((String, String) -> Void)?
    var graph: Term?
    var generated = 0
    /// Open `[`, `(`, `<<(` and `<<`: bounded, so hostile input cannot exhaust the stack.
    var depth = 0

    static let first = IRI(RDF.namespace + "first")
    static let rest = IRI(RDF.namespace + "rest")
    static let nilList = Term.iri(IRI(RDF.namespace + "nil"))

    init(lexer: RDFLexer, base: String?, trig: Bool, emit: @escaping (Quad) throws -> Void) {
        self.lx = lexer
        self.base = base
        self.trig = trig
        self.emit = emit
    }

    // MARK: Statements

    mutating func run() throws {
        lx.skipByteOrderMark()
        while true {
            try skipWS()
            guard lx.pos < lx.end else { return }
            try statement()
        }
    }

    private mutating func statement() throws {
        let b = lx.buf[lx.pos]
        if b == Byte.at {
            try atDirective()
            return
        }
        if lx.matchesKeyword("PREFIX") {
            lx.pos += 6
            try prefixDeclaration()
            return
        }
        if lx.matchesKeyword("BASE") {
            lx.pos += 4
            try baseDeclaration()
            return
        }
        if lx.matchesKeyword("VERSION") {
            lx.pos += 7
            try versionDeclaration()
            return
        }
        if trig {
            try trigBlock()
            return
        }
        if b == Byte.lbrace {
            throw lx.error("'{' starts a graph, which Turtle does not have (read this input as TriG)")
        }
        try triples()
        try expectDot()
    }

    private mutating func expectDot() throws {
        try skipWS()
        guard lx.peek() == Byte.dot, lx.pos < lx.end else { throw lx.error("expected '.' at the end of the statement") }
        lx.pos += 1
    }

    private mutating func atDirective() throws {
        lx.pos += 1
        if lx.matchesKeyword("prefix", caseSensitive: true, colonMayFollow: true) {
            lx.pos += 6
            try prefixDeclaration()
        } else if lx.matchesKeyword("base", caseSensitive: true) {
            lx.pos += 4
            try baseDeclaration()
        } else if lx.matchesKeyword("version", caseSensitive: true) {
            lx.pos += 7
            try versionDeclaration()
        } else {
            throw lx.error("unknown directive: expected @prefix, @base or @version", at: lx.pos - 1)
        }
        try expectDot()
    }

    /// After `@prefix` or `PREFIX`: `PNAME_NS IRIREF`.
    private mutating func prefixDeclaration() throws {
        try skipWS()
        let start = lx.pos
        let end = try scanPrefix()
        guard lx.peek() == Byte.colon else { throw lx.error("expected a prefix name ending in ':'") }
        let name = lx.string(start..<end)
        lx.pos += 1
        try skipWS()
        guard lx.peek() == Byte.lt else { throw lx.error("expected the namespace IRI of the prefix '\(name):'") }
        let namespace = try iriValue()
        prefixes[name] = namespace
        onPrefix?(name, namespace)
        lx.cache.removeAll()
    }

    /// After `@base` or `BASE`: `IRIREF`, itself resolved against the base so far.
    private mutating func baseDeclaration() throws {
        try skipWS()
        guard lx.peek() == Byte.lt else { throw lx.error("expected the base IRI") }
        base = try iriValue()
        lx.cache.removeAll()
    }

    private mutating func versionDeclaration() throws {
        try skipWS()
        let q = lx.peek()
        guard q == Byte.quote || q == Byte.apostrophe, lx.peek(1) != q || lx.peek(2) != q else {
            throw lx.error("expected a version string (\"1.2\")")
        }
        _ = try lx.readString(quote: q, long: false)
    }

    // MARK: TriG

    private mutating func trigBlock() throws {
        if lx.matchesKeyword("GRAPH") {
            lx.pos += 5
            try skipWS()
            let label = try graphLabel()
            try skipWS()
            guard lx.peek() == Byte.lbrace else { throw lx.error("expected '{' after the graph name") }
            try wrappedGraph(label)
            return
        }
        if lx.peek() == Byte.lbrace {
            try wrappedGraph(nil)
            return
        }
        // labelOrSubject (wrappedGraph | predicateObjectList '.') or triples.
        let b = lx.peek()
        let isLabel: Bool
        switch b {
        case Byte.lt: isLabel = lx.peek(1) != Byte.lt
        case Byte.underscore: isLabel = true
        case Byte.lbracket: isLabel = isANON()
        case Byte.lparen: isLabel = false
        default: isLabel = true
        }
        guard isLabel else {
            try triples()
            try expectDot()
            return
        }
        let label = try graphLabel()
        try skipWS()
        if lx.peek() == Byte.lbrace {
            try wrappedGraph(label)
            return
        }
        try predicateObjectList(label)
        try expectDot()
    }

    /// iri | BlankNode.
    private mutating func graphLabel() throws -> Term {
        switch lx.peek() {
        case Byte.lt where lx.peek(1) != Byte.lt: return try iriTerm()
        case Byte.underscore: return try blankNode()
        case Byte.lbracket where isANON(): return try anon()
        default:
            if let t = try prefixedNameIfAny() { return t }
            throw lx.error("expected a graph name or a subject")
        }
    }

    private mutating func wrappedGraph(_ label: Term?) throws {
        lx.pos += 1
        let outer = graph
        graph = label
        defer { graph = outer }
        while true {
            try skipWS()
            guard lx.pos < lx.end else { throw lx.error("expected '}' at the end of the graph") }
            if lx.buf[lx.pos] == Byte.rbrace { break }
            if lx.buf[lx.pos] == Byte.lbrace { throw lx.error("graphs cannot be nested") }
            try triples()
            try skipWS()
            if lx.peek() == Byte.dot, lx.pos < lx.end {
                lx.pos += 1
                continue
            }
            guard lx.peek() == Byte.rbrace else { throw lx.error("expected '.' or '}' after the triples") }
            break
        }
        lx.pos += 1
    }

    // MARK: Triples

    private mutating func triples() throws {
        switch lx.peek() {
        case Byte.lbracket:
            if isANON() {
                let s = try anon()
                try skipWS()
                try predicateObjectList(s)
            } else {
                let s = try blankNodePropertyList()
                try skipWS()
                if startsPredicate() { try predicateObjectList(s) }
            }
        case Byte.lt where lx.peek(1) == Byte.lt:
            if lx.peek(2) == Byte.lparen { throw lx.error("a triple term cannot be the subject of a triple") }
            let s = try reifiedTriple()
            try skipWS()
            if startsPredicate() { try predicateObjectList(s) }
        default:
            let s = try subject()
            try skipWS()
            try predicateObjectList(s)
        }
    }

    /// Whether a predicate starts here (a predicate-object list may follow a property list or reified triple).
    private func startsPredicate() -> Bool {
        guard lx.pos < lx.end else { return false }
        switch lx.buf[lx.pos] {
        case Byte.dot, Byte.rbrace, Byte.rbracket, Byte.pipe: return false
        default: return true
        }
    }

    private mutating func subject() throws -> Term {
        switch lx.peek() {
        case Byte.lt: return try iriTerm()
        case Byte.underscore: return try blankNode()
        case Byte.lparen: return try collection()
        case Byte.quote, Byte.apostrophe: throw lx.error("a literal cannot be the subject of a triple")
        default:
            if isNumberStart() || lx.matchesKeyword("true", caseSensitive: true) || lx.matchesKeyword("false", caseSensitive: true) {
                throw lx.error("a literal cannot be the subject of a triple")
            }
            if let t = try prefixedNameIfAny() { return t }
            throw lx.error("expected a subject (an IRI, a prefixed name, a blank node or a collection)")
        }
    }

    private mutating func predicateObjectList(_ s: Term) throws {
        let p = try verb()
        try skipWS()
        try objectList(s, p)
        while true {
            try skipWS()
            guard lx.peek() == Byte.semicolon, lx.pos < lx.end else { return }
            while lx.peek() == Byte.semicolon {
                lx.pos += 1
                try skipWS()
            }
            guard startsPredicate() else { return }
            let p = try verb()
            try skipWS()
            try objectList(s, p)
        }
    }

    private mutating func verb() throws -> IRI {
        if lx.peek() == 0x61, lx.pos < lx.end {   // 'a'
            let next = lx.peek(1)
            if lx.pos + 1 >= lx.end || !(Byte.isLetter(next) || Byte.isDigit(next) || next == Byte.underscore
                                         || next == Byte.minus || next == Byte.colon || next == Byte.dot || next >= 0x80) {
                lx.pos += 1
                return RDF.type
            }
        }
        switch lx.peek() {
        case Byte.lt where lx.peek(1) != Byte.lt:
            return try iriTerm().iri!
        case Byte.underscore where lx.pos < lx.end:
            throw lx.error("a blank node cannot be a predicate")
        case Byte.quote, Byte.apostrophe:
            throw lx.error("a literal cannot be a predicate")
        default:
            if let t = try prefixedNameIfAny() { return t.iri! }
            throw lx.error("expected a predicate (an IRI, a prefixed name or 'a')")
        }
    }

    private mutating func objectList(_ s: Term, _ p: IRI) throws {
        while true {
            let o = try object()
            try emit(Quad(s, p, o, graph: graph))
            try skipWS()
            try annotations(s, p, o)
            guard lx.peek() == Byte.comma, lx.pos < lx.end else { return }
            lx.pos += 1
            try skipWS()
        }
    }

    /// `( '~' reifier? | '{|' predicateObjectList '|}' )*` after an object.
    private mutating func annotations(_ s: Term, _ p: IRI, _ o: Term) throws {
        var reifier: Term?
        while true {
            if lx.peek() == Byte.tilde, lx.pos < lx.end {
                lx.pos += 1
                try skipWS()
                let r = try optionalReifier()
                try emit(Quad(r, RDF.reifies, .tripleTerm(Triple(s, p, o)), graph: graph))
                reifier = r
                try skipWS()
            } else if lx.peek() == Byte.lbrace && lx.peek(1) == Byte.pipe {
                lx.pos += 2
                let r: Term
                if let given = reifier {
                    r = given
                } else {
                    r = fresh()
                    try emit(Quad(r, RDF.reifies, .tripleTerm(Triple(s, p, o)), graph: graph))
                }
                reifier = nil
                try skipWS()
                try predicateObjectList(r)
                try skipWS()
                guard lx.peek() == Byte.pipe, lx.peek(1) == Byte.rbrace else { throw lx.error("expected '|}' at the end of the annotation") }
                lx.pos += 2
                try skipWS()
            } else {
                return
            }
        }
    }

    /// After '~': an IRI or blank node naming the reifier, or a fresh blank node.
    private mutating func optionalReifier() throws -> Term {
        switch lx.peek() {
        case Byte.lt where lx.peek(1) != Byte.lt: return try iriTerm()
        case Byte.underscore where lx.pos < lx.end: return try blankNode()
        case Byte.lbracket where isANON(): return try anon()
        default:
            if let t = try prefixedNameIfAny() { return t }
            return fresh()
        }
    }

    private mutating func object() throws -> Term {
        guard lx.pos < lx.end else { throw lx.error("expected an object, found the end of the input") }
        switch lx.buf[lx.pos] {
        case Byte.lt:
            if lx.peek(1) == Byte.lt { return lx.peek(2) == Byte.lparen ? try tripleTerm() : try reifiedTriple() }
            return try iriTerm()
        case Byte.underscore: return try blankNode()
        case Byte.lbracket: return isANON() ? try anon() : try blankNodePropertyList()
        case Byte.lparen: return try collection()
        case Byte.quote, Byte.apostrophe: return try literal()
        default:
            if isNumberStart() { return number() }
            if lx.matchesKeyword("true", caseSensitive: true) {
                lx.pos += 4
                return .literal(Literal("true", datatype: XSD.boolean))
            }
            if lx.matchesKeyword("false", caseSensitive: true) {
                lx.pos += 5
                return .literal(Literal("false", datatype: XSD.boolean))
            }
            if let t = try prefixedNameIfAny() { return t }
            throw lx.error("expected an object (an IRI, a prefixed name, a blank node, a collection, a literal or a triple term)")
        }
    }

    // MARK: Blank nodes, collections, triple terms

    private mutating func fresh() -> Term {
        generated += 1
        return .blank(BlankNode("_g\(generated)"))
    }

    /// '[' followed by white space and ']' only.
    private func isANON() -> Bool {
        var i = lx.pos + 1
        while i < lx.end {
            switch lx.buf[i] {
            case Byte.space, Byte.tab, Byte.lf, Byte.cr: i += 1
            case Byte.hash:
                while i < lx.end && lx.buf[i] != Byte.lf && lx.buf[i] != Byte.cr { i += 1 }
            case Byte.rbracket: return true
            default: return false
            }
        }
        return false
    }

    /// At an ANON (`isANON()` said so): `[ ]`, a fresh blank node.
    private mutating func anon() throws -> Term {
        lx.pos += 1
        try skipWS()
        lx.pos += 1
        return fresh()
    }

    private mutating func blankNodePropertyList() throws -> Term {
        try lx.enter(&depth)
        defer { depth -= 1 }
        lx.pos += 1
        let node = fresh()
        try skipWS()
        try predicateObjectList(node)
        try skipWS()
        guard lx.peek() == Byte.rbracket else { throw lx.error("expected ']' at the end of the blank node property list") }
        lx.pos += 1
        return node
    }

    private mutating func collection() throws -> Term {
        try lx.enter(&depth)
        defer { depth -= 1 }
        lx.pos += 1
        var head: Term?
        var last: Term?
        while true {
            try skipWS()
            guard lx.pos < lx.end else { throw lx.error("expected ')' at the end of the collection") }
            if lx.buf[lx.pos] == Byte.rparen { break }
            let node = fresh()
            let o = try object()
            if let last {
                try emit(Quad(last, Self.rest, node, graph: graph))
            } else {
                head = node
            }
            try emit(Quad(node, Self.first, o, graph: graph))
            last = node
        }
        lx.pos += 1
        guard let head, let last else { return Self.nilList }
        try emit(Quad(last, Self.rest, Self.nilList, graph: graph))
        return head
    }

    /// `<<( subject verb object )>>`: subject an IRI or blank node, object anything but a reified triple.
    private mutating func tripleTerm() throws -> Term {
        try lx.enter(&depth)
        defer { depth -= 1 }
        lx.pos += 3
        try skipWS()
        let s: Term
        switch lx.peek() {
        case Byte.lt where lx.peek(1) == Byte.lt: throw lx.error("a triple term cannot be the subject of a triple")
        case Byte.lt: s = try iriTerm()
        case Byte.underscore: s = try blankNode()
        case Byte.lbracket where isANON(): s = try anon()
        case Byte.lbracket: throw lx.error("a blank node property list cannot be inside a triple term")
        case Byte.lparen: throw lx.error("a collection cannot be inside a triple term")
        case Byte.quote, Byte.apostrophe: throw lx.error("a literal cannot be the subject of a triple")
        default:
            guard let t = try prefixedNameIfAny() else { throw lx.error("expected the subject of the triple term (an IRI or a blank node)") }
            s = t
        }
        try skipWS()
        let p = try verb()
        try skipWS()
        let o: Term
        switch lx.peek() {
        case Byte.lt where lx.peek(1) == Byte.lt && lx.peek(2) != Byte.lparen:
            throw lx.error("a reified triple cannot be inside a triple term (write a triple term <<( ... )>>)")
        case Byte.lbracket where !isANON():
            throw lx.error("a blank node property list cannot be inside a triple term")
        case Byte.lparen:
            throw lx.error("a collection cannot be inside a triple term")
        default:
            o = try object()
        }
        try skipWS()
        guard lx.peek() == Byte.rparen, lx.peek(1) == Byte.gt, lx.peek(2) == Byte.gt else {
            throw lx.error("expected ')>>' to close the triple term")
        }
        lx.pos += 3
        return .tripleTerm(Triple(s, p, o))
    }

    /// `<< subject verb object ('~' reifier?)? >>`: the reifier (given or fresh),
    /// after emitting `reifier rdf:reifies <<( s p o )>>`.
    private mutating func reifiedTriple() throws -> Term {
        try lx.enter(&depth)
        defer { depth -= 1 }
        lx.pos += 2
        try skipWS()
        let s: Term
        switch lx.peek() {
        case Byte.lt where lx.peek(1) == Byte.lt:
            if lx.peek(2) == Byte.lparen { throw lx.error("a triple term cannot be the subject of a reified triple") }
            s = try reifiedTriple()
        case Byte.lt: s = try iriTerm()
        case Byte.underscore: s = try blankNode()
        case Byte.lbracket where isANON(): s = try anon()
        case Byte.lbracket: throw lx.error("a blank node property list cannot be inside a reified triple")
        case Byte.lparen: throw lx.error("a collection cannot be inside a reified triple")
        case Byte.quote, Byte.apostrophe: throw lx.error("a literal cannot be the subject of a triple")
        default:
            guard let t = try prefixedNameIfAny() else { throw lx.error("expected the subject of the reified triple") }
            s = t
        }
        try skipWS()
        let p = try verb()
        try skipWS()
        let o: Term
        switch lx.peek() {
        case Byte.lbracket where !isANON():
            throw lx.error("a blank node property list cannot be inside a reified triple")
        case Byte.lparen:
            throw lx.error("a collection cannot be inside a reified triple")
        default:
            o = try object()
        }
        try skipWS()
        var r: Term?
        if lx.peek() == Byte.tilde, lx.pos < lx.end {
            lx.pos += 1
            try skipWS()
            r = try optionalReifier()
            try skipWS()
        }
        guard lx.peek() == Byte.gt, lx.peek(1) == Byte.gt else { throw lx.error("expected '>>' to close the reified triple") }
        lx.pos += 2
        let reifier = r ?? fresh()
        try emit(Quad(reifier, RDF.reifies, .tripleTerm(Triple(s, p, o)), graph: graph))
        return reifier
    }

    // MARK: Terms

    /// `_:label`: kept, with one more `_` in front when it starts with `_` (see `TurtleReader`).
    private mutating func blankNode() throws -> Term {
        let start = lx.pos
        let label = try lx.scanBlankNodeLabel()
        if let t = lx.cache.lookup(lx.buf, start, lx.pos) { return t }
        let text = lx.string(label)
        let t = Term.blank(BlankNode(lx.buf[label.lowerBound] == Byte.underscore ? "_" + text : text))
        lx.cache.store(lx.buf, start, lx.pos, t)
        return t
    }

    /// An IRIREF, resolved against the base.
    private mutating func iriTerm() throws -> Term {
        let start = lx.pos
        if let escaped = try lx.scanIRIRef() { return .iri(IRI(resolve(escaped))) }
        if let t = lx.cache.lookup(lx.buf, start, lx.pos) { return t }
        let t = Term.iri(IRI(resolve(lx.string((start + 1)..<(lx.pos - 1)))))
        lx.cache.store(lx.buf, start, lx.pos, t)
        return t
    }

    private mutating func iriValue() throws -> String {
        guard case .iri(let i) = try iriTerm() else { fatalError("unreachable") }
        return i.value
    }

    private func resolve(_ iri: String) -> String {
        if RDFLexer.hasScheme(iri.utf8) { return iri }
        guard let base, let resolved = IRIResolver.resolve(iri, against: base) else { return iri }
        return resolved
    }

    /// At a possible PN_PREFIX: its end (`pos` unchanged); `pos` itself when
    /// no PN_PREFIX starts here. A prefix cannot end in '.'.
    private func scanPrefixEnd() throws -> Int {
        var i = lx.pos
        var first = true
        var lastNonDot = i
        while i < lx.end {
            let b = lx.buf[i]
            if b < 0x80 {
                if Byte.isLetter(b) || (!first && (Byte.isDigit(b) || b == Byte.underscore || b == Byte.minus)) {
                    i += 1
                    lastNonDot = i
                } else if b == Byte.dot && !first {
                    i += 1
                } else {
                    break
                }
            } else {
                guard let (v, n) = lx.decode(at: i) else { throw lx.error(lx.invalidUTF8(at: i), at: i) }
                guard let u = Unicode.Scalar(v), first ? TurtleSyntax.isBase(u) : TurtleSyntax.isNameChar(u) else { break }
                i += n
                lastNonDot = i
            }
            first = false
        }
        // Dots are part of the prefix only if a name character follows them.
        return i < lx.end && lx.buf[i] == Byte.colon && lastNonDot == i ? i : lastNonDot
    }

    /// At a PNAME_NS in a prefix declaration: moves to the ':' and returns the prefix's end.
    private mutating func scanPrefix() throws -> Int {
        let end = try scanPrefixEnd()
        lx.pos = end
        return end
    }

    /// A prefixed name starting here, or nil (nothing consumed) when there is none.
    private mutating func prefixedNameIfAny() throws -> Term? {
        let start = lx.pos
        let prefixEnd = try scanPrefixEnd()
        guard prefixEnd < lx.end, lx.buf[prefixEnd] == Byte.colon else {
            if prefixEnd > start {
                let word = lx.string(start..<prefixEnd)
                if word == "a" { throw lx.error("'a' (rdf:type) can only be a predicate", at: start) }
                throw lx.error("'\(word)' is neither a prefixed name (no ':') nor a keyword here", at: start)
            }
            return nil
        }
        // PN_LOCAL.
        let localStart = prefixEnd + 1
        var i = localStart
        var lastGood = i
        var escapes = false
        var first = true
        while i < lx.end {
            let b = lx.buf[i]
            if b == Byte.percent {
                guard i + 2 < lx.end, Byte.hexValue(lx.buf[i + 1]) != nil, Byte.hexValue(lx.buf[i + 2]) != nil else {
                    throw lx.error("'%' in a local name must be followed by two hexadecimal digits", at: i)
                }
                i += 3
                lastGood = i
            } else if b == Byte.backslash {
                guard i + 1 < lx.end, Self.isLocalEscape(lx.buf[i + 1]) else {
                    lx.pos = i
                    throw lx.error("invalid escape '\\\(lx.escapedCharacter(at: i + 1))' in a local name", at: i)
                }
                escapes = true
                i += 2
                lastGood = i
            } else if b < 0x80 {
                if Byte.isLetter(b) || Byte.isDigit(b) || b == Byte.underscore || b == Byte.colon || (!first && b == Byte.minus) {
                    i += 1
                    lastGood = i
                } else if b == Byte.dot && !first {
                    i += 1
                } else {
                    break
                }
            } else {
                guard let (v, n) = lx.decode(at: i) else { throw lx.error(lx.invalidUTF8(at: i), at: i) }
                guard let u = Unicode.Scalar(v), first ? TurtleSyntax.isBaseOrUnderscore(u) : TurtleSyntax.isNameChar(u) else { break }
                i += n
                lastGood = i
            }
            first = false
        }
        lx.pos = lastGood
        if let t = lx.cache.lookup(lx.buf, start, lastGood) { return t }
        let prefix = lx.string(start..<prefixEnd)
        guard let namespace = prefixes[prefix] else {
            throw lx.error("the prefix '\(prefix):' is not declared", at: start)
        }
        let local: String
        if escapes {
            var bytes: [UInt8] = []
            var k = localStart
            while k < lastGood {
                if lx.buf[k] == Byte.backslash { k += 1 }
                bytes.append(lx.buf[k])
                k += 1
            }
            local = String(decoding: bytes, as: UTF8.self)
        } else {
            local = lx.string(localStart..<lastGood)
        }
        let t = Term.iri(IRI(namespace + local))
        lx.cache.store(lx.buf, start, lastGood, t)
        return t
    }

    /// PN_LOCAL_ESC: `\` followed by one of `_~.-!$&'()*+,;=/?#@%`.
    private static func isLocalEscape(_ b: UInt8) -> Bool {
        switch b {
        case 0x5F, 0x7E, 0x2E, 0x2D, 0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D, 0x2F, 0x3F, 0x23, 0x40, 0x25:
            return true
        default:
            return false
        }
    }

    // MARK: Literals

    private mutating func literal() throws -> Term {
        let q = lx.buf[lx.pos]
        let long = lx.peek(1) == q && lx.peek(2) == q
        let lexical = try lx.readString(quote: q, long: long)
        // White space (and comments) may come between the string and its language tag or datatype.
        let afterString = lx.pos, lineAfterString = lx.line, lineStartAfterString = lx.lineStart
        try skipWS()
        if lx.peek() != Byte.at, lx.peek() != Byte.caret || lx.peek(1) != Byte.caret {
            lx.pos = afterString; lx.line = lineAfterString; lx.lineStart = lineStartAfterString
        }
        switch lx.peek() {
        case Byte.at:
            let (language, direction) = try lx.readLanguage()
            return .literal(Literal(lexical, language: language, direction: direction))
        case Byte.caret:
            guard lx.peek(1) == Byte.caret else { throw lx.error("expected '^^' before the datatype") }
            lx.pos += 2
            try skipWS()
            let at = lx.pos
            let datatype: Term
            if lx.peek() == Byte.lt {
                datatype = try iriTerm()
            } else if let t = try prefixedNameIfAny() {
                datatype = t
            } else {
                throw lx.error("expected a datatype IRI after '^^'")
            }
            return try lx.typedLiteral(lexical, datatype.iri!, at: at)
        default:
            return .literal(Literal(lexical))
        }
    }

    private func isNumberStart() -> Bool {
        let b = lx.peek()
        if Byte.isDigit(b) { return lx.pos < lx.end }
        if b == Byte.plus || b == Byte.minus || b == Byte.dot {
            let c = lx.peek(1)
            return Byte.isDigit(c) || (b != Byte.dot && c == Byte.dot && Byte.isDigit(lx.peek(2)))
        }
        return false
    }

    /// INTEGER, DECIMAL or DOUBLE, the lexical form as written.
    private mutating func number() -> Term {
        let start = lx.pos
        if lx.peek() == Byte.plus || lx.peek() == Byte.minus { lx.pos += 1 }
        var datatype = XSD.integer
        while Byte.isDigit(lx.peek()), lx.pos < lx.end { lx.pos += 1 }
        if lx.peek() == Byte.dot, Byte.isDigit(lx.peek(1)) || (lx.pos > start && isExponent(at: lx.pos + 1)) {
            lx.pos += 1
            datatype = XSD.decimal
            while Byte.isDigit(lx.peek()), lx.pos < lx.end { lx.pos += 1 }
        }
        if isExponent(at: lx.pos) {
            datatype = XSD.double
            lx.pos += 1
            if lx.peek() == Byte.plus || lx.peek() == Byte.minus { lx.pos += 1 }
            while Byte.isDigit(lx.peek()), lx.pos < lx.end { lx.pos += 1 }
        }
        return .literal(Literal(lx.string(start..<lx.pos), datatype: datatype))
    }

    /// `[eE] [+-]? [0-9]` at byte `i`.
    private func isExponent(at i: Int) -> Bool {
        guard i < lx.end, lx.buf[i] | 0x20 == 0x65 else { return false }
        var k = i + 1
        if k < lx.end && (lx.buf[k] == Byte.plus || lx.buf[k] == Byte.minus) { k += 1 }
        return k < lx.end && Byte.isDigit(lx.buf[k])
    }

    // MARK: White space

    /// Spaces, tabs, line breaks and comments.
    private mutating func skipWS() throws {
        while lx.pos < lx.end {
            switch lx.buf[lx.pos] {
            case Byte.space, Byte.tab: lx.pos += 1
            case Byte.lf, Byte.cr: lx.newline()
            case Byte.hash: try lx.skipComment()
            default: return
            }
        }
    }
}
