import Testing
import ProseGraphModel
import ProseGraphValidation

private let auckland = Term.iri(IRI("https://prosegraph.org/id/city/auckland"))
private let statement = Term.iri(IRI("https://prosegraph.org/id/statement/01"))

private let report = ValidationReport(results: [
    ValidationResult(focusNode: statement, resultPath: .iri(PG.confidence),
                     value: .literal(Literal("1.5", datatype: XSD.decimal)),
                     sourceShape: .iri(IRI("https://prosegraph.org/shapes#StatementShape-confidence-value")),
                     sourceConstraintComponent: SH.term("MaxInclusiveConstraintComponent"),
                     messages: [Literal("A statement's pg:confidence must be from 0 to 1.")]),
    ValidationResult(focusNode: auckland, resultPath: .iri(RDFS.label),
                     sourceShape: .iri(IRI("https://prosegraph.org/shapes#EntityShape-label-count")),
                     sourceConstraintComponent: SH.term("MaxCountConstraintComponent"),
                     messages: [Literal("An entity must have exactly one rdfs:label.")]),
])

private let data = [
    Quad(auckland, RDF.type, .iri(PG.term("City"))),
    Quad(auckland, RDFS.label, .literal(Literal("Auckland"))),
    Quad(auckland, RDFS.label, .literal(Literal("Auckland City"))),
]

private let nTriples = Array("""
    <https://prosegraph.org/id/city/auckland> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://prosegraph.org/ontology#City> .
    <https://prosegraph.org/id/city/auckland> <http://www.w3.org/2000/01/rdf-schema#label> "Auckland" .

    _:b0 <http://www.w3.org/2000/01/rdf-schema#label> "x" .
    <https://prosegraph.org/id/statement/01> <https://prosegraph.org/ontology#confidence> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .

    """.utf8)

@Test func nTriplesSubjectsAreFoundOnTheirFirstLine() {
    #expect(SubjectLines.nTriples(nTriples) == [auckland: 1, .blank(BlankNode("b0")): 4, statement: 5])
}

@Test func turtleSubjectsAreFoundWithTheirPrefixes() {
    let turtle = Array("""
        @prefix pg: <https://prosegraph.org/ontology#> .
        PREFIX id: <https://prosegraph.org/id/>

        <https://prosegraph.org/id/city/auckland> a pg:City ;\r
            rdfs:label "Auckland" .\r
        id:statement\\/01 pg:confidence 1.5 .
        pg:Thing a pg:Class .
        """.utf8)
    #expect(SubjectLines.turtle(turtle) == [auckland: 4, .iri(PG.term("Thing")): 7])
}

@Test func rdfXMLSubjectsAreFoundByTheirAbout() {
    let xml = Array("""
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="https://prosegraph.org/id/city/auckland">
          </rdf:Description>
          <rdf:Description rdf:about="https://ex.org/a?b=1&amp;c=2"/>
        </rdf:RDF>
        """.utf8)
    #expect(SubjectLines.rdfXML(xml) == [auckland: 2, .iri(IRI("https://ex.org/a?b=1&c=2")): 4])
}

@Test func theTextGroupsByFocusNodeWithLabelAndLine() {
    let located = report.locating(SubjectLines.nTriples(nTriples))
    #expect(located.text(file: "graph.nt", labels: located.labels(from: data)) == """
        graph.nt: does not conform: 2 results on 2 focus nodes

        <https://prosegraph.org/id/city/auckland> "Auckland", "Auckland City" (line 1)
          violation: rdfs:label: An entity must have exactly one rdfs:label. [sh:MaxCountConstraintComponent, pgsh:EntityShape-label-count]

        <https://prosegraph.org/id/statement/01> (line 5)
          violation: pg:confidence: A statement's pg:confidence must be from 0 to 1. (value "1.5"^^xsd:decimal) [sh:MaxInclusiveConstraintComponent, pgsh:StatementShape-confidence-value]

        """)
    #expect(ValidationReport().text(file: "graph.nt") == "graph.nt: conforms\n")
}

@Test func theJSONHasStableKeys() {
    let located = report.locating([statement: 5])
    #expect(located.json(file: "graph.nt", labels: located.labels(from: data)) == """
        {
          "file": "graph.nt",
          "conforms": false,
          "resultCount": 2,
          "focusNodes": [
            {"focusNode": "https://prosegraph.org/id/statement/01", "labels": [], "line": 5, "results": [
              {"severity": "Violation", "path": "https://prosegraph.org/ontology#confidence", "message": "A statement's pg:confidence must be from 0 to 1.", "value": "\\"1.5\\"^^<http://www.w3.org/2001/XMLSchema#decimal>", "sourceConstraintComponent": "http://www.w3.org/ns/shacl#MaxInclusiveConstraintComponent", "sourceShape": "https://prosegraph.org/shapes#StatementShape-confidence-value"}
            ]},
            {"focusNode": "https://prosegraph.org/id/city/auckland", "labels": ["Auckland", "Auckland City"], "line": null, "results": [
              {"severity": "Violation", "path": "http://www.w3.org/2000/01/rdf-schema#label", "message": "An entity must have exactly one rdfs:label.", "value": null, "sourceConstraintComponent": "http://www.w3.org/ns/shacl#MaxCountConstraintComponent", "sourceShape": "https://prosegraph.org/shapes#EntityShape-label-count"}
            ]}
          ]
        }

        """)
    #expect(ValidationReport().json(file: "g.nt") == "{\n  \"file\": \"g.nt\",\n  \"conforms\": true,\n  \"resultCount\": 0,\n  \"focusNodes\": []\n}\n")
}

@Test func theTurtleIsAStandardValidationReport() throws {
    #expect(try report.turtle() == """
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix pg: <https://prosegraph.org/ontology#> .
        @prefix wd: <http://www.wikidata.org/entity/> .
        @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix pgsh: <https://prosegraph.org/shapes#> .

        _:report a sh:ValidationReport ;
            sh:conforms "false"^^xsd:boolean ;
            sh:result _:reportr1, _:reportr2 .

        _:reportr1 a sh:ValidationResult ;
            sh:focusNode <https://prosegraph.org/id/statement/01> ;
            sh:resultPath pg:confidence ;
            sh:value "1.5"^^xsd:decimal ;
            sh:sourceShape pgsh:StatementShape-confidence-value ;
            sh:sourceConstraintComponent sh:MaxInclusiveConstraintComponent ;
            sh:resultSeverity sh:Violation ;
            sh:resultMessage "A statement's pg:confidence must be from 0 to 1." .

        _:reportr2 a sh:ValidationResult ;
            sh:focusNode <https://prosegraph.org/id/city/auckland> ;
            sh:resultPath rdfs:label ;
            sh:sourceShape pgsh:EntityShape-label-count ;
            sh:sourceConstraintComponent sh:MaxCountConstraintComponent ;
            sh:resultSeverity sh:Violation ;
            sh:resultMessage "An entity must have exactly one rdfs:label." .

        """)
}
