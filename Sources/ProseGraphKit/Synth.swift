import Foundation
import ProseGraphExtraction

// A deterministic synthetic corpus for measuring extraction speed on large
// inputs: articles in the input format (README, "Input format") recombined
// from varied sentence patterns over the gazetteer's countries, cities and
// organizations, with generated people and companies. The same seed and
// index give the same bytes on every platform: the only randomness is
// SplitMix64, never Swift's random numbers or Hasher.

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast and the same everywhere.
struct SplitMix64 {
    var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< n (n > 0); the modulo bias is irrelevant here.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func between(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var a = items
        if a.count > 1 { for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, below(i + 1)) } }
        return a
    }
}

/// Generates articles: `article(i)` depends only on the seed and `i`, so a
/// corpus can be generated in any order, in parallel, or resumed.
public struct CorpusSynthesizer: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        _ = SynthWorld.shared
    }

    /// The article numbered `index` (from 1 for a corpus): its file name
    /// (`synth-000001.txt`, six digits at least) and its text.
    public func article(_ index: Int) -> (name: String, text: String) {
        var mixer = SplitMix64(UInt64(bitPattern: Int64(index)) ^ 0x5EED_C0DE_0000_0000)
        let rng = SplitMix64(seed ^ mixer.next())
        let builder = ArticleBuilder(world: SynthWorld.shared, rng: rng)
        return (Self.fileName(index), builder.build())
    }

    public static func fileName(_ index: Int) -> String {
        let digits = String(index)
        return "synth-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".txt"
    }

    /// The sentence patterns the synthesizer recombines.
    public static var templateCount: Int { Template.allCases.count }
}

// MARK: - The world: gazetteer lists, prepared once

final class SynthWorld: Sendable {
    struct Nation: Sendable {
        let name: String
        let demonym: String
        let capital: String
        /// Other cities (not regions), capital excluded; may be empty.
        let cities: [String]
    }

    let nations: [Nation]
    let formerPowers: [String]
    let blocs: [String]
    let sanctioners: [String]
    /// Lower-cased words a generated name must not be.
    let reserved: Set<String>

    static let shared = SynthWorld(GazetteerData.shared)

    init(_ data: GazetteerData) {
        var nations: [Nation] = []
        for c in data.countries where !c.code.isEmpty && !c.name.hasPrefix("The ") && !c.demonyms.isEmpty {
            let cities = (data.citiesByCountry[c.code] ?? []).filter { $0.kind != "region" }
            guard let capital = cities.first(where: { $0.kind == "capital" }) ?? cities.first else { continue }
            nations.append(Nation(name: c.name, demonym: c.demonyms[0], capital: capital.name,
                                  cities: cities.map(\.name).filter { $0 != capital.name }))
        }
        self.nations = nations
        let known = Set(data.countries.map(\.name))
        formerPowers = ["United Kingdom", "France", "Spain", "Portugal", "Netherlands", "Belgium", "Italy", "Soviet Union",
                        "Ottoman Empire", "Yugoslavia", "Japan", "Germany", "Czechoslovakia"].filter(known.contains)
        let orgs = Set(data.organizations.map(\.name))
        blocs = data.organizations.filter { ["intergovernmental", "alliance", "economic"].contains($0.kind) && !$0.name.hasPrefix("League of") }.map(\.name)
        sanctioners = ["European Union", "United Nations Security Council", "Arab League", "African Union", "Economic Community of West African States"]
            .filter(orgs.contains)
        var reserved = data.allNames
        for w in ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                  "december", "the", "and", "of", "to", "in", "on", "at", "it", "he", "she", "his", "her", "who", "was", "is",
                  "as", "by", "an", "for", "from", "with", "dam", "park", "port", "base", "camp", "plan", "trust", "power", "fund",
                  "bank", "court", "union", "front", "party", "navy", "army", "group", "board", "forum", "capital", "energy",
                  "tower", "plant", "bridge", "square", "palace", "canal", "island", "temple", "castle", "street", "avenue"] {
            reserved.insert(w)
        }
        self.reserved = reserved
    }
}

// MARK: - Word lists

