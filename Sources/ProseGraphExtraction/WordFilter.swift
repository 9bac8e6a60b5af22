/// A quick, allocation-free test that a word may be in a set of words: one bit per
/// (first UTF-8 byte, byte length mod 32). A miss is certain; a hit still needs the set.
/// Most tokens of a sentence miss every word list, and the test saves them a hash.
struct WordFilter: Sendable {
    private var bits = [UInt32](repeating: 0, count: 256)

    init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { if let f = w.utf8.first { bits[Int(f)] |= 1 << UInt32(w.utf8.count & 31) } }
    }

    func mayContain(_ word: String) -> Bool {
        let u = word.utf8
        guard let f = u.first else { return false }
        return bits[Int(f)] & (1 << UInt32(u.count & 31)) != 0
    }
}
