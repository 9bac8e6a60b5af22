import ProseGraphModel

/// Terms interned to dense `Int` ids, in order of first sight.
struct TermTable: Sendable {
    private(set) var terms: [Term] = []
    private var ids: [Term: Int] = [:]

    init() {}

    mutating func intern(_ t: Term) -> Int {
        if let id = ids[t] { return id }
        let id = terms.count
        terms.append(t)
        ids[t] = id
        return id
    }

    func id(_ t: Term) -> Int? { ids[t] }
    mutating func reserve(_ n: Int) {
        ids.reserveCapacity(n)
        terms.reserveCapacity(n)
    }
    subscript(_ id: Int) -> Term { terms[id] }
    var count: Int { terms.count }
}

/// An immutable in-memory graph (named graphs merged) indexed both ways:
/// subject -> predicate -> objects and object -> predicate -> subjects.
///
/// Each index is one sorted array of (node, predicate, other) ids plus an
/// offset table per node, so `objects(s, p)` is two binary searches inside
/// `s`'s run and returns a slice, with no per-node allocation. Building it
/// for a million triples is two sorts of `Int32` triples.
struct IndexedGraph: Sendable {
    private(set) var table: TermTable
    /// Forward index: for node n, rows fwdStart[n]..<fwdStart[n+1] of fwdP/fwdO, sorted by (p, o).
    private let fwdStart: [Int32]
    private let fwdP: [Int32]
    private let fwdO: [Int32]
    /// Backward index: for node n, rows bwdStart[n]..<bwdStart[n+1] of bwdP/bwdS, sorted by (p, s).
    private let bwdStart: [Int32]
    private let bwdP: [Int32]
    private let bwdS: [Int32]
    /// Number of ids that have index rows (terms interned later have none).
    private let indexed: Int

    /// Builds the index; `table` may already hold terms (a shapes graph's),
    /// whose ids are then kept.
    init(_ quads: [Quad], table: TermTable = TermTable()) {
        var table = table
        table.reserve(table.count + quads.count)
        var rows: [(Int32, Int32, Int32)] = []
        rows.reserveCapacity(quads.count)
        for q in quads {
            let s = Int32(table.intern(q.subject))
            let p = Int32(table.intern(.iri(q.predicate)))
            let o = Int32(table.intern(q.object))
            rows.append((s, p, o))
        }
        let n = table.count
        (fwdStart, fwdP, fwdO) = Self.build(rows, nodes: n)
        (bwdStart, bwdP, bwdS) = Self.build(rows.map { ($0.2, $0.1, $0.0) }, nodes: n)
        self.table = table
        self.indexed = n
    }

    /// Counting sort by the first column, then a sort of each run by the rest; duplicates dropped.
    private static func build(_ rows: [(Int32, Int32, Int32)], nodes n: Int) -> ([Int32], [Int32], [Int32]) {
        var counts = [Int32](repeating: 0, count: n + 1)
        for r in rows { counts[Int(r.0) + 1] += 1 }
        for i in 0..<n { counts[i + 1] += counts[i] }
        var cursor = counts
        var ps = [Int32](repeating: 0, count: rows.count)
        var os = [Int32](repeating: 0, count: rows.count)
        for r in rows {
            let at = Int(cursor[Int(r.0)])
            ps[at] = r.1
            os[at] = r.2
            cursor[Int(r.0)] += 1
        }
        // Sort each node's run by (p, o) and drop duplicates, compacting in place.
        var start = [Int32](repeating: 0, count: n + 1)
        var write = 0
        var run: [(Int32, Int32)] = []
        for node in 0..<n {
            let lo = Int(counts[node]), hi = Int(counts[node + 1])
            start[node] = Int32(write)
            if hi - lo == 1 {
                ps[write] = ps[lo]; os[write] = os[lo]; write += 1
                continue
            }
            run.removeAll(keepingCapacity: true)
            for i in lo..<hi { run.append((ps[i], os[i])) }
            run.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var last: (Int32, Int32)? = nil
            for e in run where last == nil || last! != e {
                ps[write] = e.0; os[write] = e.1; write += 1
                last = e
            }
        }
        start[n] = Int32(write)
        ps.removeLast(ps.count - write)
        os.removeLast(os.count - write)
        return (start, ps, os)
    }

