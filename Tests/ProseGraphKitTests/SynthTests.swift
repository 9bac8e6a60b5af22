import Testing
import ProseGraphKit
import ProseGraphExtraction
import ProseGraphText

@Suite struct Synth {
    @Test func sameSeedGivesIdenticalArticles() {
        let s1 = CorpusSynthesizer(seed: 42), s2 = CorpusSynthesizer(seed: 42)
        for i in [1, 2, 3, 17, 999, 123_456] {
            let a = s1.article(i), b = s2.article(i)
            #expect(a.name == b.name)
            #expect(Array(a.text.utf8) == Array(b.text.utf8))
        }
        // Random access: an article does not depend on the ones generated before it.
        let fresh = CorpusSynthesizer(seed: 42).article(17)
        #expect(fresh.text == s1.article(17).text)
        #expect(s1.article(1).name == "synth-000001.txt" && s1.article(1_234_567).name == "synth-1234567.txt")
    }

    @Test func differentSeedsAndIndicesDiffer() {
        let s1 = CorpusSynthesizer(seed: 1), s2 = CorpusSynthesizer(seed: 2)
        var same = 0
        for i in 1...20 where s1.article(i).text == s2.article(i).text { same += 1 }
        #expect(same == 0)
        let texts = Set((1...50).map { s1.article($0).text })
        #expect(texts.count == 50)
    }

    @Test func hasEnoughVariedPatterns() {
        #expect(CorpusSynthesizer.templateCount >= 40)
        let corpus = (1...200).map { CorpusSynthesizer(seed: 3).article($0).text }.joined(separator: "\n")
        for cue in ["Infobox", "== See also ==", "visits", "–", "called for", "telephone call", "twinning relationship",
                    "honorary consulate", "raised US$", "imposed economic sanctions", "independence from"] {
            #expect(corpus.contains(cue), "no \(cue)")
        }
    }

    @Test func everyArticleParses() throws {
        let synth = CorpusSynthesizer(seed: 7)
        for i in 1...300 {
            let (name, text) = synth.article(i)
            let article = try ArticleReader().read(bytes: Array(text.utf8), path: name)
            #expect(article.title.hasSuffix("relations") && article.title.contains("–"))
            #expect(!article.sentences.isEmpty)
            #expect(article.seeAlso.count >= 2)
        }
    }

    /// Facts per byte comparable to the seed articles': the pipeline finds 76
    /// facts in their 10,332 bytes (136 bytes a fact; the gold has 80, 129 bytes
    /// a fact); synthetic articles come out at about 110–125 bytes a fact.
    @Test func extractsFactsAtSeedLikeDensity() throws {
        let synth = CorpusSynthesizer(seed: 11)
        let pipeline = Pipeline()
        var bytes = 0, facts = 0
        var predicates: Set<String> = []
        for i in 1...100 {
            let (name, text) = synth.article(i)
            let article = try ArticleReader().read(bytes: Array(text.utf8), path: name)
            let graph = pipeline.extract(article, documentID: name)
            #expect(graph.factCount > 0, "no facts in \(name)")
            bytes += text.utf8.count
            facts += graph.factCount
            for f in graph.sortedFacts { predicates.insert(f.predicate) }
        }
        let bytesPerFact = Double(bytes) / Double(facts)
        #expect((80.0...170.0).contains(bytesPerFact), "\(bytesPerFact) bytes per fact")
        #expect(predicates.count >= 22, "predicates extracted: \(predicates.sorted())")
    }

    @Test func parsesSizes() {
        #expect(SynthJob.parseSize("1MB") == 1_000_000)
        #expect(SynthJob.parseSize("100MB") == 100_000_000)
        #expect(SynthJob.parseSize("1GB") == 1_000_000_000)
        #expect(SynthJob.parseSize("2MiB") == 2 << 20)
        #expect(SynthJob.parseSize("512") == 512)
        #expect(SynthJob.parseSize("MB") == nil && SynthJob.parseSize("1XB") == nil && SynthJob.parseSize("0MB") == nil)
    }

    @Test func writesACorpusOfAGivenSize() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let r = try SynthJob(seed: 5, limit: .bytes(100_000), outputDirectory: dir + "/corpus").run()
        #expect(r.bytes >= 100_000)
        let names = try FileSystem.list(dir + "/corpus")
        #expect(names.count == r.articles && names.first == "synth-000001.txt")  // no temporary files left
        let first = try FileSystem.read(dir + "/corpus/synth-000001.txt")
        #expect(first == Array(CorpusSynthesizer(seed: 5).article(1).text.utf8))
        let n = try SynthJob(seed: 5, limit: .articles(3), outputDirectory: dir + "/three").run()
        let three = try FileSystem.list(dir + "/three")
        #expect(n.articles == 3 && three.count == 3)
    }
}
