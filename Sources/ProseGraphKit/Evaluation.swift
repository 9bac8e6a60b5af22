import ProseGraphModel

/// Scores extracted facts against gold annotations, by the rules of the
/// annotation guideline: a predicted fact matches a gold fact when the
/// predicates are equal and subject and object labels match after folding case
/// and diacritics, dropping punctuation and a leading "the" (either direction
/// for symmetric predicates); any `|` alternative of a gold label matches.
/// Facts are compared as sets over the whole corpus; date accuracy is counted
/// over matched gold facts that have a date.
public struct Evaluation: Sendable {
    public struct GoldFact: Hashable, Sendable {
        public let document: String
        public let subjects: [String]
        public let predicate: String
        public let objects: [String]
        public let date: String?
        public let line: Int
    }

    public struct PredictedFact: Hashable, Sendable {
        public let subject: String
        public let predicate: String
        public let object: String
        public let dates: Set<String>
        /// One sentence that states it, for `--misses`.
        public let evidence: String
        /// The title of the article that states it (the gold's document column); nil matches any document.
        public let document: String?

        public init(subject: String, predicate: String, object: String, dates: Set<String>, evidence: String, document: String?) {
            self.subject = subject
            self.predicate = predicate
            self.object = object
            self.dates = dates
            self.evidence = evidence
            self.document = document
        }
    }

    public struct Score: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        /// Gold lines with a date whose fact was found, and those of them whose date was found too.
        public var datedGold = 0
        public var datesCorrect = 0
        public var precision: Double { truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var dateAccuracy: Double { datedGold == 0 ? 1 : Double(datesCorrect) / Double(datedGold) }

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0, datedGold: Int = 0, datesCorrect: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
            self.datedGold = datedGold
            self.datesCorrect = datesCorrect
        }
    }

    public struct Report: Sendable {
        public var overall = Score()
        public var byPredicate: [String: Score] = [:]
        public var datedGold: Int { overall.datedGold }
        public var datesCorrect: Int { overall.datesCorrect }
        public var dateAccuracy: Double { overall.dateAccuracy }
        public var falsePositives: [PredictedFact] = []
        public var missed: [GoldFact] = []
        public var wrongDates: [(gold: GoldFact, predicted: Set<String>)] = []
    }

    public static let symmetric: Set<String> = ["metWith", "establishedRelationsWith", "twinnedWith", "signedAgreementWith"]

    public struct GoldError: Error, CustomStringConvertible {
        public let path: String
        public let line: Int
        /// 1-based, in Unicode scalars: where the bad cell starts (1 for a bad line).
        public let column: Int
        public let message: String
        public var description: String { "\(path):\(line):\(column): \(message)" }
    }

    /// Parses a gold TSV: `document<TAB>subject<TAB>predicate<TAB>object<TAB>date`, `#` comments.
    public static func parseGold(_ text: String, path: String) throws(GoldError) -> [GoldFact] {
        var out: [GoldFact] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5 || cells.count == 4 else {
                throw GoldError(path: path, line: i + 1, column: 1, message: "expected 5 tab-separated columns (document, subject, predicate, object, date), found \(cells.count)")
            }
            let date = cells.count == 5 && !cells[4].isEmpty ? cells[4] : nil
            if let d = date, FactDate(iso: d) == nil {
                let column = cells[0..<4].reduce(1) { $0 + $1.unicodeScalars.count + 1 }
                throw GoldError(path: path, line: i + 1, column: column, message: "'\(d)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            out.append(GoldFact(document: cells[0], subjects: cells[1].split(separator: "|").map(String.init),
                                predicate: cells[2], objects: cells[3].split(separator: "|").map(String.init),
                                date: date, line: i + 1))
        }
        return out
    }

    /// The facts of a graph as labels, one per fact and article that states it
    /// (the article's title is the gold's document column).
    public static func predictions(_ graph: KnowledgeGraph) -> [PredictedFact] {
        var out: [PredictedFact] = []
        for f in graph.sortedFacts {
            let object: String
            switch f.object {
            case .entity(let k): object = graph.entities[k]?.label ?? k.slug
            case .literal(let s): object = s
            }
            let subject = graph.entities[f.subject]?.label ?? f.subject.slug
            var byDocument: [String?: [Mention]] = [:]
            for m in f.mentions { byDocument[graph.documents[m.provenance.documentID]?.title, default: []].append(m) }
            for (document, mentions) in byDocument.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }) {
                out.append(PredictedFact(subject: subject, predicate: f.predicate, object: object,
                                         dates: Set(mentions.compactMap { $0.date?.description }),
                                         evidence: mentions.first?.provenance.sentence ?? "", document: document))
            }
        }
        return out
    }

    /// Scores predictions against gold facts. A prediction matches a gold fact of
    /// the same document (a prediction without a document matches any); gold
    /// facts are unique by document, subject, predicate and object (a fact with
    /// two dated lines is one fact, its dates checked per line); predictions
    /// that fold to the same fact count once.
    public static func score(predicted raw: [PredictedFact], gold: [GoldFact]) -> Report {
        var report = Report()
        struct Key: Hashable { let document: String?, predicate: String, subject: String, object: String }
        func key(_ document: String?, _ predicate: String, _ s: String, _ o: String) -> Key {
            symmetric.contains(predicate) && o < s ? Key(document: document, predicate: predicate, subject: o, object: s)
                : Key(document: document, predicate: predicate, subject: s, object: o)
        }
        // Predictions folded to one per fact: the same fact under two spellings is predicted once.
        var predicted: [(key: Key, fact: PredictedFact, dates: Set<String>)] = []
        var slot: [Key: Int] = [:]
        for p in raw {
            let k = key(p.document, p.predicate, Fold.matchKey(p.subject), Fold.matchKey(p.object))
            if let i = slot[k] { predicted[i].dates.formUnion(p.dates) } else {
                slot[k] = predicted.count
                predicted.append((k, p, p.dates))
            }
        }
        struct Bucket: Hashable { let document: String?, predicate: String }
        var buckets: [Bucket: [Int]] = [:]
        for (i, p) in predicted.enumerated() { buckets[Bucket(document: p.key.document, predicate: p.key.predicate), default: []].append(i) }
        func candidates(_ g: GoldFact) -> [Int] {
            (buckets[Bucket(document: g.document, predicate: g.predicate)] ?? []) + (buckets[Bucket(document: nil, predicate: g.predicate)] ?? [])
        }
        func matching(_ g: GoldFact) -> [Int] {
            let gs = Set(g.subjects.map(Fold.matchKey)), go = Set(g.objects.map(Fold.matchKey))
            return candidates(g).filter { i in
                let p = predicted[i].key
                if gs.contains(p.subject) && go.contains(p.object) { return true }
                return symmetric.contains(g.predicate) && gs.contains(p.object) && go.contains(p.subject)
            }
        }
        var seen = Set<[String]>()
        var matchedPredicted = Set<Int>()
        for g in gold {
            let hits = matching(g)
            var score = report.byPredicate[g.predicate] ?? Score()
            if seen.insert([g.document, g.predicate] + g.subjects + ["\t"] + g.objects).inserted {
                if hits.isEmpty {
                    score.falseNegatives += 1
                    report.missed.append(g)
                } else {
                    score.truePositives += 1
                    matchedPredicted.formUnion(hits)
                }
            }
            if let d = g.date, !hits.isEmpty {
                score.datedGold += 1
                let dates = hits.reduce(into: Set<String>()) { $0.formUnion(predicted[$1].dates) }
                if dates.contains(d) { score.datesCorrect += 1 } else { report.wrongDates.append((g, dates)) }
            }
            report.byPredicate[g.predicate] = score
        }
        for (i, p) in predicted.enumerated() where !matchedPredicted.contains(i) {
            report.byPredicate[p.key.predicate, default: Score()].falsePositives += 1
            report.falsePositives.append(p.fact)
        }
        for s in report.byPredicate.values {
            report.overall.truePositives += s.truePositives
            report.overall.falsePositives += s.falsePositives
            report.overall.falseNegatives += s.falseNegatives
            report.overall.datedGold += s.datedGold
            report.overall.datesCorrect += s.datesCorrect
        }
        return report
    }
}

