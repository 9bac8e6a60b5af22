/// The container kinds a term may declare (`@container`).
struct Container: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let graph = Container(rawValue: 1 << 0)
    static let id = Container(rawValue: 1 << 1)
    static let index = Container(rawValue: 1 << 2)
    static let language = Container(rawValue: 1 << 3)
    static let list = Container(rawValue: 1 << 4)
    static let set = Container(rawValue: 1 << 5)
    static let type = Container(rawValue: 1 << 6)

    static let byKeyword: [String: Container] = [
        "@graph": .graph, "@id": .id, "@index": .index, "@language": .language,
        "@list": .list, "@set": .set, "@type": .type,
    ]
}

/// A term definition (JSON-LD 1.1 API §4.1): what a term of a context means.
struct TermDefinition {
    /// The IRI, blank node identifier or keyword the term maps to; nil for a
    /// term defined as null (`"term": null`), which expands to nothing.
    var iri: String?
    var prefix = false
    var protected = false
    var reverse = false
    /// The type mapping: an IRI, `@id`, `@vocab`, `@json` or `@none`.
    var type: String?
    /// The language mapping when the definition has one (`.some(nil)`: `"@language": null`).
    var language: String??
    /// The direction mapping when the definition has one (`.some(nil)`: `"@direction": null`).
    var direction: String??
    var container: Container = []
    var index: String?
    var nest: String?
    /// The scoped context (`.some(.null)` is the null context) and the URL it is relative to.
    var context: JSONValue?
    var baseURL: String?
    /// Where the scoped context was written, for messages.
    var contextLocation: SourceLocation?

    /// The same definition, protection aside (the protected-term rule).
    func sameDefinition(as other: TermDefinition) -> Bool {
        iri == other.iri && prefix == other.prefix && reverse == other.reverse && type == other.type
            && language == other.language && direction == other.direction && container == other.container
            && index == other.index && nest == other.nest && context == other.context
            && (context == nil || baseURL == other.baseURL)
    }
}

/// The active context: the term definitions and defaults in force at a
/// point of a document.
struct ActiveContext {
    var terms: [String: TermDefinition] = [:]
    /// The base IRI relative IRIs resolve against (nil: none, relative IRIs stay relative).
    var base: String?
    /// The document's base, which `"@context": null` restores.
    var originalBase: String?
    var vocab: String?
    var language: String?
    var direction: String?
    /// The context to return to when entering a new node object (set by
    /// non-propagated, i.e. type-scoped, contexts).
    var previous: PreviousContext?

    init(base: String?) {
        self.base = base
        originalBase = base
    }

    var hasProtectedTerms: Bool { terms.values.contains { $0.protected } }

    /// IRI expansion (§5.2) outside context processing.
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if JSONLDSyntax.isKeyword(value) { return value }
        if JSONLDSyntax.hasKeywordForm(value) { return nil }
        if let def = terms[value], let iri = def.iri, JSONLDSyntax.isKeyword(iri) { return iri }
        if vocab, let def = terms[value] { return def.iri }
        if let colon = value.firstIndex(of: ":"), colon != value.startIndex {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let def = terms[prefix], let iri = def.iri, def.prefix { return iri + suffix }
            if JSONLDSyntax.isAbsoluteIRI(value) { return value }
        }
        if vocab, let mapping = self.vocab { return mapping + value }
        if documentRelative { return JSONLDIRI.resolve(value, against: base) }
        return value
    }
}

/// A boxed context (contexts are values; the previous one is kept by reference).
final class PreviousContext {
    let context: ActiveContext
    init(_ context: ActiveContext) { self.context = context }
}
