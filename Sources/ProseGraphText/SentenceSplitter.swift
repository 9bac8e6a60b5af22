/// Splits a paragraph into sentences on the UTF-8 bytes, without regular
/// expressions: a sentence ends at `.`, `!` or `?` (with any closing quotes or
/// brackets after it) followed by white space and a capital letter, digit or
/// opening quote, unless the period closes an abbreviation or an initial, or
/// sits inside quotes or parentheses.
public enum SentenceSplitter {
    /// Sentence ranges within `range`, trimmed of surrounding white space.
    public static func split(_ b: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = skipSpace(b, range.lowerBound, range.upperBound)
        var i = start
        let end = range.upperBound
        var paren = 0
        var quoteOpenedAt: Int? = nil  // straight or curly double quote
        while i < end {
            let c = b[i]
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["):
                paren += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                if paren > 0 { paren -= 1 }
            case UInt8(ascii: "\""):
                quoteOpenedAt = quoteOpenedAt == nil ? i : nil
            case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x9C:  // “
                quoteOpenedAt = i
            case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x9D:  // ”
                quoteOpenedAt = nil
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                // A quote or bracket left open for long is unbalanced: stop honouring it.
                if let q = quoteOpenedAt, i - q > 600 { quoteOpenedAt = nil }
                if paren > 0, i - start > 600 { paren = 0 }
                var q = i + 1
                while q < end, let w = closerWidth(b, q, end) {
                    if b[q] == UInt8(ascii: "\"") { quoteOpenedAt = nil }
                    if b[q] == 0xE2, b[q + 2] == 0x9D { quoteOpenedAt = nil }
                    if b[q] == UInt8(ascii: ")") || b[q] == UInt8(ascii: "]") { if paren > 0 { paren -= 1 } }
                    q += w
                }
                guard q < end, isSpace(b, q) else { break }
                let next = skipSpace(b, q, end)
                guard next < end, quoteOpenedAt == nil, paren == 0 else { break }
                guard startsSentence(b, next, end) else { break }
                if c == UInt8(ascii: "."), !periodEnds(b, dot: i, from: start, next: next, end: end) { break }
                out.append(start..<trimEnd(b, start, q))
                start = next
                i = next
                continue
            default:
                break
            }
            i += 1
        }
        if start < end {
            let e = trimEnd(b, start, end)
            if e > start { out.append(start..<e) }
        }
        return out
    }

    // MARK: - Abbreviations

