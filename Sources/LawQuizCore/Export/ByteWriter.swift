import Foundation

/// A buffered writer over an open file descriptor: exports write millions of
/// small pieces, and one system call per piece would dominate their time.
public final class ByteWriter {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes written so far (buffered included), for progress reports.
    public private(set) var bytesWritten: Int = 0

    init(descriptor: Int32, path: String, capacity: Int = 1 << 18) {
        self.descriptor = descriptor
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        bytesWritten += bytes.count
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write(bytes: $0) }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, base, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            left -= written
            base += written
        }
    }
}
