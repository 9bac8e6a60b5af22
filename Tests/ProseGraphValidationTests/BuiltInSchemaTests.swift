import Foundation
import Testing
import ProseGraphValidation

/// `BuiltInSchemas` is generated from Schemas/ by Tests/embed-schemas; these fail while the copies differ.
@Suite struct BuiltInSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func shapesAreSchemasShapes() throws {
        let file = try String(contentsOfFile: Self.root + "/Schemas/shapes.ttl", encoding: .utf8)
        #expect(BuiltInSchemas.shapes == file, "Schemas/shapes.ttl changed: run Tests/embed-schemas")
    }

    @Test func graphMLSchemaIsSchemasXSD() throws {
        let file = try String(contentsOfFile: Self.root + "/Schemas/graphml/prosegraph-graphml.xsd", encoding: .utf8)
        #expect(BuiltInSchemas.graphmlXSD == file, "Schemas/graphml/prosegraph-graphml.xsd changed: run Tests/embed-schemas")
    }

    /// The built-in XSD compiles and finds the same issue as the file does.
    @Test func builtInXSDValidates() throws {
        let bad = Array("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><nodes/></graphml>\n".utf8)
        let builtIn = try GraphMLValidation.validate(bytes: bad, path: "g.graphml").map(\.description)
        let fromFile = try GraphMLValidation.validate(bytes: bad, path: "g.graphml", schema: Self.root + "/Schemas/graphml/prosegraph-graphml.xsd").map(\.description)
        #expect(builtIn == fromFile)
        #expect(builtIn == ["2:56: schema: Element 'nodes': This element is not expected. Expected is ( key )"])
    }
}
