import Testing
import ProseGraphExtraction

@Suite("EntityRecognizer") struct RecognizerTests {
    /// "Type=label" for each recognized span, with the span's text as written.
    private func spans(_ s: String) -> [String] {
        let t = Tokenizer.tokenize(s)
        return EntityRecognizer().recognize(t).map { span in
            let surface = t[span.tokens].map(\.text).joined(separator: " ")
            return "\(span.type.rawValue)=\(span.label) [\(surface)]"
        }
    }

    @Test func titleThenPerson() {
        #expect(spans("President Nana Akufo-Addo visited Havana.") == [
            "Title=President [President]", "Person=Nana Akufo-Addo [Nana Akufo - Addo]", "City=Havana [Havana]",
        ])
    }

    @Test func demonymTitleAndPerson() {
        #expect(spans("Ghanaian Foreign Minister Shirley Ayorkor Botchwey arrived.") == [
            "Demonym=Ghana [Ghanaian]", "Title=Foreign Minister [Foreign Minister]", "Person=Shirley Ayorkor Botchwey [Shirley Ayorkor Botchwey]",
        ])
    }

    @Test func companyWithNV() {
        #expect(spans("In 2006 Agfa-Gevaert NV opened an office.") == ["Organization=Agfa-Gevaert NV [Agfa - Gevaert NV]"])
    }

    @Test func companyWithSdnBhdStopsBeforeOfCountry() {
        #expect(spans("Kembara Robotics Sdn. Bhd. of Singapore signed the deal.") == [
            "Organization=Kembara Robotics Sdn. Bhd. [Kembara Robotics Sdn. Bhd.]", "Country=Singapore [Singapore]",
        ])
    }

    @Test func placeWithACue() {
        #expect(spans("In 2019, trucks queued at the Wagah border crossing.") == ["Place=Wagah border crossing [Wagah border crossing]"])
    }

    @Test func organizationWithOfCountryInside() {
        #expect(spans("He studied at the National Defence University of Pakistan in Islamabad.") == [
            "Pronoun=he [He]",
            "Organization=National Defence University of Pakistan [National Defence University of Pakistan]",
            "City=Islamabad [Islamabad]",
        ])
    }
}
