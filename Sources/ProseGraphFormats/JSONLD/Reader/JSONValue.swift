import ProseGraphText

/// Where a JSON value starts: the document it came from (an index into the
/// reader's list of sources: 0 is the input, then each remote context loaded)
/// and its byte offset there. Line and column are worked out only when an
/// error needs them.
struct SourceLocation: Hashable, Sendable {
    var source: Int
    var offset: Int
}

/// A JSON number, kept as the lexical form it was written with, so nothing is
/// lost to a binary double before a JSON-LD algorithm decides what it means
/// (`12345678901234567890` stays exact as an `xsd:integer`).
struct JSONNumber: Hashable, Sendable {
    let lexical: String

    var double: Double { Double(lexical) ?? .nan }
}

/// A JSON value as the JSON-LD algorithms see it. Objects keep their keys in
/// document order and, when parsed, where each value starts; arrays too.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array(JSONArray)
    case object(JSONObject)

    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var object: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    var isNull: Bool { if case .null = self { return true } else { return false } }
    var isArray: Bool { if case .array = self { return true } else { return false } }
    var isObject: Bool { if case .object = self { return true } else { return false } }
    /// A string, number or boolean.
    var isScalar: Bool {
        switch self {
        case .string, .number, .bool: return true
        default: return false
        }
    }

    /// The value as an array: itself when it is one, else a one-element array.
    var asArray: JSONArray {
        if case .array(let a) = self { return a }
        return JSONArray([self])
    }

    /// A short name of the JSON type, for messages.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON array; `locations` (parallel to the items) is empty for arrays the
/// algorithms build.
struct JSONArray: RandomAccessCollection, Equatable, Sendable {
    private(set) var items: [JSONValue]
    private(set) var locations: [SourceLocation]

    init(_ items: [JSONValue] = []) {
        self.items = items
        locations = []
    }

    init(items: [JSONValue], locations: [SourceLocation]) {
        self.items = items
        self.locations = locations
    }

    var startIndex: Int { 0 }
    var endIndex: Int { items.count }
    subscript(i: Int) -> JSONValue { items[i] }

    func location(at i: Int) -> SourceLocation? { i < locations.count ? locations[i] : nil }

    mutating func append(_ v: JSONValue) {
        if !locations.isEmpty { locations = [] }
        items.append(v)
    }

    mutating func append(contentsOf other: JSONArray) {
        if !locations.isEmpty { locations = [] }
        items.append(contentsOf: other.items)
    }

    static func == (a: JSONArray, b: JSONArray) -> Bool { a.items == b.items }
}

/// A JSON object: keys in document order, values by key, and where each
/// value starts when it was parsed. A key written twice keeps its first
/// place and its last value.
struct JSONObject: Equatable, Sendable {
    private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]
    private var locations: [String: SourceLocation] = [:]

    init() {}

    init(_ entries: KeyValuePairs<String, JSONValue>) {
        for (k, v) in entries { self[k] = v }
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
                locations[key] = nil
            }
        }
    }

    mutating func set(_ key: String, _ value: JSONValue, at location: SourceLocation) {
        self[key] = value
        locations[key] = location
    }

    func location(of key: String) -> SourceLocation? { locations[key] }

    /// The entries in document (or insertion) order.
    var entries: [(key: String, value: JSONValue)] { keys.map { ($0, values[$0]!) } }

    /// Whether every key is one of `allowed`.
    func keys(within allowed: Set<String>) -> Bool { keys.allSatisfy { allowed.contains($0) } }

    static func == (a: JSONObject, b: JSONObject) -> Bool { a.values == b.values }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes: no comments, no trailing
/// commas, no lone surrogates; numbers keep their lexical form. A leading
/// byte-order mark is skipped. Errors are `ParseError`s with line and column.
struct JSONParser {
    private let bytes: [UInt8]
    private let source: Int
    private let path: String
    private var i = 0
    private var depth = 0
    /// Expansion recurses once per level, with large frames (about 35 KB a
    /// level in a debug build): 100 levels stay far inside a thread's 8 MB
    /// stack, where 250 overflowed it. Real JSON-LD nests a dozen levels at most.
    static let maximumDepth = 100

    init(_ bytes: [UInt8], source: Int = 0, path: String) {
        self.bytes = bytes
        self.source = source
        self.path = path
    }

