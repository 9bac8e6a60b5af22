import ProseGraphModel

/// Writes Turtle, streaming: the prefixes of a `PrefixMap` declared once at
/// the top, then one block per subject, predicates separated by `;` and the
/// objects of one predicate by `,`.
///
/// Triples are grouped as they arrive, so sorted input (subject, predicate,
/// object) gives one block per subject; unsorted input is still correct
/// Turtle of the same graph, only less grouped.
///
/// An IRI is written as a prefixed name when a declared namespace starts it
/// and the rest is a PN_LOCAL (no escapes needed), else as `<IRI>`; rdf:type
/// is `a`. Literals are always `"..."` with the escapes of N-Triples
/// (`\b \t \n \f \r \" \\`, other control characters as `\u00XX`).
public struct TurtleWriter {
    private let out: BufferedOutput
    private let prefixes: [(prefix: String, namespace: String)]
    private var subject: Term?
    private var predicate: IRI?
    private var finished = false
    public private(set) var count = 0

    /// Declares every prefix of `prefixes`, in its order. A prefix that is not
    /// a Turtle PN_PREFIX or a namespace that is not an absolute IRI is an error.
    public init(sink: ByteSink, prefixes: PrefixMap = .standard) throws {
        out = BufferedOutput(sink)
        for (prefix, namespace) in prefixes.entries {
            guard TurtleSyntax.isPrefixName(prefix) else {
                throw SerializationError(format: "Turtle", message: "'\(prefix)' is not a valid Turtle prefix name")
            }
            try RDFTermCheck.iri(IRI(namespace), format: "Turtle")
        }
        self.prefixes = prefixes.entries
        for (prefix, namespace) in prefixes.entries {
            try out.append("@prefix " + prefix + ": <" + namespace + "> .\n")
        }
    }

    public mutating func write(_ t: Triple) throws {
        guard !finished else { throw SerializationError(format: "Turtle", message: "a triple was written after finish()") }
        // Everything is checked before anything is written, so an error
        // never leaves half a triple behind.
        try RDFTermCheck.notLiteralSubject(t, format: "Turtle")
        try check(t.subject)
        try RDFTermCheck.iri(t.predicate, format: "Turtle")
        try check(t.object)
        if let subject, subject == t.subject, let predicate {
            if predicate == t.predicate {
                try out.append(", ")
            } else {
                try out.append(" ;\n    ")
                try writePredicate(t.predicate)
                try out.append(0x20)
            }
        } else {
            if subject != nil {
                try out.append(" .\n")
            }
            if subject != nil || !prefixes.isEmpty { try out.append(0x0A) }
            try writeTerm(t.subject)
            try out.append(0x20)
            try writePredicate(t.predicate)
            try out.append(0x20)
        }
        subject = t.subject
        predicate = t.predicate
        try writeTerm(t.object)
        count += 1
    }

    /// Ends the last block and flushes the buffer to the sink.
    public mutating func finish() throws {
        finished = true
        if subject != nil {
            try out.append(" .\n")
            subject = nil
            predicate = nil
        }
        try out.flush()
    }

    private func writePredicate(_ p: IRI) throws {
        if p == RDF.type {
            try out.append(0x61)
        } else {
            try writeIRI(p)
        }
    }

    private func check(_ term: Term) throws {
        switch term {
        case .iri(let i): try RDFTermCheck.iri(i, format: "Turtle")
        case .blank(let b):
            guard TurtleSyntax.isBlankNodeLabel(b.id) else {
                throw SerializationError(format: "Turtle", message: "the blank node label '\(b.id)' is not a valid Turtle BLANK_NODE_LABEL")
            }
        case .literal(let l):
            if let lang = l.language {
                try RDFTermCheck.language(lang, of: l, format: "Turtle")
            } else if l.datatype != XSD.string {
                try RDFTermCheck.iri(l.datatype, format: "Turtle")
            }
        case .tripleTerm(let t):
            try check(t.subject)
            try RDFTermCheck.iri(t.predicate, format: "Turtle")
            try check(t.object)
        }
    }

