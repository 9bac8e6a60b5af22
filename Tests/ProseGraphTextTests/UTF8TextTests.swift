import Testing
@testable import ProseGraphText

/// `UTF8Text` and `TextCursor`, which every reader's "invalid UTF-8" and
/// `line:column` come from: checked against the standard library's decoder
/// and against a plain count of lines and scalars.
@Suite struct UTF8TextTests {
    /// Deterministic bytes: mostly ASCII with line ends, some well-formed
    /// multi-byte characters, now and then a byte that breaks a sequence.
    static func sample(_ seed: UInt64, count: Int) -> [UInt8] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array(" ".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8), Array("\t".utf8),
            Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("e\u{301}".utf8), Array("\u{FEFF}".utf8),
            [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        ]
        var out: [UInt8] = []
        while out.count < count {
            let r = next() % 100
            // Mostly text; a broken sequence in about one piece of fifty.
            let index = r < 60 ? 0 : r < 98 ? Int(1 + r % 10) : Int(11 + next() % UInt64(pieces.count - 11))
            out += pieces[index]
        }
        return out
    }

    /// Where the standard library's decoder first fails, and the scalars before it.
    static func stdlibFirstInvalid(_ bytes: [UInt8]) -> Int? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var valid = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): valid += UTF8.width(u)
            case .emptyInput: return nil
            case .error: return valid
            }
        }
    }

    /// Lines and columns the slow way: every byte from the start.
    static func reference(_ offset: Int, _ bytes: [UInt8]) -> TextPosition {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) {
            let b = bytes[i]
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            if b == 0x0A || (b == 0x0D && next != 0x0A) {
                line += 1
                lineStart = i + 1
            }
        }
        let column = 1 + bytes[lineStart..<max(lineStart, min(offset, bytes.count))].filter { $0 & 0xC0 != 0x80 }.count
        return TextPosition(line: line, column: column)
    }

    @Test func validationAgreesWithTheStandardLibrary() {
        for seed in 0..<300 as Range<UInt64> {
            let bytes = Self.sample(seed, count: Int(seed % 97) * 3)
            #expect(UTF8Text.firstInvalidOffset(in: bytes) == Self.stdlibFirstInvalid(bytes), "seed \(seed)")
            #expect(UTF8Text.firstInvalidOffset(in: bytes.lazy.map { $0 }) == Self.stdlibFirstInvalid(bytes), "seed \(seed)")
        }
        // Every way a sequence can be wrong, after runs of ASCII of every length up to 16.
        let bad: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x9F, 0x80],
                              [0xED, 0xA0, 0x80], [0xEF, 0xBF], [0xF0, 0x8F, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
                              [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x28, 0xA1]]
        for b in bad {
            for k in 0..<17 {
                let bytes = Array(repeating: UInt8(ascii: "x"), count: k) + b + Array("tail".utf8)
                #expect(UTF8Text.firstInvalidOffset(in: bytes) == k, "\(b) after \(k) bytes")
                #expect(UTF8Text.firstInvalidOffset(in: bytes[...]) == k)
            }
        }
        let good = Array("ASCII é € 😀 \u{10FFFF} \u{D7FF} \u{E000} \u{FFFF} and more ASCII".utf8)
        #expect(UTF8Text.firstInvalidOffset(in: good) == nil)
        #expect(UTF8Text.firstInvalidOffset(in: good[3...]) == nil)
        #expect(UTF8Text.firstInvalidOffset(in: [UInt8]()) == nil)
        // A slice is checked on its own: a sequence cut by its end is cut short.
        let euro = Array("ab€".utf8)
        #expect(UTF8Text.firstInvalidOffset(in: euro[..<4]) == 2)
    }

    @Test func decodingAgreesWithTheStandardLibrary() {
        for seed in 0..<100 as Range<UInt64> {
            let bytes = Self.sample(seed + 1000, count: 64)
            for i in bytes.indices {
                var it = bytes[i...].makeIterator()
                var decoder = UTF8()
                let expected: (UInt32, Int)?
                if case .scalarValue(let u) = decoder.decode(&it) { expected = (u.value, UTF8.width(u)) } else { expected = nil }
                let got = UTF8Text.decode(at: i, in: bytes)
                #expect(got?.value == expected?.0 && got?.length == expected?.1, "seed \(seed) offset \(i)")
                #expect(UTF8Text.scalar(at: i, in: bytes)?.value == expected?.0)
                #expect((UTF8Text.malformation(at: i, in: bytes) == nil) == (expected != nil), "seed \(seed) offset \(i)")
            }
        }
    }

    @Test func malformationsNameTheFirstBadByte() {
        #expect(UTF8Text.malformation(at: 0, in: Array("é".utf8)) == nil)
        #expect(UTF8Text.malformation(at: 0, in: [0x41]) == nil)
        #expect(UTF8Text.malformation(at: 0, in: [0x80, 0x80]) == .invalidLead)
        #expect(UTF8Text.malformation(at: 0, in: [0xC1, 0x80]) == .invalidLead)
        #expect(UTF8Text.malformation(at: 0, in: [0xF8, 0x80]) == .invalidLead)
        #expect(UTF8Text.malformation(at: 0, in: [0xE2, 0x82]) == .truncated)
        #expect(UTF8Text.malformation(at: 1, in: [0x20, 0xF0]) == .truncated)
        #expect(UTF8Text.malformation(at: 0, in: [0xE0, 0x80, 0x80]) == .invalidByte(at: 1))
        #expect(UTF8Text.malformation(at: 0, in: [0xED, 0xA0, 0x80]) == .invalidByte(at: 1))
        #expect(UTF8Text.malformation(at: 0, in: [0xF4, 0x90, 0x80, 0x80]) == .invalidByte(at: 1))
        #expect(UTF8Text.malformation(at: 2, in: [0x20, 0x20, 0xE2, 0x82, 0x41]) == .invalidByte(at: 4))
        // A bad byte before the end is reported before the end is.
        #expect(UTF8Text.malformation(at: 0, in: [0xE2, 0x41]) == .invalidByte(at: 1))
    }

    @Test func encodingRoundTrips() {
        for value: UInt32 in [0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF] {
            var out: [UInt8] = [0x20]
            UTF8Text.append(value, to: &out)
            #expect(Array(out.dropFirst()) == Array(String(Unicode.Scalar(value)!).utf8))
            #expect(UTF8Text.decode(at: 1, in: out)?.value == value)
        }
    }

    @Test func positionsFollowTheLineAndColumnConvention() {
        let text = Array("ab\ncd\r\nef\rgh\r".utf8)
        func at(_ offset: Int) -> String {
            let p = UTF8Text.position(of: offset, in: text)
            return "\(p.line):\(p.column)"
        }
        #expect(at(0) == "1:1")
        #expect(at(2) == "1:3")   // the LF itself
        #expect(at(3) == "2:1")
        #expect(at(5) == "2:3")   // the CR of a CRLF
        #expect(at(6) == "2:4")   // its LF: the CR counts one column
        #expect(at(7) == "3:1")
        #expect(at(10) == "4:1")  // after a lone CR
        #expect(at(13) == "5:1")  // after a CR that is the last byte
        #expect(at(99) == "5:1")  // past the end: the end
        // Columns count scalars: a combining accent is one, a stray continuation byte none.
        let accents = Array("e\u{301}é😀x".utf8) + [0x80, 0x41]
        #expect(UTF8Text.position(of: accents.count - 1, in: accents) == TextPosition(line: 1, column: 6))
        // A slice counts from its own start.
        let slice = text[3...]
        #expect(UTF8Text.position(of: 8, in: slice) == TextPosition(line: 2, column: 2))
        #expect(UTF8Text.scalarCount(in: accents, 0..<accents.count) == 6)
    }

    @Test func aCursorGivesWhatCountingFromTheStartGives() {
        for seed in 0..<60 as Range<UInt64> {
            let bytes = Self.sample(seed + 5000, count: 400)
            var cursor = TextCursor()
            var offset = 0
            while offset <= bytes.count + 2 {
                #expect(cursor.position(at: offset, in: bytes) == Self.reference(offset, bytes), "seed \(seed) offset \(offset)")
                #expect(UTF8Text.position(of: offset, in: bytes) == Self.reference(offset, bytes))
                offset += Int(seed % 7) + 1
            }
            cursor.advance(to: bytes.count + 5, in: bytes)
            #expect(cursor.offset == bytes.count)
            #expect(cursor.scalars == UTF8Text.scalarCount(in: bytes, 0..<bytes.count))
        }
    }

    @Test func aCursorStartsWhereItIsTold() {
        // After a byte-order mark: the mark is not a column.
        let bytes = Array("\u{FEFF}<a>\n <b/>".utf8)
        var cursor = TextCursor(at: 3)
        #expect(cursor.position(at: 3, in: bytes) == TextPosition(line: 1, column: 1))
        #expect(cursor.position(at: 4, in: bytes) == TextPosition(line: 1, column: 2))
        #expect(cursor.position(at: 8, in: bytes) == TextPosition(line: 2, column: 2))
        // Asked for an offset behind it, it stays: the current line, the column from that line's start.
        #expect(cursor.position(at: 7, in: bytes) == TextPosition(line: 2, column: 1))
        #expect(cursor.position(at: 4, in: bytes) == TextPosition(line: 2, column: 1))
        #expect(cursor.offset == 8 && cursor.line == 2 && cursor.lineStart == 7 && cursor.column == 2)
    }
}
