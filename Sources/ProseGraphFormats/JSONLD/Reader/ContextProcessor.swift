/// Context processing (JSON-LD 1.1 API §4.1) and term definition creation
/// (§4.2). Remote contexts come from the `DocumentLoader`, each loaded once
/// per document; the processor also keeps every document it parsed, so an
/// error can be located in the file it was found in.
final class ContextProcessor {
    struct Source {
        let path: String
        let bytes: [UInt8]
    }

    struct RemoteContext {
        let context: JSONValue
        let location: SourceLocation?
        let documentURL: String
    }

    let mode: JSONLDProcessingMode
    let loader: DocumentLoader
    private(set) var sources: [Source]
    private var remoteCache: [String: RemoteContext] = [:]
    private var remoteDocuments: [String: (JSONObject, SourceLocation)] = [:]

    /// More nested remote contexts than this is a `context overflow` (a cycle, in practice).
    static let maximumRemoteContexts = 32

    init(mode: JSONLDProcessingMode, loader: DocumentLoader, input: Source) {
        self.mode = mode
        self.loader = loader
        sources = [input]
    }

    // MARK: - Context processing (§4.1.2)

    func process(_ active: ActiveContext, _ local: JSONValue, at location: SourceLocation?, baseURL: String?,
                 remoteContexts: [String] = [], overrideProtected: Bool = false, propagate: Bool = true,
                 validateScoped: Bool = true) throws -> ActiveContext {
        var result = active
        var propagate = propagate
        if case .object(let o) = local, let p = o["@propagate"] {
            guard case .bool(let b) = p else {
                throw JSONLDFailure(.invalidPropagateValue, "@propagate must be true or false, not \(p.kind)", at: o.location(of: "@propagate") ?? location)
            }
            propagate = b
        }
        if !propagate && result.previous == nil { result.previous = PreviousContext(active) }

        let items: [(JSONValue, SourceLocation?)]
        if case .array(let a) = local {
            items = a.indices.map { (a[$0], a.location(at: $0) ?? location) }
        } else {
            items = [(local, location)]
        }

        for (context, at) in items {
            switch context {
            case .null:
                if !overrideProtected && result.hasProtectedTerms {
                    throw JSONLDFailure(.invalidContextNullification,
                                        "a null context cannot clear protected terms (\(protectedTermNames(result)))", at: at)
                }
                let before = result
                result = ActiveContext(base: active.originalBase)
                if !propagate { result.previous = PreviousContext(before) }
                continue

            case .string(let reference):
                let url = try resolveReference(reference, baseURL: baseURL, at: at)
                if !validateScoped && remoteContexts.contains(url) { continue }
                if remoteContexts.count >= Self.maximumRemoteContexts {
                    throw JSONLDFailure(.contextOverflow,
                                        "more than \(Self.maximumRemoteContexts) nested remote contexts (a context that includes itself?) at \(url)", at: at)
                }
                let remote = try dereference(url, at: at)
                result = try process(result, remote.context, at: remote.location, baseURL: remote.documentURL,
                                     remoteContexts: remoteContexts + [url], validateScoped: validateScoped)
                continue

            case .object(var ctx):
                if let version = ctx["@version"] {
                    guard case .number(let n) = version, n.double == 1.1 else {
                        throw JSONLDFailure(.invalidVersionValue, "@version must be the number 1.1", at: ctx.location(of: "@version") ?? at)
                    }
                    if mode == .jsonLD10 {
                        throw JSONLDFailure(.processingModeConflict, "@version 1.1 in json-ld-1.0 processing mode", at: ctx.location(of: "@version") ?? at)
                    }
                }
                if let importValue = ctx["@import"] {
                    let importAt = ctx.location(of: "@import") ?? at
                    if mode == .jsonLD10 {
                        throw JSONLDFailure(.invalidContextEntry, "@import is not allowed in json-ld-1.0 processing mode", at: importAt)
                    }
                    guard case .string(let reference) = importValue else {
                        throw JSONLDFailure(.invalidImportValue, "@import must be a string, not \(importValue.kind)", at: importAt)
                    }
                    let url = try resolveReference(reference, baseURL: baseURL, at: importAt)
                    let remote = try dereference(url, at: importAt)
                    guard case .object(var imported) = remote.context else {
                        throw JSONLDFailure(.invalidRemoteContext, "the @context of the imported \(url) is not an object", at: importAt)
                    }
                    if imported["@import"] != nil {
                        throw JSONLDFailure(.invalidContextEntry, "the imported context \(url) itself has an @import", at: importAt)
                    }
                    for (key, value) in ctx.entries {
                        if let l = ctx.location(of: key) { imported.set(key, value, at: l) } else { imported[key] = value }
                    }
                    ctx = imported
                }
                if let baseValue = ctx["@base"], remoteContexts.isEmpty {
                    let baseAt = ctx.location(of: "@base") ?? at
                    switch baseValue {
                    case .null:
                        result.base = nil
                    case .string(let b) where JSONLDSyntax.isAbsoluteIRI(b):
                        result.base = b
                    case .string(let b) where result.base != nil:
                        result.base = JSONLDIRI.resolve(b, against: result.base)
                    case .string(let b):
                        throw JSONLDFailure(.invalidBaseIRI, "@base \"\(b)\" is relative and there is no base IRI to resolve it against", at: baseAt)
                    default:
                        throw JSONLDFailure(.invalidBaseIRI, "@base must be a string or null, not \(baseValue.kind)", at: baseAt)
                    }
                }
                if let vocabValue = ctx["@vocab"] {
                    let vocabAt = ctx.location(of: "@vocab") ?? at
                    switch vocabValue {
                    case .null:
                        result.vocab = nil
                    case .string(let v):
                        if mode == .jsonLD10 && !(JSONLDSyntax.isAbsoluteIRI(v) || JSONLDSyntax.isBlankNodeID(v)) {
                            throw JSONLDFailure(.invalidVocabMapping, "@vocab \"\(v)\" must be an absolute IRI in json-ld-1.0 processing mode", at: vocabAt)
                        }
                        guard let expanded = result.expandIRI(v, documentRelative: true, vocab: true),
                              JSONLDSyntax.isAbsoluteIRI(expanded) || JSONLDSyntax.isBlankNodeID(expanded) else {
                            throw JSONLDFailure(.invalidVocabMapping, "@vocab \"\(v)\" is neither an IRI nor a blank node identifier", at: vocabAt)
                        }
                        result.vocab = expanded
                    default:
                        throw JSONLDFailure(.invalidVocabMapping, "@vocab must be a string or null, not \(vocabValue.kind)", at: vocabAt)
                    }
                }
                if let languageValue = ctx["@language"] {
                    switch languageValue {
                    case .null: result.language = nil
                    case .string(let l): result.language = l
                    default:
                        throw JSONLDFailure(.invalidDefaultLanguage, "@language must be a string or null, not \(languageValue.kind)",
                                            at: ctx.location(of: "@language") ?? at)
                    }
                }
                if let directionValue = ctx["@direction"] {
                    let directionAt = ctx.location(of: "@direction") ?? at
                    if mode == .jsonLD10 {
                        throw JSONLDFailure(.invalidContextEntry, "@direction is not allowed in json-ld-1.0 processing mode", at: directionAt)
                    }
                    switch directionValue {
                    case .null: result.direction = nil
                    case .string(let d) where d == "ltr" || d == "rtl": result.direction = d
                    default:
                        throw JSONLDFailure(.invalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null", at: directionAt)
                    }
                }
                if ctx["@propagate"] != nil && mode == .jsonLD10 {
                    throw JSONLDFailure(.invalidContextEntry, "@propagate is not allowed in json-ld-1.0 processing mode",
                                        at: ctx.location(of: "@propagate") ?? at)
                }
                var protected = false
                if let p = ctx["@protected"] {
                    let protectedAt = ctx.location(of: "@protected") ?? at
                    if mode == .jsonLD10 {
                        throw JSONLDFailure(.invalidContextEntry, "@protected is not allowed in json-ld-1.0 processing mode", at: protectedAt)
                    }
                    guard case .bool(let b) = p else {
                        throw JSONLDFailure(.invalidProtectedValue, "@protected must be true or false, not \(p.kind)", at: protectedAt)
                    }
                    protected = b
                }
                let builder = TermBuilder(processor: self, result: result, local: ctx, at: at, baseURL: baseURL,
                                          protected: protected, overrideProtected: overrideProtected,
                                          remoteContexts: remoteContexts)
                for key in ctx.keys where !Self.contextKeywords.contains(key) {
                    try builder.define(key)
                }
                result = builder.result

            default:
                throw JSONLDFailure(.invalidLocalContext, "a context must be an object, a string (a URL) or null, not \(context.kind)", at: at)
            }
        }
        return result
    }

    private static let contextKeywords: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    ]

