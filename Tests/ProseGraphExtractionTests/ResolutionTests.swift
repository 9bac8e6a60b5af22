import Testing
import ProseGraphExtraction

/// Entity resolution seen through extracted facts: one entity per real entity,
/// under its canonical label.
@Suite("Resolution") struct ResolutionTests {
    @Test func demonymIsTheCountry() throws {
        let text = "The Ghanaian embassy in Havana also serves Jamaica."
        #expect(try facts(text, "hasEmbassyIn", title: "Cuba–Ghana relations") == ["Ghana hasEmbassyIn Havana"])
        let opened = "The Ghanaian embassy in Havana was opened in 1961."
        let actual = try facts(opened, "openedEmbassyIn", title: "Cuba–Ghana relations")
        #expect(actual == ["Ghana openedEmbassyIn Havana 1961"])
    }

    @Test func acronymInParenthesesIsTheSameOrganization() throws {
        let text = "In 2015, Chile joined the Andean Trade Council (ATC). In 2018, Peru signed an agreement with the ATC."
        let all = try facts(text, title: "Chile–Peru relations")
        #expect(all.filter { $0.contains(" memberOf ") } == ["Chile memberOf Andean Trade Council 2015"])
        #expect(all.filter { $0.contains(" signedAgreementWith ") } == ["Peru signedAgreementWith Andean Trade Council 2018"])
        #expect(!all.contains { $0.contains("ATC") })
    }

    @Test func gazetteerOrganizationWithItsAcronym() throws {
        let text = "In January 2017, Morocco joined the African Union (AU). In 2022, Morocco signed a health agreement with the AU."
        let all = try facts(text, title: "Morocco–South Africa relations")
        #expect(all.filter { $0.contains(" memberOf ") } == ["Morocco memberOf African Union 2017-01"])
        #expect(all.filter { $0.contains(" signedAgreementWith ") } == ["Morocco signedAgreementWith African Union 2022"])
    }

    @Test func gazetteerAcronymAlone() throws {
        let text = "In 2014, the EU imposed sanctions on Russia."
        #expect(try facts(text, "sanctioned", title: "Finland–Russia relations") == ["European Union sanctioned Russia 2014"])
    }

    @Test func acronymOfTheInitialsOfAnEarlierName() throws {
        let text = "In 2019, Mexico signed a cooperation agreement with the Pacific Trade Institute. Chile joined PTI in 2021."
        let all = try facts(text, title: "Chile–Mexico relations")
        #expect(all.filter { $0.contains(" signedAgreementWith ") } == ["Mexico signedAgreementWith Pacific Trade Institute 2019"])
        #expect(all.filter { $0.contains(" memberOf ") } == ["Chile memberOf Pacific Trade Institute 2021"])
    }

    @Test func royalTitlesLeaveTheGivenName() throws {
        let text = "In 2024, King Frederik and Queen Mary visited Berlin."
        #expect(try facts(text, "visited", title: "Denmark–Germany relations") == ["Frederik visited Berlin 2024", "Mary visited Berlin 2024"])
        #expect(try facts(text, "holdsPosition", title: "Denmark–Germany relations") == [#"Frederik holdsPosition "King""#, #"Mary holdsPosition "Queen""#])
    }

    @Test func aLaterSurnameIsTheFullName() throws {
        let text = "John Mahama was elected president of Ghana in 2012. In 2015, Mahama visited Havana."
        #expect(try facts(text, "visited", title: "Cuba–Ghana relations") == ["John Mahama visited Havana 2015"])
    }

    @Test func theTwoCountriesAreTheTitlesParties() throws {
        let text = "The two countries signed a free trade agreement in November 2011."
        #expect(try facts(text, "signedAgreementWith", title: "Chile–Vietnam relations") == ["Chile signedAgreementWith Vietnam 2011-11"])
    }

    @Test func heIsTheEarlierPersonNotTheCountry() throws {
        let text = "In 2015, President John Mahama travelled to Cuba, where he met with President Raúl Castro."
        #expect(try facts(text, "metWith", title: "Cuba–Ghana relations") == ["John Mahama metWith Raúl Castro 2015"])
    }

    @Test func sheIsThePersonOfThePreviousSentence() throws {
        let text = "Foreign Minister Retno Marsudi arrived in Canberra on 8 February 2023. During her stay, she met with Prime Minister Anthony Albanese."
        #expect(try facts(text, "metWith", title: "Australia–Indonesia relations") == ["Anthony Albanese metWith Retno Marsudi"])
    }

    @Test func itsIsTheCountryOfThePreviousSentence() throws {
        let text = "Turkey established relations with Mongolia in 1969. Its embassy in Ulaanbaatar was opened in 1996."
        #expect(try facts(text, "openedEmbassyIn", title: "Mongolia–Turkey relations") == ["Turkey openedEmbassyIn Ulaanbaatar 1996"])
    }

    @Test func oneCountryAcrossSpellingsAndSentences() throws {
        let text = "In 2018, the United States imposed sanctions on Iran. In 2019, the U.S. imposed further sanctions on Iran."
        #expect(try facts(text, "sanctioned", title: "Iran–United States relations") == ["United States sanctioned Iran 2018,2019"])
    }

    @Test func oneCountryForNameAliasAndDemonym() throws {
        let text = "Türkiye opened an embassy in Maputo in 2008. The Turkish embassy in Maputo also covers Eswatini."
        #expect(try facts(text, title: "Mozambique–Turkey relations") == ["Turkey hasEmbassyIn Maputo", "Turkey openedEmbassyIn Maputo 2008"])
    }
}
