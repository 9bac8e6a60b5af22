/// The phrase and clause layer between recognized units and the relation rules.
///
/// Rules are short word sequences; prose wraps them in modifiers, appositions,
/// parentheses and coordinated clauses. Instead of patterns that skip those
/// with wide gaps, the rules run on several *views* of a sentence, each a
/// simplification that keeps the words' meaning:
///
/// - **core**: no parenthesized asides, no relative clauses set off by commas
///   (", who ... ,"), no appositions after a name (", Jordan's first resident
///   ambassador in Dublin,"), no adverbs and free modifiers ("first", "both",
///   "officially"), and no titles before a person's name ("President Kais
///   Saied" is the person): "Nabil Masarweh, Jordan's first resident
///   ambassador in Dublin, presented his credentials to President Higgins"
///   reads "Nabil Masarweh presented his credentials to Higgins".
/// - **coordinated predicates**: a clause that starts with a conjunction and a
///   verb shares the sentence's subject: "X attended the summit in Seoul and
///   met with Y" also reads "X met with Y"; "He returned to Jordan and toured
///   the camp" also reads "He toured the camp".
///
/// Every view keeps, for each of its units, the index of that unit in the
/// sentence, so dates, pronouns and provenance are those of the whole sentence.
public enum Clauses {
    /// A view of a sentence: units and, for each, its index in the sentence.
    public struct View: Sendable {
        public let units: [Unit]
        public let map: [Int]
    }

    /// Free modifiers: adverbs and words that qualify an event without changing it.
    static let modifiers: Set<String> = [
        "also", "first", "both", "later", "then", "again", "formally", "officially", "jointly", "personally",
        "subsequently", "finally", "eventually", "briefly", "recently", "previously", "already", "further",
        "reportedly", "initially", "originally", "successfully", "warmly", "cordially", "immediately", "soon",
        "since", "once", "twice", "all", "each", "mainly", "mostly", "largely", "chiefly", "primarily", "still",
        "now", "currently", "newly", "duly", "thereafter", "afterwards", "afterward", "likewise", "similarly",
        "together", "respectively", "separately", "publicly", "privately", "reciprocally", "ultimately", "there", "abroad",
    ]
    /// Words ending in "-ly" that are not adverbs.
    static let notAdverbs: Set<String> = ["only", "family", "supply", "reply", "rally", "ally", "assembly", "anomaly", "italy", "july", "early", "daily", "weekly", "monthly", "friendly", "holy", "fly", "apply", "rely", "comply", "multiply", "imply", "sly"]

    static func isModifier(_ w: String) -> Bool {
        if modifiers.contains(w) { return true }
        return w.count > 4 && w.hasSuffix("ly") && !notAdverbs.contains(w)
    }

    /// Words that make a comma-separated segment a clause rather than an apposition.
    static let finiteVerbs: Set<String> = [
        "is", "was", "are", "were", "has", "have", "had", "be", "been", "being", "will", "would", "did", "does", "do",
        "met", "held", "paid", "made", "signed", "said", "led", "went", "came", "became", "took", "gave", "left",
        "flew", "saw", "told", "won", "began", "hosted", "visited", "opened", "closed", "received", "welcomed",
    ]

    /// Words ending in "-ed" that are no verbs.
    static let notVerbs: Set<String> = ["united", "red", "bed", "speed", "need", "seed", "feed", "breed", "creed", "shed"]

    static func isVerbLike(_ w: String) -> Bool {
        if finiteVerbs.contains(w) { return true }
        // "state-owned", "long-awaited": a hyphenated compound is an adjective.
        return w.count > 4 && w.hasSuffix("ed") && !notVerbs.contains(w) && !w.contains("-")
    }

    /// Words after a comma that open another clause: what precedes them is no aside.
    static let clauseOpeners: Set<String> = ["and", "or", "but", "where", "when", "which", "who", "while", "before", "after", "whereas", "as", "then", "so"]

    static let participles: Set<String> = ["sworn", "elected", "born", "reelected", "re-elected", "appointed", "returned", "accompanied", "flanked", "backed", "known", "named"]

    /// Words that open an apposition after a name: "X, the ...", "X, Jordan's ...", "X, a ...".
    static let appositionOpeners: Set<String> = ["the", "a", "an", "then", "its", "his", "her", "their", "former", "current", "new", "first", "second", "third", "later", "himself", "herself"]

    static let prepositions: Set<String> = ["in", "on", "at", "to", "from", "with", "by", "of", "for", "during", "after", "before", "under", "between", "among", "since", "until", "following", "against", "into", "over"]

    /// The views the rules run on, the sentence itself first. Views equal to an
    /// earlier one are left out.
    public static func views(_ units: [Unit]) -> [View] { viewsAndCore(units).views }

    /// The views, and the core view on its own (dating uses it).
    public static func viewsAndCore(_ units: [Unit]) -> (views: [View], core: View) {
        var out = [View(units: units, map: Array(units.indices))]
        func add(_ v: View) {
            guard !v.units.isEmpty, !out.contains(where: { $0.map == v.map }) else { return }
            out.append(v)
        }
        add(withoutRelativeClauses(out[0]))
        let simplified = core(units)
        add(simplified)
        let undated = withoutInnerDates(simplified)
        add(undated)
        for v in coordinated(undated) { add(v) }
        for v in relativeSubjects(units) {
            let c = core(v)
            add(c)
            for w in coordinated(c) { add(w) }
        }
        return (out, simplified)
    }

    /// The view without a date between a noun and its preposition: "held talks in Damascus on Saturday with X",
    /// "holding talks the following day with X". (Dating reads the core, which keeps them.)
    static func withoutInnerDates(_ view: View) -> View {
        let units = view.units
        var keep = [Bool](repeating: true, count: units.count)
        for k in units.indices where units[k].spanType == .date && k + 1 < units.count && k >= 1 {
            // ("on Monday evening with": a part of the day after the date.)
            let part = units[k + 1].word.map { ["morning", "afternoon", "evening", "night"].contains($0) } ?? false
            let after = k + (part ? 2 : 1)
            guard after < units.count, let next = units[after].word, next == "with" || next == "for" else { continue }
            keep[k] = false
            if part { keep[k + 1] = false }
            if let w = units[k - 1].word, w == "on" || w == "in" { keep[k - 1] = false }
        }
        return keep.contains(false) ? select(view, keep, dropOrphanCommas: false) : view
    }

