/// Relative reference resolution of RFC 3986 section 5.2 (strict: a
/// reference with a scheme is always absolute), used by every reader that
/// has a base IRI: Turtle, TriG, RDF/XML, JSON-LD.
///
/// Works on the characters as they are: no normalization (case, percent
/// encoding, default ports) beyond removing dot segments, which is what the
/// RDF syntaxes ask for. IRIs with non-ASCII characters resolve like URIs,
/// as RFC 3987 section 6.5 allows.
public enum IRIResolver {
    /// `relative` resolved against the absolute `base`; nil when `base` has
    /// no scheme (a reference with a scheme of its own needs no base and is
    /// returned with its dot segments removed).
    public static func resolve(_ relative: String, against base: String) -> String? {
        // Most references in real data are absolute IRIs without dot segments: they resolve to themselves.
        if isAbsoluteWithoutDotSegments(relative) { return relative }
        let r = Components(Array(relative.utf8))
        if let scheme = r.scheme {
            return r.recompose(scheme: scheme, authority: r.authority, path: removeDotSegments(r.path), query: r.query)
        }
        let b = Components(Array(base.utf8))
        guard let scheme = b.scheme else { return nil }
        let path: [UInt8]
        let authority: ArraySlice<UInt8>?
        let query: ArraySlice<UInt8>?
        if let a = r.authority {
            authority = a
            path = removeDotSegments(r.path)
            query = r.query
        } else {
            authority = b.authority
            if r.path.isEmpty {
                path = Array(b.path)
                query = r.query ?? b.query
            } else {
                if r.path.first == 0x2F {
                    path = removeDotSegments(r.path)
                } else {
                    path = removeDotSegments(merge(base: b, relativePath: r.path)[...])
                }
                query = r.query
            }
        }
        return r.recompose(scheme: scheme, authority: authority, path: path, query: query)
    }

