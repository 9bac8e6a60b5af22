import Foundation
import ProseGraphModel
import ProseGraphText
import Yams

/// A relation rule, read from YAML. See Resources/rules/README.md for the format.
public struct RelationRule: Sendable {
    public enum DateMode: String, Sendable { case sentence, none }
    public enum Scope: String, Sendable { case prose, infobox }

    public let id: String
    public let predicate: String
    public let patterns: [Pattern]
    public let date: DateMode
    public let confidence: Double
    public let scope: Scope
    /// Infobox keys the rule reads (`Mission*` matches `Mission1`).
    public let keys: [String]
    /// Whether the rule also fires after "said that", "called for" and similar.
    public let allowReported: Bool
    /// `host-party`: the pattern binds only a subject; the object is the
    /// article's party named in the sentence that is not the subject's own country.
    public let hostPartyObject: Bool
    /// `object-as: country`: a city object stands for its country ("ambassador in Santiago" -> Chile).
    public let cityObjectAsCountry: Bool
    /// `subject-as: nationality` / `object-as: nationality`: a person stands for their
    /// country ("the Turkish Foreign Minister inaugurated the embassy" -> Turkey).
    public let subjectAsNationality: Bool
    public let objectAsNationality: Bool
    /// `object: abroad`: the fact holds only where the object lies outside the subject's own
    /// country, known from the subject's nationality ("X met Y in Port Moresby" is a visit of X's
    /// only when X is not from Papua New Guinea).
    public var objectAbroad: Bool = false
    /// `object: not-home`: like `abroad`, but the fact also holds where the subject's country or the
    /// object's is unknown; only a subject at home is no visitor ("X held talks in Baku").
    public var objectNotHome: Bool = false
    /// `object: parties`: the pattern binds nothing; the fact holds between the article's two
    /// parties ("Diplomatic relations were established on 14 November 1989").
    public var betweenParties: Bool = false
    /// `subject: other-party`: the pattern binds only an object, one of the article's two parties;
    /// the subject is the other party ("natural gas is imported from Iran" in Iran–Iraq relations).
    public var subjectIsOtherParty: Bool = false
    /// The object is the title's text (holdsPosition) rather than an entity.
    public var literalObject: Bool { patterns.first?.literalObject ?? false }
}

/// One compiled pattern: a sequence of elements, anchored on its first required element.
public struct Pattern: Sendable {
    /// `pair` binds a group ("the two countries") as both subject and object: one fact per pair of its members.
    public enum Role: String, Sendable { case subject, object, pair, ignored = "_" }

    public struct SlotType: Hashable, Sendable {
        public let type: SpanType
        /// For titles: the roles allowed (`Title[envoy]`).
        public let roles: Set<String>
        /// `Type[exact]`: only a span of that type, not an untyped name the slot would otherwise take.
        public let exact: Bool
        /// `Title[plural]` (among its roles): a title written in the plural.
        public let plural: Bool

        init(type: SpanType, roles: Set<String>) {
            self.type = type
            self.roles = roles
            self.exact = roles == ["exact"]
            self.plural = roles.contains("plural")
        }
    }

    public enum Element: Sendable {
        case words(Set<String>, prefixes: [String], optional: Bool)
        case slot(Role, [SlotType], list: Bool, optional: Bool)
        case gap(Int)
    }

    public let source: String
    public let elements: [Element]
    public let anchor: Int

    /// The entity types the slot of `role` expects (an untyped name is resolved as the first of them,
    /// a country last: every country is in the gazetteer, so a name the gazetteer does not know in a
    /// "Country|City|Place" slot is a city or a place, "travelled to Trujillo").
    public func expectedType(_ role: Role) -> EntityType? {
        var country = false
        for e in elements {
            guard case .slot(let r, let types, _, _) = e, r == role || (r == .pair && role != .ignored) else { continue }
            for t in types {
                switch t.type {
                case .person: return .person
                case .city: return .city
                case .place: return .place
                case .organization: return .organization
                case .country, .demonym: country = true
                default: continue
                }
            }
        }
        return country ? .country : nil
    }

    var literalObject: Bool {
        elements.contains { if case .slot(.object, let types, _, _) = $0 { return types.allSatisfy { $0.type == .title } } else { return false } }
    }
}

public struct RuleError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let message: String
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

public struct RuleSet: Sendable {
    public let rules: [RelationRule]

    public init(rules: [RelationRule]) { self.rules = rules }

    /// The rules shipped with prosegraph (Resources/rules/default.yaml and the frames of frames.yaml).
    public static let standard: RuleSet = {
        do {
            let dir = Bundle.module.resourceURL!.appendingPathComponent("rules")
            let rules = try RuleSet(yaml: try String(contentsOf: dir.appendingPathComponent("default.yaml"), encoding: .utf8), file: "default.yaml")
            let frames = try Frames.rules(yaml: try String(contentsOf: dir.appendingPathComponent("frames.yaml"), encoding: .utf8), file: "frames.yaml")
            return RuleSet(rules: rules.rules + frames)
        } catch {
            fatalError("the rule set shipped with prosegraph is invalid: \(error)")
        }
    }()

