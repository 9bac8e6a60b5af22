import ProseGraphModel

/// A picture of a `FactGraph` in Graphviz's DOT language: one node statement
/// per entity or value, shaped and coloured by its kind and labelled with its
/// label; one edge per fact, labelled with the predicate and the fact's dates
/// (a fact stated on several dates: all of them, in order). A legend shows
/// the kinds present (a cluster, or with layouts that draw no clusters a row
/// of cells under the title). The same graph gives byte-identical DOT.
///
/// ```swift
/// let dot = GraphPicture(graph, title: "Output/graph.nt").dot()
/// let svg = try Graphviz().render(dot, as: .svg, for: "graph.svg")
/// ```
public struct GraphPicture: Sendable {
    /// Graphviz layout engines (the DOT `layout` attribute): `dot` draws
    /// facts left to right in ranks; `sfdp`, `fdp` and `neato` spread nodes by
    /// springs, which suits large graphs; `circo` and `twopi` draw circles.
    public enum Layout: String, CaseIterable, Sendable {
        case dot, neato, fdp, sfdp, circo, twopi

        /// Whether the engine draws clusters (`dot`, `fdp`): the legend is one
        /// then; with the others it is a row of cells in the graph's label.
        public var drawsClusters: Bool { self == .dot || self == .fdp }
    }

    /// The graph drawn.
    public let graph: FactGraph
    /// The picture's caption (nil: none).
    public let title: String?
    /// The Graphviz layout engine, written into the DOT as the graph's `layout`.
    public let layout: Layout

    /// A picture of a graph, with an optional caption, for a layout engine.
    public init(_ graph: FactGraph, title: String? = nil, layout: Layout = .dot) {
        self.graph = graph
        self.title = title
        self.layout = layout
    }

    /// The DOT attributes that draw a kind: `shape`, `style`, colours.
    public static func attributes(of kind: FactGraph.Kind) -> String {
        switch kind {
        case .country: return "shape=box, style=\"rounded,filled\", fillcolor=\"\(fill(of: kind))\""
        case .city: return "shape=house, style=filled, fillcolor=\"\(fill(of: kind))\""
        case .place: return "shape=hexagon, style=filled, fillcolor=\"\(fill(of: kind))\""
        case .person: return "shape=ellipse, style=filled, fillcolor=\"\(fill(of: kind))\""
        case .organization: return "shape=component, style=filled, fillcolor=\"\(fill(of: kind))\""
        case .other: return "shape=ellipse, style=dashed, color=\"#888888\""
        case .literal: return "shape=note, style=solid"
        }
    }

    /// The colour a kind is filled with (white: not filled).
    public static func fill(of kind: FactGraph.Kind) -> String {
        switch kind {
        case .country: return "#9ecae1"
        case .city: return "#fdae6b"
        case .place: return "#dadaeb"
        case .person: return "#a1d99b"
        case .organization: return "#fcbba1"
        case .other, .literal: return "#ffffff"
        }
    }

    /// The whole DOT text, ending in a newline.
    public func dot() -> String {
        var out = "digraph prosegraph {\n"
        let kinds = Set(graph.nodes.map(\.kind)).sorted()
        var graphAttributes = "layout=\(layout.rawValue), rankdir=LR, overlap=false, fontname=\"Helvetica\", fontsize=12"
        if layout.drawsClusters {
            if let title { graphAttributes += ", labelloc=t, label=" + Self.quoted(title) }
        } else if title != nil || !kinds.isEmpty {
            // Layouts that ignore clusters: the legend is a row of coloured cells under the title.
            var table = "<table border=\"0\" cellspacing=\"3\">"
            if let title { table += "<tr><td colspan=\"\(max(1, kinds.count))\">\(GraphReport.escape(title))</td></tr>" }
            if !kinds.isEmpty {
                table += "<tr>" + kinds.map { "<td border=\"1\" bgcolor=\"\(Self.fill(of: $0))\">\($0.name)</td>" }.joined() + "</tr>"
            }
            graphAttributes += ", labelloc=t, label=<\(table)</table>>"
        }
        out += "  graph [\(graphAttributes)];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\", fontcolor=\"#333333\"];\n"
        if !graph.nodes.isEmpty { out += "\n" }
        for (i, node) in graph.nodes.enumerated() {
            var attributes = "label=" + Self.quoted(node.label) + ", " + Self.attributes(of: node.kind)
            if graph.focus?.node == i { attributes += ", penwidth=3" }
            attributes += ", tooltip=" + Self.quoted(node.kind == .literal ? node.label : node.name)
            out += "  n\(i + 1) [\(attributes)];\n"
        }
        if !graph.facts.isEmpty { out += "\n" }
        for fact in graph.facts {
            let dates = fact.dates
            var label = Self.escaped(fact.name)
            // Three dates a line keeps a long list readable.
            for start in stride(from: 0, to: dates.count, by: 3) {
                label += "\\n" + dates[start..<min(start + 3, dates.count)].map(Self.escaped).joined(separator: ", ")
            }
            let mentions = fact.mentions.count
            let tooltip = "\(graph.nodes[fact.subject].label) \(fact.name) \(graph.nodes[fact.object].label)"
                + (mentions == 0 ? "" : " (\(mentions) mention\(mentions == 1 ? "" : "s"))")
            out += "  n\(fact.subject + 1) -> n\(fact.object + 1) [label=\"\(label)\", tooltip=\(Self.quoted(tooltip))];\n"
        }
        if layout.drawsClusters, !kinds.isEmpty {
            out += "\n  subgraph cluster_legend {\n"
            out += "    graph [label=\"Legend\", fontsize=10, style=dashed, color=\"#aaaaaa\"];\n"
            for kind in kinds {
                out += "    legend_\(kind.name.lowercased()) [label=\"\(kind.name)\", \(Self.attributes(of: kind))];\n"
            }
            out += "  }\n"
        }
        return out + "}\n"
    }

    /// A DOT double-quoted string.
    static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    /// Text for inside a DOT double-quoted string that Graphviz shows as
    /// written: `\` and `"` escaped, `&` as `&amp;` (Graphviz reads
    /// `&name;` entities in every string), line breaks and other control
    /// characters as spaces.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for u in text.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
