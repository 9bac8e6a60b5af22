import Testing
@testable import ProseGraphText

/// The text edge cases of `Tests/Fixtures/text-edge/`: byte-order mark, CRLF,
/// CR-only and mixed line ends, invisible marks (zero-width joiner and
/// non-joiner, bidi controls) inside names, combining accents, emoji and
/// other non-BMP characters. For each: the exact sentences, and spans that
/// agree with an independent count over the file's code points (what
/// Python's `text[start:end]` and the exports' `nif:beginIndex` mean).
@Suite struct TextEdgeCases {
    static let directory = repositoryRoot + "/Tests/Fixtures/text-edge/"

    static func read(_ name: String) throws -> (bytes: [UInt8], article: Article) {
        let bytes = try #require(readFile(directory + name))
        return (bytes, try ArticleReader().read(bytes: bytes, path: name))
    }

    /// The file as code points, the byte-order mark dropped: what offsets count.
    static func scalars(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        var s = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        if s.first == "\u{FEFF}" { s.removeFirst() }
        return s
    }

    /// Checks every sentence's span against a search in the code points: the
    /// sentences are found in order; start, end, line and column (lines end at
    /// LF, CRLF or CR) are counted here, not taken from the reader.
    static func expectSpans(_ bytes: [UInt8], _ a: Article, _ expected: [String]) {
        #expect(a.sentences.map(\.text) == expected)
        let text = scalars(bytes)
        var from = 0
        for s in a.sentences {
            let needle = Array(s.text.unicodeScalars)
            guard let start = (from...max(from, text.count - needle.count)).first(where: { Array(text[$0..<min(text.count, $0 + needle.count)]) == needle }) else {
                Issue.record("'\(s.text)' is not in the file after offset \(from)")
                return
            }
            var line = 1, lineStart = 0, i = 0
            while i < start {
                if text[i] == "\n" || (text[i] == "\r" && (i + 1 >= text.count || text[i + 1] != "\n")) {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
            #expect(s.span.start == start, "\(s.text)")
            #expect(s.span.end == start + needle.count, "\(s.text)")
            #expect(s.span.line == line && s.span.column == start - lineStart + 1, "\(s.text)")
            #expect(scalarSlice(bytes, s.span.start, s.span.end) == s.text)
            #expect(String(decoding: bytes[s.span.utf8], as: UTF8.self) == s.text)
            from = start + needle.count
        }
        #expect(a.scalarCount == text.count)
    }

    static let relations = ["Belgium opened an embassy in Damascus in 1950.", "Syria opened an embassy\nin Brussels in 1951.",
                            "1946: Belgium recognized Syria."]

    @Test(arguments: [("bom.txt", "\n"), ("crlf.txt", "\r\n"), ("cr-only.txt", "\r")])
    func lineEndsAndByteOrderMark(_ name: String, _ lineEnd: String) throws {
        let (bytes, a) = try Self.read(name)
        #expect(a.title == "Belgium–Syria relations")
        #expect(a.infobox.map(\.value) == ["Belgium", "Belgian Embassy, Damascus"])
        #expect(a.sections.map(\.title) == ["", "History", "See also"])
        #expect(a.seeAlso == ["Foreign relations of Syria"])
        Self.expectSpans(bytes, a, Self.relations.map { $0.replacing("\n", with: lineEnd) })
        #expect(a.sentences.map(\.span.line) == [7, 7, 11])
        // The first sentence: the BOM is not a code point of the text but is 3 bytes
        // of the file; a CRLF is two code points (and bytes), a CR or LF one.
        let expected = ["bom.txt": (94, 99), "crlf.txt": (100, 102), "cr-only.txt": (94, 96)][name]!
        #expect(a.sentences[0].span.start == expected.0)
        #expect(a.sentences[0].span.utf8.lowerBound == expected.1)
        #expect(scalarSlice(bytes, a.titleSpan.start, a.titleSpan.end) == a.title)
        for e in a.infobox { #expect(scalarSlice(bytes, e.span.start, e.span.end) == e.value) }
    }

    @Test func mixedLineEnds() throws {
        let (bytes, a) = try Self.read("mixed-line-ends.txt")
        Self.expectSpans(bytes, a, ["Belgium opened an embassy in Damascus in 1950.", "Syria opened an embassy\r\nin Brussels in 1951.",
                                    "1946: Belgium recognized Syria."])
        #expect(a.sentences.map(\.span.line) == [3, 4, 8])
        #expect(a.sections.map(\.title) == ["", "History"])
    }

    @Test func invisibleMarksInNames() throws {
        let (bytes, a) = try Self.read("invisible-marks.txt")
        Self.expectSpans(bytes, a, [
            "Al\u{200D}i Ha\u{200C}ssan visited Brussels in 2019.",
            "\u{200E}Belgium\u{200E} opened an embassy in \u{202E}Damascus\u{202C} in 1950.",
            "Syria\u{200F} opened an embassy in Brussels in 1951.",
            "2020: \u{2066}Ahmad\u{2069} visited Belgium.",
        ])
        // Each invisible mark is one code point (three UTF-8 bytes).
        #expect(a.sentences.map(\.span.start) == [29, 68, 119, 168])
        #expect(a.sentences.map(\.span.column) == [1, 40, 91, 3])
        #expect(a.sentences.map(\.span.utf8.lowerBound) == [31, 74, 133, 184])
    }

    @Test func combiningCharacters() throws {
        let (bytes, a) = try Self.read("combining.txt")
        #expect(a.title == "Espan\u{303}a–Belgium relations")
        #expect(a.title.unicodeScalars.count == 25 && a.title.count == 24)
        Self.expectSpans(bytes, a, [
            "Jose\u{301} Mari\u{301}a Aznar visited Brussels in 1996.",
            "Ame\u{301}lie Nothomb met Ce\u{301}line Dion in Montre\u{301}al in 2001.",
            "Belgium opened an embassy in Madrid in 1950.",
        ])
        // A combining accent is a code point of its own (Swift counts "é" as one Character, Python as two code points).
        #expect(a.sentences.map(\.span.start) == [31, 76, 131])
    }

    @Test func emojiAndNonBMPCharacters() throws {
        let (bytes, a) = try Self.read("emoji-non-bmp.txt")
        #expect(a.title == "\u{1D518}nited–Belgium relations \u{1F44D}\u{1F3FD}")
        Self.expectSpans(bytes, a, [
            "The \u{1D518}\u{1D52B}\u{1D526} Society met in Brussels in 2020.",
            "\u{1F44D}\u{1F3FD} Belgium opened an embassy in Damascus in 1950.",
            "A flag \u{1F1E7}\u{1F1EA} and a family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} came to \u{1D518}tica in 2021.",
            "2022: \u{1F600} Syria opened an embassy in Brussels.",
        ])
        // Non-BMP characters are one code point each (two UTF-16 units, four UTF-8 bytes).
        #expect(a.sentences.map(\.span.start) == [33, 74, 124, 179])
        #expect(a.sentences.map(\.span.utf8.lowerBound) == [44, 94, 150, 227])
    }
}

@Suite struct TextEdgeRejections {
    func error(_ name: String) throws -> String {
        let bytes = try #require(readFile(TextEdgeCases.directory + name))
        do {
            _ = try ArticleReader().read(bytes: bytes, path: name)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        // After two CRLF lines and an "é": line 3, column 5, the byte offset in the file.
        ("invalid-utf8.txt", "invalid-utf8.txt:3:5: invalid UTF-8 at byte offset 55 (byte 0xC3)"),
        // The column counts code points: the emoji and its skin tone are two.
        ("invalid-utf8-after-emoji.txt", "invalid-utf8-after-emoji.txt:2:6: invalid UTF-8 at byte offset 17 (byte 0xFF)"),
        ("nul.txt", "nul.txt:3:15: binary file: NUL byte at byte offset 45; articles are UTF-8 text"),
        ("utf16le.txt", "utf16le.txt:1:1: UTF-16 text is not supported: save the article as UTF-8"),
        ("utf16be.txt", "utf16be.txt:1:1: UTF-16 text is not supported: save the article as UTF-8"),
        ("utf16le-no-bom.txt", "utf16le-no-bom.txt:1:1: UTF-16 text is not supported: save the article as UTF-8"),
        ("utf16be-no-bom.txt", "utf16be-no-bom.txt:1:1: UTF-16 text is not supported: save the article as UTF-8"),
    ])
    func rejected(_ name: String, _ message: String) throws {
        #expect(try error(name) == message)
    }
}
