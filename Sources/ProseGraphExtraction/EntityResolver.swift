import ProseGraphModel

/// Resolves spans to entities within one document: one entity per real
/// entity across mentions. Demonyms become their country, acronyms their
/// organization (from the gazetteer, a parenthesis "European Union (EU)" or
/// the initials of a name seen before: "NDUM"), a surname-only mention the
/// full name seen before ("Abbas" -> "Mahmoud Abbas"), "he/she/it/its" the
/// last compatible entity of this sentence or the previous one, and "the two
/// countries" the article's two parties.
public struct EntityResolver: Sendable {
    /// The countries the article is about (from its title or infobox).
    public let parties: [Entity]
    /// People named so far, and for each surname the last full name seen with it. Names are keyed with
    /// their diacritics folded (`key`), so "Erdoğan" finds "Recep Tayyip Erdogan"; the first spelling of a
    /// full name is the entity's label.
    private var people: [String: String] = [:]
    private var fullNameBySurname: [String: String] = [:]
    /// For each ending of two or more words of a longer name, the last full name seen with it:
    /// "Peña Nieto" -> "Enrique Peña Nieto", "dos Santos" -> "José Eduardo dos Santos"; and of a patronymic name, each
    /// start of three or more words: "Mohamed bin Zayed" -> "Mohamed bin Zayed Al Nahyan".
    private var fullNameByEnding: [String: String] = [:]
    /// Organizations named so far, and for each set of initials the last one seen with them.
    private var organizations = Set<String>()
    private var organizationByInitials: [String: (label: String, wikidata: String?)] = [:]
    private var acronyms: [String: (label: String, wikidata: String?)] = [:]
    /// Entities mentioned so far in this sentence and in the previous one, in order.
    private var current: [Entity] = []
    private var previous: [Entity] = []
    private var sentence = 0
    /// Whether this sentence and the previous one named the two parties together ("both countries").
    private var partiesNamed = (current: false, previous: false)
    /// The type each untyped name read as a location was first given (city or place).
    private var locationNames: [String: EntityType] = [:]
    /// For each title, the last person named with it ("the president" stands for them).
    private var holders: [String: Entity] = [:]

    /// What an object pronoun stands for when its first reading is the fact's own subject ("Turkey became the
    /// first state to recognise it"): the sentence's first other entity of its kind (its topic), else the previous
    /// sentence's first.
    public func pronoun(_ s: EntitySpan, otherThan subject: Entity) -> Entity? {
        let fits: (Entity) -> Bool = s.role == "person" || s.role == "object" ? { $0.type == .person } : { $0.type == .country || $0.type == .organization }
        return current.first(where: { fits($0) && $0 != subject }) ?? previous.first(where: { fits($0) && $0 != subject })
    }

    /// Records that `person` holds `title`, for later mentions of the title alone.
    public mutating func note(title: String, of person: Entity) { holders[title] = person }

    /// Whether someone was named with this title.
    public func hasTitleHolder(_ title: String) -> Bool { holders[title] != nil }

    public init(parties: [Entity]) { self.parties = parties }

    /// Call before each sentence.
    public mutating func beginSentence(_ index: Int) {
        if index != sentence { previous = current; current = []; partiesNamed = (false, partiesNamed.current) }
        sentence = index
    }

    /// The entities a span stands for (several for a group; none when unknown).
    /// `expected` types an untyped capitalized name by the slot it fills.
    /// `clauseInitial`: the pronoun opens its clause (first in the sentence or after a comma),
    /// so it refers to the previous sentence's subject rather than a nearer mention.
    /// `afterConjunction`: it opens a clause joined to the one before by "while", "and", ...
    /// (", while it imported"), so it refers to this sentence's subject, its first fitting entity.
    public mutating func resolve(_ s: EntitySpan, expected: EntityType? = nil, clauseInitial: Bool = false, afterConjunction: Bool = false) -> [Entity] {
        let resolved = resolveUnnoted(s, expected: expected, clauseInitial: clauseInitial, afterConjunction: afterConjunction)
        // A person pronoun counts as a mention of its person: "she was received by X, and that afternoon she laid a wreath".
        // So does a clause's "It" for the next sentence's: "Estonia regained ... It co-founded ... It was admitted ...".
        if (s.type != .pronoun || s.role == "person" || (clauseInitial && s.label == "it")) && s.type != .group { current.append(contentsOf: resolved) }
        if s.type == .group, parties.count == 2, resolved == parties { partiesNamed.current = true }
        return resolved
    }