    /// Never end a sentence: titles and words that always precede a name or number.
    static let bound: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "ste", "gen", "col", "lt", "capt", "cpt", "sgt", "maj", "adm",
        "cmdr", "rev", "hon", "sen", "rep", "gov", "pres", "amb", "sdn", "mt", "ft", "no", "nos", "vol",
        "art", "fig", "approx", "ca", "cf", "vs", "e.g", "i.e", "viz", "esp", "dept", "univ", "pp", "p",
        "h.e", "h.m", "h.r.h", "mme", "mlle", "messrs", "sr", "jr", "br",
    ]

    /// May end a sentence: company suffixes, month and country abbreviations,
    /// "etc.". They end one only before a word that typically starts a sentence.
    static let ambiguous: Set<String> = [
        "inc", "ltd", "bhd", "co", "corp", "plc", "llc", "s.a", "n.v", "b.v", "a.g", "ag", "nv", "bv", "sa",
        "etc", "u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "est", "al",
    ]

    /// Capitalized words that start sentences far more often than they follow an abbreviation.
    static let sentenceStarters: Set<String> = [
        "the", "in", "on", "at", "by", "during", "after", "before", "since", "following", "however", "it", "he",
        "she", "they", "this", "these", "those", "that", "there", "its", "his", "her", "their", "a", "an", "as",
        "when", "while", "although", "both", "also", "later", "then", "from", "until", "today", "currently",
        "according", "despite", "with", "throughout", "over", "between", "we", "our", "i", "for", "other",
        "many", "some", "several", "each", "meanwhile", "moreover", "furthermore", "additionally", "thus",
        "nevertheless", "yet", "but", "and", "so", "one", "two", "under", "among", "upon", "within", "once",
    ]

    /// Whether the period at `dot` ends the sentence.
    static func periodEnds(_ b: [UInt8], dot: Int, from start: Int, next: Int, end: Int) -> Bool {
        // The word before the period: letters and inner periods.
        var w = dot
        while w > start {
            let x = b[w - 1]
            if isLetter(x) || x == UInt8(ascii: ".") || x >= 0x80 { w -= 1 } else { break }
        }
        if w == dot { return true }  // "5." or ")." : nothing to protect
        let word = String(decoding: b[w..<dot], as: UTF8.self)
        let lower = word.lowercased()
        if bound.contains(lower) { return false }
        // "Guðni Th. Jóhannesson": a two-letter abbreviation after a capitalized name is a middle initial.
        let isNameAbbreviation = dot - w == 2 && isUpper(b[w]) && !isUpper(b[w + 1]) && w >= 2 && b[w - 1] == UInt8(ascii: " ")
            && previousWordIsCapitalized(b, before: w - 1, from: start)
        let isInitials = isInitialsWord(b, w, dot) || isNameAbbreviation
        if ambiguous.contains(lower) || isInitials {
            return startsWithStarter(b, next, end)
        }
        return true
    }

    /// Whether the word ending before the space at `space` starts with a capital letter.
    static func previousWordIsCapitalized(_ b: [UInt8], before space: Int, from start: Int) -> Bool {
        var k = space
        while k > start, b[k - 1] != UInt8(ascii: " ") { k -= 1 }
        return k < space && (isUpper(b[k]) || b[k] >= 0xC0)
    }

    /// "M", "M.R", "A.B.C": single letters separated by periods.
    static func isInitialsWord(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        var i = s
        var letters = 0
        while i < e {
            guard isUpper(b[i]) else { return false }
            letters += 1
            i += 1
            if i < e {
                guard b[i] == UInt8(ascii: ".") else { return false }
                i += 1
            }
        }
        return letters >= 1
    }

    static func startsWithStarter(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        var e = i
        while e < end, isLetter(b[e]) { e += 1 }
        guard e > i else { return false }
        return sentenceStarters.contains(String(decoding: b[i..<e], as: UTF8.self).lowercased())
    }

    // MARK: - Bytes

    static func startsSentence(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        // Invisible marks (bidi controls, zero-width joiners) and emoji before the
        // first word do not hide its capital: "2019. \u{200E}Belgium", "👍🏽 Belgium".
        var i = i
        while i < end, b[i] >= 0xC0 {
            guard let s = UTF8Text.scalar(at: i, in: b[..<end]), isInvisibleOrEmoji(s) else { break }
            i += UTF8.width(s)
            if !(s.properties.generalCategory == .format) { i = skipSpace(b, i, end) }
        }
        guard i < end else { return false }
        let c = b[i]
        if isUpper(c) || (c >= 0x30 && c <= 0x39) { return true }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "(") || c == UInt8(ascii: "'") || c == UInt8(ascii: "[") { return true }
        if c >= 0xC0 {
            // Decode one scalar and ask whether it is an upper-case letter or an opening quote.
            if let s = UTF8Text.scalar(at: i, in: b[..<end]) {
                return s.properties.isUppercase || s == "\u{201C}" || s == "\u{2018}" || s == "\u{00AB}"
            }
        }
        return false
    }

    /// A format character (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF ...)
    /// or a part of an emoji (pictographs, skin tones, flags, variation selectors).
    static func isInvisibleOrEmoji(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        return p.generalCategory == .format || p.isEmojiPresentation || p.isEmojiModifier || p.isVariationSelector
            || (0x1F1E6...0x1F1FF).contains(s.value)
    }

    /// Width of a closing quote or bracket at `i`, or nil.
    static func closerWidth(_ b: [UInt8], _ i: Int, _ end: Int) -> Int? {
        let c = b[i]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { return 1 }
        if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x9D || b[i + 2] == 0x99 { return 3 }  // ” ’
        if c == 0xC2, i + 1 < end, b[i + 1] == 0xBB { return 2 }  // »
        return nil
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    static func isSpace(_ b: [UInt8], _ i: Int) -> Bool {
        let c = b[i]
        return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || (c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0)
    }

    static func skipSpace(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, isSpace(b, i) { i += b[i] == 0xC2 ? 2 : 1 }
        return i
    }

    static func trimEnd(_ b: [UInt8], _ s: Int, _ e: Int) -> Int {
        var e = e
        while e > s {
            let c = b[e - 1]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { e -= 1 }
            else if c == 0xA0, e >= 2, b[e - 2] == 0xC2 { e -= 2 }
            else { break }
        }
        return e
    }
}
