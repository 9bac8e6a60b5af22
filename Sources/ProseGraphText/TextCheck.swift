/// Checks that a file's bytes are UTF-8 prose before anything parses them.
enum TextCheck {
    /// The first problem with the bytes as article text, or nil. `bytes` has
    /// the BOM already removed; `bomLength` shifts reported byte offsets back
    /// to file offsets.
    static func problem(in bytes: [UInt8], path: String, bomLength: Int) -> InputError? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return InputError(path: path, line: 1, column: 1,
                              message: bytes.isEmpty ? "the file is empty" : "the file holds only white space")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let at = UTF8Text.position(of: nul, in: bytes)
            return InputError(path: path, line: at.line, column: at.column,
                              message: "binary file: NUL byte at byte offset \(nul + bomLength); articles are UTF-8 text")
        }
        if let bad = UTF8Text.firstInvalidOffset(in: bytes) {
            let at = UTF8Text.position(of: bad, in: bytes)
            return InputError(path: path, line: at.line, column: at.column,
                              message: "invalid UTF-8 at byte offset \(bad + bomLength) (byte 0x\(hex(bytes[bad])))")
        }
        return nil
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
