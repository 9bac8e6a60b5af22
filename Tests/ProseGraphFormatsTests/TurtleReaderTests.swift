import Testing
import ProseGraphFormats
import ProseGraphModel

/// The statements of a Turtle (or TriG) text.
func readTurtle(_ text: String, base: String? = nil, trig: Bool = false, path: String = "x.ttl") throws -> [Quad] {
    try TurtleReader(options: ReaderOptions(path: path, base: base), trig: trig).quads(Array(text.utf8))
}

/// The printed error reading `text` raises (`path:line:column: message`), or nil.
func turtleError(_ text: String, trig: Bool = false) -> String? {
    do {
        _ = try readTurtle(text, trig: trig)
        return nil
    } catch let e as ParseError {
        return e.description
    } catch {
        return "unexpected \(error)"
    }
}

@Suite struct TurtleReaderTests {
    static func ex(_ local: String) -> IRI { IRI("http://ex.org/" + local) }
    static func e(_ local: String) -> Term { .iri(ex(local)) }
    static func b(_ label: String) -> Term { .blank(BlankNode(label)) }
    static func lit(_ s: String, _ datatype: IRI = XSD.string) -> Term { .literal(Literal(s, datatype: datatype)) }
    static let first = IRI(RDF.namespace + "first"), rest = IRI(RDF.namespace + "rest")
    static let nilList = Term.iri(IRI(RDF.namespace + "nil"))