enum Words {
    static let onsets = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "sh", "ch", "gr", "vl"]
    static let vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia"]
    static let codas = ["", "", "", "n", "r", "l", "s", "m", "k", "d", "t", "nd", "rt", "st"]
    static let surnameEndings = ["", "", "ov", "ez", "sen", "ini", "ard", "escu", "ides", "ak", "uk", "berg", "ani", "ić", "mann", "ssi"]
    /// Substrings a generated name must not contain.
    static let unfortunate = ["fart", "shit", "piss", "cunt", "fuck", "dick", "cock", "slut", "whor", "nazi", "rape", "anal",
                              "arse", "butt", "porn", "sex", "poo", "kill", "puke", "turd", "crap", "damn", "hell", "dumb"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    static let goods = ["textiles", "machinery", "chemicals", "pharmaceuticals", "phosphates", "olive oil", "coffee", "cocoa", "rice",
                        "palm oil", "steel", "vehicles", "aircraft parts", "fertilisers", "liquefied natural gas", "crude oil",
                        "electronics", "diamonds", "wine", "cut flowers", "fish", "timber", "copper", "cotton", "potatoes", "tea",
                        "sugar", "wheat", "medical equipment", "semiconductors", "dairy products", "fruit", "vegetables", "marble"]
    static let companySuffixes = ["NV", "Technologies", "Energy", "Holdings", "Logistics", "GmbH", "Capital", "Industries",
                                  "Shipping", "Sdn. Bhd.", "Solutions", "Systems", "Pharmaceuticals", "Motors", "Foods"]
    static let industries = ["software", "logistics", "renewable energy", "biotechnology", "engineering", "food processing",
                             "telecommunications", "mining", "semiconductor", "textile"]
    static let placeCues = ["Air Base", "Naval Base", "Memorial", "Palace", "Museum", "Stadium", "Harbour", "Cathedral"]
    static let eras = ["colonial period", "interwar period", "Cold War", "late 19th century", "early 20th century"]
    static let topics = ["trade", "education", "culture", "tourism", "renewable energy", "defence cooperation", "agriculture",
                         "health", "water management", "maritime security", "science and technology", "customs cooperation"]
    static let agreements = ["an agreement on the avoidance of double taxation", "a cultural cooperation agreement",
                             "a bilateral investment treaty", "an air services agreement", "a memorandum of understanding on education",
                             "a visa waiver agreement", "a defence cooperation agreement", "a bilateral roadmap"]
    static let seeAlsoExtras = ["Foreign relations of the European Union", "List of diplomatic missions", "Diplomatic history"]
}

// MARK: - Templates

/// Every sentence pattern; the comment names the facts a pattern states
/// (or "none" for the non-facts the extractor must not turn into facts).
enum Template: CaseIterable {
    // Lead and history
    case refersTo              // none
    case relationsEstablishedDash  // establishedRelationsWith
    case relationsBetween      // establishedRelationsWith
    case establishedWith       // establishedRelationsWith
    case embassiesBoth         // hasEmbassyIn x2
    case bothMembers           // memberOf (group)
    case independenceFrom      // independenceFrom
    case independenceGained    // independenceFrom
    case recognizedOn          // recognized
    case firstToRecognize      // recognized
    case willRecognize         // recognized (reported)
    case timeHadCome           // none: a statement
    case embassyOpenedYear     // openedEmbassyIn
    case openingOfEmbassy      // openedEmbassyIn, envoyTo, holdsPosition
    case embassyInaugurated    // openedEmbassyIn (passive)
    case embassyClosed         // closedEmbassyIn
    case honoraryConsulates    // hasConsulateIn x n
    case consulateOpened       // openedConsulateIn
    case consulateGeneralOpened // openedConsulateIn
    case suspendedRelations    // suspendedRelationsWith
    case cityFreeze            // locatedIn, suspendedRelationsWith
    case filler                // none
    // Politics
    case visitAndMeet          // visited, metWith, holdsPosition, nationality
    case stateVisit            // visited, holdsPosition, nationality
    case pronounTalks          // metWith, visited (pronoun)
    case receivedBy            // metWith
    case followingMeeting      // metWith, visited
    case relativeVisit         // visited, metWith (relative clause)
    case leadersSigned         // signedAgreementWith (through nationality)
    case ambassadorCredentials // envoyTo, nationality, holdsPosition, metWith
    case chargeAppointed       // envoyTo, holdsPosition, nationality
    case calledForSanctions    // none (call), holdsPosition
    case telephoneCall         // none (a call is no meeting)
    case touredRange           // visited (date range)
    case travelledWhere        // visited, metWith
    case delegationVisited     // none (unnamed group)
    case visitDuring           // visited (host party)
    case ministerToured        // visited place, holdsPosition, nationality
    case chiefMinister         // holdsPosition
    case honoraryConsul        // holdsPosition
    // Economy
    case importerOf            // importsFrom, exportsTo
    case exportsAndImports     // exportsTo, importsFrom
    case importedWorth         // importsFrom
    case supplierOf            // exportsTo
    case tradeFigure           // none
    case raisedFrom            // investedIn, basedIn
    case basedCompany          // basedIn
    case mouSigned             // signedAgreementWith
    case agreementSigned       // signedAgreementWith
    case organizationIn        // locatedIn
    // Aid, sanctions, membership
    case aidSuspended          // suspendedAidTo
    case assistanceHalted      // suspendedAidTo
    case orgSanctions          // sanctioned
    case sanctionsPassive      // sanctioned
    case joined                // memberOf
    case participated          // memberOf
    case fullMember            // memberOf
    // Cities
    case twinningSince         // twinnedWith, locatedIn
    case twinnedWith           // twinnedWith
    case sisterCities          // twinnedWith
    // Missions section
    case embassyAccredited     // hasEmbassyIn
    case embassyAndConsulates  // hasEmbassyIn, hasConsulateIn
}

// MARK: - One article

private struct SynthDate {
    let year: Int
    let month: Int?  // 1...12
    let day: Int?
}

