import Testing
import ProseGraphDiff
import ProseGraphModel

@Suite struct IsomorphismTests {
    static let p = IRI("http://ex.org/p"), q = IRI("http://ex.org/q")
    static func b(_ s: String) -> Term { .blank(BlankNode(s)) }
    static func e(_ s: String) -> Term { .iri(IRI("http://ex.org/" + s)) }

    @Test func renamedBlankNodesAreIsomorphic() {
        let a = [Quad(Self.b("x"), Self.p, Self.b("y")), Quad(Self.b("y"), Self.q, Self.e("o")), Quad(Self.e("s"), Self.p, Self.b("x"))]
        let c = [Quad(Self.b("1"), Self.p, Self.b("2")), Quad(Self.b("2"), Self.q, Self.e("o")), Quad(Self.e("s"), Self.p, Self.b("1"))]
        #expect(Isomorphism.mapping(from: a, to: c) == [BlankNode("x"): BlankNode("1"), BlankNode("y"): BlankNode("2")])
    }

    @Test func sameShapeCountsButDifferentStructureAreNot() {
        // A cycle of three against a cycle of two plus a loop: same sizes, same degrees.
        let cycle = [Quad(Self.b("a"), Self.p, Self.b("b")), Quad(Self.b("b"), Self.p, Self.b("c")), Quad(Self.b("c"), Self.p, Self.b("a"))]
        let split = [Quad(Self.b("a"), Self.p, Self.b("b")), Quad(Self.b("b"), Self.p, Self.b("a")), Quad(Self.b("c"), Self.p, Self.b("c"))]
        #expect(!Isomorphism.isIsomorphic(cycle, split))
        #expect(Isomorphism.isIsomorphic(cycle, cycle.reversed()))
    }

    @Test func groundDifferencesAndSizesCount() {
        #expect(!Isomorphism.isIsomorphic([Quad(Self.e("s"), Self.p, Self.e("o"))], [Quad(Self.e("s"), Self.p, Self.e("x"))]))
        #expect(!Isomorphism.isIsomorphic([Quad(Self.b("s"), Self.p, Self.e("o"))], []))
        #expect(!Isomorphism.isIsomorphic([Quad(Self.b("s"), Self.p, Self.b("s"))], [Quad(Self.b("s"), Self.p, Self.b("t"))]))
        #expect(Isomorphism.isIsomorphic([Quad](), []))
    }

    @Test func blankNodesInsideTripleTermsAreMapped() {
        let tt = { (x: String) in Term.tripleTerm(Triple(Self.b(x), Self.p, Self.e("o"))) }
        let a = [Quad(Self.b("r"), RDF.reifies, tt("s")), Quad(Self.b("s"), Self.q, Self.e("v"))]
        let c = [Quad(Self.b("1"), RDF.reifies, tt("2")), Quad(Self.b("2"), Self.q, Self.e("v"))]
        let wrong = [Quad(Self.b("1"), RDF.reifies, tt("2")), Quad(Self.b("3"), Self.q, Self.e("v"))]
        #expect(Isomorphism.isIsomorphic(a, c))
        #expect(!Isomorphism.isIsomorphic(a, wrong))
    }
}
