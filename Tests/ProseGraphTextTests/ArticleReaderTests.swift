import Testing
@testable import ProseGraphText

/// The repository root, found from this file's path (tests never need ../shared).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/ProseGraphTextTests/ArticleReaderTests.swift
    return parts.joined(separator: "/")
}()

func readSeed(_ name: String) throws -> (bytes: [UInt8], article: Article) {
    let bytes = try #require(readFile(repositoryRoot + "/Input/" + name + ".txt"))
    return (bytes, try ArticleReader().read(bytes: bytes, path: name + ".txt"))
}

func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return out
}

#if canImport(Glibc)
import Glibc
#endif

/// The text of the file between two scalar offsets: what a user's `text[start:end]` gives.
func scalarSlice(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
    var text = String(decoding: bytes, as: UTF8.self).unicodeScalars
    if text.first == "\u{FEFF}" { text.removeFirst() }
    let s = text.index(text.startIndex, offsetBy: start), e = text.index(text.startIndex, offsetBy: end)
    return String(text[s..<e])
}

@Suite struct SeedArticles {
    @Test func palestine() throws {
        let (bytes, a) = try readSeed("belgium-palestine")
        #expect(a.title == "Belgium–Palestine relations")
        #expect(a.infobox.map { [$0.key, $0.value] } == [["Filetype", "svg"]])
        #expect(a.sections.map(\.title) == ["", "High level visits", "See also"])
        #expect(a.sections.map(\.level) == [0, 2, 2])
        #expect(a.sentences.count == 20)
        #expect(a.sentences.filter { $0.kind == .listItem }.count == 4)
        #expect(a.seeAlso == ["Foreign relations of Belgium", "Foreign relations of Palestine"])
        #expect(a.sentences[3].text == "In February 2015, President Mahmoud Abbas visited Brussels and met with King Philippe.")
        #expect(a.sentences[3].span.start == 352 && a.sentences[3].span.end == 438 && a.sentences[3].span.line == 8)
        #expect(a.sentences[16].text == "November 2001 – Chairman Yasser Arafat visits Belgium")
        #expect(a.sentences[16].section == 1)
        try expectExactSpans(bytes, a)
    }

    @Test func syria() throws {
        let (bytes, a) = try readSeed("belgium-syria")
        #expect(a.title == "Belgium–Syria relations")
        #expect(a.infobox.map { [$0.key, $0.value] } == [
            ["Title", "Belgian–Syrian relations"], ["Map", "BelgiumSyria-map.jpg"], ["Party1", "Belgium"],
            ["Party2", "Syria"], ["Mission1", "Belgian Embassy, Damascus,"], ["Mission2", "Syrian Embassy, Brussels"],
        ])
        #expect(a.sections.map(\.title) == [
            "", "Historical background", "Economic relations", "Impact of the Syrian Civil War",
            "Humanitarian assistance", "Counterterrorism and security", "See also",
        ])
        #expect(a.sentences.count == 22)
        #expect(a.sentences[0].text == "Belgium–Syria relations were established on 20 March 1946 when M.R. Taymans was appointed as Chargé d'Affaires of Belgium to Syria with residence in Beirut.")
        #expect(a.seeAlso.count == 3)
        try expectExactSpans(bytes, a)
    }

    @Test func malaysia() throws {
        let (bytes, a) = try readSeed("belgium-malaysia")
        #expect(a.title == "Belgium–Malaysia relations")
        #expect(a.infobox.map { [$0.key, $0.value] } == [["Filetype", "svg"]])
        #expect(a.sections.map(\.title) == [
            "", "Historical relations", "Military relations", "Political relations", "Economic relations",
            "Diplomatic missions", "See also",
        ])
        #expect(a.sentences.count == 29)
        #expect(a.sentences.contains { $0.text == "In 2006 Essensium NV, a computer chip manufacturer raised US$7.1 million from Atlantic Quantum Sdn. Bhd. of Malaysia." })
        #expect(a.sentences.contains { $0.text == "Silvana Flagothier, the head of the delegation said: \"We are convinced that Malaysia is a very good base to establish representative office and joint-venture\"." })
        try expectExactSpans(bytes, a)
    }

    func expectExactSpans(_ bytes: [UInt8], _ a: Article) throws {
        for s in a.sentences {
            #expect(scalarSlice(bytes, s.span.start, s.span.end) == s.text)
            #expect(String(decoding: bytes[s.span.utf8], as: UTF8.self) == s.text)
        }
        for e in a.infobox { #expect(scalarSlice(bytes, e.span.start, e.span.end) == e.value) }
        #expect(scalarSlice(bytes, a.titleSpan.start, a.titleSpan.end) == a.title)
    }
}

