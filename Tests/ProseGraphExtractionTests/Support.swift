import ProseGraphExtraction
import ProseGraphModel
import ProseGraphText

/// The repository root, from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

let pipeline = Pipeline()

/// Extracts the facts of a small article made of `prose` (paragraphs separated
/// by blank lines) under the title `= <title> =`, as sorted lines
/// "Subject predicate Object [date]" (dates of all mentions, comma-separated).
func facts(_ prose: String, title: String = "Belgium–Syria relations") throws -> [String] {
    let text = "= \(title) =\n\n" + prose + "\n"
    let article = try ArticleReader().read(bytes: Array(text.utf8), path: "test.txt")
    let graph = pipeline.extract(article, documentID: "test")
    return graph.sortedFacts.map { f in
        let s = graph.entities[f.subject]!.label
        let o: String
        switch f.object {
        case .entity(let k): o = graph.entities[k]!.label
        case .literal(let l): o = "\"\(l)\""
        }
        let dates = Array(Set(f.mentions.compactMap { $0.date?.description })).sorted()
        return "\(s) \(f.predicate) \(o)" + (dates.isEmpty ? "" : " " + dates.joined(separator: ","))
    }.sorted()
}

/// Only the facts of one predicate.
func facts(_ prose: String, _ predicate: String, title: String = "Belgium–Syria relations") throws -> [String] {
    try facts(prose, title: title).filter { $0.split(separator: " ").contains(Substring(predicate)) }
}