    /// Parses the whole input as one JSON value.
    static func parse(_ bytes: [UInt8], source: Int = 0, path: String) throws -> (JSONValue, SourceLocation) {
        var p = JSONParser(bytes, source: source, path: path)
        return try p.document()
    }

    /// `JSONParser.stream`: the document of `JSONStreamShape`, its top-level
    /// node objects handed out one at a time (the checks and messages of
    /// `document`, `object` and `array`).
    mutating func streamDocument(context: (JSONValue, SourceLocation) throws -> Void,
                                 item: (JSONValue, SourceLocation, Bool) throws -> Void) throws {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "[") {
            try elements { p, at in try item(try p.value(), at, true) }
        } else {
            try members { p, key, at in
                if key == "@graph" {
                    try p.elements { q, at in try item(try q.value(), at, false) }
                } else {
                    try context(try p.value(), at)
                }
            }
        }
        skipWhitespace()
        if i < bytes.count {
            throw error(at: i, "unexpected \(describe(at: i)) after the JSON value")
        }
    }

    private mutating func document() throws -> (JSONValue, SourceLocation) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        let contentStart = i
        skipWhitespace()
        if i >= bytes.count {
            throw error(at: i, contentStart == bytes.count
                ? "empty input: expected a JSON value" : "expected a JSON value, found only white space")
        }
        let start = location
        let v = try value()
        skipWhitespace()
        if i < bytes.count {
            throw error(at: i, "unexpected \(describe(at: i)) after the JSON value")
        }
        return (v, start)
    }

    private var location: SourceLocation { SourceLocation(source: source, offset: i) }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> JSONValue {
        guard i < bytes.count else { throw error(at: i, "unexpected end of input: expected a JSON value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default:
            throw error(at: i, "unexpected \(describe(at: i)): expected a JSON value")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let start = i
        let text = word.withUTF8Buffer { Array($0) }
        if bytes.count - i >= text.count && Array(bytes[i..<(i + text.count)]) == text {
            i += text.count
            return
        }
        throw error(at: start, "invalid literal: expected '\(word)'")
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth {
            throw error(at: i, "arrays and objects are nested more than \(Self.maximumDepth) deep")
        }
    }

    private mutating func object() throws -> JSONValue {
        var obj = JSONObject()
        try members { p, key, at in obj.set(key, try p.value(), at: at) }
        return .object(obj)
    }

    /// The object at `i`, member by member: `each` reads the value (the parser is at it).
    private mutating func members(_ each: (inout JSONParser, String, SourceLocation) throws -> Void) throws {
        let open = i
        try enter()
        defer { depth -= 1 }
        i += 1
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
            i += 1
            return
        }
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw error(at: i, "unexpected end of input: the object opened at \(lineColumnText(open)) is not closed") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw error(at: i, "expected a string key in the object, found \(describe(at: i))")
            }
            let key = try string()
            skipWhitespace()
            guard i < bytes.count else { throw error(at: i, "unexpected end of input: expected ':' after the key \"\(key)\"") }
            guard bytes[i] == UInt8(ascii: ":") else {
                throw error(at: i, "expected ':' after the key \"\(key)\", found \(describe(at: i))")
            }
            i += 1
            skipWhitespace()
            let at = location
            try each(&self, key, at)
            skipWhitespace()
            guard i < bytes.count else { throw error(at: i, "unexpected end of input: the object opened at \(lineColumnText(open)) is not closed") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipWhitespace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
                    throw error(at: i, "trailing comma before '}'")
                }
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return
            }
            throw error(at: i, "expected ',' or '}' after an object member, found \(describe(at: i))")
        }
    }

    private mutating func array() throws -> JSONValue {
        var items: [JSONValue] = []
        var locations: [SourceLocation] = []
        try elements { p, at in
            locations.append(at)
            items.append(try p.value())
        }
        return items.isEmpty ? .array(JSONArray()) : .array(JSONArray(items: items, locations: locations))
    }

    /// The array at `i`, element by element: `each` reads the element (the parser is at it).
    private mutating func elements(_ each: (inout JSONParser, SourceLocation) throws -> Void) throws {
        let open = i
        try enter()
        defer { depth -= 1 }
        i += 1
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        while true {
            skipWhitespace()
            try each(&self, location)
            skipWhitespace()
            guard i < bytes.count else { throw error(at: i, "unexpected end of input: the array opened at \(lineColumnText(open)) is not closed") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipWhitespace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
                    throw error(at: i, "trailing comma before ']'")
                }
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return
            }
            throw error(at: i, "expected ',' or ']' after an array element, found \(describe(at: i))")
        }
    }

    private mutating func number() throws -> JSONNumber {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else {
            throw error(at: start, "invalid number: a digit must follow '-'")
        }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count && isDigit(bytes[i]) {
                throw error(at: start, "invalid number: leading zeros are not allowed")
            }
        } else {
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw error(at: start, "invalid number: a digit must follow the decimal point")
            }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw error(at: start, "invalid number: a digit must follow the exponent")
            }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        return JSONNumber(lexical: String(decoding: bytes[start..<i], as: UTF8.self))
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A string starting at the opening quote; leaves `i` after the closing one.
    private mutating func string() throws -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else { throw error(at: open, "unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<i])
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[runStart..<i])
                try escape(into: &out)
                runStart = i
                continue
            }
            if b < 0x20 {
                throw error(at: i, "control character \(hex(b)) in a string: write it as an escape (\(Self.escapeHint(b)))")
            }
            if b < 0x80 {
                i += 1
            } else {
                try utf8Sequence()
            }
        }
    }

    private static func escapeHint(_ b: UInt8) -> String {
        switch b {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default:
            let h = String(b, radix: 16)
            return "\\u00" + (h.count == 1 ? "0" + h : h)
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws {
        let start = i
        i += 1
        guard i < bytes.count else { throw error(at: start, "unterminated string") }
        let c = bytes[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escapeAt: start)
            if (0xD800...0xDBFF).contains(scalar) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw error(at: start, "invalid \\u escape: the high surrogate \(u16(scalar)) is not followed by a low surrogate")
                }
                let second = i
                i += 2
                let low = try hex4(escapeAt: second)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(at: start, "invalid \\u escape: the high surrogate \(u16(scalar)) is followed by \(u16(low)), not a low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error(at: start, "invalid \\u escape: the low surrogate \(u16(scalar)) has no high surrogate before it")
            }
            UTF8Text.append(scalar, to: &out)
        default:
            throw error(at: start, "invalid escape '\\\(describeByte(c))' in a string")
        }
    }

    private mutating func hex4(escapeAt start: Int) throws -> UInt32 {
        // `i` is after "\u".
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw error(at: start, "unterminated string") }
            let b = bytes[i]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw error(at: start, "invalid \\u escape: expected four hexadecimal digits")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// Validates one multi-byte UTF-8 sequence at `i` and steps over it.
    private mutating func utf8Sequence() throws {
        if let (_, length) = UTF8Text.decode(at: i, in: bytes) {
            i += length
            return
        }
        switch UTF8Text.malformation(at: i, in: bytes) {
        case .truncated: throw error(at: i, "invalid UTF-8: truncated sequence at offset \(i)")
        case .invalidByte(let k): throw error(at: i, "invalid UTF-8: byte \(hex(bytes[k])) at offset \(k)")
        case .invalidLead, nil: throw error(at: i, "invalid UTF-8: byte \(hex(bytes[i])) at offset \(i)")
        }
    }

    // MARK: - Messages

    private func hex(_ b: UInt8) -> String {
        let h = String(b, radix: 16, uppercase: true)
        return "0x" + (h.count == 1 ? "0" + h : h)
    }

    private func u16(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    private func describeByte(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(UnicodeScalar(b)) : hex(b)
    }

    /// What is at `offset`, for "found ..." messages.
    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of input" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(UnicodeScalar(b))'" }
        if b == 0x20 { return "a space" }
        if b < 0x80 { return "the byte \(hex(b))" }
        // A whole character, when it is valid UTF-8.
        var end = offset + 1
        while end < bytes.count && end - offset < 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let s = String(decoding: bytes[offset..<end], as: UTF8.self)
        if s.unicodeScalars.count == 1, let u = s.unicodeScalars.first, u != "\u{FFFD}" {
            return "'\(s)' (\(u16(u.value)))"
        }
        return "the byte \(hex(b))"
    }

    private func lineColumnText(_ offset: Int) -> String {
        let at = UTF8Text.position(of: offset, in: bytes)
        return "\(at.line):\(at.column)"
    }

    private func error(at offset: Int, _ message: String) -> ParseError {
        let at = UTF8Text.position(of: offset, in: bytes)
        return ParseError(path: path, line: at.line, column: at.column, message: message)
    }
}
