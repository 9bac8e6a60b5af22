import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `-q/--quiet` and `-v/--verbose`, shared by every command that reports
/// more than its result. Messages go to stderr; results (reports, exports to
/// standard output) to stdout.
///
/// - quiet: errors only. Commands whose result is a report (`diff`,
///   `validate`, `eval`) print no report either: the exit status tells.
/// - default: the result and the main steps (files written, a progress line
///   every 1000 articles).
/// - verbose: also every article read and every file read or written, with
///   counts, and the time each command took.
struct Verbosity: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print only errors (diff, validate, eval: no report; the exit status tells).")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print every article and file read or written, with counts and the time taken.")
    var verbose = false

    func validate() throws {
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose do not go together") }
    }

    /// A main step (default and verbose).
    func note(_ message: @autoclosure () -> String) {
        if !quiet { Diagnostics.note(message()) }
    }

    /// A detail (verbose only).
    func detail(_ message: @autoclosure () -> String) {
        if verbose { Diagnostics.note(message()) }
    }

    /// Runs `body`; with --verbose, prints `label` and the seconds it took once it returns.
    func timed<T, E: Error>(_ label: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard verbose else { return try body() }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        defer {
            var end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &end)
            let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
            let hundredths = Int((seconds * 100).rounded())
            Diagnostics.note("\(label): \(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s")
        }
        return try body()
    }
}
