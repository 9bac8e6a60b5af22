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
        public let documents: [String]
    }

    public struct Score: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var precision: Double { truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public struct Report: Sendable {
        public var overall = Score()
        public var byPredicate: [String: Score] = [:]
        public var datedGold = 0
        public var datesCorrect = 0
        public var dateAccuracy: Double { datedGold == 0 ? 1 : Double(datesCorrect) / Double(datedGold) }
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

    /// The facts of a graph as labels.
    public static func predictions(_ graph: KnowledgeGraph) -> [PredictedFact] {
        graph.sortedFacts.map { f in
            let object: String
            switch f.object {
            case .entity(let k): object = graph.entities[k]?.label ?? k.slug
            case .literal(let s): object = s
            }
            let docs = Array(Set(f.mentions.map(\.provenance.documentID))).sorted()
            return PredictedFact(subject: graph.entities[f.subject]?.label ?? f.subject.slug, predicate: f.predicate,
                                 object: object, dates: Set(f.mentions.compactMap { $0.date?.description }),
                                 evidence: f.mentions.first?.provenance.sentence ?? "", documents: docs)
        }
    }

    public static func score(predicted: [PredictedFact], gold: [GoldFact]) -> Report {
        var report = Report()
        func matches(_ p: PredictedFact, _ g: GoldFact) -> Bool {
            guard p.predicate == g.predicate else { return false }
            let ps = Fold.matchKey(p.subject), po = Fold.matchKey(p.object)
            let gs = Set(g.subjects.map(Fold.matchKey)), go = Set(g.objects.map(Fold.matchKey))
            if gs.contains(ps) && go.contains(po) { return true }
            return symmetric.contains(p.predicate) && gs.contains(po) && go.contains(ps)
        }
        // Gold facts are unique by subject, predicate and object; dates are checked per gold line.
        var goldFacts: [GoldFact] = []
        for g in gold where !goldFacts.contains(where: { $0.predicate == g.predicate && $0.subjects == g.subjects && $0.objects == g.objects }) {
            goldFacts.append(g)
        }
        var matchedPredicted = Set<Int>()
        for g in goldFacts {
            var score = report.byPredicate[g.predicate] ?? Score()
            if let i = predicted.indices.first(where: { matches(predicted[$0], g) }) {
                score.truePositives += 1
                for (k, p) in predicted.enumerated() where matches(p, g) { matchedPredicted.insert(k) }
                _ = i
            } else {
                score.falseNegatives += 1
                report.missed.append(g)
            }
            report.byPredicate[g.predicate] = score
        }
        for (k, p) in predicted.enumerated() where !matchedPredicted.contains(k) {
            report.byPredicate[p.predicate, default: Score()].falsePositives += 1
            report.falsePositives.append(p)
        }
        for g in gold {
            guard let d = g.date, let p = predicted.first(where: { matches($0, g) }) else { continue }
            report.datedGold += 1
            if predicted.contains(where: { matches($0, g) && $0.dates.contains(d) }) { report.datesCorrect += 1 }
            else { report.wrongDates.append((g, p.dates)) }
        }
        for s in report.byPredicate.values {
            report.overall.truePositives += s.truePositives
            report.overall.falsePositives += s.falsePositives
            report.overall.falseNegatives += s.falseNegatives
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
        var out = pad("predicate", 26) + lpad("tp", 5) + lpad("fp", 5) + lpad("fn", 5) + lpad("P", 7) + lpad("R", 7) + lpad("F1", 7) + "\n"
        for (name, s) in byPredicate.sorted(by: { $0.key < $1.key }) {
            out += pad(name, 26) + lpad("\(s.truePositives)", 5) + lpad("\(s.falsePositives)", 5) + lpad("\(s.falseNegatives)", 5)
                + lpad(f(s.precision), 7) + lpad(f(s.recall), 7) + lpad(f(s.f1), 7) + "\n"
        }
        let o = overall
        out += pad("overall", 26) + lpad("\(o.truePositives)", 5) + lpad("\(o.falsePositives)", 5) + lpad("\(o.falseNegatives)", 5)
            + lpad(f(o.precision), 7) + lpad(f(o.recall), 7) + lpad(f(o.f1), 7) + "\n"
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
