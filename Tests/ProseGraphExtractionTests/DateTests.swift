import Testing
import ProseGraphExtraction
import ProseGraphModel

/// The ISO dates DateNormalizer finds in `text`, left to right.
private func isoDates(_ text: String, contextYear: Int? = nil) -> [String] {
    var year = contextYear
    return DateNormalizer().dates(Tokenizer.tokenize(text), contextYear: &year).compactMap { $0.date?.description }
}

@Suite("DateNormalizer") struct DateNormalizerTests {
    @Test func dayMonthYear() {
        #expect(isoDates("Relations were established on 20 March 1946.") == ["1946-03-20"])
    }

    @Test func monthDayCommaYear() {
        #expect(isoDates("Relations were established on March 20, 1946.") == ["1946-03-20"])
        #expect(isoDates("The regime fell on December 8, 2024, after a rapid offensive.") == ["2024-12-08"])
    }

    @Test func monthYearAfterIn() {
        #expect(isoDates("in November 2013") == ["2013-11"])
    }

    @Test func yearAtSentenceStart() {
        #expect(isoDates("In 2018, Chile opened an embassy in Hanoi.") == ["2018"])
    }

    @Test func dayMonthWithoutYearTakesTheContextYear() {
        #expect(isoDates("On 8 November, the minister arrived.", contextYear: 2023) == ["2023-11-08"])
        #expect(isoDates("On 8 November, the minister arrived.") == [])
    }

    @Test func contextYearCarriesFromOneSentenceToTheNext() {
        var year: Int? = nil
        let n = DateNormalizer()
        _ = n.dates(Tokenizer.tokenize("In October 2023, the talks resumed."), contextYear: &year)
        #expect(year == 2023)
        let later = n.dates(Tokenizer.tokenize("On 8 November, the minister arrived."), contextYear: &year)
        #expect(later.compactMap { $0.date?.description } == ["2023-11-08"])
    }

    @Test func sinceYear() {
        #expect(isoDates("Lyon has been twinned with Beirut since 2014.") == ["2014"])
    }

    @Test func timelineListItem() {
        #expect(isoDates("February 2015 – President Michelle Bachelet visits Rome") == ["2015-02"])
    }

    @Test func rangeWithToDatesByItsStart() {
        #expect(isoDates("The summit was held from 24 to 26 June 2025 in The Hague.") == ["2025-06-24"])
    }

    @Test func rangeWithDashDatesByItsStart() {
        #expect(isoDates("The summit was held on 24–26 June 2025.") == ["2025-06-24"])
    }

    @Test func fiscalYearGivesNoDate() {
        #expect(isoDates("Trade reached US$2 billion in 2016–17.") == [])
    }

    @Test func decadeGivesNoDate() {
        #expect(isoDates("Trade grew in the 2000s.") == [])
    }

    @Test func yearsBeforeTheCommonEraGiveNoDate() {
        #expect(isoDates("The city was founded in 500 BC.") == [])
        #expect(isoDates("The city was founded in 1200 BC.") == [])
    }

    @Test func abbreviatedMonth() {
        #expect(isoDates("The embassy opened in Jan. 2010.") == ["2010-01"])
    }

    @Test func lowerCaseMayIsAVerb() {
        #expect(isoDates("Relations may improve in 2020.") == ["2020"])
        #expect(isoDates("The embassy opened in May 2020.") == ["2020-05"])
    }

    @Test func twoDatesInOneSentence() {
        #expect(isoDates("He visited Hanoi in April 2013 and again on 29 March 2018.") == ["2013-04", "2018-03-29"])
    }
}

@Suite("Dates of extracted facts") struct FactDateTests {
    @Test func dateAtTheEndOfTheSentence() throws {
        let text = "President Miguel Díaz-Canel visited Accra on 14 March 2019."
        #expect(try facts(text, "visited", title: "Cuba–Ghana relations") == ["Miguel Díaz-Canel visited Accra 2019-03-14"])
    }

    @Test func aDateInARelativeClauseDoesNotDateTheMainClause() throws {
        let text = "Ghana, which became independent in 1957, established diplomatic relations with Cuba in 1960."
        #expect(try facts(text, "establishedRelationsWith", title: "Cuba–Ghana relations") == ["Cuba establishedRelationsWith Ghana 1960"])
    }

    @Test func aRelativeClauseDateAloneDoesNotDateTheFact() throws {
        let text = "Prime Minister Scott Morrison, who took office in 2018, visited Jakarta."
        let actual = try facts(text, "visited", title: "Australia–Indonesia relations")
        #expect(actual == ["Scott Morrison visited Jakarta"])
    }

    @Test func aDateOfAnotherClauseDoesNotDateTheFact() throws {
        let text = "Two years after its independence from Portugal in 1975, Mozambique established diplomatic relations with Brazil."
        let actual = try facts(text, "establishedRelationsWith", title: "Brazil–Mozambique relations")
        #expect(actual == ["Brazil establishedRelationsWith Mozambique"])
    }

    @Test func twoDatesInOneSentenceGiveTwoDatedStatements() throws {
        let text = "Prime Minister Lee Hsien Loong visited Hanoi in April 2013 and again in March 2018."
        let actual = try facts(text, "visited", title: "Singapore–Vietnam relations")
        #expect(actual == ["Lee Hsien Loong visited Hanoi 2013-04,2018-03"])
    }

