/// A sentence as the rules see it: tokens, with recognized spans collapsed into single units.
/// A class, so the clause layer's views share units instead of copying their strings.
public final class Unit: Sendable {
    public let tokens: Range<Int>
    /// Lower-cased text of a plain token; nil for a span.
    public let word: String?
    public let span: EntitySpan?
    /// The word's id in the rules' word table (also for a pronoun span, by its text); -1 when the rules use no such word.
    public let id: Int32
    /// Precomputed word classes (`UnitFlags`), so matching never hashes strings.
    public let flags: UInt8
    /// Precomputed word classes of the clause layer (`WordClass`).
    public let classes: UInt8
    /// The span's type, role and number, kept apart so matching reads them without copying the span.
    public let spanType: SpanType?
    let spanRole: String?
    let spanPlural: Bool

    /// With `table`, a word's flags and classes come from its entry there (every table holds
    /// the words the matcher and the clause layer ask about); a word not in it can only be an
    /// "-ly" adverb or an "-ed" verb.
    init(tokens: Range<Int>, word: String?, span: EntitySpan?, id: Int32 = -1, table: WordTable? = nil, capitalized: Bool = false) {
        self.tokens = tokens
        self.word = word
        self.span = span
        self.spanType = span?.type
        self.spanRole = span?.role
        self.spanPlural = span?.plural ?? false
        self.id = id
        if let w = word {
            let capital = capitalized ? UnitFlags.capitalized : 0
            if let table, id >= 0 {
                flags = table.flags[Int(id)] | capital
                classes = table.classes[Int(id)]
            } else if table != nil {
                flags = capital
                classes = WordClass.bySuffix(w)
            } else {
                flags = UnitFlags.of(w) | capital
                classes = WordClass.of(w)
            }
        } else {
            flags = 0
            classes = 0
        }
    }

    /// The same unit with another span (a name retyped, "here" as its dateline city); its id is kept.
    convenience init(_ u: Unit, span: EntitySpan) {
        self.init(tokens: u.tokens, word: nil, span: span, id: u.id)
    }
}

/// Word classes the clause layer asks about, computed once per word.
enum WordClass {
    static let modifier: UInt8 = 1
    static let verbLike: UInt8 = 2
    static let coordinatedVerb: UInt8 = 4
    static let preposition: UInt8 = 8
    static let finiteVerb: UInt8 = 16

    /// The classes a word not in any list can have: an "-ly" adverb, an "-ed" verb.
    static func bySuffix(_ w: String) -> UInt8 {
        var c: UInt8 = 0
        if w.hasSuffix("ly"), Clauses.isModifier(w) { c |= modifier }
        if w.hasSuffix("ed"), Clauses.isVerbLike(w) { c |= verbLike }
        return c
    }

    /// Every word a list of the clause layer names.
    static var vocabulary: Set<String> {
        Clauses.modifiers.union(Clauses.finiteVerbs).union(Clauses.coordinatedVerbs).union(Clauses.prepositions)
    }

    static func of(_ w: String) -> UInt8 {
        var c: UInt8 = 0
        if Clauses.isModifier(w) { c |= modifier }
        if Clauses.isVerbLike(w) { c |= verbLike }
        if Clauses.coordinatedVerbs.contains(w) { c |= coordinatedVerb }
        if Clauses.prepositions.contains(w) { c |= preposition }
        if Clauses.finiteVerbs.contains(w) { c |= finiteVerb }
        return c
    }
}

extension Unit {
    var isModifier: Bool { classes & WordClass.modifier != 0 }
    var isVerbLike: Bool { classes & WordClass.verbLike != 0 }
    var isCoordinatedVerb: Bool { classes & WordClass.coordinatedVerb != 0 }
    var isPreposition: Bool { classes & WordClass.preposition != 0 }
    var isFiniteVerb: Bool { classes & WordClass.finiteVerb != 0 }
}

