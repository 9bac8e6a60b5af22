import ProseGraphFormats
import ProseGraphModel

extension PropertyGraphFormat {
    /// Every file name the property-graph formats write (an export set owns them).
    public static var allFileNames: [String] { allCases.flatMap(\.fileNames) }

    /// Writes the format's files into an export set (in `folder`, or at its top)
    /// and syncs each; returns each file's path, count and noun for the progress lines.
    func write(_ graph: PropertyGraph, into set: ExportSet, folder: String?) throws(OutputError) -> [(path: String, count: Int, noun: String)] {
        var written: [(path: String, count: Int, noun: String)] = []
        for name in fileNames {
            let file = try set.file(name, in: folder)
            do {
                let (count, noun) = try write(name, of: graph, to: file)
                try file.close()
                written.append((file.path, count, noun))
            } catch {
                if let failure = file.failure { throw failure }
                if let e = error as? OutputError { throw e }
                throw OutputError(path: file.path, message: "\(error)")
            }
        }
        return written
    }
}
