/// The Expansion algorithm (JSON-LD 1.1 API §5.1) with value expansion
/// (§5.3): a document becomes an array of node objects whose keys are IRIs,
/// blank node identifiers or keywords and whose values are arrays of value,
/// list and node objects.
final class Expander {
    let processor: ContextProcessor

    init(processor: ContextProcessor) {
        self.processor = processor
    }

    private var mode: JSONLDProcessingMode { processor.mode }

    /// The expanded document, always an array (§9.2 `expand()`, steps 8-9).
    func expandDocument(_ document: JSONValue, at location: SourceLocation?, context: ActiveContext, baseURL: String?) throws -> JSONArray {
        var expanded = try expand(context, nil, document, at: location, baseURL: baseURL)
        if case .object(let o)? = expanded, o.count == 1, let graph = o["@graph"] {
            expanded = graph
        }
        guard let expanded else { return JSONArray() }
        return expanded.asArray
    }

    // MARK: - §5.1.2

    func expand(_ activeContext: ActiveContext, _ activeProperty: String?, _ element: JSONValue, at location: SourceLocation?,
                baseURL: String?, fromMap: Bool = false) throws -> JSONValue? {
        var active = activeContext
        let propertyDefinition = activeProperty.flatMap { active.terms[$0] }
        let propertyScoped = propertyDefinition?.context

        switch element {
        case .null:
            return nil
        case .string, .number, .bool:
            if activeProperty == nil || activeProperty == "@graph" { return nil }
            if let propertyScoped {
                active = try processor.process(active, propertyScoped, at: propertyDefinition?.contextLocation,
                                               baseURL: propertyDefinition?.baseURL)
            }
            return try expandValue(active, activeProperty, element, at: location)
        case .array(let items):
            var result = JSONArray()
            let listContainer = propertyDefinition?.container.contains(.list) ?? false
            for (i, item) in items.enumerated() {
                var expandedItem = try expand(active, activeProperty, item, at: items.location(at: i) ?? location,
                                              baseURL: baseURL, fromMap: fromMap)
                if listContainer, case .array(let inner)? = expandedItem {
                    expandedItem = .object(JSONObject(["@list": .array(inner)]))
                }
                switch expandedItem {
                case .array(let inner)?: result.append(contentsOf: inner)
                case let v?: result.append(v)
                case nil: break
                }
            }
            return .array(result)
        case .object(let element):
            return try expandObject(active, activeProperty, propertyDefinition, element, at: location, baseURL: baseURL, fromMap: fromMap)
        }
    }

