import ProseGraphModel

/// What a span of tokens names.
public enum SpanType: String, Sendable, CaseIterable {
    case country = "Country", demonym = "Demonym", city = "City", place = "Place", person = "Person"
    case organization = "Organization", title = "Title", name = "Name", pronoun = "Pronoun"
    case group = "Group", date = "Date"
}

/// A recognized span: an entity mention, a title, a date, a pronoun or a group.
public struct EntitySpan: Hashable, Sendable {
    public var tokens: Range<Int>
    public var type: SpanType
    /// Canonical label (countries, cities, organizations), the name as written
    /// (people, places), the title in title case (titles).
    public var label: String
    public var wikidata: String? = nil
    public var countryCode: String? = nil
    /// Position role (`envoy`, `consul`...) or pronoun kind (`person`, `thing`).
    public var role: String? = nil
    public var date: FactDate? = nil
    /// For organizations: the acronym given in parentheses after the name.
    public var acronym: String? = nil
    /// For titles: written in the plural ("Presidents X and Y"), so it belongs to each name of the list after it.
    public var plural: Bool = false
}


/// Finds entity mentions, titles, pronouns and groups in a tokenized sentence.
/// Gazetteer names win where they cover a span exactly; capitalized runs with
/// an organization cue ("Ministry", "University", "NV", "Sdn. Bhd.") become
/// organizations, runs ending in a place cue ("border crossing", "air base",
/// "school") places, and capitalized names after a title people.
public struct EntityRecognizer: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) { self.gazetteer = gazetteer }

    // MARK: Word lists

    static let connectorsSet: WordSet = ["of", "for", "and", "to", "de", "du", "des", "la", "le", "van", "von", "the", "der", "al", "el", "bin"]
    static let functionWordsSet: WordSet = ["and", "or", "of", "the", "in", "to", "for", "with", "at", "on", "by", "from"]
    static let lowercaseOKSet: WordSet = ["minister", "envoy", "consul", "head-of-state", "head-of-government", "royal", "official"]
    static let smallSet: WordSet = ["of", "for", "and", "the", "to", "in", "on", "at", "a"]
    static let extendableSet: WordSet = ["minister", "secretary", "deputy minister", "minister of state", "commissioner",
                                       "state secretary", "deputy secretary", "undersecretary", "under-secretary"]

    /// A run of capitalized portfolio words and "and" from `start` ("National Defence", "Commerce and Industry"):
    /// where it ends, and where its last portfolio word ends.
    static func portfolioRun(_ t: [Token], from start: Int) -> (end: Int, words: Int) {
        var e = start, words = start
        while e < t.count, (t[e].isCapitalized && portfolioWords.contains(t[e].lower)) || t[e].lower == "and" {
            e += 1
            if t[e - 1].lower != "and" { words = e }
        }
        return (e, words)
    }

    /// Words of rank that are also parts of names: "Hassan Sheikh Mohamud".
    static let rankInNames: Set<String> = ["sheikh", "sheik", "amir", "emir", "sultan", "malik", "khan", "shah"]

    /// Awards and treaties, whose names ("Order of X", "Treaty of Y") are no entities.
    static let namedThings: Set<String> = ["Order", "Treaty", "Prize", "Medal", "Award", "Decoration", "Convention", "Protocol", "Declaration", "Charter"]

    /// Nouns that make a capitalized run an organization.
    static let orgCues: WordSet = [
        "ministry", "university", "authority", "coalition", "council", "committee", "association", "agency",
        "bank", "institute", "foundation", "party", "federation", "organisation", "organization", "union",
        "league", "fund", "commission", "parliament", "assembly", "court", "airlines", "airways", "society",
        "movement", "front", "alliance", "chamber", "department", "secretariat", "board", "corporation",
        "company", "group", "holdings", "consortium", "network", "forum", "office", "programme", "program",
        "navy", "army", "police", "congress", "senate", "cabinet", "government", "academy", "college",
        "institution", "bureau", "directorate", "conference", "agency", "service", "services", "centre", "center",
        "technologies", "capital", "partners", "ventures", "energy", "systems", "solutions", "foods", "motors",
        "industries", "plan", "trust", "mining", "telecom", "pharmaceuticals", "investments", "insurance",
        "community", "pact", "commonwealth", "arrangements", "breweries", "brewery", "exchange", "force", "guard",
    ]

    /// Cue nouns that take "of <place>" as part of the name ("University of Nairobi",
    /// "Ministry of Foreign Affairs"); after other cues, "of <Country>" ends the name
    /// ("Aavishkaar Capital of India" is Aavishkaar Capital, based in India).
    static let ofTakingCues: WordSet = [
        "ministry", "university", "authority", "council", "committee", "association", "agency", "bank", "institute",
        "foundation", "party", "federation", "organisation", "organization", "union", "league", "commission",
        "parliament", "assembly", "court", "society", "movement", "front", "alliance", "chamber", "department",
        "secretariat", "board", "community", "academy", "college", "institution", "bureau", "directorate",
        "conference", "office", "government", "congress", "senate", "cabinet", "navy", "army", "police", "coalition",
        "embassy", "school", "centre", "center", "fund", "programme", "program", "service", "services",
    ]

    /// Company suffixes: the name ends there, so "X NV of Belgium" is X NV, based in Belgium.
    static let companySuffixes: WordSet = [
        "technologies", "technology", "capital", "partners", "ventures", "energy", "systems", "solutions", "foods",
        "motors", "industries", "plan", "trust", "airlines", "airways", "mining", "telecom", "pharmaceuticals",
        "investments", "insurance", "logistics", "shipping", "petroleum", "power", "asa", "se", "spa", "oyj",
        "corporation", "company", "consortium", "network", "forum",
        "nv", "sdn", "bhd", "bhd.", "sdn.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "gmbh", "bv",
        "international", "corp", "corp.", "co.", "s.a.", "n.v.", "b.v.", "limited", "holdings", "group",
    ]

    /// Place cues, as token sequences (lower case).
    static let placeCues: [[String]] = [
        ["border", "crossing"], ["crossing"], ["air", "base"], ["airbase"], ["naval", "base"], ["military", "base"],
        ["base"], ["school"], ["airport"], ["port"], ["palace"], ["square"], ["mosque"], ["church"], ["cathedral"],
        ["memorial"], ["cemetery"], ["museum"], ["monastery"], ["mansion"], ["buildings"], ["fortress"], ["tower"], ["hospital"], ["camp"], ["refugee", "camp"], ["bridge"],
        ["stadium"], ["harbour"], ["harbor"], ["monument"], ["temple"], ["castle"], ["park"], ["street"],
        ["avenue"], ["boulevard"], ["island"], ["islands"], ["strait"], ["canal"], ["dam"], ["shipyard"],
        ["house"], ["hall"], ["residence"], ["diwan"], ["track"], ["trail"], ["field"], ["airfield"], ["garden"], ["gardens"], ["hill"],
        ["factory"], ["plant"], ["headquarters"], ["compound"], ["checkpoint"], ["terminal"], ["mall"], ["hotel"], ["market"], ["prison"],
        ["palais"], ["fort"], ["building"], ["region"], ["province"], ["prefecture"], ["oblast"], ["governorate"], ["district"],
    ]

    /// The one-word place cues.
    static let placeCueWords: Set<String> = Set(placeCues.filter { $0.count == 1 }.map { $0[0] })

    /// Event nouns a name may describe: "the Independence Day parade", "the Victory Day celebrations".
    static let eventNouns: WordSet = [
        "parade", "parades", "celebration", "celebrations", "ceremony", "ceremonies", "festival", "festivities", "commemoration",
        "commemorations", "summit", "conference", "forum", "games", "exhibition", "expo", "dinner", "banquet", "lecture", "match",
        "service", "mass", "reception", "anniversary", "rally", "march", "holiday", "holidays", "address", "speech",
    ]

    /// Nouns for a settlement named after "of": "the city of Trujillo", "the town of Marburg".
    static let settlementNouns: WordSet = ["city", "town", "village", "township", "municipality"]

    /// Place cues that name a place with "of" after them: "the Palace of Serbia", "the Church of Saint Sava".
    static let ofPlaceCues: WordSet = [
        "palace", "church", "cathedral", "mosque", "temple", "monastery", "museum", "castle", "basilica", "shrine",
        "mausoleum", "fortress", "tomb",
    ]

    /// Place cues that come before the name: "Avenue Louise", "Mount Kenya".
    /// Capitalized function words that start sentences, not names: "In 2006 Essensium NV".
    static let leadingFunctionWords: WordSet = [
        "in", "on", "at", "by", "during", "after", "before", "since", "following", "however", "this", "these",
        "those", "that", "there", "as", "when", "while", "although", "also", "later", "then", "from", "until",
        "today", "according", "despite", "with", "throughout", "over", "between", "among", "under", "upon",
        "within", "once", "additionally", "moreover", "meanwhile", "furthermore", "both", "each", "many", "some",
        "less", "more", "accordingly", "nevertheless", "nonetheless", "consequently", "subsequently", "eventually",
        "finally", "initially", "ultimately", "similarly", "likewise", "instead", "thus", "hence", "indeed", "afterwards", "further",
        "shortly", "nearly", "almost", "only", "even", "several", "most", "amid", "unlike", "because", "though", "whereas",
        "together", "alongside", "along", "like", "besides", "having", "nothing", "none", "nobody", "everything", "everyone",
    ]

    /// Prepositions after a sentence's opening participle ("Twinned with", "Founded in").
    static let participlePrepositions: WordSet = ["with", "by", "in", "to", "as", "at", "from", "on", "for", "into", "under"]

    static let monthNames: WordSet = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    static let leadingPlaceCues: WordSet = [
        "avenue", "rue", "boulevard", "mount", "lake", "port", "fort", "camp", "casa", "palacio", "palazzo", "plaza", "piazza", "praça",
        "hôtel", "château", "palais", "schloss", "villa", "place", "quai",
    ]

    /// Words of a ministerial portfolio, which extend "Minister of ..." and "Secretary of ...".
    static let portfolioWords: WordSet = [
        "foreign", "affairs", "trade", "industry", "international", "defence", "defense", "finance", "economy",
        "economic", "interior", "home", "justice", "health", "education", "culture", "tourism", "agriculture",
        "energy", "environment", "transport", "labour", "labor", "armed", "forces", "state", "commerce",
        "development", "cooperation", "co-operation", "planning", "investment", "information", "communications",
        "science", "technology", "water", "mines", "mining", "petroleum", "oil", "gas", "fisheries", "youth",
        "sports", "women", "social", "welfare", "security", "national", "public", "works", "housing", "urban",
        "rural", "regional", "local", "government", "relations", "european", "integration", "immigration",
        "citizenship", "veterans", "religious", "higher", "digital", "climate", "maritime", "infrastructure",
        "budget", "treasury", "revenue", "customs", "territories", "overseas", "external", "industries",
        "resources", "natural", "food", "land", "family", "affair", "solidarity", "employment", "innovation",
        "research", "arts", "heritage", "enterprise", "business", "small", "medium", "enterprises",
        "humanitarian", "action", "aid", "middle", "east", "africa", "asia", "americas", "europe", "pacific",
        "commonwealth", "sport", "equality", "growth", "planning", "reconstruction", "sustainable", "crisis",
    ]

    /// Capitalized nouns of bodies that take "on" inside their name.
    static let onTakingCues: WordSet = ["forum", "conference", "commission", "committee", "council", "convention", "treaty", "agreement", "summit", "dialogue", "organization", "organisation"]

    /// Lower-case words after a hyphen that make an adjective of a name, not part of it ("Seoul-based").
    static let hyphenSuffixes: WordSet = ["based", "led", "born", "owned", "run", "backed", "era", "style", "made", "held", "era", "type", "class", "level", "wide", "bound", "free"]

    /// The particles that may start a name in lower case after a title ("President dos Santos").
    static let leadingParticles: WordSet = ["dos", "da", "de", "do", "das", "van", "von", "di", "du", "al", "el"]

    /// Capitalized words after a name that do not make it part of a document's or event's name.
    static let plainCapitalizedWords: WordSet = functionWordsSet.union(["a", "an", "but", "he", "she", "it", "they", "his", "her"])

    static let regnalNumbers: WordSet = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    /// Honorifics dropped from names ("Dr. Willy K. Bett" is Willy K. Bett).
    /// Also forms of address that are no office ("Sheikh Zayed bin Sultan Al Nahyan", "Sayyid Badr", "Dato Seri
    /// Pahlawan Haji Halbi Mohd Yussof" is Halbi Mohd Yussof); "Tun" stays part of the name ("Tun Abdul Razak").
    static let honorifics: WordSet = ["dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "sir", "dame", "h.e.", "hon.", "lord", "lady", "majesty", "excellency", "highness", "holiness",
                                      "sheikh", "sheik", "shaikh", "shaykh", "sheikha", "sayyid", "sayyida", "dato", "datuk", "datin", "haji", "hajah", "hajjah"]
    /// Words of a Malay honorific after "Dato" or "Datuk": "Dato Seri Pahlawan", "Datuk Seri Panglima".
    static let honorificTitles: WordSet = ["seri", "sri", "paduka", "pahlawan", "setia", "laila", "wira", "utama", "amar", "indera", "panglima", "dr"]

    /// The first token after the honorifics at `i`.
    static func afterHonorifics(_ t: [Token], _ i: Int) -> Int {
        var i = i
        while i < t.count, honorifics.contains(t[i]) {
            let malay = t[i].lower == "dato" || t[i].lower == "datuk"
            i += 1
            if i < t.count, t[i].text == "'" { i += 1 }  // "Dato'"
            while malay, i + 1 < t.count, honorificTitles.contains(t[i]), t[i + 1].isCapitalized { i += 1 }
        }
        return i
    }

    /// Name particles allowed inside a person's name.
    static let particles: WordSet = [
        "de", "van", "von", "der", "den", "da", "dos", "das", "do", "bin", "binti", "al", "el", "ibn", "le", "la",
        "du", "di", "del", "della", "ter", "ten", "y", "abu", "bint", "ben", "e", "arap", "las", "los", "les",
    ]

    /// Capitalized words that never belong to a name.
    /// Currency codes written before amounts.
    static let currencyCodes: WordSet = [
        "RM", "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RMB", "INR", "ZAR", "NZD", "AUD", "CAD", "SGD", "MYR", "KES",
        "TZS", "NGN", "EGP", "SAR", "AED", "QAR", "TRY", "RUB", "BRL", "MXN", "IDR", "THB", "VND", "PKR", "LKR", "BDT",
        "DKK", "NOK", "SEK", "PLN", "CZK", "HUF", "KRW", "PHP", "CLP", "ARS", "COP", "PEN", "UAH", "KZT", "ETB", "GHS",
    ]

    static let notNames: WordSet = [
        "the", "a", "an", "in", "on", "at", "by", "for", "of", "to", "from", "with", "during", "after", "before",
        "since", "following", "however", "it", "he", "she", "they", "this", "these", "those", "that", "there",
        "his", "her", "their", "its", "as", "when", "while", "although", "both", "also", "later", "then",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "additionally", "moreover", "meanwhile", "today", "throughout", "over", "between", "among", "under",
        "we", "our", "i", "you", "and", "or", "but", "all", "some", "many", "several", "each", "every",
        "diplomatic", "economic", "trade", "military", "political", "relations", "embassy", "consulate",
        "state", "republic", "kingdom", "government", "minister", "president", "international", "national",
        "law", "war", "civil", "agreement", "treaty", "memorandum", "joint", "high", "strategic", "defence",
        "defense", "security", "humanitarian", "foreign", "affairs", "office", "centre", "center", "day",
        "according", "despite", "within", "until", "upon", "once", "one", "two", "no", "not", "if", "since",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "european",
        "asian", "african", "arab", "islamic", "gulf", "middle", "new", "old", "great", "united", "nations",
        "general", "assembly", "council", "summit", "conference", "visit", "visits", "talks", "statehood",
        "olympics", "games", "cup", "expo", "festival", "championship", "championships", "prize", "award",
        "treaty", "declaration", "revolution", "crisis", "accords", "accord", "partnership", "protocol",
        "convention", "charter", "initiative", "project", "programme", "agenda", "pandemic", "plan", "act",
        "commission", "embassy", "consulate", "legation", "mission",
    ]

    /// Subject pronouns; possessives ("its embassy") stay plain words for the rules.
    /// Word rules still match them by their text ("closed its embassy").
    static let pronouns: WordMap<String> = [
        "he": "person", "she": "person", "his": "person", "her": "person", "it": "thing", "its": "thing",
    ]

    /// Words after which "her" is an object, not a possessive: "received her at", "met her and".
    static let afterObjectPronoun: Set<String> = [",", ".", ";", "at", "in", "on", "to", "with", "for", "and", "during", "as", "by", "from", "there", "again", "later", "warmly", "the", "a", "an", "that", "this", "twice", "once"]

    /// Nouns that, after "the" or "that", stand for the last country or organization named.
    static let descriptions: WordMap<String> = [
        "country": "country", "kingdom": "country", "republic": "country", "emirate": "country", "archipelago": "country",
        "sultanate": "country", "principality": "country",
        "organisation": "organization", "organization": "organization", "bloc": "organization", "alliance": "organization",
    ]

    /// A state's form before "of <Country>": "the Kingdom of Yugoslavia".
    static let stateForms: WordSet = ["kingdom", "republic", "state", "emirate", "sultanate", "principality", "commonwealth", "federation", "union"]

    /// Verbs after which "both" alone is the two parties: "both belong to", "both joined".
    static let bothVerbs: WordSet = ["belong", "belonged", "are", "were", "joined", "signed", "have", "had", "became", "remain", "remained", "maintain", "maintained", "ratified", "participate", "participated"]

    /// Forms of address after "His"/"Her": "His Majesty", "Her Royal Highness", "His Excellency".
    static let addressForms: WordSet = ["majesty", "excellency", "holiness", "highness", "royal", "imperial", "beatitude", "eminence"]

    /// Nouns that, after "the new", stand for a country just named ("recognised the new state").
    static let newStateNouns: WordSet = ["state", "republic", "country", "nation", "kingdom"]

    /// "the two countries" and the like: stand for the article's two parties.
    static let groupCounts: WordMap<Int> = ["two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2]

    static let partyGroups: [[String]] = [
        ["the", "three", "countries"], ["the", "four", "countries"], ["the", "five", "countries"],
        ["the", "three", "states"], ["the", "four", "states"], ["the", "three", "nations"], ["the", "four", "nations"],
        ["the", "two", "countries"], ["both", "countries"], ["the", "two", "nations"], ["both", "nations"],
        ["the", "two", "states"], ["both", "states"], ["the", "two", "kingdoms"], ["the", "two", "governments"],
        ["both", "governments"], ["the", "two", "sides"], ["both", "sides"], ["the", "two", "republics"],
    ]

    /// "the two leaders" and the like: stand for the people named just before.
    /// The first words of the group phrases (a quick test before the phrases are tried).
    static let groupStarts = WordFilter((partyGroups + personGroups).map { $0[0] })
    static let partyGroupPhrases = PhraseSet(partyGroups)
    static let personGroupPhrases = PhraseSet(personGroups)
    static let placeCuePhrases = PhraseSet(placeCues)
    static let personGroups: [[String]] = [
        ["the", "two", "leaders"], ["both", "leaders"], ["the", "two", "men"], ["both", "men"], ["the", "two", "women"],
        ["the", "two", "presidents"], ["both", "presidents"], ["the", "two", "ministers"], ["the", "two", "foreign", "ministers"],
        ["the", "two", "prime", "ministers"], ["the", "two", "heads", "of", "state"], ["the", "two", "heads", "of", "government"],
        ["the", "two", "sovereigns"], ["the", "two", "monarchs"], ["the", "two", "kings"], ["the", "royal", "couple"], ["the", "imperial", "couple"], ["the", "presidential", "couple"], ["the", "grand", "ducal", "couple"], ["the", "couple"],
        ["the", "three", "leaders"], ["the", "three", "presidents"], ["the", "three", "ministers"], ["the", "two", "statesmen"],
        ["the", "two", "premiers"], ["the", "two", "chancellors"], ["the", "two", "emirs"], ["the", "two", "envoys"],
    ]

    /// Plural nouns for people, which after "the two" or "both" make a group: "the two defence ministers".
    static let peopleNouns: Set<String> = [
        "leaders", "men", "women", "presidents", "ministers", "premiers", "chancellors", "emirs", "envoys", "kings", "queens",
        "monarchs", "sovereigns", "statesmen", "diplomats", "ambassadors", "princes", "generals", "heads", "officials",
        "secretaries", "counterparts", "rulers", "sultans", "mayors", "governors", "commanders", "chiefs",
    ]

    /// "the two defence ministers", "both heads of state", "the two Liberians": a count, at most two lower-case
    /// words, then a plural noun for people or a plural demonym. Returns the phrase's length.
    func personGroup(_ t: [Token], _ i: Int) -> Int? {
        var j = i
        if t[j].lower == "the", j + 1 < t.count, ["two", "three", "four"].contains(t[j + 1].lower) { j += 2 }
        else if t[j].lower == "both" { j += 1 }
        else { return nil }
        var words = 0
        while j < t.count, words <= 2 {
            let w = t[j].lower
            if Self.peopleNouns.contains(w) {
                // "heads of state", "heads of government"
                if w == "heads", j + 2 < t.count, t[j + 1].lower == "of", ["state", "government"].contains(t[j + 2].lower) { return j + 3 - i }
                return j + 1 - i
            }
            // "the two Liberians": a demonym in the plural.
            if t[j].isCapitalized, w.hasSuffix("s"), gazetteer.matches(t, at: j).contains(where: { $0.length == 1 && $0.entries.contains { $0.kind == .demonym } }) {
                return j + 1 - i
            }
            guard !t[j].isCapitalized, w.allSatisfy(\.isLetter), !["of", "and", "or", "countries", "nations", "states", "sides", "governments"].contains(w) else { return nil }
            words += 1
            j += 1
        }
        return nil
    }

    // MARK: Recognition

    public func recognize(_ t: [Token]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var i = 0
        let n = t.count
        while i < n {
            // Dates are found by the DateNormalizer; groups and pronouns first.
            let groupStart = Self.groupStarts.mayContain(t[i].lower)
            if groupStart, let g = Self.matchPhrase(Self.partyGroupPhrases, t, i) {
                let count = t[i..<(i + g)].compactMap { Self.groupCounts[$0] }.first ?? 2
                spans.append(EntitySpan(tokens: i..<(i + g), type: .group, label: "the \(count) countries", role: String(count)))
                i += g
                continue
            }
            if groupStart, let g = Self.matchPhrase(Self.personGroupPhrases, t, i) ?? personGroup(t, i) {
                let count = t[i..<(i + g)].compactMap { Self.groupCounts[$0] }.first ?? 2
                spans.append(EntitySpan(tokens: i..<(i + g), type: .group, label: "the \(count) people", role: "person:\(count)"))
                i += g
                continue
            }
            // "the new state", "the new republic": the country the sentence is about.
            if t[i].lower == "the", i + 2 < n, t[i + 1].lower == "new", !t[i + 2].isCapitalized, Self.newStateNouns.contains(t[i + 2]),
               i + 3 >= n || (t[i + 3].lower != "of" && t[i + 3].text != "'s" && !t[i + 3].isCapitalized) {
                spans.append(EntitySpan(tokens: i..<(i + 3), type: .pronoun, label: "the new \(t[i + 2].lower)", role: "country"))
                i += 3
                continue
            }
            // "the Nepalese capital": the country's capital city (not "the Nepalese capital market").
            if t[i].lower == "the", i + 2 < n, t[i + 2].lower == "capital", !t[i + 2].isCapitalized,
               i + 3 >= n || !(t[i + 3].isCapitalized || t[i + 3].kind == .word && !["of", "and", "on", "in", "to", "for", "the", "where", "which", "that", "was", "is", "with", "by", "at", "from"].contains(t[i + 3].lower)),
               let d = gazetteer.matches(t, at: i + 1).first(where: { $0.length == 1 }), let e = d.entries.first(where: { $0.kind == .demonym }),
               let code = e.countryCode, let city = gazetteer.capitalsByCode[code] {
                spans.append(EntitySpan(tokens: (i + 1)..<(i + 3), type: .city, label: city.label, wikidata: city.wikidata, countryCode: code))
                i += 3
                continue
            }
            // "the country", "that organisation": a definite description standing for the last one named.
            if (t[i].lower == "the" || t[i].lower == "that"), i + 1 < n, !t[i + 1].isCapitalized, let kind = Self.descriptions[t[i + 1]],
               i + 2 >= n || (t[i + 2].lower != "of" && t[i + 2].text != "'s" && !t[i + 2].isCapitalized) {
                spans.append(EntitySpan(tokens: i..<(i + 2), type: .pronoun, label: "\(t[i].lower) \(t[i + 1].lower)", role: kind))
                i += 2
                continue
            }
            // "His Majesty King Harald V", "Her Royal Highness": a form of address is no pronoun.
            if t[i].lower == "his" || t[i].lower == "her", t[i].isCapitalized, i + 1 < n, Self.addressForms.contains(t[i + 1]) {
                i += t[i + 1].lower == "royal" || t[i + 1].lower == "imperial" ? 3 : 2
                continue
            }
            // "..., and both belong to the Commonwealth": "both" before a verb is the article's two parties.
            if t[i].lower == "both", i + 1 < n, Self.bothVerbs.contains(t[i + 1]) {
                spans.append(EntitySpan(tokens: i..<(i + 1), type: .group, label: "the 2 countries", role: "2"))
                i += 1
                continue
            }
            // "They also belong to ...": the article's two parties when they were just named (`EntityResolver`).
            if t[i].lower == "they" {
                spans.append(EntitySpan(tokens: i..<(i + 1), type: .group, label: "they", role: "2"))
                i += 1
                continue
            }
            // "received him at the palace", "welcomed her in Lima": an object pronoun, which fills only the
            // slots that ask for one (`Pronoun[object]`). "her" before a noun is a possessive.
            if t[i].lower == "him" || (t[i].lower == "her" && (i + 1 == n || Self.afterObjectPronoun.contains(t[i + 1].lower))) {
                spans.append(EntitySpan(tokens: i..<(i + 1), type: .pronoun, label: t[i].lower, role: "object"))
                i += 1
                continue
            }
            if let kind = Self.pronouns[t[i]] {
                spans.append(EntitySpan(tokens: i..<(i + 1), type: .pronoun, label: t[i].lower, role: kind))
                i += 1
                continue
            }
            // "held talks with dos Santos", "de Gaulle said": a surname that opens with its particle.
            if !t[i].isCapitalized, ["dos", "da", "de", "van", "von", "du", "del", "della", "di"].contains(t[i].lower), i + 1 < n,
               t[i + 1].isCapitalized, t[i + 1].spaceBefore, i == 0 || !t[i - 1].isCapitalized, gazetteerSpan(t, i + 1) == nil {
                let e = nameEnd(t, i + 1)
                if e > i + 1 {
                    spans.append(EntitySpan(tokens: i..<e, type: .name, label: text(t, i..<e)))
                    i = e
                    continue
                }
            }
            if let s = recognizeRun(t, i) {
                spans.append(contentsOf: s.spans)
                i = s.end
                continue
            }
            i += 1
        }
        // "Minister of Defence II, Dato Seri Pahlawan Haji Halbi Mohd Yussof, met": the forms of address before a name
        // belong to its span (not to its label), so no stray words stand between a title, a comma and the name.
        for k in spans.indices where spans[k].type == .person || spans[k].type == .name {
            let floor = k > 0 ? spans[k - 1].tokens.upperBound : 0
            var b = spans[k].tokens.lowerBound
            while b > floor, Self.honorifics.contains(t[b - 1]) || Self.honorificTitles.contains(t[b - 1]) || t[b - 1].text == "'" { b -= 1 }
            while b < spans[k].tokens.lowerBound, !Self.honorifics.contains(t[b]) { b += 1 }
            if b < spans[k].tokens.lowerBound { spans[k].tokens = b..<spans[k].tokens.upperBound }
        }
        return spans
    }

    /// Handles the capitalized run (or lower-case title) starting at `i`.
    private func recognizeRun(_ t: [Token], _ start: Int) -> (spans: [EntitySpan], end: Int)? {
        var i = start
        // A lower-case title ("deputy prime minister Petra De Sutter", "honorary consul X").
        if !t[i].isCapitalized {
            guard let title = titleAt(t, i) else {
                // A lower-case place cue preceded by nothing capitalized is not a place.
                return nil
            }
            var spans = [title.span]
            var end = title.end
            if let p = personAfterTitle(t, end) {
                if end + 1 < p.tokens.lowerBound, let g = gazetteerSpan(t, end + 1), g.tokens.upperBound <= p.tokens.lowerBound {
                    spans.append(g)
                }
                spans.append(p)
                end = p.tokens.upperBound
            }
            return (spans, end)
        }
        // Sentence-initial function words ("In 2006 Essensium NV") do not start a name.
        while i < t.count, (t[i].isCapitalized && (Self.leadingFunctionWords.contains(t[i]) || Self.monthNames.contains(t[i])))
                || t[i].kind == .number {
            i += 1
        }
        // "Twinned with Kalisz since 1995, Erfurt ...", "Appointed ambassador in 2011, X ...": a sentence's opening participle.
        if i == 0, t.count > 2, t[0].isCapitalized, t[0].lower.count > 5, t[0].lower.hasSuffix("ed"), !t[1].isCapitalized,
           Self.participlePrepositions.contains(t[1]) || titleAt(t, 1) != nil {
            return ([], 1)
        }
        guard i < t.count, t[i].isCapitalized else { return ([], max(i, start + 1)) }
        if t[i].lower == "the", i + 1 < t.count, t[i + 1].isCapitalized { i += 1 }

        var runEnd = capitalizedRunEnd(t, i)
        // The gazetteer's phrases and the title at the run's start, looked up once for the tests below.
        let namesAtStart = gazetteer.matches(t, at: i)
        let titleAtStart = titleAt(t, i)
        // "Luxembourg and the European Union": two names joined by "and" are two runs.
        // So are "Stripe Inc. and Visa Inc.": a company suffix before "and" ends the first name.
        if let and = (i..<runEnd).first(where: { t[$0].lower == "and" }) {
            if let g = namesAtStart.first, i + g.length == and {
                runEnd = and
            } else if and > i, Self.companySuffixes.contains(t[and - 1]) || Self.companySuffixes.contains(String(t[and - 1].lower.dropLast())) {
                runEnd = and
            } else if and > i, let g = gazetteer.matches(t, at: and + 1 < t.count && t[and + 1].lower == "the" ? and + 2 : and + 1).first,
                      g.entries.contains(where: { $0.kind == .organization || $0.kind == .country }) {
                // "the Andean Community and the Organization of American States": a known name after "and" starts a run.
                runEnd = and
            }
        }
        // "the Order of José Martí", "the Treaty of Peace and Friendship": the name of an award or a treaty names
        // no person or place.
        if Self.namedThings.contains(t[i].text), i + 2 < runEnd, t[i + 1].lower == "of" { return ([], runEnd) }
        // So does a name that ends in an agreement's noun ("the Zurich and London Agreements", "the Good Friday
        // Agreement"): its words stay words, for the rules that read "agreement".
        // (Not a name of its parties joined by dashes: "the United States–Mexico–Canada Agreement".)
        if Self.agreementNouns.contains(t[runEnd - 1].lower), titleAtStart == nil, !(runEnd - 1 > i && Self.orgCues.contains(t[runEnd - 2])),
           !t[i..<runEnd].contains(where: { $0.text == "–" || $0.text == "-" }) {
            return ([], runEnd)
        }
        // A gazetteer city or country that covers the run is no place named by its first word ("Port Moresby").
        let gazetteerRun = namesAtStart.contains { m in
            i + m.length == runEnd && m.entries.contains { $0.kind == .city || $0.kind == .country }
        }
        // Place: the run followed by at most one lower-case modifier and a place cue. Not a run that
        // starts with a title: "Ambassador Philip Hall" is a person.
        if titleAtStart == nil, let place = placeAfter(t, runStart: i, runEnd: runEnd) { return ([place], place.tokens.upperBound) }
        // "the Garden of Remembrance", "the Church of Saint Sava": a place's word, then "of" and its name.
        if !gazetteerRun, Self.placeCueWords.contains(t[i].lower), i + 2 < runEnd, t[i + 1].lower == "of", !Self.orgCues.contains(t[runEnd - 1]) {
            return ([EntitySpan(tokens: i..<runEnd, type: .place, label: text(t, i..<runEnd))], runEnd)
        }
        // ("Lake Chad Basin Commission" ends with an organization's noun: an organization.)
        if !gazetteerRun, Self.leadingPlaceCues.contains(t[i]), runEnd > i + 1, !Self.orgCues.contains(t[runEnd - 1]) {
            return ([EntitySpan(tokens: i..<runEnd, type: .place, label: text(t, i..<runEnd))], runEnd)
        }
        // Organization: a cue noun anywhere in the run, or a company suffix at its end (or before "of").
        // Not when the run starts with a title ("Minister of Science and Technology").
        let coveredByName = namesAtStart.first.map { m in
            i + m.length == runEnd && m.entries.contains { $0.kind == .country || $0.kind == .city }
        } ?? false
        if titleAtStart == nil, !coveredByName, let org = organization(t, i, runEnd) { return ([org], org.tokens.upperBound) }

        // Otherwise: gazetteer names, titles and names, left to right inside the run.
        var spans: [EntitySpan] = []
        var k = i
        while k < runEnd {
            if let title = k == i ? titleAtStart : titleAt(t, k) {
                spans.append(title.span)
                k = title.end
                if let p = personAfterTitle(t, k) {
                    if k + 1 < p.tokens.lowerBound, let g = gazetteerSpan(t, k + 1), g.tokens.upperBound <= p.tokens.lowerBound {
                        spans.append(g)
                    } else if k + 1 < p.tokens.lowerBound, t[k].lower == "of", t[k + 1].isCapitalized {
                        // "the Governor of Lower Austria, X": the unknown place the title is of is a name.
                        var e = k + 1
                        while e < p.tokens.lowerBound, t[e].isCapitalized { e += 1 }
                        spans.append(EntitySpan(tokens: (k + 1)..<e, type: .name, label: text(t, (k + 1)..<e)))
                    }
                    spans.append(p)
                    k = p.tokens.upperBound
                }
                continue
            }
            if let g = gazetteerSpan(t, k) {
                // "Western New Guinea": a country name continuing a capitalized name is part of that name.
                let continuesName = k > i && t[k - 1].isCapitalized && g.type == .country
                    && !Self.leadingFunctionWords.contains(t[k - 1]) && t[k - 1].lower != "the" && titleAt(t, k - 1) == nil
                    && gazetteerSpan(t, k - 1) == nil && !t[k - 1].isAllCaps
                if !continuesName {
                    spans.append(g)
                    k = g.tokens.upperBound
                    continue
                }
            }
            if t[k].isAllCaps, t[k].text.count >= 2, t[k].text.count <= 8, t[k].kind == .word, !t[k].text.contains("."),
               k + 1 >= runEnd || !t[k + 1].isAllCaps, k + 1 >= t.count || t[k + 1].text != "$" {
                // An acronym that opens a longer name is part of it: "BNP Paribas", "BTG Pactual".
                if k + 1 < runEnd, t[k + 1].isCapitalized, !t[k + 1].isAllCaps, !Self.notNames.contains(t[k + 1]),
                   titleAt(t, k + 1) == nil, gazetteerSpan(t, k + 1) == nil {
                    let e = nameEnd(t, k + 1)
                    if e > k + 1 {
                        spans.append(EntitySpan(tokens: k..<e, type: .organization, label: text(t, k..<e)))
                        k = e
                        continue
                    }
                }
                // A currency before an amount ("RM 190 billion") is no name.
                if Self.currencyCodes.contains(t[k].text), k + 1 < t.count, t[k + 1].kind == .number {
                    k += 1
                    continue
                }
                // An unknown acronym ("NDUM"): an organization, resolved against names seen before.
                spans.append(EntitySpan(tokens: k..<(k + 1), type: .organization, label: t[k].text))
                k += 1
                continue
            }
            if Self.honorifics.contains(t[k]) { k = Self.afterHonorifics(t, k); continue }
            if t[k].isCapitalized, !Self.notNames.contains(t[k]) {
                let e = nameEnd(t, k)
                // "the ancient Nabataean city of Petra": a name before "city of" describes the city; no entity.
                if e == runEnd, e + 1 < t.count, Self.settlementNouns.contains(t[e]), t[e + 1].lower == "of" {
                    k = e
                    continue
                }
                // "the Independence Day parade": a name before an event noun names the event, not a place or person.
                var f = e
                while f < runEnd, Self.notNames.contains(t[f]) { f += 1 }  // "Independence Day"
                if k == i, f == runEnd, f < t.count, !t[f].isCapitalized, Self.eventNouns.contains(t[f]) {
                    k = f
                    continue
                }
                if e > k {
                    // "the city of Trujillo": a name after "city of" is a city.
                    let city = k == i && i >= 2 && t[i - 1].lower == "of" && Self.settlementNouns.contains(t[i - 2])
                    spans.append(EntitySpan(tokens: k..<e, type: city ? .city : .name, label: text(t, k..<e)))
                    k = e
                    continue
                }
            }
            k += 1
        }
        return (spans, max(runEnd, start + 1, spans.last?.tokens.upperBound ?? 0))
    }

    /// A town named by its river or region: "Krems an der Donau", "Rothenburg ob der Tauber", "Frankfurt am Main",
    /// "Newcastle upon Tyne". At `k`, the lower-case words before the river's name: where that name starts.
    static func riverParticleEnd(_ t: [Token], _ k: Int) -> Int? {
        guard k + 1 < t.count, !t[k].isCapitalized else { return nil }
        switch t[k].lower {
        case "an", "ob", "in":
            return k + 2 < t.count && t[k + 1].text == "der" && t[k + 2].isCapitalized ? k + 2 : nil
        case "am", "im", "upon":
            return t[k + 1].isCapitalized && t[k + 1].kind == .word ? k + 1 : nil
        default:
            return nil
        }
    }

    /// End of a run of capitalized tokens joined by connectors and hyphens.
    func capitalizedRunEnd(_ t: [Token], _ start: Int) -> Int {
        var j = start
        while j < t.count {
            let tok = t[j]
            if tok.isCapitalized || (tok.kind == .number && j > start) { j += 1; continue }
            if tok.text == "-" || tok.text == "–", !tok.spaceBefore, j + 1 < t.count, !t[j + 1].spaceBefore, t[j + 1].isCapitalized { j += 2; continue }
            // "Organisation for European Economic Co-operation": "Co-" with its lower-case rest.
            // ("... Co-operation in Europe": the region is part of such a name.)
            if tok.text == "-", j > start, t[j - 1].text == "Co", !tok.spaceBefore, j + 1 < t.count, !t[j + 1].spaceBefore, t[j + 1].kind == .word {
                j += 2
                if j + 1 < t.count, t[j].lower == "in", t[j + 1].isCapitalized, !Self.monthNames.contains(t[j + 1]) { j += 1 }
                continue
            }
            // "Ontario Teachers' Pension Plan"
            if tok.text == "'", !tok.spaceBefore, j + 1 < t.count, t[j + 1].isCapitalized, t[j - 1].lower.hasSuffix("s") { j += 1; continue }
            if tok.text == "&", j + 1 < t.count, t[j + 1].isCapitalized { j += 1; continue }
            // "Forum on China–Africa Cooperation", "Conference on Disarmament": "on" inside a body's name.
            if tok.lower == "on", j > start, j + 1 < t.count, t[j + 1].isCapitalized, Self.onTakingCues.contains(t[j - 1]) { j += 1; continue }
            if j > start, let river = Self.riverParticleEnd(t, j) { j = river; continue }
            if Self.connectorsSet.contains(tok), j > start, j + 1 < t.count {
                // "travels to Addis Ababa for the African Union summit": a known city or country before "for" or
                // "to" is a name of its own.
                if tok.lower == "for" || tok.lower == "to", let g = gazetteerSpan(t, start), g.tokens == start..<j,
                   g.type == .city || g.type == .country { break }
                var k = j + 1
                if t[k].lower == "the", k + 1 < t.count { k += 1 }
                if t[k].isCapitalized { j = k; continue }
            }
            break
        }
        return j
    }

    /// A place named by a capitalized run and a place cue: the cue ends the run
    /// ("Subang Air Base"), follows it in lower case ("the Rafah border crossing"),
    /// or follows one lower-case modifier ("the Belgian Navy mine school").
    func placeAfter(_ t: [Token], runStart: Int, runEnd: Int) -> EntitySpan? {
        guard runEnd > runStart else { return nil }
        // "the Kenyan port city of Mombasa": a demonym or country alone before a cue is not a place name.
        if let g = gazetteer.matches(t, at: runStart).first, runStart + g.length == runEnd,
           g.entries.contains(where: { $0.kind == .demonym || $0.kind == .country }) {
            return nil
        }
        func place(_ end: Int) -> EntitySpan { EntitySpan(tokens: runStart..<end, type: .place, label: text(t, runStart..<end)) }
        func lowerCue(at s: Int) -> Int? {
            guard s < t.count, !t[s].isCapitalized else { return nil }
            return Self.matchPhrase(Self.placeCuePhrases, t, s)
        }
        // ("from the Copperbelt to the Tanzanian port of Dar es Salaam": a run that ends in a demonym after "to" or "and" is
        // two things, not one place.)
        if runEnd - runStart >= 3, gazetteer.matches(t, at: runEnd - 1).contains(where: { $0.length == 1 && $0.entries.contains { $0.kind == .demonym } }),
           (runStart..<runEnd).contains(where: { t[$0].lower == "to" || t[$0].lower == "and" }) { return nil }
        if let len = lowerCue(at: runEnd) { return place(runEnd + len) }
        if runEnd < t.count, t[runEnd].kind == .word, !t[runEnd].isCapitalized, !Self.functionWordsSet.contains(t[runEnd]),
           let len = lowerCue(at: runEnd + 1) {
            return place(runEnd + 1 + len)
        }
        // "the Palace of Serbia", "the Cathedral Church of St. Michael": a cue, "of" and a name.
        if let cue = (runStart..<(runEnd - 1)).first(where: { Self.ofPlaceCues.contains(t[$0]) }), t[cue + 1].lower == "of",
           (runStart..<cue).allSatisfy({ t[$0].isCapitalized && gazetteerSpan(t, $0) == nil }) {
            return place(runEnd)
        }
        for cueStart in (runStart + 1)..<runEnd where t[cueStart].isCapitalized {
            if let len = Self.matchPhrase(Self.placeCuePhrases, t, cueStart), cueStart + len == runEnd { return place(runEnd) }
        }
        return nil
    }


    func organization(_ t: [Token], _ start: Int, _ runEnd: Int) -> EntitySpan? {
        // The longest gazetteer organization that starts the run.
        if let g = gazetteer.matches(t, at: start).first(where: { $0.entries.contains { $0.kind == .organization } }) {
            let entry = g.entries.first { $0.kind == .organization }!
            if start + g.length >= runEnd || !hasCue(t, start + g.length, runEnd) {
                return orgSpan(t, start..<(start + g.length), label: entry.label, wikidata: entry.wikidata)
            }
        }
        // "Sánchez and Head of Government Aziz Akhannouch": a title after "and" joins two people, not an organization's words.
        if (start + 1..<runEnd).contains(where: { t[$0 - 1].lower == "and" && titleAt(t, $0) != nil }) { return nil }
        var end: Int? = nil
        var k = start
        while k < runEnd {
            let lower = t[k].lower.hasSuffix(".") ? String(t[k].lower.dropLast()) : t[k].lower
            if Self.companySuffixes.contains(t[k]) || Self.companySuffixes.contains(lower) {
                let atEnd = k + 1 == runEnd || t[k + 1].lower == "of" || Self.companySuffixes.contains(t[k + 1])
                    || Self.companySuffixes.contains(String(t[k + 1].lower.dropLast()))
                if atEnd && k > start {
                    end = k + 1
                    // "Sdn. Bhd.": take the pair; then stop before "of <Country>".
                    if k + 1 < runEnd, Self.companySuffixes.contains(String(t[k + 1].lower.dropLast())) || Self.companySuffixes.contains(t[k + 1]) { end = k + 2 }
                    return orgSpan(t, start..<end!, label: text(t, start..<end!), wikidata: nil)
                }
            }
            if Self.orgCues.contains(t[k]), t[k].isCapitalized { end = runEnd }
            k += 1
        }
        guard let e = end, e > start else { return nil }
        // A single cue word alone ("Parliament", "Government") is not a named organization,
        // nor is a diplomatic mission ("High Commission", "Embassy"): the mission rules read those.
        if e - start == 1 { return nil }
        if ["commission", "embassy", "consulate", "legation", "mission"].contains(t[e - 1].lower), e - start <= 2 { return nil }
        return orgSpan(t, start..<e, label: text(t, start..<e), wikidata: nil)
    }

    func hasCue(_ t: [Token], _ s: Int, _ e: Int) -> Bool {
        (s..<e).contains { Self.orgCues.contains(t[$0]) && t[$0].isCapitalized }
    }

    func orgSpan(_ t: [Token], _ r: Range<Int>, label: String, wikidata: String?) -> EntitySpan {
        var span = EntitySpan(tokens: r, type: .organization, label: label, wikidata: wikidata)
        // "European Union (EU)": remember the acronym and cover it.
        let e = r.upperBound
        if e + 2 < t.count, t[e].text == "(", t[e + 2].text == ")", t[e + 1].isAllCaps {
            span.acronym = t[e + 1].text
            span.tokens = r.lowerBound..<(e + 3)
        }
        return span
    }

    func gazetteerSpan(_ t: [Token], _ i: Int) -> EntitySpan? {
        // "the Kingdom of Yugoslavia", "the Republic of Cuba": a state's form before its name is that state.
        if t[i].isCapitalized, Self.stateForms.contains(t[i]), i + 2 < t.count, t[i + 1].lower == "of",
           let c = gazetteerSpan(t, i + 2), c.type == .country {
            return EntitySpan(tokens: i..<c.tokens.upperBound, type: .country, label: c.label, wikidata: c.wikidata, countryCode: c.countryCode)
        }
        for m in gazetteer.matches(t, at: i) {
            // "US$7.1": an acronym glued to a currency sign is not a country.
            if i + m.length < t.count, !t[i + m.length].spaceBefore, t[i + m.length].text == "$" { continue }
            // "a French-trained engineer", "a Soviet-backed government": a demonym in a participle compound says
            // where something came from, not who someone is.
            if m.entries.contains(where: { $0.kind == .demonym }), i + m.length + 1 < t.count, t[i + m.length].text == "-",
               !t[i + m.length].spaceBefore, t[i + m.length + 1].lower.hasSuffix("ed"), !t[i + m.length + 1].isCapitalized { continue }
            // "ten billion US dollars": a country before its currency's name is not the country.
            if i + m.length < t.count, ["dollar", "dollars"].contains(t[i + m.length].lower) { continue }
            guard let e = m.entries.first(where: { $0.kind != .position }) else { continue }
            let type: SpanType
            switch e.kind {
            case .country: type = .country
            case .demonym: type = .demonym
            case .city: type = .city
            case .organization: type = .organization
            case .position: continue
            }
            if type == .organization { return orgSpan(t, i..<(i + m.length), label: e.label, wikidata: e.wikidata) }
            return EntitySpan(tokens: i..<(i + m.length), type: type, label: e.label, wikidata: e.wikidata, countryCode: e.countryCode)
        }
        return nil
    }

    /// A position title at `i`: a gazetteer title, extended by "of/for <capitalized words>"
    /// when it is a bare "Minister"-like title ("Minister of International Trade and Industry").
    static let agreementNouns: Set<String> = ["agreement", "agreements", "accord", "accords", "treaty", "treaties", "pact", "protocol", "memorandum"]


    func titleAt(_ t: [Token], _ i: Int) -> (span: EntitySpan, end: Int)? {
        // Titles by shape: a capitalized modifier before a known title ("First Secretary",
        // "Federal President", "Acting Foreign Minister").
        let names = gazetteer.matches(t, at: i)
        if t[i].isCapitalized, Self.titleModifiers.contains(t[i]), i + 1 < t.count, t[i + 1].isCapitalized,
           let inner = titleAt(t, i + 1), inner.span.tokens.lowerBound == i + 1,
           !(names.contains { $0.length > 1 && $0.entries.contains { $0.kind == .position } }) {
            var span = inner.span
            span.tokens = i..<inner.end
            span.label = Self.titleCase(text(t, i..<inner.end))
            return (span, inner.end)
        }
        // "Secretary of National Defence", "Secretary for Foreign Affairs": a capitalized "Secretary" is a title
        // with its portfolio.
        if t[i].text == "Secretary", i + 2 < t.count, ["of", "for"].contains(t[i + 1].lower), t[i + 2].isCapitalized {
            let last = Self.portfolioRun(t, from: i + 2).words
            if last > i + 2 {
                return (EntitySpan(tokens: i..<last, type: .title, label: Self.titleCase(text(t, i..<last)), role: "minister"), last)
            }
        }
        guard let m = names.first(where: { $0.entries.contains { $0.kind == .position } }) else {
            // By shape: capitalized portfolio words before "Minister" or "Secretary" ("Petroleum Minister",
            // "Commerce and Industry Minister", "Works Secretary").
            // ("Colombia's environment minister": one portfolio word in lower case after a possessive.)
            if i > 0, t[i - 1].text == "'s", !t[i].isCapitalized, Self.portfolioWords.contains(t[i].lower), i + 1 < t.count,
               t[i + 1].text == "minister" || t[i + 1].text == "secretary" {
                return (EntitySpan(tokens: i..<(i + 2), type: .title, label: Self.titleCase(text(t, i..<(i + 2))), role: "minister"), i + 2)
            }
            if t[i].isCapitalized, Self.portfolioWords.contains(t[i].lower) {
                let (e, words) = Self.portfolioRun(t, from: i)
                if e < t.count, e == words, t[e].text == "Minister" || t[e].text == "Secretary" {
                    return (EntitySpan(tokens: i..<(e + 1), type: .title, label: Self.titleCase(text(t, i..<(e + 1))), role: "minister"), e + 1)
                }
            }
            return pluralTitleAt(t, i)
        }
        let entry = m.entries.first { $0.kind == .position }!
        // "appointed Norway's first minister to Sweden": a lower-case "first" before an envoy's "minister to" is an
        // ordinal; the title is "minister".
        if m.length == 2, t[i].text == "first", i + 2 < t.count, ["to", "in", "at", "resident", "plenipotentiary"].contains(t[i + 2].lower) {
            return titleAt(t, i + 1)
        }
        // "Amir Khan Muttaqi": "Amir" before a name, not after "the", is a given name.
        if t[i].text == "Amir", i + 1 < t.count, t[i + 1].isCapitalized, t[i + 1].spaceBefore, titleAt(t, i + 1) == nil,
           gazetteerSpan(t, i + 1) == nil, i == 0 || t[i - 1].lower != "the" { return nil }
        // "Amir-Abbas Hoveyda", "Hossein Amir-Abdollahian": a title word joined by a hyphen to a name is part of the name.
        if i + m.length + 1 < t.count, t[i + m.length].text == "-", !t[i + m.length].spaceBefore, !t[i + m.length + 1].spaceBefore,
           t[i + m.length + 1].isCapitalized, titleAt(t, i + m.length + 1) == nil { return nil }
        // Lower-case military, religious and legislative words are ordinary nouns ("a major role").
        // After a demonym any lower-case title is a title: "the Russian admiral", "the Kenyan president".
        // So is one after a country's possessive: "India's army chief".
        let afterDemonym = i > 0 && gazetteer.matches(t, at: i - 1).contains { $0.length == 1 && $0.entries.contains { $0.kind == .demonym } }
            || (i > 1 && t[i - 1].text == "'s" && gazetteer.matches(t, at: i - 2).contains { $0.length == 1 && $0.entries.contains { $0.kind == .country } })
            // ("Lebanon's long-serving speaker, X": past one adjective.)
            || (i > 2 && !t[i - 1].isCapitalized && t[i - 1].lower.contains("-") && t[i - 2].text == "'s"
                && gazetteer.matches(t, at: i - 3).contains { $0.length == 1 && $0.entries.contains { $0.kind == .country } })
            // "the first United States minister to Mexico": a country's name before the title.
            || (i > 1 && t[i - 1].isCapitalized && gazetteer.matches(t, at: i - 2).contains { $0.length == 2 && $0.entries.contains { $0.kind == .country } })
            || (i > 0 && t[i - 1].isCapitalized && gazetteer.matches(t, at: i - 1).contains { $0.length == 1 && $0.entries.contains { $0.kind == .country } })
        if !t[i].isCapitalized, !Self.lowercaseOKSet.contains(entry.role ?? ""), !afterDemonym { return nil }
        // "his first trip as head of state": in lower case a description, not the title.
        if !t[i].isCapitalized, entry.label.hasPrefix("Head of") { return nil }
        if !t[i].isCapitalized, !afterDemonym, ["general", "major", "speaker", "governor", "commander", "chairman", "president", "secretary", "minister"].contains(t[i].lower), m.length == 1 {
            // "the president of the delegation": a bare lower-case title needs a name right after it (or after a comma),
            // "of <Country>" after it ("president of Ecuador"), or a word that makes it a role before it
            // ("sworn in as president", "who became president", "X, chairman of ...").
            let k = i + 1 < t.count && t[i + 1].text == "," ? i + 2 : i + 1
            let nameAfter = k < t.count && t[k].isCapitalized && !Self.notNames.contains(t[k])
            let ofCountry = i + 2 < t.count && t[i + 1].lower == "of" && gazetteer.matches(t, at: i + 2).contains { $0.entries.contains { $0.kind == .country } }
            let prev = i > 0 ? t[i - 1].lower : ""
            let roleBefore = Self.lowercaseTitleCues.contains(prev) || (prev == "the" && i > 1 && t[i - 2].text == ",")
            // "the president flew to ...": the title as a subject, before its verb.
            let verbAfter = prev == "the" && i + 1 < t.count && !t[i + 1].isCapitalized
                && (Self.subjectVerbs.contains(t[i + 1]) || (t[i + 1].lower.hasSuffix("ed") && t[i + 1].lower.count > 4))
            // "named X minister resident at The Hague": a diplomatic rank's word after it.
            let rankAfter = i + 1 < t.count && Self.diplomaticRanks.contains(t[i + 1].lower)
            guard nameAfter || ofCountry || roleBefore || verbAfter || rankAfter else { return nil }
        }
        var end = i + m.length
        var label = Self.titleCase(text(t, i..<end))
        // "Minister of International Trade and Industry", "Secretary of foreign affairs": a bare
        // minister-like title takes "of/for" and portfolio words; a country after "of" is nationality.
        if Self.extendableSet.contains(t[i..<end].map(\.lower).joined(separator: " ")), end + 1 < t.count,
           ["of", "for"].contains(t[end].lower) {
            var e = end + 1
            var last = end
            while e < t.count {
                let w = t[e].lower
                if Self.portfolioWords.contains(w) { e += 1; last = e; continue }
                if ["and", "the", "of", "for"].contains(w), e + 1 < t.count, Self.portfolioWords.contains(t[e + 1]) { e += 1; continue }
                break
            }
            if last > end + 1 {
                end = last
                label = Self.titleCase(text(t, i..<end))
            }
        }
        // "X, Minister of Energy Transition and Sustainable Development, ...", "Côte d'Ivoire's Minister of Foreign
        // Affairs, African Integration and the Diaspora, X": a capitalized portfolio the list does not know, in an
        // apposition (after a comma or a possessive, up to a comma, where no name can hide in it); a comma continues
        // it only into a list that ends in "and".
        if t[i].isCapitalized, ["minister", "secretary", "deputy", "commissioner"].contains(t[i].lower), i > 0, t[i - 1].text == "," || t[i - 1].text == "'s",
           let e = capitalizedPortfolioEnd(t, from: end), e > end, e < t.count, t[e].text == "," {
            end = e
            label = Self.titleCase(text(t, i..<end))
        }
        // "Minister for Development Cooperation and Humanitarian Affairs": a capitalized portfolio
        // continues after "and".
        if t[i].isCapitalized, end + 1 < t.count, t[end].lower == "and", Self.portfolioWords.contains(t[end - 1]) {
            var e = end + 1
            while e < t.count, t[e].isCapitalized, Self.portfolioWords.contains(t[e]) { e += 1 }
            if e > end + 1 {
                end = e
                label = Self.titleCase(text(t, i..<end))
            }
        }
        // "Lieutenant-Governor", "Vice-Governor": a hyphen joins two title words into one title;
        // "Colonel General": a military rank before another title is part of it.
        if t[i].isCapitalized, end + 1 < t.count, t[end + 1].isCapitalized,
           (t[end].text == "-" && !t[end].spaceBefore) || (entry.role == "military" && t[end].isCapitalized && t[end].spaceBefore),
           let next = titleAt(t, t[end].text == "-" ? end + 1 : end), next.span.tokens.lowerBound == (t[end].text == "-" ? end + 1 : end) {
            return (EntitySpan(tokens: i..<next.end, type: .title, label: Self.titleCase(text(t, i..<next.end)), role: next.span.role ?? entry.role), next.end)
        }
        // "Brunei's Minister of Defence II, Major General X": a second holder's numeral belongs to the title.
        if end < t.count, t[end].text == "II" || t[end].text == "III", end + 1 >= t.count || !t[end + 1].isCapitalized {
            end += 1
            label += " " + t[end - 1].text
        }
        return (EntitySpan(tokens: i..<end, type: .title, label: label, role: entry.role), end)
    }

    /// The end of a capitalized portfolio after a minister's title at `start` (at "of"/"for" or inside the portfolio).
    func capitalizedPortfolioEnd(_ t: [Token], from start: Int) -> Int? {
        var e = start
        if e < t.count, ["of", "for"].contains(t[e].lower) { e += 1 }
        func word(_ k: Int) -> Bool {
            k < t.count && t[k].isCapitalized && t[k].kind == .word && titleAt(t, k) == nil
                && !(gazetteer.matches(t, at: k).contains { $0.entries.contains { $0.kind == .country || $0.kind == .city } })
        }
        var last = start
        while e < t.count {
            if word(e) { e += 1; last = e; continue }
            if ["and", "the"].contains(t[e].lower), word(e + 1) || (t[e].lower == "and" && t[e + 1 < t.count ? e + 1 : e].lower == "the" && word(e + 2)) { e += 1; continue }
            // ", African Integration and the Diaspora,": a comma into a list that ends in "and".
            if t[e].text == ",", word(e + 1) {
                var k = e + 1
                while k < t.count, word(k) { k += 1 }
                if k < t.count, t[k].lower == "and" { e += 1; continue }
            }
            break
        }
        return last > start ? last : nil
    }

    /// Words of a diplomatic rank after a title: "minister resident", "envoy extraordinary", "minister plenipotentiary".
    static let diplomaticRanks: Set<String> = ["resident", "plenipotentiary", "extraordinary"]

    /// Verbs after "the <title>" that make it a subject ("the president flew").
    static let subjectVerbs: WordSet = ["met", "held", "flew", "said", "went", "made", "paid", "took", "came", "left", "told", "was", "is", "has", "had", "will", "also", "then", "later"]

    /// Words before a lower-case title that make it a position: "sworn in as president", "who became president".
    static let lowercaseTitleCues: WordSet = ["as", "became", "becomes", "become", "then", "new", "former", "interim", "acting", "first", "also", ",",
                                                  "elected", "re-elected", "reelected", "appointed", "named", "'s", "second", "third", "fourth",
                                                  "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last"]

    /// Capitalized words that make a title of a known title after them.
    static let titleModifiers: WordSet = [
        "first", "second", "third", "special", "federal", "supreme", "acting", "interim", "senior", "permanent", "executive", "principal",
        "assistant", "parliamentary", "junior", "honorary", "grand", "royal", "chief", "vice", "deputy", "lord", "high",
        "regional", "provincial", "state", "foreign", "defence", "defense", "finance", "trade", "economy", "former",
    ]

    /// A title in the plural, capitalized ("Presidents Vladimir Putin and Boris Tadić", "Foreign Ministers X and Y").
    func pluralTitleAt(_ t: [Token], _ i: Int) -> (span: EntitySpan, end: Int)? {
        // ("foreign ministers Juracy Magalhães and Raúl Sapena Pastor": in lower case before names.)
        let lowerBeforeName = !t[i].isCapitalized && (1...3).contains { k in i + k < t.count && t[i + k].isCapitalized && t[i + k - 1].lower.hasSuffix("s") }
        guard t[i].isCapitalized || lowerBeforeName else { return nil }
        for length in 1...3 where i + length <= t.count {
            let last = t[i + length - 1]
            guard last.kind == .word, gazetteer.pluralPositionIndex.contains(last) else { continue }
            var window = Array(t[i..<(i + length)])
            window[length - 1] = Token(range: last.range, text: String(last.text.dropLast()), lower: String(last.lower.dropLast()),
                                       kind: last.kind, spaceBefore: last.spaceBefore)
            guard let m = gazetteer.matches(window, at: 0).first(where: { $0.length == length && $0.entries.contains { $0.kind == .position } }),
                  let entry = m.entries.first(where: { $0.kind == .position }) else { continue }
            if !t[i].isCapitalized, !(Self.lowercaseOKSet.contains(entry.role ?? "") && i + length < t.count && t[i + length].isCapitalized) { continue }
            let label = Self.titleCase(window.enumerated().map { $0.offset > 0 && $0.element.spaceBefore ? " " + $0.element.text : $0.element.text }.joined())
            return (EntitySpan(tokens: i..<(i + length), type: .title, label: label, role: entry.role, plural: true), i + length)
        }
        return nil
    }

    /// A person's name after a title: optionally past "of <Country>" and a comma.
    func personAfterTitle(_ t: [Token], _ start: Int) -> EntitySpan? {
        var i = start
        // "President of Egypt Abdel Fattah El Sisi", "Ambassador to Malaysia, Pascal Gregoire".
        if i + 1 < t.count, ["of", "to", "in"].contains(t[i].lower) {
            if let g = gazetteerSpan(t, i + 1), g.type == .country || g.type == .city || g.type == .organization {
                i = g.tokens.upperBound
            } else if t[i + 1].isCapitalized {
                // "the Governor of Jalisco, Emilio González Márquez": an unknown place, then a comma.
                var e = i + 1
                while e < t.count, t[e].isCapitalized, e - i <= 4 { e += 1 }
                guard e < t.count, t[e].text == "," else { return nil }
                i = e
            }
        }
        if i < t.count, t[i].text == "," { i += 1 }
        i = Self.afterHonorifics(t, i)
        // "President dos Santos": a name may start with a lower-case particle.
        if i + 1 < t.count, !t[i].isCapitalized, Self.leadingParticles.contains(t[i]), t[i + 1].isCapitalized,
           !Self.notNames.contains(t[i + 1]), gazetteerSpan(t, i + 1) == nil {
            let e = nameEnd(t, i + 1)
            if e > i + 1 { return EntitySpan(tokens: i..<e, type: .person, label: text(t, i..<e)) }
        }
        guard i < t.count, t[i].isCapitalized, !Self.notNames.contains(t[i]) else { return nil }
        // ("President Santiago Peña": a one-word city name that a name goes on from is a given name.)
        if let g = gazetteerSpan(t, i), g.type != .organization || g.tokens.count > 1,
           !(g.type == .city && g.tokens.count == 1 && i + 1 < t.count && t[i + 1].isCapitalized && t[i + 1].kind == .word
             && gazetteerSpan(t, i + 1) == nil && titleAt(t, i + 1) == nil && !Self.notNames.contains(t[i + 1])) { return nil }
        if titleAt(t, i) != nil { return nil }
        var e = nameEnd(t, i)
        guard e > i else { return nil }
        // "Prime Minister Luís Montenegro hosted": after a title, a country's one-word name that ends the capitalized
        // run is the person's surname.
        if e < t.count, t[e].isCapitalized, !(e + 1 < t.count && t[e + 1].isCapitalized), t[e].kind == .word,
           let g = gazetteerSpan(t, e), g.type == .country, g.tokens.count == 1, gazetteerSpan(t, i) == nil,
           !(e + 1 < t.count && t[e + 1].text == "'s") {
            e += 1
        }
        // "Resources Minister Madeleine King travelled": so is a one-word title after one given name.
        if e == i + 1, e < t.count, t[e].isCapitalized, let title = titleAt(t, e), title.end == e + 1,
           !(e + 1 < t.count && (t[e + 1].isCapitalized || t[e + 1].lower == "of" || t[e + 1].text == "'s")) {
            e += 1
        }
        // "the General Cooperation Agreement": a capitalized run that goes on into a document's or event's name is no person.
        if e < t.count, t[e].isCapitalized, Self.notNames.contains(t[e]), !Self.monthNames.contains(t[e]),
           !Self.plainCapitalizedWords.contains(t[e]) {
            return nil
        }
        return EntitySpan(tokens: i..<e, type: .person, label: text(t, i..<e))
    }

    /// End of a personal name starting at `i`: capitalized words, initials,
    /// particles before a capitalized word, hyphenated parts; at most six tokens.
    /// Whether the token before `e` is an initial ("D." or "D").
    static func followsInitial(_ t: [Token], _ e: Int) -> Bool {
        var k = e - 1
        if k >= 0, t[k].text == "." { k -= 1 }
        guard k >= 0 else { return false }
        let w = t[k].text.hasSuffix(".") ? String(t[k].text.dropLast()) : t[k].text
        return w.count == 1 && (w.first?.isUppercase ?? false)
    }

    func nameEnd(_ t: [Token], _ i: Int) -> Int {
        var e = i
        var words = 0
        while e < t.count, words < 6 {
            let tok = t[e]
            // A month that ends a name, not starting a date: "Theresa May and ...".
            if e > i, tok.isCapitalized, tok.lower == "may" || tok.lower == "june" || tok.lower == "august",
               e + 1 >= t.count || (t[e + 1].kind != .number && t[e + 1].text != ",") || (t[e + 1].text == "," && (e + 2 >= t.count || t[e + 2].kind != .number)) {
                e += 1
                words += 1
                continue
            }
            // A regnal number: "Faisal I", "Abdullah II".
            if e > i, tok.kind == .word, let f = tok.text.utf8.first, f == 0x49 || f == 0x56 || f == 0x58, Self.regnalNumbers.contains(tok.text) {
                e += 1
                continue
            }
            if tok.isCapitalized, tok.kind == .word, !Self.notNames.contains(tok) || (e > i && Self.particles.contains(tok)) {
                // ("Gas & Oil Pakistan": a country ends a name, except one joined by an ampersand.)
                if e > i, !Self.particles.contains(t[e - 1]), !t[i..<e].contains(where: { $0.text == "&" }),
                   gazetteerSpan(t, e).map({ $0.type == .country || $0.type == .demonym }) ?? false { break }
                // A title word after an initial is a surname: "Charles D. B. King". So is a word of rank between two
                // names: "Hassan Sheikh Mohamud".
                if e > i, let title = titleAt(t, e), !(title.end == e + 1 && Self.followsInitial(t, e)),
                   !(title.end == e + 1 && Self.rankInNames.contains(tok.lower) && e + 1 < t.count && t[e + 1].isCapitalized
                     && t[e + 1].kind == .word && titleAt(t, e + 1) == nil) { break }
                e += 1
                words += 1
                continue
            }
            if e > i, Self.particles.contains(tok), e + 1 < t.count, t[e + 1].isCapitalized || t[e + 1].text == "-" {
                e += 1
                continue
            }
            if e > i, let river = Self.riverParticleEnd(t, e) {
                e = river
                continue
            }
            // "Valéry Giscard d'Estaing", "Massimo D'Alema": a particle joined by an apostrophe.
            if e > i, tok.kind == .word, tok.text.hasPrefix("d'") || tok.text.hasPrefix("d’"), let c = tok.text.dropFirst(2).first, c.isUppercase {
                e += 1
                words += 1
                continue
            }
            // "Jardine Cycle & Carriage", "H&M", "Procter & Gamble", "M+S Pte Ltd": an ampersand (or a plus) between
            // capitalized words.
            if e > i, tok.text == "&" || (tok.text == "+" && !tok.spaceBefore), e + 1 < t.count, t[e + 1].isCapitalized, t[e + 1].kind == .word {
                e += 1
                continue
            }
            // "the Monument to the Fallen Shipyard Workers", "the Memorial to the Unknown Soldier".
            if e > i, tok.lower == "to", e + 2 < t.count, t[e + 1].lower == "the", t[e + 2].isCapitalized,
               ["monument", "memorial", "tomb"].contains(t[e - 1].lower) {
                e += 2
                continue
            }
            // "Juan Ramón de la Fuente": two particles.
            if e > i, Self.particles.contains(tok.lower), e + 2 < t.count, Self.particles.contains(t[e + 1].lower), t[e + 2].isCapitalized {
                e += 2
                continue
            }
            if e > i, tok.text == "-", !tok.spaceBefore, e + 1 < t.count, !t[e + 1].spaceBefore, t[e + 1].isCapitalized {
                e += 2
                words += 1
                continue
            }
            // A plural possessive inside a name: "the Leaders' Retreat", "Teachers' Pension Plan".
            if e > i, tok.text == "'", !tok.spaceBefore, t[e - 1].lower.hasSuffix("s"), e + 1 < t.count, t[e + 1].isCapitalized,
               t[e + 1].kind == .word, !Self.notNames.contains(t[e + 1]) {
                e += 1
                continue
            }
            // Korean and other given names joined by a hyphen in lower case: "Roh Moo-hyun", "Kim Sung-soo".
            if e > i, tok.text == "-", !tok.spaceBefore, e + 1 < t.count, !t[e + 1].spaceBefore, t[e + 1].kind == .word,
               t[e + 1].lower.count <= 5, !Self.hyphenSuffixes.contains(t[e + 1]), t[e - 1].isCapitalized {
                e += 2
                words += 1
                continue
            }
            break
        }
        return e
    }

    // MARK: Helpers

    static func matchPhrase(_ phrases: PhraseSet, _ t: [Token], _ i: Int) -> Int? { phrases.longestMatch(t, i) }

    /// The tokens' text as written, with the original spacing collapsed to single spaces.
    func text(_ t: [Token], _ r: Range<Int>) -> String {
        var s = ""
        for k in r {
            if k > r.lowerBound, t[k].spaceBefore { s += " " }
            s += t[k].text
        }
        if s.hasPrefix("the ") || s.hasPrefix("The ") { s.removeFirst(4) }
        return s
    }

    /// "deputy prime minister" -> "Deputy Prime Minister"; small words stay lower case.
    static func titleCase(_ s: String) -> String {
        var out: [String] = []
        for (i, w) in s.split(separator: " ").enumerated() {
            let lw = w.lowercased()
            if i > 0, Self.smallSet.contains(lw) { out.append(lw); continue }
            if w.first?.isUppercase == true { out.append(String(w)); continue }
            // "d'Affaires", "l'Etat": an elided article stays lower case.
            if w.count > 2, w.dropFirst().first == "'" || w.dropFirst().first == "\u{2019}" { out.append(String(w)); continue }
            out.append(w.prefix(1).uppercased() + w.dropFirst())
        }
        return out.joined(separator: " ")
    }
}
