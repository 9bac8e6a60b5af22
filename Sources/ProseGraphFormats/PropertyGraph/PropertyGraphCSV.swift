import ProseGraphModel

/// The nodes and relationships CSV files of `PropertyGraphFormat.csv`, in the
/// header convention of `neo4j-admin database import`: RFC 4180 (comma, CRLF
/// never added: lines end in LF; a field is quoted when it holds a comma, a
/// quote, a line break or is empty text, a quote doubled inside), a missing
/// value an empty field. Every property column is typed (`label:string`), so
/// that no loader guesses a type from the values (Kùzu's would read a column of
/// `2015-02-01` as dates), and Kùzu's LOAD FROM names the column `label`.
enum PropertyGraphCSV {
    static func writeNodes(_ graph: PropertyGraph, to out: BufferedOutput) throws -> Int {
        try out.append(header(["id:ID", ":LABEL"], PropertyColumns.node))
        for n in graph.nodes {
            try out.append(row([.string(n.id), .string(n.type)] + PropertyColumns.values(of: n)))
        }
        return graph.nodes.count
    }

    static func writeRelationships(_ graph: PropertyGraph, to out: BufferedOutput) throws -> Int {
        try out.append(header([":START_ID", ":END_ID", ":TYPE"], PropertyColumns.relationship))
        for e in graph.edges {
            try out.append(row([.string(e.source), .string(e.target), .string(e.label)] + PropertyColumns.values(of: e)))
        }
        return graph.edges.count
    }

    private static func header(_ fixed: [String], _ columns: [PropertyColumns.Column]) -> String {
        (fixed.map(field) + columns.map { field($0.name + ":" + $0.kind.neo4j) }).joined(separator: ",") + "\n"
    }

    private static func row(_ values: [PropertyColumns.Value?]) -> String {
        values.map { v -> String in
            switch v {
            case nil: return ""
            case .string(let s)?: return s.isEmpty ? "\"\"" : field(s)
            case .int(let i)?: return String(i)
            case .double(let d)?, .date(let d)?: return d
            }
        }.joined(separator: ",") + "\n"
    }

    /// A field, quoted when it must be.
    static func field(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var q = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { q += "\"\"" } else { q.unicodeScalars.append(ch) }
        }
        return q + "\""
    }
}
