import ArgumentParser
import ProseGraphFormats

/// `--limit NAME=VALUE`: what one input may hold, shared by every command
/// that reads (README, "Limits").
struct LimitOptions: ParsableArguments {
    static let defaults = InputLimits()

    @Option(name: .customLong("limit"),
            help: ArgumentHelp(
                "Raise or lower a limit on one input (repeatable): "
                    + InputLimits.Name.allCases.map { "\($0.rawValue) (default \(String(defaults.shown($0).filter { $0 != " " })))" }.joined(separator: ", ")
                    + ". Sizes take KB, MB, GB (powers of 1000) or KiB, MiB, GiB.",
                valueName: "NAME=VALUE"))
    var limit: [String] = []

    func validate() throws { _ = try limits() }

    /// The defaults with every `--limit` applied, in order.
    func limits() throws -> InputLimits {
        var limits = InputLimits()
        for assignment in limit {
            do { try limits.set(assignment) } catch { throw ValidationError(error.description) }
        }
        return limits
    }
}
