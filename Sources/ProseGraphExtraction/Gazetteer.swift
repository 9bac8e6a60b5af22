import Foundation

/// What the gazetteer knows a phrase to be.
public struct GazetteerEntry: Hashable, Sendable {
    public enum Kind: String, Sendable { case country, demonym, city, organization, position }
    public let kind: Kind
    /// Canonical label: the country's short name for a demonym, the canonical
    /// title for a position.
    public let label: String
    public let wikidata: String?
    /// ISO 3166-1 alpha-2: the country's own, or the city's country.
    public let countryCode: String?
    /// Position role (`envoy`, `consul`, `royal`, ...) or organization kind.
    public let role: String?
    /// Match the text's case exactly (acronyms such as "EU", "UN", "AfDB"):
    /// the token texts to match, or nil for case-insensitive names.
    public let exactTokens: [String]?

    init(kind: Kind, label: String, wikidata: String?, countryCode: String?, role: String?, exactCase: Bool, surface: String) {
        self.kind = kind
        self.label = label
        self.wikidata = wikidata
        self.countryCode = countryCode
        self.role = role
        self.exactTokens = exactCase ? Tokenizer.tokenize(surface).map(\.text) : nil
    }
}

/// Countries, demonyms, cities, organizations and position titles, loaded
/// once from the TSV files in Resources/gazetteer (see the README there),
/// indexed by token sequence for longest-match lookups.
public final class Gazetteer: Sendable {
    /// Phrases by their first token's lower-cased text; each list longest first.
    private let index: WordMap<[(tokens: [String], hashes: [UInt64?], entries: [GazetteerEntry])]>
    private let firstWords: WordFilter
    public let countriesByCode: [String: GazetteerEntry]
    public let countriesByLabel: [String: GazetteerEntry]
    /// Each country's capital, by the country's ISO code (none where the list gives it several).
    public let capitalsByCode: [String: GazetteerEntry]
    /// Longest phrase, in tokens.
    public let maxLength: Int
    /// The last words of position titles in the plural ("presidents", "ministers"), lower case.
    public let pluralPositionWords: Set<String>
    /// `pluralPositionWords`, for token lookups.
    let pluralPositionIndex: WordSet

    public static let shared: Gazetteer = {
        do { return try Gazetteer(directory: resourceDirectory) } catch {
            fatalError("the gazetteer shipped with prosegraph cannot be read: \(error)")
        }
    }()