enum UnitFlags {
    static func of(_ w: String) -> UInt8 {
        var flags: UInt8 = 0
        if RuleMatcher.breakers.contains(w) { flags |= breaker }
        if RuleMatcher.joints.contains(w) { flags |= joint }
        if RuleMatcher.conjunctions.contains(w) { flags |= conjunction }
        if w == "the" { flags |= the }
        return flags
    }

    static let breaker: UInt8 = 1
    static let joint: UInt8 = 2
    static let conjunction: UInt8 = 4
    static let the: UInt8 = 8
    /// The word is written with a capital letter (set from the token, not from the word table).
    static let capitalized: UInt8 = 16
}

/// Gives every word the rules mention a small integer, so matching compares integers.
public struct WordTable: Sendable {
    public private(set) var ids: [String: Int32] = [:]
    /// Per id: the word's `UnitFlags` and `WordClass` bits.
    private(set) var flags: [UInt8] = []
    private(set) var classes: [UInt8] = []

    /// Every table holds the words the matcher and the clause layer ask about, so a unit
    /// reads their flags and classes by id (`Unit.init`).
    public init() {
        let asked = RuleMatcher.breakers.union(RuleMatcher.joints).union(RuleMatcher.conjunctions).union(WordClass.vocabulary).union(["the"])
        for w in asked.sorted() { _ = intern(w) }
    }
    public mutating func intern(_ w: String) -> Int32 {
        if let id = ids[w] { return id }
        let id = Int32(ids.count)
        ids[w] = id
        sealed = false
        flags.append(UnitFlags.of(w))
        classes.append(WordClass.of(w))
        return id
    }
    public func id(_ w: String) -> Int32 {
        if sealed { return fast.index(of: w) ?? -1 }
        return ids[w] ?? -1
    }
    /// The id of the token's lower-cased text, by the hash the token carries.
    func id(_ t: Token) -> Int32 {
        if sealed { return fast.index(of: t) ?? -1 }
        return ids[t.lower] ?? -1
    }
    /// After the last `intern`: the words by bytes (`WordIndex`, a word's position there is its id), for `id(_:)`.
    private var fast = WordIndex([String]())
    private var sealed = false
    mutating func seal() {
        fast = WordIndex(ids.sorted { $0.value < $1.value }.map(\.key))
        sealed = true
    }
}

/// Units with the ids of `table`.
public func makeUnits(_ tokens: [Token], _ spans: [EntitySpan], table: WordTable) -> [Unit] {
    makeUnits(tokens, spans, ids: table)
}

public func makeUnits(_ tokens: [Token], _ spans: [EntitySpan]) -> [Unit] {
    makeUnits(tokens, spans, ids: nil)
}

func makeUnits(_ tokens: [Token], _ spans: [EntitySpan], ids table: WordTable?) -> [Unit] {
    var units: [Unit] = []
    units.reserveCapacity(tokens.count)
    var i = 0
    var s = 0
    let ordered = spans.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    while i < tokens.count {
        while s < ordered.count, ordered[s].tokens.lowerBound < i { s += 1 }
        // An honorific before a name is part of nothing: "Ambassador to Norway, Dr. Nomsa N. Dube".
        if EntityRecognizer.honorifics.contains(tokens[i]), s < ordered.count, ordered[s].tokens.lowerBound == i + 1,
           ordered[s].type == .person || ordered[s].type == .name {
            i += 1
            continue
        }
        if s < ordered.count, ordered[s].tokens.lowerBound == i {
            let span = ordered[s]
            var id: Int32 = -1
            if let table {
                if span.type == .pronoun { id = table.id(span.label) }
                // A capitalized first word the recognizer took for a name may be an ordinary word: "Sanctions were imposed".
                else if units.isEmpty, span.type == .name, span.tokens.count == 1 { id = table.id(tokens[span.tokens.lowerBound]) }
            }
            units.append(Unit(tokens: span.tokens, word: nil, span: span, id: id))
            i = span.tokens.upperBound
            s += 1
        } else {
            let w = tokens[i].lower
            units.append(Unit(tokens: i..<(i + 1), word: w, span: nil, id: table?.id(tokens[i]) ?? -1, table: table, capitalized: tokens[i].isCapitalized))
            i += 1
        }
    }
    return units
}

