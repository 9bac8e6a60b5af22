/// A JSON-LD processing error: the error code of JSON-LD 1.1 API §9.4.2
/// (`invalid IRI mapping`, `loading remote context failed`, ...) and where it
/// was found, printed like a compiler diagnostic:
/// `path:line:column: message`. Malformed JSON is a `ParseError` instead.
public struct JSONLDError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case collidingKeywords = "colliding keywords"
        case conflictingIndexes = "conflicting indexes"
        case contextOverflow = "context overflow"
        case cyclicIRIMapping = "cyclic IRI mapping"
        case invalidIDValue = "invalid @id value"
        case invalidImportValue = "invalid @import value"
        case invalidIncludedValue = "invalid @included value"
        case invalidIndexValue = "invalid @index value"
        case invalidNestValue = "invalid @nest value"
        case invalidPrefixValue = "invalid @prefix value"
        case invalidPropagateValue = "invalid @propagate value"
        case invalidProtectedValue = "invalid @protected value"
        case invalidReverseValue = "invalid @reverse value"
        case invalidVersionValue = "invalid @version value"
        case invalidBaseDirection = "invalid base direction"
        case invalidBaseIRI = "invalid base IRI"
        case invalidContainerMapping = "invalid container mapping"
        case invalidContextEntry = "invalid context entry"
        case invalidContextNullification = "invalid context nullification"
        case invalidDefaultLanguage = "invalid default language"
        case invalidIRIMapping = "invalid IRI mapping"
        case invalidJSONLiteral = "invalid JSON literal"
        case invalidKeywordAlias = "invalid keyword alias"
        case invalidLanguageMapValue = "invalid language map value"
        case invalidLanguageMapping = "invalid language mapping"
        case invalidLanguageTaggedString = "invalid language-tagged string"
        case invalidLanguageTaggedValue = "invalid language-tagged value"
        case invalidLocalContext = "invalid local context"
        case invalidRemoteContext = "invalid remote context"
        case invalidReverseProperty = "invalid reverse property"
        case invalidReversePropertyMap = "invalid reverse property map"
        case invalidReversePropertyValue = "invalid reverse property value"
        case invalidScopedContext = "invalid scoped context"
        case invalidSetOrListObject = "invalid set or list object"
        case invalidTermDefinition = "invalid term definition"
        case invalidTypeMapping = "invalid type mapping"
        case invalidTypeValue = "invalid type value"
        case invalidTypedValue = "invalid typed value"
        case invalidValueObject = "invalid value object"
        case invalidValueObjectValue = "invalid value object value"
        case invalidVocabMapping = "invalid vocab mapping"
        case iriConfusedWithPrefix = "IRI confused with prefix"
        case keywordRedefinition = "keyword redefinition"
        case loadingDocumentFailed = "loading document failed"
        case loadingRemoteContextFailed = "loading remote context failed"
        case processingModeConflict = "processing mode conflict"
        case protectedTermRedefinition = "protected term redefinition"
    }

    public let code: Code
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(code: Code, path: String, line: Int, column: Int, message: String) {
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }

    /// The same error as a `ParseError` (for callers that report every reader alike).
    public var parseError: ParseError { ParseError(path: path, line: line, column: column, message: message) }
}

/// An error found while processing, located by `SourceLocation`; the reader
/// turns it into a `JSONLDError` with a path, line and column.
struct JSONLDFailure: Error {
    let code: JSONLDError.Code
    let message: String
    let location: SourceLocation?

    /// `message` is the detail; the code leads the text ("invalid IRI mapping: ...").
    init(_ code: JSONLDError.Code, _ detail: String, at location: SourceLocation?) {
        self.code = code
        self.message = code.rawValue + ": " + detail
        self.location = location
    }

    /// A message used as it is, without the code in front.
    init(code: JSONLDError.Code, message: String, at location: SourceLocation?) {
        self.code = code
        self.message = message
        self.location = location
    }
}
