#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The target this process fuzzes: `PG_FUZZ_TARGET=turtle` (see `FuzzTarget`).
let selectedTarget: FuzzTarget = {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    guard let raw = getenv("PG_FUZZ_TARGET") else {
        usage("prosegraph-fuzz: set PG_FUZZ_TARGET to one of: \(names)")
    }
    guard let target = FuzzTarget(rawValue: String(cString: raw)) else {
        usage("prosegraph-fuzz: unknown PG_FUZZ_TARGET '\(String(cString: raw))' (expected one of: \(names))")
    }
    return target
}()

private func usage(_ message: String) -> Never {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    _exit(2)  // no atexit handlers (LeakSanitizer would report the message string)
}

/// `PG_FUZZ_PRINT=1`: print each input's outcome (to replay saved inputs: pass them as arguments).
let printOutcomes: Bool = getenv("PG_FUZZ_PRINT").map { String(cString: $0) == "1" } ?? false

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    selectedTarget.warmUp()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    // Copy at once: nothing below sees a C pointer.
    let bytes: [UInt8] = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let outcome = selectedTarget.run(bytes)
    if printOutcomes { print("\(selectedTarget.rawValue): \(outcome)") }
    return 0
}
