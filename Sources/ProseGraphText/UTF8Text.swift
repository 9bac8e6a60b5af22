/// UTF-8 at the level of bytes, in one place: the article reader and every
/// RDF and XML reader validate, decode and locate with these functions, so
/// that "invalid UTF-8" and `line:column` mean the same in every message.
///
/// Well-formed UTF-8 is RFC 3629's: no overlong forms, no surrogates
/// (U+D800...U+DFFF), nothing past U+10FFFF, and no sequence cut short by the
/// end of the bytes.
///
/// Positions are 1-based. A line ends at LF, at CRLF or at a lone CR (also a
/// CR that is the last byte). A column counts the bytes from the line's start
/// that are not UTF-8 continuation bytes (`10xxxxxx`): in well-formed text,
/// the Unicode scalars before the offset on its line, plus one. A tab counts
/// one, a CR before an LF counts one, a character written with a combining
/// mark counts two.
///
/// The functions take any random-access collection of bytes indexed by `Int`
/// (`[UInt8]`, `ArraySlice<UInt8>`, `UnsafeBufferPointer<UInt8>`); offsets are
/// the collection's own indices. All but ``malformation(at:in:)`` (for error
/// messages only) are `@inlinable`, so each reader gets a copy specialized
/// to its buffer type.
public enum UTF8Text {
    // MARK: Validation

