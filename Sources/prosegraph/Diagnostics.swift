#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages to stderr, prefixed `prosegraph: ` as the README documents.
enum Diagnostics {
    static func error(_ message: String) { write("prosegraph: " + message + "\n") }
    static func note(_ message: String) { write(message + "\n") }

    static func write(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(2, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}

/// Exit statuses shared by the commands (see README, "Exit statuses").
enum Status {
    static let ok: Int32 = 0
    /// Some inputs were rejected; the rest was processed.
    static let partial: Int32 = 1
    /// Nothing could be done: no input, an unwritable output.
    static let failure: Int32 = 2
}
