#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The JSON Canonicalization Scheme (RFC 8785), the lexical form of JSON
/// literals (`rdf:JSON`): no white space, object keys sorted by UTF-16 code
/// units, strings with only the required escapes, numbers as ECMAScript
/// writes them.
enum CanonicalJSON {
    static func serialize(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    private static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSONLDNumber.ecmaScript(n.double)
        case .string(let s): writeString(s, to: &out)
        case .array(let a):
            out += "["
            for (i, item) in a.enumerated() {
                if i > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            let keys = o.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                write(o[key]!, to: &out)
            }
            out += "}"
        }
    }

    /// RFC 8785 strings are JSON strings with the short escapes and lower-case \u00xx for other controls.
    private static func writeString(_ s: String, to out: inout String) {
        JSONText.append(s, to: &out)
    }

}

/// How JSON-LD turns JSON numbers into literals (§8.6, Object to RDF).
enum JSONLDNumber {
    /// The canonical `xsd:integer` form of a number written without a
    /// non-zero fractional part and below 10^21 in magnitude; nil otherwise.
    /// Worked out on the lexical form, so large integers stay exact.
    static func canonicalInteger(_ lexical: String) -> String? {
        var u = Substring(lexical)
        var negative = false
        if u.first == "-" { negative = true; u = u.dropFirst() }
        var mantissa = u
        var exponent = 0
        if let e = u.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = u[..<e]
            guard let x = Int(u[u.index(after: e)...]), abs(x) < 10_000 else {
                // A huge exponent: zero only when every digit is zero.
                return mantissa.allSatisfy({ $0 == "0" || $0 == "." }) ? "0" : nil
            }
            exponent = x
        }
        var digits = Array(mantissa.utf8.filter { $0 != UInt8(ascii: ".") })
        var point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        point += exponent
        // Digits after the point must all be zero.
        if point < digits.count {
            let fraction = digits[max(point, 0)...]
            if fraction.contains(where: { $0 != UInt8(ascii: "0") }) { return nil }
            digits = Array(digits[..<max(point, 0)])
        } else if point > digits.count {
            digits += [UInt8](repeating: UInt8(ascii: "0"), count: point - digits.count)
        }
        while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        if digits.isEmpty { return "0" }
        if digits.count > 21 { return nil }  // >= 10^21
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
    }

    /// The canonical `xsd:double` form JSON-LD processors write: a mantissa
    /// of up to 16 significant digits with one before the point and at least
    /// one after, then `E` and the exponent (`1.1E0`, `1.0E-5`, `-2.5E21`).
    static func canonicalDouble(_ d: Double) -> String {
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

    /// ECMAScript `Number.prototype.toString` (what RFC 8785 prescribes):
    /// the shortest digits that read back as `d`, in plain notation from
    /// 1e-6 up to 1e21 and in exponent notation outside.
    static func ecmaScript(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return "0" }
        // Swift's description has the shortest round-tripping digits.
        var text = Substring(d.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits = Array(text.utf8.filter { $0 != UInt8(ascii: ".") })
        var point = (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count) + exponent
        while digits.first == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        let n = point
        let s = String(decoding: digits, as: UTF8.self)
        var out = d < 0 ? "-" : ""
        if k <= n && n <= 21 {
            out += s + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            out += String(s.prefix(n)) + "." + String(s.dropFirst(n))
        } else if -6 < n && n <= 0 {
            out += "0." + String(repeating: "0", count: -n) + s
        } else {
            let e = n - 1
            out += String(s.prefix(1)) + (k > 1 ? "." + String(s.dropFirst()) : "") + "e" + (e < 0 ? "-" : "+") + String(abs(e))
        }
        return out
    }
}