    /// The offset of the first byte that does not start a well-formed UTF-8
    /// sequence, or nil when all of `bytes` is well-formed. The offset is
    /// where the bad sequence starts: its lead byte, or a stray continuation
    /// byte.
    ///
    /// One character at a time. Skipping ASCII eight bytes at a time (as one
    /// word, or eight bytes OR-ed together) made this loop two to five times
    /// as fast on ASCII text, but the article reader as a whole only about 2%
    /// faster on ASCII articles and 3 to 4% slower on articles dense with
    /// other letters, so it is not done.
    @inlinable
    public static func firstInvalidOffset<Bytes: RandomAccessCollection>(in bytes: Bytes) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            guard let (_, length) = decode(at: i, in: bytes) else { return i }
            i += length
        }
        return nil
    }

    // MARK: Scalars

    /// The scalar value at offset `i` and its length in bytes (1 to 4), or nil
    /// when the bytes at `i` are not a well-formed UTF-8 sequence.
    ///
    /// `i` must be a valid index of `bytes`; a sequence is never read past
    /// `bytes.endIndex` (a slice ends it where the slice ends).
    @inlinable @inline(__always)
    public static func decode<Bytes: RandomAccessCollection>(at i: Int, in bytes: Bytes) -> (value: UInt32, length: Int)?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let end = bytes.endIndex
        // The continuation byte at `i + k` (its low six bits), or nil.
        @inline(__always) func next(_ k: Int) -> UInt32? {
            guard i + k < end else { return nil }
            let b = bytes[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = next(1) else { return nil }
            return (UInt32(b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = next(1), let c2 = next(2) else { return nil }
            // No overlong form (E0 80...9F), no surrogate (ED A0...BF).
            if (b0 == 0xE0 && c1 < 0x20) || (b0 == 0xED && c1 >= 0x20) { return nil }
            return (UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            guard let c1 = next(1), let c2 = next(2), let c3 = next(3) else { return nil }
            // No overlong form (F0 80...8F), nothing past U+10FFFF (F4 90...BF).
            if (b0 == 0xF0 && c1 < 0x10) || (b0 == 0xF4 && c1 >= 0x10) { return nil }
            return (UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        default:
            return nil
        }
    }

    /// The Unicode scalar at offset `i`, or nil when the bytes there are not
    /// well-formed UTF-8 (see ``decode(at:in:)``).
    @inlinable
    public static func scalar<Bytes: RandomAccessCollection>(at i: Int, in bytes: Bytes) -> Unicode.Scalar?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard let (value, _) = decode(at: i, in: bytes) else { return nil }
        return Unicode.Scalar(value)
    }

    /// Why the bytes at an offset are not a well-formed UTF-8 sequence.
    public enum Malformation: Hashable, Sendable {
        /// The byte at the offset cannot start a sequence (a continuation
        /// byte, C0, C1 or F5...FF).
        case invalidLead
        /// The bytes end before the sequence does.
        case truncated
        /// The byte at this offset cannot be the next byte of the sequence.
        case invalidByte(at: Int)
    }

    /// What is wrong with the sequence at offset `i`, or nil when it is
    /// well-formed. For error messages, after ``decode(at:in:)`` returned nil:
    /// the sequence's bytes are checked in order, and the first that is out
    /// of range or missing is the one reported.
    public static func malformation<Bytes: RandomAccessCollection>(at i: Int, in bytes: Bytes) -> Malformation?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let b0 = bytes[i]
        if b0 < 0x80 { return nil }
        guard let (length, low, high) = sequence(startingWith: b0) else { return .invalidLead }
        for k in 1..<length {
            guard i + k < bytes.endIndex else { return .truncated }
            let b = bytes[i + k]
            let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard b >= lo && b <= hi else { return .invalidByte(at: i + k) }
        }
        return nil
    }

    /// The length of the sequence a non-ASCII lead byte starts, and the range
    /// its second byte must be in (the later ones are 80...BF); nil when
    /// `b0` cannot start one. (``decode(at:in:)`` checks the same ranges in
    /// the shape its callers' loops want.)
    private static func sequence(startingWith b0: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch b0 {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }

    /// Appends the UTF-8 encoding of the scalar value `value` (below 0x110000,
    /// not a surrogate) to `out`.
    @inlinable
    public static func append(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | (value >> 6) & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | (value >> 12) & 0x3F))
            out.append(UInt8(0x80 | (value >> 6) & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    // MARK: Positions

    /// How many bytes in `range` are not continuation bytes: the scalars
    /// there when the bytes are well-formed (a malformed lead byte counts
    /// one, a stray continuation byte none).
    @inlinable
    public static func scalarCount<Bytes: RandomAccessCollection>(in bytes: Bytes, _ range: Range<Int>) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var count = 0
        for i in range where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The line and column of byte `offset`, counted from the start of
    /// `bytes` (an offset past the end counts as the end). For one position
    /// at a time; a reader that asks for many in document order keeps a
    /// ``TextCursor`` instead.
    @inlinable
    public static func position<Bytes: RandomAccessCollection>(of offset: Int, in bytes: Bytes) -> TextPosition
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var cursor = TextCursor(at: bytes.startIndex)
        return cursor.position(at: offset, in: bytes)
    }
}

/// A 1-based line and column (see ``UTF8Text`` for how they are counted).
public struct TextPosition: Hashable, Sendable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Lines and columns for offsets asked for in document order: one pass over
/// the bytes however many positions are asked for. The cursor counts from
/// where it starts (after a byte-order mark, say), where it is line 1,
/// column 1.
public struct TextCursor: Sendable {
    @usableFromInline var counted: Int
    @usableFromInline var scalarsCounted = 0
    @usableFromInline var currentLine = 1
    @usableFromInline var currentLineStart: Int
    /// `scalarsCounted` at `currentLineStart`.
    @usableFromInline var lineStartScalars = 0

    /// A cursor at offset `start` (line 1, column 1).
    public init(at start: Int = 0) {
        counted = start
        currentLineStart = start
    }

    /// The bytes before this offset are counted.
    @inlinable public var offset: Int { counted }
    /// The scalars (bytes that are not continuation bytes) from the start to `offset`.
    @inlinable public var scalars: Int { scalarsCounted }
    /// The line `offset` is on.
    @inlinable public var line: Int { currentLine }
    /// Where that line starts.
    @inlinable public var lineStart: Int { currentLineStart }

    /// The column of `offset`.
    @inlinable
    public var column: Int { scalarsCounted - lineStartScalars + 1 }

    /// Counts the bytes up to `target` (at most the end of `bytes`); a target
    /// before `offset` leaves the cursor where it is. `bytes` must be the
    /// bytes the cursor has counted so far.
    @inlinable
    public mutating func advance<Bytes: RandomAccessCollection>(to target: Int, in bytes: Bytes)
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let end = bytes.endIndex
        let stop = min(target, end)
        var i = counted
        while i < stop {
            let b = bytes[i]
            if b & 0xC0 != 0x80 { scalarsCounted += 1 }
            if b <= 0x0D, b == 0x0A || (b == 0x0D && (i + 1 == end || bytes[i + 1] != 0x0A)) {
                currentLine += 1
                currentLineStart = i + 1
                lineStartScalars = scalarsCounted
            }
            i += 1
        }
        counted = max(counted, stop)
    }

    /// The line and column of byte `target`, moving the cursor there.
    ///
    /// Asked for an offset before the cursor, it answers without moving: the
    /// line the cursor is on, and the column counted from that line's start
    /// (1 when the offset is before it).
    @inlinable
    public mutating func position<Bytes: RandomAccessCollection>(at target: Int, in bytes: Bytes) -> TextPosition
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard target >= counted else {
            let column = target >= currentLineStart ? 1 + UTF8Text.scalarCount(in: bytes, currentLineStart..<target) : 1
            return TextPosition(line: currentLine, column: column)
        }
        advance(to: target, in: bytes)
        return TextPosition(line: line, column: column)
    }
}