/// One match of a pattern: the units bound to the subject and object slots,
/// and the unit the anchor matched (which dates the fact).
public struct RuleMatch: Sendable {
    public let subjects: [Int]
    public let objects: [Int]
    public let anchor: Int
    public let first: Int
    public let last: Int
}

/// Matches compiled patterns against units: from each unit the anchor accepts,
/// forward for the elements after it and backward for those before it; gaps
/// try the shortest skip first, so slots bind the nearest candidates.
public enum RuleMatcher {
    static let breakers: WordSet = [".", ";", "(", ")", "which", "who", "whom", "whose", "where", "but", "while", "whereas", "although", "because", ":"]

    /// Matches of a pattern; `anchors` limits the anchor to those units (from the index), nil tries all.
    public static func matches(_ p: CompiledPattern, _ units: [Unit], at anchors: [Int]? = nil) -> [RuleMatch] {
        var out: [RuleMatch] = []
        for u in anchors ?? Array(units.indices) where accepts(p.elements[p.anchor], units[u]) {
            var b = Bindings()
            let el = p.elements[p.anchor]
            b.mark(el, u, units)
            var after = u + 1, before = u - 1
            if case .slot(_, _, true, _) = el {
                // A list at the anchor grows both ways: "Deputy Premier and Defence Minister, X".
                after = extend(el, from: u, step: 1, units, &b)
                before = extend(el, from: u, step: -1, units, &b)
            }
            guard let fwd = forward(p, p.anchor + 1, after, units, b) else { continue }
            guard let all = backward(p, p.anchor - 1, before, units, fwd.b) else { continue }
            out.append(RuleMatch(subjects: all.b.subjects, objects: all.b.objects, anchor: u, first: all.end + 1, last: fwd.end - 1))
        }
        return out
    }

    struct Bindings {
        var subjects: [Int] = []
        var objects: [Int] = []

        mutating func mark(_ e: CompiledPattern.Element, _ u: Int, _ units: [Unit]) {
            if case .slot(let role, _, _, _) = e {
                switch role {
                case .subject: subjects.append(u)
                case .object: objects.append(u)
                case .pair: subjects.append(u); objects.append(u)
                case .ignored: break
                }
            }
        }
    }

    static func accepts(_ e: CompiledPattern.Element, _ unit: Unit) -> Bool {
        switch e {
        case .words(let ids, let prefixes, _):
            // Pronoun spans still read as their word ("closed its embassy"): their id is their text's.
            if unit.id >= 0, ids.contains(unit.id) { return true }
            guard !prefixes.isEmpty, let w = unit.word ?? (unit.spanType == .pronoun ? unit.span?.label : nil) else { return false }
            return prefixes.contains { w.hasPrefix($0) }
        case .slot(_, let types, _, _):
            guard let type = unit.spanType else { return false }
            // A Person, City or Place slot also takes an untyped capitalized name
            // ("Mahmoud Abbas visited", "a consulate in Yuzhno-Sakhalinsk").
            // An object pronoun ("him") fills only a slot that asks for it: `Pronoun[object]`.
            if unit.spanRole == "object", type == .pronoun { return types.contains { $0.type == .pronoun && $0.roles.contains("object") } }
            return types.contains { t in
                if t.exact { return t.type == type }
                return (t.type == type || (type == .name && (t.type == .person || t.type == .city || t.type == .place)))
                    && (t.roles.isEmpty || (unit.spanPlural && t.plural) || t.roles.contains(unit.spanRole ?? ""))
            }
        case .gap:
            return false
        }
    }

