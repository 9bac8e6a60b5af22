import Testing
import ProseGraphFormats
import ProseGraphModel
import ProseGraphXML
#if canImport(Glibc)
import Glibc
#endif

@Test func probeDump() throws {
    var g = KnowledgeGraph()
    g.add(document: SourceDocument(id: "d", title: "D", path: "d.txt"))
    let o = g.add(entity: Entity(type: .organization, label: "Fish & Chips <\"Ltd\"> ]]> 𝄞"))
    let p = g.add(entity: Entity(type: .person, label: "محمود عباس"))
    let c = g.add(entity: Entity(type: .city, label: "東京"))
    let q = g.add(entity: Entity(type: .person, label: "Seán O’Neill"))
    let ev = "He said \"no\" <b>&amp;</b> ]]> 𝄞\nשלום\r\ttab — محمود"
    let m = Mention(date: FactDate(year: 2023, month: 4, day: 25), provenance: Provenance(documentID: "d", sentence: ev, start: 0, end: 40), rule: "r", confidence: 0.5)
    g.add(fact: Fact(subject: p, predicate: "visited", object: .entity(c), mentions: [m]))
    g.add(fact: Fact(subject: p, predicate: "holdsPosition", object: .literal("Chargé d'Affaires"), mentions: [m]))
    g.add(fact: Fact(subject: q, predicate: "holdsPosition", object: .literal("Ambassador"), mentions: [m]))
    g.add(fact: Fact(subject: q, predicate: "holdsPosition", object: .literal("ambassador"), mentions: [m]))
    g.add(fact: Fact(subject: p, predicate: "memberOf", object: .entity(o), mentions: [m]))
    let pg = PropertyGraph(graph: g)
    let sink = MemorySink()
    var w = GraphMLWriter(sink: sink)
    try w.write(pg)
    try w.finish()
    let fd = open("/tmp/gmlprobe/hostile.graphml", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    _ = sink.bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}
