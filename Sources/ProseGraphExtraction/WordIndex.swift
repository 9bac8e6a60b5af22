/// Words looked up by their UTF-8 bytes: an open-addressing table with an FNV-1a hash,
/// so the many word-list tests of a sentence cost a short loop over a few bytes
/// instead of a seeded SipHash of the String each time.
///
/// Lookups answer exactly as a `Set<String>` or `[String: V]` would: an ASCII query
/// is equal to a String only when the bytes are (ASCII is its own canonical form), so
/// ASCII queries go to the table; any other query goes to the String dictionary, which
/// compares by canonical equivalence. A non-ASCII word whose canonical form is ASCII
/// (none of the lists has one) is entered under that form too: the only scalars that
/// are canonically an ASCII character are U+037E (;), U+1FEF (`) and U+212A (K).
struct WordIndex: Sendable {
    /// Slot -> index into `keys` + 1; 0 is empty.
    private var slots: [Int32]
    private var mask: Int
    /// Per entry: the key's bytes start and length in `bytes`, and its hash.
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    private var bytes: [UInt8] = []
    /// Per entry: the key as a String, to confirm a token's hash.
    private var keyStrings: [String] = []
    /// Per entry: the value it stands for (the word's position in `words`).
    private var values: [Int32] = []
    /// Every word, for non-ASCII queries (exact String semantics).
    private(set) var exact: [String: Int32] = [:]

    /// `words[i]` is found as i; a repeated word keeps its first position.
    init<S: Sequence>(_ words: S) where S.Element == String {
        var all: [String] = []
        for w in words where exact[w] == nil {
            exact[w] = Int32(all.count)
            all.append(w)
        }
        var size = 16
        while size < all.count * 3 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (i, w) in all.enumerated() {
            let ascii = w.unicodeScalars.map { s -> UInt32 in
                switch s.value {
                case 0x037E: 0x3B
                case 0x1FEF: 0x60
                case 0x212A: 0x4B
                default: s.value
                }
            }
            if ascii.allSatisfy({ $0 < 0x80 }) { insert(ascii.map { UInt8($0) }, value: Int32(i)) }
        }
    }

    private mutating func insert(_ key: [UInt8], value: Int32) {
        let h = key.withUnsafeBufferPointer { Self.hash($0) }
        if key.withUnsafeBufferPointer({ find($0, h) }) != nil { return }
        let entry = Int32(values.count)
        starts.append(Int32(bytes.count))
        lengths.append(Int32(key.count))
        hashes.append(h)
        bytes.append(contentsOf: key)
        keyStrings.append(String(decoding: key, as: UTF8.self))
        values.append(value)
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = entry + 1
    }

    @inline(__always)
    static func hash<S: Sequence>(_ b: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// The hash a token's lower-cased text is looked up by, or nil when that text is not ASCII
    /// (computed once per token, by `Token`).
    static func asciiHash(_ s: String) -> UInt64? {
        for c in s.utf8 where c >= 0x80 { return nil }
        return hash(s.utf8)
    }

    private func find(_ b: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> Int32? {
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { return nil }
            if hashes[e - 1] == h, Int(lengths[e - 1]) == b.count {
                let start = Int(starts[e - 1])
                var same = true
                for k in 0..<b.count where bytes[start + k] != b[k] { same = false; break }
                if same { return values[e - 1] }
            }
            s = (s + 1) & mask
        }
    }

    /// The position of the token's lower-cased text, or nil; by the hash the token carries.
    @inline(__always)
    func index(of t: Token) -> Int32? {
        guard let h = t.lowerHash else { return exact[t.lower] }
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { return nil }
            if hashes[e - 1] == h, keyStrings[e - 1] == t.lower { return values[e - 1] }
            s = (s + 1) & mask
        }
    }

    /// The word's position, or nil.
    func index(of word: String) -> Int32? {
        var w = word
        let ascii: Int32?? = w.withUTF8 { b -> Int32?? in
            var high: UInt8 = 0
            for c in b { high |= c }
            guard high < 0x80 else { return .none }
            return .some(find(b, Self.hash(b)))
        }
        if let ascii { return ascii }
        return exact[word]
    }
}

/// A set of words with `WordIndex` lookups; answers as `Set<String>` does.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    let words: Set<String>
    private let index: WordIndex

    init<S: Sequence>(_ words: S) where S.Element == String {
        let list = Array(words)
        self.words = Set(list)
        self.index = WordIndex(list)
    }
    init(arrayLiteral elements: String...) { self.init(elements) }

    @inline(__always)
    func contains(_ word: String) -> Bool { index.index(of: word) != nil }
    /// Whether the token's lower-cased text is in the set.
    @inline(__always)
    func contains(_ t: Token) -> Bool { index.index(of: t) != nil }

    func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String { WordSet(Array(words) + Array(other)) }
    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
    var isEmpty: Bool { words.isEmpty }
}

/// A dictionary keyed by words with `WordIndex` lookups; answers as `[String: Value]` does.
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private let values: [Value]
    private let index: WordIndex
    let keys: [String]

    init(_ pairs: [(String, Value)]) {
        var keys: [String] = [], values: [Value] = [], seen: [String: Int] = [:]
        for (k, v) in pairs {
            if let i = seen[k] { values[i] = v; continue }
            seen[k] = keys.count
            keys.append(k)
            values.append(v)
        }
        self.keys = keys
        self.values = values
        self.index = WordIndex(keys)
    }
    init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }

    @inline(__always)
    subscript(_ word: String) -> Value? {
        guard let i = index.index(of: word) else { return nil }
        return values[Int(i)]
    }
    /// The value of the token's lower-cased text.
    @inline(__always)
    subscript(_ t: Token) -> Value? {
        guard let i = index.index(of: t) else { return nil }
        return values[Int(i)]
    }
}

/// Phrases of lower-case words, matched against tokens: each word's `WordIndex` hash is kept,
/// so a token whose hash differs is passed over without comparing texts.
struct PhraseSet: Sendable {
    let phrases: [[String]]
    private let hashes: [[UInt64?]]

    init(_ phrases: [[String]]) {
        self.phrases = phrases
        self.hashes = phrases.map { $0.map(WordIndex.asciiHash) }
    }

    /// The length of the longest phrase that the tokens from `i` spell, or nil.
    func longestMatch(_ t: [Token], _ i: Int) -> Int? {
        var best: Int? = nil
        for (p, phrase) in phrases.enumerated() where i + phrase.count <= t.count {
            var ok = true
            for (k, w) in phrase.enumerated() {
                // Two ASCII words differ when their hashes do; otherwise the texts decide.
                if let a = t[i + k].lowerHash, let b = hashes[p][k], a != b { ok = false; break }
                if t[i + k].lower != w { ok = false; break }
            }
            if ok, phrase.count > (best ?? 0) { best = phrase.count }
        }
        return best
    }
}
