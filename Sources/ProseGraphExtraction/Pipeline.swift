import ProseGraphModel
import ProseGraphText

/// The extraction pipeline for one article: tokens -> spans (entities,
/// titles, dates) -> units -> rule matches -> resolved, dated facts with
/// provenance. Pure and deterministic: no I/O, no global state.
public struct Pipeline: Sendable {
    /// One match, whichever view of the sentence it was found in.
    struct MatchKey: Hashable {
        let rule: Int
        let subjects: [Int]
        let objects: [Int]
        let anchor: Int
    }

    public let rules: RuleSet
    public let recognizer: EntityRecognizer
    public let dates = DateNormalizer()
    /// The prose and infobox rules, compiled and indexed once.
    let proseIndex: RuleIndex
    let infoboxIndex: RuleIndex

    static let relativeWords: Set<String> = ["which", "who", "whose", "whom", "where"]
    static let clauseSubjectTypes: Set<SpanType> = [.person, .name, .country, .pronoun, .group, .organization]
    static let symmetric: Set<String> = ["metWith", "establishedRelationsWith", "twinnedWith", "signedAgreementWith"]
    static let speechCues: WordSet = [
        "said", "says", "stated", "states", "called", "calling", "calls", "urged", "urging", "demanded", "wished",
        "hoped", "proposed", "suggested", "argued", "claimed", "insisted", "warned", "believes", "believed",
    ]
    static let blockers: Set<String> = [
        "not", "never", "would", "could", "should", "might", "to", "if", "unless", "n't", "no", "nor", "cannot",
        "wants", "wanted", "plans", "planned", "intends", "intended", "refused", "failed", "sought", "seeks",
        "scheduled", "expected", "due", "hopes", "hoped", "proposed",
    ]

    /// A fact that holds only if its object lies outside the subject's own country
    /// (`object: abroad`), decided when the article's nationalities are all known.
    struct AbroadCandidate {
        let subject: Entity
        let object: Entity
        /// The object's country (a country, or a city's country from the gazetteer); nil for a place.
        let objectCountry: String?
        /// The countries of the cities the sentence names (for a place of no known country).
        let sentenceCountries: [String]
        let predicate: String
        let mention: Mention
        /// A visit stated outright (not a candidate): it only tells where the person is not from.
        var stated = false
        /// `object: not-home`: holds unless the subject is known to be at home.
        var unlessHome = false
    }

    /// A match of a rule whose people stand for their countries (`subject-as: nationality`,
    /// `object-as: nationality`) with a person of no nationality yet: decided at the end of the
    /// document, from the person's side (`partySides`).
    struct SideCandidate {
        let subjects: [Entity]
        let objects: [Entity]
        let subjectAs: Bool
        let objectAs: Bool
        let predicate: String
        let mention: Mention
    }

    public init(rules: RuleSet = .standard, gazetteer: Gazetteer = .shared) {
        self.rules = rules
        self.recognizer = EntityRecognizer(gazetteer: gazetteer)
        self.proseIndex = RuleIndex(rules.rules.filter { $0.scope == .prose })
        self.infoboxIndex = RuleIndex(rules.rules.filter { $0.scope == .infobox })
    }

    /// Extracts the facts of one article into a graph fragment (the document, its entities and facts).
    public func extract(_ article: Article, documentID: String) -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        var resolver = EntityResolver(parties: parties(of: article))
        var contextDate: FactDate? = nil
        var reportDate: FactDate? = nil
        var envoys: [EntityKey: FactDate?] = [:]
        var abroad: [AbroadCandidate] = []
        var sided: [SideCandidate] = []
        let proseRules = rules.rules.filter { $0.scope == .prose }
        let infoboxRules = rules.rules.filter { $0.scope == .infobox }

