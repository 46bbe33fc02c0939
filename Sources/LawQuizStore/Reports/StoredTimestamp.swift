/// A timestamp as the SQLite store keeps it, `YYYY-MM-DD HH:MM:SS.SSS`
/// (UTC, GRDB's format), read from its bytes: the milliseconds since 1970
/// that SQLite's `julianday()` gives for that text, without SQLite parsing
/// two times per attempt (a tenth of the CSV export's statement time at
/// 150,000 attempts). Any other shape is left to SQLite.
enum StoredTimestamp {
    /// Milliseconds since 1970, or nil when `text` is not exactly that shape
    /// (`T` for the space accepted, as `julianday()` does) or a field is out
    /// of `julianday()`'s ranges (month 1–12, day 1–31, hour 0–24, minute
    /// and second 0–59). A day past the month's end runs on into the next
    /// month, as in `julianday()` (31 February is 3 March).
    static func milliseconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard text.count == 23, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            text[10] == UInt8(ascii: " ") || text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"),
            text[16] == UInt8(ascii: ":"), text[19] == UInt8(ascii: ".")
        else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let digit = Int(text[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), let fraction = number(20, 3),
            (1...12).contains(month), (1...31).contains(day), hour <= 24, minute <= 59, second <= 59
        else { return nil }
        // Days since 1970 in the proleptic Gregorian calendar (years starting in March, eras of 400 years).
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        return Int64(days) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + fraction)
    }
}
