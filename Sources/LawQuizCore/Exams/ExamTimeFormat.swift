import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// From the zone's offset at that instant and the C library's Gregorian
    /// fields (`gmtime_r`) rather than a DateFormatter or a `Calendar`: the
    /// rules screen shows a deadline before the first question, and a
    /// formatter cost about a millisecond of it, a `Calendar` (its cache, ICU
    /// calendar and component set) still 1.5% of a warm start. Without a
    /// zone: the process's zone (`TZ`, else /etc/localtime: the zone
    /// `TimeZone.current` names; an installed program sets `TZ` to its
    /// configured zone first), through `localtime_r` when the C library has
    /// that zone's file, so a start that shows a deadline loads no ICU zone
    /// (about 0.2 ms, README "Launch"); else through `TimeZone.current`.
    public static func format(_ date: Date, timeZone: TimeZone? = nil) -> String {
        var fields = tm()
        guard let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)), abs(seconds) < 1 << 50 else { return "—" }
        if timeZone == nil, LocalZoneFile.isReadable {
            var clock = time_t(seconds)
            tzset()  // `TZ` as it is now, not as when the C library first looked.
            guard localtime_r(&clock, &fields) != nil else { return "—" }
        } else {
            var clock = time_t(seconds) + time_t((timeZone ?? .current).secondsFromGMT(for: date))
            guard gmtime_r(&clock, &fields) != nil else { return "—" }
        }
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(fields.tm_year + 1900, 4))-\(padded(fields.tm_mon + 1, 2))-\(padded(fields.tm_mday, 2)) "
            + "\(padded(fields.tm_hour, 2)):\(padded(fields.tm_min, 2))"
    }
}
