import Foundation
import ProseGraphFormats
import ProseGraphModel

/// Writes the exports of a corpus one article at a time (`export --stream`),
/// so memory stays bounded by what is small in a corpus: the entities, the
/// identities of the facts, the literal texts. The graph written is the one
/// the in-memory export writes — the same triples, nodes and edges — in a
/// different order:
///
/// - RDF formats: each article's documents, statements and new fact triples,
///   sorted within the article, articles in input order; then every entity's
///   own triples, sorted. A subject can therefore come back in a later block
///   (Turtle, RDF/XML and JSON-LD allow that; the graph is the same).
/// - GraphML: the nodes (entities and literal texts, known only at the end)
///   first, as GraphML readers expect, then the edges in article order. The
///   edges wait in an unlinked temporary file next to the output until then.
struct StreamingExport {
    private let minter: IRIMinter
    private var writers: [(format: ExportFormat, writer: QuadWriter)] = []
    private var counts: [ExportFormat: Int] = [:]
    private var graphml: (sink: ByteSink, spill: EdgeSpill)?
    /// Every entity seen, merged the way `KnowledgeGraph.merge` merges them.
    private var entities = KnowledgeGraph()
    /// The facts whose `subject predicate object` triple is written, by a
    /// 128-bit digest of their identity (16 bytes each instead of three
    /// strings: a 1 GB corpus has millions of distinct facts). Two distinct
    /// facts would have to agree on both 64-bit hashes to be confused.
    private var seenFacts = Set<FactDigest>()
    private var literalTexts = Set<String>()
    private var referenced = Set<EntityKey>()

    /// `sinks`: one per format; `spillDirectory`: where GraphML's edges wait.
    init(sinks: [(ExportFormat, ByteSink)], minter: IRIMinter, contextURL: String?, spillDirectory: String) throws {
        self.minter = minter
        for (format, sink) in sinks {
            if format == .graphml {
                graphml = (sink, try EdgeSpill(directory: spillDirectory))
            } else if let rdf = OutputFormat(rawValue: format.rawValue) {
                writers.append((format, try QuadWriter(format: rdf, sink: sink, name: format.fileName, contextURL: contextURL)))
            }
            counts[format] = 0
        }
    }

    /// Writes one article's part of the graph.
    mutating func add(_ article: KnowledgeGraph) throws {
        for e in article.entities.values { entities.add(entity: e) }
        if !writers.isEmpty {
            let triples = article.rdfTriples(minter: minter, entities: false) { seenFacts.insert(FactDigest($0)).inserted }
            try write(triples)
        }
        if let graphml {
            let facts = article.sortedFacts
            for f in facts { PropertyGraph.collect(f, texts: &literalTexts, referenced: &referenced) }
            for edge in PropertyGraph.edges(of: facts, minter: minter, literalID: { EdgeSpill.literalTarget($0) }) {
                try graphml.spill.append(edge)
            }
        }
    }

    /// Writes the entities (and GraphML's nodes and edges) and closes every
    /// writer. Returns the triples (GraphML: edges) written per format.
    mutating func finish() throws -> [ExportFormat: Int] {
        if !writers.isEmpty {
            // In slices, so that the entities' triples never all exist at once.
            let all = entities.sortedEntities
            for start in stride(from: 0, to: all.count, by: 10_000) {
                var slice = KnowledgeGraph()
                for e in all[start..<min(start + 10_000, all.count)] { slice.add(entity: e) }
                try write(slice.rdfTriples(minter: minter))
            }
            for i in writers.indices { try writers[i].writer.finish() }
        }
        if let graphml {
            let (nodes, literalIDs) = PropertyGraph.nodes(entities: entities.sortedEntities, literalTexts: literalTexts,
                                                          referenced: referenced, minter: minter)
            var w = GraphMLWriter(sink: graphml.sink)
            for n in nodes { try w.write(n) }
            try graphml.spill.replay { edge in try w.write(edge.resolvingLiteral(literalIDs)) }
            try w.finish()
            counts[.graphml] = w.edgeCount
        }
        return counts
    }

    private mutating func write(_ triples: [Triple]) throws {
        for i in writers.indices {
            for t in triples { try writers[i].writer.write(Quad(t)) }
            counts[writers[i].format, default: 0] += triples.count
        }
    }
}

/// A 128-bit digest of a fact's identity: FNV-1a and a multiply-xorshift
/// hash over the same bytes.
struct FactDigest: Hashable {
    let a: UInt64
    let b: UInt64

