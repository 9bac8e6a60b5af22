// Namespaces and terms the model and the writers use.

public enum RDF {
    public static let namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let type = IRI(namespace + "type")
    public static let langString = IRI(namespace + "langString")
    public static let dirLangString = IRI(namespace + "dirLangString")
    public static let reifies = IRI(namespace + "reifies")
    public static let statement = IRI(namespace + "Statement")
    public static let subject = IRI(namespace + "subject")
    public static let predicate = IRI(namespace + "predicate")
    public static let object = IRI(namespace + "object")
}

public enum RDFS {
    public static let namespace = "http://www.w3.org/2000/01/rdf-schema#"
    public static let label = IRI(namespace + "label")
    public static let comment = IRI(namespace + "comment")
}

public enum OWL {
    public static let namespace = "http://www.w3.org/2002/07/owl#"
    public static let sameAs = IRI(namespace + "sameAs")
}

public enum XSD {
    public static let namespace = "http://www.w3.org/2001/XMLSchema#"
    public static let string = IRI(namespace + "string")
    public static let integer = IRI(namespace + "integer")
    public static let decimal = IRI(namespace + "decimal")
    public static let double = IRI(namespace + "double")
    public static let boolean = IRI(namespace + "boolean")
    public static let date = IRI(namespace + "date")
    public static let gYearMonth = IRI(namespace + "gYearMonth")
    public static let gYear = IRI(namespace + "gYear")
    public static let nonNegativeInteger = IRI(namespace + "nonNegativeInteger")
}

/// NIF 2.0 Core (`http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#`): the
/// sentence a statement was read from is a `nif:Sentence` with its text (`nif:anchorOf`),
/// its code point offsets (`nif:beginIndex`, `nif:endIndex`) and its document (`nif:referenceContext`).
public enum NIF {
    public static let namespace = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    public static let Sentence = IRI(namespace + "Sentence")
    public static let anchorOf = IRI(namespace + "anchorOf")
    public static let beginIndex = IRI(namespace + "beginIndex")
    public static let endIndex = IRI(namespace + "endIndex")
    public static let referenceContext = IRI(namespace + "referenceContext")
}

/// W3C PROV-O: a statement `prov:wasDerivedFrom` the sentence it was read from.
public enum PROV {
    public static let namespace = "http://www.w3.org/ns/prov#"
    public static let wasDerivedFrom = IRI(namespace + "wasDerivedFrom")
}

public enum Wikidata {
    public static let entityNamespace = "http://www.wikidata.org/entity/"
    public static func entity(_ qid: String) -> IRI { IRI(entityNamespace + qid) }
}

/// prosegraph's own vocabulary: one ontology namespace; entity, document and
/// statement IRIs are minted under a configurable base (see `IRIMinter`).
public enum PG {
    public static let namespace = "https://prosegraph.org/ontology#"
    public static func term(_ name: String) -> IRI { IRI(namespace + name) }

    // Classes.
    public static let Document = term("Document")
    // Document and provenance properties.
    public static let title = term("title")
    public static let sourcePath = term("sourcePath")
    public static let date = term("date")
    public static let dateEarliest = term("dateEarliest")
    public static let dateLatest = term("dateLatest")
    public static let rule = term("rule")
    public static let confidence = term("confidence")
}

/// Prefixes writers declare, in the order they declare them.
public struct PrefixMap: Sendable, Equatable {
    public private(set) var entries: [(prefix: String, namespace: String)]

    public init(_ entries: [(prefix: String, namespace: String)]) { self.entries = entries }

    public static func == (a: PrefixMap, b: PrefixMap) -> Bool {
        a.entries.elementsEqual(b.entries) { $0.prefix == $1.prefix && $0.namespace == $1.namespace }
    }

    public static let standard = PrefixMap([
        ("rdf", RDF.namespace), ("rdfs", RDFS.namespace), ("owl", OWL.namespace),
        ("xsd", XSD.namespace), ("pg", PG.namespace), ("wd", Wikidata.entityNamespace),
        ("nif", NIF.namespace), ("prov", PROV.namespace),
    ])

    public mutating func add(prefix: String, namespace: String) {
        entries.removeAll { $0.prefix == prefix }
        entries.append((prefix, namespace))
    }
}
