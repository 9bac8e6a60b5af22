import Foundation
import ProseGraphModel

/// XPath / SPARQL `REGEX` on top of ICU (NSRegularExpression): an unanchored
/// search, with the XPath flags s, m, i, x and q.
enum XPathRegex {
    static func compile(_ pattern: String, flags: String) throws -> CompiledPattern {
        var options: NSRegularExpression.Options = []
        var source = pattern
        for f in flags {
            switch f {
            case "s": options.insert(.dotMatchesLineSeparators)
            case "m": options.insert(.anchorsMatchLines)
            case "i": options.insert(.caseInsensitive)
            case "q": options.insert(.ignoreMetacharacters)
            case "x": source = source.filter { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }
            default: throw ShapesGraphError(shape: .literal(Literal(flags)), message: "unknown regex flag \(f)")
            }
        }
        return CompiledPattern(try NSRegularExpression(pattern: source, options: options))
    }
}

/// Literal values for the range and datatype constraints.
enum LiteralValue {
    case number(Double)
    case dateTime(Double, timezone: Bool)
    case date(Double, timezone: Bool)
    case time(Double, timezone: Bool)
    case string(String)
    case boolean(Bool)

    static let xsd = XSD.namespace
    static let integerTypes: [String: (min: Double?, max: Double?)] = [
        "integer": (nil, nil), "long": (-9223372036854775808, Double(Int64.max)), "int": (-2147483648, 2147483647),
        "short": (-32768, 32767), "byte": (-128, 127), "nonNegativeInteger": (0, nil), "positiveInteger": (1, nil),
        "nonPositiveInteger": (nil, 0), "negativeInteger": (nil, -1), "unsignedLong": (0, Double(UInt64.max)),
        "unsignedInt": (0, 4294967295), "unsignedShort": (0, 65535), "unsignedByte": (0, 255),
    ]

    /// The value of a literal, or nil when it is ill-formed or of a type without an order.
    static func of(_ l: Literal) -> LiteralValue? {
        let dt = l.datatype.value
        guard dt.hasPrefix(xsd) else { return nil }
        let local = dt.dropFirst(xsd.count)
        let s = l.lexical
        if let bounds = integerTypes[String(local)] {
            guard isInteger(s), let d = Double(s) else { return nil }
            if let lo = bounds.min, d < lo { return nil }
            if let hi = bounds.max, d > hi { return nil }
            return .number(d)
        }
        switch local {
        case "decimal": return isDecimal(s) ? Double(s.hasPrefix(".") ? "0" + s : s).map(LiteralValue.number) : nil
        case "double", "float": return parseDouble(s).map(LiteralValue.number)
        case "string": return l.language == nil ? .string(s) : nil
        case "boolean":
            switch s {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: return nil
            }
        case "dateTime", "dateTimeStamp":
            return parseDateTime(s).map { .dateTime($0.0, timezone: $0.1) }
        case "date": return parseDate(s).map { .date($0.0, timezone: $0.1) }
        case "time": return parseTime(s).map { .time($0.0, timezone: $0.1) }
        default: return nil
        }
    }

