import Testing
import ProseGraphFormats
import ProseGraphModel

/// The statements of an N-Triples (or N-Quads) text.
func readNTriples(_ text: String, quads: Bool = false, path: String = "x.nt") throws -> [Quad] {
    try NTriplesReader(options: ReaderOptions(path: path), quads: quads).quads(Array(text.utf8))
}

/// The message of the error reading `text` raises, as printed (`path:line:column: message`).
func ntriplesError(_ text: String, quads: Bool = false) -> String? {
    do {
        _ = try readNTriples(text, quads: quads)
        return nil
    } catch let e as ParseError {
        return e.description
    } catch {
        return "unexpected \(error)"
    }
}

/// SplitMix64: a deterministic generator for the randomized round trips.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Hostile text for round trips: quotes, backslashes, every kind of line
/// break, controls (NUL included), markup, `>>` and `)>>`, non-BMP
/// characters, right-to-left text, combining marks, a byte-order mark.
enum Hostile {
    static let pieces: [String] = [
        "\"", "\\", "'", "\"\"\"", "'''", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}",
        "<", ">", "&", "]]>", ">>", ")>>", "{|", "|}", "#", "@en", "^^", " ", ".", ";", ",", "_:b0", "\\u0041", "\\n",
        "𝄞", "😀", "\u{10FFFF}", "مرحبا", "שלום", "e\u{301}", "\u{FEFF}", "\u{2028}", "\u{85}", "東京", "a", "Z", "0",
    ]

    static func string(_ rng: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// IRI-safe but unusual: non-ASCII, percent escapes, every sub-delimiter.
    static let iriPieces = ["a", "%20", "é", "𝄞", "東", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "/", "?", "#", "~", "-", ".", "_", ":", "@"]

    static func iri(_ rng: inout SeededRandom) -> IRI {
        IRI("https://ex.org/" + (0..<Int.random(in: 0...8, using: &rng)).map { _ in iriPieces.randomElement(using: &rng)! }.joined())
    }

    static func term(_ rng: inout SeededRandom, depth: Int = 0) -> Term {
        switch Int.random(in: 0..<(depth < 2 ? 7 : 6), using: &rng) {
        case 0: return .iri(iri(&rng))
        case 1: return .blank(BlankNode("b\(Int.random(in: 0..<5, using: &rng))"))
        case 2: return .literal(Literal(string(&rng)))
        case 3: return .literal(Literal(string(&rng), language: ["en", "ar-EG", "zh-Hant-TW"].randomElement(using: &rng)!))
        case 4: return .literal(Literal(string(&rng), language: "he", direction: ["ltr", "rtl"].randomElement(using: &rng)!))
        case 5: return .literal(Literal(string(&rng), datatype: [XSD.integer, XSD.gYearMonth, iri(&rng)].randomElement(using: &rng)!))
        default: return .tripleTerm(triple(&rng, depth: depth + 1))
        }
    }

    static func triple(_ rng: inout SeededRandom, depth: Int = 0) -> Triple {
        let subject: Term = Bool.random(using: &rng) ? .iri(iri(&rng)) : .blank(BlankNode("s\(Int.random(in: 0..<3, using: &rng))"))
        return Triple(subject, iri(&rng), term(&rng, depth: depth))
    }

    static func triples(seed: UInt64, count: Int) -> [Triple] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in triple(&rng) }
    }
}

@Suite struct NTriplesReaderTests {
    let s = Term.iri(IRI("http://ex.org/s"))
    let p = IRI("http://ex.org/p")

