/// The lexical rules the JSON-LD algorithms test: keywords, the form of an
/// IRI, blank node identifiers, well-formed language tags.
enum JSONLDSyntax {
    static let keywords: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit",
        "@graph", "@id", "@import", "@included", "@index", "@json", "@language", "@list",
        "@nest", "@none", "@omitDefault", "@prefix", "@preserve", "@propagate", "@protected",
        "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ s: String) -> Bool { s.utf8.first == UInt8(ascii: "@") && keywords.contains(s) }

    /// `"@" 1*ALPHA`: reserved for future keywords; such terms and values are ignored.
    static func hasKeywordForm(_ s: String) -> Bool {
        let u = s.utf8
        guard u.count > 1, u.first == UInt8(ascii: "@") else { return false }
        return u.dropFirst().allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
    }

    static func isBlankNodeID(_ s: String) -> Bool { s.utf8.starts(with: "_:".utf8) }

    /// The scheme of `s` (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` before
    /// the first ':'), or nil when `s` has none.
    static func scheme(of s: String) -> Substring? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let name = s[..<colon]
        guard let first = name.utf8.first, isAlpha(first) else { return nil }
        for b in name.utf8.dropFirst() where !(isAlpha(b) || isDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E) {
            return nil
        }
        return name
    }

    /// "Has the form of an IRI": a scheme and no white space.
    static func isAbsoluteIRI(_ s: String) -> Bool {
        scheme(of: s) != nil && !s.unicodeScalars.contains { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
    }

    /// An absolute IRI that can be an RDF term: a scheme, no character
    /// N-Triples forbids in an IRI (controls, space, `<>"{}|^`\`) and at most one `#`.
    static func isWellFormedIRI(_ s: String) -> Bool {
        scheme(of: s) != nil && s.unicodeScalars.allSatisfy(NTriplesSyntax.isIRIChar)
            && s.utf8.lazy.filter({ $0 == UInt8(ascii: "#") }).count <= 1
    }

    /// BCP 47 well-formedness as JSON-LD processors check it:
    /// `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
    static func isWellFormedLanguage(_ s: String) -> Bool {
        var first = true
        for part in s.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false) {
            guard (1...8).contains(part.count) else { return false }
            for b in part where !(isAlpha(b) || (!first && isDigit(b))) { return false }
            first = false
        }
        return !s.isEmpty
    }

    /// RFC 3986 gen-delims: `: / ? # [ ] @`.
    static func endsWithGenDelim(_ s: String) -> Bool {
        guard let last = s.utf8.last else { return false }
        return [0x3A, 0x2F, 0x3F, 0x23, 0x5B, 0x5D, 0x40].contains(last)
    }

    static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

/// Relative IRI resolution as JSON-LD does it: RFC 3986 §5.2 (`IRIResolver`),
/// and a reference stays as it is when there is no base to resolve it against.
enum JSONLDIRI {
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        return IRIResolver.resolve(reference, against: base) ?? reference
    }
}