        for entry in article.infobox {
            let matching = Set(infoboxRules.indices.filter { i in
                infoboxRules[i].keys.isEmpty || infoboxRules[i].keys.contains { Self.keyMatches($0, entry.key) }
            })
            guard !matching.isEmpty else { continue }
            var y: FactDate? = nil, r: FactDate? = nil
            let prov = Provenance(documentID: documentID, sentence: entry.value, start: entry.span.start, end: entry.span.end)
            run(infoboxIndex, infoboxRules, only: matching, on: entry.value, provenance: prov, resolver: &resolver, contextDate: &y, reportDate: &r,
                envoys: &envoys, abroad: &abroad, sided: &sided, into: &graph)
        }
        for (index, s) in article.sentences.enumerated() {
            resolver.beginSentence(index)
            let prov = Provenance(documentID: documentID, sentence: s.text, start: s.span.start, end: s.span.end)
            run(proseIndex, proseRules, only: nil, on: readingText(of: s, in: article), provenance: prov, resolver: &resolver,
                contextDate: &contextDate, reportDate: &reportDate, envoys: &envoys, abroad: &abroad, sided: &sided, into: &graph)
        }
        let sides = partySides(abroad, parties: resolver.parties, graph: graph)
        // Envoys first: an envoy in the country he is accredited to is not abroad there (`addAbroad`).
        inferEnvoys(&graph, parties: resolver.parties, envoys: envoys)
        addAbroad(abroad, sides: sides, into: &graph)
        addSided(sided, sides: sides, parties: resolver.parties, into: &graph)
        graph.keepOneMentionPerSentence()
        return graph
    }

    /// The article's two parties: the countries named in its title ("Belgium–Syria relations").
    public func parties(of article: Article) -> [Entity] {
        let tokens = Tokenizer.tokenize(article.title)
        var out: [Entity] = []
        for s in recognizer.recognize(tokens) where s.type == .country || s.type == .demonym {
            let e = Entity(type: .country, label: s.label, wikidata: s.wikidata)
            if !out.contains(e) { out.append(e) }
        }
        return out
    }

    func run(_ index: RuleIndex, _ rules: [RelationRule], only: Set<Int>?, on text: String, provenance: Provenance, resolver: inout EntityResolver,
             contextDate: inout FactDate?, reportDate: inout FactDate?, envoys: inout [EntityKey: FactDate?], abroad: inout [AbroadCandidate], sided: inout [SideCandidate],
             into graph: inout KnowledgeGraph) {
        let dateBefore = contextDate
        var (_, units) = analyze(text, table: index.table, contextDate: &contextDate, reportDate: &reportDate)
        // An untyped name that is a person seen before ("Putin", "Castro"), or that a title follows as an
        // apposition ("Charles, Prince of Wales,"), is a person, not a place.
        for k in units.indices {
            guard var span = units[k].span, span.type == .name else { continue }
            // (Also "Lobengula, the king of the Ndebele,", "X, Zimbabwe's president,".)
            var t = k + 2
            while t < units.count, t <= k + 4, units[t].flags & UnitFlags.the != 0 || units[t].word == "a" || units[t].word == "'s" || units[t].spanType == .country { t += 1 }
            // (Not a title with a name of its own: "After stops in Szeged and Kecskemét, President Boris Tadić ...".)
            let titled = t < units.count && units[k + 1].word == "," && units[t].spanType == .title
                && !(t + 1 < units.count && (units[t + 1].spanType == .person || units[t + 1].spanType == .name))
            guard titled || resolver.isKnownPerson(span.label) else { continue }
            span.type = .person
            units[k] = Unit(units[k], span: span)
        }
        // "The Kenyan president arrived ...": a title with no name after it, in a subject's place, stands for
        // the last person named with that title (a definite description, resolved like a pronoun).
        for k in units.indices {
            guard let t = units[k].span, t.type == .title, resolver.hasTitleHolder(t.label) else { continue }
            var j = k - 1
            if j >= 0, units[j].spanType == .demonym { j -= 1 }
            // Also a passive's agent: "a visit was paid by the President to Erbil".
            let agent = j >= 1 && units[j - 1].word == "by"
            guard j >= 0, units[j].flags & UnitFlags.the != 0, j == 0 || units[j - 1].word == "," || units[j - 1].isPreposition == false || agent else { continue }
            let next = k + 1 < units.count ? units[k + 1] : nil
            guard let n = next, n.spanType != .person, n.spanType != .name, n.word != ",", n.word != "of", n.word != "'s",
                  n.isVerbLike || n.isCoordinatedVerb || n.isFiniteVerb || (agent && n.isPreposition) else { continue }
            units[k] = Unit(units[k], span: EntitySpan(tokens: t.tokens, type: .pronoun, label: "the " + t.label.lowercased(), role: "title:" + t.label))
        }
        // ("then called Karl-Marx-Stadt": "called" before a name names a place; it reports speech before "for", "on", ...)
        let speech = units.indices.first { k in
            guard let w = units[k].word, Self.speechCues.contains(w) else { return false }
            return !w.hasPrefix("call") || k + 1 == units.count || units[k + 1].span == nil
        }

        // Rules run on the sentence and on its simplified views (the clause layer, `Clauses`):
        // without relative clauses, asides, appositions and modifiers, and each coordinated predicate
        // with the sentence's subject ("Harper, who visited Guadalajara in August 2009, met with Calderón").
        var found: [(RelationRule, Pattern, RuleMatch)] = []
        var seen = Set<MatchKey>()
        let (views, core) = Clauses.viewsAndCore(units)
        var inCore = [Bool](repeating: false, count: units.count)
        for u in core.map { inCore[u] = true }
        /// Whether the aside holding unit `u` opens with a comma right after a name ("Ahmed Isa, the envoy of ...").
        func appositionToName(_ u: Int) -> Bool {
            var b = u
            while b > 0, !inCore[b] { b -= 1 }
            guard inCore[b], b + 1 < units.count, units[b + 1].word == "," else { return false }
            return units[b].spanType == .person || units[b].spanType == .name
        }
        for view in views {
            let map = view.map
            for (k, anchors) in index.candidates(view.units) {
                let ruleIndex = index.patterns[k].rule
                if let only, !only.contains(ruleIndex) { continue }
                let matches = RuleMatcher.matches(index.patterns[k].pattern, view.units, at: anchors)
                if matches.isEmpty { continue }
                let rule = rules[ruleIndex]
                let p = index.patterns[k].pattern.source
                for m0 in matches {
                    let m = RuleMatch(subjects: m0.subjects.map { map[$0] }, objects: m0.objects.map { map[$0] },
                                      anchor: map[m0.anchor], first: map[max(0, min(m0.first, map.count - 1))],
                                      last: map[max(0, min(m0.last, map.count - 1))])
                    if !rule.allowReported, let sp = speech, m.anchor > sp { continue }
                    if !rule.literalObject, isBlocked(m0, view.units) { continue }
                    // "Ahmed Isa, the special envoy of President Muhammadu Buhari, met ...": a name inside an apposition
                    // is not the subject of the verb after it.
                    if let s0 = m.subjects.first, s0 < m.anchor, !inCore[s0], inCore[m.anchor],
                       !m.subjects.contains(where: { inCore[$0] }), appositionToName(s0) { continue }
                    // "Buhari received Ramaphosa's special envoy, X": a possessor that ends the match is not its object.
                    if let o = m0.objects.last, o == m0.last, o + 1 < view.units.count, view.units[o + 1].word == "'s",
                       view.units[o].spanType == .person || view.units[o].spanType == .name || view.units[o].spanType == .place { continue }
                    // "Diana Mondino, his foreign minister, flew to ...": a possessive is nobody's subject.
                    if m0.subjects.contains(where: { view.units[$0].spanType == .pronoun && ["his", "her"].contains(view.units[$0].span!.label) }) { continue }
                    // "Kenya suspended imports of Ugandan milk": a trade stopped is no trade.
                    if rule.predicate == "importsFrom" || rule.predicate == "exportsTo",
                       (max(0, m0.anchor - 2)..<m0.anchor).contains(where: { view.units[$0].word.map(Self.tradeStops.contains) ?? false }) { continue }
                    // "Rwanda exported tea to Qatar and imported fuel from ...", "X recognised Y and established relations
                    // with it": a match that opens with its subject does not take a preposition's or a verb's object for the
                    // subject of a coordinated verb.
                    if let s0 = m0.subjects.min(), s0 >= m0.first, (m0.first..<s0).allSatisfy({ view.units[$0].flags & UnitFlags.the != 0 }),
                       Self.isComplement(s0, view.units),
                       let last = m0.subjects.max(), last < m0.anchor, (last..<m0.anchor).contains(where: { view.units[$0].word == "and" }) { continue }
                    // "the Kingdom of Spain, whose monarchs, King Mohammed VI and ...": a country the view brings next to a
                    // title across a comma is not that title's.
                    if rule.predicate == "nationality", let o = m0.objects.first, o + 1 < view.units.count, view.units[o + 1].spanType == .title,
                       map[o + 1] > map[o] + 1, units[(map[o] + 1)..<map[o + 1]].contains(where: { $0.word == "," }) { continue }
                    // "X, Georgian President Y and Z signed": a demonym before a title with its own name is that name's.
                    if rule.predicate == "nationality", let su = m.subjects.first, let ou = m.objects.first, su < ou, units[ou].spanType == .demonym {
                        var t = ou + 1
                        while t < units.count, units[t].spanType == .title { t += 1 }
                        if t > ou + 1, t < units.count, units[t].spanType == .person || units[t].spanType == .name { continue }
                    }
                    // "ISLAM QALA, Afghanistan, July 8, 2025 (AFP) —": a dateline tells where a report was filed.
                    if rule.predicate == "locatedIn", let su = m.subjects.first, let label = units[su].span?.label,
                       label.contains(where: \.isLetter), !label.contains(where: \.isLowercase) { continue }
                    // "the summit of the OSCE in Istanbul": a place after "X of Y" belongs to X, not to Y.
                    if rule.predicate == "locatedIn", let su = m.subjects.first, let ou = m.objects.first, su < ou, Self.isOfComplement(su, units) { continue }
                    guard seen.insert(MatchKey(rule: ruleIndex, subjects: m.subjects, objects: m.objects, anchor: m.anchor)).inserted else { continue }
                    found.append((rule, p, m))
                }
            }
        }

        // Resolve every mention in text order first, so pronouns and surnames see what came before.
        var cache: [Int: [Entity]] = [:]
        for u in units.indices {
            guard let span = units[u].span else { continue }
            switch span.type {
            case .pronoun:
                // "..., while it imported ...": a pronoun that opens a clause joined by a conjunction
                // is the subject of the clause before it (the sentence's first fitting entity).
                // Also past a time phrase: ", and in March 2010 he chose Buenos Aires".
                var b = u - 1
                while b >= 1, units[b].spanType == .date || (units[b].word.map { ["in", "on", "at", "by", "since", "then", "later"].contains($0) } ?? false) { b -= 1 }
                let joined = b >= 1 && units[b - 1].word == "," && (units[b].word.map(Self.clauseJoiners.contains) ?? false)
                let clauseInitial = u == 0 || units[u - 1].word == "," || units[u - 1].word == ";"
                // So does one that opens a clause after a semicolon: "X attended the summit in Rome; on 5 June, the
                // last day, she called on Y".
                let afterSemicolon = (clauseInitial || units[max(b, 0)].word == ";") && units[..<u].contains { $0.word == ";" }
                // So does one after a leading subordinate clause: "When President X landed in Warsaw ..., he was greeted".
                let afterLead = clauseInitial && u > 0 && (units.first?.word.map { Clauses.subordinators.contains($0) || $0 == "while" || $0 == "before" } ?? false)
                    && units[..<(u - 1)].allSatisfy { $0.word != "," }
                cache[u] = resolver.resolve(span, clauseInitial: clauseInitial, afterConjunction: joined || afterSemicolon || afterLead)
            case .person, .country, .demonym, .organization, .city, .group: cache[u] = resolver.resolve(span)
            case .name:
                // Known for later surnames and pronouns, unless it stands where a place does ("to sub-Saharan
                // Africa", "in Malanje Province").
                if u > 0, let w = units[u - 1].word, Self.placePrepositions.contains(w) { break }
                // Nor a name between places ("a second bridge between Foz do Iguaçu and Presidente Franco", "flights
                // between X and Y").
                if u > 1, units[u - 1].word == "between", units[u - 2].spanType == .place || (units[u - 2].word.map(Self.routeNouns.contains) ?? false) { break }
                if u > 3, units[u - 2].word == "and", units[u - 4].word == "between",
                   u > 4, units[u - 5].spanType == .place || (units[u - 5].word.map(Self.routeNouns.contains) ?? false) { break }
                // Nor a name that ends in a place's word ("the Lamu Port–South Sudan corridor").
                if let last = span.label.split(whereSeparator: { $0 == " " || $0 == "–" || $0 == "-" }).last,
                   EntityRecognizer.placeCueWords.contains(last.lowercased()) { break }
                _ = resolver.resolve(span, expected: .person)
            default: break
            }
        }
        func entities(_ u: Int, _ expected: EntityType?) -> [Entity] {
            // A pronoun stands for what its slot expects: "the country" fills no person's slot.
            if units[u].spanType == .pronoun, let c = cache[u], let expected {
                return c.filter { expected == .person ? $0.type == .person : $0.type != .person }
            }
            if let c = cache[u], units[u].spanType != .name { return c }
            // An untyped name where a place stands ("the pilgrimage site at Bodh Gaya") is no person.
            if expected == .person, units[u].spanType == .name, !resolver.isKnownPerson(units[u].span!.label), u > 0 {
                var p = u - 1
                if units[p].flags & UnitFlags.the != 0, p > 0 { p -= 1 }
                if let w = units[p].word, Self.placePrepositions.contains(w) { return [] }
            }
            return resolver.resolve(units[u].span!, expected: expected)
        }
        /// A person stands for their country when the rule says so ("subject-as: nationality").
        func asNationality(_ e: [Entity]) -> [Entity] {
            e.flatMap { p in p.type == .person ? Self.nationalityEntities(of: p.key, graph) : [p] }
        }
        let dateContext = DateContext(units, core: core)
        var visits: [(object: Entity, mention: Mention)] = []
        var memberships: [(object: Entity, mention: Mention, anchor: Int)] = []
        defer {
            addCompanions(visits, units: units, resolver: &resolver, into: &graph)
            addFellowMembers(memberships, units: units, resolver: &resolver, into: &graph)
        }
        for (rule, p, m) in found {
            var dates = rule.date == .sentence ? datesFor(m, units, dateContext) : [nil]
            // "He was received by Qatar's emir": a sentence with no date of its own that continues the
            // one before (it opens with a pronoun or "the two leaders") happened at the last date told.
            if rule.date == .sentence, dateContext.dates.isEmpty, let d = dateBefore, d.day != nil || d.month != nil,
               let first = units.first?.span, (first.type == .pronoun && first.role == "person")
                || (first.type == .group && first.role?.hasPrefix("person:") == true) {
                dates = [d]
            }
            let subjectType = p.expectedType(.subject), objectType = p.expectedType(.object)
            for date in dates {
            let mention = Mention(date: date, provenance: provenance, rule: rule.id, confidence: rule.confidence)
            if rule.betweenParties {
                // "the trade agreement between the European Union and Peru was signed": the text names its parties.
                // ("between the two countries" is the parties).
                // So does "signed in Washington ... by Germany, the United Kingdom and the United States".
                // (For a signing, also "between" after the match: "a memorandum was signed in 2019 between A and B".)
                // Whether `word`, then (the)? a unit `names` accepts, stands in `range`.
                func named(_ word: String, in range: Range<Int>, _ names: (Unit) -> Bool) -> Bool {
                    range.contains { k in
                        guard units[k].word == word else { return false }
                        var j = k + 1
                        if j < units.count, units[j].flags & UnitFlags.the != 0 { j += 1 }
                        return j < units.count && names(units[j])
                    }
                }
                let reach = rule.predicate == "signedAgreementWith" ? min(units.count, m.last + 10) : m.last + 1
                if named("between", in: m.first..<reach, { $0.span != nil && $0.spanType != .group })
                    || named("by", in: m.first..<min(units.count, m.last + 10), { $0.spanType == .country || $0.spanType == .organization }) { continue }
                let parties = resolver.parties
                if parties.count == 2 { Self.addRelation(parties[0], rule.predicate, parties[1], mention, into: &graph) }
                continue
            }
            if rule.subjectIsOtherParty {
                let parties = resolver.parties
                for ou in m.objects where parties.count == 2 {
                    for o in entities(ou, objectType) {
                        guard let i = parties.firstIndex(of: o) else { continue }
                        Self.addRelation(parties[1 - i], rule.predicate, o, mention, into: &graph)
                    }
                }
                continue
            }
            for su in m.subjects {
                if !rule.literalObject, Self.isPossessor(su, units) { continue }
                // "presented his credentials to President Duda as German Ambassador": "as" after a preposition's object
                // tells the role of the clause's subject, not of that object.
                if ["holdsPosition", "envoyTo", "nationality"].contains(rule.predicate), Self.asRoleOfAnother(su, m, units) { continue }
                // A person of no nationality yet: decided at the end of the document, by their side.
                if rule.subjectAsNationality || rule.objectAsNationality, !rule.literalObject, !rule.hostPartyObject, !rule.objectAbroad {
                    let rawS = entities(su, subjectType), rawO = m.objects.flatMap { entities($0, objectType) }
                    func unknown(_ e: Entity) -> Bool { e.type == .person && Self.nationalityEntities(of: e.key, graph).isEmpty }
                    if (rule.subjectAsNationality && rawS.contains(where: unknown)) || (rule.objectAsNationality && rawO.contains(where: unknown)) {
                        sided.append(SideCandidate(subjects: rawS, objects: rawO, subjectAs: rule.subjectAsNationality,
                                                   objectAs: rule.objectAsNationality, predicate: rule.predicate, mention: mention))
                        continue
                    }
                }
                let subjects = rule.subjectAsNationality ? asNationality(entities(su, subjectType)) : entities(su, subjectType)
                for s in subjects {
                    if rule.literalObject {
                        // "became Kenya's high commissioner to the United Kingdom and ambassador to Norway": both titles.
                        var titles = m.objects
                        if rule.scope == .prose, s.type == .person, let last = titles.last, let next = Self.coordinatedTitle(after: last, units) { titles.append(next) }
                        for ou in titles {
                            guard let titleSpan = units[ou].span else { continue }
                            // "X, Prime Minister of Spain Pedro Sánchez": a title after a name that is followed
                            // by another name is that name's title.
                            if m.subjects.allSatisfy({ $0 < ou }), Self.titleHasItsOwnName(ou, units) { continue }
                            let title = titleSpan.label
                            if s.type == .person { resolver.note(title: title, of: s) }
                            let sk = graph.add(entity: s)
                            if titleSpan.role == "envoy", envoys[sk] == nil, rule.scope == .prose { envoys[sk] = dateFor(m, units, dateContext) }
                            graph.add(fact: Fact(subject: sk, predicate: rule.predicate, object: .literal(title), mentions: [mention]))
                            // What the title's own phrase says of its holder: "the first Norwegian ambassador in Nairobi",
                            // "Kenya's high commissioner to the United Kingdom", "Ambassador of Peru to Bolivia".
                            guard s.type == .person, rule.scope == .prose else { continue }
                            let phrase = Self.titlePhraseParts(at: ou, units)
                            let own = phrase.country.flatMap { entities($0, nil).first { $0.type == .country } }
                            if let own {
                                let stated = Mention(date: nil, provenance: provenance, rule: "title.phrase", confidence: 0.85)
                                Self.addRelation(s, "nationality", own, stated, into: &graph)
                            }
                            // (A minister "to" a country is an envoy; so is one "in" or "at" a capital abroad: "the Dutch minister in
                            // Washington", not "the French foreign minister in Paris".)
                            guard let du = phrase.destination, titleSpan.role == "envoy" || (titleSpan.role == "minister"
                                && (units[du].spanType == .country || (units[du].spanType == .city && titleSpan.label == "Minister"
                                    && (own != nil || ["resident", "plenipotentiary"].contains(units[ou + 1].word ?? ""))))) else { continue }
                            var destination = entities(du, nil).first { $0.type == .country || $0.type == .organization }
                            if units[du].spanType == .city, let label = country(of: units[du].span), let c = recognizer.gazetteer.countriesByLabel[label] {
                                destination = Entity(type: .country, label: c.label, wikidata: c.wikidata)
                            }
                            guard let destination, destination != own else { continue }
                            let sent = Mention(date: mention.date ?? dateFor(m, units, dateContext), provenance: provenance, rule: "title.phrase", confidence: 0.85)
                            Self.addRelation(s, "envoyTo", destination, sent, into: &graph)
                        }
                        continue
                    }
                    if rule.hostPartyObject {
                        for o in hostParty(for: s, units: units, resolver: resolver, graph: graph) {
                            // The visitor is from elsewhere: it tells where they are not from (`addAbroad`).
                            if rule.predicate == "visited", s.type == .person {
                                abroad.append(AbroadCandidate(subject: s, object: o, objectCountry: o.label, sentenceCountries: [],
                                                              predicate: rule.predicate, mention: mention, stated: true))
                            }
                            Self.addRelation(s, rule.predicate, o, mention, into: &graph)
                        }
                        continue
                    }
                    for ou in m.objects {
                        if Self.isPossessor(ou, units) { continue }
                        var objects = rule.objectAsNationality ? asNationality(entities(ou, objectType)) : entities(ou, objectType)
                        if rule.cityObjectAsCountry {
                            objects = objects.compactMap { o in
                                guard o.type == .city else { return o }
                                guard let code = units[ou].span?.countryCode, let c = recognizer.gazetteer.countriesByCode[code] else { return nil }
                                return Entity(type: .country, label: c.label, wikidata: c.wikidata)
                            }
                        }
                        if rule.objectAbroad {
                            let cities = sentenceCountries(units)
                            for o in objects where o != s {
                                abroad.append(AbroadCandidate(subject: s, object: o, objectCountry: country(of: units[ou].span), sentenceCountries: cities,
                                                              predicate: rule.predicate, mention: mention, unlessHome: rule.objectNotHome))
                            }
                            // "attended the forum in the Indo-Pacific in Paris", "met X at the Hôtel Matignon in Paris": each
                            // place of a chain of "in"s after the object is where the subject was.
                            for pu in Self.locativeChain(after: ou, units) {
                                for o in entities(pu, objectType) where o != s {
                                    abroad.append(AbroadCandidate(subject: s, object: o, objectCountry: country(of: units[pu].span), sentenceCountries: cities,
                                                                  predicate: rule.predicate, mention: mention))
                                }
                            }
                            continue
                        }
                        if rule.predicate == "visited", s.type == .person {
                            for o in objects where o != s {
                                let c = o.type == .country ? o.label : country(of: units[ou].span)
                                abroad.append(AbroadCandidate(subject: s, object: o, objectCountry: c, sentenceCountries: [], predicate: rule.predicate,
                                                              mention: mention, stated: true))
                            }
                        }
                        // "Turkey became the first state to recognise it": a pronoun object is not the subject itself.
                        if objects == [s], units[ou].spanType == .pronoun, units[ou].spanRole != "country", let span = units[ou].span,
                           let other = resolver.pronoun(span, otherThan: s) {
                            objects = [other]
                        }
                        for o in objects where o != s {
                            if rule.predicate == "visited", !visits.contains(where: { $0.object == o }) { visits.append((o, mention)) }
                            if rule.predicate == "memberOf", !memberships.contains(where: { $0.object == o }) { memberships.append((o, mention, m.anchor)) }
                            Self.addRelation(s, rule.predicate, o, mention, into: &graph)
                        }
                        // "Pakistan buys its oil from Saudi Arabia, while the kingdom imports Pakistani rice": a
                        // description that would make a fact of a party about itself stands for the other party.
                        // So does one in the object's place ("Rwanda exported tea to Qatar and imported fuel from the emirate").
                        func isDescription(_ u: Int) -> Bool { units[u].spanType == .pronoun && units[u].spanRole == "country" }
                        if objects.contains(s), isDescription(su) || isDescription(ou), resolver.parties.count == 2, resolver.parties.contains(s),
                           let other = resolver.parties.first(where: { $0 != s }) {
                            if isDescription(su) { Self.addRelation(other, rule.predicate, s, mention, into: &graph) }
                            else { Self.addRelation(s, rule.predicate, other, mention, into: &graph) }
                        }
                        // "held talks with Phạm Văn Đồng in Geneva": who met where was there; a visit for
                        // each side that is abroad there (`addAbroad`).
                        if rule.predicate == "metWith", s.type == .person, let pu = Self.meetingPlace(m, units),
                           let place = resolver.resolve(units[pu].span!, expected: units[pu].spanType == .name ? .place : nil).first {
                            // A name the gazetteer does not know is placed only by the article ("the Azerbaijani city of
                            // X"), not by the other cities of the sentence.
                            let cities = units[pu].spanType == .name ? [] : sentenceCountries(units)
                            let visit = Mention(date: mention.date, provenance: provenance, rule: "presence.meeting-place", confidence: 0.7)
                            for p in [s] + objects where p.type == .person {
                                abroad.append(AbroadCandidate(subject: p, object: place, objectCountry: country(of: units[pu].span),
                                                              sentenceCountries: cities, predicate: "visited", mention: visit))
                            }
                        }
                    }
                }
            }
            }
        }
    }

    /// Tokens, then entity, title and date spans (dates win over overlapping
    /// names, except people and organizations), then units for the rules.
    func analyze(_ text: String, table: WordTable, contextDate: inout FactDate?, reportDate: inout FactDate?) -> (tokens: [Token], units: [Unit]) {
        let tokens = Tokenizer.tokenize(text)
        var spans = recognizer.recognize(tokens)
        let dateSpans = dates.dates(tokens, context: &contextDate, report: &reportDate)
        spans.removeAll { s in dateSpans.contains { $0.tokens.overlaps(s.tokens) } && s.type != .person && s.type != .organization }
        spans += dateSpans.filter { d in !spans.contains { $0.tokens.overlaps(d.tokens) } }
        var units = makeUnits(tokens, spans, table: table)
        // An untyped name after "<person> of" is where the person is from or what they govern, no person:
        // "Governor Samuel García of Nuevo León".
        // (Not a peer's territorial name: "Lord Ahmad of Wimbledon".)
        for k in units.indices where k >= 2 && units[k].spanType == .name && units[k - 1].word == "of" && units[k - 2].spanType == .person
            && !(units[k - 2].tokens.lowerBound >= 1 && ["Lord", "Lady", "Baron", "Baroness", "Earl", "Viscount"].contains(tokens[units[k - 2].tokens.lowerBound - 1].text)) {
            var span = units[k].span!
            span.type = .place
            units[k] = Unit(units[k], span: span)
        }
        // An untyped name in a list of cities is a city: "Hanoi, Ho Chi Minh City and Điện Biên Phủ".
        var k = 0
        while k < units.count {
            guard units[k].span.map({ $0.type == .city || $0.type == .name }) ?? false else { k += 1; continue }
            var items = [k]
            var j = k + 1
            var conjunction = false
            while j + 1 < units.count, let w = units[j].word, w == "," || w == "and" || w == "or" {
                var next = j + 1
                if next < units.count, units[next].word == "and" || units[next].word == "or" { next += 1 }
                guard next < units.count, let s = units[next].span, s.type == .city || s.type == .name else { break }
                if w != "," || next > j + 1 { conjunction = true }
                items.append(next)
                j = next + 1
            }
            // A list ends with "and" or "or": "in Istanbul, Heydar Aliyev, Georgian President X and Y signed" is none.
            if items.count > 1, conjunction, items.contains(where: { units[$0].spanType == .city }) {
                // "..., India's ambassador in Kathmandu, and Mohan Shumsher Rana, Nepal's prime minister": a name
                // with a title in its apposition is a person.
                func titled(_ i: Int) -> Bool {
                    guard i + 1 < units.count, units[i + 1].word == "," else { return false }
                    return units[(i + 2)..<min(units.count, i + 9)].prefix(while: { $0.word != "," }).contains { $0.spanType == .title }
                }
                for i in items where units[i].spanType == .name && !titled(i) {
                    var span = units[i].span!
                    span.type = .city
                    units[i] = Unit(units[i], span: span)
                }
            }
            k = j
        }
        // "a Bíldudalur-based salmon farmer": a name before "-based" is a city.
        for k in units.indices where k + 2 < units.count && units[k].spanType == .name && units[k + 2].word == "based" {
            guard let dash = units[k + 1].word, dash == "-" || dash == "–", var span = units[k].span else { continue }
            span.type = .city
            units[k] = Unit(units[k], span: span)
        }
        // A news dateline ("LUSAKA — ...") places nothing by itself, but "here" in its sentence is that city.
        // A dateline the gazetteer does not know is a city too ("TUMBES —" reads Tumbes).
        // ("NEW DELHI, Dec. 16 —", "TEHRAN, Jan. 9, 2022 (AP) —": a date and an agency may come before the dash.)
        func datelineDash() -> Bool {
            guard let d = (1..<min(units.count, 12)).first(where: { units[$0].word == "—" || units[$0].word == "–" }) else { return false }
            return d == 1 || (units[1].word == "," && (2..<d).allSatisfy { k in
                units[k].spanType == .date || units[k].spanType == .name || units[k].spanType == .organization
                    || units[k].word.map { w in w.allSatisfy { $0.isNumber || $0.isPunctuation } || w == "," || w == "(" || w == ")" } ?? false
            })
        }
        if units.count > 2, var city = units[0].span, city.type == .city || city.type == .organization || city.type == .name,
           tokens[city.tokens].allSatisfy({ $0.isAllCaps || $0.kind != .word }), datelineDash() {
            if city.type != .city {
                city.type = .city
                city.label = tokens[city.tokens].map { $0.kind == .word ? $0.text.prefix(1) + $0.text.dropFirst().lowercased() : $0.text }.joined(separator: " ")
                city.wikidata = nil
                units[0] = Unit(units[0], span: city)
            }
            for k in units.indices where units[k].word == "here" {
                var span = city
                span.tokens = units[k].tokens
                units[k] = Unit(units[k], span: span)
            }
        }
        return (tokens, units)
    }

    /// Companions share a visit: "X paid a state visit to Y, accompanied by Foreign Minister Z" (also
    /// "in the company of Z"): each person named after the cue visited what the sentence's visits reached.
    func addCompanions(_ visits: [(object: Entity, mention: Mention)], units: [Unit], resolver: inout EntityResolver, into graph: inout KnowledgeGraph) {
        guard !visits.isEmpty else { return }
        for (k, u) in units.enumerated() {
            // ("was accompanied to India by X and Y": past the destination.)
            let accompanied = u.word == "accompanied" && k + 1 < units.count
            let byAt = accompanied ? (k + 1..<min(units.count, k + 5)).first(where: { units[$0].word == "by" }) : nil
            let cue = byAt != nil && (byAt == k + 1 || units[(k + 1)..<byAt!].allSatisfy { $0.word == "to" || $0.flags & UnitFlags.the != 0 || $0.span != nil })
                || (u.word == "company" && k + 1 < units.count && units[k + 1].word == "of" && k > 0 && units[k - 1].word == "the")
            // "flew into Riyadh that morning with Field Marshal X", "travelled to Tripoli with X": "with" right
            // after the place or the time of the journey (not "met with", "talks with").
            let with = u.word == "with" && k > 0 && (units[k - 1].spanType.map { [.city, .country, .place, .date].contains($0) } ?? false
                || units[k - 1].word.map(Self.journeyTimes.contains) ?? false)
                && units[max(0, k - 7)..<k].contains { $0.word.map(Clauses.journeyVerbs.contains) ?? false }
            guard cue || with else { continue }
            var j = with ? k + 1 : (byAt.map { $0 + 1 } ?? k + 2)
            var companions: [Entity] = []
            while j < units.count {
                if let s = units[j].span {
                    if s.type == .person || s.type == .name { companions += resolver.resolve(s, expected: .person) }
                    // "accompanied by ENI's chief executive, X": an owner's name before the companion's role.
                    else if companions.isEmpty, j < k + 4, j + 1 < units.count, units[j + 1].word == "'s" { j += 2; continue }
                    else if s.type != .title && s.type != .demonym { break }
                } else if let w = units[j].word, ![",", "and", "the", "his", "her", "its", "their"].contains(w) {
                    if companions.isEmpty && j < k + 6 { j += 1; continue }  // "accompanied by ENI's chief executive, X"
                    break
                }
                j += 1
            }
            for c in companions {
                let ck = graph.add(entity: c)
                for v in visits {
                    let ok = graph.add(entity: v.object)
                    let m = Mention(date: v.mention.date, provenance: v.mention.provenance, rule: "visit.companion", confidence: 0.7)
                    graph.add(fact: Fact(subject: ck, predicate: "visited", object: .entity(ok), mentions: [m]))
                }
            }
        }
    }

    /// The countries named with a member ("It was admitted to the United Nations on 17 September, together with Latvia
    /// and Lithuania"; "Together with Ukraine, Moldova and Romania, Estonia and Georgia were founding members of ...";
    /// "Georgia co-founded GUAM with Ukraine, Azerbaijan and Moldova") are members too, of the same date.
    /// (Only with the membership's own verb: "having applied together with Finland, it joined NATO" names no fellow member.)
    func addFellowMembers(_ memberships: [(object: Entity, mention: Mention, anchor: Int)], units: [Unit], resolver: inout EntityResolver, into graph: inout KnowledgeGraph) {
        guard !memberships.isEmpty else { return }
        for (k, u) in units.enumerated() {
            guard let w = u.word else { continue }
            let cue = ((w == "together" || w == "along") && k + 1 < units.count && units[k + 1].word == "with") || w == "alongside"
            // ("co-founded GUAM with ...": "with" after a founding verb's object.)
            let founded = w == "with" && k >= 2 && units[max(0, k - 4)..<k].contains { $0.word.map(Self.foundingVerbs.contains) ?? false }
                && units[k - 1].spanType == .organization
            guard cue || founded else { continue }
            var j = w == "alongside" || founded ? k + 1 : k + 2
            var fellows: [Entity] = []
            while j < units.count {
                if units[j].spanType == .country {
                    fellows += resolver.resolve(units[j].span!)
                } else if let x = units[j].word, x == "," || x == "and" || x == "the" {
                } else { break }
                j += 1
            }
            func isVerb(_ j: Int) -> Bool {
                (units[j].isVerbLike || units[j].isCoordinatedVerb) && !Clauses.auxiliaries.contains(units[j].word ?? "")
            }
            for c in fellows where c.type == .country {
                for m in memberships {
                    // The membership's verb is the last verb before the cue, or no verb stands between the cue and it.
                    if m.anchor < k {
                        if let last = (0..<k).last(where: isVerb), last > m.anchor { continue }
                    } else if (k..<m.anchor).contains(where: isVerb) || (max(0, k - 2)..<k).contains(where: isVerb) { continue }
                    let mention = Mention(date: m.mention.date, provenance: m.mention.provenance, rule: "membership.fellow", confidence: 0.75)
                    Self.addRelation(c, "memberOf", m.object, mention, into: &graph)
                }
            }
        }
    }

    static let foundingVerbs: Set<String> = ["founded", "co-founded", "cofounded", "formed", "established", "created", "launched", "set"]

    /// The text the rules read for a sentence: the sentence itself, except that a list item that names missions and
    /// not their country ("=== American missions in Canada ===", then "- Consulates general in Calgary, ...") reads
    /// with the heading's country: "United States has consulates general in Calgary, ...". The evidence stays the
    /// sentence as written.
    /// So does a list item that opens with an organization and a colon and tells who belongs to it ("- African Union:
    /// Ghana and Togo are members."): "Ghana and Togo are members of African Union."
    public func readingText(of s: Sentence, in article: Article) -> String {
        if let item = colonItem(s.text) {
            if let organization = membershipItem(item) { return organization }
            if let office = officeItem(item) { return office }
            if let missions = missionsItem(item) { return missions }
        }
        guard Self.missionItemStarts.contains(where: { s.text.hasPrefix($0) }),
              let sender = sender(ofHeading: article.sections[s.section].title) else { return s.text }
        return sender + " has " + s.text.prefix(1).lowercased() + s.text.dropFirst()
    }

    /// "Economic Community of West African States (ECOWAS): Ghana and Togo joined as founding members on 28 May 1975."
    /// reads "Ghana and Togo joined as founding members of Economic Community of West African States (ECOWAS) on 28 May
    /// 1975."; "Commonwealth of Nations: Ghana has been a member since 1957; Togo joined on 25 June 2022." reads "Ghana
    /// has been a member of Commonwealth of Nations since 1957; Togo joined Commonwealth of Nations on 25 June 2022.".
    func membershipItem(_ item: ColonItem) -> String? {
        guard item.opener?.type == .organization else { return nil }
        let head = item.head, rest = item.rest
        var changed = false
        // "both countries since 1989", "Afghanistan since 19 November 1946, Pakistan since 30 September 1947",
        // "Indonesia only": members named before "since", "only" or "from", with no verb.
        // ("- SADC – Botswana and Namibia, both founding members (1992)", "- ASEAN – Malaysia a founding member (1967)",
        // "- African Union and United Nations – both countries": also a list with no verb, or before "a founding member".)
        func members(_ part: Substring) -> String? {
            let words = part.split(separator: " ").map(String.init)
            let memberAt = words.firstIndex { ["member", "members"].contains($0.lowercased().trimmingCharacters(in: [".", ","])) }
            var k = words.firstIndex(where: { ["since", "only", "only.", "from"].contains($0) }) ?? memberAt ?? words.count
            if let m = memberAt, m == k {
                while k > 0, ["a", "both", "founding", "full", "original", "the"].contains(words[k - 1].lowercased()) { k -= 1 }
            }
            guard k >= 1 else { return nil }
            let list = words[..<k].map { $0.trimmingCharacters(in: [".", ","]) }
            let lower = list.map { $0.lowercased() }
            let plural: Bool
            if lower == ["both", "countries"] || lower == ["all", "three"] || lower == ["both", "states"] { plural = true }
            else {
                guard list.allSatisfy({ $0 == "and" || $0 == "the" || $0.first?.isUppercase == true }) else { return nil }
                let spans = recognizer.recognize(Tokenizer.tokenize(list.joined(separator: " ")))
                guard !spans.isEmpty, spans.allSatisfy({ $0.type == .country }) else { return nil }
                plural = spans.count > 1
            }
            let tail = memberAt.map { m in words[(m + 1)...].joined(separator: " ") } ?? words[k...].joined(separator: " ")
            return list.joined(separator: " ") + (plural ? " are members of " : " is a member of ") + head + " " + tail
        }
        let clauses = rest.split(separator: ";", omittingEmptySubsequences: false).map { clause -> String in
            let parts = clause.split(separator: ",", omittingEmptySubsequences: false)
            if let first = members(parts[0]) {
                changed = true
                // Further members after commas: "A since 1946, B since 1947".
                // (Each member's clause of its own, for its own date.)
                var out = " " + first
                for p in parts.dropFirst() { out += members(p).map { ";" + $0 } ?? "," + p }
                return out
            }
            var words = clause.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            if let k = words.firstIndex(where: { ["member", "members"].contains($0.lowercased().trimmingCharacters(in: ["."])) }),
               k + 1 >= words.count || words[k + 1] != "of" {
                let dot = words[k].hasSuffix(".")
                words[k] = (dot ? String(words[k].dropLast()) : words[k]) + " of " + head + (dot ? "." : "")
                changed = true
            } else if let k = words.firstIndex(where: { ["joined", "rejoined", "joins"].contains($0.lowercased()) }),
                      k + 1 < words.count, !(words[k + 1].first?.isUppercase ?? false), words[k + 1] != "the" {
                words[k] += " " + head
                changed = true
            }
            return words.joined(separator: " ")
        }
        // ("both founding members (1992)": a year in brackets dates the membership.)
        return changed ? clauses.joined(separator: ";").replacingOccurrences(of: #"\((\d{4})\)"#, with: "in $1", options: .regularExpression) : nil
    }

    /// "- Brunei: High Commission, Kuala Lumpur; Consulates-General, Kota Kinabalu and Kuching" reads "Brunei has high
    /// commission in Kuala Lumpur; Brunei has consulates-general in Kota Kinabalu and Kuching": a fact sheet's missions of
    /// a country, each kind before a comma and its cities.
    func missionsItem(_ item: ColonItem) -> String? {
        guard item.opener?.type == .country, item.opener?.tokens.upperBound == item.headTokens else { return nil }
        var out: [String] = []
        for part in item.rest.split(separator: ";") {
            guard let comma = part.firstIndex(of: ",") else { return nil }
            let kind = part[..<comma].trimmingCharacters(in: .whitespaces).lowercased()
            guard Self.missionKinds.contains(where: { kind == $0 || kind == "honorary " + $0 }) else { return nil }
            let cities = part[part.index(after: comma)...].replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression)
            out.append(item.head + " has " + kind + " in" + cities)
        }
        return out.isEmpty ? nil : out.joined(separator: ";")
    }

    static let missionKinds = ["embassy", "high commission", "consulate", "consulates", "consulate-general", "consulates-general",
                               "consulate general", "consulates general", "honorary consulate", "honorary consulates"]

    /// "Ambassador of Pakistan in Kabul: Ubaid-ur-Rehman Nizamani, ..." reads "Ambassador of Pakistan in Kabul,
    /// Ubaid-ur-Rehman Nizamani, ...": an office before a colon, and its holder after it.
    func officeItem(_ item: ColonItem) -> String? {
        guard item.opener?.type == .title, item.rest.first == " ", item.rest.dropFirst().first?.isUppercase == true else { return nil }
        return item.head + "," + item.rest
    }

    /// A list item's head before a colon or a spaced dash (within its first 90 characters), what follows it, the span
    /// that opens the head and how many tokens the head has: read once for `membershipItem`, `officeItem` and
    /// `missionsItem`.
    struct ColonItem {
        let head: String
        let rest: Substring
        let opener: EntitySpan?
        let headTokens: Int
    }

    func colonItem(_ text: String) -> ColonItem? {
        // (A dash between spaces stands for the colon: "SADC – Botswana and Namibia, both founding members".)
        let separator = text.firstIndex(of: ":") ?? Self.spacedDash(in: text)
        guard let colon = separator, text.distance(from: text.startIndex, to: colon) <= 90 else { return nil }
        let head = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        let tokens = Tokenizer.tokenize(head)
        let first = recognizer.recognize(tokens).first
        return ColonItem(head: head, rest: text[text.index(after: colon)...], opener: first?.tokens.lowerBound == 0 ? first : nil,
                         headTokens: tokens.count)
    }

    /// The first en or em dash with a space on each side ("SADC – Botswana"), within 90 characters.
    static func spacedDash(in text: String) -> String.Index? {
        let scalars = text.unicodeScalars
        var previous: Unicode.Scalar = "x"
        var count = 0
        for i in scalars.indices {
            let c = scalars[i]
            if count > 90 { return nil }
            if (c == "\u{2013}" || c == "\u{2014}"), previous == " " {
                let next = scalars.index(after: i)
                if next < scalars.endIndex, scalars[next] == " " { return i }
            }
            previous = c
            count += 1
        }
        return nil
    }

    /// How a list item of missions without their country starts.
    static let missionItemStarts = ["Consulate ", "Consulates ", "Consulate-General ", "Consulate-general ", "Consulates-General ", "Consulates-general ",
                                    "Honorary consulate", "Honorary consulates", "Embassy in ", "High Commission in "]

    /// The country a heading names as the one whose missions follow: "American missions in Canada", "Missions of
    /// Canada in the United States", "Canadian diplomatic missions" (its first country or demonym).
    func sender(ofHeading heading: String) -> String? {
        let lower = heading.lowercased()
        guard ["mission", "embass", "consulat", "representation"].contains(where: lower.contains) else { return nil }
        let spans = recognizer.recognize(Tokenizer.tokenize(heading))
        return spans.first(where: { $0.type == .country || $0.type == .demonym })?.label
    }

    /// Nouns of ways between places.
    static let routeNouns: Set<String> = ["bridge", "border", "crossing", "road", "railway", "rail", "line", "flights", "route", "highway", "pipeline", "ferry", "corridor", "link", "tunnel"]

    static let journeyTimes: Set<String> = ["morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year"]

    /// The places that follow unit `u` each after "in" or "at" ("the forum in the Indo-Pacific in Paris").
    static func locativeChain(after u: Int, _ units: [Unit]) -> [Int] {
        var out: [Int] = []
        var k = u + 1
        while k + 1 < units.count, let w = units[k].word, w == "in" || w == "at" {
            var j = k + 1
            if units[j].flags & UnitFlags.the != 0 { j += 1 }
            guard j < units.count, let t = units[j].spanType, t == .city || t == .place || t == .country || t == .name,
                  !(j + 1 < units.count && units[j + 1].word == "'s") else { break }
            out.append(j)
            k = j + 1
        }
        return out
    }

    /// Where a meeting took place: "in" or "at" a city or place after the match, in its clause
    /// ("met al-Sarraj in Palermo", "held talks with Putin in the Kremlin"), else "In <city>" opening
    /// the sentence before it ("In Geneva in July 1954 ... held talks with ..."). A name there is a place.
    static func meetingPlace(_ m: RuleMatch, _ units: [Unit]) -> Int? {
        func placeAfter(_ k: Int) -> Int? {
            guard let w = units[k].word, w == "in" || w == "at" || w == "on" else { return nil }
            var j = k + 1
            if j < units.count, units[j].flags & UnitFlags.the != 0 { j += 1 }
            guard j < units.count, let t = units[j].spanType, t == .place || (w != "on" && (t == .city || t == .name)) else { return nil }
            // ("in Abe's home town": a possessor is not the place; "at Madrid's Royal Palace": the city's place is.)
            if j + 1 < units.count, units[j + 1].word == "'s" {
                return t == .city && j + 2 < units.count && units[j + 2].spanType == .place ? j + 2 : nil
            }
            return j
        }
        // Inside the match, after its trigger: "X was received at Malacañang Palace by Y".
        for k in m.anchor..<max(m.anchor, m.last) where units[k].word != "on" {
            if let j = placeAfter(k), j < m.last { return j }
        }
        var k = m.last + 1
        while k < units.count, k <= m.last + 8, units[k].flags & UnitFlags.breaker == 0 {
            // "met with the Prime Minister of Iceland, Katrín Jakobsdóttir, in Reykjavík": a comma before "in" or "at".
            if units[k].word == ",", !(k + 1 < units.count && (units[k + 1].word == "in" || units[k + 1].word == "at")) { break }
            // "held talks with X and announced a zone at Chambishi": another verb's place.
            if units[k].word == "and", k + 1 < units.count, units[k + 1].isVerbLike || units[k + 1].isCoordinatedVerb { break }
            if let j = placeAfter(k) { return j }
            k += 1
        }
        if !units.isEmpty, let j = placeAfter(0), j < m.first { return j }
        // "... at the summit in Santo Domingo on 7 March 2008, where Uribe and Correa shook hands": the place before "where".
        if let w = (max(0, m.first - 4)..<m.first).last(where: { units[$0].word == "where" }) {
            for j in stride(from: w - 1, through: max(0, w - 8), by: -1) {
                // (Not a journey's destination: "X travelled to Moscow, where he and Y signed ..." tells Y's home.)
                if let t = units[j].spanType, t == .city || t == .place {
                    let journey = j >= 2 && (units[j - 1].word == "to" || units[j - 1].word == "in") && (units[j - 2].word.map(Clauses.journeyVerbs.contains) ?? false)
                    return journey ? nil : j
                }
                if units[j].word == ";" { break }
            }
        }
        return nil
    }

    /// The countries a sentence's cities are in, and the countries it names as a journey's destination ("made a state
    /// visit to Jamaica ..., in the course of which she was received at King's House"): where a place of no known country
    /// is taken to be.
    func sentenceCountries(_ units: [Unit]) -> [String] {
        var out = units.compactMap { $0.spanType == .city ? country(of: $0.span) : nil }
        for (k, u) in units.enumerated() where u.spanType == .country && k >= 2 && units[k - 1].word == "to" {
            if (max(0, k - 5)..<(k - 1)).contains(where: { units[$0].word.map { Self.destinationCues.contains($0) } ?? false }), let c = u.span?.label { out.append(c) }
        }
        return out
    }

    static let destinationCues: Set<String> = ["visit", "visits", "trip", "tour", "travelled", "traveled", "flew", "went", "came", "returned", "journey"]

    /// A country span's label, a city span's country from the gazetteer, or the country a place is named for.
    func country(of span: EntitySpan?) -> String? {
        guard let span else { return nil }
        if span.type == .country { return span.label }
        if span.type == .city, let code = span.countryCode { return recognizer.gazetteer.countriesByCode[code]?.label }
        // "the Palace of Serbia": a place named for its country.
        if span.type == .place, let of = span.label.range(of: " of ", options: .backwards),
           let c = recognizer.gazetteer.countriesByLabel[String(span.label[of.upperBound...])] {
            return c.label
        }
        return nil
    }

    /// Adds the `object: abroad` facts whose object lies outside the subject's own country, now that
    /// the article's nationalities are known: a country, or a city's country, differs from every
    /// nationality of the subject; a place of no known country counts when every city the sentence
    /// names is abroad. A subject of unknown nationality gives nothing.
    func addAbroad(_ candidates: [AbroadCandidate], sides: [EntityKey: String], into graph: inout KnowledgeGraph) {
        // Where each person's journeys went, in text order: "Abbott arrived in Seoul on 7 April ... On 8 April he held
        // talks with President Park at the Blue House" (a place of no known country, in the country of the journey).
        // (Of the same time: the same month, or one date within the other's, "2014" and "8 April 2014".)
        var journeys: [EntityKey: [(start: Int, date: String, country: String)]] = [:]
        for c in candidates where c.predicate == "visited" {
            if let country = c.objectCountry, let date = c.mention.date?.description {
                journeys[c.subject.key, default: []].append((c.mention.provenance.start, date, country))
            }
        }
        func journeyCountry(_ c: AbroadCandidate) -> String? {
            guard let date = c.mention.date?.description else { return nil }
            let at = c.mention.provenance.start
            return journeys[c.subject.key]?.filter {
                $0.start <= at && $0.start >= at - Self.journeyReach && (date.prefix(7).hasPrefix($0.date.prefix(7)) || $0.date.prefix(7).hasPrefix(date.prefix(7)))
            }.max { $0.start < $1.start }?.country
        }
        for c in candidates where !c.stated {
            var own = Self.nationalities(c.subject.key, graph)
            if own.isEmpty, let side = sides[c.subject.key] { own = [side] }
            if own.isEmpty, c.unlessHome {
                Self.addRelation(c.subject, c.predicate, c.object, c.mention, into: &graph)
                continue
            }
            guard !own.isEmpty else { continue }
            let isAbroad: Bool
            // A place of no gazetteer country: the country the article puts it in ("the Azerbaijani city of Shusha").
            let placedIn = Self.country(placing: c.object.key, graph)
            if let country = c.objectCountry ?? placedIn { isAbroad = !own.contains(country) }
            else if c.object.type == .place, !c.sentenceCountries.isEmpty { isAbroad = c.sentenceCountries.allSatisfy { !own.contains($0) } }
            else if c.object.type == .place || c.object.type == .city, let journey = journeyCountry(c) { isAbroad = !own.contains(journey) }
            else { isAbroad = c.unlessHome }
            guard isAbroad else { continue }
            // An envoy at work in the country he is accredited to lives there: presenting credentials or signing in
            // the host capital is no visit.
            let hosts = c.predicate != "visited" ? [] : Set(graph.objects(of: c.subject.key, "envoyTo").compactMap { o -> String? in
                if case .entity(let k) = o { return graph.entities[k]?.label } else { return nil }
            })
            if !hosts.isEmpty {
                if let country = c.objectCountry ?? placedIn, hosts.contains(country) { continue }
                if c.objectCountry == nil, placedIn == nil, !c.sentenceCountries.isEmpty, c.sentenceCountries.allSatisfy(hosts.contains) { continue }
            }
            Self.addRelation(c.subject, c.predicate, c.object, c.mention, into: &graph)
        }
    }

    /// How far back (in characters) a person's last journey places them.
    static let journeyReach = 700

    /// The country a `locatedIn` fact puts a place in.
    static func country(placing key: EntityKey, _ graph: KnowledgeGraph) -> String? {
        for o in graph.objects(of: key, "locatedIn") {
            if case .entity(let k) = o, let e = graph.entities[k], e.type == .country { return e.label }
        }
        return nil
    }

    /// Adds the deferred facts of rules whose people stand for their countries, now that every
    /// nationality and side is known; a person of neither gives nothing.
    func addSided(_ candidates: [SideCandidate], sides: [EntityKey: String], parties: [Entity], into graph: inout KnowledgeGraph) {
        func countries(_ es: [Entity], _ asCountry: Bool) -> [Entity] {
            guard asCountry else { return es }
            return es.flatMap { e -> [Entity] in
                guard e.type == .person else { return [e] }
                let own = Self.nationalityEntities(of: e.key, graph)
                if !own.isEmpty { return own }
                guard let side = sides[e.key], let c = parties.first(where: { $0.label == side }) else { return [] }
                return [c]
            }
        }
        for c in candidates {
            for s in countries(c.subjects, c.subjectAs) {
                for o in countries(c.objects, c.objectAs) where o != s {
                    Self.addRelation(s, c.predicate, o, c.mention, into: &graph)
                }
            }
        }
    }

    /// Adds the fact `s predicate o` with its entities, a symmetric predicate stored once whichever way round.
    static func addRelation(_ s: Entity, _ predicate: String, _ o: Entity, _ mention: Mention, into graph: inout KnowledgeGraph) {
        var a = s, b = o
        if symmetric.contains(predicate), b.key < a.key { swap(&a, &b) }
        let sk = graph.add(entity: a), ok = graph.add(entity: b)
        graph.add(fact: Fact(subject: sk, predicate: predicate, object: .entity(ok), mentions: [mention]))
    }

    /// The countries of a person's `nationality` facts so far.
    static func nationalityEntities(of key: EntityKey, _ graph: KnowledgeGraph) -> [Entity] {
        graph.objects(of: key, "nationality").compactMap { o in
            if case .entity(let k) = o { return graph.entities[k] } else { return nil }
        }
    }

    static func nationalities(_ key: EntityKey, _ graph: KnowledgeGraph) -> Set<String> {
        Set(nationalityEntities(of: key, graph).map(\.label))
    }

    /// The side, one of the article's two parties, of each person of no nationality fact, for the
    /// `object: abroad` test and for people standing for their countries: who visited one party
    /// (a stated visit) is from the other; then who met someone of a known side, and of one side
    /// only, is from the other party (bilateral meetings), in two rounds, each from the state before it.
    func partySides(_ candidates: [AbroadCandidate], parties: [Entity], graph: KnowledgeGraph) -> [EntityKey: String] {
        let partyNames = parties.map(\.label)
        guard partyNames.count == 2 else { return [:] }
        var from: [EntityKey: Set<String>] = [:]
        for c in candidates where c.stated {
            guard let visited = c.objectCountry, let i = partyNames.firstIndex(of: visited) else { continue }
            from[c.subject.key, default: []].insert(partyNames[1 - i])
        }
        var partners: [EntityKey: Set<EntityKey>] = [:]
        for (key, e) in graph.entities where e.type == .person {
            for case .entity(let o) in graph.objects(of: key, "metWith") {
                partners[key, default: []].insert(o)
                partners[o, default: []].insert(key)
            }
        }
        func side(_ key: EntityKey) -> String? {
            let own = Self.nationalities(key, graph)
            if !own.isEmpty { return own.count == 1 && partyNames.contains(own.first!) ? own.first : nil }
            if let f = from[key], f.count == 1 { return f.first }
            return nil
        }
        for _ in 0..<2 {
            var inferred: [EntityKey: Set<String>] = [:]
            for (key, ps) in partners where side(key) == nil && Self.nationalities(key, graph).isEmpty && from[key] == nil {
                let sides = Set(ps.compactMap(side))
                guard sides.count == 1, let i = partyNames.firstIndex(of: sides.first!) else { continue }
                inferred[key] = [partyNames[1 - i]]
            }
            if inferred.isEmpty { break }
            from.merge(inferred) { old, _ in old }
        }
        var out: [EntityKey: String] = [:]
        for (key, f) in from where f.count == 1 && Self.nationalities(key, graph).isEmpty { out[key] = f.first! }
        return out
    }

    static let placePrepositions: Set<String> = ["in", "at", "to", "into", "from", "near", "across", "-", "towards", "via"]

    /// Whether the unit at `k` is a person named as the possessor of someone else ("met Srettha's
    /// successor, Paetongtarn Shinawatra"): not a party to the event.
    static func isPossessor(_ k: Int, _ units: [Unit]) -> Bool {
        guard let t = units[k].spanType, t == .person || t == .name, k + 2 < units.count, units[k + 1].word == "'s",
              let w = units[k + 2].word else { return false }
        // ("Telč's sister cities are ...": a town's, not a person's sister.)
        if k + 3 < units.count, let next = units[k + 3].word, ["city", "cities", "town", "towns"].contains(next) { return false }
        return Clauses.relationNouns.contains(w)
    }

    /// Conjunctions that join two clauses with their own subjects ("X exported ..., while it imported ...").
    static let clauseJoiners: Set<String> = ["while", "whereas", "and", "but", "although", "though"]

    /// Whether the unit at `k` is the complement of "of" ("the summit of [the] X").
    static func isOfComplement(_ k: Int, _ units: [Unit]) -> Bool {
        var j = k - 1
        if j >= 0, units[j].flags & UnitFlags.the != 0 { j -= 1 }
        return j >= 0 && units[j].word == "of"
    }

    /// Whether the title at `k` is followed by the name it belongs to ("Prime Minister of Spain Pedro Sánchez").
    static func titleHasItsOwnName(_ k: Int, _ units: [Unit]) -> Bool {
        var j = k + 1
        if j + 1 < units.count, let w = units[j].word, w == "of" || w == "to" || w == "in", units[j + 1].span != nil { j += 2 }
        if j < units.count, units[j].word == "," { j += 1 }
        // "..., the King and Queen Rania": a title joined to another that has a name.
        if j + 1 < units.count, units[j].word == "and", units[j + 1].spanType == .title { return titleHasItsOwnName(j + 1, units) }
        guard j < units.count, let s = units[j].span else { return false }
        return s.type == .person || s.type == .name
    }

    /// A second title joined to the phrase of the title at `t` ("high commissioner to the United Kingdom and
    /// ambassador to Norway"), unless it has a name of its own ("the ambassador and President X").
    static func coordinatedTitle(after t: Int, _ units: [Unit]) -> Int? {
        var j = titlePhraseParts(at: t, units).end
        guard j + 1 < units.count, units[j].word == "and" else { return nil }
        j += 1
        if units[j].flags & UnitFlags.the != 0 || units[j].word == "a" || units[j].word == "an" { j += 1 }
        guard j < units.count, units[j].spanType == .title, !titleHasItsOwnName(j, units) else { return nil }
        return j
    }

    /// The parts of a title's phrase that tell of its holder: the country it is of ("the first Norwegian ambassador",
    /// "Kenya's high commissioner", "Ambassador of Peru"), where it is held ("to Bolivia", "in Nairobi", "at The
    /// Hague") and the unit after the phrase.
    static func titlePhraseParts(at t: Int, _ units: [Unit]) -> (country: Int?, destination: Int?, end: Int) {
        var country: Int?
        var b = t - 1
        while b >= 0, let w = units[b].word, titlePhraseModifiers.contains(w) { b -= 1 }
        if b >= 0, units[b].spanType == .demonym { country = b }
        else if b >= 1, units[b].word == "'s", units[b - 1].spanType == .country { country = b - 1 }
        var e = t + 1
        func the(_ j: Int) -> Int { j < units.count && units[j].flags & UnitFlags.the != 0 ? j + 1 : j }
        if e + 1 < units.count, units[e].word == "of", units[the(e + 1)].spanType == .country {
            // ("of Kenya's" is a possessor; "of the Jamaica Defence Force" an organization's name.)
            let c = the(e + 1)
            guard c + 1 >= units.count || units[c + 1].span != nil || units[c + 1].word.map(titlePhraseEnds.contains) == true else { return (country, nil, e) }
            country = country ?? c
            e = c + 1
        }
        // ("minister resident at The Hague", "envoy extraordinary to Y": a rank's word after the title.)
        if e + 1 < units.count, let r = units[e].word, EntityRecognizer.diplomaticRanks.contains(r) { e += 1 }
        guard e + 1 < units.count, let w = units[e].word, w == "to" || w == "in" || w == "at" else { return (country, nil, e) }
        let d = the(e + 1)
        // ("ambassador to Tokyo": a capital for its country.)
        guard d < units.count, let type = units[d].spanType,
              w == "at" ? type == .city : type == .country || type == .city || (w == "to" && type == .organization),
              d + 1 >= units.count || units[d + 1].word != "'s" else { return (country, nil, e) }
        return (country, d, d + 1)
    }

    /// Words that may follow "<title> of <Country>" when the country is the title's.
    static let titlePhraseEnds: Set<String> = [",", ".", ";", ":", "(", ")", "to", "in", "and", "from", "since", "until", "at", "for", "who", "during", "when", "between", "on", "–", "—"]

    /// Words between a title and the demonym or possessor before it: "Norway's current ambassador".
    static let titlePhraseModifiers: Set<String> = ["first", "new", "current", "former", "then", "last", "next", "resident", "acting", "interim", "incoming", "outgoing", "second"]

    /// The article's party named in this sentence that is not the person's own
    /// country (by an extracted nationality); nothing when that is not exactly one.
    func hostParty(for person: Entity, units: [Unit], resolver: EntityResolver, graph: KnowledgeGraph) -> [Entity] {
        let own = Set(graph.objects(of: person.key, "nationality").compactMap { o -> EntityKey? in
            if case .entity(let k) = o { return k } else { return nil }
        })
        // The parties named in the sentence, also through a city of theirs ("held talks in Hanoi").
        let named = Set(units.compactMap { u -> String? in
            guard let s = u.span else { return nil }
            if s.type == .country || s.type == .demonym { return s.label }
            return s.type == .city ? country(of: s) : nil
        })
        let candidates = resolver.parties.filter { named.contains($0.label) && !own.contains($0.key) }
        // A sentence that names neither party ("Zhou Enlai returned the visit that December"): the party that is not
        // the person's own.
        // (Naming only the person's own party is naming neither: "Chinese Premier Zhou Enlai returned the visit".)
        if candidates.isEmpty, resolver.parties.count == 2, resolver.parties.filter({ own.contains($0.key) }).count == 1,
           !resolver.parties.contains(where: { named.contains($0.label) && !own.contains($0.key) }) {
            return resolver.parties.filter { !own.contains($0.key) }
        }
        return candidates.count == 1 ? candidates : []
    }

    /// Whether the subject `su` of a match is a preposition's object followed by the match's "as" ("to President Duda
    /// as German Ambassador").
    static func asRoleOfAnother(_ su: Int, _ m: RuleMatch, _ units: [Unit]) -> Bool {
        guard su + 1 < units.count, units[su + 1].word == "as", (su + 1...max(su + 1, m.last)).contains(where: { m.objects.contains($0) || units[$0].spanType == .title }) else { return false }
        var j = su - 1
        while j >= 0, units[j].spanType == .title || units[j].spanType == .demonym { j -= 1 }
        guard j >= 0, let w = units[j].word else { return false }
        // ("with X as Prime Minister" does give X the title; so does "succeeds X as ambassador": X held it before.)
        return ["to", "by", "from", "on", "for"].contains(w)
    }

    /// Whether unit `k` is a preposition's or a verb's object ("to Qatar", "with the Netherlands",
    /// "recognised the Soviet Union").
    static func isComplement(_ k: Int, _ units: [Unit]) -> Bool {
        var j = k - 1
        // Past a determiner and up to two plain words before the name ("for the tenth Leaders' Retreat").
        while j >= 0, k - j <= 3 {
            if units[j].spanType == .title || units[j].spanType == .demonym { j -= 1; continue }  // "received by King Paul and"
            guard let w = units[j].word, units[j].flags & UnitFlags.the != 0
                || (!units[j].isPreposition && !units[j].isVerbLike && !units[j].isCoordinatedVerb && w != "," && w != "and" && w != "or"
                    && w.first?.isLetter == true) else { break }
            j -= 1
        }
        return j >= 0 && (units[j].isPreposition || units[j].isVerbLike)
    }

    static let tradeStops: Set<String> = ["suspended", "suspends", "banned", "bans", "halted", "halts", "stopped", "stops", "blocked", "barred", "restricted", "curbed"]

    static let factiveBeforeTo: Set<String> = ["helped", "helps", "help", "managed", "manages", "on"]

    /// A negation, modal or infinitive between the subject and the trigger blocks an event.
    /// "to" blocks only as an infinitive marker right before the trigger ("hoped to visit"),
    /// not as a preposition ("returned to Jordan and toured the camp").
    func isBlocked(_ m: RuleMatch, _ units: [Unit]) -> Bool {
        let subjectBefore = m.subjects.filter { $0 < m.anchor }.max() ?? (m.anchor - 2)
        let from = max(0, max(subjectBefore + 1, m.anchor - 3))
        guard from < m.anchor else { return false }
        return (from..<m.anchor).contains { k in
            guard let w = units[k].word, Self.blockers.contains(w) else { return false }
            if w == "to" {
                // "to visit", "to have visited", "to officially open": an infinitive; "wrote to his Angolan
                // counterpart": a preposition before a noun phrase.
                if units[m.anchor].span != nil || (units[m.anchor].word.map(Clauses.determiners.contains) ?? false) { return false }
                // "returned to office", "came to power": nouns, not infinitives.
                if let a = units[m.anchor].word, ["office", "power", "the", "throne"].contains(a) { return false }
                // "helped to found", "went on to sign": the infinitive happened.
                if k >= 1, let before = units[k - 1].word, Self.factiveBeforeTo.contains(before) { return false }
                // "travelled to Beijing to sign it with Chen Yi": the purpose of a journey that took place.
                if k >= 2, (max(0, k - 5)..<(k - 1)).contains(where: { units[$0].word.map(Clauses.journeyVerbs.contains) ?? false }),
                   units[k - 1].spanType == .city || units[k - 1].spanType == .country { return false }
                // "became the first state to recognise it", "among the first countries to recognise X".
                if k >= 2, let noun = units[k - 1].word, ["country", "countries", "state", "states", "nation", "nations"].contains(noun),
                   units[k - 2].word == "first" { return false }
                // "was the first president to visit", "became one of the (first) foreign leaders to be received": the
                // first, last or only one, or one of several, to do it did it.
                if (max(0, k - 6)..<k).contains(where: { j in
                    guard let w = units[j].word else { return false }
                    return w == "first" || w == "last" || w == "only" || (w == "one" && j + 1 < k && units[j + 1].word == "of")
                }) { return false }
                return (k + 1..<m.anchor).allSatisfy { units[$0].isModifier || (units[$0].word.map { ["have", "be", "been"].contains($0) } ?? false) }
            }
            return true
        }
    }

    /// The dates of a match: the one `dateFor` picks, and each date the text adds with
    /// "again" ("visited Hanoi in April 2013 and again in March 2018"): one mention each.
    func datesFor(_ m: RuleMatch, _ units: [Unit], _ context: DateContext) -> [FactDate?] {
        let first = dateFor(m, units, context)
        guard first != nil else { return [nil] }
        var out: [FactDate?] = [first]
        for (k, u) in units.enumerated() where k > m.anchor {
            guard let d = u.span?.date, d != first, (max(0, k - 3)..<k).contains(where: { units[$0].word == "again" }) else { continue }
            out.append(d)
        }
        // "Further treaties signed by Siam and France in 1904 and 1907": dates joined by "and" (not "between 1990 and
        // 1995", not "in 1998 and 2000 respectively") each date the event.
        if let k = context.dates.first(where: { units[$0].span?.date == first }), k > 0, units[k - 1].word != "between" {
            var j = k
            while j + 2 < units.count, units[j + 1].word == "and" || units[j + 1].word == ",", let d = units[j + 2].span?.date {
                if !out.contains(d) { out.append(d) }
                j += 2
            }
            if j > k, j + 1 < units.count, units[j + 1].word == "respectively" { return [first] }
        }
        return out
    }

    /// What dating a match needs to know of its sentence, computed once per sentence.
    struct DateContext {
        /// For each unit, the id of the parenthesis or relative clause it is in (0: none).
        var enclosure: [Int]
        var parenthesized: Set<Int>
        /// The relative clauses with a named subject of their own ("which Morocco rejoined"), and that subject's unit.
        var ownSubject: [Int: Int] = [:]
        /// For each unit, its clause number (`clauses`).
        var clause: [Int]
        /// Whether each unit is in the core view (outside asides and appositions).
        var inCore: [Bool]
        /// The units that are dates, and not offset dates.
        var dates: [Int]
        /// The dates another date of the sentence refines (same year, then a month or a day):
        /// "2015 – X attends the funeral of Y in Singapore on 29 March" dates by the day.
        var refined: Set<Int> = []

        init(_ units: [Unit], core: Clauses.View) {
            enclosure = [Int](repeating: 0, count: units.count)
            parenthesized = []
            var id = 0
            var open: Int? = nil
            var relative: Int? = nil
            for (k, u) in units.enumerated() {
                if u.word == "(" { id += 1; open = id; parenthesized.insert(id) }
                if let w = u.word, Pipeline.relativeWords.contains(w), open == nil {
                    id += 1
                    relative = id
                    // "..., which Cameroon joined in November 1995, ...": a relative clause with a subject of its own.
                    var j = k + 1
                    if j < units.count, units[j].flags & UnitFlags.the != 0 { j += 1 }
                    if w == "which" || w == "whom", j < units.count, let t = units[j].spanType,
                       t == .country || t == .person || t == .name || t == .organization { ownSubject[id] = j }
                }
                if u.word == "," || u.word == ";" { relative = nil }
                enclosure[k] = open ?? relative ?? 0
                if u.word == ")" { open = nil }
            }
            dates = units.indices.filter { units[$0].span?.date != nil && !Pipeline.isOffsetDate($0, units) && !Pipeline.isRestated($0, units) }
            // "COLOMBO, April 5 — X ... on Saturday, April 5, 2025": a dateline's date gives way to the report's own
            // statement of the same day (whose year it may have guessed wrong).
            if let dash = units.prefix(8).firstIndex(where: { $0.word == "—" }), units.count > 2, units[1].word == ",",
               let place = units[0].spanType, place == .city || place == .name || place == .place {
                let later = dates.filter { $0 > dash }.compactMap { units[$0].span?.date }
                dates.removeAll { k in
                    guard k < dash, let d = units[k].span?.date, d.day != nil else { return false }
                    return later.contains { $0.month == d.month && $0.day == d.day && $0.year != d.year }
                }
            }
            for k in dates {
                let d = units[k].span!.date!
                if dates.contains(where: { j in
                    let e = units[j].span!.date!
                    return e.year == d.year && Pipeline.fineness(e) < Pipeline.fineness(d) && (d.month == nil || d.month == e.month)
                }) { refined.insert(k) }
            }
            if dates.isEmpty {
                clause = []
                inCore = []
            } else {
                clause = Pipeline.clauses(units)
                inCore = [Bool](repeating: false, count: units.count)
                for k in core.map { inCore[k] = true }
            }
        }
    }

    /// 0 for a day, 1 for a month, 2 for a year.
    static func fineness(_ f: FactDate) -> Int { f.day != nil ? 0 : f.month != nil ? 1 : 2 }

    /// The date nearest the trigger, leaving out dates in parentheses or in a
    /// relative clause ("which ...") that does not contain the trigger.
    func dateFor(_ m: RuleMatch, _ units: [Unit], _ context: DateContext) -> FactDate? {
        let enclosure = context.enclosure, parenthesized = context.parenthesized
        let anchorEnclosure = enclosure[m.anchor]
        // The clause that holds the trigger, and the words outside asides and appositions (the core
        // view): a date there wins over a nearer one elsewhere ("Julia Gillard met O'Neill on 10 May
        // 2013, and Tony Abbott toured Lae in March 2014"; "X, the first ... since 1975, travelled").
        let clause = context.clause, inCore = context.inCore
        var best: (rank: Int, distance: Int, date: FactDate)? = nil
        var fallback: (distance: Int, date: FactDate)? = nil
        // "Mauritania is a member of the African Union, which Morocco rejoined in January 2017": the relative clause
        // tells of another party's event, not of the match's named subject.
        func otherSubject(_ id: Int) -> Bool {
            guard let u = context.ownSubject[id], let label = units[u].span?.label else { return false }
            let named = m.subjects.compactMap { units[$0].span }.filter { $0.type != .group && $0.type != .pronoun }
            return !named.isEmpty && !named.contains { $0.label == label }
        }
        for k in context.dates {
            let d = units[k].span!.date!
            // A date another one of the sentence refines gives way to it.
            let distance = abs(k - m.anchor) + (context.refined.contains(k) ? units.count : 0)
            if enclosure[k] == 0 || enclosure[k] == anchorEnclosure {
                // A date of another clause after "since" or "until" looks back or ahead ("the first ... since the
                // revolution of 1979, and he was received by X"): the sentence's own date comes first.
                let bound = clause[k] != clause[m.anchor] && (max(0, k - 4)..<k).contains { units[$0].word == "since" || units[$0].word == "until" }
                let rank = (clause[k] == clause[m.anchor] ? 0 : 2) + (inCore[k] || !inCore[m.anchor] ? 0 : 1) + (bound ? 2 : 0)
                // At equal distance the finer date wins ("In 2025 X flew to Kigali in April").
                if best == nil || (rank, distance, Self.fineness(d)) < (best!.rank, best!.distance, Self.fineness(best!.date)) { best = (rank, distance, d) }
            } else if !parenthesized.contains(enclosure[k]), (k > m.anchor && !otherSubject(enclosure[k])) || Self.isTrip(enclosure[k], units, enclosure) {
                // A date only in a relative clause after the trigger ("made several visits to Belgium, the
                // last of which was in November 2001") still dates it; one before it ("X, who took office
                // in 2018, visited Y") belongs to another event, unless that clause is the trip the
                // event happened on ("Modi, who visited Nairobi in July 2016, held talks with Kenyatta").
                if fallback == nil || distance < fallback!.distance { fallback = (distance, d) }
            }
        }
        if best == nil, fallback == nil {
            // "at the G20 summit in Buenos Aires (30 November – 1 December 2018)": a parenthesis of dates after the
            // trigger, next to a place or an event (not a person's years), dates it when nothing else does.
            for k in context.dates where k > m.anchor && parenthesized.contains(enclosure[k]) {
                guard let open = (0..<k).last(where: { units[$0].word == "(" }), open > 0, open >= k - 2,
                      units[open - 1].spanType != .person, units[open - 1].spanType != .name || units[open - 1].word != nil else { continue }
                return units[k].span?.date
            }
        }
        return best?.date ?? fallback?.date
    }

    /// Whether the relative clause `id` tells of a trip ("who visited Nairobi in July 2016").
    static func isTrip(_ id: Int, _ units: [Unit], _ enclosure: [Int]) -> Bool {
        units.indices.contains { enclosure[$0] == id && units[$0].word.map(tripVerbs.contains) == true }
    }

    static let tripVerbs: Set<String> = ["visited", "arrived", "travelled", "traveled", "flew", "came", "landed", "toured"]

    /// Clause numbers: a new clause starts after ";", at "but" before a verb, at "and" (no comma) before a
    /// verb, and at ", and" / ", but" / ", while" followed by a new subject (a person, country,
    /// pronoun or group within two words).
    static func clauses(_ units: [Unit]) -> [Int] {
        var out = [Int](repeating: 0, count: units.count)
        var c = 0
        // "After the war ended in 2009, India opened consulates in Jaffna in 2010": a leading subordinate clause with a
        // verb of its own is a clause of its own (its date dates the main clause only when that has none).
        let lead = units.first?.word.map { Clauses.subordinators.contains($0) || $0 == "before" } ?? false
        let leadEnd = lead ? units.firstIndex(where: { $0.word == "," }) : nil
        let leadHasVerb = leadEnd.map { e in units[1..<e].contains { $0.isVerbLike } } ?? false
        for k in units.indices {
            if leadHasVerb, let e = leadEnd, k == e { c += 1 }
            if units[k].word == ";" { c += 1 }
            // "opened an embassy in 1972 but closed it in 1976"
            if units[k].word == "but", k > 0, units[k - 1].word != ",", k + 1 < units.count, units[k + 1].isVerbLike { c += 1 }
            // "gained independence on 24 October 1964 and established relations with China on 29 October":
            // a coordinated predicate is its own clause for dating.
            if units[k].word == "and", k > 0, k + 1 < units.count, units[k + 1].isVerbLike || units[k + 1].isCoordinatedVerb,
               units[k - 1].word != "," { c += 1 }
            // (Also past a description: ", and the capitals, Berlin and Warsaw, became ...".)
            if units[k].word == ",", k + 1 < units.count, let w = units[k + 1].word, ["and", "but", "while", "whereas"].contains(w),
               (k + 2..<min(units.count, k + 5)).contains(where: { j in
                   guard let s = units[j].span else {
                       return units[j].word == "," && j + 1 < units.count && units[j + 1].spanType == .city && units[k + 2].flags & UnitFlags.the != 0
                   }
                   return Pipeline.clauseSubjectTypes.contains(s.type)
               }) {
                c += 1
            }
            out[k] = c
        }
        return out
    }

    /// "Three weeks later, on 17 February 2008,": a date the next one restates exactly gives way to it.
    static func isRestated(_ k: Int, _ units: [Unit]) -> Bool {
        guard k + 2 < units.count, units[k + 1].word == "," else { return false }
        var j = k + 2
        if let w = units[j].word, w == "on" || w == "in" { j += 1 }
        return j < units.count && units[j].span?.date != nil
    }

    /// "Two years after its independence from Portugal in 1975": a date that an
    /// offset ("years after", "months before") points away from dates nothing.
    static func isOffsetDate(_ k: Int, _ units: [Unit]) -> Bool {
        var j = k - 1
        while j >= 1, k - j <= 8, units[j].word != "," {
            if let w = units[j].word, w == "after" || w == "before",
               let unit = units[j - 1].word, ["years", "year", "months", "month", "weeks", "days", "decades", "decade"].contains(unit) {
                return true
            }
            j -= 1
        }
        return false
    }

    /// A head of mission whose nationality is one party of a bilateral article
    /// and whose destination the text leaves implicit is accredited to the other party.
    func inferEnvoys(_ graph: inout KnowledgeGraph, parties: [Entity], envoys: [EntityKey: FactDate?]) {
        guard parties.count == 2, !envoys.isEmpty else { return }
        let facts = graph.sortedFacts(of: ["holdsPosition", "envoyTo", "nationality"])
        for f in facts where f.predicate == "holdsPosition" {
            guard let date = envoys[f.subject] else { continue }
            if facts.contains(where: { $0.subject == f.subject && $0.predicate == "envoyTo" }) { continue }
            guard let nat = facts.first(where: { $0.subject == f.subject && $0.predicate == "nationality" }),
                  case .entity(let country) = nat.object,
                  let other = parties.first(where: { $0.key != country }), parties.contains(where: { $0.key == country }) else { continue }
            let key = graph.add(entity: other)
            let mentions = f.mentions.prefix(1).map { m in
                Mention(date: date, provenance: m.provenance, rule: "infer.envoy-to-other-party", confidence: 0.7)
            }
            graph.add(fact: Fact(subject: f.subject, predicate: "envoyTo", object: .entity(key), mentions: mentions))
        }
    }

    static func keyMatches(_ pattern: String, _ key: String) -> Bool {
        pattern.hasSuffix("*") ? key.lowercased().hasPrefix(pattern.dropLast().lowercased()) : key.lowercased() == pattern.lowercased()
    }
}

