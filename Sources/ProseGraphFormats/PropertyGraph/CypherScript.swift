import ProseGraphModel

/// `graph.cypher`: the property graph as Cypher statements that Neo4j,
/// Memgraph, FalkorDB and Kùzu (after `graph.kuzu-schema.cypher`) run as they are.
///
/// - One statement a line, each ended by `;`: first one `CREATE` per node,
///   `CREATE (:`Country` {`id`: 'country.belgium', ...});`, then one per
///   relationship, `MATCH (a:`Person` {`id`: '...'}), (b:`City` {`id`: '...'})
///   CREATE (a)-[:`visited` {...}]->(b);`. Statements share no variables and
///   need no parameters.
/// - Labels, relationship types and property names are quoted with backticks
///   (a backtick inside doubled), so reserved words are names like any other.
/// - Strings are in single quotes with `\` and `'` escaped by a backslash: the
///   only escapes all four read alike (Kùzu reads `\n` as `n`). A line break
///   inside a value is therefore written as it is, inside the quotes: that
///   statement then spans lines, and still ends with `;`.
/// - Numbers as written (the confidence always with a fraction, `1.0`, so it
///   is a float everywhere); `dateEarliest` and `dateLatest` as `date('2015-02-01')`.
///   A missing value is left out.
enum CypherScript {
    static func write(_ graph: PropertyGraph, to out: BufferedOutput) throws -> Int {
        for n in graph.nodes {
            try out.append("CREATE (:" + name(n.type) + " {" + properties([("id", .string(n.id))], PropertyColumns.node, PropertyColumns.values(of: n)) + "});\n")
        }
        let labels = PropertyColumns.labels(of: graph)
        for e in graph.edges {
            try out.append("MATCH (a:" + name(labels[e.source]!) + " {`id`: " + string(e.source) + "}), (b:" + name(labels[e.target]!)
                           + " {`id`: " + string(e.target) + "}) CREATE (a)-[:" + name(e.label) + " {"
                           + properties([], PropertyColumns.relationship, PropertyColumns.values(of: e)) + "}]->(b);\n")
        }
        return graph.nodes.count + graph.edges.count
    }

    private static func properties(_ first: [(String, PropertyColumns.Value)], _ columns: [PropertyColumns.Column],
                                   _ values: [PropertyColumns.Value?]) -> String {
        var parts = first.map { name($0.0) + ": " + literal($0.1) }
        for (c, v) in zip(columns, values) {
            if let v { parts.append(name(c.name) + ": " + literal(v)) }
        }
        return parts.joined(separator: ", ")
    }

    private static func literal(_ v: PropertyColumns.Value) -> String {
        switch v {
        case .string(let s): return string(s)
        case .int(let i): return String(i)
        case .double(let d): return d
        case .date(let d): return "date('" + d + "')"
        }
    }

    /// A name in backticks: `` `visited` ``.
    static func name(_ s: String) -> String {
        var q = "`"
        for ch in s.unicodeScalars {
            if ch == "`" { q += "`" }
            q.unicodeScalars.append(ch)
        }
        return q + "`"
    }

    /// A string literal in single quotes, `\` and `'` escaped.
    static func string(_ s: String) -> String {
        var q = "'"
        for ch in s.unicodeScalars {
            if ch == "\\" || ch == "'" { q += "\\" }
            q.unicodeScalars.append(ch)
        }
        return q + "'"
    }
}

/// Kùzu's part: node and relationship tables (Kùzu has a schema), and for the
/// CSV export the `COPY` statements that fill them from the two files.
///
/// - One node table per label, `id` its primary key, then the node properties;
///   one relationship table per type, with every (from label, to label) pair
///   the type joins, then the relationship properties. Kùzu's table names
///   ignore case, so a label and a type, or two types, that differ only in case
///   are an error naming both.
/// - `COPY `Person` FROM (LOAD FROM 'graph.nodes.csv' (header=true,
///   parallel=false) WHERE `:LABEL` = 'Person' RETURN ...);`, and per
///   relationship table and pair, the rows of that type whose ends have those
///   labels (node ids start with the label in lower case and a dot), with
///   `(from='Person', to='City')` when the table has more than one pair.
///   `parallel=false` because Kùzu's parallel CSV reader refuses a quoted line
///   break. The file names are relative: Kùzu reads them from its working
///   directory, so the script is run in the export's folder.
enum KuzuScript {
    static let format = "Kùzu"

    static func write(_ graph: PropertyGraph, copyFrom files: (nodes: String, relationships: String)?,
                      to out: BufferedOutput) throws -> Int {
        let labels = Array(Set(graph.nodes.map(\.type))).sorted()
        let nodeLabel = PropertyColumns.labels(of: graph)
        var pairs: [String: Set<[String]>] = [:]
        for e in graph.edges { pairs[e.label, default: []].insert([nodeLabel[e.source]!, nodeLabel[e.target]!]) }
        let types = pairs.keys.sorted()
        var seen: [String: String] = [:]
        for table in labels + types {
            if let other = seen[table.lowercased()] {
                throw SerializationError(format: format, message: "'\(other)' and '\(table)' would be one table: Kùzu's table names ignore case")
            }
            seen[table.lowercased()] = table
        }
        var count = 0
        func line(_ s: String) throws { try out.append(s + ";\n"); count += 1 }
        let name = CypherScript.name
        let nodeColumns = PropertyColumns.node.map { name($0.name) + " " + $0.kind.kuzu }
        for label in labels {
            try line("CREATE NODE TABLE " + name(label) + "(`id` STRING, " + nodeColumns.joined(separator: ", ") + ", PRIMARY KEY(`id`))")
        }
        let relColumns = PropertyColumns.relationship.map { name($0.name) + " " + $0.kind.kuzu }
        for type in types {
            let ends = pairs[type]!.sorted { $0.lexicographicallyPrecedes($1) }.map { "FROM " + name($0[0]) + " TO " + name($0[1]) }
            try line("CREATE REL TABLE " + name(type) + "(" + (ends + relColumns).joined(separator: ", ") + ")")
        }
        guard let files else { return count }
        let load = " (header=true, parallel=false) WHERE "
        let nodeReturn = (["`id:ID`"] + PropertyColumns.node.map { name($0.name) }).joined(separator: ", ")
        for label in labels {
            try line("COPY " + name(label) + " FROM (LOAD FROM " + CypherScript.string(files.nodes) + load
                     + "`:LABEL` = " + CypherScript.string(label) + " RETURN " + nodeReturn + ")")
        }
        let relReturn = (["`:START_ID`", "`:END_ID`"] + PropertyColumns.relationship.map { name($0.name) }).joined(separator: ", ")
        for type in types {
            let ends = pairs[type]!.sorted { $0.lexicographicallyPrecedes($1) }
            for pair in ends {
                try line("COPY " + name(type) + " FROM (LOAD FROM " + CypherScript.string(files.relationships) + load
                         + "`:TYPE` = " + CypherScript.string(type)
                         + " AND `:START_ID` STARTS WITH " + CypherScript.string(pair[0].lowercased() + ".")
                         + " AND `:END_ID` STARTS WITH " + CypherScript.string(pair[1].lowercased() + ".")
                         + " RETURN " + relReturn + ")"
                         + (ends.count > 1 ? " (from=" + CypherScript.string(pair[0]) + ", to=" + CypherScript.string(pair[1]) + ")" : ""))
            }
        }
        return count
    }
}
