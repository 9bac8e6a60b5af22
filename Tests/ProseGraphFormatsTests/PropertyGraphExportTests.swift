import Testing
@testable import ProseGraphFormats
import ProseGraphModel

/// The property-graph exports of a small graph, byte for byte: CSV escaping
/// (commas, quotes, a line break, a backslash in the evidence), Cypher string
/// escaping, date bounds (a leap February, a year), a predicate that is a
/// reserved word (`end`) as a relationship type, parallel edges.
@Suite struct PropertyGraphExportTests {
    static var graph: PropertyGraph {
        var g = KnowledgeGraph()
        let sean = g.add(entity: Entity(type: .person, label: "Seán O'Neill"))
        let belgium = g.add(entity: Entity(type: .country, label: "Belgium", wikidata: "Q31"))
        func mention(_ date: FactDate?, _ sentence: String, _ start: Int, confidence: Double = 0.9) -> Mention {
            Mention(date: date, provenance: Provenance(documentID: "a.txt", sentence: sentence, start: start, end: start + sentence.unicodeScalars.count),
                    rule: "test.rule", confidence: confidence)
        }
        let evidence = "He said \"yes, \\ no\",\nthen left."
        g.add(fact: Fact(subject: sean, predicate: "visited", object: .entity(belgium),
                         mentions: [mention(FactDate(year: 2016, month: 2), evidence, 10), mention(FactDate(year: 2017), "It's 2017.", 60)]))
        g.add(fact: Fact(subject: sean, predicate: "holdsPosition", object: .literal("Ambassador"), mentions: [mention(nil, "Ambassador O'Neill.", 0, confidence: 1)]))
        g.add(fact: Fact(subject: sean, predicate: "end", object: .entity(belgium), mentions: [mention(FactDate(year: 2016, month: 3, day: 9), "It ends.", 80)]))
        return PropertyGraph(graph: g)
    }

    func written(_ file: String, _ format: PropertyGraphFormat) throws -> String {
        let sink = MemorySink()
        _ = try format.write(file, of: Self.graph, to: sink)
        return sink.string
    }