    subscript(_ id: Int) -> Term { table[id] }
    func id(_ t: Term) -> Int? { table.id(t) }
    func id(_ i: IRI) -> Int? { table.id(.iri(i)) }

    /// Interns a term that may not occur in any triple (a target node, say).
    mutating func intern(_ t: Term) -> Int { table.intern(t) }

    /// Every triple, as ids.
    var tripleCount: Int { fwdP.count }

    private static func range(_ start: [Int32], _ ps: [Int32], node: Int, p: Int, indexed: Int) -> Range<Int> {
        guard node < indexed else { return 0..<0 }
        var lo = Int(start[node]), hi = Int(start[node + 1])
        // lower bound of p
        var a = lo, b = hi
        while a < b { let m = (a + b) >> 1; if Int(ps[m]) < p { a = m + 1 } else { b = m } }
        lo = a
        b = hi
        while a < b { let m = (a + b) >> 1; if Int(ps[m]) <= p { a = m + 1 } else { b = m } }
        hi = a
        return lo..<hi
    }

    /// Objects of (s, p, ?).
    func objects(_ s: Int, _ p: Int) -> ArraySlice<Int32> {
        fwdO[Self.range(fwdStart, fwdP, node: s, p: p, indexed: indexed)]
    }

    /// Subjects of (?, p, o).
    func subjects(_ p: Int, _ o: Int) -> ArraySlice<Int32> {
        bwdS[Self.range(bwdStart, bwdP, node: o, p: p, indexed: indexed)]
    }

    func object(_ s: Int, _ p: Int) -> Int? { objects(s, p).first.map(Int.init) }

    func has(_ s: Int, _ p: Int, _ o: Int) -> Bool {
        let objs = objects(s, p)
        var a = objs.startIndex, b = objs.endIndex
        while a < b { let m = (a + b) >> 1; if Int(objs[m]) < o { a = m + 1 } else { b = m } }
        return a < objs.endIndex && Int(objs[a]) == o
    }

    /// Every (predicate, object) of subject s, sorted by predicate.
    func outgoing(_ s: Int) -> [(p: Int, o: Int)] {
        guard s < indexed else { return [] }
        return (Int(fwdStart[s])..<Int(fwdStart[s + 1])).map { (Int(fwdP[$0]), Int(fwdO[$0])) }
    }

    /// For every predicate, the nodes with at least one outgoing (`forward`)
    /// or incoming edge of it, in id order: one pass over an index.
    func nodesByPredicate(forward: Bool) -> [Int: [Int]] {
        let (start, ps) = forward ? (fwdStart, fwdP) : (bwdStart, bwdP)
        var out: [Int: [Int]] = [:]
        for n in 0..<indexed {
            var last: Int32 = -1
            for row in Int(start[n])..<Int(start[n + 1]) where ps[row] != last {
                last = ps[row]
                out[Int(last), default: []].append(n)
            }
        }
        return out
    }

    /// Every id used as a subject of predicate p (a scan; the engine uses `nodesByPredicate` for many).
    func subjects(withPredicate p: Int) -> [Int] {
        var out: [Int] = []
        for s in 0..<indexed where !objects(s, p).isEmpty { out.append(s) }
        return out
    }

    /// Every id used as an object of predicate p.
    func objects(withPredicate p: Int) -> [Int] {
        var out: [Int] = []
        for o in 0..<indexed where !subjects(p, o).isEmpty { out.append(o) }
        return out
    }

    /// The members of the RDF list starting at `head`, or nil if it is not a well-formed list.
    func list(_ head: Int) -> [Int]? {
        guard let first = id(.iri(IRI(RDF.namespace + "first"))), let rest = id(.iri(IRI(RDF.namespace + "rest"))),
              let nilID = id(.iri(IRI(RDF.namespace + "nil"))) else {
            return self[head] == .iri(IRI(RDF.namespace + "nil")) ? [] : nil
        }
        var out: [Int] = []
        var node = head
        var seen = Set<Int>()
        while node != nilID {
            guard seen.insert(node).inserted, let f = object(node, first), let r = object(node, rest) else { return nil }
            out.append(f)
            node = r
        }
        return out
    }
}
