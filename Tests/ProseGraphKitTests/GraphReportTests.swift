import Testing
import ProseGraphKit

@Suite struct GraphReportTests {
    /// The text between the first `start` and the next `end` after it.
    func between(_ html: String, _ start: String, _ end: String) -> Substring {
        guard let a = html.firstRange(of: start), let b = html[a.upperBound...].firstRange(of: end) else { return "" }
        return html[a.upperBound..<b.lowerBound]
    }

    func count(_ needle: String, in text: Substring) -> Int { text.ranges(of: needle).count }

    @Test func entitiesAreGroupedByTypeWithCounts() throws {
        let html = GraphReport(try DrawFixture.graph(), title: "small.nt").html()
        for (kind, n) in [("country", 2), ("city", 1), ("person", 1)] {
            let group = between(html, "<details class=\"kind\" id=\"kind-\(kind)\" open>", "</details>")
            #expect(count("<li class=\"entity", in: group) == n, "\(kind)")
            #expect(group.contains("</h3> <span class=\"count\">\(n)</span></summary>"), "\(kind)")
        }
        #expect(!html.contains("id=\"kind-place\"") && !html.contains("id=\"kind-literal\""))
        #expect(html.contains("<li class=\"entity\" id=\"e1\"><a href=\"#s1\">Belgium</a> <span class=\"n\">2 facts</span> "
            + "<code class=\"iri\">https://prosegraph.org/id/country/belgium</code> <span class=\"wd\">Wikidata Q31</span></li>"))
        // Damascus states no fact: no link to a facts section of its own.
        #expect(html.contains("<li class=\"entity\" id=\"e3\"><span class=\"label\">Damascus</span> <span class=\"n\">1 fact</span>"))
        #expect(html.contains("<span class=\"count\" id=\"count-entities\">4</span> entities, <span class=\"count\" id=\"count-values\">0</span> values, "
            + "<span class=\"count\" id=\"count-facts\">3</span> facts stated by <span class=\"count\" id=\"count-mentions\">3</span> sentences (2 dated) in "
            + "<span class=\"count\" id=\"count-documents\">1</span> documents."))
    }

    @Test func evidenceMarksTheSubjectAndObjectAndEscapes() throws {
        let html = GraphReport(try DrawFixture.graph(), title: "a <b> & \"c\"").html()
        #expect(html.contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>") && html.contains("<h1>a &lt;b&gt; &amp; &quot;c&quot;</h1>"))
        let fact = between(html, "<article class=\"fact\" id=\"f2\">", "</article>")
        #expect(fact == """

        <p class="triple"><a class="s" href="#e1">Belgium</a> <span class="p">hasEmbassyIn</span> <a class="o" href="#e3">Damascus</a></p>
        <ol class="mentions">
        <li class="mention"><blockquote><mark class="s">BELGIUM</mark> has an embassy in <mark class="o">Damascus</mark> &amp; a &quot;consulate&quot; &lt;in Aleppo&gt;.</blockquote>
        <p class="source"><a href="#d1"><cite>Belgium–Syria relations</cite></a> · characters 10–72 · rule <code>embassy.has</code> · confidence 0.9</p></li>
        </ol>

        """)
        // A fact no statement states says so.
        #expect(between(html, "<article class=\"fact\" id=\"f3\">", "</article>").contains("<p class=\"none\">No sentence in the export states it.</p>"))
        // Nothing outside the file: no script, no URL to fetch, a policy that forbids fetching.
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("url(") && !html.contains("@import"))
        #expect(!html.contains("href=\"h") && html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    }

    @Test func timelineIsSortedByDateAndFactsListTheirDates() throws {
        let html = GraphReport(try DrawFixture.graph(), title: "t").html()
        #expect(between(html, "<ol class=\"timeline\">\n", "</ol>") == """
        <li class="event"><time>1946</time> <a href="#f1"><span class="s">Belgium</span> <span class="p">establishedRelationsWith</span> <span class="o">Syria</span></a></li>
        <li class="event"><time>1946-03-20</time> <a href="#f1"><span class="s">Belgium</span> <span class="p">establishedRelationsWith</span> <span class="o">Syria</span></a></li>

        """)
        let fact = between(html, "<article class=\"fact\" id=\"f1\">", "</article>")
        #expect(fact.contains("<span class=\"dates\">1946, 1946-03-20</span>"))
        #expect(count("<li class=\"mention\">", in: fact) == 2)
        #expect(fact.contains("<blockquote><mark class=\"s\">Belgium</mark>–<mark class=\"o\">Syria</mark> relations were established on 20 March 1946.</blockquote>"))
        #expect(fact.contains("<p class=\"source\"><time>1946-03-20</time> · <a href=\"#d1\"><cite>Belgium–Syria relations</cite></a></p>"))
        #expect(html.contains("<li class=\"document\" id=\"d1\"><cite>Belgium–Syria relations</cite> <code>Input/belgium-syria.txt</code> <span class=\"n\">3 sentences</span></li>"))
    }

    @Test func aroundReportSaysWhere() throws {
        let graph = try DrawFixture.graph()
        let html = GraphReport(graph.neighbourhood(of: try graph.node(matching: "Syria"), depth: 1), title: "t").html()
        #expect(html.contains("<p class=\"focus\">The neighbourhood of <a href=\"#e2\">Syria</a> (Country): what is at most 1 fact away.</p>"))
        #expect(html.contains("<li class=\"entity focus\" id=\"e2\">"))
        #expect(!html.contains("Damascus"))
    }

    @Test func highlightFindsWholeWordsInAnyCase() {
        let labels = [(text: "Oman", class: "s"), (text: "Kuala Lumpur", class: "o")]
        #expect(GraphReport.highlight("OMAN and oman's envoy in kuala lumpur", labels: labels)
            == #"<mark class="s">OMAN</mark> and <mark class="s">oman</mark>&#39;s envoy in <mark class="o">kuala lumpur</mark>"#)
        // Not inside a word ("Romania", "Omani"), and no mark when the label is not there.
        #expect(GraphReport.highlight("Romania & the Omani <navy>", labels: labels) == "Romania &amp; the Omani &lt;navy&gt;")
        // Overlaps: the earlier, then the longer, occurrence wins.
        #expect(GraphReport.highlight("New York City", labels: [(text: "York", class: "s"), (text: "New York", class: "o")])
            == #"<mark class="o">New York</mark> City"#)
        #expect(GraphReport.highlight("Émile met ÉMILE", labels: [(text: "émile", class: "s")])
            == #"<mark class="s">Émile</mark> met <mark class="s">ÉMILE</mark>"#)
    }
}
