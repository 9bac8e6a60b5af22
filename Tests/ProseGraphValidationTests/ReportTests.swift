import Testing
import ProseGraphModel
import ProseGraphValidation

@Test func aReportConformsOnlyWithoutResults() {
    var r = ValidationReport()
    #expect(r.conforms)
    r.results.append(ValidationResult(focusNode: .iri(IRI("https://ex.org/a")), sourceShape: .iri(IRI("https://ex.org/S")),
                                      sourceConstraintComponent: SH.term("MinCountConstraintComponent"), severity: SH.Warning))
    #expect(!r.conforms)
}