extension Pipeline {
    /// What the pipeline sees in one piece of text: the spans with their types
    /// and dates, and the rules that match. For `prosegraph explain`.
    public func explain(_ text: String, contextDate: inout FactDate?, reportDate: inout FactDate?) -> String {
        let (tokens, units) = analyze(text, table: proseIndex.table, contextDate: &contextDate, reportDate: &reportDate)
        func show(_ us: [Unit]) -> String {
            var out = ""
            for u in us {
                if let s = u.span {
                    let surface = tokens[s.tokens].map(\.text).joined(separator: " ")
                    out += "[\(surface)|\(s.type.rawValue)\(s.role.map { ":" + $0 } ?? "")=\(s.label)] "
                } else {
                    out += (u.word ?? "") + " "
                }
            }
            return out
        }
        var out = show(units) + "\n"
        let proseRules = rules.rules.filter { $0.scope == .prose }
        for (v, view) in Clauses.views(units).enumerated() {
            if v > 0 { out += "  view \(v): " + show(view.units) + "\n" }
            for (k, anchors) in proseIndex.candidates(view.units) {
                let (ruleIndex, cp) = proseIndex.patterns[k]
                let rule = proseRules[ruleIndex], p = cp.source
                for m in RuleMatcher.matches(cp, view.units, at: anchors) {
                    func list(_ us: [Int]) -> String { "[" + us.map { "\"" + (view.units[$0].span?.label ?? "?") + "\"" }.joined(separator: ", ") + "]" }
                    out += "  \(rule.id): subjects \(list(m.subjects)) objects \(list(m.objects)) via \"\(p.source)\"\(isBlocked(m, view.units) && !rule.literalObject ? " (blocked)" : "")\n"
                }
            }
        }
        return out
    }
}