    /// The units without relative clauses set off by commas (", who ... ,", ", which ... ,").
    static func withoutRelativeClauses(_ view: View) -> View {
        var keep = [Bool](repeating: true, count: view.units.count)
        dropRelativeClauses(view.units, &keep, closedBySemicolon: false)
        return select(view, keep, dropOrphanCommas: true)
    }

    static let relativePronouns: Set<String> = ["who", "which", "whose"]
    static let auxiliaries: Set<String> = ["had", "has", "have", "was", "were", "is", "are", "be", "been", "being", "did", "does", "do"]

    /// Marks relative clauses set off by a comma (", who ... ,") as not kept; with
    /// `closedBySemicolon`, a ";" closes one too.
    static func dropRelativeClauses(_ units: [Unit], _ keep: inout [Bool], closedBySemicolon: Bool) {
        var k = 0
        while k < units.count {
            if units[k].word == ",", k + 1 < units.count, let w = units[k + 1].word, relativePronouns.contains(w),
               var close = units[(k + 2)...].firstIndex(where: { $0.word == "," || (closedBySemicolon && $0.word == ";") }) {
                // "X, who had succeeded his mother, Queen Margrethe II, on her abdication in 2024, sailed into Oslo":
                // segments with no verb after the clause are its own when the predicate follows them.
                var end = close, segments = 0
                while segments < 3, units[end].word == ",",
                      let next = units[(end + 1)...].firstIndex(where: { $0.word == "," || $0.word == ";" || $0.word == "." }),
                      units[next].word == ",", next > end + 1,
                      !((end + 1)..<next).contains(where: { units[$0].isVerbLike || units[$0].isFiniteVerb || units[$0].isCoordinatedVerb }) {
                    end = next
                    segments += 1
                }
                // (Not when the clause's verb comes after its own aside: "X, who had earlier, as consul in Marseille, saved ...".)
                let complete = ((k + 2)..<close).contains { units[$0].isVerbLike && !auxiliaries.contains(units[$0].word ?? "") }
                if complete, end > close, end + 1 < units.count, units[end + 1].isVerbLike || units[end + 1].isCoordinatedVerb { close = end }
                for j in k..<close { keep[j] = false }
                k = close + 1
                continue
            }
            k += 1
        }
    }

    /// The sentence without asides, appositions, modifiers and titles before names.
    static func core(_ view: View) -> View {
        let inner = core(view.units)
        return View(units: inner.units, map: inner.map.map { view.map[$0] })
    }