    static let officeAdjectives: WordSet = ["newly", "elected", "re-elected", "incoming", "outgoing", "acting", "interim", "late"]

    static let placeJoints: WordSet = [",", "and", "or", "the", "as", "well"]

    static let joints: WordSet = [",", "and", "or", "the", "along", "together", "with", "as", "well", "by", "new", "former", "then", "current"]

    /// What may stand between the items of a list: "A, B and C", "A, along with the Belgian Prime Minister B".
    /// A later item of a list may also be an untyped name: "Guadalajara, Monterrey and Playa del Carmen".
    static func acceptsItem(_ e: CompiledPattern.Element, _ unit: Unit) -> Bool {
        if accepts(e, unit) { return true }
        guard case .slot(_, let types, _, _) = e, unit.spanType == .name else { return false }
        return types.contains { $0.type == .city || $0.type == .place || $0.type == .organization }
    }

    static func isListJoint(_ unit: Unit) -> Bool {
        if unit.word != nil { return unit.flags & UnitFlags.joint != 0 }
        return unit.spanType == .title || unit.spanType == .demonym
    }

    /// Extends a list from unit `u` in one direction ("A, B and C"; "X, along with the
    /// Belgian Prime Minister Y"); returns the first unit past it. A list needs a
    /// conjunction somewhere, so "About Guinea, Indonesia ..." is not a list, and a
    /// pronoun starts none.
    static func extend(_ el: CompiledPattern.Element, from u: Int, step: Int, _ units: [Unit], _ b: inout Bindings) -> Int {
        // A pronoun starts no list, except "he and Lula" (a person pronoun, then "and" and a name).
        if units[u].spanType == .pronoun, !(step == 1 && units[u].spanRole == "person" && u + 2 < units.count
                                            && units[u + 1].word == "and" && (units[u + 2].spanType == .person || units[u + 2].spanType == .name)) {
            return u + step
        }
        let inRange = { (i: Int) in i >= 0 && i < units.count }
        // The preposition before the first item, which a later item may repeat: "belong to the A and to the B".
        var lead = u - 1
        if lead >= 0, units[lead].flags & UnitFlags.the != 0 { lead -= 1 }
        let leadPreposition = step == 1 && lead >= 0 && units[lead].isPreposition ? units[lead].word : nil
        // A list of places joins its items with commas and "and" only: "received in Manila by their counterparts,
        // A and B" lists no places after Manila.
        let places: Bool
        if case .slot(_, let types, _, _) = el { places = types.allSatisfy { $0.type == .city || $0.type == .place || $0.type == .country } } else { places = false }
        // "Chile's Sebastián Piñera and Japan's Shinzo Abe": a country's possessive before a later item is part of the joint.
        func possessive(_ j: Int) -> Bool {
            !places && units[j].spanType == .country && j + 1 < units.count && units[j + 1].word == "'s"
        }
        func joint(_ j: Int) -> Bool {
            if possessive(j) || (j > 0 && units[j].word == "'s" && possessive(j - 1)) { return true }
            return places ? units[j].word.map(Self.placeJoints.contains) ?? false : isListJoint(units[j])
        }
        func item(_ j: Int) -> Bool { accepts(el, units[j]) && !possessive(j) }
        var items: [Int] = []
        var sawConjunction = false
        var next = u + step
        var k = next
        while inRange(k), joint(k), !item(k) {
            var j = k
            var conjunction = false
            while inRange(j), joint(j) || (conjunction && leadPreposition != nil && units[j].word == leadPreposition),
                  !item(j), abs(j - k) < 6 {
                if units[j].flags & UnitFlags.conjunction != 0 { conjunction = true }
                j += step
            }
            guard inRange(j), acceptsItem(el, units[j]), !possessive(j), units[j].spanType != .pronoun else { break }
            // Growing backwards, a list ends at a preposition's object: in "following a meeting with
            // A, B, along with C, held ..." the subjects are B and C, not A.
            if step == -1 {
                // Also past its titles: "After the death of Queen Elizabeth II, the King and Queen Rania travelled".
                var p = j - 1
                while p >= 0, units[p].flags & UnitFlags.the != 0 || units[p].spanType == .title || units[p].spanType == .demonym { p -= 1 }
                if p >= 0, units[p].isPreposition { break }
            }
            sawConjunction = sawConjunction || conjunction
            items.append(j)
            next = j + step
            k = next
        }
        guard sawConjunction else { return u + step }
        for j in items { b.mark(el, j, units) }
        return next
    }

