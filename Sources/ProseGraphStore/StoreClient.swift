import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request that failed: the server answered with an error status, or could not be reached.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    /// The HTTP status, when the server answered.
    public let status: Int?
    /// The server closed the connection before it answered.
    public let connectionLost: Bool
    public init(_ description: String, status: Int? = nil, connectionLost: Bool = false) {
        self.description = description
        self.status = status
        self.connectionLost = connectionLost
    }
}

/// What a request sends: bytes in memory (small: an update), or a file's content (an
/// export or a batch of it; URLSession's upload of a large Data copies the rest of it for
/// every chunk it sends, which made a 300 MB push CPU-bound in the client).
public enum RequestBody: Sendable {
    case data(Data)
    case file(URL)

    public static let empty = RequestBody.data(Data())

    var isEmpty: Bool { if case .data(let d) = self { return d.isEmpty } else { return false } }
}

/// An HTTP client for a triple store: one request at a time, answering a 401
/// with Basic or Digest credentials (whichever the server asks for) and
/// reusing a Digest nonce for the following requests.
public actor StoreClient {
    private let session: URLSession
    private let catcher: ChallengeCatcher
    private let credentials: Credentials?
    private let makeCnonce: @Sendable () -> String
    private var digest: AuthChallenge?
    private var basic = false
    private var nonceCount = 0

    public init(credentials: Credentials?, timeout: Double = 600,
                cnonce: @escaping @Sendable () -> String = { String((0..<16).map { _ in "0123456789abcdef".randomElement()! }) }) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCredentialStorage = nil
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = 24 * 3600
        let catcher = ChallengeCatcher()
        self.catcher = catcher
        self.session = URLSession(configuration: configuration, delegate: catcher, delegateQueue: nil)
        self.credentials = credentials
        self.makeCnonce = cnonce
    }

    /// Sends one request and returns the response body; a status other than 2xx is a StoreError
    /// `METHOD URL: HTTP STATUS REASON: the server's message`.
    @discardableResult
    public func send(_ method: String, _ url: String, contentType: String?, body: RequestBody, accept: String? = nil) async throws(StoreError) -> Data {
        // A store that wants a login answers 401 before it reads the body, and Virtuoso then
        // closes the connection while the body is still being sent. With credentials, the
        // first request is a HEAD, to learn the challenge before any body goes.
        if credentials != nil, digest == nil, !basic, !body.isEmpty,
           case let (401, _, r?)? = try? await attempt("HEAD", url, contentType: nil, body: .empty, accept: nil) {
            learn(r)
        }
        var status: Int, data: Data, response: HTTPURLResponse?
        do {
            (status, data, response) = try await attempt(method, url, contentType: contentType, body: body, accept: accept)
        } catch let e where e.connectionLost && !body.isEmpty {
            // Closed on us mid-body: what does the server say to the same request without one?
            guard case let (401, headData, headResponse) = try await attempt("HEAD", url, contentType: nil, body: .empty, accept: nil) else { throw e }
            (status, data, response) = (401, headData, headResponse)
            if credentials != nil, digest == nil, !basic, let headResponse {
                learn(headResponse)
                (status, data, response) = try await attempt(method, url, contentType: contentType, body: body, accept: accept)
            }
        }
        if status == 401, credentials != nil, let r = response {
            let knew = (digest?.parameters["nonce"], basic)
            learn(r)
            if digest?.parameters["nonce"] != knew.0 || basic != knew.1 {
                (status, data, response) = try await attempt(method, url, contentType: contentType, body: body, accept: accept)
            }
        }
        guard (200..<300).contains(status) else {
            throw StoreError(Self.failure(method: method, url: url, status: status, body: data, contentType: response?.value(forHTTPHeaderField: "Content-Type"),
                                          hasCredentials: credentials != nil), status: status)
        }
        return data
    }

    /// Takes the challenge of a 401: Digest when offered, else Basic.
    private func learn(_ response: HTTPURLResponse) {
        guard let header = response.value(forHTTPHeaderField: "WWW-Authenticate") else { return }
        let challenges = AuthChallenge.parse(header)
        if let d = challenges.first(where: { $0.scheme == "digest" }) {
            digest = d
            nonceCount = 0
        } else if challenges.contains(where: { $0.scheme == "basic" }) {
            basic = true
        }
    }

    private func attempt(_ method: String, _ url: String, contentType: String?, body: RequestBody, accept: String?) async throws(StoreError) -> (Int, Data, HTTPURLResponse?) {
        guard let u = URL(string: url), u.scheme == "http" || u.scheme == "https" else {
            throw StoreError("\(url): not an http or https URL")
        }
        var request = URLRequest(url: u)
        request.httpMethod = method
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
        if let credentials {
            if let digest {
                nonceCount += 1
                do {
                    request.setValue(try HTTPAuthorization.digest(digest, credentials: credentials, method: method, uri: GraphStoreURL.requestTarget(url),
                                                                  nc: nonceCount, cnonce: makeCnonce()), forHTTPHeaderField: "Authorization")
                } catch {
                    throw StoreError("\(method) \(url): \(error.description)")
                }
            } else if basic {
                request.setValue(HTTPAuthorization.basic(credentials), forHTTPHeaderField: "Authorization")
            }
        }
        var data = Data(), response: URLResponse? = nil
        _ = catcher.take()
        // A connection the server closed (as Virtuoso does after a 401) may be taken from
        // the pool and fail at once: such a request is sent again, once, on a new one.
        // Every request push makes may be repeated (PUT, a POST of triples, DELETE DATA, INSERT DATA).
        for retry in [false, true] where response == nil {
            do {
                if method == "GET" || method == "HEAD" {
                    (data, response) = try await session.data(for: request)
                } else {
                    switch body {
                    case .data(let bytes): (data, response) = try await session.upload(for: request, from: bytes)
                    case .file(let file): (data, response) = try await session.upload(for: request, fromFile: file)
                    }
                }
            } catch let e as URLError where e.code == .networkConnectionLost && !retry {
                continue
            } catch let e as URLError where e.code == .cancelled {
                guard let challenged = catcher.take() else { throw StoreError("\(method) \(url): \(Self.describe(e))") }
                return (challenged.statusCode, Data(), challenged)
            } catch {
                throw StoreError("\(method) \(url): \(Self.describe(error))", connectionLost: (error as? URLError)?.code == .networkConnectionLost)
            }
        }
        guard let http = response as? HTTPURLResponse else { throw StoreError("\(method) \(url): not an HTTP response") }
        return (http.statusCode, data, http)
    }

    /// The message for a failed request: the status, its reason, and what the server said.
    public static func failure(method: String, url: String, status: Int, body: Data, contentType: String?, hasCredentials: Bool) -> String {
        var message = "\(method) \(url): HTTP \(status)"
        if let reason = reasons[status] { message += " " + reason }
        let said = serverMessage(body, contentType: contentType)
        if !said.isEmpty { message += ": " + said }
        if status == 401 {
            message += hasCredentials ? " (the store refused the credentials)"
                : " (no credentials: set PROSEGRAPH_USER and PROSEGRAPH_PASSWORD, or give the host a netrc entry)"
        }
        return message
    }

    /// The server's message: the body as text, without HTML tags, white space
    /// runs as one space, cut at 300 characters.
    public static func serverMessage(_ body: Data, contentType: String?) -> String {
        var text = String(decoding: body, as: UTF8.self)
        if (contentType ?? "").lowercased().contains("html") || text.drop(while: { $0.isWhitespace }).hasPrefix("<") {
            var plain = "", inTag = false
            for c in text {
                if c == "<" { inTag = true; plain.append(" ") } else if c == ">" { inTag = false } else if !inTag { plain.append(c) }
            }
            text = plain.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let joined = words.joined(separator: " ")
        return joined.count > 300 ? String(joined.prefix(300)).trimmingCharacters() + "..." : joined
    }

    static func describe(_ error: any Error) -> String {
        guard let e = error as? URLError else { return "\(error)" }
        switch e.code {
        case .cannotConnectToHost: return "cannot connect to the server"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .timedOut: return "timed out"
        case .networkConnectionLost: return "the connection was lost"
        case .unsupportedURL: return "unsupported URL"
        default: return e.localizedDescription
        }
    }

    static let reasons: [Int: String] = [
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        406: "Not Acceptable", 409: "Conflict", 411: "Length Required", 413: "Content Too Large", 414: "URI Too Long",
        415: "Unsupported Media Type", 422: "Unprocessable Content", 429: "Too Many Requests",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}

/// Leaves every 401 to StoreClient. URLSession's own handling of a challenge, with no
/// credential to give, may never complete the request (seen with swift-corelibs-foundation
/// and a server that closes the connection after its 401): the challenge is cancelled, and
/// its response kept for StoreClient, which sends one request at a time.
final class ChallengeCatcher: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var last: HTTPURLResponse?

    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        let response = challenge.failureResponse as? HTTPURLResponse
        lock.withLock { last = response }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// The response of the last challenge, once.
    func take() -> HTTPURLResponse? {
        lock.withLock {
            defer { last = nil }
            return last
        }
    }
}