    init(_ f: FactIdentity) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x9E37_79B9_7F4A_7C15
        func add(_ s: String) {
            for byte in s.utf8 {
                a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
                b = (b ^ UInt64(byte)) &* 0xBF58_476D_1CE4_E5B9
                b ^= b >> 31
            }
            a = (a ^ 0x1F) &* 0x100_0000_01b3  // a separator no text holds
            b = (b ^ 0x1F) &* 0xBF58_476D_1CE4_E5B9
            b ^= b >> 31
        }
        add(f.subject.type.rawValue)
        add(f.subject.slug)
        add(f.predicate)
        switch f.object {
        case .entity(let k): add("e"); add(k.type.rawValue); add(k.slug)
        case .literal(let text): add("l"); add(text)
        }
        self.a = a
        self.b = b
    }
}

extension PropertyGraph.Edge {
    /// The edge with a literal target placeholder replaced by the literal's node id.
    fileprivate func resolvingLiteral(_ literalIDs: [String: String]) -> PropertyGraph.Edge {
        guard let text = EdgeSpill.literalText(target) else { return self }
        return PropertyGraph.Edge(id: id, source: source, target: literalIDs[text]!, predicate: predicate,
                                  predicateIRI: predicateIRI, statement: statement, document: document, mention: mention)
    }
}

/// GraphML edges waiting for their nodes: records in a temporary file that is
/// unlinked as soon as it is open, so nothing is left behind however the run ends.
final class EdgeSpill {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var count = 0

    /// Literal targets are not node ids until every literal text is known; a
    /// NUL (which no node id or text may hold) marks them meanwhile.
    static func literalTarget(_ text: String) -> String { "\u{0}" + text }
    static func literalText(_ target: String) -> String? {
        target.utf8.first == 0 ? String(target.dropFirst()) : nil
    }

    init(directory: String) throws {
        let path = FileSystem.join(directory, ".prosegraph-spill-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forUpdatingAtPath: path) else {
            throw OutputError(path: path, message: "cannot create a temporary file: \(FileSystem.lastError())")
        }
        unlink(path)
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    deinit { try? handle.close() }

    func append(_ e: PropertyGraph.Edge) throws {
        let m = e.mention
        for s in [e.id, e.source, e.target, e.predicate, e.predicateIRI.value, e.statement.value, e.document.value,
                  m.date?.description ?? "", m.provenance.documentID, m.provenance.sentence, m.rule] {
            put(UInt64(s.utf8.count))
            buffer.append(contentsOf: s.utf8)
        }
        put(UInt64(bitPattern: Int64(m.provenance.start)))
        put(UInt64(bitPattern: Int64(m.provenance.end)))
        put(m.confidence.bitPattern)
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Reads every edge back, in the order appended.
    func replay(_ body: (PropertyGraph.Edge) throws -> Void) throws {
        try flush()
        try handle.seek(toOffset: 0)
        var reader = Reader(handle: handle)
        for _ in 0..<count {
            var s: [String] = []
            for _ in 0..<11 { s.append(try reader.string()) }
            let start = Int(Int64(bitPattern: try reader.word()))
            let end = Int(Int64(bitPattern: try reader.word()))
            let confidence = Double(bitPattern: try reader.word())
            let mention = Mention(date: s[7].isEmpty ? nil : FactDate(iso: s[7]),
                                  provenance: Provenance(documentID: s[8], sentence: s[9], start: start, end: end),
                                  rule: s[10], confidence: confidence)
            try body(PropertyGraph.Edge(id: s[0], source: s[1], target: s[2], predicate: s[3], predicateIRI: IRI(s[4]),
                                        statement: IRI(s[5]), document: IRI(s[6]), mention: mention))
        }
    }

    private func put(_ v: UInt64) {
        var v = v.littleEndian
        withUnsafeBytes(of: &v) { buffer.append(contentsOf: $0) }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private struct Reader {
        let handle: FileHandle
        var chunk: [UInt8] = []
        var at = 0

        init(handle: FileHandle) { self.handle = handle }

        mutating func bytes(_ n: Int) throws -> ArraySlice<UInt8> {
            while chunk.count - at < n {
                guard let more = try handle.read(upToCount: max(1 << 20, n)), !more.isEmpty else {
                    throw OutputError(path: "<temporary file>", message: "the GraphML edge spill ended early")
                }
                chunk = Array(chunk[at...]) + more
                at = 0
            }
            defer { at += n }
            return chunk[at..<at + n]
        }

        mutating func word() throws -> UInt64 {
            try bytes(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }

        mutating func string() throws -> String {
            let n = Int(try word())
            return String(decoding: try bytes(n), as: UTF8.self)
        }
    }
}