    private func protectedTermNames(_ context: ActiveContext) -> String {
        let names = context.terms.filter { $0.value.protected }.keys.sorted()
        return names.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 5 ? ", ..." : "")
    }

    // MARK: - Remote contexts

    /// The URL of a context reference: resolved against the base URL, or the
    /// reference as written when there is no base (a loader may still have it by name).
    private func resolveReference(_ reference: String, baseURL: String?, at: SourceLocation?) throws -> String {
        JSONLDIRI.resolve(reference, against: baseURL)
    }

    /// The `@context` of the document at `url`, loaded once.
    func dereference(_ url: String, at: SourceLocation?) throws -> RemoteContext {
        if let cached = remoteCache[url] { return cached }
        let (object, _) = try loadJSONObject(url, at: at)
        guard let context = object["@context"] else {
            throw JSONLDFailure(.invalidRemoteContext, "\(url) has no top-level object with an @context entry", at: at)
        }
        let documentURL = loadedURL[url] ?? url
        let remote = RemoteContext(context: context, location: object.location(of: "@context"), documentURL: documentURL)
        remoteCache[url] = remote
        return remote
    }

    private var loadedURL: [String: String] = [:]

    private func loadJSONObject(_ url: String, at: SourceLocation?) throws -> (JSONObject, SourceLocation) {
        if let doc = remoteDocuments[url] { return doc }
        let document: DocumentLoader.Document?
        do {
            document = try loader.document(at: url)
        } catch let e as DocumentLoader.LoadError {
            throw JSONLDFailure(.loadingRemoteContextFailed, e.message, at: at)
        } catch {
            throw JSONLDFailure(.loadingRemoteContextFailed, "\(url): \(error)", at: at)
        }
        guard let document else {
            if !JSONLDSyntax.isAbsoluteIRI(url) {
                throw JSONLDFailure(code: .loadingRemoteContextFailed,
                                    message: "remote context \"\(url)\" is a relative reference and the document has no base IRI: pass it with --context FILE",
                                    at: at)
            }
            throw JSONLDFailure(code: .loadingRemoteContextFailed,
                                message: "remote context \(url) is not available offline: pass it with --context FILE", at: at)
        }
        let source = sources.count
        sources.append(Source(path: document.path, bytes: document.bytes))
        let value: JSONValue
        let location: SourceLocation
        do {
            (value, location) = try JSONParser.parse(document.bytes, source: source, path: document.path)
        } catch let e as ParseError {
            throw JSONLDFailure(.loadingRemoteContextFailed, "\(url) is not JSON: \(e)", at: at)
        }
        guard case .object(let object) = value else {
            throw JSONLDFailure(.invalidRemoteContext, "\(url) is \(value.kind), not an object with an @context entry", at: at)
        }
        loadedURL[url] = document.url
        remoteDocuments[url] = (object, location)
        return (object, location)
    }
}

