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
    private var people: [String] = []
    private var organizations: [(label: String, wikidata: String?)] = []
    private var acronyms: [String: (label: String, wikidata: String?)] = [:]
    private var lastPerson: (entity: Entity, sentence: Int)?
    private var lastThing: (entity: Entity, sentence: Int)?
    private var sentence = 0

    public init(parties: [Entity]) { self.parties = parties }

    /// Call before each sentence.
    public mutating func beginSentence(_ index: Int) { sentence = index }

    /// The entities a span stands for (several for a group; none when unknown).
    public mutating func resolve(_ s: EntitySpan, asPerson: Bool = false) -> [Entity] {
        switch s.type {
        case .country, .demonym:
            let e = Entity(type: .country, label: s.label, wikidata: s.wikidata)
            noteThing(e)
            return [e]
        case .city:
            return [Entity(type: .city, label: s.label, wikidata: s.wikidata)]
        case .place:
            return [Entity(type: .place, label: s.label)]
        case .organization:
            let e = organization(s)
            noteThing(e)
            return [e]
        case .person, .name:
            guard s.type == .person || asPerson else { return [] }
            let e = Entity(type: .person, label: person(s.label))
            lastPerson = (e, sentence)
            return [e]
        case .pronoun:
            if s.role == "person" {
                guard let p = lastPerson, sentence - p.sentence <= 1 else { return [] }
                return [p.entity]
            }
            guard let t = lastThing, sentence - t.sentence <= 1 else { return [] }
            return [t.entity]
        case .group:
            return parties
        case .title, .date:
            return []
        }
    }

    /// Records entities mentioned in a sentence that no rule used, so pronouns
    /// and surnames can refer back to them.
    public mutating func observe(_ s: EntitySpan) {
        switch s.type {
        case .person: _ = resolve(s)
        case .country, .demonym, .organization: _ = resolve(s)
        default: break
        }
    }

    mutating func noteThing(_ e: Entity) { lastThing = (e, sentence) }

    mutating func person(_ label: String) -> String {
        let parts = label.split(separator: " ")
        if parts.count == 1 {
            // A surname or given name alone: the full name seen before.
            if let full = people.last(where: { p in
                let ps = p.split(separator: " ")
                return ps.count > 1 && (ps.last == parts[0] || ps.first == parts[0])
            }) { return full }
        }
        if !people.contains(label) { people.append(label) }
        return label
    }

    mutating func organization(_ s: EntitySpan) -> Entity {
        let label = s.label
        if let a = s.acronym { acronyms[a] = (label, s.wikidata) }
        if let known = acronyms[label] { return Entity(type: .organization, label: known.label, wikidata: known.wikidata) }
        // An all-capital name matching the initials of a name seen before: "NDUM".
        if label.count >= 2, label.count <= 8, label.allSatisfy({ $0.isUppercase }) {
            for o in organizations.reversed() where Self.initials(o.label) == label {
                acronyms[label] = o
                return Entity(type: .organization, label: o.label, wikidata: o.wikidata)
            }
        }
        if !organizations.contains(where: { $0.label == label }) { organizations.append((label, s.wikidata)) }
        return Entity(type: .organization, label: label, wikidata: s.wikidata)
    }

    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
    }
}
