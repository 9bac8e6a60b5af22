/// The five entity types of the relation contract.
public enum EntityType: String, CaseIterable, Comparable, Sendable {
    case country = "Country"
    case city = "City"
    case place = "Place"
    case person = "Person"
    case organization = "Organization"

    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }
}

/// A node of the knowledge graph: one per real-world entity, whatever the
/// number of mentions, documents or spellings.
public struct Entity: Hashable, Sendable {
    public let type: EntityType
    /// The canonical label (one `rdfs:label`).
    public let label: String
    /// Wikidata id such as `Q31`, where the gazetteer knows one.
    public let wikidata: String?

    public init(type: EntityType, label: String, wikidata: String? = nil) {
        self.type = type
        self.label = label
        self.wikidata = wikidata
    }

    /// The identity the graph keys entities on: type and folded label.
    public var key: EntityKey { EntityKey(type: type, slug: Slug.make(label)) }
}

public struct EntityKey: Hashable, Comparable, Sendable {
    public let type: EntityType
    public let slug: String
    public init(type: EntityType, slug: String) {
        self.type = type
        self.slug = slug
    }
    public static func < (a: EntityKey, b: EntityKey) -> Bool {
        a.type != b.type ? a.type < b.type : a.slug < b.slug
    }
}

/// An article the graph was read from.
public struct SourceDocument: Hashable, Sendable {
    /// Stable identifier: the slug of the file name without extension.
    public let id: String
    public let title: String
    /// The path as given on the command line (forward slashes).
    public let path: String

    public init(id: String, title: String, path: String) {
        self.id = id
        self.title = title
        self.path = path
    }
}

/// A date at the granularity the text wrote it: year, year-month or full date.
public struct FactDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// The date `n` days later (earlier for a negative `n`); a date without a day is unchanged.
    public func adding(days n: Int) -> FactDate {
        guard let m = month, let d = day else { return self }
        let (y2, m2, d2) = Self.civil(Self.dayNumber(year, m, d) + n)
        return FactDate(year: y2, month: m2, day: d2)
    }

    /// The date `n` months later at month granularity; a year alone is unchanged.
    public func adding(months n: Int) -> FactDate {
        guard let m = month else { return self }
        let total = year * 12 + (m - 1) + n
        return FactDate(year: total / 12, month: total % 12 + 1)
    }

    /// The first date on or after this one that falls on `weekday` (0 = Sunday); needs a day.
    /// The last such weekday on or before this date (a news report's "on Monday").
    public func previous(weekday: Int) -> FactDate {
        let after = next(weekday: weekday)
        return after == self ? self : after.adding(days: -7)
    }

    public func next(weekday: Int) -> FactDate {
        guard let m = month, let d = day else { return self }
        let n = Self.dayNumber(year, m, d)
        let today = ((n % 7) + 11) % 7  // 1970-01-01, day 0, was a Thursday (4)
        return adding(days: (weekday - today + 7) % 7)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func dayNumber(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date of a day number (civil_from_days).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(iso: some StringProtocol) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        var m: Int?, d: Int?
        if parts.count > 1 {
            guard parts[1].count == 2, let v = Int(parts[1]), (1...12).contains(v) else { return nil }
            m = v
        }
        if parts.count > 2 {
            guard parts[2].count == 2, let v = Int(parts[2]), (1...31).contains(v) else { return nil }
            d = v
        }
        self.init(year: y, month: m, day: d)
    }

    /// ISO 8601 lexical form at the written granularity.
    public var description: String {
        var s = String(year)
        while s.count < 4 { s = "0" + s }
        if let m = month { s += m < 10 ? "-0\(m)" : "-\(m)" }
        if let d = day { s += d < 10 ? "-0\(d)" : "-\(d)" }
        return s
    }

    /// The XML Schema datatype matching the granularity.
    public var datatype: IRI { day != nil ? XSD.date : month != nil ? XSD.gYearMonth : XSD.gYear }

    /// The earliest day the date can mean, as a full date: `2015` -> 2015-01-01,
    /// `2015-02` -> 2015-02-01, a full date -> itself.
    public var earliestDay: FactDate { FactDate(year: year, month: month ?? 1, day: month == nil ? 1 : day ?? 1) }

    /// The latest day the date can mean, as a full date: `2015` -> 2015-12-31,
    /// `2016-02` -> 2016-02-29 (leap years counted), a full date -> itself.
    public var latestDay: FactDate {
        guard let m = month else { return FactDate(year: year, month: 12, day: 31) }
        if day != nil { return self }
        // The day before the first of the next month, by the same calendar as `adding(days:)`.
        let next = FactDate(year: year, month: m).adding(months: 1)
        let (y, m2, d) = Self.civil(Self.dayNumber(next.year, next.month!, 1) - 1)
        return FactDate(year: y, month: m2, day: d)
    }

    public static func < (a: FactDate, b: FactDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}

/// Where a fact was read: the document, the sentence text and its offsets
/// (Unicode scalar offsets into the document text, end exclusive).
public struct Provenance: Hashable, Sendable {
    public let documentID: String
    public let sentence: String
    public let start: Int
    public let end: Int

    public init(documentID: String, sentence: String, start: Int, end: Int) {
        self.documentID = documentID
        self.sentence = sentence
        self.start = start
        self.end = end
    }
}

/// One dated, sourced statement of a fact.
public struct Mention: Hashable, Sendable {
    public let date: FactDate?
    public let provenance: Provenance
    /// The id of the rule that produced it.
    public let rule: String
    /// 0...1.
    public let confidence: Double

    public init(date: FactDate?, provenance: Provenance, rule: String, confidence: Double) {
        self.date = date
        self.provenance = provenance
        self.rule = rule
        self.confidence = confidence
    }
}

public enum FactObject: Hashable, Comparable, Sendable {
    case entity(EntityKey)
    case literal(String)
}

/// A direct `subject predicate object` fact, with every mention that states it.
public struct Fact: Hashable, Sendable {
    public let subject: EntityKey
    public let predicate: String
    public let object: FactObject
    public var mentions: [Mention]

    public init(subject: EntityKey, predicate: String, object: FactObject, mentions: [Mention] = []) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.mentions = mentions
    }

    public var identity: FactIdentity { FactIdentity(subject: subject, predicate: predicate, object: object) }
}