    static func core(_ input: [Unit]) -> View {
        var units = input
        let n = units.count
        var keep = [Bool](repeating: true, count: n)
        // Parenthesized asides.
        var depth = 0
        for (k, u) in units.enumerated() {
            if u.word == "(" { depth += 1 }
            if depth > 0 { keep[k] = false }
            if u.word == ")", depth > 0 { depth -= 1 }
        }
        // Relative clauses set off by commas.
        dropRelativeClauses(units, &keep, closedBySemicolon: true)
        // A date phrase inside the clause: "X was appointed in 1952 as India's first ambassador" reads "X was appointed
        // as ...". (Dating reads the whole sentence.)
        for k in 0..<n where k + 1 < n && (units[k].word == "in" || units[k].word == "on") && units[k + 1].spanType == .date && keep[k] {
            guard k >= 1, units[k - 1].isVerbLike || units[k - 1].isCoordinatedVerb, k + 2 < n, units[k + 2].word == "as" || units[k + 2].word == "to" else { continue }
            keep[k] = false
            keep[k + 1] = false
        }
        // Dates set off by commas: "X became, in August 1975, the first ...".
        for k in 0..<n where units[k].word == "," && keep[k] {
            var j = k + 1
            if j < n, let w = units[j].word, ["in", "on", "by", "since", "from", "until"].contains(w) { j += 1 }
            guard j + 1 < n, units[j].spanType == .date, units[j + 1].word == "," else { continue }
            for r in k...j { keep[r] = false }
        }
        // ", for example ,", ", however ,": a discourse phrase between commas.
        for k in 0..<n where units[k].word == "," && keep[k] {
            for phrase in discoursePhrases where k + phrase.count + 1 < n && units[k + phrase.count + 1].word == "," {
                guard (0..<phrase.count).allSatisfy({ units[k + 1 + $0].word == phrase[$0] }) else { continue }
                for r in k...(k + phrase.count) { keep[r] = false }
                break
            }
        }
        // Appositions after a name: "NAME , SEGMENT ," where the segment has no verb and
        // reads like a noun phrase (a determiner, a possessive, a title or a demonym first).
        for (k, u) in units.enumerated() where k + 2 < n && units[k + 1].word == "," {
            guard let type = u.spanType, type == .person || type == .name || type == .country || type == .organization || type == .city else { continue }
            let segStart = k + 2
            guard let firstClose = (segStart..<min(n, segStart + 20)).first(where: { units[$0].word == "," || units[$0].word == ";" || units[$0].word == "." }),
                  firstClose > segStart, units[firstClose].word == "," else { continue }
            var close = firstClose
            // "X, accompanied by ENI's chief executive, Claudio Descalzi, travelled ...": the aside's own
            // apposition (a name between commas) belongs to it.
            if let w = units[segStart].word, participles.contains(w), close + 2 < n,
               units[close + 1].spanType == .person || units[close + 1].spanType == .name, units[close + 2].word == "," {
                close += 2
            }
            let seg = units[segStart..<close]
            // A prepositional aside before the predicate: "Ruto, on a visit to Tanzania in October 2022, met ...".
            // ("Indonesia, besides its embassy in Seoul, has ...": a country's.)
            if let w = units[segStart].word, ["on", "during", "after", "following", "while", "at", "in", "besides"].contains(w),
               close + 1 < n, units[close + 1].isVerbLike || units[close + 1].isCoordinatedVerb || (w == "besides" && auxiliaries.contains(units[close + 1].word ?? "")),
               type == .person || type == .name || (w == "besides" && type == .country) {
                for j in (k + 1)...close { keep[j] = false }
                continue
            }
            // A participial aside: "X, returned to office six months earlier, makes ...", "X, sworn in as ...",
            // "X, then known as Y, ...".
            var lead = segStart
            // "X, better known as Prachanda, held talks": "better" before a participle.
            while lead + 1 < close, units[lead].isModifier || units[lead].word == "better" { lead += 1 }
            if let w = units[lead].word, participles.contains(w) || (w.hasSuffix("ed") && !finiteVerbs.contains(w)),
               !seg.dropFirst().contains(where: { $0.isFiniteVerb }),
               // The predicate follows an aside; a noun phrase follows a main verb's object
               // ("X and Y, co-chaired the London Initiative, a conference ...").
               // Nor does a participle ("X, invested in Y in 1997, acquiring a third of it": "invested" is the predicate).
               close + 1 < n, let next = units[close + 1].word, !Self.clauseOpeners.contains(next), !determiners.contains(next), !next.hasSuffix("ing") {
                for j in (k + 1)...close { keep[j] = false }
                continue
            }
            // A gerund aside before the predicate: "Kishida, visiting Italy on a tour of G7 capitals, was received ...".
            if let w = units[lead].word, w.count > 5, w.hasSuffix("ing"), type == .person || type == .name,
               !seg.dropFirst().contains(where: { $0.isFiniteVerb }), close + 1 < n,
               units[close + 1].isFiniteVerb || auxiliaries.contains(units[close + 1].word ?? "") {
                for j in (k + 1)...close { keep[j] = false }
                continue
            }
            // A verb inside a relative clause of the apposition does not make it a clause:
            // "X, a career diplomat who had headed the department, was appointed ...".
            // ("a Monterrey-based conglomerate": "based" in a compound is no verb.)
            let beforeRelative = seg.prefix(while: { !($0.word.map(relativePronouns.contains) ?? false) })
            // Nor is a participle in a compound: "a French-trained engineer".
            if beforeRelative.indices.contains(where: { j in
                units[j].isVerbLike && !(j > segStart && ["-", "–"].contains(units[j - 1].word ?? ""))
            }) { continue }
            // Before ", and" the segment may be a list's item ("A, a former minister, and B"), unless it opens
            // with a country's possessive or a title ("X, Peru's minister to Bolivia, and his counterpart").
            if close + 1 < n, let next = units[close + 1].word, next == "and" || next == "or", units[segStart].word != nil { continue }
            // ("X, previously a director of the agency, became ...": a modifier before the noun phrase.)
            var firstAt = segStart
            while firstAt + 1 < close, units[firstAt].isModifier, !appositionOpeners.contains(units[firstAt].word ?? "") { firstAt += 1 }
            let first = units[firstAt]
            // "Porirua, home to one of the largest Samoan communities, has been twinned ...": a place's apposition.
            // ("Kiel and Gdynia, both home to naval bases, ...": past a modifier.)
            if let w = first.word, placeAppositionHeads.contains(w), firstAt + 1 < close, let p = units[firstAt + 1].word, p == "to" || p == "of",
               type == .city || type == .name || type == .country {
                for j in (k + 1)...close { keep[j] = false }
                continue
            }
            let opens: Bool
            // ("Zhou Enlai, by then Premier of the State Council, paid ...")
            if let w = first.word { opens = appositionOpeners.contains(w) || (w == "by" && segStart + 1 < close && units[segStart + 1].word == "then") }
            else if let fs = first.span {
                opens = fs.type == .title || fs.type == .demonym || (fs.type == .pronoun && possessives.contains(fs.label))
                    || (fs.type == .country && segStart + 1 < close && units[segStart + 1].word == "'s")
            } else { opens = false }
            // The segment must name a role: a title or a role noun, not just another entity ("Ghana, Togo, ...").
            // (A name inside a prepositional phrase is no list item: "the main centres of the Pacific border region".)
            // ("Prince Carl, then a young naval lieutenant, spent ...": the article after "then".)
            let article = first.word == "then" && firstAt + 1 < close ? units[firstAt + 1].word : first.word
            let hasRole = seg.contains { $0.spanType == .title } || seg.contains { $0.word.map(roleNouns.contains) ?? false }
                || (article.map { ["a", "an", "the", "former"].contains($0) } ?? false
                    && !seg.indices.contains { j in
                        (units[j].spanType == .person || units[j].spanType == .name)
                            && !(units[j - 1].isPreposition || (units[j - 1].flags & UnitFlags.the != 0 && j >= 2 && units[j - 2].isPreposition))
                    })
            guard opens, hasRole else { continue }
            for j in (k + 1)...close { keep[j] = false }
        }
        // "Vorster, Kenneth Kaunda of Zambia and Smith met": a person's country in a list of people belongs to the
        // nationality (read in the whole sentence), not to the list.
        // So does one before the verb: "Suzuki Motor Corporation of Japan took a stake in ...".
        for k in 0..<n where k + 3 < n && (units[k].spanType == .person || units[k].spanType == .name || units[k].spanType == .organization)
            && units[k + 1].word == "of" {
            // ("Governor Samuel García of Nuevo León travelled": a person's state or city too, before a verb.)
            let place = units[k + 2].spanType == .country
                || (units[k].spanType == .person && (units[k + 2].spanType == .city || units[k + 2].spanType == .name || units[k + 2].spanType == .place)
                    && (units[k + 3].isVerbLike || units[k + 3].isCoordinatedVerb))
            guard place, let w = units[k + 3].word,
                  w == "and" || w == "," || units[k + 3].isVerbLike || units[k + 3].isCoordinatedVerb else { continue }
            keep[k + 1] = false
            keep[k + 2] = false
        }
        // "Speaker X of the National Assembly had talks", "President Y of Serbia reached": a person's body or country
        // between the person and the verb (the nationality is read in the whole sentence).
        for k in 0..<n where units[k].spanType == .person && k + 2 < n && units[k + 1].word == "of" {
            var j = k + 2
            if units[j].flags & UnitFlags.the != 0 { j += 1 }
            guard j + 1 < n, let t = units[j].spanType, t == .organization || t == .country,
                  units[j + 1].isVerbLike || units[j + 1].isFiniteVerb || units[j + 1].isCoordinatedVerb else { continue }
            for r in (k + 1)...j { keep[r] = false }
        }
        // "the two foreign ministers, A of Ecuador and B of Peru, signed": the people the group names.
        for k in 0..<n where units[k].spanType == .group && units[k].spanRole?.hasPrefix("person:") == true && k + 1 < n && units[k + 1].word == "," {
            var j = k + 2
            var people = 0
            var dropped = [k, k + 1]
            while j < n, units[j].spanType == .person || units[j].spanType == .name {
                people += 1
                j += 1
                // "A of Ecuador": the country belongs to the nationality, read in the whole sentence.
                if j + 1 < n, units[j].word == "of", units[j + 1].spanType == .country { dropped += [j, j + 1]; j += 2 }
                guard j < n, let w = units[j].word, w == "," || w == "and" else { break }
                if w == ",", j + 1 < n, units[j + 1].word == "and" { j += 1 }
                if w == ",", !(j + 1 < n && (units[j + 1].spanType == .person || units[j + 1].spanType == .name)) { break }
                j += 1
            }
            guard people >= 2, j < n, units[j].word == ",", j + 1 < n, units[j + 1].isVerbLike || units[j + 1].isCoordinatedVerb else { continue }
            for r in dropped + [j] { keep[r] = false }
        }
        // "the ancient Nabataean city of Petra", "the Peruvian city of Tumbes": the place itself.
        for k in 0..<n where keep[k] {
            guard let w = units[k].word, placeNouns.contains(w), k + 2 < n, units[k + 1].word == "of",
                  let s = units[k + 2].span, s.type == .city || s.type == .name || s.type == .place,
                  // ("the sister city of Łódź" is a relation, not a description of Łódź.)
                  k == 0 || !(units[k - 1].word.map(twinWords.contains) ?? false) else { continue }
            var j = k
            while j > 0, j > k - 4, units[j - 1].spanType == .demonym || (units[j - 1].word.map { $0 != "," } ?? false && !units[j - 1].isPreposition && !units[j - 1].isVerbLike) {
                j -= 1
                if units[j].flags & UnitFlags.the != 0 { break }
            }
            for r in j...(k + 1) { keep[r] = false }
            // (An untyped name there is a place: "on the island of Cozumel".)
            if s.type == .name { units[k + 2] = Unit(units[k + 2], span: EntitySpan(tokens: s.tokens, type: .place, label: s.label)) }
        }
        // Modifiers, and titles (with a demonym or "of <Country>") before a person.
        for (k, u) in units.enumerated() {
            if u.isModifier { keep[k] = false }
            // "X was in turn welcomed by Y".
            // ("his first foreign trip in office to Dar es Salaam".)
            if u.word == "in", k + 1 < n, units[k + 1].word == "turn" || units[k + 1].word == "office" { keep[k] = false; keep[k + 1] = false }
        }
        // Forms of address: "His Majesty King Harald V and Her Majesty Queen Sonja" reads "King Harald V and Queen Sonja".
        for k in 0..<n where k + 1 < n && (units[k].word == "his" || units[k].word == "her") {
            guard let w = units[k + 1].word, EntityRecognizer.addressForms.contains(w) else { continue }
            keep[k] = false
            keep[k + 1] = false
            if (w == "royal" || w == "imperial"), k + 2 < n { keep[k + 2] = false }
        }
        // A common-noun descriptor between a determiner and a name: "the state oil company Sonangol",
        // "the Tanzanian brewer Serengeti Breweries", "the Dakar-based operator Sonatel" read as the name.
        for (k, u) in units.enumerated() where k >= 2 {
            guard let type = u.spanType, type == .name || type == .organization || type == .person else { continue }
            var j = k - 1
            var words = 0
            while j >= 0, k - j <= 6, isDescriptor(j, units) {
                if units[j].word != nil { words += 1 }
                j -= 1
            }
            // The descriptor starts after a determiner, or after "X-based", which stays: "the Rome-based state
            // energy company ENI" reads "the Rome-based ENI".
            guard words >= 1, j < k - 1, j >= 0, let d = units[j].word, determiners.contains(d) || d == "based" else { continue }
            for r in (j + 1)..<k { keep[r] = false }
        }
        for (k, u) in units.enumerated() where u.spanType == .person || u.spanType == .name {
            var j = k - 1
            if j >= 0, units[j].word == "," { j -= 1 }
            var removed: [Int] = []
            // "his Serbian counterpart, Nikola Selaković" (also "..., President X"): the role before a name, like a title.
            var t = j
            while t >= 0, units[t].spanType == .title { t -= 1 }
            if t < j, t >= 0, units[t].word == "," { t -= 1 }
            // "Srettha's successor, Paetongtarn Shinawatra": a relation noun after a name's possessive.
            if t >= 2, units[t - 1].word == "'s", let w = units[t].word, relationNouns.contains(w),
               let ps = units[t - 2].spanType, ps == .person || ps == .name || ps == .country {
                for r in (t - 2)..<k where r < k { keep[r] = false }
                continue
            }
            if t >= 0, let w = units[t].word, w == "counterpart" || w == "counterparts" {
                removed += Array((t + 1)...max(t + 1, k - 1)).filter { $0 < k }
                j = t
                removed.append(j)
                j -= 1
                if j >= 0, units[j].spanType == .demonym || units[j].spanType == .country { removed.append(j); j -= 1 }
                if j >= 0, let p = units[j].word ?? (units[j].spanType == .pronoun ? units[j].span?.label : nil),
                   possessives.contains(p) { removed.append(j); j -= 1 }
                for r in removed { keep[r] = false }
                if k - 1 >= 0, units[k - 1].word == "," { keep[k - 1] = false }
                continue
            }
            // "the UNITA leader, Jonas Savimbi", "the bank's chairman, X": a role noun phrase before a name, set
            // off by a comma, is the person too.
            if t == j, k >= 2, units[k - 1].word == ",", let w = units[t].word, roleNouns.contains(w) || roleNouns.contains(String(w.split(separator: "-").last ?? "")) {
                var d = t - 1
                while d >= 0, t - d <= 5, isDescriptor(d, units) || units[d].word == "'s"
                        || units[d].spanType.map({ $0 == .organization || $0 == .country || $0 == .demonym }) ?? false {
                    if units[d].flags & UnitFlags.the != 0 { break }
                    d -= 1
                }
                if d >= 0, d < t, units[d].flags & UnitFlags.the != 0 || units[d].word.map(determiners.contains) ?? false
                    || (units[d].spanType == .pronoun && possessives.contains(units[d].span?.label ?? "")) {
                    for r in d..<k { keep[r] = false }
                    continue
                }
                // "with Syria's new leader, Ahmed al-Sharaa": a country's or a body's possessive opens it.
                if d + 2 < t, let ps = units[d + 1].spanType, ps == .country || ps == .organization, units[d + 2].word == "'s" {
                    for r in (d + 1)..<k { keep[r] = false }
                    continue
                }
            }
            while j >= 0 {
                if let s = units[j].span, s.type == .title || s.type == .demonym { removed.append(j); j -= 1; continue }
                // "President of Egypt X": the country belongs to the title.
                if j >= 1, let s = units[j].span, s.type == .country || s.type == .city || s.type == .organization,
                   let w = units[j - 1].word, w == "of" || w == "to" || w == "in", j >= 2, units[j - 2].spanType == .title {
                    removed.append(contentsOf: [j, j - 1]); j -= 2; continue
                }
                // "Lebanon's long-serving speaker, X": a compound adjective before the title.
                if let w = units[j].word, w.contains("-"), w.first?.isLowercase == true, removed.contains(where: { units[$0].spanType == .title }),
                   j >= 1, units[j - 1].word == "'s" || units[j - 1].flags & UnitFlags.the != 0 {
                    removed.append(j); j -= 1; continue
                }
                // "by the city's president, X": a description's possessive.
                if j >= 2, units[j].word == "'s", let noun = units[j - 1].word, possessorNouns.contains(noun), units[j - 2].flags & UnitFlags.the != 0,
                   removed.contains(where: { units[$0].spanType == .title }) {
                    removed.append(contentsOf: [j, j - 1, j - 2]); j -= 3; continue
                }
                // "Jordan's King X", "the Taliban's prime minister, X", "Ramaphosa's special envoy, X"
                // ("Bremen's mayor, Andreas Bovenschulte, laid ...": a city's.)
                if j >= 1, units[j].word == "'s", let ps = units[j - 1].spanType,
                   [.country, .organization, .person, .name, .city].contains(ps),
                   removed.contains(where: { units[$0].spanType == .title }) {
                    removed.append(contentsOf: [j, j - 1]); j -= 2; continue
                }
                // "Texas Governor Greg Abbott": a state or city before the title is the title's.
                if j >= 0, let ps = units[j].spanType, ps == .city || ps == .place,
                   removed.contains(where: { units[$0].spanType == .title }), removed.min() == j + 1,
                   j == 0 || !(units[j - 1].word.map { ["in", "at", "to", "from", "near", "into", "for"].contains($0) } ?? false) {
                    removed.append(j); j -= 1; continue
                }
                break
            }
            guard removed.contains(where: { units[$0].spanType == .title }) else { continue }
            // "X and his minister-president, Otto von Bismarck": the possessive goes with the title.
            if let first = removed.min(), first >= 1, let p = units[first - 1].word ?? (units[first - 1].spanType == .pronoun ? units[first - 1].span?.label : nil),
               possessives.contains(p), k - 1 >= 0, units[k - 1].word == "," {
                removed.append(first - 1)
            }
            for r in removed { keep[r] = false }
            if k - 1 >= 0, units[k - 1].word == "," {
                keep[k - 1] = false
                // The comma that closes the name set off after its title goes too: "Bremen's mayor, X, laid ...".
                if k + 2 < n, units[k + 1].word == ",", units[k + 2].isVerbLike || units[k + 2].isCoordinatedVerb { keep[k + 1] = false }
            }
        }
        return select(View(units: units, map: Array(units.indices)), keep, dropOrphanCommas: true)
    }

