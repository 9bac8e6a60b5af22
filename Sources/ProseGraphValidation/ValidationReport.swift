import ProseGraphModel

/// SHACL's vocabulary, as the engine and the reports use it.
public enum SH {
    public static let namespace = "http://www.w3.org/ns/shacl#"
    public static func term(_ name: String) -> IRI { IRI(namespace + name) }
    public static let ValidationReport = term("ValidationReport")
    public static let ValidationResult = term("ValidationResult")
    public static let conforms = term("conforms")
    public static let result = term("result")
    public static let focusNode = term("focusNode")
    public static let resultPath = term("resultPath")
    public static let value = term("value")
    public static let sourceShape = term("sourceShape")
    public static let sourceConstraintComponent = term("sourceConstraintComponent")
    public static let resultSeverity = term("resultSeverity")
    public static let resultMessage = term("resultMessage")
    public static let Violation = term("Violation")
    public static let Warning = term("Warning")
    public static let Info = term("Info")
}

/// One validation result: what SHACL's `sh:ValidationResult` holds, plus
/// where in the input the focus node was (when the reader knows it).
public struct ValidationResult: Hashable, Sendable {
    public var focusNode: Term
    /// The result path as RDF (an IRI for a predicate path; a blank node's
    /// structure is kept in `pathQuads` for complex paths).
    public var resultPath: Term?
    public var pathQuads: [Quad]
    public var value: Term?
    public var sourceShape: Term
    public var sourceConstraintComponent: IRI
    public var severity: IRI
    public var messages: [Literal]
    /// 1-based line of the focus node's first statement in the data file, when known.
    public var line: Int?

    public init(focusNode: Term, resultPath: Term? = nil, pathQuads: [Quad] = [], value: Term? = nil, sourceShape: Term,
                sourceConstraintComponent: IRI, severity: IRI = SH.Violation, messages: [Literal] = [], line: Int? = nil) {
        self.focusNode = focusNode
        self.resultPath = resultPath
        self.pathQuads = pathQuads
        self.value = value
        self.sourceShape = sourceShape
        self.sourceConstraintComponent = sourceConstraintComponent
        self.severity = severity
        self.messages = messages
        self.line = line
    }
}

/// The outcome of validating a data graph. As SHACL defines it, the data
/// conforms when there are no results at all, whatever their severity.
public struct ValidationReport: Sendable, Equatable {
    public var results: [ValidationResult]
    public var conforms: Bool { results.isEmpty }

    public init(results: [ValidationResult] = []) { self.results = results }
}