@Suite struct SentenceSplitting {
    func split(_ text: String) -> [String] {
        let b = Array(text.utf8)
        return SentenceSplitter.split(b, 0..<b.count).map { String(decoding: b[$0], as: UTF8.self) }
    }

    @Test func initialsAndTitles() {
        #expect(split("It began when M.R. Taymans was appointed. He left in 1950.") ==
                ["It began when M.R. Taymans was appointed.", "He left in 1950."])
        #expect(split("Dr. A. B. Smith met Mr. Jones. They spoke.") == ["Dr. A. B. Smith met Mr. Jones.", "They spoke."])
        #expect(split("St. Petersburg hosted it. Gen. Lee came.") == ["St. Petersburg hosted it.", "Gen. Lee came."])
    }

    @Test func companySuffixes() {
        #expect(split("It raised money from Atlantic Quantum Sdn. Bhd. of Malaysia. In 2007, it grew.") ==
                ["It raised money from Atlantic Quantum Sdn. Bhd. of Malaysia.", "In 2007, it grew."])
        #expect(split("He founded Acme Inc. The firm grew.") == ["He founded Acme Inc.", "The firm grew."])
        #expect(split("He joined Acme Inc. Belgium later sued.") == ["He joined Acme Inc. Belgium later sued."])
    }

    @Test func countryAbbreviations() {
        #expect(split("The U.S. President visited. In 2010 the U.S. Army left.") ==
                ["The U.S. President visited.", "In 2010 the U.S. Army left."])
        #expect(split("It was sent to the U.S. In 2010 it returned.") == ["It was sent to the U.S.", "In 2010 it returned."])
    }

    @Test func monthsAndNumbers() {
        #expect(split("On Dec. 8, 2024 he came. Jan. 2010 was cold.") == ["On Dec. 8, 2024 he came.", "Jan. 2010 was cold."])
        #expect(split("It raised US$7.1 million. Approx. 4.5 million people live there.") ==
                ["It raised US$7.1 million.", "Approx. 4.5 million people live there."])
    }

    @Test func quotesAndParentheses() {
        #expect(split("She said: \"We agree. It is done.\" Then she left.") ==
                ["She said: \"We agree. It is done.\"", "Then she left."])
        #expect(split("They met (in Rome. It rained.) and left. Next came.") ==
                ["They met (in Rome. It rained.) and left.", "Next came."])
        #expect(split("It was called “historic. Truly.” Later it ended.") ==
                ["It was called “historic. Truly.”", "Later it ended."])
        #expect(split("Why? Because! Fine.") == ["Why?", "Because!", "Fine."])
    }

    @Test func lowercaseContinuation() {
        #expect(split("The approx. value is e.g. three. ok then.") == ["The approx. value is e.g. three. ok then."])
    }
}

