/// A span of the article file. `start`/`end` are Unicode scalar offsets into
/// the file's text (end exclusive, a UTF-8 byte-order mark not counted), which
/// is what the exports' provenance offsets use: in Python, `text[start:end]`.
/// `utf8` holds the same span as byte offsets into the file (a byte-order mark
/// counted, as in the byte offsets of error messages); `line` and `column`
/// (1-based, column in scalars) locate its start.
public struct TextSpan: Hashable, Sendable {
    public let start: Int
    public let end: Int
    public let utf8: Range<Int>
    public let line: Int
    public let column: Int

    public init(start: Int, end: Int, utf8: Range<Int>, line: Int, column: Int) {
        self.start = start
        self.end = end
        self.utf8 = utf8
        self.line = line
        self.column = column
    }
}

public struct InfoboxEntry: Hashable, Sendable {
    public let key: String
    public let value: String
    /// The span of the value.
    public let span: TextSpan
}

public struct Section: Hashable, Sendable {
    /// Heading text; the lead section (before any heading) has an empty title.
    public let title: String
    /// Number of `=` around the heading (2 for `== X ==`); 0 for the lead.
    public let level: Int
    public let span: TextSpan?
}

/// A unit of prose the extractor reads: a sentence of a paragraph, or a list item.
public struct Sentence: Hashable, Sendable {
    public enum Kind: String, Sendable { case prose, listItem }
    public let text: String
    public let span: TextSpan
    public let kind: Kind
    /// Index into `Article.sections`.
    public let section: Int
    /// Index of the paragraph or list the sentence belongs to, counted over the article.
    public let block: Int
}

/// A parsed article: what the seed format holds, with exact spans.
public struct Article: Sendable {
    public let path: String
    public let title: String
    public let titleSpan: TextSpan
    public let infobox: [InfoboxEntry]
    public let sections: [Section]
    /// Prose sentences and list items in document order ("See also" items excluded).
    public let sentences: [Sentence]
    /// Items of the "See also" list.
    public let seeAlso: [String]
    /// Size of the text in Unicode scalars.
    public let scalarCount: Int
}

/// An input the reader rejects, located like a compiler diagnostic.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: message`, or `path: message` when no position applies.
    public var description: String {
        var s = path
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s + ": " + message
    }
}