    /// Nouns of a description that owns a title: "the city's president", "the kingdom's foreign minister".
    static let possessorNouns: Set<String> = ["city", "country", "kingdom", "republic", "government", "state", "town", "capital", "island", "emirate", "sultanate", "province", "region"]

    static let relationNouns: Set<String> = ["successor", "predecessor", "wife", "husband", "son", "daughter", "deputy", "widow", "brother", "sister", "father", "mother", "heir", "counterpart"]

    static let determiners: Set<String> = ["the", "a", "an", "its", "his", "her", "their"]
    static let possessives: Set<String> = ["his", "her", "its", "their"]

    /// A word of a descriptor before a name: a lower-case word that is no preposition, verb,
    /// conjunction or number, or a demonym.
    static func isDescriptor(_ j: Int, _ units: [Unit]) -> Bool {
        let u = units[j]
        if let s = u.span {
            // ("the newly inaugurated Egyptian President X": a title inside the descriptor.)
            return s.type == .demonym || s.type == .title
        }
        guard let w = u.word, w != "based" else { return false }
        // "the state-owned carmaker X": the hyphen of a compound.
        if w == "-" || w == "–", j >= 1, j + 1 < units.count, units[j - 1].word != nil, units[j + 1].word != nil { return true }
        // "the newly inaugurated Egyptian President X": a participle after an adverb or a determiner is an adjective.
        let adjectival = u.isVerbLike && j >= 1 && (units[j - 1].isModifier || units[j - 1].word.map(determiners.contains) ?? false)
            && !finiteVerbs.contains(w)
        guard u.flags & UnitFlags.capitalized == 0, let c = w.first, c.isLetter, !determiners.contains(w), !u.isPreposition, !u.isVerbLike || adjectival, !u.isFiniteVerb,
              !clauseOpeners.contains(w), w != "'s", !descriptorStops.contains(w) else { return false }
        return true
    }