    static func isInteger(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func isDecimal(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { u = u.dropFirst() }
        let parts = u.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }) else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }

    static func parseDouble(_ s: String) -> Double? {
        switch s {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: break
        }
        let parts = s.split(whereSeparator: { $0 == "e" || $0 == "E" }).map(String.init)
        guard s.last != "e", s.last != "E", parts.count == 1 || parts.count == 2, isDecimal(parts[0]),
              parts.count == 1 || isInteger(parts[1]) else { return nil }
        return Double(s.hasPrefix(".") ? "0" + s : s)
    }

    /// Seconds since 0000-01-01 (proleptic, days approximated per month exactly), and whether a timezone was given.
    static func parseDateTime(_ s: String) -> (Double, Bool)? {
        guard let t = s.firstIndex(of: "T") else { return nil }
        guard let (day, _) = parseDate(String(s[..<t]), allowTimezone: false),
              let (secs, tz) = parseTime(String(s[s.index(after: t)...])) else { return nil }
        return (day + secs, tz)
    }

    static func splitTimezone(_ s: String) -> (String, Double?)? {
        if s.hasSuffix("Z") { return (String(s.dropLast()), 0) }
        if s.count > 6 {
            let tail = s.suffix(6)
            let c = Array(tail)
            if (c[0] == "+" || c[0] == "-") && c[3] == ":", let h = Int(String(c[1...2])), let m = Int(String(c[4...5])),
               h <= 14, m < 60 {
                let off = Double(h * 3600 + m * 60)
                return (String(s.dropLast(6)), c[0] == "+" ? off : -off)
            }
        }
        return (s, nil)
    }

    static func parseDate(_ s: String, allowTimezone: Bool = true) -> (Double, Bool)? {
        guard let (body, tz) = allowTimezone ? splitTimezone(s) : (s, nil) else { return nil }
        var str = Substring(body)
        var negative = false
        if str.hasPrefix("-") { negative = true; str = str.dropFirst() }
        let f = str.split(separator: "-", omittingEmptySubsequences: false)
        guard f.count == 3, f[0].count >= 4, f[1].count == 2, f[2].count == 2,
              f.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]), (1...12).contains(m) else { return nil }
        let year = negative ? -y : y
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d >= 1 && d <= lengths[m - 1] else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = m <= 2 ? year - 1 : year
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = Double(era * 146097 + doe)
        return (days * 86400 - (tz ?? 0), tz != nil)
    }

    static func parseTime(_ s: String) -> (Double, Bool)? {
        guard let (body, tz) = splitTimezone(s) else { return nil }
        let f = body.split(separator: ":", omittingEmptySubsequences: false)
        guard f.count == 3, f[0].count == 2, f[1].count == 2, f[2].count >= 2,
              let h = Int(f[0]), let m = Int(f[1]), let sec = Double(f[2]),
              f[2].prefix(2).allSatisfy(\.isNumber), h <= 24, m < 60, sec < 60 else { return nil }
        if h == 24 && (m != 0 || sec != 0) { return nil }
        return (Double(h * 3600 + m * 60) + sec - (tz ?? 0), tz != nil)
    }

    /// SPARQL `<` ordering: -1, 0, 1, or nil when the two are not comparable.
    static func compare(_ a: Term, _ b: Term) -> Int? {
        guard case .literal(let x) = a, case .literal(let y) = b, let u = of(x), let v = of(y) else { return nil }
        func cmp<T: Comparable>(_ p: T, _ q: T) -> Int { p < q ? -1 : (p == q ? 0 : 1) }
        switch (u, v) {
        case (.number(let p), .number(let q)): return p.isNaN || q.isNaN ? nil : cmp(p, q)
        case (.string(let p), .string(let q)): return p.unicodeScalars.lexicographicallyPrecedes(q.unicodeScalars) ? -1 : (p == q ? 0 : 1)
        case (.boolean(let p), .boolean(let q)): return p == q ? 0 : (p ? 1 : -1)
        case (.dateTime(let p, let tp), .dateTime(let q, let tq)),
             (.date(let p, let tp), .date(let q, let tq)),
             (.time(let p, let tp), .time(let q, let tq)):
            if tp == tq { return cmp(p, q) }
            // One side without a timezone: comparable only when they differ by more than 14 hours.
            if p + 14 * 3600 < q - 14 * 3600 { return -1 }
            if q + 14 * 3600 < p - 14 * 3600 { return 1 }
            return nil
        default: return nil
        }
    }

    /// Whether a literal's lexical form is valid for its datatype (unknown datatypes always are).
    static func isWellFormed(_ l: Literal) -> Bool {
        let dt = l.datatype.value
        if l.datatype == RDF.langString { return l.language != nil }
        guard dt.hasPrefix(xsd) else { return true }
        switch dt.dropFirst(xsd.count) {
        case "string": return l.language == nil
        case "decimal", "double", "float", "boolean", "dateTime", "dateTimeStamp", "date", "time":
            if dt.hasSuffix("dateTimeStamp"), let v = parseDateTime(l.lexical) { return v.1 }
            return of(l) != nil
        default:
            if integerTypes[String(dt.dropFirst(xsd.count))] != nil { return of(l) != nil }
            return true
        }
    }
}
