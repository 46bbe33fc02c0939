import Foundation

/// Hand-written JSON pieces for the streamed export, where a JSONEncoder per
/// row would dominate the time for millions of items.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(string: text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `string(text)`'s bytes: the export writes millions of short
    /// strings into one reused buffer instead of building a String for each.
    public static func append(string text: String, to bytes: inout [UInt8]) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        bytes.append(quote)
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == quote || $0 == backslash }) {
            bytes.append(contentsOf: utf8)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            for byte in utf8 {
                switch byte {
                case quote, backslash: bytes += [backslash, byte]
                case 10: bytes += [backslash, UInt8(ascii: "n")]
                case 13: bytes += [backslash, UInt8(ascii: "r")]
                case 9: bytes += [backslash, UInt8(ascii: "t")]
                case 0..<0x20: bytes += [backslash, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(quote)
    }

    public static func append(string text: String?, to bytes: inout [UInt8]) {
        if let text { append(string: text, to: &bytes) } else { bytes += "null".utf8 }
    }

    /// Appends the decimal digits of `value`.
    public static func append(integer value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Appends `number(value)`.
    public static func append(number value: Double, to bytes: inout [UInt8]) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            append(integer: Int64(value), to: &bytes)
        } else {
            bytes += number(value).utf8
        }
    }

    public static func string(_ text: String?) -> String { text.map { string($0) } ?? "null" }

    /// Numbers without a needless `.0`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    public static func bool(_ value: Bool) -> String { value ? "true" : "false" }

    /// ISO 8601 in UTC with milliseconds: `2023-11-20T02:15:30.123Z`.
    public static func date(_ date: Date?) -> String {
        guard let date else { return "null" }
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let millis = Int(milliseconds - Int64(seconds) * 1000)
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let (year, month, day) = ReportTimeFormat.civil(daysSinceEpoch: days)
        let p = ReportTimeFormat.pad
        return "\"" + p(year, 4) + "-" + p(month, 2) + "-" + p(day, 2) + "T" + p(rest / 3600, 2) + ":" + p(rest % 3600 / 60, 2) + ":"
            + p(rest % 60, 2) + "." + p(millis, 3) + "Z\""
    }
}