    static var resourceDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("gazetteer")
    }

    public struct LoadError: Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public init(directory: URL) throws {
        var phrases: [String: (tokens: [String], entries: [GazetteerEntry])] = [:]
        var byCode: [String: GazetteerEntry] = [:]
        var byLabel: [String: GazetteerEntry] = [:]

        func add(_ phrase: String, _ entry: GazetteerEntry) {
            let tokens = Tokenizer.tokenize(phrase).map(\.lower)
            guard !tokens.isEmpty else { return }
            let key = tokens.joined(separator: " ")
            if var existing = phrases[key] {
                if !existing.entries.contains(entry) { existing.entries.append(entry) }
                phrases[key] = existing
            } else {
                phrases[key] = (tokens, [entry])
            }
        }

        func rows(_ name: String, columns: Int) throws -> [(Int, [String])] {
            let url = directory.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            var out: [(Int, [String])] = []
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cells.count == columns else {
                    throw LoadError(file: name, line: i + 1, message: "expected \(columns) tab-separated columns, found \(cells.count)")
                }
                out.append((i + 1, cells))
            }
            return out
        }
        func list(_ cell: String) -> [String] { cell.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        func isAcronym(_ s: String) -> Bool {
            let letters = s.unicodeScalars.filter { $0.properties.isAlphabetic }
            return !letters.isEmpty && letters.count <= 6 && letters.allSatisfy { $0.properties.isUppercase }
        }

        for (_, c) in try rows("countries.tsv", columns: 6) {
            let qid = c[4].isEmpty ? nil : c[4], code = c[3].isEmpty ? nil : c[3]
            let country = GazetteerEntry(kind: .country, label: c[0], wikidata: qid, countryCode: code, role: nil, exactCase: false, surface: c[0])
            byLabel[c[0]] = country
            if let code { byCode[code] = country }
            for name in [c[0]] + list(c[1]) + list(c[5]) {
                add(name, GazetteerEntry(kind: .country, label: c[0], wikidata: qid, countryCode: code, role: nil, exactCase: isAcronym(name), surface: name))
            }
            for d in list(c[2]) {
                add(d, GazetteerEntry(kind: .demonym, label: c[0], wikidata: qid, countryCode: code, role: nil, exactCase: false, surface: d))
            }
        }
        var capitals: [String: [GazetteerEntry]] = [:]
        for (_, c) in try rows("cities.tsv", columns: 5) {
            let qid = c[2].isEmpty ? nil : c[2]
            if c[4] == "capital" {
                capitals[c[1], default: []].append(GazetteerEntry(kind: .city, label: c[0], wikidata: qid, countryCode: c[1], role: c[4], exactCase: false, surface: c[0]))
            }
            for name in [c[0]] + list(c[3]) {
                add(name, GazetteerEntry(kind: .city, label: c[0], wikidata: qid, countryCode: c[1], role: c[4], exactCase: false, surface: name))
            }
        }
        for (_, c) in try rows("organizations.tsv", columns: 5) {
            let qid = c[3].isEmpty ? nil : c[3]
            for name in [c[0]] + list(c[4]) {
                add(name, GazetteerEntry(kind: .organization, label: c[0], wikidata: qid, countryCode: nil, role: c[2], exactCase: false, surface: name))
            }
            for a in list(c[1]) {
                add(a, GazetteerEntry(kind: .organization, label: c[0], wikidata: qid, countryCode: nil, role: c[2], exactCase: true, surface: a))
            }
        }
        for (_, c) in try rows("positions.tsv", columns: 3) {
            for name in [c[0]] + list(c[1]) {
                add(name, GazetteerEntry(kind: .position, label: c[0], wikidata: nil, countryCode: nil, role: c[2], exactCase: false, surface: name))
            }
        }

        var index: [String: [(tokens: [String], entries: [GazetteerEntry])]] = [:]
        var maxLength = 1
        for (_, p) in phrases {
            index[p.tokens[0], default: []].append(p)
            maxLength = max(maxLength, p.tokens.count)
        }
        for k in index.keys {
            index[k]!.sort { $0.tokens.count != $1.tokens.count ? $0.tokens.count > $1.tokens.count : $0.tokens.joined(separator: " ") < $1.tokens.joined(separator: " ") }
        }
        self.index = WordMap(index.map { ($0.key, $0.value.map { ($0.tokens, $0.tokens.map(WordIndex.asciiHash), $0.entries) }) })
        self.firstWords = WordFilter(index.keys)
        self.countriesByCode = byCode
        self.countriesByLabel = byLabel
        self.capitalsByCode = capitals.compactMapValues { $0.count == 1 ? $0[0] : nil }
        self.maxLength = maxLength
        self.pluralPositionWords = Set(phrases.values.filter { $0.entries.contains { $0.kind == .position } }.compactMap { $0.tokens.last.map { $0 + "s" } })
        self.pluralPositionIndex = WordSet(pluralPositionWords)
    }

    /// Every phrase starting at token `i`, longest first, whose case rules the
    /// text satisfies: names need a capital first letter, acronyms the exact case.
    public func matches(_ tokens: [Token], at i: Int) -> [(length: Int, entries: [GazetteerEntry])] {
        guard firstWords.mayContain(tokens[i].lower), let candidates = index[tokens[i]] else { return [] }
        var out: [(Int, [GazetteerEntry])] = []
        for c in candidates {
            let n = c.tokens.count
            guard i + n <= tokens.count else { continue }
            var ok = true
            // Two ASCII words differ when their hashes do; otherwise the texts decide.
            for k in 1..<max(n, 1) {
                if let a = tokens[i + k].lowerHash, let b = c.hashes[k], a != b { ok = false; break }
                if tokens[i + k].lower != c.tokens[k] { ok = false; break }
            }
            guard ok else { continue }
            func applies(_ e: GazetteerEntry) -> Bool {
                if let exact = e.exactTokens { return tokens[i..<(i + n)].map(\.text) == exact }
                if e.kind == .position { return true }
                // "NIS" (an acronym) is not the city Nis: a short all-capitals word names no city.
                if e.kind == .city, n == 1, tokens[i].isAllCaps, tokens[i].text.count <= 3 { return false }
                return tokens[i].isCapitalized
            }
            // Most phrases keep every entry: no new array then.
            let entries = c.entries.allSatisfy(applies) ? c.entries : c.entries.filter(applies)
            if !entries.isEmpty { out.append((n, entries)) }
        }
        return out
    }
}