    private mutating func resolveUnnoted(_ s: EntitySpan, expected: EntityType?, clauseInitial: Bool, afterConjunction: Bool) -> [Entity] {
        switch s.type {
        case .country, .demonym:
            return [Entity(type: .country, label: s.label, wikidata: s.wikidata)]
        case .city:
            return [Entity(type: .city, label: s.label, wikidata: s.wikidata)]
        case .place:
            return [Entity(type: .place, label: s.label)]
        case .organization:
            return [organization(s)]
        case .person:
            return [Entity(type: .person, label: person(s.label, certain: true)!)]
        case .name:
            switch expected {
            case .person?:
                return person(s.label, certain: false).map { [Entity(type: .person, label: $0)] } ?? []
            // An untyped name read as a location keeps the type it was first given, so one name is one entity.
            case .city?, .place?:
                let type = locationNames[s.label] ?? (expected == .city ? EntityType.city : .place)
                locationNames[s.label] = type
                return [Entity(type: type, label: s.label)]
            case .organization?: return [organization(s)]
            default: return []
            }
        case .pronoun where s.role?.hasPrefix("title:") == true:
            return holders[String(s.role!.dropFirst(6))].map { [$0] } ?? []
        case .pronoun:
            // The last compatible entity earlier in this sentence, else the first of the previous one.
            let fits: (Entity) -> Bool
            switch s.role {
            case "person", "object": fits = { $0.type == .person }
            case "country": fits = { $0.type == .country }
            case "organization": fits = { $0.type == .organization }
            default: fits = { $0.type == .country || $0.type == .organization }
            }
            if afterConjunction, let e = current.first(where: fits) { return [e] }
            // "the country": the sentence's topic (its first country), else the previous sentence's.
            if s.role == "country" || s.role == "organization", let e = current.first(where: fits) ?? previous.first(where: fits) { return [e] }
            if clauseInitial, let e = previous.first(where: fits) { return [e] }
            if let e = current.last(where: fits) { return [e] }
            if let e = previous.first(where: fits) { return [e] }
            return []
        case .group:
            // "the four countries": the countries named just before (this sentence, else the
            // previous one) when there are that many; "the two countries" are the article's parties.
            // "the two leaders": the last people named before it (this sentence, then the previous one).
            if let role = s.role, role.hasPrefix("person:") {
                let n = Int(role.dropFirst(7)) ?? 2
                var people: [Entity] = []
                for e in current.reversed() where e.type == .person && !people.contains(e) { people.insert(e, at: 0) }
                if people.count < n {
                    for e in previous.reversed() where e.type == .person && !people.contains(e) && people.count < n { people.insert(e, at: 0) }
                }
                return people.count >= n ? Array(people.suffix(n)) : []
            }
            let n = Int(s.role ?? "2") ?? 2
            // "they": the two parties, when both were named in this sentence before it or in the previous one.
            if s.label == "they" {
                let named = parties.count == 2 && [current, previous].contains { scope in parties.allSatisfy(scope.contains) }
                return named || partiesNamed.current || partiesNamed.previous ? parties : []
            }
            guard n > 2 else { return parties }
            for scope in [current, previous] {
                var seen: [Entity] = []
                for e in scope where e.type == .country && !seen.contains(e) { seen.append(e) }
                if seen.count == n { return seen }
            }
            return []
        case .title, .date:
            return []
        }
    }

    static let patronymics: Set<String> = ["bin", "ibn", "bint", "ben", "binti"]

    /// "II", "XIV": a Roman numeral after a monarch's name.
    static func isRegnalNumber(_ w: Substring) -> Bool {
        w.count <= 5 && w.allSatisfy { "IVXL".contains($0) }
    }

    /// Whether an untyped name is a person seen before in the article (as written, or as the surname of one).
    public func isKnownPerson(_ label: String) -> Bool {
        let key = Self.key(label)
        if people[key] != nil || fullNameByEnding[key] != nil { return true }
        return !label.contains(" ") && fullNameBySurname[key] != nil
    }

    /// The canonical name of a person: a surname alone is the
    /// full name seen before; an unknown single word is a person only when a
    /// title said so (`certain`).
    mutating func person(_ label: String, certain: Bool) -> String? {
        let parts = label.split(separator: " ")
        let key = Self.key(label)
        if parts.count == 1 {
            if let full = fullNameBySurname[key] { return full }
            if !certain { return nil }
        } else if let seen = people[key] {
            return seen
        } else if let full = fullNameByEnding[key] {
            return full
        }
        people[key] = label
        // "Abdullah bin Hussein": the part after a patronymic particle names the father, not a family.
        // "Abdullah II" is then "King Abdullah": a regnal number follows a given name.
        if parts.count > 1, var surname = parts.last, !Self.patronymics.contains(parts[parts.count - 2].lowercased()) {
            if Self.isRegnalNumber(surname) { surname = parts[parts.count - 2] }
            fullNameBySurname[Self.key(surname)] = label
        }
        if parts.count > 2 {
            for k in 1..<(parts.count - 1) { fullNameByEnding[Self.key(parts[k...].joined(separator: " "))] = label }
            // "Qaboos bin Said" is then "Sultan Qaboos"; "Mohamed bin Zayed Al Nahyan" is "Mohamed bin Zayed".
            if Self.patronymics.contains(parts[1].lowercased()) {
                let given = Self.key(parts[0])
                if fullNameBySurname[given] == nil { fullNameBySurname[given] = label }
                for k in 3..<parts.count {
                    let start = Self.key(parts[..<k].joined(separator: " "))
                    if fullNameByEnding[start] == nil { fullNameByEnding[start] = label }
                }
            }
        }
        return label
    }

    mutating func organization(_ s: EntitySpan) -> Entity {
        let label = s.label
        if let a = s.acronym { acronyms[a] = (label, s.wikidata) }
        if let known = acronyms[label] { return Entity(type: .organization, label: known.label, wikidata: known.wikidata) }
        // An all-capital name matching the initials of a name seen before: "NDUM".
        if label.count >= 2, label.count <= 8, label.allSatisfy({ $0.isUppercase }), let o = organizationByInitials[label] {
            acronyms[label] = o
            return Entity(type: .organization, label: o.label, wikidata: o.wikidata)
        }
        if organizations.insert(label).inserted { organizationByInitials[Self.initials(label)] = (label, s.wikidata) }
        return Entity(type: .organization, label: label, wikidata: s.wikidata)
    }

    /// A name with its diacritics folded, case kept ("Erdoğan" -> "Erdogan"; a dateline's "EL PASO" stays apart).
    static func key<S: StringProtocol>(_ name: S) -> String {
        guard !name.utf8.allSatisfy({ $0 < 0x80 }) else { return String(name) }
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += Fold.ascii(scalar) ?? String(scalar) }
        }
        return out
    }

    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
    }
}