private struct Person {
    let first: String
    let last: String
    let title: String
    /// 0: the first party, 1: the second, 2: a third country.
    let side: Int
    let female: Bool
    var full: String { first + " " + last }
    var he: String { female ? "she" : "he" }
    var his: String { female ? "her" : "his" }
}

private final class ArticleBuilder {
    let world: SynthWorld
    var rng: SplitMix64
    let a: SynthWorld.Nation
    let b: SynthWorld.Nation
    let c: SynthWorld.Nation
    let dayFirst: Bool
    /// Share of sentences that state no fact: the seeds' density varies from article to article.
    let fillerPercent: Int
    var out = ""
    var mentioned: Set<String> = []
    var people: [Person] = []
    var usedNames: Set<String> = []
    var lastYear = 1990
    var usedFiller: Set<Int> = []
    var usedGroups: Set<Int> = []
    var usedTemplates: Set<Template> = []

    init(world: SynthWorld, rng: SplitMix64) {
        self.world = world
        self.rng = rng
        let n = world.nations.count
        let i = self.rng.below(n)
        var j = self.rng.below(n - 1)
        if j >= i { j += 1 }
        var k = self.rng.below(n)
        while k == i || k == j { k = (k + 1) % n }
        // Titles put the parties in alphabetical order, as Wikipedia does.
        (a, b) = world.nations[i].name < world.nations[j].name ? (world.nations[i], world.nations[j]) : (world.nations[j], world.nations[i])
        c = world.nations[k]
        dayFirst = self.rng.chance(70)
        fillerPercent = self.rng.between(15, 40)
    }

    func nation(_ side: Int) -> SynthWorld.Nation { side == 0 ? a : side == 1 ? b : c }

    // MARK: Names

    func word(syllables: Int) -> String {
        while true {
            var w = ""
            for _ in 0..<syllables { w += rng.pick(Words.onsets) + rng.pick(Words.vowels) + rng.pick(Words.codas) }
            if w.count < 4 || w.count > 11 || hasTriple(w) || Words.unfortunate.contains(where: w.contains) { continue }
            let cap = w.prefix(1).uppercased() + w.dropFirst()
            if !world.reserved.contains(w) { return cap }
        }
    }

    func hasTriple(_ w: String) -> Bool {
        let u = Array(w.utf8)
        var i = 2
        while i < u.count {
            if u[i] == u[i - 1], u[i] == u[i - 2] { return true }
            i += 1
        }
        return false
    }

    func surname() -> String {
        while true {
            let base = word(syllables: rng.between(1, 2)) + rng.pick(Words.surnameEndings)
            let name = rng.chance(8) ? "De " + base : base
            if !hasTriple(base), !world.reserved.contains(base.lowercased()), !usedNames.contains(name) { usedNames.insert(name); return name }
        }
    }

    func person(_ side: Int, _ title: String) -> Person {
        let p = Person(first: word(syllables: rng.between(1, 2)), last: surname(), title: title, side: side, female: rng.chance(40))
        people.append(p)
        return p
    }

    func leader(_ side: Int) -> Person {
        if let p = people.first(where: { $0.side == side && ["President", "Prime Minister", "King", "Emir", "Chancellor"].contains($0.title) }) { return p }
        let title = rng.pick(["President", "President", "Prime Minister", "Prime Minister", "King", "Emir", "Chancellor"])
        return person(side, title)
    }

    func minister(_ side: Int) -> Person {
        let title = rng.pick(["Foreign Minister", "Trade Minister", "Defence Minister", "Deputy Prime Minister", "Economy Minister",
                              "Finance Minister", "Minister of State", "Energy Minister"])
        if rng.chance(40), let p = people.first(where: { $0.side == side && $0.title == title }) { return p }
        return person(side, title)
    }

