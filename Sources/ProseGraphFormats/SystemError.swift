#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's reason for a failed call, worded as every message of the tool is:
/// lower case after the colon ("cannot read: no such file or directory").
public enum SystemError {
    public static func text(_ code: Int32) -> String {
        let reason = String(cString: strerror(code))
        guard let first = reason.first else { return reason }
        return first.lowercased() + reason.dropFirst()
    }
}
