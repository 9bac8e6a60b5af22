/// Where serialized bytes go. Sinks are owned by one writer at a time.
public protocol ByteSink: AnyObject {
    func write(_ chunk: UnsafeRawBufferPointer) throws
}

/// Collects everything in memory (tests, small outputs).
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ chunk: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: chunk) }
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A 64 KiB buffer in front of a sink, so writers can append small pieces cheaply.
public final class BufferedOutput {
    public let sink: ByteSink
    private var buffer: [UInt8] = []
    private let capacity: Int

    public init(_ sink: ByteSink, capacity: Int = 1 << 16) {
        self.sink = sink
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    @inline(__always)
    public func append(_ byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    @inline(__always)
    public func append(_ s: String) throws {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A term a writer cannot represent in its format: an error naming the term,
/// never a silently dropped triple.
public struct SerializationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let format: String
    public let message: String
    public init(format: String, message: String) {
        self.format = format
        self.message = message
    }
    public var description: String { "\(format): \(message)" }
}