    func company() -> String { word(syllables: 2) + " " + rng.pick(Words.companySuffixes) }
    func place() -> String { word(syllables: 2) + " " + rng.pick(Words.placeCues) }
    func city(_ n: SynthWorld.Nation) -> String { n.cities.isEmpty || rng.chance(25) ? n.capital : rng.pick(n.cities) }
    func goods(_ n: Int) -> String {
        let items = Array(rng.shuffled(Words.goods).prefix(n))
        return items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
    func bloc() -> String { rng.pick(world.blocs) }

    /// The first mention names the title and, mostly, the nationality; later ones are shorter.
    func ref(_ p: Person) -> String {
        let n = nation(p.side)
        if mentioned.insert(p.full).inserted {
            switch rng.below(4) {
            case 0: return "\(n.demonym) \(p.title) \(p.full)"
            case 1 where p.title != "King" && p.title != "Emir": return "\(p.title) of \(n.name) \(p.full)"
            case 2: return "\(p.title) \(p.full)"
            default: return "\(n.demonym) \(p.title) \(p.full)"
            }
        }
        switch rng.below(3) {
        case 0: return "\(p.title) \(p.last)"
        case 1: return p.full
        default: return p.last
        }
    }

    // MARK: Dates

    func date(_ lo: Int, _ hi: Int, precision: Int? = nil) -> SynthDate {
        let y = rng.between(lo, hi)
        lastYear = y
        let p = precision ?? rng.pick([0, 1, 1, 2, 2, 2])
        if p == 0 { return SynthDate(year: y, month: nil, day: nil) }
        let m = rng.between(1, 12)
        if p == 1 { return SynthDate(year: y, month: m, day: nil) }
        return SynthDate(year: y, month: m, day: rng.between(1, Words.monthDays[m - 1]))
    }

    func text(_ d: SynthDate) -> String {
        guard let m = d.month else { return String(d.year) }
        let month = Words.months[m - 1]
        guard let day = d.day else { return "\(month) \(d.year)" }
        return dayFirst ? "\(day) \(month) \(d.year)" : "\(month) \(day), \(d.year)"
    }

    /// "on 20 March 1946", "in March 1946", "in 1946".
    func at(_ d: SynthDate) -> String { (d.day != nil ? "on " : "in ") + text(d) }
    /// The same at the start of a sentence, with its comma.
    func lead(_ d: SynthDate) -> String { (d.day != nil ? "On " : "In ") + text(d) + ", " }

    func recent() -> SynthDate { date(1990, 2025) }
    func early() -> SynthDate { date(1946, 1995) }

    // MARK: Sentences

    func sentence(_ t: Template) -> String {
        let A = a.name, B = b.name
        switch t {
        case .refersTo:
            return "\(A)–\(B) relations refer to the bilateral relations between \(A) and \(B)."
        case .relationsEstablishedDash:
            let d = early()
            return "\(A)–\(B) relations were established \(at(d))."
        case .relationsBetween:
            let (x, y) = rng.chance(50) ? (A, B) : (B, A)
            let d = early()
            return rng.chance(50) ? "Diplomatic relations between \(x) and \(y) were established \(at(d))."
                : "\(lead(d))diplomatic relations between \(x) and \(y) were formally established."
        case .establishedWith:
            let d = early()
            return "\(A) established diplomatic relations with \(B) \(at(d)), shortly after the end of the \(rng.pick(Words.eras))."
        case .embassiesBoth:
            return "\(A) has an embassy in \(b.capital), and \(B) has an embassy in \(a.capital)."
        case .bothMembers:
            let x = bloc(), y = bloc()
            return x == y || rng.chance(60) ? "Both countries are members of the \(x)." : "Both countries are members of the \(x) and the \(y)."
        case .independenceFrom:
            let power = rng.pick(world.formerPowers.filter { $0 != B })
            return "Diplomatic contacts began shortly after \(B)'s independence from \(power) in \(rng.between(1946, 1991))."
        case .independenceGained:
            let power = rng.pick(world.formerPowers.filter { $0 != A })
            let d = early()
            return "\(A) gained its independence from \(power) \(at(d)), and \(B) recognized it soon afterwards."
        case .recognizedOn:
            let d = early()
            return rng.chance(50) ? "\(B) recognized \(A) \(at(d))." : "\(lead(d))\(B) formally recognized the independence of \(A)."
        case .firstToRecognize:
            return "\(A) was one of the first countries to recognize \(B) after \(rng.pick(["its independence", "the revolution", "the end of the war"]))."
        case .willRecognize:
            let fm = minister(0)
            let d = recent()
            return "\(lead(d))\(ref(fm)) announced that \(A) will recognize \(c.demonym) statehood at the next session of the United Nations General Assembly."
        case .timeHadCome:
            let p = leader(1)
            return "\(ref(p)) said that the time had come for the international community to recognize \(c.name)."
        case .embassyOpenedYear:
            let d = early()
            return rng.chance(50) ? "\(A) opened an embassy in \(b.capital) \(at(d))." : "\(lead(d))\(B) opened its embassy in \(a.capital)."
        case .openingOfEmbassy:
            let amb = person(1, "Ambassador")
            mentioned.insert(amb.full)
            let d = date(1950, 2000, precision: 0)
            return "The relationship strengthened in \(d.year) with the opening of \(B)'s Embassy in \(a.capital), and the appointment of \(amb.full) as the first Ambassador."
        case .embassyInaugurated:
            let d = recent()
            return "The \(a.demonym) embassy in \(b.capital) was inaugurated \(at(d)) by \(ref(minister(0)))."
        case .embassyClosed:
            let d = recent()
            return rng.chance(50) ? "\(A) closed its embassy in \(b.capital) \(at(d)) because of the deteriorating security situation."
                : "\(lead(d))\(B) closed its embassy in \(a.capital), and \(A) withdrew its diplomats."
        case .honoraryConsulates:
            var cities = Array(rng.shuffled(b.cities).prefix(3))
            if cities.isEmpty { cities = [b.capital] }
            let list = cities.count == 1 ? cities[0] : cities.dropLast().joined(separator: ", ") + " and " + cities.last!
            return "During the \(rng.pick(Words.eras)), \(A) maintained honorary \(cities.count == 1 ? "consulate" : "consulates") in \(list)."
        case .consulateOpened:
            let d = date(1995, 2025, precision: 2)
            return "\(lead(d))the \(a.demonym) honorary consulate office was opened in \(city(b)), aiming to strengthen bilateral relations."
        case .consulateGeneralOpened:
            let d = recent()
            return "\(B) opened a consulate-general in \(city(a)) \(at(d))."
        case .suspendedRelations:
            let d = recent()
            return rng.chance(50) ? "Relations deteriorated \(at(d)), when \(B) suspended diplomatic relations with \(A)."
                : "\(lead(d))\(A) broke off diplomatic relations with \(B) over the \(rng.pick(["border dispute", "expulsion of its diplomats", "crisis"]))."
        case .cityFreeze:
            let d = date(2000, 2025, precision: 2)
            return "\(lead(d))the \(a.demonym) city of \(city(a)) took a decision described as \"historic\" to freeze relations with \(c.name)."
        case .filler:
            return fillerSentence()
        case .visitAndMeet:
            let p = leader(0), q = leader(1)
            let d = recent()
            return "\(lead(d))\(ref(p)) visited \(B) and met with \(ref(q))."
        case .stateVisit:
            let p = leader(rng.below(2))
            let host = p.side == 0 ? b : a
            let d = recent()
            return "\(ref(p)) paid a state visit to \(city(host)) \(at(d))."
        case .pronounTalks:
            let p = leader(0), q = minister(1)
            let d = recent()
            let first = "\(lead(d))\(ref(p)) travelled to \(b.capital) for a \(rng.pick(["two-day", "three-day", "working", "official"])) visit."
            return first + " During \(p.his) visit, \(p.he) held talks with \(ref(q)) and laid a wreath at the \(place())."
        case .receivedBy:
            let p = minister(0), q = leader(1)
            let d = recent()
            return "\(lead(d))\(ref(p)) was received by \(ref(q)) at the \(place())."
        case .followingMeeting:
            let p = leader(0), q = leader(2)
            let d = recent()
            return "\(lead(d))following a meeting with \(ref(q)), \(ref(p)) held a joint press conference at the \(place())."
        case .relativeVisit:
            let p = minister(0), q = minister(1)
            let d = date(1990, 2025, precision: 0)
            return "\(ref(p)), who visited \(city(b)) in \(d.year), met with \(ref(q)) to discuss \(rng.pick(Words.topics))."
        case .leadersSigned:
            let p = leader(0), q = leader(1)
            let d = recent()
            return "\(lead(d))\(ref(p)) and \(ref(q)) signed \(rng.pick(Words.agreements))."
        case .ambassadorCredentials:
            let amb = person(0, "Ambassador")
            mentioned.insert(amb.full)
            let q = leader(1)
            let d = recent()
            return "\(A)'s Ambassador to \(B), \(amb.full), presented \(amb.his) credentials to \(ref(q)) \(at(d))."
        case .chargeAppointed:
            let ch = person(1, "Chargé d'Affaires")
            mentioned.insert(ch.full)
            let d = early()
            return "\(ch.full) was appointed as Chargé d'Affaires of \(B) to \(A) \(at(d)), with residence in \(c.capital)."
        case .calledForSanctions:
            let p = minister(0)
            let d = recent()
            return "\(lead(d))\(ref(p)) called for imposing sanctions on \(c.name)."
        case .telephoneCall:
            let p = leader(0), q = leader(1)
            let d = recent()
            return "\(lead(d))\(ref(p)) held a telephone call with \(ref(q)) on the situation in \(c.name)."
        case .touredRange:
            let p = minister(1)
            let d = date(1995, 2025, precision: 1)
            let day = rng.between(1, 25)
            lastYear = d.year
            return "\(ref(p)) toured \(city(a)) from \(day) to \(day + rng.between(1, 3)) \(Words.months[d.month! - 1]) \(d.year)."
        case .travelledWhere:
            let p = leader(1), q = minister(0)
            let d = recent()
            return "\(ref(p)) travelled to \(a.capital) \(at(d)), where \(p.he) met with \(ref(q))."
        case .delegationVisited:
            return "The \(a.demonym) delegation also visited the \(place()), where discussions on \(rng.pick(Words.topics)) took place."
        case .visitDuring:
            let p = minister(0)
            let d = recent()
            return "\(lead(d))during the visit of \(a.demonym) \(p.title), \(p.full), \(A) and \(B) agreed to resume the joint commission on \(rng.pick(Words.topics))."
        case .ministerToured:
            let p = person(0, "Defence Minister")
            mentioned.insert(p.full)
            let d = early()
            return "\(lead(d))\(A)'s Defence Minister, \(p.full), toured the \(b.demonym) \(place())."
        case .chiefMinister:
            let p = person(1, "Chief Minister")
            return "Chief Minister \(p.full) emphasized the significance of this development for the region's international presence."
        case .honoraryConsul:
            let p = person(0, "Honorary Consul")
            return "Honorary consul \(p.full) expressed \(p.his) commitment to fostering strong ties with local stakeholders."
        case .importerOf:
            return "\(A) was an importer of \(b.demonym) \(goods(3)), while exporting \(goods(2)) to \(B)."
        case .exportsAndImports:
            return "\(B) exports \(goods(rng.between(1, 3))) to \(A), and imports \(goods(2)) from \(A)."
        case .importedWorth:
            let d = date(1995, 2025, precision: 0)
            return "In \(d.year), \(A) imported \(goods(1)) worth US$\(rng.between(2, 900)) million from \(B)."
        case .supplierOf:
            return "\(B) is a major supplier of \(goods(2)) to \(A)."
        case .tradeFigure:
            return "Bilateral trade reached US$\(rng.between(1, 40)).\(rng.below(10)) billion in \(rng.between(2000, 2024)), according to official figures."
        case .raisedFrom:
            let d = date(1995, 2025, precision: 0)
            return "In \(d.year), \(company()), a \(rng.pick(Words.industries)) company, raised US$\(rng.between(2, 90)).\(rng.below(10)) million from \(company()) of \(B)."
        case .basedCompany:
            let d = recent()
            return "\(lead(d))the \(city(a))-based \(company()) opened a regional office in \(city(b))."
        case .mouSigned:
            let d = recent()
            let (x, y) = rng.chance(50) ? (A, B) : (B, A)
            return "\(lead(d))a memorandum of understanding on \(rng.pick(Words.topics)) was signed between \(x) and \(y)."
        case .agreementSigned:
            let d = recent()
            return "\(A) and \(B) signed \(rng.pick(Words.agreements)) \(at(d))."
        case .organizationIn:
            let name = word(syllables: 2)
            return "The \(name) Institute of Technology in \(city(b)) runs an exchange programme with universities in \(A)."
        case .aidSuspended:
            let d = recent()
            return "\(lead(d))\(A) suspended \(rng.pick(["development", "education", "budget", "military"])) aid to \(B) after the \(rng.pick(["coup", "elections", "crackdown on protesters"]))."
        case .assistanceHalted:
            let d = recent()
            return "\(A) halted all financial assistance to \(B) \(at(d))."
        case .orgSanctions:
            let d = recent()
            let who = world.sanctioners.isEmpty ? A : "the " + rng.pick(world.sanctioners)
            return "\(lead(d))\(who) imposed economic sanctions on \(B)."
        case .sanctionsPassive:
            let d = recent()
            return "Sanctions were imposed on \(c.name) by \(A) \(at(d))."
        case .joined:
            let d = early()
            return "\(A) joined the \(bloc()) \(at(d))."
        case .participated:
            return "\(B) has also participated in the \(bloc())."
        case .fullMember:
            let d = recent()
            return "\(lead(d))\(B) became a full member of the \(bloc())."
        case .twinningSince:
            let d = date(1970, 2024, precision: 0)
            return "\(city(a)) has been associated with the \(b.demonym) city of \(city(b)) in a twinning relationship since \(d.year)."
        case .twinnedWith:
            return "\(city(b)) is twinned with \(city(a))."
        case .sisterCities:
            let d = date(1970, 2024, precision: 0)
            let x = city(a), y = city(b)
            return x == y ? "\(x) has been twinned with \(city(c)) since \(d.year)." : "\(x) and \(y) became sister cities in \(d.year)."
        case .embassyAccredited:
            return "\(B)'s embassy in \(c.capital) is also accredited to \(A)."
        case .embassyAndConsulates:
            let cities = Array(rng.shuffled(a.cities).prefix(2))
            if cities.isEmpty { return "\(B) has an embassy in \(a.capital), which is also accredited to \(c.name)." }
            let list = cities.count == 1 ? "an honorary consulate in \(cities[0])" : "honorary consulates in \(cities[0]) and \(cities[1])"
            return "\(B) has an embassy in \(a.capital) and \(list)."
        }
    }

    /// Prose that states no fact, as in the seed articles; each used at most once an article.
    func fillerSentence() -> String {
        let A = a.name, B = b.name
        let all = [
            "Throughout the 20th century, relations were generally amicable, with occasional cooperation on \(rng.pick(Words.topics)), cultural exchanges and participation in international organizations.",
            "The nature of these ties has varied significantly over the decades, particularly in response to regional conflicts and changes of government.",
            "Both governments have repeatedly expressed their wish to deepen cooperation in \(rng.pick(Words.topics)) and \(rng.pick(Words.topics)).",
            "Thousands of \(a.demonym) students have studied at universities in \(B) since the \(rng.pick(["1960s", "1970s", "1980s", "1990s"])), and many of them returned to work in the public sector.",
            "However, trade volume remained relatively modest compared to \(B)'s other partners in the region.",
            "Cultural exchanges, including film weeks, language courses and music festivals, are organised every year in both capitals.",
            "The conflict raised concerns in \(A) regarding the safety of its nationals, and a crisis unit was set up to coordinate their return.",
            "Observers noted that the visit was largely symbolic, as most of the agreements discussed had already been negotiated by officials.",
            "A joint economic commission meets every two years, alternately in \(a.capital) and \(b.capital), to review the progress of bilateral projects.",
            "The \(a.demonym) community in \(B) is small but active, with associations of businesspeople, teachers and engineers.",
            "Relations cooled in the following years, and high-level contacts became rare until the end of the decade.",
            "Both sides stressed the importance of dialogue, respect for international law and the peaceful settlement of disputes.",
            "The embassy, originally located in the city centre, moved to new premises in the diplomatic quarter in \(rng.between(1980, 2020)).",
            "Several \(a.demonym) companies have since expressed interest in joint ventures with local partners in the \(rng.pick(Words.industries)) sector.",
        ]
        var k = rng.below(all.count)
        for _ in 0..<all.count where usedFiller.contains(k) { k = (k + 1) % all.count }
        usedFiller.insert(k)
        return all[k]
    }

    /// Templates stated once an article: the first of a group blocks the others,
    /// so an article never dates the establishment of relations twice.
    static let onceGroups: [Template: Int] = [
        .refersTo: 0, .relationsEstablishedDash: 1, .relationsBetween: 1, .establishedWith: 1, .embassiesBoth: 2,
        .independenceFrom: 3, .independenceGained: 3, .recognizedOn: 4, .firstToRecognize: 4, .bothMembers: 5,
        .openingOfEmbassy: 6, .embassyOpenedYear: 6, .ministerToured: 7, .embassyAccredited: 8, .embassyAndConsulates: 9,
        .honoraryConsulates: 10, .willRecognize: 11, .timeHadCome: 12, .chiefMinister: 13, .honoraryConsul: 14,
        .cityFreeze: 15, .embassyClosed: 16, .suspendedRelations: 17,
    ]

    /// Patterns that read naturally more than once an article (with other people and dates).
    static let repeatable: Set<Template> = [.visitAndMeet, .stateVisit, .receivedBy, .relativeVisit, .travelledWhere, .joined,
                                            .participated, .agreementSigned, .mouSigned, .touredRange]

    // MARK: Sections

    struct SectionKind {
        let headings: [String]
        let templates: [Template]
    }

    static let lead: [Template] = [.refersTo, .relationsEstablishedDash, .relationsBetween, .embassiesBoth, .bothMembers, .filler]
    static let sections: [SectionKind] = [
        SectionKind(headings: ["Historical background", "History", "Historical relations", "Early relations"],
                    templates: [.relationsBetween, .establishedWith, .independenceFrom, .independenceGained, .recognizedOn, .firstToRecognize,
                                .embassyOpenedYear, .openingOfEmbassy, .embassyClosed, .honoraryConsulates, .suspendedRelations,
                                .chargeAppointed, .ministerToured, .filler]),
        SectionKind(headings: ["Political relations", "Diplomatic relations", "Political cooperation", "Recent developments"],
                    templates: [.visitAndMeet, .stateVisit, .pronounTalks, .receivedBy, .followingMeeting, .relativeVisit, .leadersSigned,
                                .ambassadorCredentials, .calledForSanctions, .telephoneCall, .touredRange, .travelledWhere, .willRecognize,
                                .timeHadCome, .consulateOpened, .chiefMinister, .honoraryConsul, .cityFreeze, .filler]),
        SectionKind(headings: ["Economic relations", "Trade", "Trade and investment", "Economic cooperation"],
                    templates: [.importerOf, .exportsAndImports, .importedWorth, .supplierOf, .tradeFigure, .raisedFrom, .basedCompany,
                                .mouSigned, .agreementSigned, .filler]),
        SectionKind(headings: ["Military relations", "Defence cooperation", "Security cooperation"],
                    templates: [.ministerToured, .visitDuring, .delegationVisited, .agreementSigned, .participated, .organizationIn, .filler]),
        SectionKind(headings: ["Development cooperation", "Aid and sanctions", "Humanitarian assistance"],
                    templates: [.aidSuspended, .assistanceHalted, .orgSanctions, .sanctionsPassive, .calledForSanctions, .filler]),
        SectionKind(headings: ["Multilateral relations", "International organizations"],
                    templates: [.joined, .participated, .fullMember, .bothMembers, .filler]),
        SectionKind(headings: ["Cultural relations", "Twin cities", "Education and culture"],
                    templates: [.twinningSince, .twinnedWith, .sisterCities, .organizationIn, .filler]),
        SectionKind(headings: ["Diplomatic missions", "Resident diplomatic missions"],
                    templates: [.embassiesBoth, .embassyAccredited, .embassyAndConsulates, .embassyInaugurated, .consulateGeneralOpened]),
    ]

    func heading(_ title: String, level: Int = 2) {
        let marks = String(repeating: "=", count: level)
        out += rng.chance(30) ? "\(marks)\(title)\(marks)\n" : "\(marks) \(title) \(marks)\n"
        if rng.chance(50) { out += "\n" }
    }

    func paragraph(_ templates: [Template], sentences: Int) {
        var parts: [String] = []
        for _ in 0..<sentences {
            var t = Template.filler
            if !rng.chance(fillerPercent) {
                for _ in 0..<8 {
                    let c = rng.pick(templates)
                    if usedTemplates.contains(c), !Self.repeatable.contains(c) { continue }
                    if let g = Self.onceGroups[c], usedGroups.contains(g) { continue }
                    t = c
                    break
                }
            }
            if let g = Self.onceGroups[t] { usedGroups.insert(g) }
            usedTemplates.insert(t)
            parts.append(capitalizeFirst(sentence(t)))
        }
        out += parts.joined(separator: " ") + "\n\n"
    }

    func capitalizeFirst(_ s: String) -> String {
        guard let f = s.first, f.isLowercase else { return s }
        return f.uppercased() + s.dropFirst()
    }

    func build() -> String {
        out.reserveCapacity(4096)
        out += "= \(a.name)–\(b.name) relations =\n\n"
        if rng.chance(60) {
            out += "Infobox\n"
            if rng.chance(50) { out += "- Title: \(a.demonym)–\(b.demonym) relations\n" }
            out += "- Party1: \(a.name)\n- Party2: \(b.name)\n"
            if rng.chance(70) {
                out += "- Mission1: \(a.demonym) Embassy, \(b.capital)\n- Mission2: \(b.demonym) Embassy, \(a.capital)\n"
            }
            out += "\n"
        }
        paragraph(Self.lead, sentences: rng.between(2, 3))
        var kinds = rng.shuffled(Array(Self.sections.indices)).prefix(rng.between(3, 6)).sorted()
        if kinds.isEmpty { kinds = [0] }
        for k in kinds {
            let kind = Self.sections[k]
            heading(rng.pick(kind.headings))
            for _ in 0..<rng.between(1, 2) { paragraph(kind.templates, sentences: rng.between(2, 5)) }
            if rng.chance(15) {
                heading(rng.pick(["Background", "Since 2000", "Further developments"]), level: 3)
                paragraph(kind.templates, sentences: rng.between(1, 3))
            }
        }
        if rng.chance(60) { visitsList() }
        heading("See also")
        out += "- Foreign relations of \(a.name)\n- Foreign relations of \(b.name)\n"
        if rng.chance(30) { out += "- \(rng.pick(Words.seeAlsoExtras))\n" }
        return out
    }

    /// "- February 2015 – President X visits Y", a few forms, in date order.
    func visitsList() {
        heading(rng.pick(["High level visits", "High-level visits", "State visits"]))
        var items: [(Int, String)] = []
        for _ in 0..<rng.between(2, 5) {
            let side = rng.below(2)
            let p = rng.chance(60) ? leader(side) : minister(side)
            let host = side == 0 ? b : a
            let d = date(1990, 2025, precision: rng.pick([1, 1, 2]))
            let key = d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0)
            let dash = rng.chance(80) ? "–" : "-"
            let target = rng.chance(70) ? host.name : host.capital
            let item = rng.chance(75) ? "\(text(d)) \(dash) \(p.title) \(p.full) visits \(target)"
                : "\(text(d)): \(p.title) \(p.full) visits \(target) and meets \(nation(1 - side).demonym) \(leader(1 - side).title) \(leader(1 - side).full)"
            items.append((key, item))
        }
        for (_, item) in items.sorted(by: { $0.0 < $1.0 }) { out += "- " + item + "\n" }
        out += "\n"
    }
}

