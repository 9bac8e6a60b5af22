import Testing
@testable import ProseGraphKit
import ProseGraphExtraction

/// Extraction quality bars from the extraction issue, on the gold files kept in
/// Tests/Fixtures/gold (the seeds' gold is a copy of ../shared/spec/gold/seeds.tsv).
@Suite struct EvalRegression {
    /// Scores the articles of `inputs` (paths relative to the repository) against a gold file.
    func score(gold: String, inputs: [String]) throws -> Evaluation.Report {
        let goldText = String(decoding: try FileSystem.read(repositoryRoot + "/" + gold), as: UTF8.self)
        let goldFacts = try Evaluation.parseGold(goldText, path: gold)
        let corpus = try CorpusBuilder(inputs: inputs.map { repositoryRoot + "/" + $0 }).build()
        #expect(corpus.errors.isEmpty)
        return Evaluation.score(predicted: Evaluation.predictions(corpus.graph), gold: goldFacts)
    }

    /// A gold set and its bars: each set just under the value measured when it was last
    /// changed (README, "What is extracted"), so a regression fails and an improvement is free.
    struct GoldSet: CustomTestStringConvertible, Sendable {
        let name: String
        let gold: String
        let inputs: [String]
        let f1: Double
        let precision: Double
        let recall: Double
        let dates: Double
        var testDescription: String { name }
    }

    static let practiceInputs = ["brazil-portugal", "canada-mexico", "chile-new-zealand", "egypt-qatar", "india-kenya",
                                 "indonesia-netherlands", "japan-russia", "norway-south-africa"].map { "Input/\($0).txt" }

