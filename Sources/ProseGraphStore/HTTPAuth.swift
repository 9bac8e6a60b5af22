/// An authentication challenge from a `WWW-Authenticate` header (RFC 7235):
/// its scheme and parameters.
public struct AuthChallenge: Sendable, Equatable {
    /// Lower-cased: "basic", "digest".
    public let scheme: String
    /// Parameter names lower-cased, values unquoted.
    public let parameters: [String: String]

    public init(scheme: String, parameters: [String: String]) {
        self.scheme = scheme
        self.parameters = parameters
    }

    /// Every challenge in a header value (several may be joined by commas:
    /// `Basic realm="a", Digest realm="b", nonce="c"`).
    public static func parse(_ header: String) -> [AuthChallenge] {
        var out: [AuthChallenge] = []
        var s = Substring(header)
        func skipSpace() { s = s.drop { $0 == " " || $0 == "\t" || $0 == "," } }
        func token() -> Substring {
            let t = s.prefix { $0 != " " && $0 != "\t" && $0 != "," && $0 != "=" }
            s = s.dropFirst(t.count)
            return t
        }
        skipSpace()
        while !s.isEmpty {
            let scheme = token().lowercased()
            guard !scheme.isEmpty else { s = s.dropFirst(); skipSpace(); continue }
            var params: [String: String] = [:]
            while true {
                skipSpace()
                // A parameter is NAME=VALUE; a bare token is the next challenge's scheme.
                let save = s
                let name = token()
                s = s.drop { $0 == " " || $0 == "\t" }
                guard !name.isEmpty, s.first == "=" else { s = save; break }
                s = s.dropFirst().drop { $0 == " " || $0 == "\t" }
                var value = ""
                if s.first == "\"" {
                    s = s.dropFirst()
                    while let c = s.first {
                        s = s.dropFirst()
                        if c == "\"" { break }
                        if c == "\\", let n = s.first { value.append(n); s = s.dropFirst() } else { value.append(c) }
                    }
                } else {
                    value = String(s.prefix { $0 != "," && $0 != " " && $0 != "\t" })
                    s = s.dropFirst(value.count)
                }
                params[name.lowercased()] = value
            }
            out.append(AuthChallenge(scheme: scheme, parameters: params))
            skipSpace()
        }
        return out
    }
}

/// `Authorization` header values for the two schemes stores use.
public enum HTTPAuthorization {
    /// `Basic base64(user:password)` (RFC 7617).
    public static func basic(_ c: Credentials) -> String {
        "Basic " + base64(Array("\(c.user):\(c.password)".utf8))
    }

    public struct Unsupported: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The Digest response (RFC 7616, algorithm MD5, with `qop=auth` when the
    /// challenge offers it, else the RFC 2069 form) for `method` on `uri`
    /// (the request target as sent: path and query). `nc` counts the requests
    /// made with this nonce; `cnonce` is the client's nonce.
    public static func digest(_ challenge: AuthChallenge, credentials c: Credentials, method: String, uri: String,
                              nc: Int, cnonce: String) throws(Unsupported) -> String {
        let p = challenge.parameters
        let algorithm = p["algorithm"] ?? "MD5"
        guard algorithm.uppercased() == "MD5" else {
            throw Unsupported(description: "the server asks for Digest algorithm \(algorithm); prosegraph speaks MD5 only")
        }
        let realm = p["realm"] ?? "", nonce = p["nonce"] ?? ""
        let ha1 = MD5.hex("\(c.user):\(realm):\(c.password)")
        let ha2 = MD5.hex("\(method):\(uri)")
        let qops = (p["qop"] ?? "").split(separator: ",").map { $0.trimmingCharacters() }
        var fields = ["username=\(quoted(c.user))", "realm=\(quoted(realm))", "nonce=\(quoted(nonce))", "uri=\(quoted(uri))", "algorithm=MD5"]
        if qops.contains("auth") {
            let count = String(nc, radix: 16)
            let ncText = String(repeating: "0", count: max(0, 8 - count.count)) + count
            let response = MD5.hex("\(ha1):\(nonce):\(ncText):\(cnonce):auth:\(ha2)")
            fields += ["qop=auth", "nc=\(ncText)", "cnonce=\(quoted(cnonce))", "response=\(quoted(response))"]
        } else if qops.isEmpty {
            fields.append("response=\(quoted(MD5.hex("\(ha1):\(nonce):\(ha2)")))")
        } else {
            throw Unsupported(description: "the server asks for Digest qop \(p["qop"]!); prosegraph speaks qop=auth only")
        }
        if let opaque = p["opaque"] { fields.append("opaque=\(quoted(opaque))") }
        return "Digest " + fields.joined(separator: ", ")
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    /// Standard base64 with padding (RFC 4648 section 4).
    public static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = UInt32(bytes[i]), b1 = n > 1 ? UInt32(bytes[i + 1]) : 0, b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            out.append(table[Int(v >> 18 & 63)])
            out.append(table[Int(v >> 12 & 63)])
            out.append(n > 1 ? table[Int(v >> 6 & 63)] : UInt8(ascii: "="))
            out.append(n > 2 ? table[Int(v & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
