import ProseGraphFormats
import ProseGraphModel

/// RDF Dataset Canonicalization, RDFC-1.0 (https://www.w3.org/TR/rdf-canon/):
/// gives the blank nodes of a dataset labels that depend only on the
/// dataset's shape (`_:c14n0`, `_:c14n1`, ...), so two datasets that differ
/// only in blank node labels produce the same canonical N-Quads, byte for byte.
///
/// Section numbers in comments are those of the Recommendation (4.4
/// Canonicalization, 4.6 Hash First Degree Quads, 4.7 Hash Related Blank
/// Node, 4.8 Hash N-Degree Quads).
///
/// Poison graphs (highly symmetric blank node structures, section 4.8.4's
/// warning and the suite's test074) make Hash N-Degree Quads run for a time
/// exponential in their size. Every call of it is counted, and a run that
/// would exceed `nDegreeCallLimit(sharedBlankNodes:)` stops with
/// `CanonicalizationError.tooComplex`.
///
/// RDF 1.2 triple terms are not covered by RDFC-1.0. A blank node inside a
/// triple term is treated as mentioned by the quad: first-degree hashing
/// replaces it like any other (`_:a` / `_:z` inside `<<( ... )>>`), and it is
/// related to the quad's other blank nodes through the position (`s` or `o`)
/// of the triple term that holds it.
public struct Canonicalizer: Sendable {
    public var hashAlgorithm: HashAlgorithm
    /// The default budget of Hash N-Degree Quads calls is `4 × n^maxWorkFactor`
    /// (at least `minimumNDegreeCalls`), `n` the number of blank nodes whose
    /// first-degree hashes are shared. With 2, a chain of alike blank nodes
    /// (an RDF list of 1,000 equal items: (n-2)² = 996,004 calls, about 5 s
    /// in a release build) fits with room to spare, and a poison graph of
    /// 1,000 such nodes stops after 4 million calls (about 20 s).
    public var maxWorkFactor: Int
    /// An explicit budget of Hash N-Degree Quads calls; overrides `maxWorkFactor`.
    public var maxNDegreeCalls: Int?

    /// The budget never goes below this many calls, so small symmetric
    /// datasets (the suite's cycles and cliques of a few nodes) always finish.
    public static let minimumNDegreeCalls = 4096

    public init(hashAlgorithm: HashAlgorithm = .sha256, maxWorkFactor: Int = 2, maxNDegreeCalls: Int? = nil) {
        self.hashAlgorithm = hashAlgorithm
        self.maxWorkFactor = maxWorkFactor
        self.maxNDegreeCalls = maxNDegreeCalls
    }

    /// How many Hash N-Degree Quads calls a dataset with `n` blank nodes of
    /// shared first-degree hashes may make before `canonicalize` gives up.
    public func nDegreeCallLimit(sharedBlankNodes n: Int) -> Int {
        if let explicit = maxNDegreeCalls { return max(0, explicit) }
        var power = 4
        for _ in 0..<max(0, maxWorkFactor) {
            let (product, overflow) = power.multipliedReportingOverflow(by: max(n, 1))
            if overflow { return Int.max }
            power = product
        }
        return max(Self.minimumNDegreeCalls, power)
    }

    /// Canonicalizes a dataset; its quads are taken in sorted order, so the
    /// result (the identifier map included) is deterministic.
    public func canonicalize(_ d: Dataset) throws -> CanonicalResult {
        try canonicalize(d.sorted)
    }

    /// Canonicalizes quads in the order given (duplicates dropped). The order
    /// only matters to the identifier map, and only where the dataset has
    /// automorphisms (two blank nodes no hash can tell apart): then, as in the
    /// specification, the one met first gets the lower canonical label.
    public func canonicalize(_ quads: [Quad]) throws -> CanonicalResult {
        var run = try Run(quads: quads, algorithm: hashAlgorithm)
        try run.assignCanonicalIdentifiers { self.nDegreeCallLimit(sharedBlankNodes: $0) }
        return try run.result()
    }
}

/// What canonicalization produces.
public struct CanonicalResult: Sendable, Equatable {
    /// Canonical N-Quads: one quad a line (each ending in "\n"), lines in code
    /// point order, blank nodes labelled `_:c14nN`, RDFC-1.0 escaping.
    public let nquads: String
    /// The canonical quads, in the order of `nquads` lines.
    public let quads: [Quad]
    /// Input blank node label (no `_:`) -> canonical label (`c14n0`, ...).
    public let issuedIdentifiers: [String: String]
    /// Hash N-Degree Quads calls made: the work spent on blank nodes their
    /// first-degree hashes did not tell apart.
    public let nDegreeCalls: Int
}

