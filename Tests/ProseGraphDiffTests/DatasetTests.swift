import Testing
import ProseGraphDiff
import ProseGraphModel

@Test func datasetDropsDuplicatesAndFindsBlankNodes() {
    let p = IRI("https://ex.org/p")
    let inner = Triple(.blank(BlankNode("c")), p, .literal(Literal("x")))
    let d = Dataset([
        Quad(.blank(BlankNode("a")), p, .iri(IRI("https://ex.org/o"))),
        Quad(.blank(BlankNode("a")), p, .iri(IRI("https://ex.org/o"))),
        Quad(.iri(IRI("https://ex.org/s")), p, .tripleTerm(inner), graph: .blank(BlankNode("g"))),
    ])
    #expect(d.count == 2)
    #expect(d.blankNodes == [BlankNode("a"), BlankNode("c"), BlankNode("g")])
}
