import Foundation

/// What `prosegraph draw` writes: DOT text, or a picture Graphviz draws from it.
public enum PictureFormat: String, CaseIterable, Sendable {
    case dot, svg, png

    /// The format a file name's extension names: `.dot` or `.gv`, `.svg`, `.png`.
    public static func from(path: String) -> PictureFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "dot", "gv": return .dot
        case "svg": return .svg
        case "png": return .png
        default: return nil
        }
    }

    /// The name messages use: "DOT", "SVG", "PNG".
    public var displayName: String { rawValue.uppercased() }
}

/// Graphviz's `dot` program, found on a search path, which draws DOT text as
/// SVG or PNG. The search path is injectable, so callers (and tests) decide
/// where `dot` may come from; by default it is the `PATH` of the environment.
public struct Graphviz: Sendable {
    /// The `dot` executable, or nil when it was not found.
    public let program: String?

    /// Looks for `dot` in the directories of `searchPath` (colon-separated; nil:
    /// the environment's `PATH`).
    public init(searchPath: String? = nil) {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        self.program = Self.find("dot", in: path)
    }

    /// Uses the given executable (nil: Graphviz is not installed).
    public init(program: String?) { self.program = program }

    /// The first executable file `name` in the directories of a colon-separated search path.
    public static func find(_ name: String, in searchPath: String) -> String? {
        for dir in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = (dir.hasSuffix("/") ? String(dir) : dir + "/") + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// The error when a picture is asked for and `dot` is not installed;
    /// `output` names the file that was to be written.
    public static func notInstalled(_ format: PictureFormat, output: String) -> ReadFailure {
        ReadFailure("\(output): drawing \(format.displayName) needs Graphviz's dot program, which is not on the PATH: "
            + "install Graphviz (Debian, Ubuntu: apt-get install graphviz; macOS: brew install graphviz), "
            + "or write DOT instead (-o FILE.dot, or --format dot)")
    }

    /// Runs `dot -T<format>` on DOT text and returns the picture's bytes
    /// (`.dot` returns the text itself). `output` names the file in errors.
    public func render(_ dot: String, as format: PictureFormat, for output: String) throws(ReadFailure) -> [UInt8] {
        if format == .dot { return Array(dot.utf8) }
        guard let program else { throw Self.notInstalled(format, output: output) }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("prosegraph-draw-" + UUID().uuidString)
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: false)
        } catch {
            throw ReadFailure("\(output): cannot create a temporary folder for dot: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: work) }
        // Files rather than pipes, so that neither side can block on a full pipe.
        let input = work.appendingPathComponent("graph.dot"), picture = work.appendingPathComponent("graph." + format.rawValue)
        let messages = work.appendingPathComponent("stderr")
        let process = Process()
        do {
            try Data(dot.utf8).write(to: input)
            _ = fm.createFile(atPath: messages.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["-T" + format.rawValue, "-o", picture.path, input.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: messages)
            try process.run()
        } catch {
            throw ReadFailure("\(output): cannot run \(program): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        let said = ((try? String(contentsOf: messages, encoding: .utf8)) ?? "")
            .split(separator: "\n").prefix(5).joined(separator: "; ")
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "signal \(process.terminationStatus)"
            throw ReadFailure("\(output): \(program) failed (\(how))" + (said.isEmpty ? "" : ": " + said))
        }
        guard let bytes = fm.contents(atPath: picture.path) else {
            throw ReadFailure("\(output): \(program) wrote no \(format.displayName)" + (said.isEmpty ? "" : ": " + said))
        }
        return Array(bytes)
    }
}