public enum CanonicalizationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Hash N-Degree Quads was called more often than the limit allows: the
    /// dataset is (or behaves like) a poison graph.
    case tooComplex(limit: Int, sharedBlankNodes: Int)

    public var description: String {
        switch self {
        case .tooComplex(let limit, let n):
            return "RDFC-1.0: gave up after \(limit) Hash N-Degree Quads calls, the limit for \(n) blank nodes "
                + "with shared first-degree hashes: the dataset is too symmetric to canonicalize in reasonable time "
                + "(a poison graph?); raise Canonicalizer.maxWorkFactor or maxNDegreeCalls to go on"
        }
    }
}

// MARK: - One run of the algorithm

/// The canonicalization state of section 4.2, with blank nodes numbered by
/// first appearance (quad order; subject, object, graph) and every quad
/// pre-serialized into a template whose blank node slots are filled per use.
private struct Run {
    enum Piece {
        case bytes([UInt8])
        case blank(Int)
    }

    /// A blank node mentioned by a quad, and the position it hashes under.
    struct Mention {
        let position: UInt8   // "s", "o" or "g"
        let node: Int
    }

    /// An identifier issuer (section 4.5) for temporary `_:bN` labels.
    struct Issuer {
        var ids: [Int: Int] = [:]
        var order: [Int] = []

        mutating func issue(_ node: Int) -> Int {
            if let id = ids[node] { return id }
            let id = order.count
            ids[node] = id
            order.append(node)
            return id
        }
    }

    let algorithm: HashAlgorithm
    let quads: [Quad]
    var labels: [String] = []
    var templates: [[Piece]] = []
    var mentions: [[Mention]] = []
    var predicates: [[UInt8]] = []
    /// The blank node to quads map: quad indices per node, each quad once.
    var nodeQuads: [[Int]] = []
    var firstDegree: [[UInt8]] = []
    /// The canonical issuer: canonical number per node, -1 while none.
    var canonical: [Int] = []
    var canonicalCount = 0
    var calls = 0
    var callLimit = Int.max
    var sharedCount = 0

    init(quads input: [Quad], algorithm: HashAlgorithm) throws {
        self.algorithm = algorithm
        var seen = Set<Quad>()
        quads = input.filter { seen.insert($0).inserted }
        var index: [String: Int] = [:]
        var cache: [Term: [UInt8]] = [:]

        func node(_ b: BlankNode) -> Int {
            if let i = index[b.id] { return i }
            let i = labels.count
            index[b.id] = i
            labels.append(b.id)
            nodeQuads.append([])
            return i
        }
        func leaf(_ t: Term) throws -> [UInt8] {
            if let bytes = cache[t] { return bytes }
            let bytes = Array(try NTriplesWriter.canonicalString(t).utf8)
            cache[t] = bytes
            return bytes
        }
        // Appends a term's pieces; records the blank nodes in it under `position`.
        func add(_ t: Term, _ position: UInt8, _ pieces: inout [Piece], _ found: inout [Mention]) throws {
            switch t {
            case .blank(let b):
                let n = node(b)
                pieces.append(.blank(n))
                found.append(Mention(position: position, node: n))
            case .tripleTerm(let tt):
                // As NTriplesWriter writes it: <<( s p o )>>
                append(Array("<<( ".utf8), to: &pieces)
                try add(tt.subject, position, &pieces, &found)
                append([0x20] + (try leaf(.iri(tt.predicate))) + [0x20], to: &pieces)
                try add(tt.object, position, &pieces, &found)
                append(Array(" )>>".utf8), to: &pieces)
            default:
                append(try leaf(t), to: &pieces)
            }
        }

        templates.reserveCapacity(quads.count)
        for (qi, q) in quads.enumerated() {
            var pieces: [Piece] = []
            var found: [Mention] = []
            let s = UInt8(ascii: "s"), o = UInt8(ascii: "o"), g = UInt8(ascii: "g")
            try add(q.subject, s, &pieces, &found)
            let predicate = try leaf(.iri(q.predicate))
            append([0x20] + predicate + [0x20], to: &pieces)
            try add(q.object, o, &pieces, &found)
            if let graph = q.graph {
                append([0x20], to: &pieces)
                try add(graph, g, &pieces, &found)
            }
            append(Array(" .\n".utf8), to: &pieces)
            templates.append(pieces)
            mentions.append(found)
            predicates.append(predicate)
            // Section 4.4.3 step 2: each quad once per blank node it mentions.
            var listed = Set<Int>()
            for m in found where listed.insert(m.node).inserted { nodeQuads[m.node].append(qi) }
        }
        canonical = Array(repeating: -1, count: labels.count)
    }

