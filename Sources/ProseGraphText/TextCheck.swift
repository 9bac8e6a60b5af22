/// Checks that a file's bytes are UTF-8 prose before anything parses them.
enum TextCheck {
    /// The first problem with the bytes as article text, or nil. `bytes` has
    /// the BOM already removed; `bomLength` shifts reported byte offsets back
    /// to file offsets.
    static func problem(in bytes: [UInt8], path: String, bomLength: Int) -> InputError? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return InputError(path: path, line: 1, column: 1,
                              message: bytes.isEmpty ? "the file is empty" : "the file holds only white space")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            return InputError(path: path, line: line, column: column,
                              message: "binary file: NUL byte at byte offset \(nul + bomLength); articles are UTF-8 text")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(of: bad, in: bytes)
            return InputError(path: path, line: line, column: column,
                              message: "invalid UTF-8 at byte offset \(bad + bomLength) (byte 0x\(hex(bytes[bad])))")
        }
        return nil
    }

    /// Line and column (1-based; column counted in scalars) of a byte offset.
    /// Lines end at LF, CRLF or a lone CR.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, i = 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8
    /// sequence (overlongs, surrogates and values past U+10FFFF are invalid).
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            for k in 1...need {
                guard i + k < n else { return i }
                let x = b[i + k]
                if k == 1 {
                    if x < lo || x > hi { return i }
                } else if x & 0xC0 != 0x80 {
                    return i
                }
            }
            i += need + 1
        }
        return nil
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