    /// Words that end a descriptor: they join or count rather than describe.
    static let descriptorStops: Set<String> = ["and", "or", "nor", "than", "that", "this", "these", "those", "not", "no", "own", "same", "other", "another", "such", "both", "each", "every", "all", "some", "any", "first"]

    static let subjectTypes: Set<SpanType> = [.person, .pronoun, .country, .organization, .group, .name, .demonym]

    /// Nouns that open a place's apposition before "to" or "of": "home to", "birthplace of", "seat of".
    static let placeAppositionHeads: Set<String> = ["home", "birthplace", "seat", "site", "hometown", "gateway"]

    static let placeNouns: Set<String> = ["city", "town", "village", "port", "capital", "island", "province", "region", "state", "resort"]

    /// Words before "city of" that make it a twinning: "the sister city of Łódź".
    static let twinWords: Set<String> = ["sister", "twin", "partner", "friendship"]

    /// Discourse phrases set off by commas, which the core drops: "Mannheim, for example, was twinned with ...".
    static let discoursePhrases: [[String]] = [["for", "example"], ["for", "instance"], ["however"], ["meanwhile"], ["moreover"], ["in", "fact"],
                                                ["indeed"], ["likewise"], ["similarly"], ["too"], ["in", "particular"], ["in", "addition"],
                                                ["by", "contrast"], ["in", "contrast"], ["though"], ["therefore"], ["in", "return"]]

