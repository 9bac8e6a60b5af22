import Testing
import ProseGraphFormats
import ProseGraphModel

@Test func probe() throws {
    let sink = MemorySink()
    var w = try RDFXMLWriter(sink: sink)
    for t in RDFFixture.small { try w.write(t) }
    try w.write(Triple(RDFFixture.s, RDFFixture.p, .literal(Literal(RDFFixture.hostile))))
    try w.write(Triple(RDFFixture.s, IRI("https://ex.org/other/q1"), .literal(Literal(""))))
    try w.write(Triple(RDFFixture.s, IRI("https://ex.org/other/q1"), .literal(Literal("", datatype: XSD.integer))))
    try w.finish()
    print(sink.string)
    let t = MemorySink()
    var tw = try TurtleWriter(sink: t)
    for x in RDFFixture.small { try tw.write(x) }
    try tw.finish()
    print(t.string)
}
