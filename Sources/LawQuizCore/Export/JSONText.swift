import Foundation

/// Hand-written JSON pieces for the streamed export, where a JSONEncoder per
/// row would dominate the time for millions of items.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func string(_ text: String) -> String {
        var needsEscape = false
        for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            needsEscape = true
            break
        }
        guard needsEscape else { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
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