    static let roleNouns: Set<String> = [
        "ambassador", "envoy", "minister", "president", "king", "queen", "leader", "head", "chief", "secretary",
        "chairman", "governor", "mayor", "diplomat", "counterpart", "prince", "princess", "consul", "representative",
        "commander", "general", "officer", "spokesman", "spokeswoman", "member", "founder", "director", "son", "daughter",
        "wife", "husband", "successor", "predecessor", "official", "premier", "chancellor", "emir", "sultan", "monarch",
        "partner", "adviser", "advisor", "aide", "associate", "confidant", "colleague", "ally", "rival", "businessman",
        "businesswoman", "magnate", "engineer", "lawyer", "activist", "journalist", "politician", "veteran", "negotiator",
        "emissary", "merchant", "missionary", "explorer", "soldier", "scholar", "writer", "economist",
    ]

    /// Relative clauses read with their antecedent as the subject: "..., Abdul Razak Hussein, who paid a
    /// return visit to Singapore the following year" also reads "Abdul Razak Hussein paid a return visit ...";
    /// "Portugal, which had been admitted to NATO in 1949, ..." reads "Portugal had been admitted to NATO in 1949".
    static func relativeSubjects(_ units: [Unit]) -> [View] {
        var out: [View] = []
        for (k, u) in units.enumerated() where u.word == "which" && k >= 2 && units[k - 1].word == "," {
            // "..., which was signed in Moscow on 25 May 1992 by the Russian President X and ...": a passive relative
            // clause is read on its own (its agent is in it).
            if k + 2 < units.count, ["was", "were", "is", "are", "had", "has"].contains(units[k + 1].word ?? ""),
               (k + 2..<min(units.count, k + 5)).contains(where: { units[$0].isVerbLike }) {
                let idx = Array((k + 1)..<clauseEnd(units, from: k + 1))
                if idx.contains(where: { units[$0].word == "by" }) { out.append(View(units: idx.map { units[$0] }, map: idx)) }
            }
            // "Portugal, which had been admitted to NATO ...": a country or organization antecedent ("Nuremberg, which has been
            // partnered with Kraków since 1979, runs ...": or a town's).
            guard let s = units[k - 2].span, s.type == .country || s.type == .organization || s.type == .city || s.type == .name else { continue }
            var end = k + 1
            while end < units.count, units[end].word != ",", units[end].word != ";", units[end].word != "." { end += 1 }
            // "Greece and Turkey, which acceded to NATO together": the whole list is the antecedent.
            var first = k - 2
            while first >= 2, units[first - 1].word == "and" || units[first - 1].word == ",", units[first - 2].spanType == s.type { first -= 2 }
            let idx = Array(first...(k - 2)) + Array((k + 1)..<end)
            out.append(View(units: idx.map { units[$0] }, map: idx))
        }
        // ", which Foreign Minister X travelled to Beijing to sign ...": a relative clause with a subject of its own.
        for (k, u) in units.enumerated() where (u.word == "which" || u.word == "whom") && k >= 2 && units[k - 1].word == "," {
            var s = k + 1
            while s < units.count, units[s].spanType == .title || units[s].spanType == .demonym { s += 1 }
            guard s < units.count, units[s].spanType == .person || units[s].spanType == .name, s + 1 < units.count,
                  units[s + 1].isVerbLike || units[s + 1].isCoordinatedVerb else { continue }
            let idx = Array((k + 1)..<clauseEnd(units, from: s + 1))
            out.append(View(units: idx.map { units[$0] }, map: idx))
        }
        // "Twinned with Kalisz since 1995, Erfurt runs ...", "Appointed ambassador to Kenya in 2011, X was ...": a sentence's
        // opening participle with the subject after it ("Erfurt twinned with Kalisz since 1995").
        if let w = units.first?.word, (w.count > 5 && w.hasSuffix("ed") && !finiteVerbs.contains(w)) || participles.contains(w),
           let comma = units.firstIndex(where: { $0.word == "," || $0.word == ";" }), units[comma].word == ",", comma + 2 < units.count,
           let t = units[comma + 1].spanType, [.person, .name, .country, .city, .organization].contains(t),
           let next = units[comma + 2].word, next.first?.isLetter == true, !units[comma + 2].isPreposition, !["and", "or", "'s"].contains(next) {
            let idx = [comma + 1] + Array(0..<comma)
            out.append(View(units: idx.map { units[$0] }, map: idx))
        }
        // "Kishida, visiting Italy on a tour of G7 capitals, was received ...": the gerund aside with its subject.
        for k in units.indices where k + 3 < units.count && (units[k].spanType == .person || units[k].spanType == .name) && units[k + 1].word == "," {
            // (Only a subject's: in "paid a visit as the guest of Queen Noor, touring Petra" the gerund is the visitor's.)
            guard !units[..<k].contains(where: { $0.isVerbLike || $0.isCoordinatedVerb }),
                  let w = units[k + 2].word, w.count > 5, w.hasSuffix("ing"),
                  let close = units[(k + 3)...].firstIndex(where: { $0.word == "," || $0.word == ";" || $0.word == "." }) else { continue }
            let idx = [k] + Array((k + 2)..<close)
            out.append(View(units: idx.map { units[$0] }, map: idx))
        }
        // ("Odobescu, a career diplomat who became foreign minister in June 2023, said": inside an apposition.)
        for (k, u) in units.enumerated() where u.word == "who" && k >= 2 && (units[k - 1].word == ","
                || (units[k - 1].word.map(roleNouns.contains) ?? false && (max(0, k - 6)..<(k - 1)).contains { units[$0].word == "," })) {
            // The antecedent, also past an apposition: "King Faisal, the Saudi monarch, who paid ...".
            var a = k - 2
            if units[a].spanType != .person && units[a].spanType != .name,
               let comma = (max(0, k - 12)..<(k - 1)).last(where: { units[$0].word == "," }), comma >= 1,
               units[comma - 1].spanType == .person || units[comma - 1].spanType == .name {
                a = comma - 1
            }
            guard let s = units[a].span, s.type == .person || s.type == .name else { continue }
            let idx = [a] + Array((k + 1)..<clauseEnd(units, from: k + 1))
            out.append(View(units: idx.map { units[$0] }, map: idx))
        }
        return out
    }

