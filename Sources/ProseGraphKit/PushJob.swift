import Foundation
import ProseGraphDiff
import ProseGraphFormats
import ProseGraphModel
@_exported import ProseGraphStore

/// `prosegraph push`: an export to a store through the SPARQL 1.1 Graph Store
/// HTTP Protocol, or the delta between two exports through SPARQL 1.1 Update.
public enum PushJob {
    /// Default statements per request: Graph Store uploads of N-Triples or N-Quads lines,
    /// and SPARQL updates (Virtuoso refuses an update much larger than a few thousand triples).
    public static let defaultBatch = 100_000
    public static let defaultUpdateBatch = 1_000

    /// A push that stopped: `stored` tells whether an earlier request had already changed the store.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
        public let stored: Bool
    }

    public struct Summary: Sendable, Equatable {
        /// Statements sent (N-Triples, N-Quads, updates), nil when a file went whole without being counted.
        public let statements: Int?
        public let bytes: Int
        public let requests: Int
        public let url: String
    }

    /// The media type and batching of a file, from `format` or its extension.
    public static func pushFormat(path: String, format: InputFormat?) throws(Failure) -> PushFormat {
        switch format ?? InputFormat.from(path: path) {
        case .ntriples: return .ntriples
        case .nquads: return .nquads
        case .turtle: return .turtle
        case .trig: return .trig
        case .rdfxml: return .rdfxml
        case .jsonld: return .jsonld
        case .graphml: throw Failure(description: "\(path): GraphML is not RDF: push an RDF export (graph.nt, graph.ttl, graph.rdf, graph.jsonld)", stored: false)
        case nil: throw Failure(description: "\(path): unknown format (give --from, or a file ending in .nt, .nq, .ttl, .trig, .rdf or .jsonld)", stored: false)
        }
    }

    /// Sends `path` to the Graph Store `endpoint`: into `graph` (the default graph when nil),
    /// replacing what the graph held (`replace`: PUT, then POSTs for the later batches) or
    /// adding to it (POST). N-Triples and N-Quads go in batches of `batch` lines; other
    /// formats, and a line file that may name a blank node, in one request.
    public static func push(path: String, format: InputFormat?, endpoint: String, graph: String?, replace: Bool, batch: Int,
                            client: StoreClient, progress: @Sendable (String) -> Void) async throws(Failure) -> Summary {
        let kind = try pushFormat(path: path, format: format)
        if kind.isDataset, graph != nil {
            throw Failure(description: "\(path): \(kind == .nquads ? "N-Quads" : "TriG") names its own graphs: --graph goes with a triples format", stored: false)
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path) } catch { throw Failure(description: error.description, stored: false) }
        let url = GraphStoreURL.url(endpoint: endpoint, graph: graph, dataset: kind.isDataset)
        var ranges = [0..<bytes.count]
        var counts: [Int]? = nil
        if kind.isLineBased {
            let batches = LineBatches(bytes, size: LineBatches.mayHaveBlankNodes(bytes) ? Int.max : batch)
            ranges = batches.ranges
            counts = batches.counts
        }
        let total = counts?.reduce(0, +)
        var sent = 0
        // Each batch is sent from a file of its own (the export itself when it goes whole).
        let batchFile = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("prosegraph-push-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).batch")
        defer { try? FileManager.default.removeItem(at: batchFile) }
        for (i, range) in ranges.enumerated() {
            let method = replace && i == 0 ? "PUT" : "POST"
            var body = RequestBody.file(URL(fileURLWithPath: path))
            if ranges.count > 1 {
                do { try Data(bytes[range]).write(to: batchFile) } catch {
                    throw Failure(description: "\(batchFile.path): cannot write a batch: \(error.localizedDescription)", stored: i > 0)
                }
                body = .file(batchFile)
            }
            do {
                try await client.send(method, url, contentType: kind.mediaType, body: body)
            } catch {
                // The batch's first line in the file, so that a line number the store gives (of the batch) can be found.
                let firstLine = bytes[..<range.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let where_ = ranges.count > 1
                    ? " (request \(i + 1) of \(ranges.count), from line \(firstLine) of the file\(i > 0 ? "; the first \(sent) statements are stored" : ""))" : ""
                throw Failure(description: error.description + where_, stored: i > 0)
            }
            if let counts {
                sent += counts[i]
                if ranges.count > 1 { progress("\(path): \(sent)/\(total!) statements sent (\(i + 1)/\(ranges.count) requests)") }
            }
        }
        return Summary(statements: total, bytes: bytes.count, requests: ranges.count, url: url)
    }

    public struct DeltaSummary: Sendable, Equatable {
        public let removed: Int
        public let added: Int
        public let requests: Int
        public let url: String
    }

    /// Sends what changed from `old` to `new` as SPARQL 1.1 Update (`DELETE DATA`
    /// batches, then `INSERT DATA` batches, of `batch` triples each) to `updateURL`,
    /// into `graph` when the store holds the export in a named graph.
    public static func pushDelta(new: String, old: String, newFormat: InputFormat?, oldFormat: InputFormat?, base: String?, contexts: [String],
                                 limits: InputLimits, updateURL: String, graph: String?, batch: Int,
                                 client: StoreClient, progress: @Sendable (String) -> Void) async throws(Failure) -> DeltaSummary {
        let diff: GraphDiff
        do {
            diff = try GraphJobs.diff(old: old, new: new, oldFormat: oldFormat, newFormat: newFormat, base: base, contexts: contexts, limits: limits).report.diff
        } catch { throw Failure(description: error.description, stored: false) }
        var updates: [(text: String, count: Int)] = []
        do {
            for start in stride(from: 0, to: diff.removed.count, by: batch) {
                let part = Array(diff.removed[start..<min(start + batch, diff.removed.count)])
                updates.append((try GraphDiff(old: part, new: []).sparqlUpdate(graph: graph.map { IRI($0) }), part.count))
            }
            for start in stride(from: 0, to: diff.added.count, by: batch) {
                let part = Array(diff.added[start..<min(start + batch, diff.added.count)])
                updates.append((try GraphDiff(old: [], new: part).sparqlUpdate(graph: graph.map { IRI($0) }), part.count))
            }
        } catch { throw Failure(description: "\(new): \(error)", stored: false) }
        var sent = 0
        let total = diff.removed.count + diff.added.count
        for (i, update) in updates.enumerated() {
            do {
                try await client.send("POST", updateURL, contentType: "application/sparql-update", body: .data(Data(update.text.utf8)))
            } catch {
                let where_ = updates.count > 1 ? " (request \(i + 1) of \(updates.count)\(i > 0 ? "; \(sent) of the \(total) changes are made" : ""))" : ""
                throw Failure(description: error.description + where_, stored: i > 0)
            }
            sent += update.count
            if updates.count > 1 { progress("\(new): \(sent)/\(total) changes sent (\(i + 1)/\(updates.count) requests)") }
        }
        return DeltaSummary(removed: diff.removed.count, added: diff.added.count, requests: updates.count, url: updateURL)
    }
}