    static let goldSets: [GoldSet] = [
        // The seeds' gold is a copy of ../shared/spec/gold/seeds.tsv; the bars are the extraction issue's.
        GoldSet(name: "seeds", gold: "Tests/Fixtures/gold/seeds.tsv",
                inputs: ["Input/belgium-palestine.txt", "Input/belgium-syria.txt", "Input/belgium-malaysia.txt"],
                f1: 0.95, precision: 0.97, recall: 0.95, dates: 0.95),
        GoldSet(name: "practice", gold: "Tests/Fixtures/gold/practice.tsv", inputs: practiceInputs,
                f1: 0.96, precision: 0.99, recall: 0.92, dates: 0.97),
        GoldSet(name: "probe", gold: "Tests/Fixtures/corpus/probe/gold.tsv", inputs: ["Tests/Fixtures/corpus/probe"],
                f1: 0.96, precision: 0.98, recall: 0.94, dates: 0.99),
        GoldSet(name: "dev", gold: "Tests/Fixtures/corpus/dev/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev"],
                f1: 0.90, precision: 0.97, recall: 0.84, dates: 0.92),
        GoldSet(name: "dev-b", gold: "Tests/Fixtures/corpus/dev-b/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-b"],
                f1: 0.93, precision: 0.98, recall: 0.88, dates: 0.88),
        GoldSet(name: "dev-c", gold: "Tests/Fixtures/corpus/dev-c/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-c"],
                f1: 0.92, precision: 0.96, recall: 0.89, dates: 0.95),
        GoldSet(name: "dev-d", gold: "Tests/Fixtures/corpus/dev-d/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-d"],
                f1: 0.90, precision: 0.98, recall: 0.83, dates: 0.91),
        GoldSet(name: "dev-e", gold: "Tests/Fixtures/corpus/dev-e/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-e"],
                f1: 0.90, precision: 0.97, recall: 0.84, dates: 0.89),
        GoldSet(name: "dev-f", gold: "Tests/Fixtures/corpus/dev-f/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-f"],
                f1: 0.90, precision: 0.97, recall: 0.84, dates: 0.91),
        GoldSet(name: "dev-g", gold: "Tests/Fixtures/corpus/dev-g/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-g"],
                f1: 0.88, precision: 0.96, recall: 0.81, dates: 0.89),
        GoldSet(name: "dev-h", gold: "Tests/Fixtures/corpus/dev-h/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-h"],
                f1: 0.86, precision: 0.96, recall: 0.79, dates: 0.83),
        GoldSet(name: "dev-i", gold: "Tests/Fixtures/corpus/dev-i/gold.tsv", inputs: ["Tests/Fixtures/corpus/dev-i"],
                f1: 0.84, precision: 0.95, recall: 0.76, dates: 0.85),
        GoldSet(name: "battery", gold: "Tests/Fixtures/corpus/battery/gold.tsv", inputs: ["Tests/Fixtures/corpus/battery"],
                f1: 0.75, precision: 0.90, recall: 0.64, dates: 0.87),
        GoldSet(name: "battery-b", gold: "Tests/Fixtures/corpus/battery-b/gold.tsv", inputs: ["Tests/Fixtures/corpus/battery-b"],
                f1: 0.79, precision: 0.97, recall: 0.67, dates: 0.84),
        GoldSet(name: "battery-c", gold: "Tests/Fixtures/corpus/battery-c/gold.tsv", inputs: ["Tests/Fixtures/corpus/battery-c"],
                f1: 0.81, precision: 0.94, recall: 0.71, dates: 0.90),
        // Sealed sets: never read while writing rules, only scored (Tests/Fixtures/corpus/README.md).
        GoldSet(name: "sealed", gold: "Tests/Fixtures/corpus/sealed/gold.tsv", inputs: ["Tests/Fixtures/corpus/sealed"],
                f1: 0.82, precision: 0.93, recall: 0.74, dates: 0.87),
        GoldSet(name: "holdout", gold: "Tests/Fixtures/holdout/gold.tsv", inputs: ["Tests/Fixtures/holdout"],
                f1: 0.90, precision: 0.96, recall: 0.85, dates: 0.91),
    ]

    @Test(arguments: goldSets) func goldSetMeetsItsBars(_ set: GoldSet) throws {
        let r = try score(gold: set.gold, inputs: set.inputs)
        #expect(r.overall.f1 >= set.f1, "F1 \(r.overall.f1)")
        #expect(r.overall.precision >= set.precision, "precision \(r.overall.precision)")
        #expect(r.overall.recall >= set.recall, "recall \(r.overall.recall)")
        #expect(r.dateAccuracy >= set.dates, "date accuracy \(r.dateAccuracy)")
    }

    @Test func goldFileErrorsNameTheLine() {
        #expect(throws: Evaluation.GoldError.self) { try Evaluation.parseGold("a\tb\tc\n", path: "g.tsv") }
        do { _ = try Evaluation.parseGold("a\tb\tc\n", path: "g.tsv"); Issue.record("no error") } catch {
            #expect(error.description == "g.tsv:1:1: expected 5 tab-separated columns (document, subject, predicate, object, date), found 3")
        }
        do { _ = try Evaluation.parseGold("# header\nd\ts\tvisited\tÖ\t2015-13\n", path: "g.tsv"); Issue.record("no error") } catch {
            #expect(error.description == "g.tsv:2:15: '2015-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
    }

    @Test func scoringMatchesTheGuideline() throws {
        let gold = try Evaluation.parseGold("""
        D\tThe European Union|EU\tsanctioned\tSyria\t2011
        D\tLiège|Liege\ttwinnedWith\tRamallah\t2014
        D\tX\tvisited\tY\t
        """, path: "g")
        let predicted = [
            Evaluation.PredictedFact(subject: "european union", predicate: "sanctioned", object: "SYRIA", dates: ["2011"], evidence: "", document: "D"),
            Evaluation.PredictedFact(subject: "Ramallah", predicate: "twinnedWith", object: "Liege", dates: ["2015"], evidence: "", document: "D"),
            Evaluation.PredictedFact(subject: "Z", predicate: "visited", object: "Y", dates: [], evidence: "", document: "D"),
        ]
        let r = Evaluation.score(predicted: predicted, gold: gold)
        #expect(r.overall == Evaluation.Score(truePositives: 2, falsePositives: 1, falseNegatives: 1, datedGold: 2, datesCorrect: 1))
        #expect(r.byPredicate["twinnedWith"] == Evaluation.Score(truePositives: 1, datedGold: 1))
        #expect(r.byPredicate["sanctioned"] == Evaluation.Score(truePositives: 1, datedGold: 1, datesCorrect: 1))
    }

    /// A fact matches only within its document; the same fact predicted twice (two spellings
    /// that fold alike) counts once; a fact with two dated gold lines is one fact, each date checked.
    @Test func scoringIsPerDocumentAndCountsDuplicatesOnce() throws {
        let gold = try Evaluation.parseGold("""
        A\tMahmoud Abbas\tvisited\tBelgium\t2015-02
        A\tMahmoud Abbas\tvisited\tBelgium\t2018-01
        B\tPedro Sánchez\tvisited\tEgypt\t2023
        """, path: "g")
        let predicted = [
            Evaluation.PredictedFact(subject: "Mahmoud Abbas", predicate: "visited", object: "Belgium", dates: ["2015-02"], evidence: "", document: "A"),
            Evaluation.PredictedFact(subject: "mahmoud abbas", predicate: "visited", object: "BELGIUM", dates: [], evidence: "", document: "A"),
            // Stated in document A, annotated in document B: a false fact in A and a miss in B.
            Evaluation.PredictedFact(subject: "Pedro Sanchez", predicate: "visited", object: "Egypt", dates: ["2023"], evidence: "", document: "A"),
        ]
        let r = Evaluation.score(predicted: predicted, gold: gold)
        #expect(r.overall == Evaluation.Score(truePositives: 1, falsePositives: 1, falseNegatives: 1, datedGold: 2, datesCorrect: 1))
        #expect(r.missed.map(\.line) == [3])
        #expect(r.wrongDates.map(\.gold.line) == [2])
    }

    @Test func theTableReportsRecallAndDatesPerPredicate() throws {
        let gold = try Evaluation.parseGold("D\tX\tvisited\tY\t2015\nD\tX\tholdsPosition\tKing\t\n", path: "g")
        let predicted = [Evaluation.PredictedFact(subject: "X", predicate: "visited", object: "Y", dates: ["2015"], evidence: "", document: "D")]
        let table = Evaluation.score(predicted: predicted, gold: gold).table(misses: false)
        #expect(table == """
        predicate                    tp   fp   fn      P      R     F1    dates
        holdsPosition                 0    0    1  0.000  0.000  0.000        -
        visited                       1    0    0  1.000  1.000  1.000      1/1
        overall                       1    0    1  1.000  0.500  0.667      1/1
        date accuracy: 1/1 = 1.000

        """)
    }
}
