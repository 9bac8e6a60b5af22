#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The canonical lexical form of an `xsd:double`, the one JSON-LD processors write
/// for a JSON number (JSON-LD 1.1, "Data Round Tripping"): a mantissa of up to 16
/// significant digits with one before the point and at least one after, then `E`
/// and the exponent (`9.5E-1`, `1.0E0`, `-2.5E21`).
public enum XSDDouble {
    public static func canonical(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-INF" : "INF" }
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, "%.15e", $0) }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e])
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        while mantissa.hasSuffix("0") && !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        return mantissa + "E" + String(exponent)
    }
}
