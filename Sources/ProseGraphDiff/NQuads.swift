import ProseGraphFormats
import ProseGraphModel

extension Canonicalizer {
    /// Canonical N-Quads (RDFC-1.0 section 4.3): each quad on one line as
    /// `subject predicate object [graph] .`, terms escaped as NTriplesWriter
    /// writes them, duplicate lines dropped, lines in code point order, every
    /// line ending in "\n". Blank node labels are written as given: this
    /// serializes, `canonicalize` relabels.
    /// Throws `SerializationError` for an IRI no IRIREF can hold.
    public static func canonicalNQuads(_ quads: [Quad]) throws -> String {
        var lines = Set<[UInt8]>()
        for q in quads { lines.insert(try line(q)) }
        var out: [UInt8] = []
        for l in lines.sorted(by: { $0.lexicographicallyPrecedes($1) }) { out += l }
        return String(decoding: out, as: UTF8.self)
    }

    /// One quad as a canonical N-Quads line, "\n" included.
    public static func canonicalNQuadsLine(_ q: Quad) throws -> String {
        String(decoding: try line(q), as: UTF8.self)
    }

    private static func line(_ q: Quad) throws -> [UInt8] {
        var s = try NTriplesWriter.canonicalString(q.subject)
        s += " "
        s += try NTriplesWriter.canonicalString(.iri(q.predicate))
        s += " "
        s += try NTriplesWriter.canonicalString(q.object)
        if let g = q.graph {
            s += " "
            s += try NTriplesWriter.canonicalString(g)
        }
        s += " .\n"
        return Array(s.utf8)
    }
}
