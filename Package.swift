// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: text -> Article -> facts -> graph -> writers.
// ProseGraphModel knows no format, ProseGraphFormats knows no extraction,
// the `prosegraph` executable only parses arguments and calls ProseGraphKit.
let package = Package(
    name: "prosegraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "prosegraph", targets: ["prosegraph"]),
        .library(name: "ProseGraphKit", targets: ["ProseGraphKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation --target ProseGraphKit` (build only: no target depends on it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // libxml2, through a shim header (see Sources/CLibXML2/shim.h for the ICU fix).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The only module that touches C pointers.
        .target(name: "ProseGraphXML", dependencies: ["CLibXML2", "ProseGraphText"]),
        // RDF terms, triples, the knowledge graph of entities and facts, and its two views.
        .target(name: "ProseGraphModel"),
        // The article reader: title, infobox, sections, sentences with exact ranges;
        // UTF-8 at the byte level (validation, decoding, line:column) for every reader.
        .target(name: "ProseGraphText"),
        // Prose to facts: tokens, gazetteer, entities, dates, rules (data), resolution.
        .target(
            name: "ProseGraphExtraction",
            dependencies: ["ProseGraphModel", "ProseGraphText", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/gazetteer"), .copy("Resources/rules")]
        ),
        // Serializers (and later parsers) for every format.
        .target(name: "ProseGraphFormats", dependencies: ["ProseGraphModel", "ProseGraphText", "ProseGraphXML"]),
        // RDF Dataset Canonicalization (RDFC-1.0), isomorphism, semantic diff and RDF Patch.
        .target(name: "ProseGraphDiff", dependencies: ["ProseGraphModel", "ProseGraphFormats"]),
        // Validation: a SHACL Core engine, GraphML checks (XSD through libxml2, then graph checks), reports.
        .target(name: "ProseGraphValidation", dependencies: ["ProseGraphModel", "ProseGraphFormats", "ProseGraphXML"]),
        // Triple stores over HTTP: the Graph Store protocol, SPARQL Update, Basic and Digest login, netrc.
        .target(name: "ProseGraphStore"),
        // Jobs the command runs: export, eval ... one call each.
        .target(name: "ProseGraphKit", dependencies: ["ProseGraphModel", "ProseGraphText", "ProseGraphExtraction", "ProseGraphFormats", "ProseGraphDiff", "ProseGraphValidation", "ProseGraphStore"]),
        .executableTarget(
            name: "prosegraph",
            dependencies: [
                "ProseGraphKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Stage-by-stage throughput, run in release builds (see Benchmarks/README.md).
        .executableTarget(name: "prosegraph-bench", dependencies: ["ProseGraphKit"]),
        .testTarget(name: "ProseGraphTextTests", dependencies: ["ProseGraphText"]),
        .testTarget(name: "ProseGraphExtractionTests", dependencies: ["ProseGraphExtraction", "ProseGraphKit"]),
        .testTarget(name: "ProseGraphXMLTests", dependencies: ["ProseGraphXML"]),
        .testTarget(name: "ProseGraphFormatsTests", dependencies: ["ProseGraphFormats", "ProseGraphModel"]),
        .testTarget(name: "ProseGraphKitTests", dependencies: ["ProseGraphKit"]),
        .testTarget(name: "CLITests", dependencies: ["prosegraph"]),
        .testTarget(name: "ProseGraphDiffTests", dependencies: ["ProseGraphDiff", "ProseGraphFormats", "ProseGraphModel"]),
        // The W3C suites, run from their manifests in PROSEGRAPH_SUITES/w3c (default ../shared/reference; never copied here).
        .testTarget(name: "ConformanceTests", dependencies: ["ProseGraphDiff", "ProseGraphFormats", "ProseGraphModel", "ProseGraphValidation"]),
        .testTarget(name: "ProseGraphStoreTests", dependencies: ["ProseGraphStore"]),
        .testTarget(name: "ProseGraphValidationTests", dependencies: ["ProseGraphValidation", "ProseGraphFormats", "ProseGraphModel"]),
    ],
    swiftLanguageModes: [.v6]
)