    public func adding(_ other: RuleSet) -> RuleSet { RuleSet(rules: rules + other.rules) }

    /// Parses a rule file's bytes, which must be UTF-8 (a bad byte is an
    /// error naming its line, not a U+FFFD in a pattern).
    public init(bytes: [UInt8], file: String) throws {
        if let offset = UTF8Text.firstInvalidOffset(in: bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw RuleError(file: file, line: line, message: "the file is not valid UTF-8 (byte offset \(offset))")
        }
        try self.init(yaml: String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// Parses a rule file. Errors name the file and, where YAML knows it, the line.
    public init(yaml: String, file: String) throws {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch let e as YamlError {
            throw RuleError(file: file, line: Self.line(of: e), message: "not valid YAML: \(Self.summary(e))")
        }
        guard let root = node, let items = root.sequence else {
            throw RuleError(file: file, line: 1, message: "a rule file is a YAML list of rules")
        }
        var rules: [RelationRule] = []
        var seen = Set<String>()
        for item in items {
            let line = item.mark.map { $0.line }
            func fail(_ m: String) -> RuleError { RuleError(file: file, line: line, message: m) }
            guard let map = item.mapping else { throw fail("each rule is a mapping with id, predicate and patterns") }
            let known: Set<String> = ["id", "predicate", "patterns", "date", "confidence", "scope", "keys", "reported", "note", "object", "object-as", "subject-as", "subject"]
            for key in map.keys { if let k = key.string, !known.contains(k) { throw fail("unknown key '\(k)' (expected one of \(known.sorted().joined(separator: ", ")))") } }
            guard let id = map["id"]?.string, !id.isEmpty else { throw fail("a rule needs an 'id'") }
            guard seen.insert(id).inserted else { throw fail("rule id '\(id)' is used twice") }
            guard let predicate = map["predicate"]?.string, !predicate.isEmpty else { throw fail("rule '\(id)' needs a 'predicate'") }
            let patternNodes = map["patterns"]?.sequence ?? []
            guard !patternNodes.isEmpty else { throw fail("rule '\(id)' needs at least one pattern") }
            var patterns: [Pattern] = []
            for p in patternNodes {
                guard let text = p.string else { throw fail("rule '\(id)': a pattern is a string") }
                do { patterns.append(contentsOf: try Pattern.compileVariants(text)) } catch let e as PatternError {
                    throw RuleError(file: file, line: p.mark?.line ?? line, message: "rule '\(id)': \(e.message) in pattern \"\(text)\"")
                }
            }
            let date = try map["date"].map { n -> RelationRule.DateMode in
                guard let s = n.string, let d = RelationRule.DateMode(rawValue: s) else { throw fail("rule '\(id)': date is 'sentence' or 'none'") }
                return d
            } ?? .sentence
            let confidence = try map["confidence"].map { n -> Double in
                guard let s = n.string, let d = Double(s), (0...1).contains(d) else { throw fail("rule '\(id)': confidence is a number from 0 to 1") }
                return d
            } ?? 0.8
            let scope = try map["scope"].map { n -> RelationRule.Scope in
                guard let s = n.string, let v = RelationRule.Scope(rawValue: s) else { throw fail("rule '\(id)': scope is 'prose' or 'infobox'") }
                return v
            } ?? .prose
            let keys = map["keys"]?.sequence?.compactMap(\.string) ?? []
            let reported = map["reported"]?.string.map { $0 == "allow" } ?? false
            let objectAs = try map["object-as"].map { n -> String in
                guard let v = n.string, v == "country" || v == "nationality" else { throw fail("rule '\(id)': object-as is 'country' or 'nationality' when given") }
                return v
            }
            let subjectAs = try map["subject-as"].map { n -> String in
                guard n.string == "nationality" else { throw fail("rule '\(id)': subject-as is 'nationality' when given") }
                return "nationality"
            }
            let hostParty = try map["object"].map { n -> Bool in
                guard n.string == "host-party" || n.string == "abroad" || n.string == "not-home" || n.string == "parties" else {
                    throw fail("rule '\(id)': object is 'host-party', 'abroad', 'not-home' or 'parties' when given")
                }
                return n.string == "host-party"
            } ?? false
            let abroad = map["object"]?.string == "abroad"
            let parties = map["object"]?.string == "parties"
            let otherParty = try map["subject"].map { n -> Bool in
                guard n.string == "other-party" else { throw fail("rule '\(id)': subject is 'other-party' when given") }
                return true
            } ?? false
            for p in patterns where !parties && !otherParty {
                let roles = p.elements.compactMap { e -> Pattern.Role? in if case .slot(let r, _, _, _) = e { return r } else { return nil } }
                guard roles.contains(.pair) || (roles.contains(.subject) && (roles.contains(.object) || hostParty)) else {
                    throw fail("rule '\(id)': pattern \"\(p.source)\" needs a {subject:...} and an {object:...} slot, or a {pair:...} slot")
                }
            }
            var rule = RelationRule(id: id, predicate: predicate, patterns: patterns, date: date, confidence: confidence,
                                    scope: scope, keys: keys, allowReported: reported, hostPartyObject: hostParty, cityObjectAsCountry: objectAs == "country",
                                    subjectAsNationality: subjectAs != nil, objectAsNationality: objectAs == "nationality")
            rule.objectAbroad = abroad || map["object"]?.string == "not-home"
            rule.objectNotHome = map["object"]?.string == "not-home"
            rule.betweenParties = parties
            rule.subjectIsOtherParty = otherParty
            rules.append(rule)
        }
        self.rules = rules
    }

    static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func summary(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(e)"
        }
    }
}

struct PatternError: Error { let message: String }

extension Pattern {
    /// Expands optional groups `[ ... ]` (spaces around the brackets) into the
    /// patterns with and without them, then compiles each.
    static func compileVariants(_ source: String) throws -> [Pattern] {
        let pieces = source.split(separator: " ").map(String.init)
        var variants: [[String]] = [[]]
        var i = 0
        while i < pieces.count {
            if pieces[i] == "[" {
                guard let close = pieces[i...].firstIndex(of: "]") else { throw PatternError(message: "'[' without ']'") }
                let group = Array(pieces[(i + 1)..<close])
                if group.contains("[") { throw PatternError(message: "optional groups do not nest") }
                // Checked before doubling: n groups make 2^n variants.
                guard variants.count < 16 else { throw PatternError(message: "more than four optional groups") }
                variants = variants.flatMap { [$0 + group, $0] }
                i = close + 1
                continue
            }
            if pieces[i] == "]" { throw PatternError(message: "']' without '['") }
            variants = variants.map { $0 + [pieces[i]] }
            i += 1
        }
        return try variants.map { v in
            var p = try compile(v.joined(separator: " "))
            p = Pattern(source: source, elements: p.elements, anchor: p.anchor)
            return p
        }
    }