/// Creates the term definitions of one local context (§4.2), in dependency
/// order, into `result`.
final class TermBuilder {
    let processor: ContextProcessor
    var result: ActiveContext
    let local: JSONObject
    let at: SourceLocation?
    let baseURL: String?
    let protected: Bool
    let overrideProtected: Bool
    let remoteContexts: [String]
    private var defined: [String: Bool] = [:]

    init(processor: ContextProcessor, result: ActiveContext, local: JSONObject, at: SourceLocation?, baseURL: String?,
         protected: Bool, overrideProtected: Bool, remoteContexts: [String]) {
        self.processor = processor
        self.result = result
        self.local = local
        self.at = at
        self.baseURL = baseURL
        self.protected = protected
        self.overrideProtected = overrideProtected
        self.remoteContexts = remoteContexts
    }

    private var mode: JSONLDProcessingMode { processor.mode }

    private func fail(_ code: JSONLDError.Code, _ term: String, _ detail: String) -> JSONLDFailure {
        JSONLDFailure(code, "term '\(term)': \(detail)", at: local.location(of: term) ?? at)
    }

    /// IRI expansion during context processing: terms of the local context
    /// are defined first when the value depends on them.
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) throws -> String? {
        if JSONLDSyntax.isKeyword(value) { return value }
        if JSONLDSyntax.hasKeywordForm(value) { return nil }
        if local[value] != nil && defined[value] != true { try define(value) }
        if let def = result.terms[value], let iri = def.iri, JSONLDSyntax.isKeyword(iri) { return iri }
        if vocab, let def = result.terms[value] { return def.iri }
        if let colon = value.firstIndex(of: ":"), colon != value.startIndex {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if local[prefix] != nil && defined[prefix] != true { try define(prefix) }
            if let def = result.terms[prefix], let iri = def.iri, def.prefix { return iri + suffix }
            if JSONLDSyntax.isAbsoluteIRI(value) { return value }
        }
        if vocab, let mapping = result.vocab { return mapping + value }
        if documentRelative { return JSONLDIRI.resolve(value, against: result.base) }
        return value
    }

    private static let definitionKeys: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest",
        "@prefix", "@protected", "@type",
    ]

    /// Create Term Definition (§4.2.2).
    func define(_ term: String) throws {
        if let state = defined[term] {
            if state { return }
            throw fail(.cyclicIRIMapping, term, "its definition depends on itself")
        }
        if term.isEmpty {
            throw JSONLDFailure(.invalidTermDefinition, "the empty string cannot be a term", at: local.location(of: term) ?? at)
        }
        defined[term] = false
        let value = local[term] ?? .null

        if term == "@type" {
            if mode == .jsonLD10 { throw fail(.keywordRedefinition, term, "@type cannot be redefined in json-ld-1.0 processing mode") }
            guard case .object(let o) = value, !o.isEmpty, o.keys(within: ["@container", "@protected"]),
                  o["@container"] == nil || o["@container"] == .string("@set") else {
                throw fail(.keywordRedefinition, term, "@type may only be given {\"@container\": \"@set\"} and @protected")
            }
        } else if JSONLDSyntax.isKeyword(term) {
            throw fail(.keywordRedefinition, term, "a keyword cannot be redefined")
        } else if JSONLDSyntax.hasKeywordForm(term) {
            defined[term] = true
            return
        }

        let previous = result.terms.removeValue(forKey: term)
        var map: JSONObject
        var simpleTerm = false
        switch value {
        case .null:
            map = JSONObject(["@id": .null])
        case .string(let s):
            map = JSONObject(["@id": .string(s)])
            simpleTerm = true
        case .object(let o):
            map = o
        default:
            throw fail(.invalidTermDefinition, term, "a term definition must be a string, an object or null, not \(value.kind)")
        }

        var def = TermDefinition()
        def.protected = protected
        if let p = map["@protected"] {
            guard case .bool(let b) = p else { throw fail(.invalidProtectedValue, term, "@protected must be true or false") }
            if mode == .jsonLD10 { throw fail(.invalidTermDefinition, term, "@protected is not allowed in json-ld-1.0 processing mode") }
            def.protected = b
        }

        if let t = map["@type"] {
            guard case .string(let typeString) = t else { throw fail(.invalidTypeMapping, term, "@type must be a string, not \(t.kind)") }
            let type = try expandIRI(typeString, vocab: true)
            if (type == "@json" || type == "@none") && mode == .jsonLD10 {
                throw fail(.invalidTypeMapping, term, "@type \(type!) is not allowed in json-ld-1.0 processing mode")
            }
            guard let type, ["@id", "@json", "@none", "@vocab"].contains(type) || JSONLDSyntax.isAbsoluteIRI(type) else {
                throw fail(.invalidTypeMapping, term, "@type \"\(typeString)\" is not an IRI, @id, @vocab, @json or @none")
            }
            def.type = type
        }

        if let reverse = map["@reverse"] {
            if map["@id"] != nil || map["@nest"] != nil {
                throw fail(.invalidReverseProperty, term, "a reverse property cannot also have @id or @nest")
            }
            guard case .string(let r) = reverse else {
                throw fail(.invalidIRIMapping, term, "@reverse must be a string, not \(reverse.kind)")
            }
            if JSONLDSyntax.hasKeywordForm(r) {
                defined[term] = true
                return
            }
            guard let iri = try expandIRI(r, vocab: true),
                  JSONLDSyntax.isAbsoluteIRI(iri) || JSONLDSyntax.isBlankNodeID(iri) else {
                throw fail(.invalidIRIMapping, term, "@reverse \"\(r)\" is neither an IRI nor a blank node identifier")
            }
            def.iri = iri
            if let c = map["@container"] {
                switch c {
                case .null: break
                case .string("@set"): def.container = .set
                case .string("@index"): def.container = .index
                default: throw fail(.invalidReverseProperty, term, "a reverse property's @container may only be @set, @index or null")
                }
            }
            def.reverse = true
        } else if let idValue = map["@id"], idValue != .string(term) {
            switch idValue {
            case .null:
                def.iri = nil
            case .string(let id):
                if !JSONLDSyntax.isKeyword(id) && JSONLDSyntax.hasKeywordForm(id) {
                    defined[term] = true
                    return
                }
                guard let iri = try expandIRI(id, vocab: true),
                      JSONLDSyntax.isKeyword(iri) || JSONLDSyntax.isAbsoluteIRI(iri) || JSONLDSyntax.isBlankNodeID(iri) else {
                    throw fail(.invalidIRIMapping, term, "@id \"\(id)\" is neither a keyword, an IRI nor a blank node identifier")
                }
                if iri == "@context" { throw fail(.invalidKeywordAlias, term, "@context cannot be aliased") }
                def.iri = iri
                let colon = term.dropFirst().dropLast().contains(":")
                if colon || term.contains("/") {
                    defined[term] = true
                    let termIRI = try expandIRI(term, vocab: true)
                    if termIRI != iri {
                        throw fail(.invalidIRIMapping, term, "the term looks like an IRI (\(termIRI ?? "null")) but is defined as \(iri)")
                    }
                }
                if !term.contains(":") && !term.contains("/") && simpleTerm
                    && (JSONLDSyntax.endsWithGenDelim(iri) || JSONLDSyntax.isBlankNodeID(iri)) {
                    def.prefix = true
                }
            default:
                throw fail(.invalidIRIMapping, term, "@id must be a string or null, not \(idValue.kind)")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = term[term.index(after: colon)...]
            if local[prefix] != nil { try define(prefix) }
            if let p = result.terms[prefix], let iri = p.iri {
                def.iri = iri + suffix
            } else {
                def.iri = term
            }
        } else if term.contains("/") {
            // Expanded without defining terms: the term itself is being defined.
            guard let iri = result.expandIRI(term, vocab: true), JSONLDSyntax.isAbsoluteIRI(iri) else {
                throw fail(.invalidIRIMapping, term, "the relative IRI term does not expand to an IRI")
            }
            def.iri = iri
        } else if term == "@type" {
            def.iri = "@type"
        } else if let vocab = result.vocab {
            def.iri = vocab + term
        } else {
            throw fail(.invalidIRIMapping, term, "the term has no @id and the context has no @vocab to make an IRI of it")
        }

        if let c = map["@container"] {
            def.container = try container(c, term: term)
            if def.container.contains(.type) {
                if def.type == nil { def.type = "@id" }
                if def.type != "@id" && def.type != "@vocab" {
                    throw fail(.invalidTypeMapping, term, "a @type container needs @type @id or @vocab")
                }
            }
        }

        if let index = map["@index"] {
            if mode == .jsonLD10 || !def.container.contains(.index) {
                throw fail(.invalidTermDefinition, term, "@index needs an @index container (and json-ld-1.1)")
            }
            guard case .string(let indexString) = index, !JSONLDSyntax.isKeyword(indexString),
                  let expanded = try expandIRI(indexString, vocab: true), JSONLDSyntax.isAbsoluteIRI(expanded) else {
                throw fail(.invalidTermDefinition, term, "@index must be a string that expands to an IRI")
            }
            def.index = indexString
        }

        if let scoped = map["@context"] {
            if mode == .jsonLD10 {
                throw fail(.invalidTermDefinition, term, "scoped contexts are not allowed in json-ld-1.0 processing mode")
            }
            let scopedAt = map.location(of: "@context") ?? local.location(of: term) ?? at
            do {
                _ = try processor.process(result, scoped, at: scopedAt, baseURL: baseURL, remoteContexts: remoteContexts,
                                          overrideProtected: true, validateScoped: false)
            } catch let failure as JSONLDFailure {
                if failure.code == .loadingRemoteContextFailed { throw failure }
                throw JSONLDFailure(code: .invalidScopedContext,
                                    message: "invalid scoped context: term '\(term)': \(failure.message)", at: failure.location)
            }
            def.context = scoped
            def.baseURL = baseURL
            def.contextLocation = scopedAt
        }

        if let language = map["@language"], map["@type"] == nil {
            switch language {
            case .null: def.language = .some(nil)
            case .string(let l): def.language = .some(l)
            default: throw fail(.invalidLanguageMapping, term, "@language must be a string or null, not \(language.kind)")
            }
        }

        if let direction = map["@direction"], map["@type"] == nil {
            switch direction {
            case .null: def.direction = .some(nil)
            case .string(let d) where d == "ltr" || d == "rtl": def.direction = .some(d)
            default: throw fail(.invalidBaseDirection, term, "@direction must be \"ltr\", \"rtl\" or null")
            }
        }

        if let nest = map["@nest"] {
            if mode == .jsonLD10 { throw fail(.invalidTermDefinition, term, "@nest is not allowed in json-ld-1.0 processing mode") }
            guard case .string(let n) = nest, !JSONLDSyntax.isKeyword(n) || n == "@nest" else {
                throw fail(.invalidNestValue, term, "@nest must be a string that is not a keyword other than @nest")
            }
            def.nest = n
        }

        if let prefixValue = map["@prefix"] {
            if mode == .jsonLD10 || term.contains(":") || term.contains("/") {
                throw fail(.invalidTermDefinition, term, "@prefix is only allowed on simple terms (and json-ld-1.1)")
            }
            guard case .bool(let b) = prefixValue else { throw fail(.invalidPrefixValue, term, "@prefix must be true or false") }
            def.prefix = b
            if b, let iri = def.iri, JSONLDSyntax.isKeyword(iri) {
                throw fail(.invalidTermDefinition, term, "a keyword alias cannot be a prefix")
            }
        }

        if let other = map.keys.first(where: { !Self.definitionKeys.contains($0) }) {
            throw fail(.invalidTermDefinition, term, "unexpected entry \"\(other)\" in the term definition")
        }

        if !overrideProtected, let previous, previous.protected {
            if !def.sameDefinition(as: previous) {
                throw fail(.protectedTermRedefinition, term, "the term is protected and cannot be redefined")
            }
            def = previous
        }
        result.terms[term] = def
        defined[term] = true
    }

    private func container(_ value: JSONValue, term: String) throws -> Container {
        var set: Container = []
        var count = 0
        let isString: Bool
        switch value {
        case .string(let s):
            guard let c = Container.byKeyword[s] else {
                throw fail(.invalidContainerMapping, term, "@container \"\(s)\" is not a container keyword")
            }
            set = c
            count = 1
            isString = true
        case .array(let a):
            for item in a {
                guard case .string(let s) = item, let c = Container.byKeyword[s] else {
                    throw fail(.invalidContainerMapping, term, "@container entries must be container keywords")
                }
                set.insert(c)
                count += 1
            }
            isString = false
        default:
            throw fail(.invalidContainerMapping, term, "@container must be a string or an array, not \(value.kind)")
        }
        if mode == .jsonLD10 && (!isString || !set.isDisjoint(with: [.graph, .id, .type])) {
            throw fail(.invalidContainerMapping, term, "this @container is not allowed in json-ld-1.0 processing mode")
        }
        let valid: Bool
        if set.contains(.list) {
            valid = set == .list
        } else if set.contains(.graph) {
            valid = set.isSubset(of: [.graph, .id, .index, .set]) && !set.isSuperset(of: [.id, .index])
        } else {
            valid = set.subtracting(.set).rawValue.nonzeroBitCount <= 1
        }
        if !valid || (count == 0 && !isString) {
            throw fail(.invalidContainerMapping, term, "this combination of containers is not allowed")
        }
        return set
    }
}
