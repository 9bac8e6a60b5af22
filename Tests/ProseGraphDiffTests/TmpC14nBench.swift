import Testing
import ProseGraphDiff
import ProseGraphModel

@Test func tmpC14nBench() throws {
    let first = IRI("urn:first"), rest = IRI("urn:rest")
    for n in [300, 1000] {
        var quads: [Quad] = []
        for k in 0..<n {
            quads.append(Quad(.blank(BlankNode("l\(k)")), first, .literal(Literal("same"))))
            quads.append(Quad(.blank(BlankNode("l\(k)")), rest, k == n - 1 ? .iri(IRI("urn:nil")) : .blank(BlankNode("l\(k + 1)"))))
        }
        let clock = ContinuousClock()
        do {
            var calls = 0
            let t = try clock.measure { calls = try Canonicalizer().canonicalize(quads).nDegreeCalls }
            print("BENCH list \(n): \(t) \(calls) calls")
        } catch { print("BENCH list \(n): \(error)") }
    }
    var unique: [Quad] = []
    for k in 0..<1000 { for j in 0..<10 { unique.append(Quad(.blank(BlankNode("u\(k)")), IRI("urn:p\(j)"), .literal(Literal("v\(k)-\(j)")))) } }
    let clock = ContinuousClock()
    let t = try clock.measure { _ = try Canonicalizer().canonicalize(unique) }
    print("BENCH unique 10k/1k: \(t)")
}
