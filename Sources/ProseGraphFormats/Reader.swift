import ProseGraphModel

/// A syntax error in an input, located like a compiler diagnostic:
/// `path:line:column: message` (line and column 1-based; column in characters).
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// What every reader is told: the name of the input (for messages) and the
/// base IRI relative references resolve against.
public struct ReaderOptions: Sendable {
    public var path: String
    public var base: String?

    public init(path: String = "<input>", base: String? = nil) {
        self.path = path
        self.base = base
    }
}