    @Test func termsAreExact() throws {
        let text = """
        # a comment line
        <http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .
        _:b0 <http://ex.org/p> _:b1.x .   # after the statement

        <http://ex.org/s><http://ex.org/p>"plain".
        \t<http://ex.org/s> <http://ex.org/p> "Bonjour"@FR-be .
        <http://ex.org/s> <http://ex.org/p> "مرحبا"@ar--rtl .
        <http://ex.org/s> <http://ex.org/p> "2015-02"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .
        <http://ex.org/s> <http://ex.org/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .
        <http://ex.org/s> <http://ex.org/p> <<( _:a <http://ex.org/q> <<(<http://ex.org/a> <http://ex.org/b> "c"@en--ltr)>> )>> .
        """
        let q = try readNTriples(text)
        #expect(q == [
            Quad(s, p, .iri(IRI("http://ex.org/o"))),
            Quad(.blank(BlankNode("b0")), p, .blank(BlankNode("b1.x"))),
            Quad(s, p, .literal(Literal("plain"))),
            Quad(s, p, .literal(Literal("Bonjour", language: "fr-be"))),
            Quad(s, p, .literal(Literal("مرحبا", language: "ar", direction: "rtl"))),
            Quad(s, p, .literal(Literal("2015-02", datatype: XSD.gYearMonth))),
            Quad(s, p, .literal(Literal("x"))),
            Quad(s, p, .tripleTerm(Triple(.blank(BlankNode("a")), IRI("http://ex.org/q"),
                                          .tripleTerm(Triple(IRI("http://ex.org/a"), IRI("http://ex.org/b"),
                                                             .literal(Literal("c", language: "en", direction: "ltr"))))))),
        ])
        #expect(q[3].object.literal?.datatype == RDF.langString)
        #expect(q[4].object.literal?.datatype == RDF.dirLangString)
    }

    @Test func blankNodeLabelsEndBeforeADot() throws {
        let q = try readNTriples("_:a.b <http://ex.org/p> _:c.\n_:1_-\u{B7}é <http://ex.org/p> _:x .\n")
        #expect(q.map(\.subject) == [.blank(BlankNode("a.b")), .blank(BlankNode("1_-\u{B7}é"))])
        #expect(q[0].object == .blank(BlankNode("c")))
    }

    @Test func escapes() throws {
        let q = try readNTriples(#"""
        <http://ex.org/\u00E9\U0001D11E> <http://ex.org/p> "\t\b\n\r\f\"\'\\ \u00e9 \U0001F600 \u0000" .
        """#)
        #expect(q == [Quad(.iri(IRI("http://ex.org/é𝄞")), p, .literal(Literal("\t\u{8}\n\r\u{C}\"'\\ é 😀 \u{0}")))])
    }

    @Test func lineEndingsAndVersion() throws {
        let crlf = "VERSION \"1.2\"\r\n<http://ex.org/s> <http://ex.org/p> \"a\" .\r\n\r\n<http://ex.org/s> <http://ex.org/p> \"b\" .\r<http://ex.org/s> <http://ex.org/p> \"c\" ."
        #expect(try readNTriples(crlf).map(\.object) == ["a", "b", "c"].map { .literal(Literal($0)) })
        #expect(try readNTriples("").isEmpty)
        #expect(try readNTriples("\u{FEFF}# only a comment\n\n  \t\n").isEmpty)
        // Lines are counted across CRLF, CR and LF alike.
        #expect(ntriplesError("\r\n\r\r\n<http://ex.org/s> <http://ex.org/p> \"x\"\r\n") == "x.nt:4:40: expected '.' at the end of the triple")
    }

    @Test func nonBMPAndColumnsInCharacters() throws {
        let q = try readNTriples("<http://ex.org/𝄞> <http://ex.org/p> \"😀 東京\" .\n")
        #expect(q == [Quad(.iri(IRI("http://ex.org/𝄞")), p, .literal(Literal("😀 東京")))])
        // 𝄞 and 😀 are one column each, whatever their UTF-8 length.
        #expect(ntriplesError("<http://ex.org/𝄞> <http://ex.org/p> \"😀\" <x> .") == "x.nt:1:41: expected '.' at the end of the triple")
    }

    @Test func nQuads() throws {
        let text = """
        <http://ex.org/s> <http://ex.org/p> "x" <http://ex.org/g> .
        _:s <http://ex.org/p> <<( <http://ex.org/a> <http://ex.org/b> _:c )>> _:g .
        <http://ex.org/s> <http://ex.org/p> "default" .
        """
        #expect(try readNTriples(text, quads: true) == [
            Quad(s, p, .literal(Literal("x")), graph: .iri(IRI("http://ex.org/g"))),
            Quad(.blank(BlankNode("s")), p, .tripleTerm(Triple(IRI("http://ex.org/a"), IRI("http://ex.org/b"), .blank(BlankNode("c")))),
                 graph: .blank(BlankNode("g"))),
            Quad(s, p, .literal(Literal("default"))),
        ])
        #expect(ntriplesError("<http://ex.org/s> <http://ex.org/p> \"x\" <http://ex.org/g> .") == "x.nt:1:41: expected '.' at the end of the triple")
        #expect(ntriplesError("<http://ex.org/s> <http://ex.org/p> \"x\" \"g\" .", quads: true)
                == "x.nt:1:41: expected a graph name or '.' at the end of the quad")
    }

    @Test(arguments: [
        ("<http://ex.org/s> <http://ex.org/p> <http://ex.org/o>", "x.nt:1:54: expected '.' at the end of the triple"),
        ("\n\n<http://ex.org/s> <http://ex.org/p> \"o\" , .", "x.nt:3:41: expected '.' at the end of the triple"),
        ("<http://ex.org/s> <http://ex.org/p> <http://ex.org/o> . <http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .",
         "x.nt:1:57: expected the end of the line after the triple"),
        ("<http://ex.org/a b> <http://ex.org/p> <http://ex.org/o> .", "x.nt:1:17: a space is not allowed in an IRI"),
        ("<http://ex.org/a{b}> <http://ex.org/p> <http://ex.org/o> .", "x.nt:1:17: '{' (U+007B) is not allowed in an IRI"),
        ("<http://ex.org/s> <http://ex.org/p> <http://ex.org/o|> .", "x.nt:1:53: '|' (U+007C) is not allowed in an IRI"),
        ("<http://ex.org/s> <http://ex.org/^> <http://ex.org/o> .", "x.nt:1:34: '^' (U+005E) is not allowed in an IRI"),
        ("<http://ex.org/s> <http://ex.org/p> <http://ex.org/`> .", "x.nt:1:52: '`' (U+0060) is not allowed in an IRI"),
        ("<http://ex.org/s> <http://ex.org/p> <http://ex.org/\"> .", "x.nt:1:52: '\"' (U+0022) is not allowed in an IRI"),
        ("<http://ex.org/s> <http://ex.org/p> <http://ex.org/o\n", "x.nt:1:53: expected '>' at the end of the IRI"),
        (#"<http://ex.org/\u0020> <http://ex.org/p> "o" ."#, #"x.nt:1:16: the escape \u0020 stands for a space, which no IRI may contain"#),
        (#"<http://ex.org/\n> <http://ex.org/p> "o" ."#, #"x.nt:1:16: invalid escape '\n' in an IRI: only \u and \U escapes are allowed there"#),
        ("<s> <http://ex.org/p> <http://ex.org/o> .", "x.nt:1:1: the IRI <s> is relative; N-Triples and N-Quads allow only absolute IRIs"),
        ("<http://ex.org/s> <p> <http://ex.org/o> .", "x.nt:1:19: the IRI <p> is relative; N-Triples and N-Quads allow only absolute IRIs"),
        ("<http://ex.org/s> <http://ex.org/p> <#o> .", "x.nt:1:37: the IRI <#o> is relative; N-Triples and N-Quads allow only absolute IRIs"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"^^<integer> .", "x.nt:1:42: the IRI <integer> is relative; N-Triples and N-Quads allow only absolute IRIs"),
        ("<http://ex.org/s> <http://ex.org/p> <\\u003Ao> .", "x.nt:1:37: the IRI <:o> is relative; N-Triples and N-Quads allow only absolute IRIs"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@ .", "x.nt:1:40: expected a language tag after '@'"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@en- .", "x.nt:1:40: invalid language tag 'en-': a '-' must be followed by letters or digits"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@1en .", "x.nt:1:40: expected a language tag after '@'"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@en_US .", "x.nt:1:43: expected '.' at the end of the triple"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@en--up .", "x.nt:1:43: invalid base direction '--up': expected --ltr or --rtl"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"^<http://ex.org/d> .", "x.nt:1:40: expected '^^' before the datatype IRI"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"^^\"y\" .", "x.nt:1:42: expected a datatype IRI after '^^'"),
        (#"<http://ex.org/s> <http://ex.org/p> "a\qb" ."#, #"x.nt:1:39: invalid escape '\q'"#),
        (#"<http://ex.org/s> <http://ex.org/p> "a\u00Gb" ."#, #"x.nt:1:39: invalid escape: \u needs 4 hexadecimal digits"#),
        (#"<http://ex.org/s> <http://ex.org/p> "a\U0000FFF" ."#, #"x.nt:1:39: invalid escape: \U needs 8 hexadecimal digits"#),
        (#"<http://ex.org/s> <http://ex.org/p> "\uD800" ."#, #"x.nt:1:38: invalid escape: \uD800 is not a Unicode scalar value"#),
        (#"<http://ex.org/s> <http://ex.org/p> "\U00110000" ."#, #"x.nt:1:38: invalid escape: \U00110000 is not a Unicode scalar value"#),
        ("<http://ex.org/s> <http://ex.org/p> \"a\nb\" .", "x.nt:1:39: expected '\"' before the end of the line (a line break in a string is written \\n)"),
        ("<http://ex.org/s> <http://ex.org/p> \"abc", "x.nt:1:37: the string is not closed: expected '\"' before the end of the input"),
        ("<http://ex.org/s> <http://ex.org/p> 'x' .", "x.nt:1:37: expected an object (an IRI, a blank node, a literal or a triple term)"),
        ("\"s\" <http://ex.org/p> <http://ex.org/o> .", "x.nt:1:1: a literal cannot be the subject of a triple"),
        ("<<( <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> )>> <http://ex.org/p> <http://ex.org/o> .",
         "x.nt:1:1: a triple term cannot be the subject of a triple"),
        ("<http://ex.org/s> \"p\" <http://ex.org/o> .", "x.nt:1:19: a literal cannot be a predicate"),
        ("<http://ex.org/s> _:p <http://ex.org/o> .", "x.nt:1:19: a blank node cannot be a predicate"),
        ("<http://ex.org/s> a <http://ex.org/o> .", "x.nt:1:19: expected a predicate (an IRI)"),
        ("ex:s <http://ex.org/p> <http://ex.org/o> .", "x.nt:1:1: expected a subject (an IRI or a blank node)"),
        ("_: <http://ex.org/p> <http://ex.org/o> .", "x.nt:1:3: expected a blank node label after '_:'"),
        ("_:-a <http://ex.org/p> <http://ex.org/o> .", "x.nt:1:3: expected a blank node label after '_:'"),
        ("<http://ex.org/s> <http://ex.org/p> <<( <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> >> .",
         "x.nt:1:95: expected ')>>' to close the triple term"),
        ("<http://ex.org/s> <http://ex.org/p> << <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> >> .",
         "x.nt:1:37: expected '<<(' to open a triple term"),
        ("<http://ex.org/s> <http://ex.org/p> <<( \"a\" <http://ex.org/b> <http://ex.org/c> )>> .",
         "x.nt:1:41: a literal cannot be the subject of a triple"),
        ("<http://ex.org/s> <http://ex.org/p> \"\u{E9}\" .", nil),
        // RDF 1.2: white space may separate a string from its language tag or datatype.
        ("<http://ex.org/s> <http://ex.org/p> \"Alice\" @en .", nil),
        ("<http://ex.org/s> <http://ex.org/p> \"1\" ^^ <http://www.w3.org/2001/XMLSchema#integer> .", nil),
        // Malformed literals: rdf:langString and rdf:dirLangString need a tag; subtags are at most 8 characters.
        ("<http://ex.org/s> <http://ex.org/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
         "x.nt:1:42: a literal of datatype rdf:langString needs a language tag: write \"...\"@tag, not ^^"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString> .",
         "x.nt:1:42: a literal of datatype rdf:dirLangString needs a language tag: write \"...\"@tag--ltr, not ^^"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@cantbethislong .",
         "x.nt:1:40: invalid language tag 'cantbethislong': the subtag 'cantbethislong' is longer than 8 characters"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@en-abcdefghi .",
         "x.nt:1:40: invalid language tag 'en-abcdefghi': the subtag 'abcdefghi' is longer than 8 characters"),
        ("<http://ex.org/s> <http://ex.org/p> \"x\"@de-1996-abcdefgh .", nil),
    ] as [(String, String?)])
    func errors(_ input: String, _ message: String?) {
        #expect(ntriplesError(input) == message)
    }

    @Test func invalidUTF8() {
        var bytes = Array("<http://ex.org/s> <http://ex.org/p> \"a".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\" .\n".utf8)
        #expect(throws: ParseError(path: "x.nt", line: 1, column: 39, message: "invalid UTF-8 (byte 0xC3 at offset 38)")) {
            try NTriplesReader(options: ReaderOptions(path: "x.nt")).read(bytes) { _ in }
        }
        // A surrogate encoded in UTF-8 (CESU) is not UTF-8 either.
        let cesu: [UInt8] = Array("# ".utf8) + [0xED, 0xA0, 0x80]
        #expect(throws: ParseError(path: "x.nt", line: 1, column: 3, message: "invalid UTF-8 (byte 0xED at offset 2)")) {
            try NTriplesReader(options: ReaderOptions(path: "x.nt")).read(cesu) { _ in }
        }
    }

    @Test func emitErrorsPropagate() {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try NTriplesReader().read(Array("<http://ex.org/s> <http://ex.org/p> \"a\" .\n<http://ex.org/s> <http://ex.org/p> \"b\" .\n".utf8)) { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }

    @Test func roundTripOfHostileTriples() throws {
        for seed in UInt64(1)...20 {
            let triples = Hostile.triples(seed: seed, count: 50)
            let text = try ntriples(triples)
            let back = try readNTriples(text).map(\.triple)
            #expect(back == triples, "seed \(seed)")
        }
    }

    @Test func theExportReadsBack() throws {
        let bytes = try #require(repositoryFile("Output/graph.nt"))
        var triples: [Triple] = []
        try NTriplesReader(options: ReaderOptions(path: "Output/graph.nt")).read(bytes) { triples.append($0.triple) }
        #expect(triples.count == bytes.filter { $0 == 0x0A }.count)
        // Written sorted and without duplicates; writing them again gives the same bytes.
        #expect(try ntriples(triples) == String(decoding: bytes, as: UTF8.self))
    }

    @Test func nestingIsBounded() {
        let tt = "<http://a> <http://b> " + String(repeating: "<<( <http://s> <http://p> ", count: 100_000)
        #expect(ntriplesError(tt) == "x.nt:1:6679: terms are nested more than 256 levels deep")
    }

    @Test func manyStatements() throws {
        var text = ""
        for i in 0..<20_000 { text += "<http://ex.org/s\(i % 100)> <http://ex.org/p\(i % 7)> \"value \(i)\"@en .\n" }
        var n = 0
        try NTriplesReader().read(Array(text.utf8)) { q in
            n += 1
            if n == 20_000 { #expect(q.object == .literal(Literal("value 19999", language: "en"))) }
        }
        #expect(n == 20_000)
    }
}