    static let conjunctions: WordSet = ["and", "or", "along", "together"]

    static func forward(_ p: CompiledPattern, _ e: Int, _ u: Int, _ units: [Unit], _ b: Bindings) -> (b: Bindings, end: Int)? {
        if e == p.elements.count { return (b, u) }
        let el = p.elements[e]
        switch el {
        case .gap(let n):
            var k = 0
            while k <= n, u + k <= units.count {
                if let r = forward(p, e + 1, u + k, units, b) { return r }
                if u + k < units.count, units[u + k].flags & UnitFlags.breaker != 0 { break }
                k += 1
            }
            return nil
        case .words(_, _, let optional), .slot(_, _, _, let optional):
            var u = u
            if case .slot = el { u = slotStart(el, u, units) }
            if u < units.count, accepts(el, units[u]) {
                var nb = b
                nb.mark(el, u, units)
                var next = u + 1
                if case .slot(_, _, true, _) = el { next = extend(el, from: u, step: 1, units, &nb) }
                if let r = forward(p, e + 1, next, units, nb) { return r }
            }
            if optional { return forward(p, e + 1, u, units, b) }
            return nil
        }
    }

    /// Where a slot's name starts, reading forward from `u`: past a determiner the pattern does not spell
    /// out ("with the Netherlands"), then either adjectives of office ("met with the newly elected President
    /// X") or an "X-based" ("invested in the Dakar-based Sonatel"); `u` itself when none of these leads to a
    /// unit the slot accepts.
    static func slotStart(_ el: CompiledPattern.Element, _ u: Int, _ units: [Unit]) -> Int {
        guard u < units.count else { return u }
        var x = u
        if units[x].flags & UnitFlags.the != 0, x + 1 < units.count {
            x += 1
            while x < units.count - 1, let w = units[x].word, officeAdjectives.contains(w) { x += 1 }
        }
        let adjectives = x > u + 1
        if !adjectives, x + 3 < units.count, units[x].span != nil, units[x + 2].word == "based", let dash = units[x + 1].word,
           dash == "-" || dash == "–", !accepts(el, units[x]), accepts(el, units[x + 3]) {
            return x + 3
        }
        return x < units.count && accepts(el, units[x]) ? x : u
    }

    static func backward(_ p: CompiledPattern, _ e: Int, _ u: Int, _ units: [Unit], _ b: Bindings) -> (b: Bindings, end: Int)? {
        if e < 0 { return (b, u) }
        let el = p.elements[e]
        switch el {
        case .gap(let n):
            // ", touring Petra" after "as the guest of King Hussein and Queen Noor": a participle after a
            // comma belongs to the clause's subject (a coordinated view reads it), not to the name before it.
            let participleAfter = u + 1 < units.count && units[u + 1].word?.hasSuffix("ing") == true
            var k = 0
            while k <= n, u - k >= -1 {
                if let r = backward(p, e - 1, u - k, units, b) { return r }
                if u - k >= 0, units[u - k].flags & UnitFlags.breaker != 0 { break }
                if participleAfter, u - k >= 0, units[u - k].word == "," { break }
                k += 1
            }
            return nil
        case .words(_, _, let optional), .slot(_, _, _, let optional):
            if u >= 0, accepts(el, units[u]) {
                var nb = b
                nb.mark(el, u, units)
                var next = u - 1
                if case .slot(_, _, true, _) = el { next = extend(el, from: u, step: -1, units, &nb) }
                if case .slot = el, next >= 0, units[next].flags & UnitFlags.the != 0 { next -= 1 }
                if let r = backward(p, e - 1, next, units, nb) { return r }
            }
            if optional { return backward(p, e - 1, u, units, b) }
            return nil
        }
    }
}

