import ProseGraphModel

/// A report of a `FactGraph` as one self-contained HTML file: inline CSS, no
/// script, no reference to anything outside the file (a Content Security
/// Policy forbids every fetch), readable in any browser without network.
///
/// It shows a summary, the entities grouped by kind with counts, a timeline of
/// the dated facts (sorted by date), every fact with the sentences that state
/// it (the subject's and object's labels marked with `<mark>` where the
/// sentence contains them, in any case, as whole words) and each sentence's
/// source document, offsets, rule and confidence, then the documents. Every
/// text is escaped; the same graph gives byte-identical HTML.
///
/// Element ids and classes are stable, for programs and tests: `#entities`
/// holds one `details.kind#kind-<kind>` per kind with one `li.entity#e<N>` per
/// node; `#timeline` an `ol` of `li.event`; `#facts` one `section.subject` per
/// subject with one `article.fact#f<N>` per fact and one `li.mention` per
/// mention; `.count` elements hold the counts.
public struct GraphReport: Sendable {
    /// The graph reported on.
    public let graph: FactGraph
    /// The report's title (its `<title>` and heading).
    public let title: String
    /// Kinds with more entities than this start folded (their `<details>` closed).
    public let openLimit: Int

    /// A report of a graph under a title; kinds of more than `openLimit` entities start folded.
    public init(_ graph: FactGraph, title: String, openLimit: Int = 100) {
        self.graph = graph
        self.title = title
        self.openLimit = openLimit
    }

