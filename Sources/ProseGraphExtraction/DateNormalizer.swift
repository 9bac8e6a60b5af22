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

    static let months: WordMap<Int> = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
        "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Date spans, left to right. `contextYear` is updated with every year seen.
    public func dates(_ t: [Token], contextYear: inout Int?) -> [EntitySpan] {
        var context = contextYear.map { FactDate(year: $0) }
        defer { contextYear = context?.year }
        return dates(t, context: &context)
    }

    /// Date spans, left to right. `context` is the last date seen (in this text or an earlier
    /// one of the article), updated with every date found: relative dates count from it.
    public func dates(_ t: [Token], context: inout FactDate?) -> [EntitySpan] {
        var report: FactDate? = nil
        return dates(t, context: &context, report: &report)
    }

    /// The same, with `report`: the date of the news report being read (its dateline's), carried from sentence to
    /// sentence until another date moves the story. A weekday in a report is the last such day on or before it.
    public func dates(_ t: [Token], context: inout FactDate?, report: inout FactDate?) -> [EntitySpan] {
        var out: [EntitySpan] = []
        var i = 0
        // A flashback's date does not move the story, but a date without a year later in the same sentence
        // takes its year: "X, who had been elected on 3 August 2024, visited Laos on 11 and 12 August".
        var local = context
        // A news dateline ("ABUJA, Tuesday 17 September 2019 —", "YEREVAN, Aug. 19 (AP) —") dates the report: a weekday
        // after it, in its sentence or the next ones, is the last such day on or before that date ("arrived on Monday").
        let dash = t.prefix(16).firstIndex { $0.text == "—" || $0.text == "–" }
        let dateline = dash != nil && t.first.map { $0.isAllCaps && $0.kind == .word } == true
        var reportDate: FactDate? = report
        defer { report = reportDate }
        while i < t.count {
            // ("later that year" counts from the story's date, though.)
            let yearOf = t[i].kind == .number || month(t[i]) != nil ? local : context
            if let report = reportDate, i > 0, let wd = Self.weekdays[t[i]], t[i].isCapitalized, Self.weekdayCues.contains(t[i - 1]) {
                let d = report.previous(weekday: wd)
                out.append(EntitySpan(tokens: i..<(i + 1), type: .date, label: d.description, date: d))
                i += 1
                continue
            }
            if let (date, end) = relative(t, i, context) ?? match(t, i, yearOf?.year) {
                if let d = date, dateline, let dash, end <= dash, d.day != nil { reportDate = d }
                else if date != nil { reportDate = nil }
                if let d = date {
                    out.append(EntitySpan(tokens: i..<end, type: .date, label: d.description, date: d))
                    // A relative date that looks back ("since taking office the previous year") is an aside:
                    // the story stays where it was, so "On Tuesday" after it still counts from the last date.
                    // So does a month alone before the last date ("prompted Lima to send troops in January").
                    let relativeWord = t[i].kind != .number && (month(t[i]) == nil || end == i + 1)
                    if !(relativeWord && context.map { d < $0 } ?? false) {
                        if !Self.isFlashback(t, i) { context = d }
                        if !relativeWord { local = d } else { local = context }
                    }
                }
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    /// A date in a pluperfect clause ("the occupation that had followed Spain's defeat in 1898") looks back:
    /// "later that year" after it still counts from the story's date.
    static func isFlashback(_ t: [Token], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - 6 {
            let w = t[k].lower
            if w == "," || w == ";" || w == "." { return false }
            if w == "had" { return true }
            k -= 1
        }
        return false
    }

    /// Words after which a month alone is a date in the year of the story ("flew to Kigali in April").
    static let monthAloneCues: WordSet = ["in", "early", "late", "mid", "by", "until", "since"]

    static let numberWords: WordMap<Int> = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    ]
    static let weekdays: WordMap<Int> = ["sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6]

    /// Days and months relative to the last date seen, at the granularity that date allows:
    /// "the next day", "the following day", "two days later", "later that month", "the
    /// following month", "a month later", "three months later", "two years later", and a
    /// weekday ("on Sunday": the first such day on or after the last date).
    /// The words a relative date can start with (a quick test before the phrases are tried).
    static let relativeStarters = WordSet(Set(numberWords.keys).union(weekdays.keys).union(["the", "later", "earlier", "that"]))
    static let relativeStarterFilter = WordFilter(relativeStarters)
    static let nextWords: WordSet = ["next", "following"]
    static let dayParts: WordSet = ["day", "morning", "evening", "afternoon", "night"]
    static let previousWords: WordSet = ["previous", "preceding"]
    static let weekdayCues: WordSet = ["on", "by", "until", "since", "last", "after", "before"]

    func relative(_ t: [Token], _ i: Int, _ context: FactDate?) -> (FactDate?, Int)? {
        guard let c = context, t[i].kind == .number || (Self.relativeStarterFilter.mayContain(t[i].lower) && Self.relativeStarters.contains(t[i])) else { return nil }
        let n = t.count
        func w(_ k: Int) -> String? { k < n ? t[k].lower : nil }
        // "the next day", "the following day/morning/evening", "the day after"
        if w(i) == "the", let a = w(i + 1), let b = w(i + 2) {
            if Self.nextWords.contains(a), Self.dayParts.contains(b) { return (c.adding(days: 1), i + 3) }
            if a == "day", b == "after", w(i + 3) == nil || !(t[i + 3].kind == .number || month(t[i + 3]) != nil) { return (c.adding(days: 1), i + 3) }
            if Self.nextWords.contains(a) || a == "subsequent", b == "month" { return (c.adding(months: 1), i + 3) }
            if a == "same", b == "day" { return (c, i + 3) }
            if a == "same", b == "month" { return (c.month == nil ? c : FactDate(year: c.year, month: c.month), i + 3) }
            if Self.previousWords.contains(a), b == "day" { return (c.adding(days: -1), i + 3) }
            if Self.previousWords.contains(a), b == "month" { return (c.adding(months: -1), i + 3) }
        }
        // "arrived in August 2019 and ... on the 27th": an ordinal day alone, in the month of the last date.
        if w(i) == "the", c.month != nil, i + 1 < n, t[i + 1].kind != .number, let d = day(t[i + 1]),
           i + 2 >= n || t[i + 2].kind == .punctuation {
            return (FactDate(year: c.year, month: c.month, day: d), i + 2)
        }
        // "later that month", "earlier that month", "that month", "that day", "that evening"
        if let a = w(i), a == "later" || a == "earlier", w(i + 1) == "that", w(i + 2) == "month" {
            return (c.month == nil ? c : FactDate(year: c.year, month: c.month), i + 3)
        }
        if w(i) == "later", w(i + 1) == "that", let b = w(i + 2), Self.dayParts.contains(b) { return (c, i + 3) }
        // "later in the day", "earlier in the day"
        if let a = w(i), a == "later" || a == "earlier", w(i + 1) == "in", w(i + 2) == "the", let b = w(i + 3), Self.dayParts.contains(b) { return (c, i + 4) }
        if w(i) == "that", let b = w(i + 1), Self.dayParts.contains(b) { return (c, i + 2) }
        // "that same day", "that same month"
        if w(i) == "that", w(i + 1) == "same", let b = w(i + 2) {
            if Self.dayParts.contains(b) { return (c, i + 3) }
            if b == "month" { return (c.month == nil ? c : FactDate(year: c.year, month: c.month), i + 3) }
            if b == "year" { return (FactDate(year: c.year), i + 3) }
        }
        if w(i) == "that", w(i + 1) == "month" { return (c.month == nil ? c : FactDate(year: c.year, month: c.month), i + 2) }
        // "that December", "later that December": the month in the year of the last date.
        if w(i) == "that", i + 1 < n, let m = month(t[i + 1]), t[i + 1].isCapitalized { return (FactDate(year: c.year, month: m), i + 2) }
        // "two days later", "a month later", "three years later"
        if let a = w(i), let k = Self.numberWords[t[i]] ?? (t[i].kind == .number && a.count <= 2 ? Int(a) : nil), let unit = w(i + 1), w(i + 2) == "later" {
            switch unit {
            case "day", "days": return (c.adding(days: k), i + 3)
            case "week", "weeks": return (c.adding(days: 7 * k), i + 3)
            case "month", "months": return (c.adding(months: k), i + 3)
            case "year", "years": return (FactDate(year: c.year + k), i + 3)
            default: break
            }
        }
        // A weekday after "on" or at the start of a sentence: the first such day on or after the last date.
        if let wd = Self.weekdays[t[i]], t[i].isCapitalized, c.day != nil, i == 0 || Self.weekdayCues.contains(t[i - 1]) {
            return (c.next(weekday: wd), i + 1)
        }
        return nil
    }

    func month(_ t: Token) -> Int? {
        guard let m = Self.months[t] else { return nil }
        // "may" is a verb unless capitalized.
        if t.lower == "may", !t.isCapitalized { return nil }
        // Abbreviations only with their period or capitalized.
        return t.isCapitalized ? m : nil
    }

    static let relativeYearStarters: WordSet = ["the", "a", "later", "earlier", "that"]
    static let monthFilter = WordFilter(months.keys)

    func day(_ t: Token) -> Int? {
        guard let f = t.lower.utf8.first, f >= 0x30, f <= 0x39 else { return nil }
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
        // Every date starts with a digit, a capitalized month or (with a context) a relative-year word.
        let first = t[i].lower.utf8.first ?? 0
        guard (first >= 0x30 && first <= 0x39) || (t[i].isCapitalized && Self.monthFilter.mayContain(t[i].lower) && Self.months[t[i]] != nil)
            || (context != nil && Self.relativeYearStarters.contains(t[i])) else { return nil }
        let n = t.count
        func tok(_ k: Int) -> Token? { k < n ? t[k] : nil }
        func isDash(_ k: Int) -> Bool { guard let x = tok(k) else { return false }; return x.text == "–" || x.text == "-" || x.text == "—" || x.lower == "to" }

        // Range "24 to 26 June 2025" / "24–26 June 2025" / "6 and 7 October 2024": the start day with the end's month and year.
        if let d1 = tok(i).flatMap(day), isDash(i + 1) || tok(i + 1)?.lower == "and", let _ = tok(i + 2).flatMap(day), let m = tok(i + 3).flatMap(month) {
            if let y = tok(i + 4).flatMap(year) { return (FactDate(year: y, month: m, day: d1), i + 5) }
            if let c = context { return (FactDate(year: c, month: m, day: d1), i + 4) }
            return (nil, i + 4)
        }
        // Range across months "26 May to 2 June 1955": the start day and month with the end's year.
        if let d1 = tok(i).flatMap(day), let m1 = tok(i + 1).flatMap(month), isDash(i + 2) || tok(i + 2)?.lower == "and",
           tok(i + 3).flatMap(day) != nil, tok(i + 4).flatMap(month) != nil {
            if let y = tok(i + 5).flatMap(year) { return (FactDate(year: y, month: m1, day: d1), i + 6) }
            if let c = context { return (FactDate(year: c, month: m1, day: d1), i + 5) }
            return (nil, i + 5)
        }
        // "the 26th of December, 1826".
        if let d = tok(i).flatMap(day), tok(i).map({ $0.kind != .number }) ?? false, tok(i + 1)?.lower == "of", let m = tok(i + 2).flatMap(month) {
            var k = i + 3
            if tok(k)?.text == "," { k += 1 }
            if let y = tok(k).flatMap(year) { return (FactDate(year: y, month: m, day: d), k + 1) }
            if let c = context { return (FactDate(year: c, month: m, day: d), i + 3) }
            return (nil, i + 3)
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
            // "Al-Khulaifi flew to Kigali in April": a month alone after "in" takes the year of the nearest date before it.
            if let c = context, i > 0, Self.monthAloneCues.contains(t[i - 1]), tok(i + 1)?.kind != .number {
                return (FactDate(year: c, month: m), i + 1)
            }
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