extension Evaluation.Report {
    /// The table `prosegraph eval` prints.
    public func table(misses: Bool) -> String {
        func f(_ x: Double) -> String {
            let v = Int((x * 1000).rounded())
            return "\(v / 1000).\(String(repeating: "0", count: 3 - String(v % 1000).count))\(v % 1000)"
        }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        func dates(_ s: Evaluation.Score) -> String { s.datedGold == 0 ? "-" : "\(s.datesCorrect)/\(s.datedGold)" }
        func row(_ name: String, _ s: Evaluation.Score) -> String {
            pad(name, 26) + lpad("\(s.truePositives)", 5) + lpad("\(s.falsePositives)", 5) + lpad("\(s.falseNegatives)", 5)
                + lpad(f(s.precision), 7) + lpad(f(s.recall), 7) + lpad(f(s.f1), 7) + lpad(dates(s), 9) + "\n"
        }
        var out = pad("predicate", 26) + lpad("tp", 5) + lpad("fp", 5) + lpad("fn", 5) + lpad("P", 7) + lpad("R", 7) + lpad("F1", 7) + lpad("dates", 9) + "\n"
        for (name, s) in byPredicate.sorted(by: { $0.key < $1.key }) { out += row(name, s) }
        out += row("overall", overall)
        out += "date accuracy: \(datesCorrect)/\(datedGold) = \(f(dateAccuracy))\n"
        if misses {
            for p in falsePositives {
                out += "false: \(p.subject) \(p.predicate) \(p.object) \(p.dates.sorted().joined(separator: ","))\n  in: \(p.evidence)\n"
            }
            for g in missed {
                out += "missed: \(g.subjects[0]) \(g.predicate) \(g.objects[0]) \(g.date ?? "") (gold line \(g.line), \(g.document))\n"
            }
            for w in wrongDates {
                out += "date: \(w.gold.subjects[0]) \(w.gold.predicate) \(w.gold.objects[0]): gold \(w.gold.date ?? "") predicted \(w.predicted.sorted().joined(separator: ",")) (gold line \(w.gold.line))\n"
            }
        }
        return out
    }
}
