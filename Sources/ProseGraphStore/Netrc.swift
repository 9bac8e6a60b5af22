import Foundation

/// A user name and password for a store.
public struct Credentials: Sendable, Equatable {
    public let user: String
    public let password: String
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}

/// A netrc file (as ftp(1) and curl read it): `machine HOST login USER password
/// PASSWORD` entries, a `default` entry for any other host, `account` ignored,
/// `macdef NAME` skipped up to the next blank line, `#` starting a comment line.
/// Tokens are separated by white space; a token may be double-quoted, with `\"`
/// and `\\` inside (curl's extension), so a password may hold a space.
public struct Netrc: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// nil for the `default` entry.
        public var machine: String?
        public var login: String?
        public var password: String?
    }

    public private(set) var entries: [Entry] = []

    public struct ParseError: Error, Equatable, CustomStringConvertible, Sendable {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public init(parsing text: String) throws(ParseError) {
        var tokens: [(text: String, line: Int)] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var lineNumber = 0
        while lineNumber < lines.count {
            let line = lines[lineNumber]
            lineNumber += 1
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") { continue }
            var chars = Array(line)[...]
            while true {
                while let c = chars.first, c == " " || c == "\t" { chars = chars.dropFirst() }
                guard let first = chars.first else { break }
                var token = ""
                if first == "\"" {
                    chars = chars.dropFirst()
                    var closed = false
                    while let c = chars.first {
                        chars = chars.dropFirst()
                        if c == "\"" { closed = true; break }
                        if c == "\\", let next = chars.first { token.append(next); chars = chars.dropFirst() } else { token.append(c) }
                    }
                    if !closed { throw ParseError(line: lineNumber, message: "a quoted token is not closed") }
                } else {
                    while let c = chars.first, c != " " && c != "\t" { token.append(c); chars = chars.dropFirst() }
                }
                tokens.append((token, lineNumber))
                if token == "macdef" {
                    // The macro's name is the rest of this line; its body runs to a blank line.
                    while lineNumber < lines.count, !lines[lineNumber].isBlank { lineNumber += 1 }
                    chars = []
                }
            }
        }
        lines.removeAll()
        var i = 0
        var current: Entry?
        func value(_ keyword: String) throws(ParseError) -> String {
            guard i + 1 < tokens.count else { throw ParseError(line: tokens[i].line, message: "'\(keyword)' has no value") }
            i += 1
            return tokens[i].text
        }
        while i < tokens.count {
            let (token, line) = tokens[i]
            switch token {
            case "machine":
                if let current { entries.append(current) }
                current = Entry(machine: try value(token))
            case "default":
                if let current { entries.append(current) }
                current = Entry(machine: nil)
            case "login", "password", "account":
                guard current != nil else { throw ParseError(line: line, message: "'\(token)' before any 'machine' or 'default'") }
                let v = try value(token)
                if token == "login" { current!.login = v } else if token == "password" { current!.password = v }
            case "macdef":
                break
            default:
                throw ParseError(line: line, message: "unknown keyword '\(token)'")
            }
            i += 1
        }
        if let current { entries.append(current) }
    }

    /// The login and password for `host`: the first `machine` entry of that name
    /// (case-insensitive), else the `default` entry; nil when neither gives both.
    public func credentials(host: String) -> Credentials? {
        let entry = entries.first { $0.machine?.lowercased() == host.lowercased() } ?? entries.first { $0.machine == nil }
        guard let entry, let login = entry.login, let password = entry.password else { return nil }
        return Credentials(user: login, password: password)
    }
}

extension String {
    var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
}

/// Where `push` finds credentials: `--netrc FILE` first, then the environment
/// (`PROSEGRAPH_USER` and `PROSEGRAPH_PASSWORD`, both or neither), then `~/.netrc`
/// when it exists. A netrc file is searched for the store's host.
public enum CredentialLookup {
    public static func resolve(host: String?, environment: [String: String], netrc: String?, home: String?) throws(StoreError) -> Credentials? {
        func fromNetrc(_ path: String) throws(StoreError) -> Credentials? {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw StoreError("\(path): cannot read the netrc file")
            }
            do { return try Netrc(parsing: text).credentials(host: host ?? "") } catch {
                throw StoreError("\(path): \(error.description)")
            }
        }
        if let netrc { return try fromNetrc(netrc) }
        switch (environment["PROSEGRAPH_USER"], environment["PROSEGRAPH_PASSWORD"]) {
        case let (user?, password?): return Credentials(user: user, password: password)
        case (_?, nil): throw StoreError("PROSEGRAPH_USER is set but PROSEGRAPH_PASSWORD is not")
        case (nil, _?): throw StoreError("PROSEGRAPH_PASSWORD is set but PROSEGRAPH_USER is not")
        case (nil, nil): break
        }
        if let home, !home.isEmpty, FileManager.default.fileExists(atPath: home + "/.netrc") { return try fromNetrc(home + "/.netrc") }
        return nil
    }
}
