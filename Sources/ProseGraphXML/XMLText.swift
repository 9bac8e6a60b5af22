/// What XML 1.0 can carry. libxml2 escapes `<`, `&`, `>` and quotes, but it
/// cannot represent control characters (not even as character references), so
/// writers check text and names here first and fail loudly.
public enum XMLText {
    /// The first character XML 1.0 does not allow, or nil.
    public static func firstIllegalCharacter(in s: String) -> Unicode.Scalar? {
        // Fast path: only control bytes and U+FFFE/U+FFFF (lead byte EF) can be illegal.
        let clean = s.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b < 0x20 || b == 0xEF {
                if b == 0x09 || b == 0x0A || b == 0x0D { continue }
                return false
            }
            return true
        }
        if clean == true { return nil }
        for u in s.unicodeScalars where !isAllowed(u) { return u }
        return nil
    }

    public static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v >= 0x20 { return v != 0xFFFE && v != 0xFFFF }
        return v == 0x09 || v == 0x0A || v == 0x0D
    }

    /// Whether `s` is an XML NCName (a name without a colon).
    public static func isNCName(_ s: Substring) -> Bool {
        if let ascii = s.utf8.withContiguousStorageIfAvailable({ asciiName($0, start: true) }), let ascii { return ascii }
        guard let first = s.unicodeScalars.first, isNameStart(first) else { return false }
        return s.unicodeScalars.dropFirst().allSatisfy(isNameChar)
    }

    /// Whether `s` is an XML Nmtoken: one or more name characters (colons
    /// included). GraphML ids and key names must be Nmtokens.
    public static func isNmtoken(_ s: Substring) -> Bool {
        if let ascii = s.utf8.withContiguousStorageIfAvailable({ asciiName($0, start: false, colon: true) }), let ascii { return ascii }
        return !s.isEmpty && s.unicodeScalars.allSatisfy { $0 == ":" || isNameChar($0) }
    }

    /// The answer for an all-ASCII name, by byte; nil when a byte is not ASCII.
    @inline(__always)
    private static func asciiName(_ bytes: UnsafeBufferPointer<UInt8>, start: Bool, colon: Bool = false) -> Bool? {
        guard !bytes.isEmpty else { return false }
        for (i, b) in bytes.enumerated() {
            switch b {
            case 0x41...0x5A, 0x61...0x7A, 0x5F: continue
            case 0x2D, 0x2E, 0x30...0x39: if start && i == 0 { return false }
            case 0x3A: if !colon { return false }
            case 0x80...: return nil
            default: return false
            }
        }
        return true
    }

    static func isNameStart(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    static func isNameChar(_ u: Unicode.Scalar) -> Bool {
        if isNameStart(u) { return true }
        switch u.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// A printable form of a scalar for messages: U+0001.
    public static func describe(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