@Suite struct BadInput {
    func error(_ bytes: [UInt8]) -> String {
        do {
            _ = try ArticleReader().read(bytes: bytes, path: "in/x.txt")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func empty() {
        #expect(error([]) == "in/x.txt:1:1: the file is empty")
        #expect(error(Array(" \n\t\r\n".utf8)) == "in/x.txt:1:1: the file holds only white space")
    }

    @Test func invalidUTF8ReportsByteOffset() {
        // "= T =\nab" then 0xFF at byte offset 8, line 2 column 3.
        #expect(error(Array("= T =\nab".utf8) + [0xFF] + Array("cd".utf8)) ==
                "in/x.txt:2:3: invalid UTF-8 at byte offset 8 (byte 0xFF)")
        // A truncated 3-byte sequence, and an overlong encoding of '/'.
        #expect(error(Array("= T =\n".utf8) + [0xE2, 0x80]) == "in/x.txt:2:1: invalid UTF-8 at byte offset 6 (byte 0xE2)")
        #expect(error(Array("= T =\n".utf8) + [0xC0, 0xAF]) == "in/x.txt:2:1: invalid UTF-8 at byte offset 6 (byte 0xC0)")
        // A BOM counts in the byte offset.
        #expect(error([0xEF, 0xBB, 0xBF] + Array("= T =\n".utf8) + [0xFE]) ==
                "in/x.txt:2:1: invalid UTF-8 at byte offset 9 (byte 0xFE)")
    }

    @Test func binary() {
        #expect(error(Array("= T =\nab".utf8) + [0, 1, 2]) ==
                "in/x.txt:2:3: binary file: NUL byte at byte offset 8; articles are UTF-8 text")
        #expect(error([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) ==
                "in/x.txt:3:1: binary file: NUL byte at byte offset 8; articles are UTF-8 text")
    }

    @Test func noTitle() {
        #expect(error(Array("Hello world.\n\n== Section ==\n".utf8)) ==
                "in/x.txt:1:1: expected a title line like '= Title =', found 'Hello world.'")
        #expect(error(Array("== Section ==\nText.".utf8)) ==
                "in/x.txt:1:1: expected a title line like '= Title =', found '== Section =='")
        #expect(error(Array("= =\nText.".utf8)) == "in/x.txt:1:1: the title line '= =' has no title")
    }

    @Test func utf16() {
        #expect(error([0xFF, 0xFE, 0x3D, 0x00]) == "in/x.txt:1:1: UTF-16 text is not supported: save the article as UTF-8")
    }
}

@Suite struct LineEndsAndSpans {
    @Test func crlfAndBOMKeepOffsets() throws {
        let text = "\u{FEFF}= Title =\r\n\r\nInfobox\r\n- Key: Välue\r\n\r\nFirst sentence here. Second one.\r\n\r\n== Sec ==\r\n- item one\r\n"
        let bytes = Array(text.utf8)
        let a = try ArticleReader().read(bytes: bytes, path: "x")
        #expect(a.title == "Title")
        #expect(a.infobox.map(\.value) == ["Välue"])
        #expect(a.sentences.map(\.text) == ["First sentence here.", "Second one.", "item one"])
        for s in a.sentences { #expect(scalarSlice(bytes, s.span.start, s.span.end) == s.text) }
        #expect(a.sentences.map(\.span.line) == [6, 6, 9])
        #expect(a.sentences[1].span.column == 22)
    }

    @Test func sentenceAcrossLines() throws {
        let bytes = Array("= T =\n\nOne sentence\ncontinues here. Two.\n".utf8)
        let a = try ArticleReader().read(bytes: bytes, path: "x")
        #expect(a.sentences.map(\.text) == ["One sentence\ncontinues here.", "Two."])
    }

    @Test func headingLevels() throws {
        let a = try ArticleReader().read(bytes: Array("= T =\n==A==\n=== B ===\n==== C ====\nx.\n== See Also ==\n- Y\n".utf8), path: "x")
        #expect(a.sections.map(\.level) == [0, 2, 3, 4, 2])
        #expect(a.sections.map(\.title) == ["", "A", "B", "C", "See Also"])
        #expect(a.seeAlso == ["Y"])
        #expect(a.sentences.map(\.section) == [3])
    }
}
