import Testing
import ProseGraphFormats

@Suite struct IRIResolverTests {
    static let base = "http://a/b/c/d;p?q"

    /// RFC 3986 section 5.4.1, every normal example.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
    ])
    func normalExamples(_ relative: String, _ expected: String) {
        #expect(IRIResolver.resolve(relative, against: Self.base) == expected)
    }

    /// RFC 3986 section 5.4.2, every abnormal example (strict parser).
    @Test(arguments: [
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"), ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
        ("http:g", "http:g"),
    ])
    func abnormalExamples(_ relative: String, _ expected: String) {
        #expect(IRIResolver.resolve(relative, against: Self.base) == expected)
    }

    /// RFC 3986 section 5.2.4's two worked examples.
    @Test func removeDotSegments() {
        #expect(IRIResolver.removeDotSegments("/a/b/c/./../../g") == "/a/g")
        #expect(IRIResolver.removeDotSegments("mid/content=5/../6") == "mid/6")
        #expect(IRIResolver.removeDotSegments("") == "")
        #expect(IRIResolver.removeDotSegments("/..") == "/")
        #expect(IRIResolver.removeDotSegments("../a/./b/..") == "a/")
    }

    @Test func basesOfOtherShapes() {
        // An authority with an empty path: the merge adds the '/'.
        #expect(IRIResolver.resolve("g", against: "http://a") == "http://a/g")
        #expect(IRIResolver.resolve("", against: "http://a") == "http://a")
        #expect(IRIResolver.resolve("?q", against: "http://a") == "http://a?q")
        // No authority (a URN, a file path).
        #expect(IRIResolver.resolve("g", against: "urn:isbn:123") == "urn:g")
        #expect(IRIResolver.resolve("#frag", against: "urn:isbn:123") == "urn:isbn:123#frag")
        #expect(IRIResolver.resolve("../x.rdf", against: "file:///work/tests/a/b.rdf") == "file:///work/tests/x.rdf")
        // The base's fragment never survives; its query does only for an empty path.
        #expect(IRIResolver.resolve("", against: "http://a/b?q#f") == "http://a/b?q")
        #expect(IRIResolver.resolve("#g", against: "http://a/b?q#f") == "http://a/b?q#g")
        #expect(IRIResolver.resolve("c", against: "http://a/b?q#f") == "http://a/c")
        // A reference with a scheme: only its dot segments go.
        #expect(IRIResolver.resolve("https://x/y/../z", against: "http://a/b") == "https://x/z")
        // Non-ASCII characters pass through.
        #expect(IRIResolver.resolve("東京/../é#𝄞", against: "http://a/b/c") == "http://a/b/é#𝄞")
        // A colon after a character no scheme has: a path, not a scheme.
        #expect(IRIResolver.resolve("./a b:c", against: "http://a/b/") == "http://a/b/a b:c")
        #expect(IRIResolver.resolve("1a:b", against: "http://a/b/") == "http://a/b/1a:b")
    }

    @Test func noBaseNoResolution() {
        #expect(IRIResolver.resolve("g", against: "/relative/base") == nil)
        #expect(IRIResolver.resolve("g", against: "") == nil)
        #expect(IRIResolver.resolve("http://x/g", against: "") == "http://x/g")
        #expect(IRIResolver.isAbsolute("mailto:a@b"))
        #expect(!IRIResolver.isAbsolute("#x"))
        #expect(IRIResolver.scheme(of: "HTTP+x.y-z:rest") == "HTTP+x.y-z")
    }
}