    private static let a = Array("_:a".utf8), z = Array("_:z".utf8)

    /// Section 4.4.3 steps 3-5.
    mutating func assignCanonicalIdentifiers(limit: (Int) -> Int) throws {
        // Step 3: first-degree hashes, grouped.
        firstDegree = (0..<labels.count).map { hashFirstDegree($0) }
        var groups: [[UInt8]: [Int]] = [:]
        for n in 0..<labels.count { groups[firstDegree[n], default: []].append(n) }
        let ordered = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }

        // Step 4: a hash only one blank node has names it.
        var shared: [[Int]] = []
        for h in ordered {
            let nodes = groups[h]!
            if nodes.count == 1 { issueCanonical(nodes[0]) } else { shared.append(nodes) }
        }
        sharedCount = shared.reduce(0) { $0 + $1.count }
        callLimit = limit(sharedCount)

        // Step 5: the rest, by Hash N-Degree Quads, group by group in hash order.
        for nodes in shared {
            var results: [(hash: [UInt8], issuer: Issuer)] = []
            for n in nodes where canonical[n] < 0 {
                var temporary = Issuer()
                _ = temporary.issue(n)
                let h = try hashNDegree(n, &temporary)
                results.append((h, temporary))
            }
            // A stable sort: equal hashes (automorphic nodes) keep their order of first appearance.
            let sorted = results.enumerated().sorted {
                $0.element.hash != $1.element.hash
                    ? $0.element.hash.lexicographicallyPrecedes($1.element.hash)
                    : $0.offset < $1.offset
            }
            for (_, r) in sorted {
                for n in r.issuer.order { issueCanonical(n) }
            }
        }
    }

    mutating func issueCanonical(_ n: Int) {
        guard canonical[n] < 0 else { return }
        canonical[n] = canonicalCount
        canonicalCount += 1
    }

    /// Section 4.6.3: the quads of `n`, `n` as `_:a` and every other blank node as `_:z`, sorted, hashed.
    func hashFirstDegree(_ n: Int) -> [UInt8] {
        var lines: [[UInt8]] = []
        for q in nodeQuads[n] {
            var line: [UInt8] = []
            for piece in templates[q] {
                switch piece {
                case .bytes(let b): line += b
                case .blank(let m): line += m == n ? Self.a : Self.z
                }
            }
            lines.append(line)
        }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        return algorithm.hexDigestBytes(Array(lines.joined()))
    }

    /// Section 4.7.3.
    func hashRelated(_ related: Int, quad: Int, position: UInt8, issuer: Issuer) -> [UInt8] {
        var input: [UInt8] = [position]
        if position != UInt8(ascii: "g") { input += predicates[quad] }
        if canonical[related] >= 0 {
            input += Self.label(canonical: canonical[related])
        } else if let id = issuer.ids[related] {
            input += Self.label(temporary: id)
        } else {
            input += firstDegree[related]
        }
        return algorithm.hexDigestBytes(input)
    }

    static func label(canonical k: Int) -> [UInt8] { Array("_:c14n\(k)".utf8) }
    static func label(temporary k: Int) -> [UInt8] { Array("_:b\(k)".utf8) }

    /// Section 4.8.3. `issuer` is the path identifier issuer going in and the
    /// result's issuer coming out, which is what every caller does with it.
    mutating func hashNDegree(_ n: Int, _ issuer: inout Issuer) throws -> [UInt8] {
        calls += 1
        if calls > callLimit { throw CanonicalizationError.tooComplex(limit: callLimit, sharedBlankNodes: sharedCount) }

        // Steps 1-3: related blank nodes, grouped by their related hash.
        var related: [[UInt8]: [Int]] = [:]
        for q in nodeQuads[n] {
            for m in mentions[q] where m.node != n {
                related[hashRelated(m.node, quad: q, position: m.position, issuer: issuer), default: []].append(m.node)
            }
        }

        // Steps 4-5.
        var data: [UInt8] = []
        for h in related.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let nodes = related[h]!
            data += h
            if nodes.count == 1 {
                // One permutation: its issuer copy becomes the issuer, so work on it in place.
                var copy = Issuer()
                swap(&copy, &issuer)
                let path = try pathOf(nodes, &copy, chosen: nil)!
                swap(&copy, &issuer)
                data += path
                continue
            }
            var chosenPath: [UInt8]? = nil
            var chosenIssuer: Issuer? = nil
            var permutation = Array(nodes.indices)
            repeat {
                var copy = issuer
                if let path = try pathOf(permutation.map { nodes[$0] }, &copy, chosen: chosenPath),
                   chosenPath.map({ path.lexicographicallyPrecedes($0) }) ?? true {
                    chosenPath = path
                    chosenIssuer = copy
                }
            } while Self.nextPermutation(&permutation)
            data += chosenPath!
            issuer = chosenIssuer!
        }
        return algorithm.hexDigestBytes(data)
    }

    /// Section 4.8.3 step 5.4.2-5.4.5 for one permutation: the path, or nil
    /// when it can no longer beat `chosen` (steps 5.4.4.3 and 5.4.5.5).
    mutating func pathOf(_ permutation: [Int], _ copy: inout Issuer, chosen: [UInt8]?) throws -> [UInt8]? {
        func losing(_ path: [UInt8]) -> Bool {
            guard let chosen else { return false }
            return path.count >= chosen.count && chosen.lexicographicallyPrecedes(path)
        }
        var path: [UInt8] = []
        var recursion: [Int] = []
        for r in permutation {
            if canonical[r] >= 0 {
                path += Self.label(canonical: canonical[r])
            } else {
                if copy.ids[r] == nil { recursion.append(r) }
                path += Self.label(temporary: copy.issue(r))
            }
            if losing(path) { return nil }
        }
        for r in recursion {
            let h = try hashNDegree(r, &copy)
            path += Self.label(temporary: copy.issue(r))
            path.append(UInt8(ascii: "<"))
            path += h
            path.append(UInt8(ascii: ">"))
            if losing(path) { return nil }
        }
        return path
    }

    /// Lexicographic next permutation of indices; false after the last.
    static func nextPermutation(_ p: inout [Int]) -> Bool {
        var i = p.count - 2
        while i >= 0 && p[i] >= p[i + 1] { i -= 1 }
        if i < 0 { return false }
        var j = p.count - 1
        while p[j] <= p[i] { j -= 1 }
        p.swapAt(i, j)
        p[(i + 1)...].reverse()
        return true
    }

    /// Section 4.4.3 step 6 and the canonical N-Quads document.
    func result() throws -> CanonicalResult {
        var lines: [(bytes: [UInt8], quad: Int)] = []
        lines.reserveCapacity(quads.count)
        for (qi, pieces) in templates.enumerated() {
            var line: [UInt8] = []
            for piece in pieces {
                switch piece {
                case .bytes(let b): line += b
                case .blank(let m): line += Self.label(canonical: canonical[m])
                }
            }
            lines.append((line, qi))
        }
        lines.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count })
        for l in lines { text += l.bytes }

        let relabeled = labels.indices.map { BlankNode("c14n\(canonical[$0])") }
        var index: [String: Int] = [:]
        for (i, l) in labels.enumerated() { index[l] = i }
        func relabel(_ t: Term) -> Term {
            switch t {
            case .blank(let b): return .blank(relabeled[index[b.id]!])
            case .tripleTerm(let tt): return .tripleTerm(Triple(relabel(tt.subject), tt.predicate, relabel(tt.object)))
            default: return t
            }
        }
        let canonicalQuads = lines.map { l in
            let q = quads[l.quad]
            return Quad(relabel(q.subject), q.predicate, relabel(q.object), graph: q.graph.map(relabel))
        }
        var map: [String: String] = [:]
        for (i, l) in labels.enumerated() { map[l] = relabeled[i].id }
        return CanonicalResult(nquads: String(decoding: text, as: UTF8.self), quads: canonicalQuads,
                               issuedIdentifiers: map, nDegreeCalls: calls)
    }
}

private func append(_ bytes: [UInt8], to pieces: inout [Run.Piece]) {
    if case .bytes(let previous)? = pieces.last {
        pieces[pieces.count - 1] = .bytes(previous + bytes)
    } else {
        pieces.append(.bytes(bytes))
    }
}