public struct FactIdentity: Hashable, Comparable, Sendable {
    public let subject: EntityKey
    public let predicate: String
    public let object: FactObject

    public static func < (a: FactIdentity, b: FactIdentity) -> Bool {
        if a.subject != b.subject { return a.subject < b.subject }
        if a.predicate != b.predicate { return a.predicate < b.predicate }
        return a.object < b.object
    }
}

/// Entities, facts and the documents they came from. Adding is order-independent:
/// the accessors return everything sorted, so exports are deterministic.
public struct KnowledgeGraph: Sendable {
    public private(set) var documents: [String: SourceDocument] = [:]
    public private(set) var entities: [EntityKey: Entity] = [:]
    private var facts: [FactIdentity: [Mention]] = [:]
    /// The facts of each subject, for `objects(of:_:)` (extraction asks it per match).
    private var factsBySubject: [EntityKey: [FactIdentity]] = [:]

    public init() {}

    public mutating func add(document: SourceDocument) { documents[document.id] = document }

    /// Adds an entity; a second entity with the same key keeps the first label
    /// and fills a missing Wikidata id.
    @discardableResult
    public mutating func add(entity: Entity) -> EntityKey {
        add(entity, key: entity.key)
    }

    /// `add(entity:)` with the entity's key already made (`entity.key`).
    @discardableResult
    private mutating func add(_ entity: Entity, key: EntityKey) -> EntityKey {
        if let old = entities[key] {
            if old.wikidata == nil, entity.wikidata != nil {
                entities[key] = Entity(type: old.type, label: old.label, wikidata: entity.wikidata)
            }
        } else {
            entities[key] = entity
        }
        return key
    }

    public mutating func add(fact: Fact) {
        add(fact.identity, fact.mentions)
    }

    private mutating func add(_ id: FactIdentity, _ mentions: [Mention]) {
        // One lookup of the identity for a fact already known (hashing it is most of the cost).
        if let i = facts.index(forKey: id) {
            facts.values[i].append(contentsOf: mentions)
        } else {
            facts[id] = mentions
            factsBySubject[id.subject, default: []].append(id)
        }
    }

    /// Keeps one mention per fact, sentence and date: where several rules state the same fact in the
    /// same sentence with the same date, the most confident one (then the first rule id) stands for all.
    public mutating func keepOneMentionPerSentence() {
        for (id, mentions) in facts where mentions.count > 1 {
            var best: [MentionSource: Mention] = [:]
            for m in mentions {
                let key = MentionSource(provenance: m.provenance, date: m.date)
                if let b = best[key], b.confidence > m.confidence || (b.confidence == m.confidence && b.rule <= m.rule) { continue }
                best[key] = m
            }
            if best.count < mentions.count { facts[id] = Array(best.values).sorted(by: Mention.order) }
        }
    }

    private struct MentionSource: Hashable {
        let provenance: Provenance
        let date: FactDate?
    }

    /// Merges another graph (for example one document's) into this one.
    public mutating func merge(_ other: KnowledgeGraph) {
        for d in other.documents.values { add(document: d) }
        for (key, e) in other.entities { add(e, key: key) }
        facts.reserveCapacity(facts.count + other.facts.count)
        for (id, ms) in other.facts { add(id, ms) }
    }

    public var sortedDocuments: [SourceDocument] { documents.values.sorted { $0.id < $1.id } }
    public var sortedEntities: [Entity] { entities.keys.sorted().map { entities[$0]! } }

    /// Facts sorted by identity; each fact's mentions are unique and sorted.
    public var sortedFacts: [Fact] { sorted(facts.keys) }

    /// `sortedFacts` with only the facts of these predicates (the others' mentions are not sorted).
    public func sortedFacts(of predicates: Set<String>) -> [Fact] { sorted(facts.keys.filter { predicates.contains($0.predicate) }) }

    private func sorted(_ ids: some Sequence<FactIdentity>) -> [Fact] {
        ids.sorted().map { id in
            let ms = Array(Set(facts[id]!)).sorted(by: Mention.order)
            return Fact(subject: id.subject, predicate: id.predicate, object: id.object, mentions: ms)
        }
    }

    public var factCount: Int { facts.count }

    /// Objects of the facts `subject predicate ?`, in no particular order (no sorting: for lookups
    /// while a graph is being built).
    public func objects(of subject: EntityKey, _ predicate: String) -> [FactObject] {
        (factsBySubject[subject] ?? []).filter { $0.predicate == predicate }.map(\.object)
    }
    /// Distinct mentions (the same statement read twice counts once, as exports write it once).
    public var mentionCount: Int { facts.values.reduce(0) { $0 + Set($1).count } }
}

extension Mention {
    /// Document, then offsets, then rule, then date: the order mentions are written in.
    public static func order(_ a: Mention, _ b: Mention) -> Bool {
        let pa = a.provenance, pb = b.provenance
        if pa.documentID != pb.documentID { return pa.documentID < pb.documentID }
        if pa.start != pb.start { return pa.start < pb.start }
        if pa.end != pb.end { return pa.end < pb.end }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.date != b.date {
            guard let x = a.date else { return true }
            guard let y = b.date else { return false }
            return x < y
        }
        return a.confidence < b.confidence
    }
}
