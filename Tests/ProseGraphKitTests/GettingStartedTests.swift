import Foundation
import ProseGraphExtraction
import ProseGraphFormats
import ProseGraphKit
import ProseGraphModel
import ProseGraphText
import Testing

/// The code of the DocC article `GettingStarted.md`, run as written on real
/// articles (the working directory is the package root, as for `swift test`).
/// Every ```swift block of the article is a run of lines of this file
/// (`articleCodeIsThisCode`), so the article cannot drift from code that runs.
@Suite struct GettingStarted {
    static let article = "Sources/ProseGraphKit/ProseGraphKit.docc/GettingStarted.md"

    @Test func articleRunsAsWritten() throws {
        // Read an article
        let path = "Input/belgium-syria.txt"
        let bytes = try FileSystem.read(path)
        let article = try ArticleReader().read(bytes: bytes, path: path)
        let title = article.title                   // "Belgium–Syria relations"
        let infobox = article.infobox.filter { $0.key.hasPrefix("Party") }
        let parties = infobox.map(\.value)          // ["Belgium", "Syria"]
        let sections = article.sections.map(\.title)
        // ["", "Historical background", ..., "See also"]: "" is the lead
        let first = article.sentences[0]
        let span = first.span
        let position = (span.line, span.start, span.end)   // (11, 210, 366)
        #expect(title == "Belgium–Syria relations")
        #expect(parties == ["Belgium", "Syria"])
        #expect(sections == ["", "Historical background", "Economic relations", "Impact of the Syrian Civil War",
                             "Humanitarian assistance", "Counterterrorism and security", "See also"])
        #expect(position == (11, 210, 366))
        #expect(first.text == "Belgium–Syria relations were established on 20 March 1946 when M.R. Taymans was appointed as Chargé d'Affaires of Belgium to Syria with residence in Beirut.")

        // Extract facts
        let id = "belgium-syria"
        var graph = Pipeline().extract(article, documentID: id)
        graph.add(document: SourceDocument(id: id, title: article.title, path: path))
        let facts = graph.sortedFacts                // by subject, predicate, object
        let fact = facts.first { $0.predicate == "establishedRelationsWith" }!
        let subject = graph.entities[fact.subject]!.label        // "Belgium"
        let object: String
        switch fact.object {
        case .entity(let key): object = graph.entities[key]!.label  // "Syria"
        case .literal(let text): object = text      // a title (holdsPosition)
        }
        let mention = fact.mentions[0]
        let date = mention.date?.description         // "1946-03-20"
        let evidence = mention.provenance.sentence   // the sentence above
        #expect(subject == "Belgium" && object == "Syria" && date == "1946-03-20")
        #expect(evidence == first.text && (mention.provenance.start, mention.provenance.end) == (210, 366))
        #expect(fact.mentions.count == 1)

        // Write a format
        let sink = MemorySink()
        let options = Serializer.Options()
        let count = try Serializer.write(graph, as: .ntriples, options: options, to: sink)
        let lines = sink.string.split(separator: "\n")   // a triple a line, sorted

        let out = NSTemporaryDirectory() + "prosegraph-" + UUID().uuidString
        let job = ExportJob(inputs: [path], outputDirectory: out,
                            formats: [.turtle, .graphml])
        let report = try job.run()
        let written = report.written.map(\.path)
        // [out + "/graph.ttl", out + "/graph.graphml"]
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(count == lines.count)
        #expect(lines[0] == "<https://prosegraph.org/id/city/brussels> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://prosegraph.org/ontology#City> .")
        #expect(lines.contains("<https://prosegraph.org/id/country/belgium> <https://prosegraph.org/ontology#establishedRelationsWith> <https://prosegraph.org/id/country/syria> ."))
        #expect(written == [out + "/graph.ttl", out + "/graph.graphml"])
        #expect(report.documents == [path] && report.errors.isEmpty)
        #expect(report.written[0].count == count)              // the graph written in memory above
        #expect(report.written[1].count == graph.mentionCount) // GraphML: an edge per mention

        // Validate
        // The format comes from the extension; the shapes are built in.
        let outcome = try ValidateJob.run(file: out + "/graph.ttl", format: nil)
        let conforms = outcome.conforms             // true
        let message = try outcome.render(.text)     // "/tmp/…/graph.ttl: conforms\n"
        #expect(conforms && outcome.exitStatus == 0)
        #expect(message == out + "/graph.ttl: conforms\n")

        // Diff
        let both = out + "/two-articles"
        let inputs = [path, "Input/belgium-palestine.txt"]
        let second = ExportJob(inputs: inputs, outputDirectory: both, formats: [.ntriples])
        _ = try second.run()
        let diff = try GraphJobs.diff(old: out + "/graph.ttl", new: both + "/graph.nt",
                                      oldFormat: nil, newFormat: nil,
                                      base: nil, contexts: [])
        let removed = diff.report.factsRemoved       // []: nothing is lost
        let added = diff.report.entitiesAdded.first { $0.label == "Palestine" }
        let type = added?.type                       // "Country"
        let summary = diff.report.text(oldName: "one", newName: "two",
                                       oldCount: diff.oldCount, newCount: diff.newCount,
                                       color: false)  // as `prosegraph diff` prints it
        #expect(removed.isEmpty && type == "Country")
        #expect(diff.oldCount == count && diff.report.diff.removed.isEmpty)
        #expect(diff.report.factsAdded.contains { $0.subject == "Belgium" && $0.predicate == "recognized" && $0.object == "Palestine" })
        #expect(summary.hasPrefix("one (\(count) triples) -> two (\(diff.newCount) triples)\n\nEntities added ("))
    }

    /// Each ```swift block of the article is a run of consecutive lines of
    /// this file (compared without their indentation).
    @Test func articleCodeIsThisCode() throws {
        func lines(_ text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let markdown = try String(contentsOfFile: Self.article, encoding: .utf8)
        let code = lines(try String(contentsOfFile: #filePath, encoding: .utf8))
        var blocks: [[String]] = []
        var current: [String]?
        for line in lines(markdown) {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!)
                current = nil
            } else {
                current?.append(line)
            }
        }
        #expect(current == nil, "an unclosed code block")
        #expect(blocks.count == 6)
        for block in blocks {
            let found = code.indices.contains { i in code[i...].starts(with: block) }
            #expect(found, "not in GettingStartedTests.swift:\n\(block.joined(separator: "\n"))")
        }
    }
}
