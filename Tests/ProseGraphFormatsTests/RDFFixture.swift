import ProseGraphFormats
import ProseGraphModel

/// A small graph every RDF writer test writes: rdf:type, a plain, a
/// language-tagged and a typed literal, two objects of one predicate, an IRI
/// object and a blank node (sorted, as the exporter hands triples over).
enum RDFFixture {
    static let abbas = IRI("https://ex.org/id/person/abbas")
    static let belgium = IRI("https://ex.org/id/country/belgium")
    static let s = IRI("https://ex.org/s")
    static let p = IRI("https://ex.org/p")

    static let small: [Triple] = [
        Triple(abbas, RDF.type, .iri(PG.term("Person"))),
        Triple(abbas, RDFS.label, .literal(Literal("Mahmoud Abbas"))),
        Triple(abbas, RDFS.label, .literal(Literal("محمود عباس", language: "ar"))),
        Triple(abbas, PG.term("holdsPosition"), .literal(Literal("Chairman"))),
        Triple(abbas, PG.term("holdsPosition"), .literal(Literal("President"))),
        Triple(abbas, PG.term("visited"), .iri(belgium)),
        Triple(.blank(BlankNode("b0")), RDF.subject, .iri(abbas)),
        Triple(.blank(BlankNode("b0")), PG.date, .literal(Literal("2015-02", datatype: XSD.gYearMonth))),
    ].sorted()

    /// Quotes, markup, `]]>`, a non-BMP character, right-to-left text, line
    /// breaks and tabs: what evidence sentences carry.
    static let hostile = "say \"hi\"\\ <&> ]]> 'x'\nline\ttab\r\n 𝄞 مرحبا"
}
