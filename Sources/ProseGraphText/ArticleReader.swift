/// Reads the seed article format:
///
///     = Title =
///
///     Infobox
///     - Key: Value
///
///     Paragraph text. More sentences.
///
///     == Section ==
///     - list item
///
///     == See also ==
///     - Other article
///
/// The reader is pure: it takes the file's bytes and never touches the disk.
public struct ArticleReader: Sendable {
    public init() {}

    public func read(bytes input: [UInt8], path: String) throws(InputError) -> Article {
        var bytes = input
        var bomLength = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            bomLength = 3
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || Self.looksLikeUTF16(bytes) {
            throw InputError(path: path, line: 1, column: 1,
                             message: "UTF-16 text is not supported: save the article as UTF-8")
        }
        if let problem = TextCheck.problem(in: bytes, path: path, bomLength: bomLength) { throw problem }
        var parser = LineParser(bytes: bytes, path: path, byteOffset: bomLength)
        return try parser.parse()
    }
}

extension ArticleReader {
    /// UTF-16 without a byte-order mark: text that starts with two ASCII
    /// characters, each with a zero byte after it (little-endian) or before it
    /// (big-endian). Said plainly rather than "binary file: NUL byte".
    static func looksLikeUTF16(_ b: [UInt8]) -> Bool {
        guard b.count >= 4 else { return false }
        func ascii(_ x: UInt8) -> Bool { x >= 0x09 && x < 0x80 }
        return (ascii(b[0]) && b[1] == 0 && ascii(b[2]) && b[3] == 0) || (b[0] == 0 && ascii(b[1]) && b[2] == 0 && ascii(b[3]))
    }
}

/// Walks the lines once, in order, keeping a scalar counter in step.
struct LineParser {
    let bytes: [UInt8]
    let path: String
    var spans: SpanMaker

    var title = ""
    var titleSpan: TextSpan?
    var infobox: [InfoboxEntry] = []
    var sections: [Section] = [Section(title: "", level: 0, span: nil)]
    var sentences: [Sentence] = []
    var seeAlso: [String] = []
    var block = 0

    /// `byteOffset`: where `bytes` start in the file (3 after a byte-order mark).
    init(bytes: [UInt8], path: String, byteOffset: Int = 0) {
        self.bytes = bytes
        self.path = path
        self.spans = SpanMaker(bytes: bytes, byteOffset: byteOffset)
    }

    /// One line: byte range without its terminator, and its 1-based number.
    struct Line {
        let start: Int
        let end: Int
        let number: Int
    }

    /// The lines in order, one at a time (a file of ten million lines is
    /// never held as a list of lines). A line ends at LF, CRLF or a lone CR.
    struct Lines: Sequence, IteratorProtocol {
        let bytes: [UInt8]
        var start = 0
        var number = 1

        mutating func next() -> Line? {
            let n = bytes.count
            guard start < n else { return nil }
            var i = start
            while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            let line = Line(start: start, end: i, number: number)
            if i < n {
                if bytes[i] == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
            }
            start = i
            number += 1
            return line
        }
    }

    func lines() -> Lines { Lines(bytes: bytes) }

    mutating func parse() throws(InputError) -> Article {
        var all = lines()
        let firstLine = all.next()
        guard let first = firstLine, let t = headingParts(first) , t.level == 1 else {
            let shown = firstLine.map { text(trimmed($0.start, $0.end)) } ?? ""
            throw InputError(path: path, line: 1, column: 1,
                             message: "expected a title line like '= Title =', found '\(Self.clip(shown))'")
        }
        guard t.range.lowerBound < t.range.upperBound else {
            throw InputError(path: path, line: 1, column: 1, message: "the title line '= =' has no title")
        }
        title = text(t.range)
        titleSpan = spans.span(t.range)

        var inInfobox = false
        var paragraph: (start: Int, end: Int)?
        var listOpen = false

        while let line = all.next() {
            let content = trimmed(line.start, line.end)
            if content.isEmpty {
                flush(&paragraph)
                inInfobox = false
                if listOpen { listOpen = false; block += 1 }
                continue
            }
            if let h = headingParts(line) {
                flush(&paragraph)
                if listOpen { listOpen = false; block += 1 }
                inInfobox = false
                sections.append(Section(title: text(h.range), level: h.level, span: spans.span(h.range)))
                continue
            }
            if paragraph == nil, !listOpen, text(content) == "Infobox" {
                inInfobox = true
                continue
            }
            if let item = listItem(content) {
                flush(&paragraph)
                if inInfobox {
                    addInfobox(item)
                    continue
                }
                listOpen = true
                if isSeeAlso {
                    seeAlso.append(text(item))
                } else if item.lowerBound < item.upperBound {
                    sentences.append(Sentence(text: text(item), span: spans.span(item), kind: .listItem,
                                              section: sections.count - 1, block: block))
                }
                continue
            }
            inInfobox = false
            if listOpen { listOpen = false; block += 1 }
            if let p = paragraph {
                paragraph = (p.start, content.upperBound)
            } else {
                paragraph = (content.lowerBound, content.upperBound)
            }
        }
        flush(&paragraph)
        return Article(path: path, title: title, titleSpan: titleSpan!, infobox: infobox, sections: sections,
                       sentences: sentences, seeAlso: seeAlso, scalarCount: spans.totalScalars())
    }