    /// Words that make a clause a plan, a wish or a possibility rather than an event.
    static let irrealis: Set<String> = ["scheduled", "expected", "due", "plans", "planned", "intends", "intended", "hopes", "hoped", "wants",
                                        "wanted", "will", "would", "could", "should", "might", "may"]

    /// Verbs of a journey, whose purpose ("to sign ...") shares their subject.
    static let journeyVerbs: Set<String> = ["travelled", "traveled", "flew", "flown", "arrived", "came", "went", "returned", "journeyed", "sailed", "landed", "toured", "visited", "drove"]

    /// The end of the clause that goes on from `start`: the next ";" or ".", else the sentence's end.
    static func clauseEnd(_ units: [Unit], from start: Int) -> Int {
        units[start...].firstIndex { $0.word == ";" || $0.word == "." } ?? units.count
    }

    /// Coordinated predicates sharing the subject: "S ... and V ...", "S ... , then V ...".
    static func coordinated(_ view: View) -> [View] {
        let units = view.units
        let sentenceSubject = subjectRange(units)
        var out: [View] = []
        for (k, u) in units.enumerated() {
            // "X travelled to Beijing to sign it with Y": the purpose of a journey shares its subject.
            if u.word == "to", k >= 2, k + 1 < units.count, units[k + 1].word != nil, units[k + 1].span == nil,
               units[k - 1].spanType == .city || units[k - 1].spanType == .country
                || ((units[k - 1].spanType == .name || units[k - 1].spanType == .place) && ["to", "in", "at"].contains(units[k - 2].word ?? "")),
               (max(0, k - 5)..<(k - 1)).contains(where: { units[$0].word.map(journeyVerbs.contains) ?? false }),
               let subject = sentenceSubject ?? clauseSubject(units, before: k), k > subject.upperBound + 2 {
                let idx = Array(subject) + Array((k + 1)..<units.count)
                out.append(View(units: idx.map { units[$0] }, map: idx.map { view.map[$0] }))
                continue
            }
            guard let w = u.word, w == "and" || w == "then" || w == "before" || w == "after" || w == "while" || w == "," else { continue }
            // The sentence's subject, else (a sentence that opens with a clause of its own, "Relations were
            // mended when X visited Belgrade and signed ...") the subject of the clause the conjunction is in.
            // A clause of its own after "while" ("..., while Sudan, which ..., established X and maintains Y") has its own subject.
            // (", where X had met in secret, and there exchanged ...": after ", and" the sentence's subject goes on.)
            let own = clauseSubject(units, before: k, after: k >= 1 && units[k - 1].word == "," ? ["while", "whereas"] : ["while", "whereas", "where"])
            guard let subject = (own.map { o in sentenceSubject.map { o.lowerBound > $0.upperBound } ?? true } ?? false ? own : nil)
                    ?? sentenceSubject ?? clauseSubject(units, before: k), k > subject.upperBound else { continue }
            // ", meeting X and Y": a participle after a comma shares the subject too.
            if w == ",", !(k + 1 < units.count && (units[k + 1].isCoordinatedVerb && units[k + 1].word!.hasSuffix("ing"))) { continue }
            var v = k + 1
            while v < units.count, units[v].isModifier || units[v].word == "," { v += 1 }
            guard v < units.count, let verb = units[v].word,
                  units[v].isVerbLike || units[v].isCoordinatedVerb || ((w == "before" || w == "after" || w == "while") && verb.hasSuffix("ing")) else { continue }
            // "before/after/while" take a gerund: "before travelling to X", "while exporting X to Y".
            if w == "before" || w == "after" || w == "while", !verb.hasSuffix("ing") { continue }
            // "He is scheduled to travel to Bodh Gaya before returning to Colombo": what a plan or a modal governs did
            // not happen, and neither did what is coordinated with it.
            if ((subject.upperBound + 1)..<k).contains(where: { units[$0].word.map(irrealis.contains) ?? false }) { continue }
            let idx = Array(subject) + Array(v..<units.count)
            out.append(View(units: idx.map { units[$0] }, map: idx.map { view.map[$0] }))
        }
        return out
    }

