import Foundation
import Testing

/// The W3C suites: `w3c/` in the reference data (`ReferenceData`, found
/// through PROSEGRAPH_SUITES). A test that needs a suite that is missing says
/// so and does not run; under CI=true the missing suite is a failure.
enum Suites {
    static var root: String { ReferenceData.root + "/w3c" }

    /// Prints one summary line per suite: the numbers for the closing note.
    static func report(_ suite: String, passed: Int, failed: [String], skipped: [(String, String)]) {
        print("conformance \(suite): \(passed) passed, \(failed.count) failed, \(skipped.count) skipped")
        for f in failed.prefix(60) { print("  failed: \(f)") }
        for (t, why) in skipped { print("  skipped: \(t): \(why)") }
    }
}

@Suite struct ReferenceDataTests {
    /// CI always has the suites: there a missing one fails, saying what to set.
    @Test func suitesArePresentUnderCI() {
        ReferenceData.requireUnderCI(ReferenceData.w3c)
    }

    @Test func theFolderComesFromTheSettingOrBesideTheRepository() {
        #expect(ReferenceData.resolve(setting: nil, repositoryRoot: "/work/main") == ("/work/shared/reference", true))
        #expect(ReferenceData.resolve(setting: "", repositoryRoot: "/work/main") == ("/work/shared/reference", true))
        #expect(ReferenceData.resolve(setting: "/data/suites/", repositoryRoot: "/work/main") == ("/data/suites", false))
        #expect(ReferenceData.resolve(setting: "../ref/./x//", repositoryRoot: "/work/main") == ("/work/ref/x", false))
        #expect(ReferenceData.resolve(setting: "suites", repositoryRoot: "/work/main") == ("/work/main/suites", false))
    }

    @Test func aMissingPartNamesTheSettingTheFolderAndTheUpstream() {
        let reason = ReferenceData.rdfXML11.whyMissing
        let root = ReferenceData.root + (ReferenceData.resolved.isDefault ? " (the default)" : "")
        #expect(reason == "W3C RDF/XML 1.1 suite: PROSEGRAPH_SUITES=\(root) has no w3c/rdf-tests/rdf/rdf11/rdf-xml (get it from https://github.com/w3c/rdf-tests)")
    }
}
