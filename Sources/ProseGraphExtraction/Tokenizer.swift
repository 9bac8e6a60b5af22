import ProseGraphText

/// A token of a sentence: a word, a number or a punctuation mark, with its
/// UTF-8 byte range in the sentence.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punctuation }
    public let range: Range<Int>
    public let text: String
    /// Lower-cased, curly apostrophes straightened: the key lookups use.
    public let lower: String
    public let kind: Kind
    /// White space (or the sentence start) precedes the token.
    public let spaceBefore: Bool

    /// The first letter is upper case (computed once, when the token is made).
    public let isCapitalized: Bool
    /// The hash word lists look `lower` up by (`WordIndex`); nil when it is not ASCII.
    let lowerHash: UInt64?

    init(range: Range<Int>, text: String, lower: String, kind: Kind, spaceBefore: Bool) {
        self.range = range
        self.text = text
        self.lower = lower
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.lowerHash = WordIndex.asciiHash(lower)
        if let f = text.utf8.first, f < 0x80 {
            isCapitalized = f >= 0x41 && f <= 0x5A
        } else {
            isCapitalized = text.unicodeScalars.first?.properties.isUppercase ?? false
        }
    }

    public var isAllCaps: Bool {
        // ASCII (most tokens), by bytes: upper case is A-Z there.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var upper = false
            for c in text.utf8 {
                if Tokenizer.isUpperASCII(c) { upper = true } else if c != 0x2E, !Tokenizer.isDigit(c) { return false }
            }
            return upper && text.utf8.count >= 2
        }
        return text.unicodeScalars.count >= 2 && text.unicodeScalars.allSatisfy { $0.properties.isUppercase || $0 == "." || ("0"..."9").contains($0) }
            && text.unicodeScalars.contains { $0.properties.isUppercase }
    }
}

/// Splits a sentence into tokens on its bytes. Words keep inner apostrophes
/// ("d'Affaires") and the periods of initials and known abbreviations
/// ("M.R.", "U.S.", "Sdn."); a possessive "'s" is a token of its own; hyphens
/// and dashes are tokens, so "Belgian-Syrian" gives three.
public enum Tokenizer {
    public static func tokenize(_ sentence: String) -> [Token] {
        var s = sentence
        return s.withUTF8 { tokenize(bytes: $0) }
    }

