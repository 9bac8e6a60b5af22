import Foundation
import Testing

/// Where the W3C suites are: ../shared/reference/w3c beside the clone. CI
/// always has it; elsewhere a suite that cannot find it says so and does not run.
enum Suites {
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let root = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent()
        .appendingPathComponent("shared/reference/w3c").standardizedFileURL.path

    static var present: Bool { FileManager.default.fileExists(atPath: root) }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Records a failure when CI=true and the suites are missing (CI always has them).
    static func requireUnderCI() {
        if inCI && !present { Issue.record("CI=true but \(root) is missing: the W3C suites cannot run") }
    }

    /// Prints one summary line per suite: the numbers for the closing note.
    static func report(_ suite: String, passed: Int, failed: [String], skipped: [(String, String)]) {
        print("conformance \(suite): \(passed) passed, \(failed.count) failed, \(skipped.count) skipped")
        for f in failed.prefix(60) { print("  failed: \(f)") }
        for (t, why) in skipped { print("  skipped: \(t): \(why)") }
    }
}