    /// The subject of the subordinate clause that `k` is in: the subject after the last "when", "as",
    /// "after", ... before it ("... when Khrushchev visited Belgrade and signed").
    static func clauseSubject(_ units: [Unit], before k: Int, after words: Set<String> = subordinators) -> ClosedRange<Int>? {
        guard let b = units[..<k].lastIndex(where: { $0.word.map(words.contains) ?? false }) else { return nil }
        guard let s = subjectRange(Array(units[(b + 1)..<k])) else { return nil }
        return (s.lowerBound + b + 1)...(s.upperBound + b + 1)
    }

    static let leadingSubordinators: Set<String> = ["when", "while", "although", "though", "because", "once", "if", "whereas"]
    static let subordinators: Set<String> = ["when", "as", "after", "since", "until", "once", "because", "whereas", "although", "though"]

    /// Verbs that may open a coordinated predicate although they do not look like one.
    static let coordinatedVerbs: Set<String> = [
        "met", "meets", "held", "holds", "paid", "pays", "made", "makes", "went", "goes", "flew", "flies", "came",
        "toured", "tours", "visits", "signed", "signs", "opened", "opens", "laid", "lays", "led", "leads",
        "travelled", "traveled", "travelling", "traveling", "visiting", "meeting", "holding", "signing", "touring",
        "returned", "returning", "arrived", "arriving", "stopped", "stopping", "attended", "attending", "joined", "joining",
        "maintains", "maintained", "keeps", "kept", "operates", "operated", "established", "establishes", "recognised", "recognized",
        "exports", "exported", "imports", "imported", "sells", "sold", "received", "welcomed", "hosted", "presented", "became",
    ]

    /// The sentence's subject: the first person, pronoun, country, organization or group
    /// that is not the object of a preposition, with its coordinated list ("X and Y").
    static func subjectRange(_ units: [Unit]) -> ClosedRange<Int>? {
        // A news dateline ("CSANÁDPALOTA, Hungary, 1 January 2025 (Reuters) –") comes before the subject.
        var start = 0
        if let dash = units.prefix(14).firstIndex(where: { $0.word == "–" || $0.word == "—" }), dash >= 1,
           units[..<dash].contains(where: { $0.spanType == .date || $0.spanType == .city || $0.spanType == .name }),
           !units[..<dash].contains(where: { $0.isVerbLike || $0.isCoordinatedVerb }) {
            start = dash + 1
        }
        // A leading subordinate clause: "After the liberation, when Swedish proposals for a Scandinavian union had
        // collapsed in January 1949, Denmark and Norway ... became founding members".
        if let sub = units[start...].prefix(8).firstIndex(where: { $0.word.map(leadingSubordinators.contains) ?? false }),
           sub == start || units[sub - 1].word == ",",
           !units[start..<sub].contains(where: { $0.isVerbLike || $0.isCoordinatedVerb }),
           let verb = units[(sub + 1)...].firstIndex(where: { $0.isVerbLike || $0.isCoordinatedVerb }),
           let comma = units[verb...].firstIndex(where: { $0.word == "," }), comma + 1 < units.count {
            start = comma + 1
        }
        for (k, u) in units.enumerated() where k >= start {
            // "the newly elected president, X, flew": a participle after a determiner is an adjective.
            let adjective = k > 0 && (units[k - 1].flags & UnitFlags.the != 0 || units[k - 1].word.map(determiners.contains) ?? false)
            if (u.isVerbLike || u.isCoordinatedVerb) && !adjective { return nil }
            guard let s = u.span, Self.subjectTypes.contains(s.type) else { continue }
            if s.type == .pronoun, let r = s.role, r != "person" && r != "thing" && r != "country" && !r.hasPrefix("title:") { continue }
            if s.type == .pronoun, ["his", "her", "its"].contains(s.label) { continue }
            // "the Libyan leader, Muammar Gaddafi, paid ...": a demonym before a noun or a title is an adjective.
            if s.type == .demonym, k + 1 < units.count, units[k + 1].spanType == .title
                || (units[k + 1].word.map { $0 != "and" && $0 != "," && $0 != "." } ?? false && !units[k + 1].isVerbLike) { continue }
            if k > 0, units[k - 1].isPreposition || units[k - 1].word == "'s" { continue }
            if k + 1 < units.count, units[k + 1].word == "'s" { continue }
            var end = k
            var j = k + 1
            func sameKind(_ a: SpanType, _ b: SpanType) -> Bool { a == b || (a == .person && b == .name) || (a == .name && b == .person) }
            while j + 1 < units.count, let w = units[j].word, w == "and" || w == ",", let s2 = units[j + 1].span, sameKind(s2.type, s.type) {
                end = j + 1
                j += 2
            }
            return k...end
        }
        return nil
    }

    static func select(_ view: View, _ keep: [Bool], dropOrphanCommas: Bool) -> View {
        var units: [Unit] = [], map: [Int] = []
        for (k, u) in view.units.enumerated() where keep[k] {
            // A comma left where something was removed: "Harper , met" -> "Harper met".
            if dropOrphanCommas, u.word == ",", k > 0, !keep[k - 1] { continue }
            if dropOrphanCommas, u.word == ",", let last = units.last, last.word == "," { continue }
            units.append(u)
            map.append(view.map[k])
        }
        return View(units: units, map: map)
    }
}