    @Test func termsAreExact() throws {
        let text = #"""
        @prefix : <http://ex.org/> .
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        # a comment
        :s a :C ;
           :p :o1 , :o2 ;
           ;
           :q "plain", 'single', """long "quoted"
        line""", '''it's''', "Bonjour"@FR, "مرحبا"@ar--rtl, "7"^^xsd:integer, "x"^^<http://ex.org/dt> ;
           :n 1, -2, +3.5, .5, 1e3, -1.5E-2, 1.e2, true, false .
        <http://ex.org/s2> :p _:x .
        """#
        let e = Self.e
        func lit(_ s: String, _ d: IRI = XSD.string) -> Term { Self.lit(s, d) }
        #expect(try readTurtle(text).map(\.triple) == [
            Triple(e("s"), RDF.type, e("C")),
            Triple(e("s"), Self.ex("p"), e("o1")),
            Triple(e("s"), Self.ex("p"), e("o2")),
            Triple(e("s"), Self.ex("q"), lit("plain")),
            Triple(e("s"), Self.ex("q"), lit("single")),
            Triple(e("s"), Self.ex("q"), lit("long \"quoted\"\nline")),
            Triple(e("s"), Self.ex("q"), lit("it's")),
            Triple(e("s"), Self.ex("q"), .literal(Literal("Bonjour", language: "fr"))),
            Triple(e("s"), Self.ex("q"), .literal(Literal("مرحبا", language: "ar", direction: "rtl"))),
            Triple(e("s"), Self.ex("q"), lit("7", XSD.integer)),
            Triple(e("s"), Self.ex("q"), lit("x", Self.ex("dt"))),
            Triple(e("s"), Self.ex("n"), lit("1", XSD.integer)),
            Triple(e("s"), Self.ex("n"), lit("-2", XSD.integer)),
            Triple(e("s"), Self.ex("n"), lit("+3.5", XSD.decimal)),
            Triple(e("s"), Self.ex("n"), lit(".5", XSD.decimal)),
            Triple(e("s"), Self.ex("n"), lit("1e3", XSD.double)),
            Triple(e("s"), Self.ex("n"), lit("-1.5E-2", XSD.double)),
            Triple(e("s"), Self.ex("n"), lit("1.e2", XSD.double)),
            Triple(e("s"), Self.ex("n"), lit("true", XSD.boolean)),
            Triple(e("s"), Self.ex("n"), lit("false", XSD.boolean)),
            Triple(e("s2"), Self.ex("p"), Self.b("x")),
        ])
    }

    @Test func prefixedNames() throws {
        let text = ##"""
        @prefix : <http://ex.org/> .
        @prefix e.x-1: <http://ex.org/e/> .
        @prefix 𝄞: <http://ex.org/music/> .
        :a\~b\.c\-d\!\$\&\'\(\)\*\+\,\;\=\/\?\#\@\%\_ :p%20q :r:s .
        e.x-1:a.b :1 :. 
        𝄞:é\.𝄞 : true .
        """##
        #expect(try readTurtle(text).map(\.triple) == [
            Triple(Self.e("a~b.c-d!$&'()*+,;=/?#@%_"), Self.ex("p%20q"), Self.e("r:s")),
            Triple(Self.e("e/a.b"), Self.ex("1"), Self.e("")),
            Triple(Self.e("music/é.𝄞"), Self.ex(""), Self.lit("true", XSD.boolean)),
        ])
        // The trailing '.' ends the statement; a prefix may be redefined.
        #expect(try readTurtle("@prefix p: <http://a/> . p:x p:y p:z. @prefix p: <http://b/> . p:x p:y p:z .").map(\.subject)
                == [.iri(IRI("http://a/x")), .iri(IRI("http://b/x"))])
        // Keywords are names only without a colon: `true:`, `a:` and `PREFIX:` are prefixes.
        #expect(try readTurtle("@prefix true: <http://t/> . @prefix a: <http://a/> . true:s a a:b .").map(\.triple)
                == [Triple(IRI("http://t/s"), RDF.type, .iri(IRI("http://a/b")))])
    }

    @Test func blankNodesAndCollections() throws {
        let text = """
        @prefix : <http://ex.org/> .
        [] :p [ :q "x" ; :r [] ] .
        ( :a ( ) ( :b ) ) :p () .
        _:g1 :p _:_g1 .
        [ :p :o ] .
        """
        let e = Self.e, b = Self.b
        #expect(try readTurtle(text).map(\.triple) == [
            Triple(b("_g2"), Self.ex("q"), Self.lit("x")),
            Triple(b("_g2"), Self.ex("r"), b("_g3")),
            Triple(b("_g1"), Self.ex("p"), b("_g2")),
            Triple(b("_g4"), Self.first, e("a")),
            Triple(b("_g4"), Self.rest, b("_g5")),
            Triple(b("_g5"), Self.first, Self.nilList),
            Triple(b("_g7"), Self.first, e("b")),
            Triple(b("_g7"), Self.rest, Self.nilList),
            Triple(b("_g5"), Self.rest, b("_g6")),
            Triple(b("_g6"), Self.first, b("_g7")),
            Triple(b("_g6"), Self.rest, Self.nilList),
            Triple(b("_g4"), Self.ex("p"), Self.nilList),
            // A document's own labels never meet generated ones.
            Triple(b("g1"), Self.ex("p"), b("__g1")),
            Triple(b("_g8"), Self.ex("p"), e("o")),
        ])
    }

    @Test func rdf12TripleTermsReifiersAndAnnotations() throws {
        let text = """
        @prefix : <http://ex.org/> .
        :s :p <<( :a :b <<( [] :c "d"@en--ltr )>> )>> .
        << :a :b :c >> :p :o .
        :s :p << :a :b :c ~ :r >> .
        :s :p :o ~ :r1 {| :q 1 |} {| :q 2 |} , :o2 ~ .
        """
        let e = Self.e, b = Self.b
        let abc = Term.tripleTerm(Triple(e("a"), Self.ex("b"), e("c")))
        #expect(try readTurtle(text).map(\.triple) == [
            Triple(e("s"), Self.ex("p"), .tripleTerm(Triple(e("a"), Self.ex("b"),
                                                              .tripleTerm(Triple(b("_g1"), Self.ex("c"), .literal(Literal("d", language: "en", direction: "ltr"))))))),
            Triple(b("_g2"), RDF.reifies, abc),
            Triple(b("_g2"), Self.ex("p"), e("o")),
            Triple(e("r"), RDF.reifies, abc),
            Triple(e("s"), Self.ex("p"), e("r")),
            Triple(e("s"), Self.ex("p"), e("o")),
            Triple(e("r1"), RDF.reifies, .tripleTerm(Triple(e("s"), Self.ex("p"), e("o")))),
            Triple(e("r1"), Self.ex("q"), Self.lit("1", XSD.integer)),
            Triple(b("_g3"), RDF.reifies, .tripleTerm(Triple(e("s"), Self.ex("p"), e("o")))),
            Triple(b("_g3"), Self.ex("q"), Self.lit("2", XSD.integer)),
            Triple(e("s"), Self.ex("p"), e("o2")),
            Triple(b("_g4"), RDF.reifies, .tripleTerm(Triple(e("s"), Self.ex("p"), e("o2")))),
        ])
    }

    @Test func baseResolution() throws {
        let text = """
        <a> <#p> <../c?q#f> .
        @base <http://ex.org/x/y/> .
        <a> <#p> <../c> .
        BASE <../z/>
        @prefix r: <rel/> .
        <> r:p <//other/path> .
        """
        #expect(try readTurtle(text, base: "http://base.org/d/e").map(\.triple) == [
            Triple(IRI("http://base.org/d/a"), IRI("http://base.org/d/e#p"), .iri(IRI("http://base.org/c?q#f"))),
            Triple(IRI("http://ex.org/x/y/a"), IRI("http://ex.org/x/y/#p"), .iri(IRI("http://ex.org/x/c"))),
            Triple(IRI("http://ex.org/x/z/"), IRI("http://ex.org/x/z/rel/p"), .iri(IRI("http://other/path"))),
        ])
        // No base at all: relative IRIs are kept as written (the W3C manifests rely on this).
        #expect(try readTurtle("<> <#p> <a/../b> .").map(\.triple) == [Triple(IRI(""), IRI("#p"), .iri(IRI("a/../b")))])
        // Absolute IRIs are never normalized.
        #expect(try readTurtle("<http://a/b/../c> <http://a/p> <HTTP://A/%7e> .", base: "http://x/").map(\.subject) == [.iri(IRI("http://a/b/../c"))])
    }

    @Test func trig() throws {
        let text = """
        @prefix : <http://ex.org/> .
        :g { :s :p :o . :s :p :o2 }
        { :s :p :d . }
        GRAPH _:h { [ :p :o ] :q :r }
        :s :p :top .
        """
        let e = Self.e
        #expect(try readTurtle(text, trig: true) == [
            Quad(e("s"), Self.ex("p"), e("o"), graph: e("g")),
            Quad(e("s"), Self.ex("p"), e("o2"), graph: e("g")),
            Quad(e("s"), Self.ex("p"), e("d")),
            Quad(Self.b("_g1"), Self.ex("p"), e("o"), graph: Self.b("h")),
            Quad(Self.b("_g1"), Self.ex("q"), e("r"), graph: Self.b("h")),
            Quad(e("s"), Self.ex("p"), e("top")),
        ])
        #expect(turtleError("@prefix : <http://ex.org/> . :g { :h { :s :p :o } }", trig: true)
                == "x.ttl:1:38: expected a predicate (an IRI, a prefixed name or 'a')")
        #expect(turtleError("@prefix : <http://ex.org/> . { :s :p :o ", trig: true) == "x.ttl:1:41: expected '.' or '}' after the triples")
    }

    @Test func lineEndingsAndLongStrings() throws {
        let text = "@prefix : <http://ex.org/> .\r\n:s :p \"\"\"a\r\nb\rc\"\"\" ;\r\n   :q 'x' .\r\n"
        #expect(try readTurtle(text).map(\.object) == [Self.lit("a\r\nb\rc"), Self.lit("x")])
        // Lines inside long strings are counted.
        #expect(turtleError("<http://a> <http://b> \"\"\"one\ntwo\r\nthree\"\"\" <http://c> .")
                == "x.ttl:3:10: expected '.' at the end of the statement")
        #expect(turtleError("<http://a> <http://b> \"\"\"one\ntwo \\q\"\"\" .") == "x.ttl:2:5: invalid escape '\\q'")
        // An unclosed long string is reported where it opens.
        #expect(turtleError("\n<http://a> <http://b> '''one\ntwo\n") == "x.ttl:2:23: the string is not closed: expected a closing ''' before the end of the input")
    }

    @Test(arguments: [
        ("<http://a> undeclared:p <http://c> .", "x.ttl:1:12: the prefix 'undeclared:' is not declared"),
        ("\"x\" <http://b> <http://c> .", "x.ttl:1:1: a literal cannot be the subject of a triple"),
        ("1 <http://b> <http://c> .", "x.ttl:1:1: a literal cannot be the subject of a triple"),
        ("<http://a> _:b <http://c> .", "x.ttl:1:12: a blank node cannot be a predicate"),
        ("<http://a> <http://b> <http://c>", "x.ttl:1:33: expected '.' at the end of the statement"),
        ("<http://a> <http://b> <http://c>\n<http://a> <http://b> <http://c> .", "x.ttl:2:1: expected '.' at the end of the statement"),
        ("@prefix : <http://ex/> . :a%2 :p :o .", "x.ttl:1:28: '%' in a local name must be followed by two hexadecimal digits"),
        ("@prefix : <http://ex/> . :a\\x :p :o .", "x.ttl:1:28: invalid escape '\\x' in a local name"),
        ("@prefix : <http://ex/> . <<( :a :b :c )>> :p :o .", "x.ttl:1:26: a triple term cannot be the subject of a triple"),
        ("@prefix : <http://ex/> . :s :p <<( :a :b (1) )>> .", "x.ttl:1:42: a collection cannot be inside a triple term"),
        ("@prefix : <http://ex/> . :s :p <<( [ :x :y ] :b :c )>> .", "x.ttl:1:36: a blank node property list cannot be inside a triple term"),
        ("@prefix : <http://ex/> . :s :p <<( :a :b :c >> .", "x.ttl:1:45: expected ')>>' to close the triple term"),
        ("@prefix : <http://ex/> . :s :p << :a :b :c )>> .", "x.ttl:1:44: expected '>>' to close the reified triple"),
        ("@prefix : <http://ex/> . :s :p :o {| :q :r } .", "x.ttl:1:44: expected '|}' at the end of the annotation"),
        ("@prefix : <http://ex/> . :s :p \"x\"@en- .", "x.ttl:1:35: invalid language tag 'en-': a '-' must be followed by letters or digits"),
        ("@prefix : <http://ex/> . :s :p a .", "x.ttl:1:32: 'a' (rdf:type) can only be a predicate"),
        ("@prefix:<http://ex/>. :s :p \"x\" @en , \"1\"\n ^^ <http://www.w3.org/2001/XMLSchema#integer> .", nil),
        ("@prefix : <http://ex/> . :s :p \"x\"^^rdf:langString .", "x.ttl:1:37: the prefix 'rdf:' is not declared"),
        ("@prefix : <http://ex/> . :s :p \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
         "x.ttl:1:37: a literal of datatype rdf:langString needs a language tag: write \"...\"@tag, not ^^"),
        ("@prefix : <http://ex/> . :s :p \"x\"@cantbethislong .",
         "x.ttl:1:35: invalid language tag 'cantbethislong': the subtag 'cantbethislong' is longer than 8 characters"),
        ("@prefix : <http://ex/> . :s :p foo .", "x.ttl:1:32: 'foo' is neither a prefixed name (no ':') nor a keyword here"),
        ("{ <http://a> <http://b> <http://c> . }", "x.ttl:1:1: '{' starts a graph, which Turtle does not have (read this input as TriG)"),
        ("<http://a b> <http://b> <http://c> .", "x.ttl:1:10: a space is not allowed in an IRI"),
        ("@prefix : <http://ex/>\n:s :p :o .", "x.ttl:2:1: expected '.' at the end of the statement"),
        ("PREFIX : <http://ex/> .\n:s :p :o .", "x.ttl:1:23: expected a subject (an IRI, a prefixed name, a blank node or a collection)"),
        ("@prefx : <http://ex/> .", "x.ttl:1:1: unknown directive: expected @prefix, @base or @version"),
        ("@prefix x <http://ex/> .", "x.ttl:1:10: expected a prefix name ending in ':'"),
        ("@prefix : <http://ex/> . :s :p [ :q :r .", "x.ttl:1:40: expected ']' at the end of the blank node property list"),
        ("@prefix : <http://ex/> . :s :p ( :a :b", "x.ttl:1:39: expected ')' at the end of the collection"),
        ("<http://a> <http://b> \"x\\q\" .", "x.ttl:1:25: invalid escape '\\q'"),
        ("<http://a> <http://b> \"x\ny\" .", "x.ttl:1:25: expected '\"' before the end of the line (a line break in a string is written \\n)"),
        ("<http://a> <http://b> \"x\"^^\"y\" .", "x.ttl:1:28: expected a datatype IRI after '^^'"),
        ("<http://a> <http://b> \"x\"@en--sideways .", "x.ttl:1:29: invalid base direction '--sideways': expected --ltr or --rtl"),
        ("<http://a> <http://b> + .", "x.ttl:1:23: expected an object (an IRI, a prefixed name, a blank node, a collection, a literal or a triple term)"),
        ("<http://a> <http://b> <\\u0020> .", "x.ttl:1:24: the escape \\u0020 stands for a space, which no IRI may contain"),
        ("@prefix : <http://ex/> . :s :p :o ; ; .", nil),
        ("@prefix : <http://ex/> . [ :p :o ; ] .", nil),
    ] as [(String, String?)])
    func errors(_ input: String, _ message: String?) {
        #expect(turtleError(input) == message)
    }

    @Test func nestingIsBounded() throws {
        let ok = "<http://a> <http://b> " + String(repeating: "(", count: 256) + String(repeating: ")", count: 256) + " ."
        #expect(try readTurtle(ok).count == 2 * 255 + 1)
        let deep = "<http://a> <http://b> " + String(repeating: "[ <http://p> ", count: 100_000) + "."
        #expect(turtleError(deep) == "x.ttl:1:3351: terms are nested more than 256 levels deep")
        let tt = "<http://a> <http://b> " + String(repeating: "<<( <http://s> <http://p> ", count: 300)
        #expect(turtleError(tt) == "x.ttl:1:6679: terms are nested more than 256 levels deep")
    }

    @Test func roundTripOfHostileTriples() throws {
        for seed in UInt64(1)...20 {
            let triples = Hostile.triples(seed: seed, count: 50)
            var prefixes = PrefixMap.standard
            prefixes.add(prefix: "ex", namespace: "https://ex.org/")
            let text = try turtle(triples, prefixes: prefixes)
            let back = try readTurtle(text).map(\.triple)
            #expect(back == triples, "seed \(seed)")
        }
    }

    @Test func sortedTriplesRoundTripThroughGrouping() throws {
        let triples = Hostile.triples(seed: 99, count: 300).sorted()
        #expect(try readTurtle(try turtle(triples)).map(\.triple) == triples)
    }

    @Test func theExportReadsBackAsTheSameGraphAsItsNTriples() throws {
        let ttl = try #require(repositoryFile("Output/graph.ttl"))
        let nt = try #require(repositoryFile("Output/graph.nt"))
        let fromTurtle = try TurtleReader(options: ReaderOptions(path: "Output/graph.ttl")).quads(ttl).map(\.triple)
        let fromNTriples = try NTriplesReader(options: ReaderOptions(path: "Output/graph.nt")).quads(nt).map(\.triple)
        #expect(fromTurtle.count == fromNTriples.count)
        #expect(Set(fromTurtle) == Set(fromNTriples))
    }
}
