import Foundation

/// Times and durations as reports show them, in a time zone passed in (the
/// core keeps no global state): `2023-11-20 10:15:30` and `0:42:15`.
/// Formatted with integer arithmetic, because exports format 100,000 dates.
public struct ReportTimeFormat: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public func dateTime(_ date: Date) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = Int((Double(local) / 86_400).rounded(.down))
        let seconds = local - days * 86_400
        let (year, month, day) = Self.civil(daysSinceEpoch: days)
        guard (0...9999).contains(year) else {
            return Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) + " " + Self.pad(seconds / 3600, 2) + ":"
                + Self.pad(seconds % 3600 / 60, 2) + ":" + Self.pad(seconds % 60, 2)
        }
        // `YYYY-MM-DD HH:MM:SS` digit by digit: exports print one per row, 100,000 rows at a time.
        let fields = [(year, 4), (month, 2), (day, 2), (seconds / 3600, 2), (seconds % 3600 / 60, 2), (seconds % 60, 2)]
        let separators: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: ":")]
        return String(unsafeUninitializedCapacity: 19) { buffer in
            var position = 0
            for (index, (value, width)) in fields.enumerated() {
                var rest = value
                for digit in (0..<width).reversed() {
                    buffer[position + digit] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                position += width
                if index < separators.count {
                    buffer[position] = separators[index]
                    position += 1
                }
            }
            return position
        }
    }

    /// `H:MM:SS`, rounded to the second.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        return String(total / 3600) + ":" + pad(total % 3600 / 60, 2) + ":" + pad(total % 60, 2)
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
