import ProseGraphFormats
import ProseGraphModel
import ProseGraphText

/// Expands the command line's inputs into article files: a file is taken as
/// it is; a directory gives every `*.txt` below it (hidden entries skipped),
/// sorted, so runs are deterministic. An article over `limits.articleSize`
/// is rejected from its size, before it is read.
public enum Inputs {
    public struct Collected: Sendable {
        public var files: [String] = []
        /// For each file, its path relative to the input it was found in (a directory given as an
        /// input), or its name when the file itself was given: what `pg:sourcePath` records, so an
        /// export does not depend on how the input was typed (`Input`, `./Input`, `/abs/Input`).
        public var sourcePaths: [String] = []
        public var errors: [InputError] = []

        /// Each file with its document id (`documentIDs`) and source path, in input order.
        public var articles: [(path: String, id: String, source: String)] {
            zip(files, zip(Inputs.documentIDs(files), sourcePaths)).map { (path: $0, id: $1.0, source: $1.1) }
        }
    }

    public static func collect(_ paths: [String], limits: InputLimits = InputLimits()) -> Collected {
        var result = Collected()
        for path in paths {
            switch FileSystem.kind(path) {
            case .file:
                add(path, source: path.split(separator: "/").last.map(String.init) ?? path, limits: limits, to: &result)
            case .directory:
                let before = result.files.count + result.errors.count
                walk(path, relative: "", limits: limits, into: &result)
                if result.files.count + result.errors.count == before {
                    result.errors.append(InputError(path: path, message: "no articles (*.txt files) in this directory"))
                }
            case .missing:
                result.errors.append(InputError(path: path, message: "cannot read: no such file or directory"))
            case .other:
                result.errors.append(InputError(path: path, message: "cannot read: not a regular file or directory"))
            }
        }
        return result
    }

    private static func add(_ path: String, source: String, limits: InputLimits, to result: inout Collected) {
        if let size = LimitedRead.oversize(path, limit: limits.articleSize) {
            result.errors.append(InputError(path: path, message: limits.tooLarge(.articleSize, bytes: size)))
        } else {
            result.files.append(path)
            result.sourcePaths.append(source)
        }
    }

    private static func walk(_ dir: String, relative: String, limits: InputLimits, into result: inout Collected) {
        let names: [String]
        do { names = try FileSystem.list(dir) } catch {
            result.errors.append(error)
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = FileSystem.join(dir, name)
            switch FileSystem.kind(path) {
            case .directory: walk(path, relative: relative + name + "/", limits: limits, into: &result)
            case .file where name.hasSuffix(".txt"): add(path, source: relative + name, limits: limits, to: &result)
            default: break
            }
        }
    }

    /// Document ids: the slug of each file's name without extension, made
    /// unique with `-2`, `-3`... in input order.
    public static func documentIDs(_ files: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return files.map { path in
            var name = path.split(separator: "/").last.map(String.init) ?? path
            if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
            let base = Slug.make(name)
            let n = (seen[base] ?? 0) + 1
            seen[base] = n
            return n == 1 ? base : "\(base)-\(n)"
        }
    }
}