    /// The whole HTML document.
    public func html() -> String {
        var out = ""
        let nodes = graph.nodes
        let entityCount = nodes.count(where: { $0.kind != .literal })
        let mentionCount = graph.mentionCount
        let datedCount = graph.facts.reduce(0) { $0 + $1.mentions.count(where: { $0.date != nil }) }
        // Where each node's facts start in the facts section, and how many facts each takes part in.
        var firstFact = [Int?](repeating: nil, count: nodes.count)
        var factCount = [Int](repeating: 0, count: nodes.count)
        for (i, f) in graph.facts.enumerated() {
            if firstFact[f.subject] == nil { firstFact[f.subject] = i }
            factCount[f.subject] += 1
            if f.object != f.subject { factCount[f.object] += 1 }
        }

        out += """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="prosegraph report">
        <title>\(Self.escape(title))</title>
        <style>
        \(Self.css)</style>
        </head>
        <body>
        <header>
        <h1>\(Self.escape(title))</h1>

        """
        if let focus = graph.focus {
            let n = nodes[focus.node]
            out += "<p class=\"focus\">The neighbourhood of <a href=\"#e\(focus.node + 1)\">\(Self.escape(n.label))</a> (\(n.kind.name)): "
                + "what is at most \(focus.depth) fact\(focus.depth == 1 ? "" : "s") away.</p>\n"
        }
        out += "<p class=\"summary\"><span class=\"count\" id=\"count-entities\">\(entityCount)</span> entities, "
            + "<span class=\"count\" id=\"count-values\">\(nodes.count - entityCount)</span> values, "
            + "<span class=\"count\" id=\"count-facts\">\(graph.facts.count)</span> facts stated by "
            + "<span class=\"count\" id=\"count-mentions\">\(mentionCount)</span> sentences (\(datedCount) dated) in "
            + "<span class=\"count\" id=\"count-documents\">\(graph.documents.count)</span> documents.</p>\n"
        out += "<nav><a href=\"#entities\">Entities</a> <a href=\"#timeline\">Timeline</a> <a href=\"#facts\">Facts</a> <a href=\"#documents\">Documents</a></nav>\n</header>\n<main>\n"

        // Entities, by kind.
        out += "<section id=\"entities\">\n<h2>Entities and values <span class=\"count\">\(nodes.count)</span></h2>\n"
        var start = 0
        while start < nodes.count {
            let kind = nodes[start].kind
            var end = start
            while end < nodes.count, nodes[end].kind == kind { end += 1 }
            let name = kind.name.lowercased()
            out += "<details class=\"kind\" id=\"kind-\(name)\"\(end - start <= openLimit ? " open" : "")>\n"
            out += "<summary><span class=\"swatch \(name)\"></span><h3>\(kind.name)</h3> <span class=\"count\">\(end - start)</span></summary>\n<ul class=\"entities\">\n"
            for i in start..<end {
                let n = nodes[i]
                out += "<li class=\"entity\(graph.focus?.node == i ? " focus" : "")\" id=\"e\(i + 1)\">"
                out += firstFact[i] != nil ? "<a href=\"#s\(i + 1)\">\(Self.escape(n.label))</a>" : "<span class=\"label\">\(Self.escape(n.label))</span>"
                out += " <span class=\"n\">\(factCount[i]) fact\(factCount[i] == 1 ? "" : "s")</span>"
                if kind != .literal { out += " <code class=\"iri\">\(Self.escape(n.name))</code>" }
                if let q = n.wikidata { out += " <span class=\"wd\">Wikidata \(Self.escape(q))</span>" }
                out += "</li>\n"
            }
            out += "</ul>\n</details>\n"
            start = end
        }
        out += "</section>\n"

        // Timeline: each dated fact once per date, sorted by date.
        var events: [(date: String, fact: Int)] = []
        for (i, f) in graph.facts.enumerated() { for d in f.dates { events.append((d, i)) } }
        events.sort { $0.date != $1.date ? FactGraph.dateOrder($0.date, $1.date) : $0.fact < $1.fact }
        out += "<section id=\"timeline\">\n<h2>Timeline <span class=\"count\">\(events.count)</span></h2>\n"
        if events.isEmpty { out += "<p class=\"none\">No fact is dated.</p>\n" } else { out += "<ol class=\"timeline\">\n" }
        for e in events {
            out += "<li class=\"event\"><time>\(Self.escape(e.date))</time> <a href=\"#f\(e.fact + 1)\">"
                + triple(graph.facts[e.fact], links: false) + "</a></li>\n"
        }
        if !events.isEmpty { out += "</ol>\n" }
        out += "</section>\n"

        // Facts, grouped by subject, each with its sentences.
        out += "<section id=\"facts\">\n<h2>Facts <span class=\"count\">\(graph.facts.count)</span></h2>\n"
        for (i, f) in graph.facts.enumerated() {
            if i == 0 || graph.facts[i - 1].subject != f.subject {
                if i > 0 { out += "</section>\n" }
                let s = nodes[f.subject]
                out += "<section class=\"subject\" id=\"s\(f.subject + 1)\">\n<h3>\(Self.escape(s.label)) <span class=\"kind\">\(s.kind.name)</span></h3>\n"
            }
            out += "<article class=\"fact\" id=\"f\(i + 1)\">\n<p class=\"triple\">" + triple(f, links: true)
            let dates = f.dates
            if !dates.isEmpty { out += " <span class=\"dates\">" + dates.map(Self.escape).joined(separator: ", ") + "</span>" }
            out += "</p>\n"
            if f.mentions.isEmpty { out += "<p class=\"none\">No sentence in the export states it.</p>\n" } else { out += "<ol class=\"mentions\">\n" }
            let labels = [(nodes[f.subject].label, "s"), (nodes[f.object].label, "o")]
            for m in f.mentions {
                out += "<li class=\"mention\"><blockquote>"
                out += m.evidence.map { Self.highlight($0, labels: labels) } ?? "<span class=\"none\">(no evidence sentence)</span>"
                out += "</blockquote>\n<p class=\"source\">" + source(m) + "</p></li>\n"
            }
            if !f.mentions.isEmpty { out += "</ol>\n" }
            out += "</article>\n"
        }
        if !graph.facts.isEmpty { out += "</section>\n" }
        out += "</section>\n"

        // Documents, with the number of sentences each contributes.
        var perDocument = [Int](repeating: 0, count: graph.documents.count)
        for f in graph.facts { for m in f.mentions { if let d = m.document { perDocument[d] += 1 } } }
        out += "<section id=\"documents\">\n<h2>Documents <span class=\"count\">\(graph.documents.count)</span></h2>\n<ul class=\"documents\">\n"
        for (i, d) in graph.documents.enumerated() {
            out += "<li class=\"document\" id=\"d\(i + 1)\"><cite>\(Self.escape(d.displayName))</cite>"
            if let p = d.path { out += " <code>\(Self.escape(p))</code>" }
            out += " <span class=\"n\">\(perDocument[i]) sentence\(perDocument[i] == 1 ? "" : "s")</span></li>\n"
        }
        out += "</ul>\n</section>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// `subject predicate object` as HTML, the ends linked to their entities or not.
    private func triple(_ f: FactGraph.Fact, links: Bool) -> String {
        let s = graph.nodes[f.subject], o = graph.nodes[f.object]
        func end(_ n: FactGraph.Node, _ index: Int, _ role: String) -> String {
            links ? "<a class=\"\(role)\" href=\"#e\(index + 1)\">\(Self.escape(n.label))</a>" : "<span class=\"\(role)\">\(Self.escape(n.label))</span>"
        }
        return end(s, f.subject, "s") + " <span class=\"p\">\(Self.escape(f.name))</span> " + end(o, f.object, "o")
    }

    /// Where a mention comes from: date, document (its path is in the documents
    /// section), offsets, rule and confidence, as far as known.
    private func source(_ m: FactGraph.Mention) -> String {
        var parts: [String] = []
        if let d = m.date { parts.append("<time>\(Self.escape(d))</time>") }
        if let i = m.document {
            let d = graph.documents[i]
            parts.append("<a href=\"#d\(i + 1)\"><cite>\(Self.escape(d.displayName))</cite></a>")
        }
        if let s = m.start, let e = m.end { parts.append("characters \(s)–\(e)") }
        if let r = m.rule { parts.append("rule <code>\(Self.escape(r))</code>") }
        // As a plain number, whether the export wrote it as a decimal ("0.95") or a double ("9.5E-1").
        if let c = m.confidence { parts.append("confidence " + Self.escape(Double(c).map { "\($0)" } ?? c)) }
        return parts.joined(separator: " · ")
    }

    // MARK: - Text

    /// Text escaped for HTML element content and double- or single-quoted attribute values.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A sentence as escaped HTML with every whole-word occurrence of each
    /// label, in any case, wrapped in `<mark class="CLASS">`. Where two
    /// occurrences overlap, the earlier one wins, then the longer.
    public static func highlight(_ sentence: String, labels: [(text: String, class: String)]) -> String {
        let chars = Array(sentence)
        let lower = chars.map { $0.lowercased() }
        var found: [(start: Int, end: Int, label: Int)] = []
        for (li, label) in labels.enumerated() {
            let needle = Array(label.text).map { $0.lowercased() }
            guard !needle.isEmpty, needle.count <= lower.count else { continue }
            var i = 0
            while i + needle.count <= lower.count {
                if lower[i] == needle[0], Array(lower[i..<i + needle.count]) == needle,
                   i == 0 || !isWordCharacter(chars[i - 1]), i + needle.count == chars.count || !isWordCharacter(chars[i + needle.count]) {
                    found.append((i, i + needle.count, li))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        guard !found.isEmpty else { return escape(sentence) }
        found.sort { $0.start != $1.start ? $0.start < $1.start : ($0.end != $1.end ? $0.end > $1.end : $0.label < $1.label) }
        var out = "", at = 0
        for f in found where f.start >= at {
            out += escape(String(chars[at..<f.start]))
            out += "<mark class=\"\(escape(labels[f.label].class))\">" + escape(String(chars[f.start..<f.end])) + "</mark>"
            at = f.end
        }
        return out + escape(String(chars[at...]))
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The report's style sheet: kind colours match `GraphPicture`'s. Facts and
    /// timeline entries off screen are not laid out until scrolled to
    /// (`content-visibility: auto`), so a report of thousands of facts opens quickly.
    static let css = FactGraph.Kind.allCases.map { ".swatch.\($0.name.lowercased()) { background: \(GraphPicture.fill(of: $0)); }\n" }.joined() + """
    :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; background: #f6f8fa; }
    header { background: #fff; border-bottom: 1px solid var(--line); padding: 1rem 2rem; position: sticky; top: 0; z-index: 1; }
    h1 { font-size: 1.4rem; margin: 0 0 .3rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
    h3 { font-size: 1rem; margin: 0; display: inline; }
    main { padding: 0 2rem 2rem; max-width: 72rem; }
    nav a { margin-right: 1rem; }
    a { color: #0550ae; text-decoration: none; }
    a:hover { text-decoration: underline; }
    .summary, .focus { margin: .2rem 0; }
    .count { font-weight: 600; }
    h2 .count, summary .count { color: var(--muted); font-weight: normal; }
    details.kind { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; padding: .3rem .8rem; }
    summary { cursor: pointer; }
    ul.entities { columns: 18rem; padding-left: 1.2rem; }
    li.entity { break-inside: avoid; }
    li.entity.focus { font-weight: 600; }
    .n, .kind, .wd, .iri { color: var(--muted); font-size: .85em; }
    .iri { display: none; }
    li.entity:hover .iri { display: inline; }
    .swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #666; margin-right: .4em; vertical-align: -.1em; }
    .swatch.country { border-radius: 3px; }
    .swatch.person { border-radius: 50%; }
    .swatch.other { border-style: dashed; }
    ol.timeline { list-style: none; padding-left: 0; border-left: 3px solid #9ecae1; }
    li.event { padding: .1rem 0 .1rem .8rem; }
    li.event time { display: inline-block; min-width: 6.5rem; font-variant-numeric: tabular-nums; color: var(--muted); }
    section.subject { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: .8rem 0; padding: .5rem 1rem; content-visibility: auto; contain-intrinsic-size: auto 20rem; }
    li.event { content-visibility: auto; contain-intrinsic-size: auto 1.5rem; }
    article.fact { border-top: 1px solid #eef1f4; padding: .3rem 0; }
    p.triple { margin: .2rem 0; }
    .p { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; background: #eef1f4; padding: 0 .3em; border-radius: 3px; }
    .dates { color: var(--muted); margin-left: .5em; }
    ol.mentions { margin: .2rem 0; padding-left: 1.5rem; }
    blockquote { margin: .2rem 0; }
    mark.s { background: #a1d99b; }
    mark.o { background: #fdd0a2; }
    p.source { margin: 0 0 .4rem; color: var(--muted); font-size: .85em; }
    .none { color: var(--muted); font-style: italic; }
    code { font-size: .9em; }

    """
}
