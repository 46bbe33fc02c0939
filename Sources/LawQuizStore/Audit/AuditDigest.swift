import Crypto
import Foundation

/// SHA-256 and HMAC-SHA256 as lowercase hex, from swift-crypto. The text's
/// bytes go in as an `Array`, not `Data(text.utf8)`: that initialiser asks at
/// run time whether the UTF-8 view is `ContiguousBytes`, a scan of the
/// program's conformance records when a sitting begins (README, "Launch").
enum AuditDigest {
    static func sha256Hex(_ text: String) -> String { hex(SHA256.hash(data: Array(text.utf8))) }

    /// entry_hash = SHA256(prev_hash || "\n" || payload).
    static func entryHash(previous: String, payload: String) -> String { sha256Hex(previous + "\n" + payload) }

    /// mac = HMAC-SHA256(key, entry_hash).
    static func mac(_ entryHash: String, key: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(entryHash.utf8), using: key))
    }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