    static func tokenize(bytes b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(b.count / 5)
        var i = 0
        let n = b.count
        var space = true
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                space = true
                i += 1
                continue
            }
            if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 {  // no-break space
                space = true
                i += 2
                continue
            }
            if isInvisible(b, i) {  // a bidi mark or zero-width character between tokens: not a token
                i += 3
                continue
            }
            let start = i
            var kind = Token.Kind.word
            if isDigit(c) {
                kind = .number
                i += 1
                while i < n {
                    if isDigit(b[i]) { i += 1; continue }
                    if (b[i] == 0x2C || b[i] == 0x2E), i + 1 < n, isDigit(b[i + 1]) { i += 2; continue }
                    if isLetterByte(b, i) { kind = .word; i += width(b, i); continue }  // 1940s, 11th
                    break
                }
            } else if isLetterByte(b, i) {
                i += width(b, i)
                while i < n {
                    if isLetterByte(b, i) || isDigit(b[i]) { i += width(b, i); continue }
                    // Lower-case compounds stay one word: "consulate-general", "start-up", "two-day".
                    if b[i] == 0x2D, i + 1 < n, isLowerASCII(b[i + 1]), isLowerASCII(b[start]) || isDigit(b[start]),
                       isLowerASCII(b[i - 1]) || isDigit(b[i - 1]) {
                        i += 1
                        continue
                    }
                    // A zero-width (non-)joiner inside a word stays in it: "Al\u{200D}i".
                    if b[i] == 0xE2, i + 3 < n, b[i + 1] == 0x80, b[i + 2] == 0x8C || b[i + 2] == 0x8D, isLetterByte(b, i + 3) {
                        i += 3
                        continue
                    }
                    // Inner apostrophe followed by a letter, except a possessive 's.
                    if let aw = apostropheWidth(b, i), i + aw < n, isLetterByte(b, i + aw) {
                        let afterS = i + aw + 1
                        let possessive = (b[i + aw] | 0x20) == 0x73 && (afterS >= n || !isLetterByte(b, afterS))
                        if possessive { break }
                        i += aw
                        continue
                    }
                    break
                }
                // Periods of initials and abbreviations: "M.R.", "U.S.", "Sdn.".
                if i < n, b[i] == 0x2E {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                    if keepsPeriod(word, b, i) {
                        i += 1
                        while i + 1 < n, isUpperASCII(b[i]), b[i + 1] == 0x2E { i += 2 }
                    }
                }
            } else if let aw = apostropheWidth(b, i), i + aw < n, (b[i + aw] | 0x20) == 0x73,
                      i + aw + 1 >= n || !isLetterByte(b, i + aw + 1) {
                i += aw + 1  // possessive 's
                let text = "'s"
                out.append(Token(range: start..<i, text: text, lower: text, kind: .word, spaceBefore: space))
                space = false
                continue
            } else if let aw = apostropheWidth(b, i), i > 0, (b[i - 1] | 0x20) == 0x73, i + aw >= n || !isLetterByte(b, i + aw) {
                // A plural possessive: "the Philippines' independence" reads as "'s" (its text stays "'").
                i += aw
                out.append(Token(range: start..<i, text: "'", lower: "'s", kind: .word, spaceBefore: space))
                space = false
                continue
            } else {
                kind = .punctuation
                i += max(1, width(b, i))
            }
            let bytes = UnsafeBufferPointer(rebasing: b[start..<i])
            let text = String(decoding: bytes, as: UTF8.self)
            var lower = Self.lowercased(text, bytes)
            if hasCurlyApostrophe(b, start, i) {
                lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
            }
            out.append(Token(range: start..<i, text: text, lower: lower, kind: kind, spaceBefore: space))
            space = false
        }
        return out
    }

    /// `text.lowercased()`; for ASCII text (most tokens), by bytes.
    static func lowercased(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var upper = false
        for c in bytes {
            if c >= 0x80 { return text.lowercased() }
            if isUpperASCII(c) { upper = true }
        }
        guard upper else { return text }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            for (k, c) in bytes.enumerated() { out[k] = isUpperASCII(c) ? c | 0x20 : c }
            return bytes.count
        }
    }

    /// Abbreviations whose period belongs to the word.
    static let periodWords: WordSet = [
        "Sdn", "Bhd", "St", "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Capt", "Jr", "Sr", "Inc",
        "Ltd", "Co", "Corp", "No", "Mt", "Ft", "Rev", "Hon", "Sen", "Gov", "approx", "Approx", "vs", "etc",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "H.E",
    ]

    static func keepsPeriod(_ word: String, _ b: UnsafeBufferPointer<UInt8>, _ dot: Int) -> Bool {
        if periodWords.contains(word) {
            // "Inc." or "etc." at the very end of a sentence: the period ends the sentence.
            return dot + 1 < b.count
        }
        // A single capital letter: an initial, as in "M.R. Taymans" or "John F. Kennedy".
        if word.utf8.count == 1, let f = word.utf8.first, isUpperASCII(f) { return dot + 1 < b.count }
        // A two-letter abbreviation before a capitalized word, as in "Guðni Th. Jóhannesson" (the sentence
        // splitter keeps such a period inside the sentence too).
        let u = Array(word.utf8)
        if u.count == 2, isUpperASCII(u[0]), u[1] >= 0x61, u[1] <= 0x7A, dot + 2 < b.count, b[dot + 1] == 0x20,
           isUpperASCII(b[dot + 2]) || b[dot + 2] >= 0xC0 {
            return true
        }
        return false
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Bidi marks, embeddings and isolates, zero-width characters and the
    /// byte order mark (U+200B-U+200F, U+202A-U+202E, U+2060-U+2064,
    /// U+2066-U+2069, U+FEFF): characters that show nothing, all three bytes in UTF-8.
    static func isInvisible(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 2 < b.count else { return false }
        let (c0, c1, c2) = (b[i], b[i + 1], b[i + 2])
        if c0 == 0xEF { return c1 == 0xBB && c2 == 0xBF }
        guard c0 == 0xE2 else { return false }
        if c1 == 0x80 { return (0x8B...0x8F).contains(c2) || (0xAA...0xAE).contains(c2) }
        if c1 == 0x81 { return (0xA0...0xA4).contains(c2) || (0xA6...0xA9).contains(c2) }
        return false
    }

    /// Whether bytes s..<e hold U+2019 (E2 80 99), without leaving the bytes.
    static func hasCurlyApostrophe(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k + 2 < e, k + 2 < b.count {
            if b[k] == 0xE2, b[k + 1] == 0x80, b[k + 2] == 0x99 { return true }
            k += 1
        }
        return false
    }
    static func isUpperASCII(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    static func isLowerASCII(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }

    static func isLetterByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        guard let s = scalar(b, i) else { return false }
        return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }

    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
        UTF8Text.scalar(at: i, in: b)
    }

    static func width(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        if c >= 0xF0 { return 4 }
        if c >= 0xE0 { return 3 }
        if c >= 0xC0 { return 2 }
        return 1
    }

    static func apostropheWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        if b[i] == 0x27 { return 1 }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x99 { return 3 }
        return nil
    }
}