// MARK: - Writing a corpus

/// Writes a synthetic corpus: files `synth-000001.txt`, ... in a directory,
/// each through a temporary name renamed into place.
public struct SynthJob: Sendable {
    public enum Limit: Sendable, Equatable {
        case articles(Int)
        /// Stop once the total size in bytes reaches this.
        case bytes(Int)
    }

    public struct Result: Sendable {
        public let articles: Int
        public let bytes: Int
    }

    public let seed: UInt64
    public let limit: Limit
    public let outputDirectory: String

    public init(seed: UInt64, limit: Limit, outputDirectory: String) {
        self.seed = seed
        self.limit = limit
        self.outputDirectory = outputDirectory
    }

    /// Parses `1MB`, `100MB`, `1GB`, `512KB`, `2MiB`, `1000` (bytes). KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024.
    public static func parseSize(_ text: String) -> Int? {
        let s = String(text.filter { $0 != " " })
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        let units: [String: Int] = ["": 1, "B": 1, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000,
                                    "KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000]
        guard let unit = units[s.dropFirst(digits.count).uppercased()] else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: unit)
        return overflow || v <= 0 ? nil : v
    }

    /// Generates and writes the corpus; `progress` is called after every `every` articles.
    public func run(every: Int = 1000, progress: (Result) -> Void = { _ in }) throws(OutputError) -> Result {
        try FileSystem.makeDirectory(outputDirectory)
        let synth = CorpusSynthesizer(seed: seed)
        var count = 0, bytes = 0
        while true {
            switch limit {
            case .articles(let n): if count >= n { return Result(articles: count, bytes: bytes) }
            case .bytes(let n): if bytes >= n { return Result(articles: count, bytes: bytes) }
            }
            count += 1
            let (name, text) = synth.article(count)
            // Written under a temporary name and renamed into place, but not
            // synced: a synthetic corpus is throwaway input, and an fsync per
            // article made a 1 GB corpus take minutes.
            let path = FileSystem.join(outputDirectory, name)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw OutputError(path: path, message: "cannot write: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            }
            bytes += text.utf8.count
            if every > 0, count % every == 0 { progress(Result(articles: count, bytes: bytes)) }
        }
    }
}
