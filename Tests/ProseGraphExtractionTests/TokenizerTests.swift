import Testing
import ProseGraphExtraction

@Suite("Tokenizer") struct TokenizerTests {
    private func texts(_ s: String) -> [String] { Tokenizer.tokenize(s).map(\.text) }

    @Test func initialsKeepTheirPeriodsAndOffsetsAreBytes() {
        let t = Tokenizer.tokenize("M.R. Okafor met officials.")
        #expect(t.map(\.text) == ["M.R.", "Okafor", "met", "officials", "."])
        #expect(t.map(\.range) == [0..<4, 5..<11, 12..<15, 16..<25, 25..<26])
        #expect(t.map(\.kind) == [.word, .word, .word, .word, .punctuation])
        #expect(t.map(\.spaceBefore) == [true, true, true, true, false])
    }

    @Test func companyAbbreviations() {
        #expect(texts("Kembara Robotics Sdn. Bhd. of Singapore signed.") == ["Kembara", "Robotics", "Sdn.", "Bhd.", "of", "Singapore", "signed", "."])
    }

    @Test func possessiveIsItsOwnToken() {
        let t = Tokenizer.tokenize("Ghana's embassy and Peru’s consulate")
        #expect(t.map(\.text) == ["Ghana", "'s", "embassy", "and", "Peru", "'s", "consulate"])
        #expect(t[1].range == 5..<7)
        #expect(t[5].range == 24..<28)  // the curly apostrophe is three bytes
        #expect(t[1].spaceBefore == false)
    }

    @Test func invisibleCharactersAreNotTokens() {
        // Bidi marks, isolates and zero-width spaces between words are skipped; a
        // zero-width joiner or non-joiner inside a word stays in it.
        let t = Tokenizer.tokenize("\u{200E}Belgium\u{200E} met \u{2066}Syria\u{2069}\u{200B} and Al\u{200D}i.")
        #expect(t.map(\.text) == ["Belgium", "met", "Syria", "and", "Al\u{200D}i", "."])
        #expect(t.map(\.range) == [3..<10, 14..<17, 21..<26, 33..<36, 37..<43, 43..<44])
        #expect(t.map(\.spaceBefore) == [true, true, true, true, true, false])
    }

    @Test func innerApostropheStaysInTheWord() {
        #expect(texts("Chargé d'Affaires") == ["Chargé", "d'Affaires"])
    }

    @Test func lowerCaseHyphenCompoundsStayOneToken() {
        #expect(texts("the consulate-general and a two-day start-up fair") == ["the", "consulate-general", "and", "a", "two-day", "start-up", "fair"])
    }

    @Test func capitalizedHyphenCompoundsSplit() {
        #expect(texts("Kenyan-Tanzanian talks") == ["Kenyan", "-", "Tanzanian", "talks"])
        #expect(texts("Belgian-Syrian") == ["Belgian", "-", "Syrian"])
    }

    @Test func decimalsAndCurrency() {
        let t = Tokenizer.tokenize("raised US$7.1 million")
        #expect(t.map(\.text) == ["raised", "US", "$", "7.1", "million"])
        #expect(t.map(\.kind) == [.word, .word, .punctuation, .number, .word])
        #expect(t[3].range == 10..<13)
    }

    @Test func nonASCIIOffsetsAreUTF8Bytes() {
        let t = Tokenizer.tokenize("Kraków is twinned")
        #expect(t.map(\.text) == ["Kraków", "is", "twinned"])
        #expect(t.map(\.range) == [0..<7, 8..<10, 11..<18])
        #expect(t[0].lower == "kraków")
    }

    @Test func decadesAndOrdinalsAreWords() {
        let t = Tokenizer.tokenize("the 1940s and the 11th summit")
        #expect(t.map(\.text) == ["the", "1940s", "and", "the", "11th", "summit"])
        #expect(t[1].kind == .word)
        #expect(t[4].kind == .word)
    }
}
