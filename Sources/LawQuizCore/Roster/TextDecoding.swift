import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes spreadsheet exports: UTF-8 with or without BOM, UTF-16 with BOM, or
/// GB18030 (a superset of GBK, what Excel on Chinese Windows writes for
/// "CSV"). Foundation on Linux cannot decode GB18030, so iconv does it.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8（带 BOM）"
        case utf16 = "UTF-16"
        case gb18030 = "GBK/GB18030"
    }

    /// The text and the encoding it was read in, or nil when it is none of them.
    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(bytes: bytes.dropFirst(3), encoding: .utf8).map { ($0, .utf8BOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16).map { ($0, .utf16) }
        }
        if let text = String(bytes: bytes, encoding: .utf8) { return (text, .utf8) }
        return iconvDecode(bytes, from: "GB18030").map { ($0, .gb18030) }
    }

    /// Converts bytes from a named encoding to a String with iconv; nil on
    /// any invalid sequence (never guesses or drops bytes silently).
    public static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        if converter == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(bytes: output.prefix(produced), encoding: .utf8)
    }
}
