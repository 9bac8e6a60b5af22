// prosegraph-bench: stage-by-stage throughput of prosegraph, for release builds.
// `swift run -c release prosegraph-bench [--smoke] [CORPUS_DIR]`
import ProseGraphKit

#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let args = Array(CommandLine.arguments.dropFirst())
let smoke = args.contains("--smoke")
let corpus = args.first { !$0.hasPrefix("--") } ?? "Input"
let start = now()
do {
    let c = try CorpusBuilder(inputs: [corpus], jobs: 1).build()
    let seconds = now() - start
    var bytes = 0
    for path in c.documents { bytes += (try? FileSystem.read(path).count) ?? 0 }
    let mb = Double(bytes) / 1_000_000
    print("extraction: \(c.documents.count) articles, \(String(format: "%.2f", mb)) MB, \(c.graph.factCount) facts in \(String(format: "%.3f", seconds)) s: \(String(format: "%.2f", mb / seconds)) MB/s")
    if smoke, c.graph.factCount == 0 { exit(1) }
} catch {
    print("prosegraph-bench: \(error)")
    exit(2)
}
