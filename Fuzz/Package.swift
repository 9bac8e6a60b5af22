// swift-tools-version: 6.1
import PackageDescription

// Coverage-guided fuzzing of prosegraph's readers with libFuzzer (see README.md).
// A separate package, so that `swift build` / `swift test` of the root package
// never compile fuzz code. Build it only through `Fuzz/run.sh` (or by hand with
// `--sanitize=fuzzer --sanitize=address`): libFuzzer provides `main`.
let package = Package(
    name: "prosegraph-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "prosegraph", path: ".."),
    ],
    targets: [
        // One executable for every target; PG_FUZZ_TARGET names the entry point.
        .executableTarget(
            name: "prosegraph-fuzz",
            dependencies: [.product(name: "ProseGraphKit", package: "prosegraph")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
