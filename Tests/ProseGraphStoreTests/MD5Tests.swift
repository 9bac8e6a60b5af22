import Testing
@testable import ProseGraphStore

@Suite struct MD5Tests {
    /// RFC 1321, appendix A.5: the test suite.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func rfc1321TestSuite(message: String, digest: String) {
        #expect(MD5.hex(message) == digest)
    }

    /// Lengths around the padding boundaries (55 and 56 bytes: one block or two), against Python's hashlib.
    @Test(arguments: [
        (55, "ef1772b6dff9a122358552954ad0df65"), (56, "3b0c8ac703f828b04c6c197006d17218"), (57, "652b906d60af96844ebd21b674f35e93"),
        (63, "b06521f39153d618550606be297466d5"), (64, "014842d480b571495a4a0363793f7367"), (65, "c743a45e0d2e6a95cb859adae0248435"),
        (119, "8a7bd0732ed6a28ce75f6dabc90e1613"), (120, "5f61c0ccad4cac44c75ff505e1f1e537"), (1_000_000, "7707d6ae4e027c70eea2a935c2296f21"),
    ])
    func paddingBoundaries(length: Int, digest: String) {
        #expect(MD5.hex([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest)
    }

    @Test func digestIsSixteenBytes() {
        #expect(MD5.hash(Array("abc".utf8)) == [0x90, 0x01, 0x50, 0x98, 0x3c, 0xd2, 0x4f, 0xb0, 0xd6, 0x96, 0x3f, 0x7d, 0x28, 0xe1, 0x7f, 0x72])
    }
}