/// A pattern with its words replaced by ids of a `WordTable`.
public struct CompiledPattern: Sendable {
    public enum Element: Sendable {
        case words([Int32], prefixes: [String], optional: Bool)
        case slot(Pattern.Role, [Pattern.SlotType], list: Bool, optional: Bool)
        case gap(Int)
    }

    public let source: Pattern
    public let elements: [Element]
    public let anchor: Int

    public init(_ p: Pattern, table: inout WordTable) {
        source = p
        anchor = p.anchor
        elements = p.elements.map { e in
            switch e {
            case .words(let words, let prefixes, let optional):
                return .words(words.sorted().map { table.intern($0) }, prefixes: prefixes, optional: optional)
            case .slot(let r, let t, let l, let o): return .slot(r, t, list: l, optional: o)
            case .gap(let n): return .gap(n)
            }
        }
    }
}

/// Every pattern of a rule set, compiled against one word table and indexed by
/// what its anchor accepts: a word id, or a span type. A sentence then tries
/// only the patterns whose anchor occurs in it.
public struct RuleIndex: Sendable {
    public let table: WordTable
    /// (rule index, compiled pattern)
    public let patterns: [(rule: Int, pattern: CompiledPattern)]
    /// Patterns by their anchor's word id (indexed by id), by span type (`spanSlot`), and those whose anchor takes a prefix.
    let byWord: [[Int]]
    let bySpan: [[Int]]
    let byPrefix: [Int]
    /// Per pattern, what a sentence must hold besides the anchor for the pattern to match:
    /// for each required element, the word ids or the span types (bits) it accepts.
    let required: [[Requirement]]
    /// `required`, flat (one contiguous array, so a sentence's test of many patterns stays in cache):
    /// pattern k's requirements are `flatRequired[requiredStart[k]..<requiredStart[k + 1]]`, each a
    /// span mask, or (mask 0) the word ids `requiredWords[start..<end]`.
    let flatRequired: [(mask: UInt32, start: Int32, end: Int32)]
    let requiredStart: [Int32]
    let requiredWords: [Int32]

    enum Requirement: Sendable {
        case anyWord([Int32])
        case anySpan(UInt32)
    }

    /// The span type's position in `SpanType.allCases`, without a search.
    @inline(__always)
    static func spanSlot(_ t: SpanType) -> Int {
        switch t {
        case .country: 0
        case .demonym: 1
        case .city: 2
        case .place: 3
        case .person: 4
        case .organization: 5
        case .title: 6
        case .name: 7
        case .pronoun: 8
        case .group: 9
        case .date: 10
        }
    }
    static func bit(_ t: SpanType) -> UInt32 { 1 << UInt32(spanSlot(t)) }