    /// Compiles the pattern language (see the rules README):
    /// `word`, `(a|b)`, `word?`, `pre*`, `~` / `~N` gaps, `{role:Type|Type[role]}` slots, `+` lists.
    static func compile(_ source: String) throws -> Pattern {
        var elements: [Element] = []
        var anchorIndex: Int? = nil
        for raw in source.split(separator: " ") {
            var piece = String(raw)
            if piece.hasPrefix("~") {
                let n = piece.dropFirst()
                guard n.isEmpty || Int(n) != nil else { throw PatternError(message: "a gap is '~' or '~N'") }
                elements.append(.gap(n.isEmpty ? 3 : Int(n)!))
                continue
            }
            var optional = false
            var list = false
            var explicitAnchor = false
            if piece.hasPrefix("!"), piece.count > 1 { explicitAnchor = true; piece.removeFirst() }
            if piece.hasSuffix("?") , piece.count > 1 { optional = true; piece.removeLast() }
            if piece.hasPrefix("{") {
                if piece.hasSuffix("+") { list = true; piece.removeLast() }
                if piece.hasSuffix("*") { list = true; optional = true; piece.removeLast() }
                guard piece.hasSuffix("}") else { throw PatternError(message: "a slot is written {role:Type}") }
                let inner = piece.dropFirst().dropLast()
                let parts = inner.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let role = Role(rawValue: String(parts[0])) else {
                    throw PatternError(message: "a slot's role is subject, object, pair or _")
                }
                var types: [SlotType] = []
                for t in parts[1].split(separator: "|") {
                    var name = String(t)
                    var roles = Set<String>()
                    if let open = name.firstIndex(of: "["), name.hasSuffix("]") {
                        roles = Set(name[name.index(after: open)..<name.index(before: name.endIndex)].split(separator: ",").map(String.init))
                        name = String(name[..<open])
                    }
                    guard let type = SpanType(rawValue: name) else {
                        throw PatternError(message: "unknown slot type '\(name)' (types: \(SpanType.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    types.append(SlotType(type: type, roles: roles))
                }
                elements.append(.slot(role, types, list: list, optional: optional))
                continue
            }
            if piece.hasPrefix("(") != piece.hasSuffix(")") {
                throw PatternError(message: "'\(piece)': alternatives are written (a|b) without spaces; write multi-word alternatives as separate patterns")
            }
            var words = Set<String>()
            var prefixes: [String] = []
            let body = piece.hasPrefix("(") && piece.hasSuffix(")") ? String(piece.dropFirst().dropLast()) : piece
            for w in body.split(separator: "|") {
                let lw = w.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                if lw.hasSuffix("*"), lw.count > 1 { prefixes.append(String(lw.dropLast())) } else { words.insert(lw) }
            }
            guard !words.isEmpty || !prefixes.isEmpty else { throw PatternError(message: "an empty word") }
            if explicitAnchor { anchorIndex = elements.count }
            elements.append(.words(words, prefixes: prefixes, optional: optional))
        }
        guard let anchor = anchorIndex ?? elements.firstIndex(where: {
            if case .words(_, _, false) = $0 { return true } else { return false }
        }) ?? elements.firstIndex(where: { if case .slot(_, _, _, false) = $0 { return true } else { return false } }) else {
            throw PatternError(message: "a pattern needs a word or a slot that is not optional")
        }
        return Pattern(source: source, elements: elements, anchor: anchor)
    }
}