    private func expandObject(_ activeContext: ActiveContext, _ activeProperty: String?, _ propertyDefinition: TermDefinition?,
                              _ element: JSONObject, at location: SourceLocation?, baseURL: String?, fromMap: Bool) throws -> JSONValue? {
        var active = activeContext

        // 7: a non-propagated (type-scoped) context ends at a new node object.
        if let previous = active.previous, !fromMap {
            var revert = true
            let expandedKeys = element.keys.map { active.expandIRI($0, vocab: true) }
            if expandedKeys.contains("@value") { revert = false }
            if expandedKeys.count == 1 && expandedKeys[0] == "@id" { revert = false }
            if revert { active = previous.context }
        }
        // 8: the property-scoped context.
        if let scoped = propertyDefinition?.context {
            active = try processor.process(active, scoped, at: propertyDefinition?.contextLocation,
                                           baseURL: propertyDefinition?.baseURL, overrideProtected: true)
        }
        // 9: an embedded context.
        if let local = element["@context"] {
            active = try processor.process(active, local, at: element.location(of: "@context") ?? location, baseURL: baseURL)
        }
        // 10-11: type-scoped contexts, from the types in lexicographic order.
        let typeScoped = active
        var inputType: String?
        var firstTypeKey = true
        for key in element.keys.sorted(by: Self.codeUnitOrder) where active.expandIRI(key, vocab: true) == "@type" {
            let value = element[key]!
            let terms = value.asArray.compactMap(\.string).sorted(by: Self.codeUnitOrder)
            for term in terms {
                if let def = typeScoped.terms[term], let scoped = def.context {
                    active = try processor.process(active, scoped, at: def.contextLocation, baseURL: def.baseURL, propagate: false)
                }
            }
            if firstTypeKey {
                firstTypeKey = false
                if let last = value.asArray.last?.string {
                    inputType = active.expandIRI(last, vocab: true)
                }
            }
        }

        // 12-14: the entries.
        var result = JSONObject()
        try expandEntries(element, at: location, into: &result, active: active, typeScoped: typeScoped,
                          activeProperty: activeProperty, inputType: inputType, baseURL: baseURL)

        // 15: value objects.
        if result["@value"] != nil {
            if !result.keys(within: ["@direction", "@index", "@language", "@type", "@value"]) {
                throw JSONLDFailure(.invalidValueObject, "a value object may only have @value, @type, @language, @direction and @index", at: location)
            }
            if result["@type"] != nil && (result["@language"] != nil || result["@direction"] != nil) {
                throw JSONLDFailure(.invalidValueObject, "a value object cannot have both @type and @language or @direction", at: location)
            }
            let value = result["@value"]!
            if result["@type"] == .string("@json") {
                // A JSON literal: any value.
            } else if value.isNull || value == .array(JSONArray()) {
                return nil
            } else if value.string == nil && result["@language"] != nil {
                throw JSONLDFailure(.invalidLanguageTaggedValue, "only strings can have a language, not \(value.kind)", at: location)
            } else if let type = result["@type"] {
                guard case .string(let t) = type, JSONLDSyntax.isAbsoluteIRI(t) else {
                    throw JSONLDFailure(.invalidTypedValue, "the @type of a value must be an IRI", at: location)
                }
            }
        } else if let type = result["@type"], !type.isArray {
            result["@type"] = .array(JSONArray([type]))
        } else if result["@set"] != nil || result["@list"] != nil {
            if result.count > 2 || (result.count == 2 && result["@index"] == nil) {
                throw JSONLDFailure(.invalidSetOrListObject, "a @set or @list object may only have @index besides", at: location)
            }
            if let set = result["@set"] { return set }
        }

        // 18.
        if result.count == 1 && result["@language"] != nil { return nil }

        // 19: free-floating values.
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return nil }
            if result.count == 1 && result["@id"] != nil { return nil }
        }
        return .object(result)
    }

    private static func codeUnitOrder(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// Steps 13 and 14: every entry of `element` (and of its nested objects) into `result`.
    private func expandEntries(_ element: JSONObject, at location: SourceLocation?, into result: inout JSONObject,
                               active: ActiveContext, typeScoped: ActiveContext, activeProperty: String?,
                               inputType: String?, baseURL: String?) throws {
        var nests: [String] = []
        for key in element.keys {
            if key == "@context" { continue }
            let value = element[key]!
            let at = element.location(of: key) ?? location
            guard let property = active.expandIRI(key, vocab: true),
                  property.contains(":") || JSONLDSyntax.isKeyword(property) else { continue }

            if JSONLDSyntax.isKeyword(property) {
                if activeProperty == "@reverse" {
                    throw JSONLDFailure(.invalidReversePropertyMap, "a reverse property map cannot contain the keyword \(property)", at: at)
                }
                if result[property] != nil
                    && !(property == "@included" || (property == "@type" && mode == .jsonLD11)) {
                    throw JSONLDFailure(.collidingKeywords, "\(property) is given twice (\"\(key)\" expands to it too)", at: at)
                }
                var expanded: JSONValue?
                switch property {
                case "@id":
                    guard case .string(let id) = value else {
                        throw JSONLDFailure(.invalidIDValue, "@id must be a string, not \(value.kind)", at: at)
                    }
                    // A keyword-like @id expands to null: the node then has no IRI and its statements are dropped.
                    expanded = active.expandIRI(id, documentRelative: true).map(JSONValue.string) ?? .null
                case "@type":
                    var types: [String] = []
                    switch value {
                    case .string(let s): types = [s]
                    case .array(let a):
                        for item in a {
                            guard case .string(let s) = item else {
                                throw JSONLDFailure(.invalidTypeValue, "@type values must be strings, not \(item.kind)", at: at)
                            }
                            types.append(s)
                        }
                    default:
                        throw JSONLDFailure(.invalidTypeValue, "@type must be a string or an array of strings, not \(value.kind)", at: at)
                    }
                    let iris = types.compactMap { typeScoped.expandIRI($0, documentRelative: true, vocab: true) }
                    if case .string = value, iris.count == 1 {
                        expanded = .string(iris[0])
                    } else {
                        expanded = .array(JSONArray(iris.map(JSONValue.string)))
                    }
                    if let existing = result["@type"] {
                        var combined = existing.asArray
                        combined.append(contentsOf: expanded!.asArray)
                        expanded = .array(combined)
                    }
                case "@graph":
                    let graph = try expand(active, "@graph", value, at: at, baseURL: baseURL)
                    expanded = .array(graph.map(\.asArray) ?? JSONArray())
                case "@included":
                    if mode == .jsonLD10 { continue }
                    // A value that expands to nothing (a string, a value object) is not a node object either.
                    guard let included = try expand(active, nil, value, at: at, baseURL: baseURL).map(\.asArray) else {
                        throw JSONLDFailure(.invalidIncludedValue, "@included may only contain node objects, not \(value.kind)", at: at)
                    }
                    for item in included {
                        guard case .object(let o) = item, o["@value"] == nil, o["@list"] == nil, o["@set"] == nil else {
                            throw JSONLDFailure(.invalidIncludedValue, "@included may only contain node objects", at: at)
                        }
                    }
                    var all = result["@included"]?.asArray ?? JSONArray()
                    all.append(contentsOf: included)
                    expanded = .array(all)
                case "@value":
                    if inputType == "@json" {
                        if mode == .jsonLD10 {
                            throw JSONLDFailure(.invalidValueObjectValue, "JSON literals need json-ld-1.1 processing mode", at: at)
                        }
                        expanded = value
                    } else if value.isScalar || value.isNull {
                        expanded = value
                    } else {
                        throw JSONLDFailure(.invalidValueObjectValue, "@value must be a string, number, boolean or null, not \(value.kind)", at: at)
                    }
                    if value.isNull {
                        result["@value"] = .null
                        continue
                    }
                case "@language":
                    guard case .string = value else {
                        throw JSONLDFailure(.invalidLanguageTaggedString, "@language must be a string, not \(value.kind)", at: at)
                    }
                    expanded = value
                case "@direction":
                    if mode == .jsonLD10 { continue }
                    guard case .string(let d) = value, d == "ltr" || d == "rtl" else {
                        throw JSONLDFailure(.invalidBaseDirection, "@direction must be \"ltr\" or \"rtl\"", at: at)
                    }
                    expanded = value
                case "@index":
                    guard case .string = value else {
                        throw JSONLDFailure(.invalidIndexValue, "@index must be a string, not \(value.kind)", at: at)
                    }
                    expanded = value
                case "@list":
                    if activeProperty == nil || activeProperty == "@graph" { continue }
                    let list = try expand(active, activeProperty, value, at: at, baseURL: baseURL)
                    expanded = .array(list.map(\.asArray) ?? JSONArray())
                case "@set":
                    expanded = try expand(active, activeProperty, value, at: at, baseURL: baseURL)
                case "@reverse":
                    guard case .object = value else {
                        throw JSONLDFailure(.invalidReverseValue, "@reverse must be an object, not \(value.kind)", at: at)
                    }
                    guard case .object(let reversed)? = try expand(active, "@reverse", value, at: at, baseURL: baseURL) else { continue }
                    if case .object(let doubly)? = reversed["@reverse"] {
                        for (p, item) in doubly.entries {
                            Self.addValue(&result, p, item)
                        }
                    }
                    if reversed.keys.contains(where: { $0 != "@reverse" }) {
                        var reverseMap = result["@reverse"]?.object ?? JSONObject()
                        for (p, items) in reversed.entries where p != "@reverse" {
                            for item in items.asArray {
                                if case .object(let o) = item, o["@value"] != nil || o["@list"] != nil {
                                    throw JSONLDFailure(.invalidReversePropertyValue, "a reverse property's value must be a node object", at: at)
                                }
                                Self.addValue(&reverseMap, p, item)
                            }
                        }
                        result["@reverse"] = .object(reverseMap)
                    }
                    continue
                case "@nest":
                    if !nests.contains(key) { nests.append(key) }
                    continue
                default:
                    continue
                }
                if let expanded { result[property] = expanded }
                continue
            }

            // A property.
            let definition = active.terms[key]
            let container = definition?.container ?? []
            var expanded: JSONValue?
            if definition?.type == "@json" {
                expanded = .object(JSONObject(["@value": value, "@type": .string("@json")]))
            } else if container.contains(.language), case .object(let map) = value {
                var values = JSONArray()
                var direction = active.direction
                if let d = definition?.direction { direction = d }
                for (language, languageValue) in map.entries {
                    for item in languageValue.asArray {
                        if item.isNull { continue }
                        guard case .string = item else {
                            throw JSONLDFailure(.invalidLanguageMapValue, "language map values must be strings, not \(item.kind)",
                                                at: map.location(of: language) ?? at)
                        }
                        var v = JSONObject(["@value": item, "@language": .string(language)])
                        if language == "@none" || active.expandIRI(language, vocab: true) == "@none" { v["@language"] = nil }
                        if let direction { v["@direction"] = .string(direction) }
                        values.append(.object(v))
                    }
                }
                expanded = .array(values)
            } else if !container.isDisjoint(with: [.index, .type, .id]), case .object(let map) = value {
                expanded = .array(try expandMap(map, at: at, key: key, definition: definition!, active: active, baseURL: baseURL))
            } else {
                expanded = try expand(active, key, value, at: at, baseURL: baseURL)
            }
            guard var expanded else { continue }

            if container.contains(.list) && !Self.isListObject(expanded) {
                expanded = .object(JSONObject(["@list": .array(expanded.asArray)]))
            }
            if container.contains(.graph) && container.isDisjoint(with: [.id, .index]) {
                expanded = .array(JSONArray(expanded.asArray.map { .object(JSONObject(["@graph": .array($0.asArray)])) }))
            }
            if definition?.reverse == true {
                var reverseMap = result["@reverse"]?.object ?? JSONObject()
                for item in expanded.asArray {
                    if case .object(let o) = item, o["@value"] != nil || o["@list"] != nil {
                        throw JSONLDFailure(.invalidReversePropertyValue, "a reverse property's value must be a node object", at: at)
                    }
                    Self.addValue(&reverseMap, property, item)
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                Self.addValue(&result, property, expanded)
            }
        }

        // 14: nested properties, with the nesting term as active property (and its scoped context).
        for nestKey in nests {
            let nestedValues = element[nestKey]!.asArray
            let at = element.location(of: nestKey) ?? location
            var nestActive = active
            if let def = active.terms[nestKey], let scoped = def.context {
                nestActive = try processor.process(active, scoped, at: def.contextLocation, baseURL: def.baseURL, overrideProtected: true)
            }
            for (i, nested) in nestedValues.enumerated() {
                guard case .object(let n) = nested,
                      !n.keys.contains(where: { nestActive.expandIRI($0, vocab: true) == "@value" }) else {
                    throw JSONLDFailure(.invalidNestValue, "a @nest value must be an object of properties, not \(nested.kind)", at: at)
                }
                try expandEntries(n, at: nestedValues.location(at: i) ?? at, into: &result, active: nestActive, typeScoped: typeScoped,
                                  activeProperty: nestKey, inputType: inputType, baseURL: baseURL)
            }
        }
    }

    /// Step 13.8: index, id and type maps.
    private func expandMap(_ map: JSONObject, at location: SourceLocation?, key: String, definition: TermDefinition,
                           active: ActiveContext, baseURL: String?) throws -> JSONArray {
        let container = definition.container
        var values = JSONArray()
        let indexKey = definition.index ?? "@index"
        for (index, indexValue) in map.entries {
            let at = map.location(of: index) ?? location
            var mapContext = active
            if !container.isDisjoint(with: [.id, .type]) {
                mapContext = active.previous?.context ?? active
            }
            if container.contains(.type), let def = mapContext.terms[index], let scoped = def.context {
                mapContext = try processor.process(mapContext, scoped, at: def.contextLocation, baseURL: def.baseURL, propagate: false)
            }
            let expandedIndex = active.expandIRI(index, vocab: true)
            let items = try expand(mapContext, key, .array(indexValue.asArray), at: at, baseURL: baseURL, fromMap: true)?.asArray ?? JSONArray()
            for item in items {
                var item = item
                if container.contains(.graph) && !Self.isGraphObject(item) {
                    item = .object(JSONObject(["@graph": .array(item.asArray)]))
                }
                guard case .object(var o) = item else { values.append(item); continue }
                if container.contains(.index) && indexKey != "@index" && expandedIndex != "@none" {
                    let reExpanded = try expandValue(active, indexKey, .string(index), at: at)
                    guard let indexProperty = active.expandIRI(indexKey, vocab: true) else { values.append(.object(o)); continue }
                    var propertyValues = JSONArray([reExpanded])
                    if let existing = o[indexProperty] { propertyValues.append(contentsOf: existing.asArray) }
                    o[indexProperty] = .array(propertyValues)
                    if o["@value"] != nil {
                        throw JSONLDFailure(.invalidValueObject, "a value in a property-valued index cannot be a value object", at: at)
                    }
                } else if container.contains(.index) && o["@index"] == nil && expandedIndex != "@none" {
                    o["@index"] = .string(index)
                } else if container.contains(.id) && o["@id"] == nil && expandedIndex != "@none" {
                    if let id = active.expandIRI(index, documentRelative: true) { o["@id"] = .string(id) }
                } else if container.contains(.type) && expandedIndex != "@none", let expandedIndex {
                    var types = JSONArray([.string(expandedIndex)])
                    if let existing = o["@type"] { types.append(contentsOf: existing.asArray) }
                    o["@type"] = .array(types)
                }
                values.append(.object(o))
            }
        }
        return values
    }

    // MARK: - Value expansion (§5.3)

    func expandValue(_ active: ActiveContext, _ activeProperty: String?, _ value: JSONValue, at location: SourceLocation?) throws -> JSONValue {
        let definition = activeProperty.flatMap { active.terms[$0] }
        if definition?.type == "@id", case .string(let s) = value {
            return .object(JSONObject(["@id": active.expandIRI(s, documentRelative: true).map(JSONValue.string) ?? .null]))
        }
        if definition?.type == "@vocab", case .string(let s) = value {
            return .object(JSONObject(["@id": active.expandIRI(s, documentRelative: true, vocab: true).map(JSONValue.string) ?? .null]))
        }
        var result = JSONObject(["@value": value])
        if let type = definition?.type, type != "@id", type != "@vocab", type != "@none" {
            result["@type"] = .string(type)
        } else if case .string = value {
            let language: String? = definition?.language ?? active.language
            let direction: String? = definition?.direction ?? active.direction
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }

    // MARK: - Helpers

    /// "add value" with `as array` true.
    static func addValue(_ object: inout JSONObject, _ key: String, _ value: JSONValue) {
        var values = object[key]?.asArray ?? JSONArray()
        if case .array(let items) = value {
            values.append(contentsOf: items)
        } else {
            values.append(value)
        }
        object[key] = .array(values)
    }

    static func isListObject(_ v: JSONValue) -> Bool {
        if case .object(let o) = v, o["@list"] != nil { return true }
        return false
    }

    static func isGraphObject(_ v: JSONValue) -> Bool {
        guard case .object(let o) = v, o["@graph"] != nil else { return false }
        return o.keys(within: ["@graph", "@id", "@index", "@context"])
    }
}