    /// The scheme of `iri` (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
    /// before the first ':'), or nil when it is a relative reference.
    public static func scheme(of iri: String) -> String? {
        Components.scheme(Array(iri.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `iri` has a scheme (is not a relative reference).
    public static func isAbsolute(_ iri: String) -> Bool { schemeLength(iri) != nil }

    /// The length of `iri`'s scheme (`Components.scheme` without copying the bytes), nil when it has none.
    static func schemeLength(_ iri: String) -> Int? {
        var k = 0
        for b in iri.utf8 {
            if k == 0 {
                guard (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A else { return nil }
            } else if b == 0x3A {
                return k
            } else {
                let ok = ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E
                if !ok { return nil }
            }
            k += 1
        }
        return nil
    }

    /// An absolute IRI that `removeDotSegments` leaves as it is: no "/." anywhere, and a path
    /// that does not start with "." (the only places a dot segment can be). `resolve` would
    /// take it apart and put it back together unchanged.
    static func isAbsoluteWithoutDotSegments(_ iri: String) -> Bool {
        guard let n = schemeLength(iri) else { return false }
        var k = 0, previous: UInt8 = 0
        for b in iri.utf8 {
            if k == n + 1 && b == 0x2E { return false }
            if b == 0x2E && previous == 0x2F { return false }
            previous = b
            k += 1
        }
        return true
    }

    /// RFC 3986 5.2.4 on a path.
    public static func removeDotSegments(_ path: String) -> String {
        String(decoding: removeDotSegments(Array(path.utf8)[...]), as: UTF8.self)
    }

    /// RFC 3986 5.2.3.
    private static func merge(base: Components, relativePath: ArraySlice<UInt8>) -> [UInt8] {
        if base.authority != nil && base.path.isEmpty {
            return [0x2F] + relativePath
        }
        guard let slash = base.path.lastIndex(of: 0x2F) else { return Array(relativePath) }
        return Array(base.path[...slash]) + relativePath
    }

    /// RFC 3986 5.2.4, rules A to E, on bytes.
    static func removeDotSegments(_ input: ArraySlice<UInt8>) -> [UInt8] {
        let dot: UInt8 = 0x2E, slash: UInt8 = 0x2F
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var i = input.startIndex
        let end = input.endIndex
        @inline(__always) func at(_ k: Int) -> UInt8? { i + k < end ? input[i + k] : nil }
        func dropLastSegment() {
            if let last = output.lastIndex(of: slash) {
                output.removeSubrange(last...)
            } else {
                output.removeAll()
            }
        }
        while i < end {
            let c0 = at(0), c1 = at(1), c2 = at(2), c3 = at(3)
            if c0 == dot && c1 == dot && c2 == slash {            // A: "../"
                i += 3
            } else if c0 == dot && c1 == slash {                  // A: "./"
                i += 2
            } else if c0 == slash && c1 == dot && c2 == slash {   // B: "/./" -> "/"
                i += 2
            } else if c0 == slash && c1 == dot && c2 == nil {     // B: "/." -> "/"
                output.append(slash)
                i = end
            } else if c0 == slash && c1 == dot && c2 == dot && c3 == slash {  // C: "/../" -> "/"
                dropLastSegment()
                i += 3
            } else if c0 == slash && c1 == dot && c2 == dot && c3 == nil {    // C: "/.." -> "/"
                dropLastSegment()
                output.append(slash)
                i = end
            } else if (c0 == dot && c1 == nil) || (c0 == dot && c1 == dot && c2 == nil) {  // D
                i = end
            } else {                                              // E: move one segment
                var j = i
                if input[j] == slash { j += 1 }
                while j < end && input[j] != slash { j += 1 }
                output.append(contentsOf: input[i..<j])
                i = j
            }
        }
        return output
    }

    /// The five components of RFC 3986 Appendix B (the scheme only when it is
    /// a valid scheme; otherwise the colon belongs to the path).
    struct Components {
        var scheme: ArraySlice<UInt8>?
        var authority: ArraySlice<UInt8>?
        var path: ArraySlice<UInt8>
        var query: ArraySlice<UInt8>?
        var fragment: ArraySlice<UInt8>?

        static func scheme(_ s: [UInt8]) -> ArraySlice<UInt8>? {
            guard let first = s.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return nil }
            for (k, b) in s.enumerated().dropFirst() {
                if b == 0x3A { return s[..<k] }
                let ok = ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E
                if !ok { return nil }
            }
            return nil
        }

        init(_ s: [UInt8]) {
            var i = 0
            if let sc = Components.scheme(s) {
                scheme = sc
                i = sc.count + 1
            }
            if i + 1 < s.count && s[i] == 0x2F && s[i + 1] == 0x2F {
                var j = i + 2
                while j < s.count && s[j] != 0x2F && s[j] != 0x3F && s[j] != 0x23 { j += 1 }
                authority = s[(i + 2)..<j]
                i = j
            }
            var j = i
            while j < s.count && s[j] != 0x3F && s[j] != 0x23 { j += 1 }
            path = s[i..<j]
            i = j
            if i < s.count && s[i] == 0x3F {
                j = i + 1
                while j < s.count && s[j] != 0x23 { j += 1 }
                query = s[(i + 1)..<j]
                i = j
            }
            if i < s.count && s[i] == 0x23 {
                fragment = s[(i + 1)...]
            }
        }

        /// RFC 3986 5.3, with this reference's fragment.
        func recompose<P: Collection>(scheme: ArraySlice<UInt8>, authority: ArraySlice<UInt8>?, path: P,
                                      query: ArraySlice<UInt8>?) -> String where P.Element == UInt8 {
            var out: [UInt8] = []
            out.reserveCapacity(scheme.count + (authority?.count ?? 0) + path.count + (query?.count ?? 0) + (fragment?.count ?? 0) + 6)
            out += scheme
            out.append(0x3A)
            if let authority {
                out += [0x2F, 0x2F]
                out += authority
            }
            out += path
            if let query {
                out.append(0x3F)
                out += query
            }
            if let fragment {
                out.append(0x23)
                out += fragment
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