    @Test func theSameFactInTwoSentencesKeepsBothDates() throws {
        let text = "Prime Minister Lee Hsien Loong visited Hanoi in April 2013. He visited Hanoi again in March 2018."
        #expect(try facts(text, "visited", title: "Singapore–Vietnam relations") == ["Lee Hsien Loong visited Hanoi 2013-04,2018-03"])
    }

    @Test func dayAndMonthTakeTheYearOfAnEarlierSentence() throws {
        let text = "In 2023, Mexico opened an embassy in Accra. On 8 November, Foreign Minister Marcelo Ebrard visited Accra."
        #expect(try facts(text, "visited", title: "Ghana–Mexico relations") == ["Marcelo Ebrard visited Accra 2023-11-08"])
    }
}

/// The ISO dates of consecutive sentences, the last date of each carried to the next.
private func isoDates(sentences: [String]) -> [[String]] {
    var context: FactDate? = nil
    return sentences.map { s in DateNormalizer().dates(Tokenizer.tokenize(s), context: &context).compactMap { $0.date?.description } }
}

@Suite("relative dates") struct RelativeDateTests {
    @Test func daysCountFromTheLastDate() {
        #expect(isoDates(sentences: [
            "The minister arrived on 30 December 2015.", "The next day he met the president.", "Two days later he left.",
            "The day after, talks resumed.", "On 28 February 2016 the envoy came.", "A day later he presented his letters.",
        ]) == [["2015-12-30"], ["2015-12-31"], ["2016-01-02"], ["2016-01-03"], ["2016-02-28"], ["2016-02-29"]])
    }

    @Test func monthsAndYearsCountFromTheLastDate() {
        #expect(isoDates(sentences: [
            "In November 2022 the embassy opened.", "Later that month the ambassador arrived.", "The following month a consulate opened.",
            "Three months later the treaty was signed.", "Two years later it was ratified.",
        ]) == [["2022-11"], ["2022-11"], ["2022-12"], ["2023-03"], ["2025"]])
    }

    /// A day needs a day to count from: after a month alone, "the next day" is still that month.
    @Test func granularityFollowsTheLastDate() {
        #expect(isoDates(sentences: ["In January 2023 the ministers met.", "The next day they signed."]) == [["2023-01"], ["2023-01"]])
    }

    /// 6 June 2015 was a Saturday; 1 March 2020 a Sunday.
    @Test func aWeekdayIsTheFirstSuchDayOnOrAfterTheLastDate() {
        #expect(isoDates(sentences: ["The summit opened on 6 June 2015.", "On Sunday the leaders met.", "On Tuesday they left."])
                == [["2015-06-06"], ["2015-06-07"], ["2015-06-09"]])
        #expect(isoDates(sentences: ["On 1 March 2020 the talks began.", "On Sunday they ended."]) == [["2020-03-01"], ["2020-03-01"]])
    }

    /// In a news report the dateline dates the report: a weekday in its sentence is the last such day on or before it.
    @Test func aWeekdayAfterADatelineLooksBack() {
        #expect(isoDates(sentences: ["YEREVAN, 19 August 2025 (AP) — Iranian President Masoud Pezeshkian arrived here on Monday and left on Tuesday."])
                == [["2025-08-19", "2025-08-18", "2025-08-19"]])
        // Not without a dateline: a story's weekday comes after its last date.
        #expect(isoDates(sentences: ["On 19 August 2025 Masoud Pezeshkian was in Tehran, and on Monday he arrived in Yerevan."])
                == [["2025-08-19", "2025-08-25"]])
    }

    /// The report's date carries to the next sentences until another date moves the story.
    @Test func aWeekdayLaterInAReportLooksBackToo() {
        var context: FactDate? = nil, report: FactDate? = nil
        let dates = ["SUVA, 9 February 2024 (AFP) – Winston Peters arrived here on Tuesday.", "On Wednesday he called on Rabuka.",
                     "On 12 March 2024 he returned.", "On Friday he left."].map { s in
            DateNormalizer().dates(Tokenizer.tokenize(s), context: &context, report: &report).compactMap { $0.date?.description }
        }
        #expect(dates == [["2024-02-09", "2024-02-06"], ["2024-02-07"], ["2024-03-12"], ["2024-03-15"]])
    }

    @Test func laterInTheDayAndAfterAWeekday() {
        #expect(isoDates(sentences: ["Modi met Dissanayake on 16 December 2024.", "Later in the day he called on President Murmu."])
                == [["2024-12-16"], ["2024-12-16"]])
        #expect(isoDates(sentences: ["CARACAS, 11 January 2025 (Reuters) – After Friday's ceremony, Maduro received Díaz-Canel."])
                == [["2025-01-11", "2025-01-10"]])
    }

    @Test func twoDaysJoinedByAndDateByTheFirst() {
        #expect(isoDates("During a visit on 6 and 7 October 2024, the two leaders met.") == ["2024-10-06"])
    }
    /// "on the 26th of December, 1826"; "arrived in August 2019 ... on the 27th" (the month of the last date); not "the
    /// 20th century"
    @Test func ordinalDayOfMonthAndOrdinalDayAlone() {
        #expect(isoDates("The treaty was signed in London on the 26th of December, 1826.") == ["1826-12-26"])
        #expect(isoDates(sentences: ["He arrived in August 2019 and presented copies on the 27th.", "In the 20th century trade grew."])
                == [["2019-08", "2019-08-27"], []])
    }
}
