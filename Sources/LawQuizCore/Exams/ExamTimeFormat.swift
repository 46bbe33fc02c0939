import Foundation

/// Reads and writes the opening / closing times of exam files:
/// `2023-12-01 09:00`, `2023-12-01 09:00:00` (in a given time zone) or ISO 8601
/// with an offset (`2023-12-01T09:00:00+08:00`).
public enum ExamTimeFormat {
    /// Times an exam file may give: 2000-01-01 to 2199-12-31 (UTC).
    public static let acceptedRange = Date(timeIntervalSince1970: 946_684_800)...Date(timeIntervalSince1970: 7_258_118_399)

    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        if let date = iso.date(from: trimmed) { return date }
        for pattern in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }

    /// `2023-12-01 09:00` in the given time zone, for messages and listings.
    /// From the Gregorian calendar's fields rather than a DateFormatter: the
    /// rules screen shows a deadline before the first question, and building
    /// a formatter (ICU locale and pattern data) cost about a millisecond of it.
    public static func format(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2)) \(padded(parts.hour, 2)):\(padded(parts.minute, 2))"
    }
}
