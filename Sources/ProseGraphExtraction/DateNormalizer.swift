import ProseGraphModel

/// Finds dates in a tokenized sentence and normalizes them to ISO at the
/// written granularity: "20 March 1946" and "March 20, 1946" -> 1946-03-20,
/// "in November 2013" -> 2013-11, "In 2018" -> 2018, "since 2014" -> 2014,
/// "from 24 to 26 June 2025" -> 2025-06-24 (a range dates by its start), and
/// "On 8 November" -> the year of the nearest date before it (`contextYear`).
/// Fiscal years ("2016–17"), decades ("the 2000s") and years before the
/// common era give no date.
public struct DateNormalizer: Sendable {
    public init() {}

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
        "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Date spans, left to right. `contextYear` is updated with every year seen.
    public func dates(_ t: [Token], contextYear: inout Int?) -> [EntitySpan] {
        var out: [EntitySpan] = []
        var i = 0
        while i < t.count {
            if let (date, end) = match(t, i, contextYear) {
                if let d = date {
                    out.append(EntitySpan(tokens: i..<end, type: .date, label: d.description, date: d))
                    contextYear = d.year
                }
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    func month(_ t: Token) -> Int? {
        guard let m = Self.months[t.lower] else { return nil }
        // "may" is a verb unless capitalized.
        if t.lower == "may", !t.isCapitalized { return nil }
        // Abbreviations only with their period or capitalized.
        return t.isCapitalized ? m : nil
    }

    func day(_ t: Token) -> Int? {
        guard t.kind == .number || t.lower.hasSuffix("st") || t.lower.hasSuffix("nd") || t.lower.hasSuffix("rd") || t.lower.hasSuffix("th") else { return nil }
        var digits = t.lower
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
        guard digits.count <= 2, let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    func year(_ t: Token) -> Int? {
        guard t.kind == .number, t.text.count == 4, let y = Int(t.text), (1000...2199).contains(y) else { return nil }
        return y
    }

    /// A date starting at `i`: (nil, end) consumes tokens that look like a date but give none.
    func match(_ t: [Token], _ i: Int, _ context: Int?) -> (FactDate?, Int)? {
        let n = t.count
        func tok(_ k: Int) -> Token? { k < n ? t[k] : nil }
        func isDash(_ k: Int) -> Bool { guard let x = tok(k) else { return false }; return x.text == "–" || x.text == "-" || x.text == "—" || x.lower == "to" }

        // Range "24 to 26 June 2025" / "24–26 June 2025": the start day with the end's month and year.
        if let d1 = tok(i).flatMap(day), isDash(i + 1), let _ = tok(i + 2).flatMap(day), let m = tok(i + 3).flatMap(month) {
            if let y = tok(i + 4).flatMap(year) { return (FactDate(year: y, month: m, day: d1), i + 5) }
            if let c = context { return (FactDate(year: c, month: m, day: d1), i + 4) }
            return (nil, i + 4)
        }
        // "20 March 1946", "8 November" (year from context).
        if let d = tok(i).flatMap(day), let m = tok(i + 1).flatMap(month) {
            if let y = tok(i + 2).flatMap(year) { return (FactDate(year: y, month: m, day: d), i + 3) }
            if let c = context { return (FactDate(year: c, month: m, day: d), i + 2) }
            return (nil, i + 2)
        }
        if let m = tok(i).flatMap(month) {
            // "March 20, 1946", "December 8 2024", "March 20" (context year).
            if let d = tok(i + 1).flatMap(day) {
                var k = i + 2
                if tok(k)?.text == "," { k += 1 }
                if let y = tok(k).flatMap(year) { return (FactDate(year: y, month: m, day: d), k + 1) }
                if let c = context { return (FactDate(year: c, month: m, day: d), i + 2) }
                return (nil, i + 2)
            }
            // "November 2013", "June–July 2024" (start month).
            if let y = tok(i + 1).flatMap(year) { return (FactDate(year: y, month: m), i + 2) }
            if isDash(i + 1), tok(i + 2).flatMap(month) != nil, let y = tok(i + 3).flatMap(year) { return (FactDate(year: y, month: m), i + 4) }
            return nil
        }
        // Relative years: "the following year", "the next year", "a year later", "later that year",
        // "the same year", "the previous year": the year of the nearest date before it, moved.
        if let c = context {
            let w0 = tok(i)?.lower, w1 = tok(i + 1)?.lower, w2 = tok(i + 2)?.lower
            if w0 == "the", let w1, w2 == "year" {
                switch w1 {
                case "following", "next", "subsequent": return (FactDate(year: c + 1), i + 3)
                case "same": return (FactDate(year: c), i + 3)
                case "previous", "preceding": return (FactDate(year: c - 1), i + 3)
                default: break
                }
            }
            if w0 == "a", w1 == "year", w2 == "later" { return (FactDate(year: c + 1), i + 3) }
            if w0 == "later" || w0 == "earlier", w1 == "that" || w1 == "the", w2 == "year" { return (FactDate(year: c), i + 3) }
            if w0 == "that", w1 == "year" || (w1 == "same" && w2 == "year") { return (FactDate(year: c), w1 == "year" ? i + 2 : i + 3) }
        }
        if let y = tok(i).flatMap(year) {
            // Fiscal years "2016–17" and ranges "2016–2018": the range gives its start, fiscal years none.
            if isDash(i + 1), let next = tok(i + 2), next.kind == .number {
                if next.text.count == 2 { return (nil, i + 3) }
                if year(next) != nil { return (FactDate(year: y), i + 3) }
            }
            if let next = tok(i + 1), ["bc", "bce", "b.c."].contains(next.lower) { return (nil, i + 2) }
            // "the 2025 United Nations General Assembly", "the 1978 massacre": a year naming an event, not dating the sentence.
            if i > 0, ["the", "a", "an", "its", "their", "his", "her"].contains(t[i - 1].lower) { return (nil, i + 1) }
            // A year used as a count ("2000 soldiers") is rare next to these cues; accept years after
            // a preposition, at a sentence start, before a comma or at the end, and in lists.
            return (FactDate(year: y), i + 1)
        }
        return nil
    }
}
