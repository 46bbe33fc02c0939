import Foundation

/// Times and durations as reports show them, in a time zone passed in (the
/// core keeps no global state): `2023-11-20 10:15:30` and `0:42:15`.
/// Formatted with integer arithmetic, because exports format 100,000 dates.
public struct ReportTimeFormat: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public func dateTime(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(19)
        Self.appendDateTime(date, offset: timeZone.secondsFromGMT(for: date), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `H:MM:SS`, rounded to the second.
    public static func duration(_ seconds: TimeInterval) -> String {
        var bytes: [UInt8] = []
        appendDuration(seconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `dateTime(date)`'s bytes, `offset` being the zone's seconds
    /// from GMT at `date` (an export looks it up once per hour of dates, not per row):
    /// `YYYY-MM-DD HH:MM:SS` digit by digit, 100,000 rows at a time.
    /// A time beyond ±1e15 s (31 million years; only an edited store holds one) shows as that bound.
    public static func appendDateTime(_ date: Date, offset: Int, to bytes: inout [UInt8]) {
        let local = Int(clamped(date.timeIntervalSince1970).rounded(.down)) + offset
        let days = Int((Double(local) / 86_400).rounded(.down))
        let seconds = local - days * 86_400
        let (year, month, day) = civil(daysSinceEpoch: days)
        appendPadded(year, 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day, 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendClock(seconds, to: &bytes)
    }

    /// Appends `duration(seconds)`'s bytes; a duration beyond ±1e15 s shows as that bound.
    public static func appendDuration(_ seconds: TimeInterval, to bytes: inout [UInt8]) {
        let total = Int(clamped(seconds).rounded())
        JSONText.append(integer: Int64(total / 3600), to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(total % 3600 / 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(total % 60, 2, to: &bytes)
    }

    /// The largest number of seconds shown: far inside `Int`, so converting
    /// a stored time or duration, however absurd, never traps.
    static let largestShown: TimeInterval = 1e15

    /// `value` within ±`largestShown`; NaN gives the lower bound.
    private static func clamped(_ value: TimeInterval) -> TimeInterval {
        value.isNaN ? -largestShown : min(max(value, -largestShown), largestShown)
    }

    /// `HH:MM:SS` of a second of the day.
    private static func appendClock(_ seconds: Int, to bytes: inout [UInt8]) {
        appendPadded(seconds / 3600, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(seconds % 3600 / 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(seconds % 60, 2, to: &bytes)
    }

    /// `pad(value, width)`'s bytes.
    static func appendPadded(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
        guard value >= 0 else { return bytes.append(contentsOf: pad(value, width).utf8) }
        var digits = 1, rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        for _ in digits..<max(digits, width) { bytes.append(UInt8(ascii: "0")) }
        JSONText.append(integer: Int64(value), to: &bytes)
    }

    /// Gregorian date of a day count since 1970-01-01 (proleptic, days-from-civil inverted).
    static func civil(daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