    var isSeeAlso: Bool {
        Self.isSeeAlsoTitle(sections[sections.count - 1].title)
    }

    static func isSeeAlsoTitle(_ t: String) -> Bool {
        t.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ") == "see also"
    }

    mutating func flush(_ paragraph: inout (start: Int, end: Int)?) {
        guard let p = paragraph else { return }
        paragraph = nil
        for r in SentenceSplitter.split(bytes, p.start..<p.end) {
            sentences.append(Sentence(text: text(r), span: spans.span(r), kind: .prose,
                                      section: sections.count - 1, block: block))
        }
        block += 1
    }

    mutating func addInfobox(_ item: Range<Int>) {
        guard let colon = bytes[item].firstIndex(of: UInt8(ascii: ":")) else {
            let value = trimmed(item.lowerBound, item.upperBound)
            infobox.append(InfoboxEntry(key: "", value: text(value), span: spans.span(value)))
            return
        }
        let key = trimmed(item.lowerBound, colon)
        let value = trimmed(colon + 1, item.upperBound)
        infobox.append(InfoboxEntry(key: text(key), value: text(value), span: spans.span(value)))
    }

    /// `= X =` (level 1), `== X ==`, `==X==`...: the inner range and the level.
    func headingParts(_ line: Line) -> (range: Range<Int>, level: Int)? {
        let c = trimmed(line.start, line.end)
        guard c.count >= 2, bytes[c.lowerBound] == UInt8(ascii: "="), bytes[c.upperBound - 1] == UInt8(ascii: "=") else {
            return nil
        }
        var lead = 0
        while c.lowerBound + lead < c.upperBound, bytes[c.lowerBound + lead] == UInt8(ascii: "=") { lead += 1 }
        var trail = 0
        while c.upperBound - trail - 1 >= c.lowerBound + lead, bytes[c.upperBound - trail - 1] == UInt8(ascii: "=") { trail += 1 }
        guard trail > 0 else { return nil }
        let level = min(lead, trail)
        let inner = trimmed(c.lowerBound + lead, c.upperBound - trail)
        return (inner, level)
    }

    /// The text of a `- item` or `* item` line, without the marker.
    func listItem(_ c: Range<Int>) -> Range<Int>? {
        guard c.count >= 1 else { return nil }
        let b = bytes[c.lowerBound]
        guard b == UInt8(ascii: "-") || b == UInt8(ascii: "*") else { return nil }
        if c.count == 1 { return c.upperBound..<c.upperBound }
        let next = bytes[c.lowerBound + 1]
        guard next == 0x20 || next == 0x09 else { return nil }
        return trimmed(c.lowerBound + 1, c.upperBound)
    }

    func trimmed(_ start: Int, _ end: Int) -> Range<Int> {
        var s = start, e = end
        while s < e, Self.isSpace(bytes, s) { s += Self.spaceWidth(bytes, s) }
        while e > s, Self.isSpaceBefore(bytes, e) { e -= Self.spaceWidthBefore(bytes, e) }
        return s..<e
    }

    func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    static func clip(_ s: String) -> String { s.count > 60 ? String(s.prefix(60)) + "…" : s }

    // White space: ASCII space and tab, and U+00A0 (C2 A0).
    static func isSpace(_ b: [UInt8], _ i: Int) -> Bool {
        b[i] == 0x20 || b[i] == 0x09 || (b[i] == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0)
    }
    static func spaceWidth(_ b: [UInt8], _ i: Int) -> Int { b[i] == 0xC2 ? 2 : 1 }
    static func isSpaceBefore(_ b: [UInt8], _ e: Int) -> Bool {
        b[e - 1] == 0x20 || b[e - 1] == 0x09 || (e >= 2 && b[e - 2] == 0xC2 && b[e - 1] == 0xA0)
    }
    static func spaceWidthBefore(_ b: [UInt8], _ e: Int) -> Int { b[e - 1] == 0xA0 ? 2 : 1 }
}

/// Turns byte ranges into spans. Requests come in document order, so one
/// forward cursor counts scalars, lines and columns in a single pass.
struct SpanMaker {
    let bytes: [UInt8]
    /// Added to byte ranges, so that they are offsets into the file.
    let byteOffset: Int
    private var cursor = TextCursor()

    init(bytes: [UInt8], byteOffset: Int = 0) {
        self.bytes = bytes
        self.byteOffset = byteOffset
    }

    private mutating func advance(to target: Int) {
        precondition(target >= cursor.offset, "spans must be requested in document order")
        cursor.advance(to: target, in: bytes)
    }

    mutating func span(_ r: Range<Int>) -> TextSpan {
        advance(to: r.lowerBound)
        let start = cursor.scalars, startLine = cursor.line, column = cursor.column
        advance(to: r.upperBound)
        return TextSpan(start: start, end: cursor.scalars, utf8: (r.lowerBound + byteOffset)..<(r.upperBound + byteOffset),
                        line: startLine, column: column)
    }

    mutating func totalScalars() -> Int {
        advance(to: bytes.count)
        return cursor.scalars
    }
}
