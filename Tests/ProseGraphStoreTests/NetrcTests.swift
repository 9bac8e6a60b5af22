import Foundation
import Testing
@testable import ProseGraphStore

@Suite struct NetrcTests {
    @Test func entriesDefaultQuotesCommentsAndMacros() throws {
        let text = """
            # stores
            machine 127.0.0.1 login dba password dba
            machine Store.Example.org
              login "ann smith" password "p\\"w d" account ignored
            macdef init
            cd /pub
            get file

            default login anonymous password guest
            """
        let n = try Netrc(parsing: text)
        #expect(n.entries.count == 3)
        #expect(n.credentials(host: "127.0.0.1") == Credentials(user: "dba", password: "dba"))
        #expect(n.credentials(host: "store.example.org") == Credentials(user: "ann smith", password: "p\"w d"))
        #expect(n.credentials(host: "elsewhere") == Credentials(user: "anonymous", password: "guest"))
    }

    @Test func noEntryForTheHost() throws {
        #expect(try Netrc(parsing: "machine a login u password p\n").credentials(host: "b") == nil)
        #expect(try Netrc(parsing: "machine a login u\n").credentials(host: "a") == nil)
        #expect(try Netrc(parsing: "").credentials(host: "a") == nil)
    }

    @Test func errorsNameTheLine() {
        #expect(throws: Netrc.ParseError(line: 2, message: "unknown keyword 'passwd'")) { try Netrc(parsing: "machine a login u\npasswd p\n") }
        #expect(throws: Netrc.ParseError(line: 1, message: "'login' before any 'machine' or 'default'")) { try Netrc(parsing: "login u password p") }
        #expect(throws: Netrc.ParseError(line: 3, message: "'password' has no value")) { try Netrc(parsing: "machine a\nlogin u\npassword") }
        #expect(throws: Netrc.ParseError(line: 1, message: "a quoted token is not closed")) { try Netrc(parsing: "machine a login \"u") }
    }

    @Test func lookupOrder() throws {
        let dir = NSTemporaryDirectory() + "prosegraph-netrc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "machine h login home password h1\n".write(toFile: dir + "/.netrc", atomically: true, encoding: .utf8)
        try "machine h login given password g1\n".write(toFile: dir + "/given", atomically: true, encoding: .utf8)
        let env = ["PROSEGRAPH_USER": "env", "PROSEGRAPH_PASSWORD": "e1"]
        #expect(try CredentialLookup.resolve(host: "h", environment: env, netrc: dir + "/given", home: dir) == Credentials(user: "given", password: "g1"))
        #expect(try CredentialLookup.resolve(host: "h", environment: env, netrc: nil, home: dir) == Credentials(user: "env", password: "e1"))
        #expect(try CredentialLookup.resolve(host: "h", environment: [:], netrc: nil, home: dir) == Credentials(user: "home", password: "h1"))
        #expect(try CredentialLookup.resolve(host: "other", environment: [:], netrc: nil, home: dir) == nil)
        #expect(try CredentialLookup.resolve(host: "h", environment: [:], netrc: nil, home: dir + "/none") == nil)
        #expect(throws: StoreError("PROSEGRAPH_USER is set but PROSEGRAPH_PASSWORD is not")) {
            try CredentialLookup.resolve(host: "h", environment: ["PROSEGRAPH_USER": "u"], netrc: nil, home: dir)
        }
        #expect(throws: StoreError(dir + "/missing: cannot read the netrc file")) {
            try CredentialLookup.resolve(host: "h", environment: [:], netrc: dir + "/missing", home: dir)
        }
        try "machine h user x\n".write(toFile: dir + "/bad", atomically: true, encoding: .utf8)
        #expect(throws: StoreError(dir + "/bad: line 1: unknown keyword 'user'")) {
            try CredentialLookup.resolve(host: "h", environment: [:], netrc: dir + "/bad", home: dir)
        }
    }
}
