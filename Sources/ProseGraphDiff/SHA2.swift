// SHA-256, SHA-384 and SHA-512 (FIPS 180-4), in plain Swift: RDFC-1.0 needs
// SHA-256 and SHA-384, CryptoKit is not on Linux and the package takes no
// crypto dependency. Each function below names the FIPS 180-4 section it
// follows; the unit tests check the FIPS / NIST example vectors (empty, "abc",
// the two-block messages, a million "a"s) and every padding boundary.

/// The hash functions RDF Dataset Canonicalization may be asked to use.
public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sha256 = "SHA256"
    case sha384 = "SHA384"

    /// The name as the RDFC-1.0 test manifests spell it: "SHA256", "SHA384".
    public var description: String { rawValue }

    /// Digest length in bytes (32 or 48).
    public var digestLength: Int { self == .sha256 ? 32 : 48 }

    public func digest(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: return SHA256.hash(bytes)
        case .sha384: return SHA384.hash(bytes)
        }
    }

    /// The digest as lower-case hexadecimal, the form RDFC-1.0 hashes are compared and concatenated in.
    public func hexDigest(_ bytes: [UInt8]) -> String {
        String(decoding: hexDigestBytes(bytes), as: UTF8.self)
    }

    /// `hexDigest` as ASCII bytes (what the canonicalizer works with).
    func hexDigestBytes(_ bytes: [UInt8]) -> [UInt8] { hex(digest(bytes)) }
}

/// Lower-case hexadecimal, two ASCII digits a byte.
func hex(_ bytes: [UInt8]) -> [UInt8] {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0x0F)])
    }
    return out
}

// MARK: - SHA-256 (FIPS 180-4 sections 4.1.2, 4.2.2, 5.1.1, 5.3.3, 6.2)

/// SHA-256, incremental: `update` any number of times, then `finalize`.
public struct SHA256: Sendable {
    /// Section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// Section 5.3.3: the initial hash value.
    private var h: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// Bytes not yet making a whole 64-byte block.
    private var pending: [UInt8] = []
    /// Message length so far, in bytes.
    private var length: UInt64 = 0

    public init() { pending.reserveCapacity(64) }

    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var s = SHA256()
        s.update(bytes)
        return s.finalize()
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var i = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            i = take
            if pending.count == 64 {
                pending.withUnsafeBytes { compress(UnsafeRawBufferPointer(rebasing: $0[0..<64])) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        while bytes.count - i >= 64 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + 64)]))
            i += 64
        }
        if i < bytes.count { pending.append(contentsOf: bytes[i...]) }
    }

    /// Section 5.1.1: append 0x80, zeros to 56 mod 64, then the bit length as 64 bits big-endian.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let used = (pending.count + 1) % 64
        tail += [UInt8](repeating: 0, count: used <= 56 ? 56 - used : 120 - used)
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        update(tail)
        length = savedLength
        precondition(pending.isEmpty, "SHA-256 padding must end on a block boundary")
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in h {
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }

    /// Section 6.2.2: one 512-bit block.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        // The message schedule lives on the stack: no allocation per block.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            Self.k.withUnsafeBufferPointer { k in
                for t in 0..<16 {
                    w[t] = UInt32(block[t * 4]) << 24 | UInt32(block[t * 4 + 1]) << 16
                        | UInt32(block[t * 4 + 2]) << 8 | UInt32(block[t * 4 + 3])
                }
                for t in 16..<64 {
                    // Section 4.1.2 (4.6), (4.7): the small sigmas.
                    let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                    let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                    w[t] = s1 &+ w[t - 7] &+ s0 &+ w[t - 16]
                }
                for t in 0..<64 {
                    // Section 4.1.2 (4.2)-(4.5): Ch, Maj and the big sigmas.
                    let bigS1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ bigS1 &+ ch &+ k[t] &+ w[t]
                    let bigS0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = bigS0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
            }
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
        h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }
}

@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

// MARK: - SHA-512 and SHA-384 (FIPS 180-4 sections 4.1.3, 4.2.3, 5.1.2, 5.3.4, 5.3.5, 6.4)

/// The SHA-512 compression with a given initial value and output length:
/// SHA-512 and SHA-384 differ only in those (section 6.5).
struct SHA512Core: Sendable {
    /// Section 4.2.3: the first 64 bits of the fractional parts of the cube roots of the first 80 primes.
    private static let k: [UInt64] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
        0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
        0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
        0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
        0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
        0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
        0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
        0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
        0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ]

    private var h: [UInt64]
    private let outputWords: Int
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    init(initial: [UInt64], outputWords: Int) {
        h = initial
        self.outputWords = outputWords
        pending.reserveCapacity(128)
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var i = 0
        if !pending.isEmpty {
            let take = min(128 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            i = take
            if pending.count == 128 {
                pending.withUnsafeBytes { compress(UnsafeRawBufferPointer(rebasing: $0[0..<128])) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        while bytes.count - i >= 128 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + 128)]))
            i += 128
        }
        if i < bytes.count { pending.append(contentsOf: bytes[i...]) }
    }

    /// Section 5.1.2: append 0x80, zeros to 112 mod 128, then the bit length as 128 bits big-endian
    /// (the high 64 bits are the overflow of byte count * 8).
    mutating func finalize() -> [UInt8] {
        let high = length >> 61
        let low = length &* 8
        var tail: [UInt8] = [0x80]
        let used = (pending.count + 1) % 128
        tail += [UInt8](repeating: 0, count: used <= 112 ? 112 - used : 240 - used)
        for word in [high, low] {
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        let savedLength = length
        tail.withUnsafeBytes { update($0) }
        length = savedLength
        precondition(pending.isEmpty, "SHA-512 padding must end on a block boundary")
        var out: [UInt8] = []
        out.reserveCapacity(outputWords * 8)
        for word in h.prefix(outputWords) {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return out
    }

    /// Section 6.4.2: one 1024-bit block.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 80) { w in
            Self.k.withUnsafeBufferPointer { k in
                for t in 0..<16 {
                    var word: UInt64 = 0
                    for j in 0..<8 { word = word << 8 | UInt64(block[t * 8 + j]) }
                    w[t] = word
                }
                for t in 16..<80 {
                    // Section 4.1.3 (4.12), (4.13).
                    let s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
                    let s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
                    w[t] = s1 &+ w[t - 7] &+ s0 &+ w[t - 16]
                }
                for t in 0..<80 {
                    // Section 4.1.3 (4.8)-(4.11).
                    let bigS1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ bigS1 &+ ch &+ k[t] &+ w[t]
                    let bigS0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = bigS0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
            }
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
        h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }
}

@inline(__always)
private func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }

/// SHA-512, incremental.
public struct SHA512: Sendable {
    /// Section 5.3.5.
    private var core = SHA512Core(initial: [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ], outputWords: 8)

    public init() {}

    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var s = SHA512()
        s.update(bytes)
        return s.finalize()
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { core.update($0) } }
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { core.update(bytes) }
    public mutating func finalize() -> [UInt8] { core.finalize() }
}

/// SHA-384: SHA-512 with its own initial value, truncated to 384 bits.
public struct SHA384: Sendable {
    /// Section 5.3.4.
    private var core = SHA512Core(initial: [
        0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
        0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
    ], outputWords: 6)

    public init() {}

    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var s = SHA384()
        s.update(bytes)
        return s.finalize()
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { core.update($0) } }
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { core.update(bytes) }
    public mutating func finalize() -> [UInt8] { core.finalize() }
}
