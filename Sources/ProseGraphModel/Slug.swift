/// Makes the path segments of minted IRIs: ASCII letters and digits joined by
/// hyphens, diacritics folded ("Liège" -> "liege", "Chargé d'Affaires" ->
/// "charge-d-affaires"). Characters with no ASCII fold are kept as
/// percent-encoded UTF-8 so that distinct names never collide.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func emit(_ bytes: some Sequence<UInt8>) {
            if pendingHyphen, !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(contentsOf: bytes)
        }
        // One ASCII letter or digit, without an array for it.
        func emit(byte: UInt8) {
            if pendingHyphen, !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(byte)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                emit(byte: UInt8(v))
            } else if (0x41...0x5A).contains(v) {
                emit(byte: UInt8(v + 32))
            } else if v < 0x80 {
                pendingHyphen = true
            } else if let folded = Fold.ascii(scalar) {
                if folded.isEmpty { continue }  // combining mark
                // A fold to punctuation ("’" -> "'") separates words like the ASCII character would.
                if folded.utf8.allSatisfy({ !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) && !($0 >= 0x30 && $0 <= 0x39) }) {
                    pendingHyphen = true
                    continue
                }
                emit(folded.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 32 : $0 })
            } else if scalar.properties.isWhitespace || scalar.properties.generalCategory == .dashPunctuation
                        || scalar.properties.generalCategory == .otherPunctuation
                        || scalar.properties.generalCategory == .initialPunctuation
                        || scalar.properties.generalCategory == .finalPunctuation {
                pendingHyphen = true
            } else {
                var bytes: [UInt8] = []
                for b in String(scalar).utf8 {
                    bytes.append(UInt8(ascii: "%"))
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 15)])
                }
                emit(bytes)
            }
        }
        return out.isEmpty ? "_" : String(decoding: out, as: UTF8.self)
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
}

/// Folding of Latin letters with diacritics to ASCII, for slugs and matching.
public enum Fold {
    /// ASCII replacement for a non-ASCII scalar: "" for a combining mark, nil when none.
    public static func ascii(_ s: Unicode.Scalar) -> String? {
        if s.properties.generalCategory == .nonspacingMark { return "" }
        if let m = table[s.value] { return m }
        if let b = LatinFolding.table[s.value] { return String(UnicodeScalar(b)) }
        return nil
    }

    /// Lower-cased, diacritics folded, punctuation dropped, spaces collapsed,
    /// leading "the " removed: the matching key of the annotation guideline.
    public static func matchKey(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            var piece: String
            if scalar.isASCII {
                piece = String(scalar)
            } else if let f = ascii(scalar) {
                piece = f
            } else if scalar.properties.isWhitespace {
                piece = " "
            } else {
                piece = String(scalar)
            }
            for ch in piece.unicodeScalars {
                if ch.properties.isAlphabetic || ch.properties.numericType != nil {
                    if space, !out.isEmpty { out.append(" ") }
                    space = false
                    out.unicodeScalars.append(contentsOf: String(ch).lowercased().unicodeScalars)
                } else if ch == " " || ch == "-" || ch == "\u{2013}" || ch == "/" || ch == "_" {
                    space = true
                }
                // Other punctuation (dots, apostrophes, commas) is dropped without a space.
            }
        }
        if out.hasPrefix("the ") { out.removeFirst(4) }
        return out
    }

    private static let table: [UInt32: String] = [
        0xDF: "ss", 0xC6: "AE", 0xE6: "ae", 0xD8: "O", 0xF8: "o", 0x152: "OE", 0x153: "oe",
        0x141: "L", 0x142: "l", 0x110: "D", 0x111: "d", 0xD0: "D", 0xF0: "d", 0xDE: "Th", 0xFE: "th",
        0x131: "i", 0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0x2013: "-", 0x2014: "-",
    ]
}