    @Test func nodesCSV() throws {
        #expect(try written("graph.nodes.csv", .csv) == #"""
id:ID,:LABEL,iri:string,label:string,type:string,wikidata:string
country.belgium,Country,https://prosegraph.org/id/country/belgium,Belgium,Country,Q31
literal.ambassador,Literal,,Ambassador,Literal,
person.sean-o-neill,Person,https://prosegraph.org/id/person/sean-o-neill,Seán O'Neill,Person,
"""# + "\n")
    }

    @Test func relationshipsCSVQuotesEvidenceAndBoundsDates() throws {
        #expect(try written("graph.relationships.csv", .csv) == #"""
:START_ID,:END_ID,:TYPE,id:string,predicateIRI:string,statement:string,date:string,dateEarliest:date,dateLatest:date,source:string,evidence:string,startOffset:int,endOffset:int,rule:string,confidence:double
person.sean-o-neill,country.belgium,end,e041817738e1dcdcc,https://prosegraph.org/ontology#end,https://prosegraph.org/id/statement/041817738e1dcdcc,2016-03-09,2016-03-09,2016-03-09,https://prosegraph.org/id/document/a.txt,It ends.,80,88,test.rule,0.9
person.sean-o-neill,country.belgium,visited,e1bdb9ad1a05906fa,https://prosegraph.org/ontology#visited,https://prosegraph.org/id/statement/1bdb9ad1a05906fa,2017,2017-01-01,2017-12-31,https://prosegraph.org/id/document/a.txt,It's 2017.,60,70,test.rule,0.9
person.sean-o-neill,country.belgium,visited,e4ec4a794e98cb51b,https://prosegraph.org/ontology#visited,https://prosegraph.org/id/statement/4ec4a794e98cb51b,2016-02,2016-02-01,2016-02-29,https://prosegraph.org/id/document/a.txt,"He said ""yes, \ no"",
then left.",10,41,test.rule,0.9
person.sean-o-neill,literal.ambassador,holdsPosition,ec7b7e1a723e1a027,https://prosegraph.org/ontology#holdsPosition,https://prosegraph.org/id/statement/c7b7e1a723e1a027,,,,https://prosegraph.org/id/document/a.txt,Ambassador O'Neill.,0,19,test.rule,1.0
"""# + "\n")
    }

    @Test func kuzuScriptCreatesTablesAndCopiesEachLabelAndPair() throws {
        #expect(try written("graph.kuzu.cypher", .csv) == #"""
CREATE NODE TABLE `Country`(`id` STRING, `iri` STRING, `label` STRING, `type` STRING, `wikidata` STRING, PRIMARY KEY(`id`));
CREATE NODE TABLE `Literal`(`id` STRING, `iri` STRING, `label` STRING, `type` STRING, `wikidata` STRING, PRIMARY KEY(`id`));
CREATE NODE TABLE `Person`(`id` STRING, `iri` STRING, `label` STRING, `type` STRING, `wikidata` STRING, PRIMARY KEY(`id`));
CREATE REL TABLE `end`(FROM `Person` TO `Country`, `id` STRING, `predicateIRI` STRING, `statement` STRING, `date` STRING, `dateEarliest` DATE, `dateLatest` DATE, `source` STRING, `evidence` STRING, `startOffset` INT64, `endOffset` INT64, `rule` STRING, `confidence` DOUBLE);
CREATE REL TABLE `holdsPosition`(FROM `Person` TO `Literal`, `id` STRING, `predicateIRI` STRING, `statement` STRING, `date` STRING, `dateEarliest` DATE, `dateLatest` DATE, `source` STRING, `evidence` STRING, `startOffset` INT64, `endOffset` INT64, `rule` STRING, `confidence` DOUBLE);
CREATE REL TABLE `visited`(FROM `Person` TO `Country`, `id` STRING, `predicateIRI` STRING, `statement` STRING, `date` STRING, `dateEarliest` DATE, `dateLatest` DATE, `source` STRING, `evidence` STRING, `startOffset` INT64, `endOffset` INT64, `rule` STRING, `confidence` DOUBLE);
COPY `Country` FROM (LOAD FROM 'graph.nodes.csv' (header=true, parallel=false) WHERE `:LABEL` = 'Country' RETURN `id:ID`, `iri`, `label`, `type`, `wikidata`);
COPY `Literal` FROM (LOAD FROM 'graph.nodes.csv' (header=true, parallel=false) WHERE `:LABEL` = 'Literal' RETURN `id:ID`, `iri`, `label`, `type`, `wikidata`);
COPY `Person` FROM (LOAD FROM 'graph.nodes.csv' (header=true, parallel=false) WHERE `:LABEL` = 'Person' RETURN `id:ID`, `iri`, `label`, `type`, `wikidata`);
COPY `end` FROM (LOAD FROM 'graph.relationships.csv' (header=true, parallel=false) WHERE `:TYPE` = 'end' AND `:START_ID` STARTS WITH 'person.' AND `:END_ID` STARTS WITH 'country.' RETURN `:START_ID`, `:END_ID`, `id`, `predicateIRI`, `statement`, `date`, `dateEarliest`, `dateLatest`, `source`, `evidence`, `startOffset`, `endOffset`, `rule`, `confidence`);
COPY `holdsPosition` FROM (LOAD FROM 'graph.relationships.csv' (header=true, parallel=false) WHERE `:TYPE` = 'holdsPosition' AND `:START_ID` STARTS WITH 'person.' AND `:END_ID` STARTS WITH 'literal.' RETURN `:START_ID`, `:END_ID`, `id`, `predicateIRI`, `statement`, `date`, `dateEarliest`, `dateLatest`, `source`, `evidence`, `startOffset`, `endOffset`, `rule`, `confidence`);
COPY `visited` FROM (LOAD FROM 'graph.relationships.csv' (header=true, parallel=false) WHERE `:TYPE` = 'visited' AND `:START_ID` STARTS WITH 'person.' AND `:END_ID` STARTS WITH 'country.' RETURN `:START_ID`, `:END_ID`, `id`, `predicateIRI`, `statement`, `date`, `dateEarliest`, `dateLatest`, `source`, `evidence`, `startOffset`, `endOffset`, `rule`, `confidence`);
"""# + "\n")
    }

    @Test func cypherScriptEscapesStringsAndQuotesNames() throws {
        #expect(try written("graph.cypher", .cypher) == #"""
CREATE (:`Country` {`id`: 'country.belgium', `iri`: 'https://prosegraph.org/id/country/belgium', `label`: 'Belgium', `type`: 'Country', `wikidata`: 'Q31'});
CREATE (:`Literal` {`id`: 'literal.ambassador', `label`: 'Ambassador', `type`: 'Literal'});
CREATE (:`Person` {`id`: 'person.sean-o-neill', `iri`: 'https://prosegraph.org/id/person/sean-o-neill', `label`: 'Seán O\'Neill', `type`: 'Person'});
MATCH (a:`Person` {`id`: 'person.sean-o-neill'}), (b:`Country` {`id`: 'country.belgium'}) CREATE (a)-[:`end` {`id`: 'e041817738e1dcdcc', `predicateIRI`: 'https://prosegraph.org/ontology#end', `statement`: 'https://prosegraph.org/id/statement/041817738e1dcdcc', `date`: '2016-03-09', `dateEarliest`: date('2016-03-09'), `dateLatest`: date('2016-03-09'), `source`: 'https://prosegraph.org/id/document/a.txt', `evidence`: 'It ends.', `startOffset`: 80, `endOffset`: 88, `rule`: 'test.rule', `confidence`: 0.9}]->(b);
MATCH (a:`Person` {`id`: 'person.sean-o-neill'}), (b:`Country` {`id`: 'country.belgium'}) CREATE (a)-[:`visited` {`id`: 'e1bdb9ad1a05906fa', `predicateIRI`: 'https://prosegraph.org/ontology#visited', `statement`: 'https://prosegraph.org/id/statement/1bdb9ad1a05906fa', `date`: '2017', `dateEarliest`: date('2017-01-01'), `dateLatest`: date('2017-12-31'), `source`: 'https://prosegraph.org/id/document/a.txt', `evidence`: 'It\'s 2017.', `startOffset`: 60, `endOffset`: 70, `rule`: 'test.rule', `confidence`: 0.9}]->(b);
MATCH (a:`Person` {`id`: 'person.sean-o-neill'}), (b:`Country` {`id`: 'country.belgium'}) CREATE (a)-[:`visited` {`id`: 'e4ec4a794e98cb51b', `predicateIRI`: 'https://prosegraph.org/ontology#visited', `statement`: 'https://prosegraph.org/id/statement/4ec4a794e98cb51b', `date`: '2016-02', `dateEarliest`: date('2016-02-01'), `dateLatest`: date('2016-02-29'), `source`: 'https://prosegraph.org/id/document/a.txt', `evidence`: 'He said "yes, \\ no",
then left.', `startOffset`: 10, `endOffset`: 41, `rule`: 'test.rule', `confidence`: 0.9}]->(b);
MATCH (a:`Person` {`id`: 'person.sean-o-neill'}), (b:`Literal` {`id`: 'literal.ambassador'}) CREATE (a)-[:`holdsPosition` {`id`: 'ec7b7e1a723e1a027', `predicateIRI`: 'https://prosegraph.org/ontology#holdsPosition', `statement`: 'https://prosegraph.org/id/statement/c7b7e1a723e1a027', `source`: 'https://prosegraph.org/id/document/a.txt', `evidence`: 'Ambassador O\'Neill.', `startOffset`: 0, `endOffset`: 19, `rule`: 'test.rule', `confidence`: 1.0}]->(b);
"""# + "\n")
    }

    @Test func kuzuSchemaIsTheTablesOfTheCopyScript() throws {
        let schema = try written("graph.kuzu-schema.cypher", .cypher)
        #expect(schema.split(separator: "\n").count == 6)
        #expect(try written("graph.kuzu.cypher", .csv).hasPrefix(schema))
    }

    @Test func dayBoundsFollowTheCalendar() {
        #expect(PropertyColumns.dayBounds(FactDate(year: 2000, month: 2)) == ("2000-02-01", "2000-02-29"))
        #expect(PropertyColumns.dayBounds(FactDate(year: 1900, month: 2)) == ("1900-02-01", "1900-02-28"))
        #expect(PropertyColumns.dayBounds(FactDate(year: 2015, month: 11)) == ("2015-11-01", "2015-11-30"))
        #expect(PropertyColumns.dayBounds(FactDate(year: 987)) == ("0987-01-01", "0987-12-31"))
        #expect(PropertyColumns.dayBounds(FactDate(year: 2015, month: 2, day: 3)) == ("2015-02-03", "2015-02-03"))
    }

    @Test func kuzuRefusesTableNamesThatDifferOnlyInCase() {
        var g = KnowledgeGraph()
        let a = g.add(entity: Entity(type: .person, label: "A"))
        let b = g.add(entity: Entity(type: .country, label: "B"))
        let m = Mention(date: nil, provenance: Provenance(documentID: "a.txt", sentence: "A.", start: 0, end: 2), rule: "r", confidence: 1)
        g.add(fact: Fact(subject: a, predicate: "person", object: .entity(b), mentions: [m]))
        #expect(throws: SerializationError(format: "Kùzu", message: "'Person' and 'person' would be one table: Kùzu's table names ignore case")) {
            try PropertyGraphFormat.cypher.write("graph.kuzu-schema.cypher", of: PropertyGraph(graph: g), to: MemorySink())
        }
    }
}