    public init(_ rules: [RelationRule]) {
        var table = WordTable()
        var patterns: [(Int, CompiledPattern)] = []
        for (i, r) in rules.enumerated() { for p in r.patterns { patterns.append((i, CompiledPattern(p, table: &table))) } }
        for w in ["it", "its", "he", "she", "his", "her"] { _ = table.intern(w) }
        table.seal()
        var byWord = [[Int]](repeating: [], count: table.ids.count), bySpan = [[Int]](repeating: [], count: SpanType.allCases.count)
        var byPrefix: [Int] = []
        for (k, (_, p)) in patterns.enumerated() {
            switch p.elements[p.anchor] {
            case .words(let ids, let prefixes, _):
                for id in ids { byWord[Int(id)].append(k) }
                if !prefixes.isEmpty { byPrefix.append(k) }
            case .slot(_, let types, _, _):
                var seen = Set<SpanType>()
                for t in types where seen.insert(t.type).inserted {
                    bySpan[Self.spanSlot(t.type)].append(k)
                    if t.type == .person || t.type == .city || t.type == .place, seen.insert(.name).inserted { bySpan[Self.spanSlot(.name)].append(k) }
                }
            case .gap: break
            }
        }
        self.required = patterns.map { (_, p) in
            p.elements.indices.compactMap { i -> Requirement? in
                guard i != p.anchor else { return nil }
                switch p.elements[i] {
                case .words(let ids, let prefixes, let optional):
                    return optional || !prefixes.isEmpty ? nil : .anyWord(ids)
                case .slot(_, let types, _, let optional):
                    guard !optional else { return nil }
                    var mask: UInt32 = 0
                    for t in types {
                        mask |= Self.bit(t.type)
                        if !t.exact, t.type == .person || t.type == .city || t.type == .place { mask |= Self.bit(.name) }
                    }
                    return .anySpan(mask)
                case .gap: return nil
                }
            }
        }
        var flat: [(mask: UInt32, start: Int32, end: Int32)] = [], starts: [Int32] = [0], words: [Int32] = []
        for rs in required {
            for r in rs {
                switch r {
                case .anyWord(let w):
                    flat.append((0, Int32(words.count), Int32(words.count + w.count)))
                    words.append(contentsOf: w)
                case .anySpan(let m): flat.append((m, 0, 0))
                }
            }
            starts.append(Int32(flat.count))
        }
        self.flatRequired = flat
        self.requiredStart = starts
        self.requiredWords = words
        self.table = table
        self.patterns = patterns
        self.byWord = byWord
        self.bySpan = bySpan
        self.byPrefix = byPrefix
    }

    /// For each pattern that can match, the units its anchor may sit on, in pattern order.
    public func candidates(_ units: [Unit]) -> [(pattern: Int, anchors: [Int])] {
        // (pattern, unit) pairs packed in one integer, sorted: grouped by pattern, units in order.
        var pairs: [Int] = []
        pairs.reserveCapacity(units.count * 2)
        for (u, unit) in units.enumerated() {
            if unit.id >= 0 { for k in byWord[Int(unit.id)] { pairs.append(k << 32 | u) } }
            if let t = unit.spanType { for k in bySpan[Self.spanSlot(t)] { pairs.append(k << 32 | u) } }
            if unit.word != nil { for k in byPrefix { pairs.append(k << 32 | u) } }
        }
        if pairs.isEmpty { return [] }
        pairs.sort()
        // What the sentence holds: its word ids (one bit each) and span types. A pattern that needs
        // a word or a span the sentence lacks cannot match anywhere in it.
        var ids = [UInt64](repeating: 0, count: (byWord.count + 63) >> 6)
        var spans: UInt32 = 0
        for unit in units {
            if unit.id >= 0 { ids[Int(unit.id) >> 6] |= 1 << UInt64(unit.id & 63) }
            if let t = unit.spanType { spans |= 1 << UInt32(Self.spanSlot(t)) }
        }
        func holds(_ id: Int32) -> Bool { ids[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0 }
        func possible(_ k: Int) -> Bool {
            for r in Int(requiredStart[k])..<Int(requiredStart[k + 1]) {
                let q = flatRequired[r]
                if q.mask != 0 {
                    if q.mask & spans == 0 { return false }
                } else if !requiredWords[Int(q.start)..<Int(q.end)].contains(where: holds) {
                    return false
                }
            }
            return true
        }
        var out: [(pattern: Int, anchors: [Int])] = []
        var i = 0
        while i < pairs.count {
            let k = pairs[i] >> 32
            let start = i
            while i < pairs.count, pairs[i] >> 32 == k { i += 1 }
            guard possible(k) else { continue }
            out.append((k, pairs[start..<i].map { $0 & 0xFFFF_FFFF }))
        }
        return out
    }
}
