import Foundation
import Testing

/// Upstream reference data that some tests need and the repository does not
/// hold: the W3C test suites and the official GraphML XSDs. All of it is
/// looked for in one folder, `PROSEGRAPH_SUITES=DIR` (default
/// `../shared/reference` beside the repository; a relative DIR is taken from
/// the repository root), laid out as the `directory` of each part below
/// (README, "Conformance data").
///
/// A test that needs a part that is missing is skipped with `whyMissing`
/// (the setting, the missing folder and where the data comes from); Tests/run
/// lists these reasons in its summary. Under `CI=true` a missing part is a
/// failure (`requireUnderCI`).
///
/// This file is shared by ConformanceTests and ProseGraphFormatsTests (a
/// symbolic link there), so every test finds the data the same way.
struct ReferenceData: Sendable {
    /// What does not run without it, as the summary of Tests/run names it.
    let name: String
    /// Where it is below DIR.
    let directory: String
    /// Where it comes from.
    let upstream: String

    static let rdfXML11 = ReferenceData(name: "W3C RDF/XML 1.1 suite", directory: "w3c/rdf-tests/rdf/rdf11/rdf-xml",
                                        upstream: "https://github.com/w3c/rdf-tests")
    static let rdfXML12 = ReferenceData(name: "W3C RDF/XML 1.2 suite", directory: "w3c/rdf-tests/rdf/rdf12/rdf-xml",
                                        upstream: "https://github.com/w3c/rdf-tests")
    static let jsonLD = ReferenceData(name: "W3C JSON-LD 1.1 toRdf suite", directory: "w3c/json-ld-api",
                                      upstream: "https://github.com/w3c/json-ld-api, its tests/")
    static let rdfCanon = ReferenceData(name: "W3C RDFC-1.0 suite", directory: "w3c/rdf-canon",
                                        upstream: "https://github.com/w3c/rdf-canon, its tests/")
    static let shaclCore = ReferenceData(name: "W3C SHACL Core suite", directory: "w3c/shacl-core",
                                         upstream: "https://github.com/w3c/data-shapes, its data-shapes-test-suite/tests/core/")
    static let graphML = ReferenceData(name: "GraphML official-XSD check", directory: "graphml",
                                       upstream: "http://graphml.graphdrawing.org/xmlns/1.1/")

    /// Every W3C suite, in the order of the README's conformance table.
    static let w3c = [rdfXML11, rdfXML12, jsonLD, rdfCanon, shaclCore]

    static let setting = "PROSEGRAPH_SUITES"

    /// The repository root, found from this file's path (Tests/<target>/ReferenceData.swift).
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// DIR, absolute, and whether it is the default (the setting unset or empty).
    static func resolve(setting value: String?, repositoryRoot: String) -> (root: String, isDefault: Bool) {
        guard let value, !value.isEmpty else { return (normalized(repositoryRoot + "/../shared/reference"), true) }
        return (normalized(value.hasPrefix("/") ? value : repositoryRoot + "/" + value), false)
    }

    /// `path` without `.`, `..`, repeated or trailing slashes (by its text, links are not followed).
    static func normalized(_ path: String) -> String {
        var kept: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { _ = kept.popLast() } else { kept.append(part) }
        }
        return "/" + kept.joined(separator: "/")
    }

    static let resolved = resolve(setting: ProcessInfo.processInfo.environment[setting], repositoryRoot: repositoryRoot)
    static var root: String { resolved.root }

    var path: String { Self.root + "/" + directory }

    var isPresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Why the tests that need this part did not run.
    var whyMissing: String {
        "\(name): \(Self.setting)=\(Self.root)\(Self.resolved.isDefault ? " (the default)" : "") has no \(directory) (get it from \(upstream))"
    }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Under CI=true, one failure for each part of `parts` that is missing, saying what to set.
    static func requireUnderCI(_ parts: [ReferenceData]) {
        guard inCI else { return }
        for part in parts where !part.isPresent {
            Issue.record("CI=true and \(part.whyMissing): set \(setting)=DIR to the folder that holds it (README, \"Conformance data\")")
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when every part of `parts` is present; otherwise it
    /// is skipped with the first missing part's `whyMissing`.
    static func needs(_ parts: [ReferenceData]) -> Self {
        let missing = parts.first { !$0.isPresent }
        return .enabled(if: missing == nil, missing.map { Comment(rawValue: $0.whyMissing) })
    }

    static func needs(_ parts: ReferenceData...) -> Self { needs(parts) }
}
