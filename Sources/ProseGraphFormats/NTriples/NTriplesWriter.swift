import ProseGraphModel

/// Writes N-Triples, one triple a line, in the canonical form of RDF
/// Dataset Canonicalization (RDFC-1.0): `\b \t \n \f \r \" \\` escaped, other
/// control characters as `\u00XX`, everything else as UTF-8.
public struct NTriplesWriter {
    private let out: BufferedOutput
    public private(set) var count = 0

    public init(sink: ByteSink) {
        out = BufferedOutput(sink)
    }

    public mutating func write(_ t: Triple) throws {
        try RDFTermCheck.notLiteralSubject(t, format: "N-Triples")
        try Self.writeTerm(t.subject, to: out)
        try out.append(0x20)
        try Self.writeIRI(t.predicate, to: out)
        try out.append(0x20)
        try Self.writeTerm(t.object, to: out)
        try out.append(" .\n")
        count += 1
    }

    /// Flushes the buffer to the sink.
    public mutating func finish() throws { try out.flush() }

    static func writeTerm(_ term: Term, to out: BufferedOutput) throws {
        switch term {
        case .iri(let i): try writeIRI(i, to: out)
        case .blank(let b):
            // An RDF/XML rdf:nodeID may end in '.', which no N-Triples label can (as in Turtle).
            guard TurtleSyntax.isBlankNodeLabel(b.id) else {
                throw SerializationError(format: "N-Triples", message: "the blank node label '\(b.id)' is not a valid N-Triples BLANK_NODE_LABEL")
            }
            try out.append("_:" + b.id)
        case .literal(let l):
            try writeString(l.lexical, to: out)
            if let lang = l.language {
                try out.append("@" + lang)
                if let dir = l.direction { try out.append("--" + dir) }
            } else if l.datatype != XSD.string {
                try out.append("^^")
                try writeIRI(l.datatype, to: out)
            }
        case .tripleTerm(let t):
            // RDF 1.2 N-Triples: <<( s p o )>>
            try out.append("<<( ")
            try writeTerm(t.subject, to: out)
            try out.append(0x20)
            try writeIRI(t.predicate, to: out)
            try out.append(0x20)
            try writeTerm(t.object, to: out)
            try out.append(" )>>")
        }
    }

    /// One term exactly as `write` writes it (canonical RDFC-1.0 escaping),
    /// for N-Quads lines and canonicalization hashes. Throws like `write` on
    /// an IRI no IRIREF can hold.
    public static func canonicalString(_ term: Term) throws -> String {
        let sink = MemorySink()
        let out = BufferedOutput(sink, capacity: 256)
        try writeTerm(term, to: out)
        try out.flush()
        return sink.string
    }

    static func writeIRI(_ iri: IRI, to out: BufferedOutput) throws {
        // A relative IRI would be written and then refused by every reader: an error here instead.
        try RDFTermCheck.iri(iri, format: "N-Triples")
        try out.append(0x3C)
        try out.append(iri.value)
        try out.append(0x3E)
    }

    static func writeString(_ s: String, to out: BufferedOutput) throws {
        try out.append(0x22)
        var s = s
        try s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // Canonical N-Triples (RDF 1.2) escapes the noncharacters U+FFFE and U+FFFF (EF BF BE/BF) too.
                let nonCharacter = b == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || nonCharacter else { i += 1; continue }
                if i > runStart { try out.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))) }
                if nonCharacter {
                    try out.append(bytes[i + 2] == 0xBE ? "\\uFFFE" : "\\uFFFF")
                    i += 3
                } else {
                    try out.append(NTriplesSyntax.escape(b))
                    i += 1
                }
                runStart = i
            }
            if runStart < bytes.count { try out.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart...]))) }
        }
        try out.append(0x22)
    }
}

enum NTriplesSyntax {
    /// `isIRIChar` for the ASCII range, by byte.
    static let iriByte: [Bool] = (0..<128).map { isIRIChar(Unicode.Scalar(UInt8($0))) }

    /// The first character no IRI may contain, if any. Only ASCII characters
    /// are excluded, so a byte scan answers the common case.
    @inline(__always)
    static func firstNonIRIChar(_ s: String) -> Unicode.Scalar? {
        let clean = s.utf8.withContiguousStorageIfAvailable { bytes in
            iriByte.withUnsafeBufferPointer { table in
                for b in bytes where b < 0x80 && !table[Int(b)] { return false }
                return true
            }
        }
        if clean == true { return nil }
        return s.unicodeScalars.first(where: { !isIRIChar($0) })
    }

    /// IRIREF excludes controls, space and `<>"{}|^`\`.
    static func isIRIChar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false
        default: return true
        }
    }

    static func escape(_ b: UInt8) -> String {
        switch b {
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        default:
            let hex = String(b, radix: 16, uppercase: true)
            return "\\u00" + (hex.count == 1 ? "0" + hex : hex)
        }
    }

    static func describe(_ u: Unicode.Scalar) -> String {
        if u == " " { return "a space" }
        let hex = String(u.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return u.value < 0x21 ? code : "'\(u)' (\(code))"
    }
}
