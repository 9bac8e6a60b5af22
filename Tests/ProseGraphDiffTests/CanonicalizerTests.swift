import Testing
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel

// MARK: - SHA-2

private func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// FIPS 180-4 / NIST CSHA examples: empty, "abc", the 448-bit and 896-bit messages, a million "a".
private let message448 = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
private let message896 = Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
    + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8)
private let millionA = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)

@Test func sha256Vectors() {
    #expect(hexString(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(hexString(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(hexString(SHA256.hash(message448)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(hexString(SHA256.hash(message896)) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    #expect(hexString(SHA256.hash(millionA)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

@Test func sha384Vectors() {
    #expect(hexString(SHA384.hash([])) == "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
    #expect(hexString(SHA384.hash(Array("abc".utf8))) == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
    #expect(hexString(SHA384.hash(message448)) == "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b")
    #expect(hexString(SHA384.hash(message896)) == "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039")
    #expect(hexString(SHA384.hash(millionA)) == "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985")
}

@Test func sha512Vectors() {
    #expect(hexString(SHA512.hash([])) == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
    #expect(hexString(SHA512.hash(Array("abc".utf8))) == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
    #expect(hexString(SHA512.hash(message896)) == "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
    #expect(hexString(SHA512.hash(millionA)) == "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b")
}

/// Every padding case (0 to 299 bytes crosses the 55/56 and 111/112 byte
/// boundaries more than once): the digest of the digests of "x" * i, i < 300,
/// against Python's hashlib.
@Test func sha2PaddingBoundaries() {
    var chain256 = SHA256(), chain384 = SHA384(), chain512 = SHA512()
    for i in 0..<300 {
        let m = [UInt8](repeating: UInt8(ascii: "x"), count: i)
        chain256.update(SHA256.hash(m))
        chain384.update(SHA384.hash(m))
        chain512.update(SHA512.hash(m))
    }
    #expect(hexString(chain256.finalize()) == "3068c8c08e804c2be19cb16d8f13fb8cbdff841c789d00ce28ded624674b6d55")
    #expect(hexString(chain384.finalize()) == "13134c5e36a5f5854dbca3cf03ca05b3c099471e68e35537f8e6f002c68572307d0ed634ed467d87c9b99bc39fdf2f34")
    #expect(hexString(chain512.finalize()) == "0a6a4d91c9c127e3ffd49e748cac6b599e1ce1039f1d92bdcdce57e91acc2b7d13aa0183989b5e7fdc7a2b84a968d350d022db27b68c0b4fa2d71fdb45537c00")
}

@Test func sha2IncrementalEqualsOneShot() {
    let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    for chunk in [1, 3, 63, 64, 65, 127, 128, 129, 500] {
        var a = SHA256(), b = SHA384()
        var i = 0
        while i < data.count {
            let piece = Array(data[i..<min(i + chunk, data.count)])
            a.update(piece)
            b.update(piece)
            i += chunk
        }
        #expect(a.finalize() == SHA256.hash(data), "chunk \(chunk)")
        #expect(b.finalize() == SHA384.hash(data), "chunk \(chunk)")
    }
    #expect(HashAlgorithm.sha384.hexDigest(Array("abc".utf8)).hasPrefix("cb00753f45a35e8b"))
    #expect(HashAlgorithm.sha256.digestLength == 32 && HashAlgorithm.sha384.digestLength == 48)
}

// MARK: - Canonicalization

private let ex = "urn:ex:"
private func b(_ id: String) -> Term { .blank(BlankNode(id)) }
private func i(_ local: String) -> IRI { IRI(ex + local) }

/// Blank nodes told apart by their first-degree hashes alone (no N-degree work).
private func tinyDataset(_ x: String, _ y: String, _ g: String) -> [Quad] {
    [
        Quad(b(x), i("knows"), b(y)),
        Quad(b(y), i("knows"), b(x)),
        Quad(b(x), i("name"), .literal(Literal("Alice\n\"A\"", language: "en"))),
        Quad(b(y), i("name"), .literal(Literal("Bob")), graph: .iri(i("g"))),
        Quad(.iri(i("doc")), i("about"), b(x), graph: b(g)),
        Quad(b(g), i("p"), .literal(Literal("1", datatype: IRI("http://www.w3.org/2001/XMLSchema#integer")))),
    ]
}

/// A 3-cycle and a 2-cycle whose nodes share first-degree hashes: needs Hash N-Degree Quads.
private func symmetricDataset(_ l: [String]) -> [Quad] {
    [
        Quad(b(l[0]), i("next"), b(l[1])),
        Quad(b(l[1]), i("next"), b(l[2])),
        Quad(b(l[2]), i("next"), b(l[0])),
        Quad(b(l[3]), i("next"), b(l[4])),
        Quad(b(l[4]), i("next"), b(l[3])),
        Quad(b(l[0]), i("label"), .literal(Literal("same"))),
        Quad(b(l[3]), i("label"), .literal(Literal("same"))),
    ]
}

/// Every ordered pair of `n` blank nodes linked: the suite's poison graph (test074) shape.
private func clique(_ n: Int) -> [Quad] {
    var quads: [Quad] = []
    for s in 0..<n {
        for o in 0..<n { quads.append(Quad(b("n\(s)"), i("p"), b("n\(o)"))) }
    }
    return quads
}

// Expected outputs below were checked with pyld 3.3.0 (URDNA2015 = RDFC-1.0 with SHA-256).

@Test func tinyDatasetCanonicalForm() throws {
    let r = try Canonicalizer().canonicalize(tinyDataset("x", "y", "g"))
    #expect(r.nquads == """
        <urn:ex:doc> <urn:ex:about> _:c14n0 _:c14n2 .
        _:c14n0 <urn:ex:knows> _:c14n1 .
        _:c14n0 <urn:ex:name> "Alice\\n\\"A\\""@en .
        _:c14n1 <urn:ex:knows> _:c14n0 .
        _:c14n1 <urn:ex:name> "Bob" <urn:ex:g> .
        _:c14n2 <urn:ex:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .

        """)
    #expect(r.issuedIdentifiers == ["x": "c14n0", "y": "c14n1", "g": "c14n2"])
    #expect(r.nDegreeCalls == 0)
    #expect(r.quads.count == 6)
    #expect(r.quads.first == Quad(.iri(i("doc")), i("about"), b("c14n0"), graph: b("c14n2")))
    #expect(try Canonicalizer.canonicalNQuads(r.quads) == r.nquads)
}

@Test func symmetricDatasetCanonicalForm() throws {
    let r = try Canonicalizer().canonicalize(symmetricDataset(["a", "b", "c", "d", "e"]))
    #expect(r.nquads == """
        _:c14n0 <urn:ex:next> _:c14n1 .
        _:c14n1 <urn:ex:label> "same" .
        _:c14n1 <urn:ex:next> _:c14n0 .
        _:c14n2 <urn:ex:next> _:c14n4 .
        _:c14n3 <urn:ex:next> _:c14n2 .
        _:c14n4 <urn:ex:label> "same" .
        _:c14n4 <urn:ex:next> _:c14n3 .

        """)
    #expect(r.nDegreeCalls > 0)
}

@Test func blankNodeLabelsDoNotMatter() throws {
    let c = Canonicalizer()
    let one = try c.canonicalize(tinyDataset("x", "y", "g"))
    let two = try c.canonicalize(Dataset(tinyDataset("other", "b0", "c14n0")))
    #expect(one.nquads == two.nquads)
    #expect(two.issuedIdentifiers == ["other": "c14n0", "b0": "c14n1", "c14n0": "c14n2"])

    let sym1 = try c.canonicalize(symmetricDataset(["a", "b", "c", "d", "e"]))
    let sym2 = try c.canonicalize(Array(symmetricDataset(["q5", "q4", "q3", "q2", "q1"]).reversed()))
    #expect(sym1.nquads == sym2.nquads)

    let sha384 = Canonicalizer(hashAlgorithm: .sha384)
    #expect(try sha384.canonicalize(symmetricDataset(["a", "b", "c", "d", "e"])).nquads
        == sha384.canonicalize(Dataset(symmetricDataset(["v", "w", "x", "y", "z"]))).nquads)
}

@Test func duplicatesAndGroundQuads() throws {
    let q = Quad(.iri(i("s")), i("p"), .literal(Literal("tab\there \u{7F}")))
    let r = try Canonicalizer().canonicalize([q, q])
    #expect(r.nquads == "<urn:ex:s> <urn:ex:p> \"tab\\there \\u007F\" .\n")
    #expect(r.issuedIdentifiers.isEmpty)
    #expect(try Canonicalizer().canonicalize(Dataset()).nquads == "")
}

@Test func canonicalNQuadsSortsDeduplicatesAndEscapes() throws {
    let quads = [
        Quad(b("z"), i("p"), .literal(Literal("\u{0}\u{8}\u{C}é"))),
        Quad(.iri(i("s")), i("p"), .iri(i("o")), graph: .iri(i("g"))),
        Quad(.iri(i("s")), i("p"), .iri(i("o")), graph: .iri(i("g"))),
    ]
    #expect(try Canonicalizer.canonicalNQuads(quads) == """
        <urn:ex:s> <urn:ex:p> <urn:ex:o> <urn:ex:g> .
        _:z <urn:ex:p> "\\u0000\\b\\fé" .

        """)
    #expect(throws: SerializationError.self) { try Canonicalizer.canonicalNQuads([Quad(.iri(IRI("urn:a b")), i("p"), .iri(i("o")))]) }
}

@Test func blankNodesInTripleTerms() throws {
    let p = i("p")
    let one = [Quad(b("s"), p, .tripleTerm(Triple(b("t"), p, .literal(Literal("x")))))]
    let two = [Quad(b("k"), p, .tripleTerm(Triple(b("j"), p, .literal(Literal("x")))))]
    let r = try Canonicalizer().canonicalize(one)
    #expect(r.nquads == (try Canonicalizer().canonicalize(two)).nquads)
    #expect(Set(r.issuedIdentifiers.values) == ["c14n0", "c14n1"])
    #expect(r.nquads.contains("<<( _:c14n"))
}

@Test func poisonGraphHitsTheLimit() {
    let limited = Canonicalizer(maxNDegreeCalls: 50)
    #expect(limited.nDegreeCallLimit(sharedBlankNodes: 6) == 50)
    do {
        _ = try limited.canonicalize(clique(6))
        Issue.record("a 6-clique canonicalized within 50 N-degree calls")
    } catch {
        #expect(error as? CanonicalizationError == .tooComplex(limit: 50, sharedBlankNodes: 6))
        #expect("\(error)" == "RDFC-1.0: gave up after 50 Hash N-Degree Quads calls, the limit for 6 blank nodes "
            + "with shared first-degree hashes: the dataset is too symmetric to canonicalize in reasonable time "
            + "(a poison graph?); raise Canonicalizer.maxWorkFactor or maxNDegreeCalls to go on")
    }
    // The default limit stops the suite's 10-node clique too.
    #expect(throws: CanonicalizationError.tooComplex(limit: Canonicalizer.minimumNDegreeCalls, sharedBlankNodes: 10)) {
        try Canonicalizer().canonicalize(clique(10))
    }
    // Small symmetric graphs stay well within it.
    #expect((try? Canonicalizer().canonicalize(clique(3))) != nil)
}

@Test func defaultLimitGrowsWithTheWorkFactor() {
    let c = Canonicalizer()
    #expect(c.nDegreeCallLimit(sharedBlankNodes: 0) == Canonicalizer.minimumNDegreeCalls)
    #expect(c.nDegreeCallLimit(sharedBlankNodes: 10) == Canonicalizer.minimumNDegreeCalls)
    #expect(c.nDegreeCallLimit(sharedBlankNodes: 1000) == 4_000_000)
    #expect(Canonicalizer(maxWorkFactor: 3).nDegreeCallLimit(sharedBlankNodes: 100) == 4_000_000)
    #expect(Canonicalizer(maxWorkFactor: 0).nDegreeCallLimit(sharedBlankNodes: 100) == Canonicalizer.minimumNDegreeCalls)
    #expect(Canonicalizer(maxWorkFactor: 40).nDegreeCallLimit(sharedBlankNodes: 1000) == Int.max)
}

// MARK: - Size

/// 10,000 quads, 1,000 blank nodes, shaped like the exports: 800 distinct
/// fact records (10 quads each), 50 pairs of identical records (first-degree
/// hashes shared, so Hash N-Degree Quads runs), an RDF list of 100 equal
/// items (a chain of alike blank nodes: about n² N-degree calls), and ground
/// quads to make up the 10,000. Prints the time (debug builds are ~10x slower).
private func exportLikeDataset(label: (Int) -> String) -> [Quad] {
    let rdfType = IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    let first = IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
    let rest = IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
    let int = IRI("http://www.w3.org/2001/XMLSchema#integer")
    var quads: [Quad] = []
    func record(_ node: Int, _ content: Int) {
        let n = b(label(node))
        quads += [
            Quad(n, rdfType, .iri(i("Fact"))),
            Quad(n, i("subject"), .iri(i("country\(content % 97)"))),
            Quad(n, i("predicate"), .iri(i("visited"))),
            Quad(n, i("object"), .iri(i("country\(content % 89)"))),
            Quad(n, i("date"), .literal(Literal("20\(10 + content % 15)-0\(1 + content % 9)"))),
            Quad(n, i("sentence"), .literal(Literal("Sentence \(content) of the article, with \"quotes\".", language: "en"))),
            Quad(n, i("start"), .literal(Literal("\(content * 37)", datatype: int))),
            Quad(n, i("end"), .literal(Literal("\(content * 37 + 80)", datatype: int))),
            Quad(n, i("rule"), .literal(Literal("rule-\(content % 24)"))),
            Quad(n, i("source"), .iri(i("article\(content % 40)")), graph: .iri(i("provenance"))),
        ]
    }
    for k in 0..<800 { record(k, k) }
    for k in 0..<100 { record(800 + k, 10_000 + k / 2) }
    for k in 0..<100 {
        quads.append(Quad(b(label(900 + k)), first, .literal(Literal("same"))))
        quads.append(Quad(b(label(900 + k)), rest, k == 99 ? .iri(IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil")) : b(label(901 + k))))
    }
    quads.append(Quad(.iri(i("list")), i("items"), b(label(900))))
    var g = 0
    while quads.count < 10_000 {
        quads.append(Quad(.iri(i("entity\(g % 500)")), i("label"), .literal(Literal("Name \(g)"))))
        g += 1
    }
    return quads
}

@Test func tenThousandQuadsThousandBlankNodes() throws {
    let quads = exportLikeDataset { "n\($0)" }
    let relabeled = exportLikeDataset { "x\(($0 * 7919) % 1000)" }.reversed()
    #expect(quads.count == 10_000)
    #expect(Dataset(quads).blankNodes.count == 1000)
    let clock = ContinuousClock()
    var result: CanonicalResult?
    let elapsed = try clock.measure { result = try Canonicalizer().canonicalize(quads) }
    let other = try Canonicalizer().canonicalize(Array(relabeled))
    print("canonicalize 10,000 quads, 1,000 blank nodes: \(elapsed), \(result?.nDegreeCalls ?? 0) N-degree calls")
    #expect(result?.nquads == other.nquads)
    #expect(result?.issuedIdentifiers.count == 1000)
}