    private func writeTerm(_ term: Term) throws {
        switch term {
        case .iri(let i): try writeIRI(i)
        case .blank(let b): try out.append("_:" + b.id)
        case .literal(let l):
            try NTriplesWriter.writeString(l.lexical, to: out)
            if let lang = l.language {
                try out.append("@" + lang)
                if let dir = l.direction { try out.append("--" + dir) }
            } else if l.datatype != XSD.string {
                try out.append("^^")
                try writeIRI(l.datatype)
            }
        case .tripleTerm(let t):
            // Turtle 1.2 triple term.
            try out.append("<<( ")
            try writeTerm(t.subject)
            try out.append(" ")
            try writeIRI(t.predicate)
            try out.append(" ")
            try writeTerm(t.object)
            try out.append(" )>>")
        }
    }

    private func writeIRI(_ iri: IRI) throws {
        if let name = prefixedName(iri.value) {
            try out.append(name)
        } else {
            try out.append(0x3C)
            try out.append(iri.value)
            try out.append(0x3E)
        }
    }

    /// `prefix:local` for the longest declared namespace whose rest is a
    /// PN_LOCAL (the first prefix of the map wins among equal namespaces).
    private func prefixedName(_ iri: String) -> String? {
        var best: (prefix: String, local: Substring, length: Int)?
        for (prefix, namespace) in prefixes where UTF8Order.hasPrefix(iri, namespace) {
            let length = namespace.utf8.count
            if let best, best.length >= length { continue }
            let local = iri[iri.utf8.index(iri.startIndex, offsetBy: length)...]
            guard TurtleSyntax.isLocalName(local) else { continue }
            best = (prefix, local, length)
        }
        return best.map { $0.prefix + ":" + $0.local }
    }
}

/// The name productions of Turtle 1.1.
enum TurtleSyntax {
    /// PN_CHARS_BASE.
    static func isBase(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// PN_CHARS_U.
    static func isBaseOrUnderscore(_ u: Unicode.Scalar) -> Bool { u == "_" || isBase(u) }

    /// PN_CHARS.
    static func isNameChar(_ u: Unicode.Scalar) -> Bool {
        if isBaseOrUnderscore(u) { return true }
        switch u.value {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// PN_PREFIX, or the empty prefix: `PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?`.
    static func isPrefixName(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard let first = u.first else { return true }
        guard isBase(first), u.last != "." else { return false }
        return u.dropFirst().allSatisfy { $0 == "." || isNameChar($0) }
    }

    /// BLANK_NODE_LABEL after `_:`: `(PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`.
    static func isBlankNodeLabel(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard let first = u.first, isBaseOrUnderscore(first) || ("0"..."9").contains(first), u.last != "." else { return false }
        return u.dropFirst().allSatisfy { $0 == "." || isNameChar($0) }
    }

    /// PN_LOCAL without backslash escapes (which this writer never needs to
    /// produce: it falls back to `<IRI>`), or the empty local name:
    /// `(PN_CHARS_U | ':' | [0-9] | PLX) ((PN_CHARS | '.' | ':' | PLX)* (PN_CHARS | ':' | PLX))?`
    /// with PLX = `'%' HEX HEX`.
    static func isLocalName(_ s: Substring) -> Bool {
        let u = Array(s.unicodeScalars)
        if u.isEmpty { return true }
        var i = 0
        var last: Unicode.Scalar = " "
        while i < u.count {
            let c = u[i]
            if c == "%" {
                guard i + 2 < u.count, isHex(u[i + 1]), isHex(u[i + 2]) else { return false }
                last = "%"
                i += 3
                continue
            }
            let ok: Bool
            if i == 0 {
                ok = isBaseOrUnderscore(c) || c == ":" || ("0"..."9").contains(c)
            } else {
                ok = isNameChar(c) || c == "." || c == ":"
            }
            guard ok else { return false }
            last = c
            i += 1
        }
        return last != "."
    }

    static func isHex(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x46, 0x61...0x66: return true
        default: return false
        }
    }
}
