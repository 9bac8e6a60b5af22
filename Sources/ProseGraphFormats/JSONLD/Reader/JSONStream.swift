/// The one shape of JSON-LD document that is read node object by node object
/// instead of as one tree: a top-level array of node objects (the expanded
/// form, `convert --expanded`), or a top-level object whose keys are
/// `"@context"` (optional, first) and `"@graph"` (an array), as `export` and
/// `convert` write it. Every top-level node object of such a document expands
/// on its own against the one top-level context, so the quads are those of the
/// whole document, in the same order, with the same blank node labels.
///
/// `JSONStreamShape.find` is a quick structural pass (no allocation) that tells
/// whether a document has that shape and how large its largest node object is;
/// the values themselves are parsed by `JSONParser`, one node object at a time.
struct JSONStreamShape {
    /// Where the top-level context's value is (nil: none, or a top-level array).
    let context: Range<Int>?
    /// The largest top-level node object, where it starts and its size in bytes.
    let largest: (offset: Int, size: Int)
    /// Top-level node objects.
    let count: Int

    /// The shape of `bytes`, or nil when it is another shape or not well-formed
    /// enough to tell (then it is read, and refused, as a whole document).
    static func find(_ bytes: [UInt8]) -> JSONStreamShape? {
        bytes.withUnsafeBufferPointer { b in
            var scanner = Scanner(b: b)
            return scanner.shape()
        }
    }

    private struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        init(b: UnsafeBufferPointer<UInt8>) {
            self.b = b
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        }

        mutating func space() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            space()
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }

        /// A key written without escapes: its bytes.
        mutating func key() -> ArraySlice<UInt8>? {
            guard take(0x22) else { return nil }
            let start = i
            while i < b.count, b[i] != 0x22 { if b[i] == 0x5C { return nil }; i += 1 }
            guard i < b.count else { return nil }
            i += 1
            return ArraySlice(b[start..<(i - 1)])
        }

        /// Moves past one JSON value (strings, numbers, literals, nested containers).
        mutating func skipValue() -> Bool {
            space()
            guard i < b.count else { return false }
            var depth = 0
            repeat {
                guard i < b.count else { return false }
                switch b[i] {
                case 0x7B, 0x5B: depth += 1; i += 1
                case 0x7D, 0x5D:
                    guard depth > 0 else { return false }
                    depth -= 1; i += 1
                case 0x22:
                    i += 1
                    while i < b.count, b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
                    guard i < b.count else { return false }
                    i += 1
                case 0x2C, 0x3A, 0x20, 0x09, 0x0A, 0x0D:
                    guard depth > 0 else { return false }
                    i += 1
                default:
                    // A number or a literal: up to the next delimiter.
                    while i < b.count, !Self.delimiter(b[i]) { i += 1 }
                }
            } while depth > 0
            return true
        }

        static func delimiter(_ c: UInt8) -> Bool {
            c == 0x2C || c == 0x5D || c == 0x7D || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x3A || c == 0x22
                || c == 0x7B || c == 0x5B
        }

        mutating func shape() -> JSONStreamShape? {
            space()
            guard i < b.count else { return nil }
            var context: Range<Int>? = nil
            let topLevelObject = b[i] == 0x7B
            if topLevelObject {
                i += 1
                var name = key()
                if name.map({ $0.elementsEqual("@context".utf8) }) == true {
                    guard take(0x3A) else { return nil }
                    space()
                    let start = i
                    guard skipValue() else { return nil }
                    context = start..<i
                    guard take(0x2C) else { return nil }
                    name = key()
                }
                guard name.map({ $0.elementsEqual("@graph".utf8) }) == true, take(0x3A) else { return nil }
            }
            guard take(0x5B) else { return nil }
            var largest = (offset: i, size: 0), count = 0
            if !take(0x5D) {
                while true {
                    space()
                    let start = i
                    guard skipValue() else { return nil }
                    count += 1
                    if i - start > largest.size { largest = (start, i - start) }
                    if take(0x2C) { continue }
                    guard take(0x5D) else { return nil }
                    break
                }
            }
            if topLevelObject { guard take(0x7D) else { return nil } }
            space()
            guard i == b.count else { return nil }
            return JSONStreamShape(context: context, largest: largest, count: count)
        }
    }
}

extension JSONParser {
    /// Parses a document of `JSONStreamShape`: `context` gets the top-level
    /// context's value, then `item` each top-level node object as soon as it
    /// is parsed (with whether it sits in a top-level array rather than in
    /// `@graph`). Syntax errors are the ones `parse` gives, at the same places.
    static func stream(_ bytes: [UInt8], source: Int = 0, path: String,
                       context: (JSONValue, SourceLocation) throws -> Void,
                       item: (JSONValue, SourceLocation, _ topLevelArray: Bool) throws -> Void) throws {
        var p = JSONParser(bytes, source: source, path: path)
        try p.streamDocument(context: context, item: item)
    }
}
