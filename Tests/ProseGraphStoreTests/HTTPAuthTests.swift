import Testing
@testable import ProseGraphStore

@Suite struct HTTPAuthTests {
    static let mufasa = Credentials(user: "Mufasa", password: "Circle Of Life")

    /// RFC 2617, section 3.5: the worked example (qop=auth).
    @Test func rfc2617Example() throws {
        let header = """
            Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"
            """
        let challenges = AuthChallenge.parse(header)
        #expect(challenges == [AuthChallenge(scheme: "digest", parameters: [
            "realm": "testrealm@host.com", "qop": "auth,auth-int", "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093", "opaque": "5ccc069c403ebaf9f0171e9517f40e41",
        ])])
        let value = try HTTPAuthorization.digest(challenges[0], credentials: Self.mufasa, method: "GET", uri: "/dir/index.html", nc: 1, cnonce: "0a4f113b")
        #expect(value == """
            Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", algorithm=MD5, \
            qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"
            """)
    }

    /// Without qop (RFC 2069): response = MD5(HA1:nonce:HA2), no nc or cnonce (checked against Python's hashlib).
    @Test func rfc2069FormWithoutQop() throws {
        let c = AuthChallenge(scheme: "digest", parameters: ["realm": "testrealm@host.com", "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093"])
        let value = try HTTPAuthorization.digest(c, credentials: Self.mufasa, method: "GET", uri: "/dir/index.html", nc: 1, cnonce: "x")
        #expect(value == """
            Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", algorithm=MD5, \
            response="670fd8c2df070c60b045671b8b24ff02"
            """)
    }

    /// What Virtuoso 7.2.5 sends on /sparql-graph-crud-auth, and the nonce count in hex.
    @Test func virtuosoChallenge() throws {
        let header = """
            Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="02845a2097708bba8f076a37b3bf364c", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5"
            """
        let c = try #require(AuthChallenge.parse(header).first)
        #expect(c.scheme == "digest")
        #expect(c.parameters["domain"] == "/sparql-graph-crud-auth")
        #expect(c.parameters["algorithm"] == "MD5")
        let value = try HTTPAuthorization.digest(c, credentials: Credentials(user: "dba", password: "dba"), method: "PUT",
                                                 uri: "/sparql-graph-crud-auth?default", nc: 26, cnonce: "abc")
        #expect(value.contains(", nc=0000001a, "))
        #expect(value.hasSuffix(", opaque=\"5ebe2294ecd0e0f08eab7690d2a6ee69\""))
    }

    @Test func severalChallengesInOneHeader() {
        let c = AuthChallenge.parse(#"Basic realm="a b", Digest realm="x\"y", nonce=abc, qop="auth""#)
        #expect(c == [AuthChallenge(scheme: "basic", parameters: ["realm": "a b"]),
                      AuthChallenge(scheme: "digest", parameters: ["realm": "x\"y", "nonce": "abc", "qop": "auth"])])
    }

    @Test func unsupportedDigestVariantsAreNamed() {
        let sha = AuthChallenge(scheme: "digest", parameters: ["nonce": "n", "algorithm": "SHA-256"])
        #expect(throws: HTTPAuthorization.Unsupported(description: "the server asks for Digest algorithm SHA-256; prosegraph speaks MD5 only")) {
            try HTTPAuthorization.digest(sha, credentials: Self.mufasa, method: "GET", uri: "/", nc: 1, cnonce: "c")
        }
        let authInt = AuthChallenge(scheme: "digest", parameters: ["nonce": "n", "qop": "auth-int"])
        #expect(throws: HTTPAuthorization.Unsupported(description: "the server asks for Digest qop auth-int; prosegraph speaks qop=auth only")) {
            try HTTPAuthorization.digest(authInt, credentials: Self.mufasa, method: "GET", uri: "/", nc: 1, cnonce: "c")
        }
    }

    /// RFC 7617, section 2, and base64's padding (RFC 4648 section 10).
    @Test func basic() {
        #expect(HTTPAuthorization.basic(Credentials(user: "Aladdin", password: "open sesame")) == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors { #expect(HTTPAuthorization.base64(Array(plain.utf8)) == encoded) }
    }
}
