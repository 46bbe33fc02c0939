import CInflate
import Foundation

/// Reads the parts of a zip file (an .xlsx) held in memory, bounded at every
/// step. ZIPFoundation's reader (still used to write workbooks) inflates on
/// Linux until the deflate stream says it ended, reading past the entry and
/// spinning at the end of the file when it never does: a fuzzed 1.6 kB roster
/// hung `roster import`. Here each part's bytes are located from the zip's own
/// directory, must lie inside the file, and are inflated with a cap.
struct ZipPartReader {
    /// One file in the zip, as its central directory describes it.
    struct Part {
        var path: String
        /// 0 stored, 8 deflated.
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var dataOffset: Int
    }

    /// Why the zip cannot be read; `tooLarge` names the part.
    enum Problem: Error, Equatable {
        case malformed(String)
        case tooLarge(part: String)
    }

    private let bytes: Data
    /// Parts in directory order.
    let parts: [Part]

    init(bytes: Data) throws(Problem) {
        self.bytes = bytes.startIndex == 0 ? bytes : Data(bytes)
        parts = try Self.directory(of: self.bytes)
    }

    /// The first part stored under `path`.
    func part(_ path: String) -> Part? { parts.first { $0.path == path } }

    /// The part's bytes, inflated to at most `limit` bytes.
    func contents(of part: Part, limit: Int) throws(Problem) -> Data {
        let stored = bytes[part.dataOffset..<part.dataOffset + part.compressedSize]
        switch part.method {
        case 0:
            guard stored.count <= limit else { throw .tooLarge(part: part.path) }
            return Data(stored)
        default:
            return try Self.inflate(Data(stored), limit: limit, part: part.path)
        }
    }

    // MARK: Directory

    private static func directory(of bytes: Data) throws(Problem) -> [Part] {
        func number(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            return (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        // End of central directory: the last signature within 64 kB + 22 bytes of the end.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        guard let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: { number($0, 4) == 0x0605_4B50 }),
            let count = number(end + 10, 2), var cursor = number(end + 16, 4)
        else { throw .malformed("找不到 zip 目录") }
        guard count != 0xFFFF, cursor != 0xFFFF_FFFF else { throw .malformed("ZIP64 格式（Excel 花名册不会这么大）") }
        var parts: [Part] = []
        for _ in 0..<count {
            guard number(cursor, 4) == 0x0201_4B50, let flags = number(cursor + 8, 2), let method = number(cursor + 10, 2),
                let compressed = number(cursor + 20, 4), let uncompressed = number(cursor + 24, 4),
                let nameLength = number(cursor + 28, 2), let extraLength = number(cursor + 30, 2),
                let commentLength = number(cursor + 32, 2), let local = number(cursor + 42, 4),
                cursor + 46 + nameLength <= bytes.count
            else { throw .malformed("zip 目录已损坏") }
            let path = String(decoding: bytes[cursor + 46..<cursor + 46 + nameLength], as: UTF8.self)
            guard [compressed, uncompressed, local].allSatisfy({ $0 != 0xFFFF_FFFF }) else {
                throw .malformed("\(path) 使用 ZIP64 格式（Excel 花名册不会这么大）")
            }
            guard flags & 1 == 0 else { throw .malformed("\(path) 已加密") }
            guard method == 0 || method == 8 else { throw .malformed("\(path) 使用不支持的压缩方式 \(method)") }
            guard number(local, 4) == 0x0403_4B50, let localName = number(local + 26, 2), let localExtra = number(local + 28, 2) else {
                throw .malformed("\(path) 的本地文件头已损坏")
            }
            let dataOffset = local + 30 + localName + localExtra
            let size = method == 0 ? uncompressed : compressed
            guard dataOffset + size <= bytes.count else { throw .malformed("\(path) 的数据超出文件末尾") }
            parts.append(Part(path: path, method: method, compressedSize: size, uncompressedSize: uncompressed, dataOffset: dataOffset))
            cursor += 46 + nameLength + extraLength + commentLength
        }
        return parts
    }

    // MARK: Inflating

    /// Raw deflate → bytes. Ends for any input: every round either produces
    /// output (capped by `limit`), consumes input, or stops with an error.
    private static func inflate(_ input: Data, limit: Int, part: String) throws(Problem) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .malformed("无法初始化解压")
        }
        defer { inflateEnd(&stream) }
        var source = [UInt8](input)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var output = Data()
        var failure: Problem?
        source.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = UInt32(input.count)
            while failure == nil {
                let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CInflate.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = buffer.count - Int(stream.avail_out)
                guard output.count + produced <= limit else {
                    failure = .tooLarge(part: part)
                    break
                }
                output.append(contentsOf: buffer[0..<produced])
                if status == Z_STREAM_END { break }
                if status != Z_OK || (produced == 0 && stream.avail_in == 0) {
                    failure = .malformed("\(part) 的压缩数据已损坏或不完整")
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
