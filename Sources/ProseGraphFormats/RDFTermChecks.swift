import ProseGraphModel

/// Checks every RDF writer makes before it writes a term, so that a term a
/// format would silently change (a relative IRI resolved against a base, an
/// ill-formed language tag a JSON-LD processor drops) is an error naming the
/// term instead.
enum RDFTermCheck {
    /// An absolute IRI with no character an IRI may not contain.
    static func iri(_ iri: IRI, format: String) throws {
        if let bad = NTriplesSyntax.firstNonIRIChar(iri.value) {
            throw SerializationError(format: format,
                                     message: "the IRI <\(iri.value)> contains \(NTriplesSyntax.describe(bad)), which no IRI may contain")
        }
        guard scheme(of: iri.value) != nil else {
            throw SerializationError(format: format,
                                     message: "the IRI <\(iri.value)> is relative; only absolute IRIs (with a scheme) can be written")
        }
    }

    /// The scheme of an absolute IRI (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), or nil.
    static func scheme(of s: String) -> Substring? {
        guard let colon = s.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = s.utf8[s.utf8.startIndex..<colon]
        guard let first = name.first, isASCIILetter(first) else { return nil }
        for b in name.dropFirst() where !(isASCIILetter(b) || isASCIIDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E) {
            return nil
        }
        return Substring(name)
    }

    /// `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`, the language tag syntax of Turtle and
    /// N-Triples (and what JSON-LD calls well-formed).
    static func language(_ tag: String, of literal: Literal, format: String) throws {
        var ok = !tag.isEmpty
        var first = true
        for part in tag.utf8.split(separator: 0x2D, omittingEmptySubsequences: false) where ok {
            if part.isEmpty { ok = false }
            for b in part where !(isASCIILetter(b) || (!first && isASCIIDigit(b))) { ok = false }
            first = false
        }
        if !ok {
            throw SerializationError(format: format,
                                     message: "the language tag '\(tag)' of the literal \(quoted(literal.lexical)) is not well-formed")
        }
    }

    static func notLiteralSubject(_ t: Triple, format: String) throws {
        if case .literal(let l) = t.subject {
            throw SerializationError(format: format, message: "the literal \(quoted(l.lexical)) cannot be the subject of a triple")
        }
    }

    /// A string in N-Triples syntax, for messages: quotes, backslashes and
    /// control characters escaped, so a message never carries raw control bytes.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u.value < 0x20 || u.value == 0x22 || u.value == 0x5C || u.value == 0x7F {
                out += NTriplesSyntax.escape(UInt8(u.value))
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
